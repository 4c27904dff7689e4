"""The widget pattern: structure, browser-side links, frames that line up with the background."""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from ipywidgets.widgets.widget import _instances
from ipywidgets.widgets.widget_link import Link
from PIL import Image

from gdlib.widgets import DPI, PANEL_BASIS, Param, frame_texts, interactive, shown_panel_px


def setup(ax):
    ax.set(xlim=(0, 1), ylim=(0, 2), title="placeholder", xlabel="x", ylabel="y")


def line(ax, a, b=0.0):
    ax.plot([0, 1], [b, a + b], color="#D55E00", lw=3, label=f"a = {a}")
    ax.set_title(f"slope {a}")
    ax.legend(loc="upper left")


def links():
    return [w for w in _instances.values() if isinstance(w, Link)]


def linked(source, target):
    return any(link.source == (source, "index") and link.target == (target, "selected_index")
               for link in links())


def png(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_one_slider_switches_frames_in_the_browser():
    w = interactive(line, {"a": Param("slope a", [0.5, 1.0, 2.0], initial=1.0)}, setup=setup)
    slider, picture = w.children
    (panel,) = picture.children
    background, stack = panel.children
    assert isinstance(slider, widgets.SelectionSlider) and slider.index == 1
    assert isinstance(stack, widgets.Stack) and stack.selected_index == 1
    assert len(stack.children) == 3 == w.frames
    assert linked(slider, stack)
    assert "gd-background" in background._dom_classes
    assert all("gd-frame" in image._dom_classes for image in stack.children)
    frames = {image.value for image in stack.children}
    assert len(frames) == 3  # every value drew something different
    assert w.nbytes == len(background.value) + sum(len(f) for f in frames)


def test_two_sliders_drive_nested_stacks():
    w = interactive(line, {"a": Param("a", [0.5, 1.0]), "b": Param("b", [0.0, 0.5, 1.0])}, setup=setup)
    slider_a, slider_b, picture = w.children
    outer = picture.children[0].children[1]
    assert [len(inner.children) for inner in outer.children] == [3, 3]
    assert linked(slider_a, outer)
    assert all(linked(slider_b, inner) for inner in outer.children)
    assert repr(w) == "Interactive(a: 2 values, b: 3 values; 6 frames): run this cell to get its sliders"


def test_play_button_is_linked_to_its_slider():
    w = interactive(line, {"a": Param("a", [0.5, 1.0, 2.0])}, setup=setup, play="a")
    row = w.children[0]
    play, slider = row.children
    assert isinstance(play, widgets.Play) and (play.min, play.max) == (0, 2)
    assert any(link.source == (play, "value") and link.target == (slider, "index") for link in links())


def test_frame_over_background_matches_a_direct_drawing():
    w = interactive(line, {"a": Param("a", [0.5, 1.5])}, setup=setup, figsize=(4.0, 3.0))
    panel = w.children[1].children[0]
    background = png(panel.children[0].value).convert("RGBA")
    frame = png(panel.children[1].children[1].value).convert("RGBA")
    assert frame.size == background.size == (4 * DPI, 3 * DPI)
    alpha = np.asarray(frame)[..., 3]
    assert alpha.min() == 0 and alpha.max() >= 250  # transparent but for what the frame drew
    shown = np.asarray(Image.alpha_composite(background, frame).convert("RGB"), dtype=float)

    fig = Figure(figsize=(4.0, 3.0), dpi=DPI, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    setup(ax)
    canvas.draw()
    fig.set_layout_engine("none")
    line(ax, 1.5)
    canvas.draw()
    direct = np.asarray(canvas.buffer_rgba())[..., :3].astype(float)
    # Same picture, up to palette quantisation and anti-aliasing at the edges.
    assert np.mean(np.abs(shown - direct)) < 2.0
    assert np.mean(np.abs(shown - direct) > 60) < 0.01


def test_title_of_setup_is_not_baked_into_the_background():
    w = interactive(line, {"a": Param("a", [0.5, 1.5])}, setup=setup, figsize=(4.0, 3.0))
    background = np.asarray(png(w.children[1].children[0].children[0].value).convert("L"))
    assert background[:12].min() > 200  # the title strip is blank: frames draw their own


@pytest.mark.parametrize("call, message", [
    (lambda: interactive(line, {}), "params must name one or two parameters, got 0: []"),
    (lambda: interactive(line, {"a": Param("a", [1, 2]), "b": Param("b", [1, 2]), "c": Param("c", [1, 2])}),
     "params must name one or two parameters, got 3: ['a', 'b', 'c']"),
    (lambda: interactive(line, {"a": Param("a", [1, 2])}, play="b"), "play must be one of ['a'], got 'b'"),
    (lambda: interactive(line, {"a": Param("a", list(range(43)))}),
     "a has 43 values; at most 42 fit on a phone's slider (8 px a step): use fewer, or split the range"),
    (lambda: interactive(line, {"a": Param("a", [1, 2])}, figsize=(9.0, 4.0)),
     "figsize is 9 inches wide for 1 panel(s): at most 5.8 inches a panel stay readable on a phone "
     "(use ncols, or a smaller figure)"),
    (lambda: Param("slope", [1.0]), "values of 'slope' must hold at least 2 values, got [1.0]"),
    (lambda: Param("slope", [1.0, 2.0], initial=3.0), "initial of 'slope' must be one of its values, got 3.0"),
])
def test_bad_arguments_name_what_is_wrong(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert str(err.value) == message


def two_panels(axes, a):
    left, right = axes
    left.plot([0, 1], [0, a], color="#D55E00", lw=3)
    right.plot([0, 1], [a, 0], color="#0072B2", lw=3)
    right.set_title(f"a = {a}")


def test_each_panel_is_a_picture_of_its_own_linked_to_the_slider():
    def both(axes):
        for ax in axes:
            setup(ax)

    w = interactive(two_panels, {"a": Param("a", [0.5, 1.5], initial=1.5)}, setup=both, ncols=2,
                    figsize=(8.0, 3.0))
    slider, picture = w.children
    assert "gd-picture" in picture._dom_classes and "gd-interactive" in w._dom_classes
    assert len(picture.children) == 2
    for k, panel in enumerate(picture.children):
        background, stack = panel.children
        assert png(background.value).size == (4 * DPI, 3 * DPI)
        assert linked(slider, stack) and stack.selected_index == 1
        colours = [np.asarray(png(image.value).convert("RGBA")) for image in stack.children]
        drawn = [c[c[..., 3] > 250][:, :3].mean(axis=0) for c in colours]
        # The left panel holds the orange line, the right one the blue line and the title.
        assert all((d[0] > d[2]) == (k == 0) for d in drawn)
    assert w.frames == 2


def test_sliders_share_one_label_width_and_images_have_no_margin():
    w = interactive(line, {"a": Param("a", [0.5, 1.0]), "b": Param("a longer label", [0.0, 1.0])}, setup=setup)
    slider_a, slider_b, picture = w.children
    assert slider_a.style.description_width == slider_b.style.description_width
    images = [c for panel in picture.children for c in panel.children if isinstance(c, widgets.Image)]
    assert images and all(i.layout.margin == "0" for i in images)


def test_marked_values_say_so_in_the_readout():
    p = Param("η", [0.1, 0.475, 2 / 3], fmt="{:.3g}", marks={0.475: "(fastest)", 2 / 3: "(limit 2/3)"})
    w = interactive(line, {"a": p}, setup=setup)
    assert [label for label, _ in w.children[0].options] == ["0.1", "0.475 (fastest)", "0.667 (limit 2/3)"]
    with pytest.raises(ValueError, match="marks of 'η' must name values of it, got 0.5"):
        Param("η", [0.1, 0.2], marks={0.5: "(no)"})


def test_plot_arrow_adds_a_legend_entry_only_when_labelled():
    from gdlib import plot

    fig = Figure()
    ax = fig.add_subplot()
    plot.arrow(ax, [0, 0], [1, 1])
    plot.arrow(ax, [0, 0], [1, -1], label="step")
    assert [t.get_text() for t in ax.legend().get_texts()] == ["step"]
    assert len(ax.texts) == 2  # the two arrows


def test_both_sliders_start_at_their_initial_values():
    w = interactive(line, {"a": Param("a", [0.5, 1.0, 2.0], initial=2.0),
                           "b": Param("b", [0.0, 0.5, 1.0], initial=0.5)}, setup=setup)
    slider_a, slider_b, picture = w.children
    outer = picture.children[0].children[1]
    assert (slider_a.index, slider_b.index, outer.selected_index) == (2, 1, 2)
    assert [inner.selected_index for inner in outer.children] == [1, 1, 1]


def test_each_frame_records_its_title_and_legend():
    w = interactive(line, {"a": Param("a", [0.5, 2.0]), "b": Param("b", [0.0, 1.0])}, setup=setup)
    assert w.texts[(1, 0)] == [["slope 2.0", "a = 2.0"]]
    assert w.texts == frame_texts(line, {"a": Param("a", [0.5, 2.0]), "b": Param("b", [0.0, 1.0])}, setup=setup)
    assert len(w.texts) == w.frames == 4


def test_a_3d_panel_draws_its_surface_in_every_frame():
    def setup3(axes):
        axes[0].set(xlim=(0, 1), ylim=(0, 2))
        axes[1].set(xlim=(-1, 1), ylim=(-1, 1), zlim=(-1, 1))

    def frame3(axes, a):
        line(axes[0], a)
        X, Y = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 5))
        axes[1].plot_surface(X, Y, a * X * Y / 2, color="#0072B2")

    w = interactive(frame3, {"a": Param("a", [0.5, 2.0])}, setup=setup3, ncols=2, figsize=(8.0, 3.0),
                    projections=[None, "3d"])
    surface_panel = w.children[1].children[1]
    frames = [png(image.value) for image in surface_panel.children[1].children]
    # Each frame holds an opaque surface, and the two slopes draw different surfaces.
    assert all(np.asarray(f.convert("RGBA"))[..., 3].max() > 200 for f in frames)
    assert surface_panel.children[1].children[0].value != surface_panel.children[1].children[1].value
    with pytest.raises(ValueError, match=r"projections must give None or '3d' for each of the 2 panel\(s\), got \['3d'\]"):
        interactive(frame3, {"a": Param("a", [0.5, 2.0])}, setup=setup3, ncols=2, figsize=(8.0, 3.0),
                    projections=["3d"])


def test_frame_texts_keep_only_text_artists():
    def contour_frame(ax, a):
        X, Y = np.meshgrid(np.linspace(0, 1, 5), np.linspace(0, 2, 5))
        ax.contour(X, Y, a * X + Y)  # a ContourSet has a get_text of another kind
        ax.text(0.5, 1.0, f"a = {a}")
        ax.set_title("contours")

    texts = frame_texts(contour_frame, {"a": Param("a", [1.0, 2.0])}, setup=setup)
    assert texts == {(0,): [["contours", "a = 1.0"]], (1,): [["contours", "a = 2.0"]]}


def test_a_frames_title_has_room_even_when_setup_sets_none():
    # Without a title in setup the layout used to leave no room, and the page cut it off.
    def bare(ax):
        ax.set(xlim=(0, 1), ylim=(0, 2), xlabel="x", ylabel="y")

    w = interactive(line, {"a": Param("a", [0.5, 1.0])}, setup=bare)  # would refuse a cut-off title
    assert w.texts[(0,)][0][0] == "slope 0.5"
    panel = w.children[1].children[0]
    frame = np.asarray(png(panel.children[1].children[0].value).convert("RGBA"))
    rows = np.flatnonzero(frame[..., 3].max(axis=1) > 128)
    assert 0 < rows[0] < 20  # the title is drawn in a band of its own at the top, not above the picture


@pytest.mark.parametrize("draw, shown", [
    (lambda ax, a: ax.set_title(f"first line {a}\nsecond line\nthird line"), "'first line 1"),
    (lambda ax, a: ax.text(1.6, 1.0, f"far right {a}"), "'far right 1"),
    (lambda ax, a: (ax.plot([0, 1], [0, a], label="a very long legend entry " * 3),
                    ax.legend(loc="center left", bbox_to_anchor=(0.9, 0.5))), "the legend"),
])
def test_a_frame_drawing_outside_its_picture_is_refused(draw, shown):
    with pytest.raises(ValueError, match=f"frame draws {shown}.*partly outside its picture"):
        interactive(draw, {"a": Param("a", [1, 2])}, setup=setup)


def test_a_text_inside_the_axes_passes():
    w = interactive(lambda ax, a: ax.text(0.5, 1.0, f"inside {a}"), {"a": Param("a", [1, 2])}, setup=setup)
    assert w.texts[(1,)][0] == ["placeholder", "inside 2"]


def test_the_text_keeps_its_hint_when_the_labels_are_long():
    # ipywidgets cuts a widget's plain text at 110 characters: the hint must survive that.
    long = {"beta": Param("angle β between the step and the gradient (degrees)", [0, 90]),
            "eta": Param("step length η of the step along u", [0.1, 1.0])}
    w = interactive(lambda ax, beta, eta: ax.plot([0, 1], [0, eta]), long, setup=setup)
    text = repr(w)
    assert len(text) <= 110 and text.endswith("; 4 frames): run this cell to get its sliders")
    assert text.startswith("Interactive(angle β between the step") and "…" in text
    assert w._repr_mimebundle_()["text/plain"] == text


def test_frames_are_lossless_webp_with_their_title_as_text_alternative():
    w = interactive(line, {"a": Param("slope a", [0.5, 2.0])}, setup=setup)
    background, stack = w.children[1].children[0].children
    assert background.format == "webp" and all(image.format == "webp" for image in stack.children)
    assert png(stack.children[1].value).format == "WEBP"
    # Each frame says what its title and legend say; the background is part of the same picture.
    assert [image.alt for image in stack.children] == ["slope 0.5; a = 0.5", "slope 2.0; a = 2.0"]
    assert background.alt == ""
    # Not a tooltip: JupyterLab's widgets cannot draw an Image with one.
    assert all(image.tooltip is None for image in [background, *stack.children])


def test_a_frame_text_alternative_reads_mathtext_as_unicode():
    def titled(ax, eta):
        ax.set_title(rf"$\eta = {eta}$, $\nabla f \approx \frac{{1}}{{2}}$")

    w = interactive(titled, {"eta": Param("learning rate η", [0.1, 0.2])}, setup=setup)
    stack = w.children[1].children[0].children[1]
    assert stack.children[0].alt == "η = 0.1, ∇ f ≈ (1)/(2)"


# --- Readable text: every panel's text at least 8 CSS px as the site shows it ----------------


@pytest.mark.parametrize("panel_px, ncols, phone, desktop", [
    (560, 1, 358, 560),  # one 5.6-inch panel: scaled down on a phone only
    (280, 1, 280, 280),  # a narrow one is shown at its own width everywhere
    (560, 2, 358, 344),  # two side by side at 1280 px (2 x 336 <= 688): narrower than on a phone
    (580, 2, 358, 580),  # 2 x 348 > 688: stacked on a desktop too, each at its own width
    (300, 3, 300, 229.33),  # three of 180 px fit in 688: a third of the column each
    (400, 3, 358, 344),  # 3 x 240 > 688 but 2 fit: the first row holds two
])
def test_shown_panel_px_follows_the_flex_layout(panel_px, ncols, phone, desktop):
    assert shown_panel_px(panel_px, ncols, 358) == pytest.approx(phone, abs=0.01)
    assert shown_panel_px(panel_px, ncols, 688) == pytest.approx(desktop, abs=0.01)


def test_the_layout_uses_the_basis_shown_panel_px_assumes():
    w = interactive(lambda axes, a: axes[0].plot([0, 1], [0, a]), {"a": Param("a", [1, 2])},
                    setup=lambda axes: [setup(ax) for ax in axes], figsize=(8.0, 3.0), ncols=2)
    assert PANEL_BASIS == 0.6
    assert [p.layout.flex for p in w.children[1].children] == ["1 1 240px"] * 2  # 0.6 x 400 px
    assert w.children[1].layout.max_width == "800px" and w.children[1].children[0].layout.max_width == "400px"


def titled(size):
    def frame(ax, a):
        ax.plot([0, 1], [0, a])
        ax.set_title(f"slope {a}", fontsize=size)
    return frame


def test_interactive_refuses_a_frame_whose_title_is_too_small():
    with pytest.raises(ValueError) as err:
        interactive(titled(6), {"a": Param("slope a", [0.5, 1.0], fmt="{:.1f}")}, setup=setup)
    # 6 pt at 100 dpi is 8.3 image px; the 560-px picture is shown 358 px wide on a phone.
    assert str(err.value) == ("figure text 'slope 0.5' is 5.3 CSS px at 390 px (the frame slope a = 0.5, 560 px wide, "
                              "is shown at 358 px): at least 8 px stays readable; use a larger font (≥ 10 pt on a "
                              "5.6-inch figure) or a narrower figure")
    w = interactive(titled(10), {"a": Param("slope a", [0.5, 1.0])}, setup=setup)
    assert w.texts[(0,)] == [["slope 0.5"]]


def test_frame_texts_runs_the_same_check():
    with pytest.raises(ValueError, match=r"^figure text 'slope 1.0' is 5\.3 CSS px at 390 px \(the frame a = 1, 560 px wide, is shown at 358 px\)"):
        frame_texts(titled(6), {"a": Param("a", [1.0, 0.5])}, setup=setup)
    assert frame_texts(titled(10), {"a": Param("a", [1.0, 0.5])}, setup=setup)[(1,)] == [["slope 0.5"]]


def test_side_by_side_panels_are_checked_at_their_desktop_width():
    # Two 5.5-inch panels share the desktop column, 344 px each: a 9-pt legend (7.8 px there)
    # fails at 1280 px although it would pass on a phone (8.1 px at 358 px).
    def frame(axes, a):
        axes[0].plot([0, 1], [0, a], label=f"a = {a}")
        axes[0].legend(fontsize=9)
        axes[1].set_title(f"slope {a}")

    def setup2(axes):
        for ax in axes:
            setup(ax)

    with pytest.raises(ValueError, match=r"^figure text 'a = 1' is 7\.8 CSS px at 1280 px \(panel 1 of 2 of the "
                                         r"frame a = 1, 550 px wide, is shown at 344 px\)"):
        frame_texts(frame, {"a": Param("a", [1, 2])}, setup=setup2, figsize=(11.0, 3.0), ncols=2)
    frame_texts(frame, {"a": Param("a", [1, 2])}, setup=setup2, figsize=(5.6, 3.0), ncols=2)  # 280 px each: 12.5 px


def test_the_background_is_checked_too():
    def small_ticks(ax):
        setup(ax)
        ax.tick_params(labelsize=6)

    with pytest.raises(ValueError, match=r"^figure text '0\.\d' is 5\.3 CSS px at 390 px \(the background setup draws, 560"):
        interactive(titled(10), {"a": Param("a", [1, 2])}, setup=small_ticks)


def test_the_check_reads_font_sizes_and_draws_nothing(monkeypatch):
    draws = []
    original = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw", lambda self, *a, **k: (draws.append(1), original(self, *a, **k))[1])
    frame_texts(titled(10), {"a": Param("a", [1, 2, 3])}, setup=setup)
    assert draws == []
