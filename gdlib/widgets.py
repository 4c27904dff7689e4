r"""The book's one widget pattern: sliders that work with no kernel.

A chapter names its parameters with their grids of values and a function that
draws one frame; :func:`interactive` precomputes every frame as a small PNG, puts
the frames in ``widgets.Image`` children of a ``widgets.Stack`` and links each
slider to its stack in the browser with ``widgets.jslink``. Moving a slider then
only changes which precomputed frame is shown, so the figure changes on the
static site (no kernel, no server) and in a live notebook alike.

What every frame shares (axes, ticks, contours) is drawn once, as a background
image; each frame is a transparent PNG of only what changes, laid over it in the
same grid cell. A frame then costs about 4 KB instead of about 18 KB for the whole
picture, so a page can hold a few hundred of them.

>>> import numpy as np
>>> w = interactive(lambda ax, a: ax.plot([0, 1], [0, a]),
...                 {"a": Param("slope a", [0.5, 1.0, 2.0])},
...                 setup=lambda ax: ax.set(xlim=(0, 1), ylim=(0, 2)))
>>> w
Interactive(slope a: 3 values; 3 frames)

``setup(ax)`` draws the background; ``frame(ax, **values)`` then adds artists,
which are drawn on a transparent canvas and removed again. So a frame must not
change the axes' limits (autoscaling is off), and what it draws lies above the
background whatever its z-order. Titles and legends belong to the frames: they are
left out of the background and drawn in every frame.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

# Frames are drawn at this resolution (a 5.6-inch-wide figure is 560 pixels wide) and
# quantised to this many colours; a typical overlay frame is then 3 to 4 KB.
DPI = 100
COLOURS = 64


@dataclass(frozen=True)
class Param:
    """One slider: its label, the grid of values it steps through, how to print a value.

    The label is plain text (use Unicode, such as "learning rate η"): the widget
    library shows TeX in labels only where MathJax 2 is loaded.
    """

    label: str
    values: Sequence[Any]
    fmt: str = "{:g}"
    initial: Any = None

    def __post_init__(self) -> None:
        if len(self.values) < 2:
            raise ValueError(f"values of {self.label!r} must hold at least 2 values, got {list(self.values)!r}")
        if self.initial is not None and self.initial not in list(self.values):
            raise ValueError(f"initial of {self.label!r} must be one of its values, got {self.initial!r}")

    @property
    def start(self) -> int:
        return 0 if self.initial is None else list(self.values).index(self.initial)

    def text(self, value: Any) -> str:
        return self.fmt.format(value)


class Interactive(widgets.VBox):
    """Sliders above a figure whose frames were all drawn in advance."""

    def __init__(self, controls: list[widgets.Widget], view: widgets.Widget, params: Mapping[str, Param],
                 frames: int, nbytes: int, seconds: float) -> None:
        super().__init__(children=[*controls, view])
        self.params = params
        self.frames = frames
        self.nbytes = nbytes
        self.seconds = seconds

    def __repr__(self) -> str:
        # Stable text for nbval (the widget view itself is not compared).
        sliders = ", ".join(f"{p.label}: {len(p.values)} values" for p in self.params.values())
        return f"Interactive({sliders}; {self.frames} frames)"


def _png(image: Image.Image, colours: int) -> bytes:
    # Fast octree keeps the alpha channel, which the overlays need.
    small = image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _rgba(canvas: FigureCanvasAgg) -> Image.Image:
    return Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)


class _Frames:
    """One reusable figure: a background drawn once, and transparent overlays for the frames."""

    def __init__(self, setup: Callable[..., Any] | None, figsize: tuple[float, float], ncols: int) -> None:
        self.fig = Figure(figsize=figsize, dpi=DPI, layout="constrained")
        self.canvas = FigureCanvasAgg(self.fig)
        axes = self.fig.subplots(1, ncols, squeeze=False)[0]
        self.axes = list(axes)
        self.ax = axes[0] if ncols == 1 else axes
        if setup is not None:
            setup(self.ax)
        self.canvas.draw()  # lay out with the titles and legends in place
        self.fig.set_layout_engine("none")  # then freeze it: frames must line up with it
        for ax in self.axes:
            ax.set_autoscale_on(False)
        titles = [(ax.title, ax.title.get_text()) for ax in self.axes]
        legends = [ax.legend_ for ax in self.axes if ax.legend_ is not None]
        for text, _ in titles:
            text.set_text("")
        for legend in legends:
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
        for text, value in titles:
            text.set_text(value)
        for legend in legends:
            legend.set_visible(True)

    def render(self, frame: Callable[..., Any], values: Mapping[str, Any]) -> bytes:
        before = {id(a) for ax in self.axes for a in ax.get_children()} | {id(a) for a in self.fig.get_children()}
        legends = [ax.legend_ for ax in self.axes]
        titles = [ax.title.get_text() for ax in self.axes]
        frame(self.ax, **values)
        added = [a for ax in self.axes for a in ax.get_children() if id(a) not in before]
        added += [a for a in self.fig.get_children() if id(a) not in before]
        self.canvas.restore_region(self.blank)
        renderer = self.canvas.get_renderer()
        for artist in sorted(added, key=lambda a: a.get_zorder()):
            artist.draw(renderer)
        for ax in self.axes:
            ax.title.draw(renderer)
            if ax.legend_ is not None and ax.legend_ not in added:
                ax.legend_.draw(renderer)
        png = _png(_rgba(self.canvas), COLOURS)
        for artist in added:
            artist.remove()
        for ax, legend, title in zip(self.axes, legends, titles):
            ax.legend_ = legend
            ax.title.set_text(title)
        return png

    def close(self) -> None:
        self.fig.clear()


def interactive(frame: Callable[..., Any], params: Mapping[str, Param], *,
                setup: Callable[..., Any] | None = None, figsize: tuple[float, float] = (5.6, 3.5),
                ncols: int = 1, play: str | None = None) -> Interactive:
    """Precompute ``frame(ax, **values)`` for every combination of ``params`` and show it with sliders.

    ``params`` maps each keyword of ``frame`` to a :class:`Param` (one or two of
    them). ``setup(ax)`` draws the shared background once (``ax`` is an array
    when ``ncols > 1``). ``play`` names a parameter to animate with a Play button.
    """
    names = list(params)
    if not 1 <= len(names) <= 2:
        raise ValueError(f"params must name one or two parameters, got {len(names)}: {names}")
    if play is not None and play not in params:
        raise ValueError(f"play must be one of {names}, got {play!r}")
    started = time.perf_counter()
    frames = _Frames(setup, figsize, ncols)
    grids = [list(params[n].values) for n in names]
    pngs = {}
    for combo in itertools.product(*(range(len(g)) for g in grids)):
        values = {n: grids[i][j] for i, (n, j) in enumerate(zip(names, combo))}
        pngs[combo] = frames.render(frame, values)
    background = frames.background
    frames.close()
    seconds = time.perf_counter() - started

    width = f"{round(figsize[0] * DPI)}px"
    shared = widgets.Layout(width="100%", height="auto", grid_area="frame")

    def image(png: bytes, role: str) -> widgets.Image:
        picture = widgets.Image(value=png, format="png", layout=shared)
        picture.add_class(role)
        return picture

    sliders = []
    for n in names:
        p = params[n]
        sliders.append(widgets.SelectionSlider(
            options=[(p.text(v), i) for i, v in enumerate(p.values)], index=p.start,
            description=p.label, continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width=width)))
    first = params[names[0]].start
    if len(names) == 1:
        view = widgets.Stack([image(pngs[(i,)], "gd-frame") for i in range(len(grids[0]))],
                             selected_index=first)
        widgets.jslink((sliders[0], "index"), (view, "selected_index"))
    else:
        second = params[names[1]].start
        inner = [widgets.Stack([image(pngs[(i, j)], "gd-frame") for j in range(len(grids[1]))],
                               selected_index=second)
                 for i in range(len(grids[0]))]
        view = widgets.Stack(inner, selected_index=first)
        widgets.jslink((sliders[0], "index"), (view, "selected_index"))
        for stack in inner:
            widgets.jslink((sliders[1], "index"), (stack, "selected_index"))
    controls: list[widgets.Widget] = list(sliders)
    if play is not None:
        k = names.index(play)
        button = widgets.Play(value=sliders[k].index, min=0, max=len(grids[k]) - 1, interval=300,
                              description=f"play {params[play].label}")
        widgets.jslink((button, "value"), (sliders[k], "index"))
        controls[k] = widgets.HBox([button, sliders[k]])
    view.layout.grid_area = "frame"
    # The background and the current frame share one grid cell, the frame on top.
    picture = widgets.GridBox([image(background, "gd-background"), view],
                              layout=widgets.Layout(grid_template_areas='"frame"', width="100%",
                                                    max_width=width))
    nbytes = len(background) + sum(len(v) for v in pngs.values())
    result = Interactive(controls, picture, params, len(pngs), nbytes, seconds)
    _log(result)
    return result


def _log(result: Interactive) -> None:
    """Append this interactive's cost to $GDLIB_WIDGET_LOG, for benchmarks/book.py."""
    path = os.environ.get("GDLIB_WIDGET_LOG")
    if path:
        with open(path, "a") as f:
            f.write(json.dumps(dict(widget=repr(result), frames=result.frames, bytes=result.nbytes,
                                    seconds=round(result.seconds, 3))) + "\n")
