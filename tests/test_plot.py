"""The book's figures, checked by the data in their artists on asymmetric functions.

A symmetric picture hides mistakes: on the bowl, a transposed grid or swapped x and y
look the same. These functions are asymmetric, so reversed arrows, a transposed grid or
swapped coordinates each change the data checked here.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from gdlib import GD, descend, plot
from gdlib.functions import Function, rosenbrock, square, x, y

plane = Function("plane", 3 * x + y, (x, y))  # gradient (3, 1) everywhere
ramp = Function("ramp", x + y**2 / 100, (x, y))  # contours almost vertical lines x = c
tilted = Function("tilted", x**2 + 4 * y**2 + x * y + x, (x, y))


@pytest.fixture
def ax():
    fig = Figure()
    yield fig.add_subplot()
    fig.clear()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_grid_rows_are_y_and_columns_are_x():
    X, Y, Z = plot.grid(tilted, (-1.0, 2.0), (-3.0, 0.5), n=7)
    assert X.shape == Y.shape == Z.shape == (7, 7)
    np.testing.assert_allclose(X[0], np.linspace(-1.0, 2.0, 7))  # x varies along a row
    np.testing.assert_allclose(Y[:, 0], np.linspace(-3.0, 0.5, 7))  # y down a column
    np.testing.assert_allclose(Z, X**2 + 4 * Y**2 + X * Y + X)


def test_contour_lines_of_x_are_vertical(ax):
    plot.contour(ramp, (-1.0, 1.0), (-2.0, 2.0), levels=[0.5], ax=ax)
    (contours,) = [c for c in ax.collections if hasattr(c, "allsegs")]
    segments = np.concatenate(contours.allsegs[0])
    # f = x + y^2/100 = 0.5 is x = 0.5 - y^2/100: x within 0.04 of 0.5, y across the whole box
    assert np.all(np.abs(segments[:, 0] - 0.5) <= 0.041)
    assert segments[:, 1].min() < -1.9 and segments[:, 1].max() > 1.9


def test_gradient_field_arrows_point_downhill(ax):
    plot.contour(plane, (-1.0, 1.0), (-2.0, 2.0), field=True, ax=ax)
    (quiver,) = [c for c in ax.collections if type(c).__name__ == "Quiver"]
    # -grad f = (-3, -1): left, and a third as much down
    np.testing.assert_allclose(quiver.U, -3.0)
    np.testing.assert_allclose(quiver.V, -1.0)
    offsets = quiver.get_offsets()
    assert offsets[:, 0].min() == -1.0 and offsets[:, 0].max() == 1.0
    assert offsets[:, 1].min() == -2.0 and offsets[:, 1].max() == 2.0


def test_gradient_field_on_a_curved_function_is_minus_the_gradient_at_each_arrow(ax):
    plot.contour(tilted, (-1.0, 2.0), (-1.0, 0.5), field=True, ax=ax)
    (quiver,) = [c for c in ax.collections if type(c).__name__ == "Quiver"]
    g = tilted.grad(np.asarray(quiver.get_offsets()))
    np.testing.assert_allclose(np.column_stack([quiver.U, quiver.V]), -g, atol=1e-12)


def test_arrow_goes_from_start_to_start_plus_delta(ax):
    plot.arrow(ax, [1.0, 2.0], [0.5, -3.0])
    (annotation,) = ax.texts
    np.testing.assert_allclose(annotation.xy, [1.5, -1.0])  # the head
    np.testing.assert_allclose(annotation.xyann, [1.0, 2.0])  # the tail
    assert annotation.arrowprops["arrowstyle"] == "->"


def test_path_draws_x_against_y_with_a_square_at_the_start(ax):
    xs = np.array([[1.0, -2.0], [0.5, -1.0], [0.2, -0.3]])
    plot.path(ax, xs, label="run")
    line, start = ax.lines
    np.testing.assert_array_equal(line.get_xdata(), xs[:, 0])
    np.testing.assert_array_equal(line.get_ydata(), xs[:, 1])
    assert (start.get_xdata()[0], start.get_ydata()[0]) == (1.0, -2.0) and start.get_marker() == "s"
    assert line.get_label() == "run"


def test_contour_draws_each_path_and_marks(ax):
    run = descend(rosenbrock, [-1.5, 2.0], GD(eta=1e-3), steps=20)
    plot.contour(rosenbrock, (-2.0, 2.0), (-1.0, 3.0), paths={"GD": run}, marks=[(1.0, 1.0)], ax=ax)
    line = next(line for line in ax.lines if line.get_label() == "GD")
    np.testing.assert_array_equal(np.column_stack([line.get_xdata(), line.get_ydata()]), run.xs)
    star = next(line for line in ax.lines if line.get_label() == "minimum")
    assert (star.get_xdata()[0], star.get_ydata()[0]) == (1.0, 1.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == ["GD", "minimum"]


def test_surface_path_is_at_the_height_of_the_function():
    xs = np.array([[1.0, -2.0], [0.5, -1.0], [0.0, 0.5]])
    ax = plot.surface(tilted, (-1.0, 2.0), (-3.0, 1.0), path=xs)
    (line,) = ax.lines
    px, py, pz = line.get_data_3d()
    np.testing.assert_array_equal(px, xs[:, 0])
    np.testing.assert_array_equal(py, xs[:, 1])
    np.testing.assert_allclose(pz, tilted.value(xs))


def test_curve_draws_the_function_and_the_iterates_on_it(ax):
    run = descend(square, [3.0], GD(eta=0.2), steps=4)
    plot.curve(square, (-4.0, 4.0), path=run, ax=ax)
    f_line, iterates = ax.lines
    np.testing.assert_allclose(f_line.get_ydata(), f_line.get_xdata() ** 2)
    np.testing.assert_array_equal(iterates.get_xdata(), run.xs[:, 0])
    np.testing.assert_allclose(iterates.get_ydata(), run.xs[:, 0] ** 2)


def test_loss_curve_draws_values_against_the_step(ax):
    run = descend(tilted, [1.0, 1.0], GD(eta=0.05), steps=6)
    plot.loss_curve({"f": run, "|g|": run.grad_norms}, ax=ax)
    f_line, g_line = ax.lines
    np.testing.assert_array_equal(f_line.get_xdata(), np.arange(7))
    np.testing.assert_array_equal(f_line.get_ydata(), run.values)
    np.testing.assert_array_equal(g_line.get_ydata(), run.grad_norms)
    assert ax.get_yscale() == "log"


def test_levels_of_a_deep_valley_are_spaced_geometrically(ax):
    plot.contour(rosenbrock, (-2.0, 2.0), (-1.0, 3.0), levels=8, ax=ax)
    (contours,) = [c for c in ax.collections if hasattr(c, "levels")]
    ratios = contours.levels[1:] / contours.levels[:-1]
    np.testing.assert_allclose(ratios, ratios[0])


@pytest.mark.parametrize("kind", list(plot.KIND_MARKERS))
def test_mark_stationary_draws_each_kind_in_the_one_style(ax, kind):
    points = [(2.0, -0.5), (-1.0, 3.0)]  # x and y differ: swapped coordinates would show
    line = plot.mark_stationary(ax, points, kind, label=f"{kind} (2)")
    marker, colour = plot.KIND_MARKERS[kind]
    assert ax.get_lines() == [line]
    np.testing.assert_array_equal(line.get_xydata(), points)
    assert line.get_marker() == marker and line.get_markerfacecolor() == colour
    assert line.get_markeredgecolor() == "black" and line.get_markersize() == plot.MARKER_SIZE == 9
    assert line.get_linestyle() == "None"  # points, not a line joining them
    assert line.get_label() == f"{kind} (2)"


def test_mark_stationary_kinds_differ_and_zero_curves_uses_the_same_style(ax):
    styles = {(m, c) for m, c in plot.KIND_MARKERS.values()}
    assert len(styles) == len(plot.KIND_MARKERS)  # no two kinds look alike
    from gdlib.functions import StationaryPoint, saddle

    zc = plot.zero_curves(saddle, (-1, 1), (-1, 1), points=[StationaryPoint((0.0, 0.0), "saddle")], n=21)
    (mark,) = [line for line in zc.get_lines() if line.get_marker() == "X"]
    drawn = plot.mark_stationary(ax, [(0.0, 0.0)], "saddle", label="saddle (1)")
    for get in ("get_marker", "get_markerfacecolor", "get_markeredgecolor", "get_markersize", "get_label"):
        assert getattr(mark, get)() == getattr(drawn, get)(), get


def test_mark_stationary_without_label_stays_out_of_the_legend_and_empty_draws_nothing(ax):
    plot.mark_stationary(ax, np.array([[1.0, 2.0]]), "minimum")
    assert ax.get_legend_handles_labels() == ([], [])
    assert plot.mark_stationary(ax, [], "saddle", label="saddle (0)") is None
    assert plot.mark_stationary(ax, np.zeros((0, 2)), "maximum") is None
    assert len(ax.get_lines()) == 1


@pytest.mark.parametrize("call, exc, message", [
    (lambda ax: plot.mark_stationary(ax, [(0.0, 0.0)], "minima"), ValueError,
     "kind must be one of ['minimum', 'maximum', 'saddle', 'degenerate'], got 'minima'"),
    (lambda ax: plot.mark_stationary(ax, [(0.0, 0.0)], None), TypeError,
     "kind must be one of ['minimum', 'maximum', 'saddle', 'degenerate'], got None"),
    (lambda ax: plot.mark_stationary(ax, [0.0, 0.0], "saddle"), ValueError,
     "points must have shape (k, 2), one row (x, y) per point, got shape (2,)"),
    (lambda ax: plot.mark_stationary(ax, [(0.0, 0.0, 1.0)], "saddle"), ValueError,
     "points must have shape (k, 2), one row (x, y) per point, got shape (1, 3)"),
    (lambda ax: plot.mark_stationary(ax, [(0.0, float("nan"))], "saddle"), ValueError,
     "points must be finite, got [(0.0, nan)]"),
    (lambda ax: plot.mark_stationary(ax, "origin", "saddle"), TypeError,
     "points must be an array of points, one row (x, y) each, got 'origin'"),
    (lambda ax: plot.mark_stationary(ax, [(0.0, 0.0)], "saddle", label=1), TypeError,
     "label must be a string or None, got 1"),
    (lambda ax: plot.mark_stationary("left", [(0.0, 0.0)], "saddle"), TypeError,
     "ax must be a matplotlib Axes (or None for a new figure), got 'left'"),
])
def test_mark_stationary_messages_name_the_argument_and_value(ax, call, exc, message):
    with pytest.raises(exc) as err:
        call(ax)
    assert str(err.value) == message
    assert ax.get_lines() == []


def test_mark_stationary_says_how_to_pass_the_results_of_stationary_points(ax):
    from gdlib.functions import StationaryPoint

    with pytest.raises(TypeError, match=r"got StationaryPoint objects: pass \[p\.x for p in found if p\.kind == kind\]"):
        plot.mark_stationary(ax, [StationaryPoint((0.0, 0.0), "saddle")], "saddle")
