r"""The book's one widget pattern: sliders that work with no kernel.

A chapter names its parameters with their grids of values and a function that
draws one frame; :func:`interactive` precomputes every frame as a small image, puts
the frames in ``widgets.Image`` children of a ``widgets.Stack`` and links each
slider to its stack in the browser with ``widgets.jslink``. Moving a slider then
only changes which precomputed frame is shown, so the figure changes on the
static site (no kernel, no server) and in a live notebook alike.

What every frame shares (axes, ticks, contours) is drawn once, as a background
image; each frame is a transparent image of only what changes, laid over it in the
same grid cell. A frame then costs about 3 KB instead of about 18 KB for the whole
picture, so a page can hold a few hundred of them. The images are lossless WebP
(a quarter smaller than the same pixels as PNG, and faster to encode); each frame
carries what its title and legend say, as its text alternative.

>>> import numpy as np
>>> w = interactive(lambda ax, a: ax.plot([0, 1], [0, a]),
...                 {"a": Param("slope a", [0.5, 1.0, 2.0])},
...                 setup=lambda ax: ax.set(xlim=(0, 1), ylim=(0, 2)))
>>> w
Interactive(slope a: 3 values; 3 frames): run this cell to get its sliders

``setup(ax)`` draws the background; ``frame(ax, **values)`` then adds artists,
which are drawn on a transparent canvas and removed again. So a frame must not
change the axes' limits (autoscaling is off), and what it draws lies above the
background whatever its z-order. Titles and legends belong to the frames: they are
left out of the background and drawn in every frame.
"""

from __future__ import annotations

import inspect
import io
import itertools
import json
import math
import os
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import ipywidgets as widgets
import numpy as np
import traitlets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from . import validation
from .plot import DESKTOP_COLUMN_PX, PHONE_PANEL_PX, _drawn_texts, check_text

# Frames are drawn at this resolution (a 5.6-inch-wide figure is 560 pixels wide) and
# quantised to this many colours; a typical overlay frame is then about 3 KB.
DPI = 100
COLOURS = 64
# Lossless WebP: every visible pixel as drawn. Effort 2 of 6 is within 2 % of the
# smallest file and encodes faster than an optimised PNG.
FORMAT = "webp"
# What stays usable at phone width; see interactive().
MAX_VALUES = 42
MAX_PANEL_WIDTH = 5.8
# Each panel is a flex item this fraction of its width wide at least (its flex basis), so
# panels sit side by side only where each keeps 0.6 of its width; see shown_panel_px.
PANEL_BASIS = 0.6
# ipywidgets shows at most this many characters of a widget's text (its plain-text output).
REPR_WIDTH = 110


@dataclass(frozen=True)
class Param:
    """One slider: its label, the grid of values it steps through, how to print a value.

    ``marks`` adds a note to the read-out of some values (such as the largest stable
    learning rate), so that a reader can find them on the slider.

    The label is plain text (use Unicode, such as "learning rate η"): the widget
    library shows TeX in labels only where MathJax 2 is loaded.
    """

    label: str
    values: Sequence[Any]
    fmt: str = "{:g}"
    initial: Any = None
    marks: Mapping[Any, str] | None = None  # notes shown after some values, e.g. {2 / 3: "(limit)"}

    def __post_init__(self) -> None:
        validation.text("label", self.label)
        if not self.label.strip():
            raise ValueError("label must name the slider, got an empty string")
        if isinstance(self.values, (str, bytes, Mapping, set, frozenset)) or not isinstance(
                self.values, (Sequence, np.ndarray, range)):
            raise validation.ArgumentTypeError(
                f"values of {self.label!r} must be a list of values such as [0.1, 0.2, 0.5], "
                f"got {validation.describe(self.values)}")
        object.__setattr__(self, "values", list(self.values))
        validation.text(f"fmt of {self.label!r}", self.fmt)
        if self.marks is not None and not isinstance(self.marks, Mapping):
            raise validation.ArgumentTypeError(f"marks of {self.label!r} must be a dict value -> note, "
                                               f"got {validation.describe(self.marks)}")
        if len(self.values) < 2:
            raise ValueError(f"values of {self.label!r} must hold at least 2 values, got {list(self.values)!r}")
        if self.initial is not None and self.initial not in list(self.values):
            raise ValueError(f"initial of {self.label!r} must be one of its values, got {self.initial!r}")
        for value, note in (self.marks or {}).items():
            if value not in list(self.values):
                raise ValueError(f"marks of {self.label!r} must name values of it, got {value!r}")
            validation.text(f"the note of marks of {self.label!r} for {value!r}", note)
        for value in self.values:
            try:
                self.fmt.format(value)
            except (ValueError, TypeError, IndexError, KeyError, AttributeError) as err:
                raise ValueError(f"fmt of {self.label!r} ({self.fmt!r}) cannot show the value {value!r}: {err}") from None

    @property
    def start(self) -> int:
        return 0 if self.initial is None else list(self.values).index(self.initial)

    def text(self, value: Any) -> str:
        shown = self.fmt.format(value)
        if self.marks and value in self.marks:
            shown = f"{shown} {self.marks[value]}"
        return shown


class _Picture(widgets.Image):
    """An image with a text alternative, which the site's script makes its ``alt``.

    Not the widget's ``tooltip``: JupyterLab's widgets fail to draw an Image that has one
    (they read the description that only labelled widgets have).
    """

    alt = traitlets.Unicode("", help="what the picture shows, for a screen reader").tag(sync=True)


class Interactive(widgets.VBox):
    """Sliders above a figure whose frames were all drawn in advance.

    ``texts[(i,)]`` (or ``texts[(i, j)]`` for two sliders) lists, panel by panel, the
    text that frame shows: its title, its legend entries and any text it drew, so
    tests can check a frame's numbers without reading its pixels.
    """

    def __init__(self, controls: list[widgets.Widget], view: widgets.Widget, params: Mapping[str, Param],
                 frames: int, nbytes: int, seconds: float) -> None:
        super().__init__(children=[*controls, view], layout=widgets.Layout(width="100%", margin="0"))
        self.add_class("gd-interactive")
        self.params = params
        self.frames = frames
        self.nbytes = nbytes
        self.seconds = seconds

    def __repr__(self) -> str:
        # Stable text for nbval (the widget view itself is not compared). It is also all
        # that a notebook shows for this output until its cell runs, hence the hint.
        sliders = ", ".join(f"{p.label}: {len(p.values)} values" for p in self.params.values())
        tail = f"; {self.frames} frames): run this cell to get its sliders"
        room = REPR_WIDTH - len("Interactive(") - len(tail)
        if len(sliders) > room:  # ipywidgets cuts a longer text, hint and all; cut the labels instead
            sliders = sliders[:room - 1] + "…"
        return f"Interactive({sliders}{tail}"


def _png(image: Image.Image, colours: int) -> bytes:
    """The picture quantised to ``colours`` colours, as a lossless WebP (see FORMAT)."""
    # Fast octree keeps the alpha channel, which the overlays need.
    small = image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    small.save(out, format="WEBP", lossless=True, method=2, quality=75)
    return out.getvalue()


def _rgba(canvas: FigureCanvasAgg) -> Image.Image:
    return Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)


class _Panel:
    """One axes in a figure of its own: a background drawn once, transparent overlays for the frames.

    Each panel of a multi-panel interactive is a separate picture, so that on a narrow
    screen the panels stack instead of shrinking side by side until their text is unreadable.
    """

    def __init__(self, figsize: tuple[float, float], projection: str | None = None) -> None:
        self.fig = Figure(figsize=figsize, dpi=DPI, layout="constrained")
        self.canvas = FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_subplot(projection=projection)

    def freeze(self) -> None:
        """Lay out the drawn background, store it, and keep a blank canvas for overlays."""
        title, legend = self.ax.title.get_text(), self.ax.legend_
        if not title:
            # The frames bring the titles: leave room for one line of title even when setup
            # set none (a frame's longer title needs as many lines set in setup).
            self.ax.title.set_text("Title")
        self.canvas.draw()  # lay out with the titles and legends in place
        self.fig.set_layout_engine("none")  # then freeze it: frames must line up with it
        self.ax.set_autoscale_on(False)
        self.ax.title.set_text("")
        if legend is not None:
            legend.set_visible(False)
        self.canvas.draw()
        self.background = _png(_rgba(self.canvas).convert("RGB"), 256)
        # A fully transparent canvas of the same size, to draw each frame's artists on.
        shown = [(a, a.get_visible()) for a in self.fig.findobj() if a is not self.fig]
        for artist, _ in shown:
            artist.set_visible(False)
        self.fig.patch.set_visible(False)
        self.canvas.draw()
        self.blank = self.canvas.copy_from_bbox(self.fig.bbox)
        for artist, visible in shown:
            artist.set_visible(visible)
        self.fig.patch.set_visible(True)
        self.ax.title.set_text(title)
        if legend is not None:
            legend.set_visible(True)

    def children(self) -> set[int]:
        return {id(a) for a in self.ax.get_children()} | {id(a) for a in self.fig.get_children()}

    def texts(self, before: set[int]) -> list[str]:
        """The text a frame shows on this panel: its title, legend entries and any text it added."""
        shown = [self.ax.title.get_text()] if self.ax.title.get_text() else []
        if self.ax.legend_ is not None:
            shown += [t.get_text() for t in self.ax.legend_.get_texts()]
        added = [a for a in [*self.ax.get_children(), *self.fig.get_children()] if id(a) not in before]
        shown += [a.get_text() for a in added if isinstance(a, Text) and a.get_text()]
        return shown

    def _check_inside(self, added: list[Any], renderer: Any) -> None:
        """Refuse a frame whose title, legend or text would be cut off at the picture's edge."""
        texts = [a for a in added if isinstance(a, Text) and not a.get_clip_on()]
        shown = [self.ax.title, *texts] + ([self.ax.legend_] if self.ax.legend_ is not None else [])
        edge = self.fig.bbox
        for artist in shown:
            if not artist.get_visible() or (isinstance(artist, Text) and not artist.get_text().strip()):
                continue
            box = artist.get_window_extent(renderer)
            if box.x0 < edge.x0 - 1 or box.y0 < edge.y0 - 1 or box.x1 > edge.x1 + 1 or box.y1 > edge.y1 + 1:
                what = repr(artist.get_text()) if isinstance(artist, Text) else "the legend"
                raise ValueError(f"frame draws {what} partly outside its picture, where the page cuts it off "
                                 f"(it spans x {box.x0:.0f} to {box.x1:.0f}, y {box.y0:.0f} to {box.y1:.0f} px of "
                                 f"{edge.width:.0f} x {edge.height:.0f}): shorten it, move it inside the axes, or "
                                 "give it room in setup (a title with as many lines as the frames' titles)")

    def overlay(self, before: set[int]) -> bytes:
        """Draw what a frame added since ``before`` on a transparent canvas, then remove it."""
        added = [a for a in [*self.ax.get_children(), *self.fig.get_children()] if id(a) not in before]
        self.canvas.restore_region(self.blank)
        renderer = self.canvas.get_renderer()
        for artist in added:  # a 3-D artist must be projected before it is drawn on its own
            if hasattr(artist, "do_3d_projection"):
                artist.do_3d_projection()
        for artist in sorted(added, key=lambda a: a.get_zorder()):
            artist.draw(renderer)
        self.ax.title.draw(renderer)
        if self.ax.legend_ is not None and self.ax.legend_ not in added:
            self.ax.legend_.draw(renderer)
        self._check_inside(added, renderer)
        png = _png(_rgba(self.canvas), COLOURS)
        for artist in added:
            artist.remove()
        return png


def shown_panel_px(panel_px: float, ncols: int, column_px: float) -> float:
    """How wide a panel of an interactive is shown, in CSS px, in a column ``column_px`` wide.

    :func:`interactive` lays its ``ncols`` panels out as flex items that wrap, each at least
    ``PANEL_BASIS * panel_px`` wide and at most ``panel_px``: as many share a row as fit at
    that width, and they share it equally. Returns the width of the narrowest panel.

    >>> shown_panel_px(560, 1, 358), shown_panel_px(560, 2, 358), shown_panel_px(280, 2, 688)
    (358.0, 358.0, 280.0)
    >>> shown_panel_px(560, 2, 688)  # side by side, each 344 px: narrower than on a phone
    344.0
    """
    panel_px = validation.real("panel_px", panel_px, low=0.0)
    ncols = validation.count("ncols", ncols, low=1)
    column_px = validation.real("column_px", column_px, low=0.0)
    basis = max(1, round(PANEL_BASIS * panel_px))  # as interactive() writes it into the page
    per_row = min(ncols, max(1, math.floor(column_px / basis)))
    return float(min(panel_px, column_px / per_row))


class _Frames:
    """The panels of one interactive, drawn by ``setup`` once and by ``frame`` once per frame.

    Every panel's text is checked as it will be shown (the background after ``setup``, each
    frame's own text after ``frame``): none may be under MIN_TEXT_PX on a phone or a desktop.
    """

    def __init__(self, setup: Callable[..., Any] | None, figsize: tuple[float, float], ncols: int,
                 projections: Sequence[str | None] | None = None, freeze: bool = True,
                 params: Mapping[str, Param] | None = None) -> None:
        projections = list(projections) if projections is not None else [None] * ncols
        self.panels = [_Panel((figsize[0] / ncols, figsize[1]), p) for p in projections]
        axes = [p.ax for p in self.panels]
        self.ax = axes[0] if ncols == 1 else np.array(axes, dtype=object)
        self.texts: list[list[list[str]]] = []  # per frame, per panel: what it says
        self.params = params or {}
        self.panel_px = round(figsize[0] / ncols * DPI)
        self.widths = {"390 px": shown_panel_px(self.panel_px, ncols, PHONE_PANEL_PX),
                       "1280 px": shown_panel_px(self.panel_px, ncols, DESKTOP_COLUMN_PX)}
        if setup is not None:
            setup(self.ax)
        for k, panel in enumerate(self.panels):
            check_text(panel.fig, f"{self._panel(k)}the background setup draws", self.widths, natural_px=self.panel_px)
        for panel in self.panels if freeze else ():
            panel.freeze()

    def _panel(self, k: int) -> str:
        return f"panel {k + 1} of {len(self.panels)} of " if len(self.panels) > 1 else ""

    def _check_text(self, values: Mapping[str, Any], before: list[set[int]]) -> None:
        """Refuse a frame with text under MIN_TEXT_PX as shown: font sizes only, nothing drawn."""
        for k, (panel, b) in enumerate(zip(self.panels, before)):
            ax = panel.ax
            shown = [ax.title, ax._left_title, ax._right_title, *([ax.legend_] if ax.legend_ is not None else []),
                     *(a for a in [*ax.get_children(), *panel.fig.get_children()] if id(a) not in b)]
            texts = [t for artist in shown for t in _drawn_texts(artist)]
            frame = ", ".join(f"{self.params[n].label} = {self.params[n].text(v)}" for n, v in values.items())
            check_text(panel.fig, f"{self._panel(k)}the frame {frame}", self.widths,
                       natural_px=self.panel_px, texts=texts)

    @property
    def backgrounds(self) -> list[bytes]:
        return [p.background for p in self.panels]

    def render(self, frame: Callable[..., Any], values: Mapping[str, Any], draw: bool = True) -> list[bytes]:
        """One PNG per panel for ``frame(ax, **values)``; the panels are left as they were.

        With ``draw=False`` only the frame's text is recorded (in ``texts``), and no PNG made.
        """
        before = [p.children() for p in self.panels]
        state = [(p.ax.legend_, p.ax.title.get_text()) for p in self.panels]
        frame(self.ax, **values)
        self._check_text(values, before)
        self.texts.append([p.texts(b) for p, b in zip(self.panels, before)])
        if draw:
            pngs = [p.overlay(b) for p, b in zip(self.panels, before)]
        else:
            pngs = []
            for p, b in zip(self.panels, before):
                for artist in [a for a in [*p.ax.get_children(), *p.fig.get_children()] if id(a) not in b]:
                    artist.remove()
        for panel, (legend, title) in zip(self.panels, state):
            panel.ax.legend_ = legend
            panel.ax.title.set_text(title)
        return pngs

    def close(self) -> None:
        for panel in self.panels:
            panel.fig.clear()


def _check(frame: Any, params: Any, setup: Any, figsize: Any, ncols: Any, play: Any,
           projections: Any = None) -> tuple[tuple[float, float], int]:
    """Refuse, before drawing anything, what :func:`interactive` cannot show well."""
    validation.function("frame", frame, "(ax, **values) that draws one frame")
    if not isinstance(params, Mapping):
        raise validation.ArgumentTypeError(f"params must be a dict keyword -> Param, such as "
                                           f"{{'eta': Param('learning rate η', [0.1, 0.2])}}, got {validation.describe(params)}")
    for key, p in params.items():
        if not isinstance(key, str) or not key.isidentifier():
            raise ValueError(f"params must be keyed by keyword names of frame, got {key!r}")
        if not isinstance(p, Param):
            raise validation.ArgumentTypeError(f"params[{key!r}] must be a Param, such as Param('label', [1, 2, 3]), "
                                               f"got {validation.describe(p)}")
    if setup is not None:
        validation.function("setup", setup, "(ax) that draws the background")
    figsize = validation.figsize("figsize", figsize)
    ncols = validation.count("ncols", ncols, low=1, high=4)
    names = list(params)
    if not 1 <= len(names) <= 2:
        raise ValueError(f"params must name one or two parameters, got {len(names)}: {names}")
    _accepts(frame, names)
    if play is not None and play not in params:
        raise ValueError(f"play must be one of {names}, got {play!r}")
    # Phone width (390 px) leaves about 330 px for a slider and 358 px for a picture:
    # more values than this make steps too narrow to touch, wider panels make text too small.
    for n in names:
        if len(params[n].values) > MAX_VALUES:
            raise ValueError(f"{n} has {len(params[n].values)} values; at most {MAX_VALUES} fit on a phone's "
                             f"slider (8 px a step): use fewer, or split the range")
    if figsize[0] / ncols > MAX_PANEL_WIDTH:
        raise ValueError(f"figsize is {figsize[0]:g} inches wide for {ncols} panel(s): at most "
                         f"{MAX_PANEL_WIDTH:g} inches a panel stay readable on a phone (use ncols, or a smaller figure)")
    if projections is not None and (isinstance(projections, str) or not isinstance(projections, Sequence)
                                    or len(projections) != ncols or any(p not in (None, "3d") for p in projections)):
        raise ValueError(f"projections must give None or '3d' for each of the {ncols} panel(s), "
                         f"got {projections!r}")
    pictures = ncols * int(np.prod([len(params[n].values) for n in names]))
    if pictures > validation.MAX_FRAMES:
        raise ValueError(f"{' x '.join(str(len(params[n].values)) for n in names)} values x {ncols} panel(s) = "
                         f"{pictures} pictures exceed the budget of {validation.MAX_FRAMES} for one interactive "
                         "(each is precomputed and stored in the page): use fewer values")
    return figsize, ncols


def frame_texts(frame: Callable[..., Any], params: Mapping[str, Param], *,
                setup: Callable[..., Any] | None = None, figsize: tuple[float, float] = (5.6, 3.5),
                ncols: int = 1, projections: Sequence[str | None] | None = None
                ) -> dict[tuple[int, ...], list[list[str]]]:
    """What each frame of ``interactive(frame, params, ...)`` says, without drawing a picture.

    The same calls as :func:`interactive` (``setup`` once, ``frame`` for every combination of
    values), keyed like :attr:`Interactive.texts`: for a test to check the titles and numbers
    every frame shows in a fraction of the time the pictures take.
    """
    figsize, ncols = _check(frame, params, setup, figsize, ncols, None, projections)
    names = list(params)
    frames = _Frames(setup, figsize, ncols, projections, freeze=False, params=params)
    grids = [list(params[n].values) for n in names]
    combos = list(itertools.product(*(range(len(g)) for g in grids)))
    for combo in combos:
        frames.render(frame, {n: grids[i][j] for i, (n, j) in enumerate(zip(names, combo))}, draw=False)
    texts = dict(zip(combos, frames.texts))
    frames.close()
    return texts


def _slider(p: Param, label_width: str, max_width: str) -> widgets.SelectionSlider:
    # Every slider of an interactive gets the same label width, so their tracks line up.
    return widgets.SelectionSlider(
        options=[(p.text(v), i) for i, v in enumerate(p.values)], index=p.start,
        description=p.label, continuous_update=True,
        style={"description_width": label_width},
        layout=widgets.Layout(width="100%", max_width=max_width, margin="2px 0"))


def interactive(frame: Callable[..., Any], params: Mapping[str, Param], *,
                setup: Callable[..., Any] | None = None, figsize: tuple[float, float] = (5.6, 3.5),
                ncols: int = 1, play: str | None = None,
                projections: Sequence[str | None] | None = None) -> Interactive:
    """Precompute ``frame(ax, **values)`` for every combination of ``params`` and show it with sliders.

    ``params`` maps each keyword of ``frame`` to a :class:`Param` (one or two of
    them). ``setup(ax)`` draws the shared background once (``ax`` is an array
    when ``ncols > 1``). ``play`` names a parameter to animate with a Play button.
    ``figsize`` is the whole picture in inches; with ``ncols > 1`` each panel is a
    picture of its own, side by side where the page is wide enough and stacked where not.
    ``projections`` gives each panel's projection, e.g. ``[None, "3d"]`` for contours
    beside a surface.
    """
    figsize, ncols = _check(frame, params, setup, figsize, ncols, play, projections)
    names = list(params)
    started = time.perf_counter()
    frames = _Frames(setup, figsize, ncols, projections, params=params)
    grids = [list(params[n].values) for n in names]
    pngs: dict[tuple[int, ...], list[bytes]] = {}
    for combo in itertools.product(*(range(len(g)) for g in grids)):
        values = {n: grids[i][j] for i, (n, j) in enumerate(zip(names, combo))}
        pngs[combo] = frames.render(frame, values)
    backgrounds = frames.backgrounds
    texts = dict(zip(pngs, frames.texts))
    frames.close()
    seconds = time.perf_counter() - started

    panel_px = round(figsize[0] / ncols * DPI)
    width = f"{round(figsize[0] * DPI)}px"
    label_width = f"{max(len(p.label) for p in params.values()) * 0.6 + 0.5:.1f}em"
    sliders = [_slider(params[n], label_width, width) for n in names]

    def image(png: bytes, role: str, alt: str = "") -> widgets.Image:
        # No margin: a 100 %-wide child with the widgets' default 2 px margin overflows its box.
        picture = _Picture(value=png, format=FORMAT, alt=alt,
                                layout=widgets.Layout(width="100%", height="auto", margin="0", grid_area="frame"))
        picture.add_class(role)
        return picture

    def stack(k: int) -> widgets.Stack:
        """Panel ``k``'s frames: a stack of images, or a stack of stacks for two sliders."""
        first = params[names[0]].start
        if len(names) == 1:
            view = widgets.Stack([image(pngs[(i,)][k], "gd-frame", _alt(texts[(i,)][k])) for i in range(len(grids[0]))],
                                 selected_index=first)
            widgets.jslink((sliders[0], "index"), (view, "selected_index"))
        else:
            second = params[names[1]].start
            inner = [widgets.Stack([image(pngs[(i, j)][k], "gd-frame", _alt(texts[(i, j)][k]))
                                    for j in range(len(grids[1]))],
                                   selected_index=second, layout=widgets.Layout(margin="0"))
                     for i in range(len(grids[0]))]
            view = widgets.Stack(inner, selected_index=first)
            widgets.jslink((sliders[0], "index"), (view, "selected_index"))
            for each in inner:
                widgets.jslink((sliders[1], "index"), (each, "selected_index"))
        view.layout = widgets.Layout(grid_area="frame", margin="0", width="100%")
        return view

    panels = []
    for k, background in enumerate(backgrounds):
        # The background and the current frame share one grid cell, the frame on top.
        panel = widgets.GridBox(
            [image(background, "gd-background"), stack(k)],
            layout=widgets.Layout(grid_template_areas='"frame"', width="100%", max_width=f"{panel_px}px",
                                  margin="0", flex=f"1 1 {round(panel_px * PANEL_BASIS)}px"))
        panel.add_class("gd-panel")
        panels.append(panel)
    picture = widgets.Box(panels, layout=widgets.Layout(
        display="flex", flex_flow="row wrap", justify_content="flex-start", width="100%",
        max_width=width, margin="0"))
    picture.add_class("gd-picture")

    controls: list[widgets.Widget] = list(sliders)
    if play is not None:
        k = names.index(play)
        button = widgets.Play(value=sliders[k].index, min=0, max=len(grids[k]) - 1, interval=300,
                              description=f"play {params[play].label}")
        widgets.jslink((button, "value"), (sliders[k], "index"))
        controls[k] = widgets.HBox([button, sliders[k]],
                                   layout=widgets.Layout(width="100%", max_width=width, margin="0"))
    nbytes = sum(len(b) for b in backgrounds) + sum(len(v) for frame_pngs in pngs.values() for v in frame_pngs)
    result = Interactive(controls, picture, params, len(pngs), nbytes, seconds)
    result.texts = texts
    _log(result)
    return result


# Matplotlib's mathtext in titles, as a screen reader should read it (η, not "backslash eta").
_TEX = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε", "varepsilon": "ε",
        "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "phi": "φ", "varphi": "φ", "xi": "ξ", "nabla": "∇", "partial": "∂", "approx": "≈",
        "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "infty": "∞",
        "to": "→", "rightarrow": "→", "sqrt": "√", "pm": "±", "lVert": "‖", "rVert": "‖", "Vert": "‖",
        "ldots": "…", "dots": "…", "circ": "°", "min": "min", "max": "max", "log": "log", "ln": "ln",
        "cos": "cos", "sin": "sin", "exp": "exp"}


def _plain(text: str) -> str:
    """``text`` with its mathtext written as plain Unicode, on one line."""
    text = re.sub(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", text)
    text = re.sub(r"\\([A-Za-z]+)", lambda m: _TEX.get(m.group(1), ""), text)
    text = re.sub(r"\\[,;:! ]", " ", text)
    text = text.replace("$", "").replace("{", "").replace("}", "")
    return " ".join(text.split())


def _alt(texts: list[str]) -> str:
    """A frame's text alternative: what its title, legend and labels say, one line."""
    return "; ".join(_plain(t) for t in texts if t.strip())


def _accepts(frame: Callable[..., Any], names: list[str]) -> None:
    """Refuse parameter names that ``frame`` cannot take as keywords, before any frame is drawn."""
    try:
        signature = inspect.signature(frame)
    except (TypeError, ValueError):  # a builtin without a signature: let the call decide
        return
    kinds = {p.kind for p in signature.parameters.values()}
    if inspect.Parameter.VAR_KEYWORD in kinds:
        return
    takes = [p.name for p in signature.parameters.values()
             if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)]
    missing = [n for n in names if n not in takes[1:]]
    if missing:
        raise ValueError(f"frame must take the keyword{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                         f"named in params (after ax), but its parameters are ({', '.join(signature.parameters)})")


def _log(result: Interactive) -> None:
    """Append this interactive's cost to $GDLIB_WIDGET_LOG, for benchmarks/book.py."""
    path = os.environ.get("GDLIB_WIDGET_LOG")
    if path:
        with open(path, "a") as f:
            f.write(json.dumps(dict(widget=repr(result), frames=result.frames, bytes=result.nbytes,
                                    seconds=round(result.seconds, 3))) + "\n")
