"""Stationary points by Newton's method on the gradient, against known roots."""

import numpy as np
import pytest
import sympy as sp

from gdlib.functions import rosenbrock, saddle, three_minima, transcendental
from gdlib.stationary import newton_root, stationary_points

GRID = np.stack(np.meshgrid(np.linspace(-3, 3, 7), np.linspace(-3, 3, 7)), -1).reshape(-1, 2)


def test_three_minima_has_its_five_known_roots_with_their_kinds():
    found = stationary_points(three_minima, np.linspace(-3, 3, 25)[:, None])
    assert [p.x for p in found] == [(-2.0,), (-1.0,), (0.0,), (1.5,), (2.5,)]
    assert [p.kind for p in found] == ["minimum", "maximum", "minimum", "maximum", "minimum"]


def test_rosenbrock_and_saddle():
    assert [(p.x, p.kind) for p in stationary_points(rosenbrock, GRID)] == [((1.0, 1.0), "minimum")]
    assert [(p.x, p.kind) for p in stationary_points(saddle, GRID)] == [((0.0, 0.0), "saddle")]


def test_transcendental_roots_are_roots_of_the_symbolic_gradient():
    found = stationary_points(transcendental, GRID, within=((-3, 3), (-3, 3)))
    assert len(found) >= 4 and {p.kind for p in found} >= {"minimum", "saddle"}
    gx, gy = (sp.diff(transcendental.expr, s) for s in transcendental.symbols)
    for p in found:
        at = dict(zip(transcendental.symbols, p.x))
        assert abs(float(gx.subs(at))) < 1e-6 and abs(float(gy.subs(at))) < 1e-6
        assert all(-3 <= c <= 3 for c in p.x)


def test_newton_fails_cleanly_where_the_hessian_is_singular():
    # x^4-like flatness: three_minima's Hessian is fine, but the saddle's Newton from the
    # origin converges at once, and a start at a huge value runs away and returns None
    assert newton_root(saddle, [0.0, 0.0]).tolist() == [0.0, 0.0]
    from gdlib.functions import square
    assert newton_root(square, [5.0]).tolist() == [0.0]


@pytest.mark.parametrize("call, error, message", [
    (lambda: stationary_points("bowl", GRID), TypeError, r"f must be a gdlib.functions.Function, got 'bowl'"),
    (lambda: stationary_points(saddle, [1.0, 2.0]), ValueError, r"starts must have shape \(k, 2\) for saddle"),
    (lambda: stationary_points(saddle, [[1.0, 2.0, 3.0]]), ValueError, r"starts must have shape \(k, 2\)"),
    (lambda: stationary_points(saddle, [[1.0, np.nan]]), ValueError, r"starts must be finite"),
    (lambda: stationary_points(saddle, [[1.0, 1j]]), ValueError, r"starts must be"),
    (lambda: stationary_points(saddle, GRID, within=((0, 1),)), ValueError, r"within must hold one \(low, high\) pair"),
    (lambda: stationary_points(saddle, GRID, within=((1, 0), (0, 1))), ValueError, r"low < high"),
    (lambda: stationary_points(saddle, GRID, distinct=0), ValueError, r"distinct must be in \(0, inf\)"),
    (lambda: newton_root(saddle, [1.0]), ValueError, r"x0 must have shape \(2,\) for saddle, got shape \(1,\)"),
    (lambda: newton_root(saddle, [1.0, 1.0], max_iter=-1), ValueError, r"max_iter must be a whole number"),
    (lambda: newton_root(saddle, [1.0, 1.0], tol=[1e-3]), ValueError, r"tol must be one positive number"),
])
def test_bad_input_is_refused_by_name(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_max_iter_counts_newton_steps():
    from gdlib.functions import saddle
    assert newton_root(saddle, [0.0, 0.0], max_iter=0).tolist() == [0.0, 0.0]  # already a root: no step needed
    assert newton_root(saddle, [0.3, -0.2], max_iter=0) is None                 # one step needed, none allowed
    assert newton_root(saddle, [0.3, -0.2], max_iter=1).tolist() == [0.0, 0.0]  # a quadratic: one step


def test_within_keeps_roots_on_its_edges_and_refuses_an_empty_box():
    from gdlib.functions import saddle
    (point,) = stationary_points(saddle, [[0.3, -0.2]], within=((0.0, 1.0), (-1.0, 0.0)))
    assert point.x == (0.0, 0.0)
    assert stationary_points(saddle, [[0.3, -0.2]], within=((0.0, 1.0), (-1.0, 0.0)))
    with pytest.raises(ValueError, match=r"^within must hold one \(low, high\) pair with low < high"):
        stationary_points(saddle, [[0.3, -0.2]], within=((1.0, 1.0), (-1.0, 1.0)))
