"""plot.zero_curves: the curves it draws are where each partial derivative vanishes."""

import matplotlib

matplotlib.use("Agg")
import numpy as np
import pytest
from matplotlib.contour import ContourSet

from gdlib import plot
from gdlib.functions import bowl, three_minima, transcendental
from gdlib.stationary import stationary_points

BOX = ((-3.0, 4.0), (-3.0, 3.0))


def _grid(n):
    return np.stack(np.meshgrid(np.linspace(*BOX[0], n), np.linspace(*BOX[1], n)), -1).reshape(-1, 2)


def _vertices(ax):
    sets = [c for c in ax.get_children() if isinstance(c, ContourSet)]
    return [np.concatenate([p.vertices for p in s.get_paths() if len(p.vertices)]) for s in sets]


def test_the_bowls_zero_curves_are_the_lines_2x_plus_y_and_x_plus_2y():
    ax = plot.zero_curves(bowl, (-2, 2), (-2, 2), n=101)
    along_x, along_y = _vertices(ax)
    # df/dx = 2x + y = 0 is y = -2x; df/dy = x + 2y = 0 is y = -x/2 (swapped axes would fail)
    assert np.allclose(along_x[:, 1], -2 * along_x[:, 0], atol=1e-9)
    assert np.allclose(along_y[:, 1], -along_y[:, 0] / 2, atol=1e-9)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["$\\partial f/\\partial x = 0$", "$\\partial f/\\partial y = 0$"]
    assert ax.get_xlabel() == "$x$" and ax.get_ylabel() == "$y$"


def test_every_stationary_point_sits_on_both_curves_and_is_marked_by_kind():
    found = stationary_points(transcendental, _grid(29), within=BOX)
    ax = plot.zero_curves(transcendental, *BOX, points=found)
    along_x, along_y = _vertices(ax)
    spacing = 7.0 / 399
    for p in found:
        assert np.min(np.linalg.norm(along_x - p.x, axis=1)) < 2 * spacing
        assert np.min(np.linalg.norm(along_y - p.x, axis=1)) < 2 * spacing
    marked = {line.get_label(): line.get_xydata() for line in ax.get_lines() if line.get_marker() in ("o", "X")}
    assert set(marked) == {"minimum (3)", "saddle (3)"}
    assert np.allclose(sorted(map(tuple, marked["minimum (3)"])),
                       [(2.1336100474, -0.7030863573), (2.7681580106, 1.452040406), (3.8041371767, -2.0279200604)])


def test_the_chapters_six_stationary_points_do_not_depend_on_the_grid():
    # optimization_problem.ipynb says a grid twice as fine finds the same six points
    coarse = stationary_points(transcendental, _grid(29), within=BOX)
    assert len(coarse) == 6 and stationary_points(transcendental, _grid(57), within=BOX) == coarse


def test_a_function_of_one_variable_is_refused():
    with pytest.raises(ValueError, match="zero_curves needs a function of 2 variables, got three_minima of 1"):
        plot.zero_curves(three_minima, (-1, 1), (-1, 1))
