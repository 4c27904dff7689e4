"""The book's figures, checked by the data in their artists on asymmetric functions.

A symmetric picture hides mistakes: on the bowl, a transposed grid or swapped x and y
look the same. These functions are asymmetric, so reversed arrows, a transposed grid or
swapped coordinates each change the data checked here.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import colors as mpl_colors
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


# --- Readable figure text: no text under 8 CSS px as the site shows the figure ----------------


def small_legend_figure(points: float, width: float = 6.4) -> Figure:
    """A pyplot figure (as a chapter makes one) whose smallest text is a legend entry of ``points``."""
    with plt.rc_context({"font.size": 14, "axes.titlesize": 14, "axes.labelsize": 14}):
        fig, ax = plt.subplots(figsize=(width, 4.0), layout="constrained")  # filled: crops little
        ax.plot([0, 1], [0, 1], label="ε = 0.1")
        ax.set(xlabel="step $t$", ylabel="loss", title="The loss falls")
        ax.legend(fontsize=points)
    return fig


def test_six_point_text_on_a_wide_figure_is_refused_at_phone_width_naming_the_text():
    fig = small_legend_figure(6)
    natural = plot._natural_px(fig)
    assert 630 < natural < 660  # cropped to its tight box, padded by 0.1 inch a side
    with pytest.raises(ValueError) as err:
        plot.check_text(fig, "the figure", {"390 px": 342, "1280 px": natural}, natural_px=natural)
    size = 6 * 100 / 72 * 342 / natural  # about 4.5 CSS px
    assert str(err.value).startswith(f"figure text 'ε = 0.1' is {size:.1f} CSS px at 390 px (the figure, "
                                     f"{natural:.0f} px wide, is shown at 342 px): at least 8 px stays readable; "
                                     "use a larger font (≥ 11 pt on a 6.")
    assert str(err.value).endswith("-inch figure) or a narrower figure")
    # At its natural width, on a desktop, 6 pt is 8.3 px: readable there, so only the phone fails.
    plot.check_text(fig, "the figure", {"1280 px": natural}, natural_px=natural)


def test_eleven_point_text_passes_and_ten_does_not():
    plot.check_text(small_legend_figure(11), "the figure", {"390 px": 342})
    with pytest.raises(ValueError, match=r"^figure text 'ε = 0.1' is 7\.\d CSS px at 390 px"):
        plot.check_text(small_legend_figure(10), "the figure", {"390 px": 342})


def test_smallest_text_measures_the_tight_box_not_the_figure_size():
    # A 10-inch figure whose one small axes leaves most of it blank: the saved PNG is cropped.
    fig = plt.figure(figsize=(10.0, 4.0))
    ax = fig.add_axes((0.05, 0.1, 0.25, 0.8))
    ax.set(xlim=(0, 1), xticks=[0, 1], yticks=[0, 1], title="small axes")
    ax.tick_params(labelsize=9)
    natural = plot._natural_px(fig)
    assert natural < 400 < 10.0 * fig.dpi
    size, text = plot.smallest_text(fig, 342)
    assert text in {"0", "1"} and size == pytest.approx(9 * 100 / 72 * 342 / natural)
    plot.check_text(fig, "the figure", {"390 px": 342})  # passes: 11.x px as shown
    with pytest.raises(ValueError, match=r"is 4\.\d CSS px at 390 px \(the figure, 1000 px wide"):
        plot.check_text(fig, "the figure", {"390 px": 342}, natural_px=1000)  # as if uncropped


def test_smallest_text_finds_every_kind_of_text():
    def smallest(fig):
        return plot.smallest_text(fig)[1]

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="line")
    ax.set(title="t", xlabel="x", ylabel="y")
    assert plot.smallest_text(fig)[0] == pytest.approx(10 * 100 / 72)  # the tick labels, 10 pt at 100 dpi
    ax.legend(fontsize=7, title="legend title", title_fontsize=6)
    assert smallest(fig) == "legend title"
    ax.annotate("note", (0.5, 0.5), fontsize=5)
    assert smallest(fig) == "note"
    fig.suptitle("whole figure", fontsize=4)
    assert smallest(fig) == "whole figure"
    X, Y = np.meshgrid(np.linspace(0, 1, 9), np.linspace(0, 1, 9))
    cs = ax.contour(X, Y, X + Y, levels=[0.5, 1.0])
    ax.clabel(cs, fontsize=3, fmt="%.1f")
    assert smallest(fig) == "0.5"
    colorbar = fig.colorbar(cs, ax=ax)
    colorbar.set_label("colour bar", fontsize=2)
    assert smallest(fig) == "colour bar"

    fig3 = plt.figure()
    ax3 = fig3.add_subplot(projection="3d")
    ax3.set_zlabel("height", fontsize=5)
    assert smallest(fig3) == "height"


def test_smallest_text_skips_what_is_not_drawn():
    fig, ax = plt.subplots()
    ax.set(title="title")
    ax.tick_params(labelsize=12)
    ax.legend([ax.plot([0, 1])[0]], ["hidden"], fontsize=4).set_visible(False)
    ax.text(0.5, 0.5, "   ", fontsize=3)  # blank: nothing to read
    ax.set_xticks([0.0, 0.5, 1.0, 7.0])
    ax.set_xlim(0, 1)  # 7 lies outside the view: its label is not drawn
    ax.xaxis.get_major_ticks()[3].label1.set_fontsize(5)
    assert plot.smallest_text(fig)[0] == pytest.approx(12 * 100 / 72)
    ax.set_xlim(0, 8)  # now it is drawn
    assert plot.smallest_text(fig) == (pytest.approx(5 * 100 / 72), "7.0")
    ax.axis("off")
    assert plot.smallest_text(fig)[1] == "title"
    fig.clear()
    assert plot.smallest_text(fig) == (float("inf"), "")


def test_show_displays_a_readable_figure_once_and_closes_it(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    fig = small_legend_figure(11)
    assert plt.fignum_exists(fig.number)
    assert plot.show(fig) is None
    assert shown == [fig] and not plt.fignum_exists(fig.number)


def test_show_displays_nothing_when_it_refuses(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    fig = small_legend_figure(6)
    with pytest.raises(ValueError, match=r"^figure text 'ε = 0.1' is 4\.\d CSS px at 390 px \(the figure"):
        plot.show(fig)
    # Closed too, so that the notebook's inline backend does not show it at the end of the cell.
    assert shown == [] and not plt.fignum_exists(fig.number)


def test_show_checks_both_screens_at_the_widths_the_site_shows(monkeypatch):
    checked = []
    monkeypatch.setattr(plot, "check_text", lambda fig, where, widths, **kw: checked.append((where, widths, kw)))
    monkeypatch.setattr("IPython.display.display", lambda fig: None)
    for width, phone, desktop in ((6.4, 342, None), (3.0, None, None), (12.0, 342, 688)):
        fig = small_legend_figure(11, width)
        natural = plot._natural_px(fig)
        plot.show(fig)
        where, widths, kw = checked.pop()
        # A figure narrower than the column is shown at its own width; a wider one is scaled down.
        # (A constrained layout settles over draws: the width may move by a fraction of a pixel.)
        assert widths == pytest.approx({"390 px": phone or natural, "1280 px": desktop or natural}, abs=0.5), width
        assert where == "the figure" and kw["natural_px"] == pytest.approx(natural, abs=0.5)


def test_computation_graph_shows_values_then_adjoints():
    from gdlib.autodiff import Tensor, tape
    x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    out = x**2 + x * y + y**2
    out.backward()
    entries = tape(out)
    fig = Figure()
    ax = plot.computation_graph(fig.add_subplot(), entries, values=7, grads=2)
    boxes = [t.get_text() for t in ax.texts if t.get_text()]
    assert len(boxes) == 7
    assert len(ax.texts) - 7 == 8  # and an arrow (an annotation without text) for each of the 8 inputs used
    assert boxes[6] == "$v_5 = v_3 + v_4$\nvalue 7\n$\\bar v_5$ = 1"   # the output: its adjoint is 1
    assert boxes[5] == "$v_4 = y^{2}$\nvalue 1\n$\\bar v_4$ = 1"       # the last two filled by the backward pass
    assert boxes[0] == "$x$\nvalue 2\n$\\bar{x}$ = ?"                 # not reached yet
    full = plot.computation_graph(Figure().add_subplot(), entries, values=7, grads=7)
    assert [t.get_text().split("= ")[-1] for t in full.texts if t.get_text()] == ["5", "1", "4", "1", "1", "1", "1"]
    empty = plot.computation_graph(Figure().add_subplot(), entries, values=0, grads=0)
    assert all("value ?" in t.get_text() for t in empty.texts if t.get_text())


def test_computation_graph_writes_the_slopes_on_their_arrows():
    from gdlib.autodiff import Tensor, tape
    x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    entries = tape(x * y + y)
    ax = plot.computation_graph(Figure().add_subplot(), entries, slopes={(2, 0): "$y = 1$", (3, 1): "1"})
    labels = [t for t in ax.texts if t.get_text() in ("$y = 1$", "1")]
    assert len(labels) == 2
    (xl, yl), = [t.get_position() for t in labels if t.get_text() == "$y = 1$"]
    assert 0 < xl < 1  # between column 0 (x) and column 1 (x y)
    with pytest.raises(ValueError, match=r"slopes must map arrows"):
        plot.computation_graph(Figure().add_subplot(), entries, slopes={(0, 3): "no such arrow"})


def test_computation_graph_arrows_end_at_their_boxes_and_highlight_in_orange():
    """Arrows were once drawn from fixed offsets, so a wide box hid their heads; now each is clipped at its boxes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Annotation

    from gdlib.autodiff import Tensor, tape
    x, y = Tensor(2.0, "x"), Tensor(1.0, "y")
    entries = tape(x**2 + x * y + y**2)
    fig = Figure(figsize=(5.6, 4.4))
    ax = plot.computation_graph(fig.add_subplot(), entries, highlight={(3, 2), (5, 2)})
    boxes = [t for t in ax.texts if t.get_text() and "value" in t.get_text()]
    arrows = [t for t in ax.texts if isinstance(t, Annotation)]
    FigureCanvasAgg(fig).draw()  # clips each arrow at its boxes
    for a in arrows:
        patch = a.arrow_patch
        assert patch.patchA in [b.get_bbox_patch() for b in boxes] and patch.patchB in [b.get_bbox_patch() for b in boxes]
        # the head's tip sits just outside the box it enters (main drew three tips under boxes)
        (shaft, head), _ = patch._get_path_in_displaycoord()
        tip, box = head.vertices[1], patch.patchB.get_window_extent()
        assert box.x0 - 8 <= tip[0] <= box.x1 + 8 and box.y0 - 8 <= tip[1] <= box.y1 + 8, (tip, box)
        for b in boxes:
            inner = b.get_bbox_patch().get_window_extent().padded(-2)
            assert not inner.contains(*tip), (b.get_text(), tip)
    hot = [a for a in arrows if a.arrow_patch.get_linewidth() > 2]
    assert len(hot) == 2 and all(a.arrow_patch.get_edgecolor()[:3] == pytest.approx(mpl_colors.to_rgb(plot.PALETTE[1]))
                                 for a in hot)
    with pytest.raises(ValueError, match=r"highlight must list arrows"):
        plot.computation_graph(Figure().add_subplot(), entries, highlight={(0, 6)})
