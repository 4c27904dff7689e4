"""The seeds' functions: generated gradients and Hessians against finite differences."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp

from gdlib import functions as F
from gdlib.calculus import classify

RNG = np.random.default_rng(20261123)


def rebuilt(fn):
    """The same function built again, inside the test (not once at import time)."""
    return F._make(fn.name, fn.expr, fn.symbols, [(p.x, p.name) for p in fn.stationary_points], fn.minimum)


def central_grad(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def central_hessian(grad, x, h=1e-5):
    return np.array([(grad(x + h * e) - grad(x - h * e)) / (2 * h) for e in np.eye(x.size)]).T


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_gradient_matches_central_differences(fn):
    fn = rebuilt(fn)
    for x in RNG.uniform(-2, 2, size=(5, fn.n)):
        np.testing.assert_allclose(fn.grad(x), central_grad(fn.value, x), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_hessian_matches_central_differences_of_the_gradient(fn):
    fn = rebuilt(fn)
    for x in RNG.uniform(-2, 2, size=(5, fn.n)):
        np.testing.assert_allclose(fn.hessian(x), central_hessian(fn.grad, x), rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_stationary_points_have_zero_gradient_and_the_stated_kind(fn):
    again = rebuilt(fn)
    assert again.stationary_points == fn.stationary_points and again.minimum == fn.minimum
    fn = again
    assert fn.stationary_points
    for p in fn.stationary_points:
        x = np.array(p.x)
        np.testing.assert_allclose(fn.grad(x), 0.0, atol=1e-12)
        assert classify(fn.hessian(x)) == p.kind


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_grid_evaluation_has_the_documented_shapes(fn):
    fn = rebuilt(fn)
    grid = RNG.uniform(-1, 1, size=(4, 3, fn.n))
    assert fn.value(grid).shape == (4, 3)
    assert fn.grad(grid).shape == (4, 3, fn.n)
    assert fn.hessian(grid).shape == (4, 3, fn.n, fn.n)
    np.testing.assert_allclose(fn.grad(grid)[2, 1], fn.grad(grid[2, 1]))


def test_seed_numbers():
    assert F.square.grad(np.array([5.0])).tolist() == [10.0]  # f'(5) = 10
    assert float(F.bowl.value(np.array([2.0, 1.0]))) == 7.0
    assert F.bowl.grad(np.array([2.0, 1.0])).tolist() == [5.0, 4.0]


def test_kinds_of_stationary_points():
    kinds = {p.name: p.kind for p in F.three_minima.stationary_points if p.name}
    assert kinds == {"A": "minimum", "B": "minimum", "C": "minimum"}
    values = {p.name: float(F.three_minima.value(np.array(p.x))) for p in F.three_minima.stationary_points if p.name}
    assert values["A"] == pytest.approx(-1.6)
    assert values["A"] < values["B"] < values["C"]  # A is the global minimum
    assert F.saddle.stationary_points[0].kind == "saddle"
    assert F.transcendental.stationary_points[0].kind == "saddle"
    assert F.rosenbrock.stationary_points[0].kind == "minimum"


def test_ill_conditioned_hessian_has_condition_number_25():
    eig = np.linalg.eigvalsh(F.ill_conditioned.hessian(np.zeros(2)))
    assert eig.tolist() == [1.0, 25.0]


def test_wrongly_shaped_point_names_the_shape():
    bowl = rebuilt(F.bowl)
    for what in (bowl.value, bowl.grad, bowl.hessian):
        with pytest.raises(ValueError) as err:
            what(np.zeros(3))
        assert str(err.value) == "point must have shape (..., 2), got shape (3,)"
    with pytest.raises(ValueError) as err:
        rebuilt(F.square).value(np.float64(3.0))
    assert str(err.value) == "point must have shape (..., 1), got shape ()"


def test_one_point_and_a_batch_give_the_same_numbers_and_types():
    fn = rebuilt(F.transcendental)
    point = np.array([0.3, -0.7])
    for what, shape in ((fn.value, ()), (fn.grad, (2,)), (fn.hessian, (2, 2))):
        one, batch = what(point), what(point[None, :])
        assert one.shape == shape and batch.shape == (1, *shape)
        assert one.dtype == batch.dtype == float
        np.testing.assert_array_equal(one, batch[0])
        np.testing.assert_array_equal(what(point.tolist()), one)  # a list works too
        np.testing.assert_array_equal(what([0, 0]), what(np.zeros(2)))  # and integers


def test_a_constant_hessian_broadcasts_over_a_grid():
    fn = F.Function("q", F.x**2 + 3 * F.x * F.y, (F.x, F.y))
    H = fn.hessian(np.zeros((4, 3, 2)))
    assert H.shape == (4, 3, 2, 2)
    np.testing.assert_array_equal(H, np.broadcast_to([[2.0, 3.0], [3.0, 0.0]], (4, 3, 2, 2)))
    assert fn.n == 2 and fn(np.array([1.0, 1.0])) == 4.0


def test_overflow_at_one_point_gives_inf_as_for_a_batch():
    fn = F.Function("e", F.sp.exp(F.x), (F.x,))
    with np.errstate(over="ignore"):
        assert fn.value(np.array([1000.0])) == np.inf
        assert fn.value(np.array([[1000.0]]))[0] == np.inf


def test_latex_repr_names_the_symbols():
    assert rebuilt(F.bowl)._repr_latex_() == "$f(x, y) = x^{2} + x y + y^{2}$"


def test_make_classifies_each_stationary_point():
    fn = F._make("m", F.x**3 - 3 * F.x, (F.x,), [((1,), "right"), ((-1,), "left")], minimum=(1.0,))
    assert [(p.x, p.kind, p.name) for p in fn.stationary_points] == [((1.0,), "minimum", "right"),
                                                                  ((-1.0,), "maximum", "left")]
    assert fn.minimum == (1.0,) and fn.name == "m"


def test_a_rebuilt_function_refuses_complex_and_string_points():
    bowl = rebuilt(F.bowl)
    for what in (bowl.value, bowl.grad, bowl.hessian):
        with pytest.raises(TypeError, match=r"^point must be real, got complex value 1j at index 1"):
            what(np.array([1.0, 1j]))
        with pytest.raises(TypeError, match=r"^point must be an array of real numbers"):
            what("1, 2")


def test_python_float_overflow_and_division_by_zero_give_inf_without_warnings():
    import warnings

    cube = F.Function("cube", F.x**3, (F.x,))
    inverse = F.Function("inverse", 1 / F.x, (F.x,))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cube.value(np.array([1e200])) == np.inf  # Python floats raise OverflowError here
        assert cube.grad(np.array([1e200])).tolist() == [np.inf]
        assert inverse.value(np.array([0.0])) == np.inf  # and ZeroDivisionError here
        assert cube.grad(np.array([1e200])).dtype == float


def test_stationary_points_and_minimum_are_checked_with_messages():
    with pytest.raises(TypeError) as err:
        F.Function("f", F.x**2, (F.x,), stationary_points=((0.0,),))
    assert str(err.value) == "stationary_points must hold StationaryPoint objects, got (0.0,)"
    with pytest.raises(ValueError) as err:
        F.Function("f", F.x**2, (F.x,), stationary_points=(F.StationaryPoint((0.0, 1.0), "minimum"),))
    assert str(err.value) == ("a stationary point must have shape (k, 1) with k >= 1 (one row per iterate), "
                              "got shape (1, 2)")


def test_a_complex_expression_is_refused_when_it_is_built():
    with pytest.raises(TypeError) as err:
        F.Function("f", F.x**2 + sp.I * F.x, (F.x,))
    assert str(err.value) == "expr must be real for real x, got x**2 + I*x, whose imaginary part is x"
    with pytest.raises(TypeError, match=r"^expr must be real for real x, y, got .*imaginary part is sqrt\(3\)\*y/2$"):
        F.Function("f", F.x**2 + (-1) ** sp.Rational(1, 3) * F.y, (F.x, F.y))


def test_an_expression_written_with_i_but_real_is_kept():
    two_cos = F.Function("two_cos", sp.exp(sp.I * F.x) + sp.exp(-sp.I * F.x), (F.x,))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # NumPy computes it through complex numbers
        assert float(two_cos.value(np.array([0.0]))) == pytest.approx(2.0)


def test_one_point_outside_a_real_domain_is_nan_as_in_a_batch():
    # Python's (-1.0)**(1/3) is complex where NumPy's is nan: one point now agrees with a batch.
    cube_root = F.Function("cube_root", F.x ** sp.Rational(1, 3), (F.x,))
    assert np.isnan(cube_root.value(np.array([-1.0])))
    with np.errstate(invalid="ignore"):
        np.testing.assert_array_equal(cube_root.value(np.array([[-1.0], [8.0]])), [np.nan, 2.0])
    assert float(cube_root.value(np.array([8.0]))) == pytest.approx(2.0)
