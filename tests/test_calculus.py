"""The SymPy helpers."""

from __future__ import annotations

import numpy as np
import sympy as sp

from gdlib.calculus import classify, gradient, hessian, taylor, taylor_nd

x, y, h, k = sp.symbols("x y h k")


def test_gradient_and_hessian_of_the_bowl():
    f = x**2 + x * y + y**2
    assert gradient(f, (x, y)) == sp.Matrix([2 * x + y, x + 2 * y])
    assert hessian(f, (x, y)) == sp.Matrix([[2, 1], [1, 2]])


def test_taylor_1d_of_exp_and_of_a_cubic():
    assert sp.expand(taylor(sp.exp(x), x, 0, 3) - (1 + x + x**2 / 2 + x**3 / 6)) == 0
    # a cubic is its own third-order Taylor polynomial, about any point
    f = x**3 - 2 * x**2 + 5
    assert sp.expand(taylor(f, x, 2, 3) - f) == 0
    assert sp.expand(taylor(f, x, 1, 1, step=h) - (4 - h)) == 0


def test_taylor_nd_second_order_is_gradient_and_hessian_form():
    f = sp.exp(x * y) + sp.sin(x)
    a = (sp.Rational(1, 2), 1)
    d = sp.Matrix([h, k])
    at = dict(zip((x, y), a))
    expected = (f.subs(at) + (gradient(f, (x, y)).subs(at).T * d)[0]
                + (d.T * hessian(f, (x, y)).subs(at) * d)[0] / 2)
    assert sp.simplify(taylor_nd(f, (x, y), a, 2, steps=(h, k)) - sp.expand(expected)) == 0


def test_classify_from_symbolic_and_numeric_hessians():
    assert classify(sp.Matrix([[2, 1], [1, 2]])) == "minimum"
    assert classify(sp.Matrix([[-2, 0], [0, -1]])) == "maximum"
    assert classify(sp.Matrix([[2, 0], [0, -2]])) == "saddle"
    assert classify(sp.Matrix([[2, 0], [0, 0]])) == "degenerate"
    assert classify(np.array([[1.0, 0.0], [0.0, 25.0]])) == "minimum"
    assert classify(np.array([[-4.0, 101.0], [101.0, 20.0]])) == "saddle"


def test_taylor_nd_without_steps_is_written_in_x_minus_a():
    # The bug: without steps=, the step x - a was differentiated too and only f(a) was left.
    assert taylor_nd(sp.exp(x + y), (x, y), (0, 0), 2) == sp.expand(1 + x + y + (x + y) ** 2 / 2)
    f = sp.exp(x * y) + sp.sin(x)
    a = (sp.Rational(1, 2), 1)
    with_steps = taylor_nd(f, (x, y), a, 3, steps=(h, k))
    assert sp.expand(taylor_nd(f, (x, y), a, 3) - with_steps.subs({h: x - a[0], k: y - a[1]})) == 0


def test_taylor_nd_of_a_polynomial_is_the_polynomial():
    f = x**3 * y - 2 * x * y**2 + 5
    assert sp.expand(taylor_nd(f, (x, y), (1, -2), 4) - f) == 0
    assert sp.expand(taylor_nd(f, (x, y), (1, -2), 0)) == f.subs({x: 1, y: -2})


def test_taylor_nd_about_a_point_given_in_the_other_symbols():
    # at = (y, x) is substituted simultaneously: f(a) = f(y, x), not f(x, x)
    assert taylor_nd(x - 2 * y, (x, y), (y, x), 0) == y - 2 * x


def test_classify_tolerance_and_zero_eigenvalues():
    assert classify(np.diag([1e-13, 1.0])) == "degenerate"
    assert classify(np.diag([1e-11, 1.0])) == "minimum"
    assert classify(np.diag([1e-13, 1.0]), tol=1e-14) == "minimum"
    assert classify(np.diag([-1e-13, 1.0])) == "degenerate"  # within tol of zero: not a saddle
    assert classify(np.diag([0.0, -1.0])) == "degenerate"
    assert classify(np.diag([0.0, 0.0])) == "degenerate"
    assert classify(np.diag([-1e-11, -1.0])) == "maximum"
    assert classify(np.diag([-1.0, 0.0, 1.0])) == "saddle"  # a sign change decides, whatever the zero


def test_classify_gives_the_same_answer_on_both_paths():
    for H in ([[2, 1], [1, 2]], [[-2, 0], [0, -1]], [[1, 3], [3, 1]], [[1, 1], [1, 1]], [[0, 0], [0, 0]]):
        assert classify(sp.Matrix(H)) == classify(np.array(H, dtype=float))


def test_gradient_accepts_parameters_besides_the_symbols():
    a = sp.Symbol("a", positive=True)
    assert gradient(a * x**2 + y, (x, y)) == sp.Matrix([2 * a * x, 1])


def test_classify_at_exactly_the_tolerance():
    assert classify(np.diag([1e-12, 1.0])) == "degenerate"  # |e| <= tol counts as zero
    assert classify(np.diag([-1e-12, 1.0])) == "degenerate"
    assert classify(np.diag([1e-12, -1.0])) == "degenerate"


def test_classify_messages_for_symbolic_and_odd_matrices():
    import pytest

    with pytest.raises(ValueError) as err:
        classify(sp.Matrix([[x, 0], [0, 1]]))
    assert str(err.value) == ("H must be a matrix of numbers, got entries in ['x']: "
                              "substitute the point first, e.g. H.subs({x: 0, y: 0})")
    g = sp.Function("g")
    with pytest.raises(TypeError) as err:
        classify(sp.Matrix([[g(1), 0], [0, 1]]))
    assert str(err.value) == "H must be a matrix of numbers, got Matrix([[g(1), 0], [0, 1]])"


def test_taylor_nd_messages():
    import pytest

    with pytest.raises(ValueError) as err:
        taylor_nd(x * y, (x, y), (0,), 2)
    assert str(err.value) == "at must hold one value per symbol (2), got 1: (0,)"
    with pytest.raises(TypeError) as err:
        taylor_nd(x * y, (x, y), 0, 2)
    assert str(err.value) == "at must be a sequence of 2 numbers (one per symbol), got 0"
    with pytest.raises(ValueError) as err:
        taylor_nd(x * y, (x, y), (0, 0), 2, steps=(y, h))
    assert str(err.value) == "steps must be symbols other than symbols (x, y), got y, h"


def test_taylor_in_a_step_that_is_an_expression():
    eta, a = sp.symbols("eta a", positive=True)
    f = sp.Function("f")
    step = -eta * sp.diff(f(a), a)
    expected = f(a) + sp.diff(f(a), a) * step + sp.diff(f(a), a, 2) * step**2 / 2
    assert sp.simplify(taylor(f(x), x, a, 2, step=step).doit() - expected.doit()) == 0
