"""The chain rule's composite: its factors, its numbers and its refusals."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from gdlib.chain import INNER, MAX_POINTS, OUTER, PANEL_LIMITS, PANEL_XS, Composite, sigmoid, u, x
from gdlib.models import sigmoid as np_sigmoid

XS = np.linspace(-1.5, 1.5, 31)


def central(f, xs, h=1e-5):
    return (f(xs + h) - f(xs - h)) / (2 * h)


def test_worked_example_by_hand():
    c = Composite(u**3, x**2 + 1)
    assert c.expr == (x**2 + 1) ** 3
    assert sp.expand(c.derivative) == 6 * x**5 + 12 * x**3 + 6 * x  # the expanded polynomial's derivative
    out = c.evaluate([2.0, -1.0])
    np.testing.assert_array_equal(out["inner"], [5.0, 2.0])
    np.testing.assert_array_equal(out["composite"], [125.0, 8.0])
    np.testing.assert_array_equal(out["outer_factor"], [75.0, 12.0])  # 3 y^2 at y = 5 and y = 2
    np.testing.assert_array_equal(out["inner_factor"], [4.0, -2.0])  # 2x, asymmetric in sign
    np.testing.assert_array_equal(out["derivative"], [300.0, -24.0])


def test_order_matters():
    # f(g(x)) with f = sin, g = x^2 is sin(x^2), not sin(x)^2: swapping outer and inner must show.
    c = Composite(sp.sin(u), x**2)
    assert c.expr == sp.sin(x**2)
    assert sp.simplify(c.derivative - 2 * x * sp.cos(x**2)) == 0
    np.testing.assert_allclose(c.evaluate([1.0])["derivative"], [2 * np.cos(1.0)])


@pytest.mark.parametrize("outer", list(OUTER))
@pytest.mark.parametrize("inner", list(INNER))
def test_catalogue_against_central_differences(outer, inner):
    c = Composite(OUTER[outer], INNER[inner])
    out = c.evaluate(XS)
    composite = sp.lambdify(x, c.expr, modules="numpy")
    np.testing.assert_allclose(out["derivative"], central(lambda t: composite(t) + 0 * t, XS), atol=1e-8)
    np.testing.assert_allclose(out["derivative"], out["outer_factor"] * out["inner_factor"])
    np.testing.assert_allclose(out["composite"], composite(XS) + 0 * XS)


@pytest.mark.parametrize("outer", list(OUTER))
@pytest.mark.parametrize("inner", list(INNER))
def test_catalogue_fits_the_panels(outer, inner):
    # the interactive cannot rescale its axes per frame, so every curve must fit them, with a
    # margin: a curve that ends near the top or bottom edge looks as if it ran off the panel
    out = Composite(OUTER[outer], INNER[inner]).evaluate(np.linspace(*PANEL_XS, 251))
    for keys, panel in ((("inner", "composite"), "values"),
                        (("outer_factor", "inner_factor", "derivative"), "slopes")):
        low, high = PANEL_LIMITS[panel]
        margin = 0.05 * (high - low)
        for key in keys:
            assert low + margin < out[key].min() and out[key].max() < high - margin, (
                key, out[key].min(), out[key].max())


def test_catalogue_names_match_their_expressions():
    # the slider shows the names: each must name its own expression
    assert OUTER["u²"] == u**2 and OUTER["u³"] == u**3 and OUTER["sin u"] == sp.sin(u) and OUTER["eᵘ"] == sp.exp(u)
    assert INNER["x"] == x and INNER["−x"] == -x and INNER["x² − 1"] == x**2 - 1 and INNER["sin 2x"] == sp.sin(2 * x)


def test_sigmoid_matches_numpy_version():
    c = Composite(sigmoid, x)
    out = c.evaluate(XS)
    np.testing.assert_allclose(out["composite"], np_sigmoid(XS))
    s = np_sigmoid(XS)
    np.testing.assert_allclose(out["derivative"], s * (1 - s))


def test_constant_inner_broadcasts():
    out = Composite(u**2, sp.Integer(3)).evaluate([0.0, 1.0, 2.0])
    np.testing.assert_array_equal(out["composite"], [9.0, 9.0, 9.0])
    np.testing.assert_array_equal(out["derivative"], [0.0, 0.0, 0.0])


@pytest.mark.parametrize("outer, inner, message", [
    ("u**2", x, r"outer must be a SymPy expression in u \(such as u\*\*2\), got 'u\*\*2'"),
    (u**2, 3, r"inner must be a SymPy expression in x \(such as x\*\*2\), got 3"),
    (x**2, x, r"outer must be an expression in u only, .* got x\*\*2 \(it contains x\)"),
    (u**2, u + 1, r"inner must be an expression in x only, .* got u \+ 1 \(it contains u\)"),
    (sp.Symbol("u") ** 2, x, r"outer must be an expression in u only, .*\(it contains u\)"),
    (u**2, sp.I * x, r"inner must be a real, finite expression, got I\*x"),
    (u + sp.oo, x, r"outer must be a real, finite expression, got oo"),
])
def test_refuses_bad_expressions(outer, inner, message):
    with pytest.raises((TypeError, ValueError), match=message):
        Composite(outer, inner)


@pytest.mark.parametrize("xs, message", [
    ([[1.0, 2.0]], r"xs must be a non-empty 1-D array, got shape \(1, 2\)"),
    ([], r"xs must be a non-empty 1-D array, got shape \(0,\)"),
    (2.0, r"xs must be a non-empty 1-D array, got shape \(\)"),
    ([1.0, np.nan], r"xs must be finite, got nan among them"),
    ([1.0, np.inf], r"xs must be finite, got inf among them"),
    ([1 + 2j], r"xs must be a 1-D array of real numbers, got dtype complex128"),
    ("1, 2", r"xs must be a 1-D array of real numbers, got '1, 2'"),
    ([True, False], r"xs must be a 1-D array of real numbers, got dtype bool"),
    (np.zeros(MAX_POINTS + 1), rf"xs must hold at most {MAX_POINTS} points, got {MAX_POINTS + 1}"),
])
def test_refuses_bad_points(xs, message):
    with pytest.raises(ValueError, match=message):
        Composite(u**2, x).evaluate(xs)


def test_refuses_points_outside_the_domain():
    with pytest.raises(ValueError, match=r"composite log\(x\) is not finite at x = 0: keep xs inside"):
        Composite(sp.log(u), x).evaluate([1.0, 0.0])
    with pytest.raises(ValueError, match=r"composite sqrt\(x - 2\) is not (real|finite)"):
        Composite(sp.sqrt(u), x - 2).evaluate([3.0, 1.0])


def test_refusals_name_what_is_wrong():
    a, b = sp.symbols("a b", real=True)
    with pytest.raises(ValueError, match=r"\(it contains a, b\)$"):
        Composite(u**2 + a + b, x)
    with pytest.raises(ValueError, match=r"got f\(u\): f is an undefined sp.Function, which has no values$"):
        Composite(sp.Function("f")(u), x)


@pytest.mark.parametrize("inner", [x + sp.zoo, -sp.oo * x, sp.oo * x, x + sp.nan])
def test_an_infinite_or_undefined_inner_is_refused(inner):
    with pytest.raises(ValueError, match=r"^inner must be a real, finite expression"):
        Composite(u**2, inner)


def test_xs_may_be_integers_float32_and_up_to_max_points():
    c = Composite(u**2, x + 1)
    assert c.evaluate([0, 1])["composite"].tolist() == [1.0, 4.0]
    assert c.evaluate(np.array([0.0, 1.0], dtype=np.float32))["derivative"].tolist() == [2.0, 4.0]
    assert c.evaluate(np.zeros(MAX_POINTS))["composite"].shape == (MAX_POINTS,)
    with pytest.raises(ValueError, match=r"^xs must be a 1-D array of real numbers, got \[\[1\.0\], \[1\.0, 2\.0\]\]"):
        c.evaluate([[1.0], [1.0, 2.0]])
