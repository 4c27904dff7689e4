"""The book's figures, in one style: titled, labelled, with legends, colour-blind safe.

Every function draws on an ``ax`` (a new figure when none is given) and returns it,
so chapters can compose panels and the widgets can redraw one frame at a time.
"""

from __future__ import annotations

import math
from typing import Iterator, Mapping, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from . import validation
from .descent import Result
from .functions import Function, StationaryPoint

# Okabe & Ito's palette: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")

STYLE = {
    "figure.figsize": (6.4, 4.2),
    "figure.dpi": 100,
    "axes.prop_cycle": plt.cycler(color=PALETTE),
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 9,
    "legend.framealpha": 0.9,
    "image.cmap": "viridis",
}
plt.rcParams.update(STYLE)

# How wide the site shows a figure, in CSS px, measured on the built site (headless Chromium,
# issue 17). A static figure (a cell's PNG) is shown at most PHONE_FIGURE_PX wide on a
# 390-px phone and at most DESKTOP_COLUMN_PX wide at 1280 px; an interactive's panels share
# a PHONE_PANEL_PX column on the phone and the same DESKTOP_COLUMN_PX column on a desktop.
# Below MIN_TEXT_PX as shown, figure text is not readable.
MIN_TEXT_PX = 8
PHONE_FIGURE_PX = 342
PHONE_PANEL_PX = 358
DESKTOP_COLUMN_PX = 688


def _axes(ax: Axes | None, projection: str | None = None) -> Axes:
    if ax is not None:
        _check_axes(ax, projection)
        return ax
    fig = plt.figure(figsize=(6.4, 4.8) if projection else None)
    return fig.add_subplot(projection=projection)


def _check_axes(ax: object, projection: str | None = None) -> None:
    if not isinstance(ax, Axes):
        raise validation.ArgumentTypeError(f"ax must be a matplotlib Axes (or None for a new figure), "
                                           f"got {validation.describe(ax)}")
    if projection == "3d" and getattr(ax, "name", None) != "3d":
        raise ValueError("ax must be a 3-D Axes for a surface, such as fig.add_subplot(projection='3d'), "
                         f"got a {getattr(ax, 'name', '2-D')} Axes")


def _function(fn: object, n: int) -> Function:
    if not isinstance(fn, Function):
        raise validation.ArgumentTypeError(f"fn must be a gdlib.functions.Function such as bowl, got "
                                           f"{validation.describe(fn)}")
    if fn.n != n:
        raise ValueError(f"fn must be a function of {n} variable{'s' if n > 1 else ''}, got {fn.name} "
                         f"of {fn.n}")
    return fn


def _path(name: str, run: object, n: int) -> np.ndarray:
    return validation.path(name, run.xs if isinstance(run, Result) else run, n)


def grid(fn: Function, xlim: Sequence[float], ylim: Sequence[float], n: int = 121):
    """``X, Y, Z`` on an ``n`` by ``n`` grid, for contour and surface plots.

    ``X[i, j]`` is the ``j``-th x value and ``Y[i, j]`` the ``i``-th y value (rows are y).
    """
    _function(fn, 2)
    xlim, ylim = validation.interval("xlim", xlim), validation.interval("ylim", ylim)
    n = validation.count("n", n, low=2, high=validation.MAX_GRID)
    X, Y = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    return X, Y, fn.value(np.stack([X, Y], axis=-1))


def _levels(Z: np.ndarray, levels: int | Sequence[float]) -> np.ndarray | int:
    if not isinstance(levels, (int, np.integer)) or isinstance(levels, bool):
        arr = validation._numeric_array("levels", levels, "a number of levels or an increasing sequence of them")
        if arr.ndim != 1 or arr.size == 0 or not np.all(np.isfinite(arr)) or np.any(np.diff(arr) <= 0):
            raise ValueError(f"levels must be a number of levels or a non-empty increasing sequence of "
                             f"finite values, got {validation.describe(levels)}")
        return arr
    validation.count("levels", levels, low=1, high=200)
    lo, hi = float(Z.min()), float(Z.max())
    if lo >= 0 and hi / max(lo, 1e-12) > 1e3:  # a deep valley: space the levels geometrically
        return np.geomspace(max(lo, hi * 1e-4), hi, levels)
    return levels


def _as_xs(path: Result | np.ndarray) -> np.ndarray:
    return path.xs if isinstance(path, Result) else np.asarray(path)


def contour(fn: Function, xlim: Sequence[float], ylim: Sequence[float], *,
            paths: Mapping[str, Result | np.ndarray] | None = None, field: bool = False,
            levels: int | Sequence[float] = 20, title: str | None = None,
            ax: Axes | None = None, marks: Sequence[tuple[float, float]] = ()) -> Axes:
    r"""Contours of a 2-D function, optionally its gradient field and labelled descent paths."""
    _function(fn, 2)
    if paths is not None and not isinstance(paths, Mapping):
        raise validation.ArgumentTypeError(f"paths must be a dict label -> run, such as {{'GD': run}}, "
                                           f"got {validation.describe(paths)}")
    for label, run in (paths or {}).items():
        validation.text("a label of paths", label)
        _path(f"paths[{label!r}]", run, 2)
    if not isinstance(field, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"field must be True or False, got {validation.describe(field)}")
    validation.text("title", title, optional=True)
    if isinstance(marks, (str, bytes)) or not isinstance(marks, (Sequence, np.ndarray)):
        raise validation.ArgumentTypeError(f"marks must be a list of points (x, y), got {validation.describe(marks)}")
    for point in marks:
        _path("each point of marks", [point], 2)
    ax = _axes(ax)
    X, Y, Z = grid(fn, xlim, ylim)
    ax.contour(X, Y, Z, levels=_levels(Z, levels), cmap="viridis", linewidths=0.8)
    if field:
        Xq, Yq, _ = grid(fn, xlim, ylim, n=15)
        G = fn.grad(np.stack([Xq, Yq], axis=-1))
        # The longest arrow spans one grid cell, so arrows never overlap.
        scale = np.hypot(G[..., 0], G[..., 1]).max() / (Xq[0, 1] - Xq[0, 0])
        ax.quiver(Xq, Yq, -G[..., 0], -G[..., 1], color="0.4", angles="xy", scale_units="xy",
                  scale=scale, width=0.004, label=r"$-\nabla f$ (downhill)")
    for i, (label, run) in enumerate((paths or {}).items()):
        path(ax, run, label=label, color=PALETTE[i % len(PALETTE)])
    for point in marks:
        # Hollow, so that a path ending at the point stays visible through it.
        ax.plot(*point, "*", ms=13, mfc="none", mec="black", mew=1.2,
                label="minimum" if point is marks[0] else None)
    ax.set(xlim=xlim, ylim=ylim, xlabel="$x$", ylabel="$y$",
           title=title or f"Contours of $f = {fn._repr_latex_()[1:-1].split('=', 1)[1].strip()}$")
    ax.set_aspect("equal", adjustable="box")
    if paths or field or marks:
        ax.legend(loc="lower left")
    return ax


def path(ax: Axes, run: Result | np.ndarray, *, label: str, color: str = PALETTE[1]) -> None:
    """A 2-D descent path: the iterates joined by a line, a square at the start."""
    _check_axes(ax)
    xs = _path("run", run, 2)
    validation.text("label", label)
    ax.plot(xs[:, 0], xs[:, 1], "-o", color=color, ms=2.5, lw=1.2, label=label)
    ax.plot(xs[0, 0], xs[0, 1], "s", color=color, ms=6, mec="white")


def arrow(ax: Axes, start: Sequence[float], delta: Sequence[float], *, color: str = "black",
          label: str | None = None, lw: float = 2.0) -> None:
    """An arrow from ``start`` to ``start + delta`` in data coordinates, with a legend entry."""
    _check_axes(ax)
    start, delta = (_path(name, [v], 2)[0] for name, v in (("start", start), ("delta", delta)))
    if not np.all(np.isfinite(start)) or not np.all(np.isfinite(delta)):
        raise ValueError(f"start and delta must be finite, got {start.tolist()} and {delta.tolist()}")
    validation.text("label", label, optional=True)
    ax.annotate("", xy=start + delta, xytext=start, arrowprops=dict(arrowstyle="->", color=color, lw=lw))
    if label is not None:  # annotations have no legend entry: add an empty line that has one
        ax.plot([], [], color=color, lw=lw, label=label)


def surface(fn: Function, xlim: Sequence[float], ylim: Sequence[float], *,
            path: Result | np.ndarray | None = None, title: str | None = None,
            ax: Axes | None = None, label: str = "descent path") -> Axes:
    """The surface :math:`z = f(x, y)`, with a path rolling down it."""
    _function(fn, 2)
    if path is not None:
        _path("path", path, 2)
    validation.text("title", title, optional=True)
    validation.text("label", label)
    ax = _axes(ax, projection="3d")
    X, Y, Z = grid(fn, xlim, ylim, n=60)
    ax.plot_surface(X, Y, Z, cmap="viridis", alpha=0.75, linewidth=0, antialiased=True)
    if path is not None:
        xs = _as_xs(path)
        ax.plot(xs[:, 0], xs[:, 1], fn.value(xs), "-o", color=PALETTE[1], ms=2.5, lw=1.5,
                label=label, zorder=10)
        ax.legend(loc="upper left")
    ax.set(xlabel="$x$", ylabel="$y$", zlabel="$f(x, y)$", title=title or f"The surface of {fn.name}")
    return ax


def curve(fn: Function, xlim: Sequence[float], *, path: Result | np.ndarray | None = None,
          title: str | None = None, ax: Axes | None = None, label: str = "iterates") -> Axes:
    """A 1-D function, with the iterates of a run drawn on it."""
    _function(fn, 1)
    xlim = validation.interval("xlim", xlim)
    if path is not None:
        _path("path", path, 1)
    validation.text("title", title, optional=True)
    validation.text("label", label)
    ax = _axes(ax)
    xs = np.linspace(*xlim, 400)
    ax.plot(xs, fn.value(xs[:, None]), color=PALETTE[0], label="$f(x)$")
    if path is not None:
        pts = _as_xs(path)[:, 0]
        ax.plot(pts, fn.value(pts[:, None]), "-o", color=PALETTE[1], ms=3, lw=0.8, label=label)
    ax.set(xlim=xlim, xlabel="$x$", ylabel="$f(x)$", title=title or f"{fn.name}")
    ax.legend()
    return ax


def loss_curve(curves: Mapping[str, Result | np.ndarray], *, log: bool = True,
               ylabel: str = "$f(x_t)$", title: str = "Loss per iteration",
               ax: Axes | None = None) -> Axes:
    """Loss (or gradient norm) against the iteration number, one line per run."""
    if not isinstance(curves, Mapping):
        raise validation.ArgumentTypeError(f"curves must be a dict label -> values (or Result), "
                                           f"got {validation.describe(curves)}")
    if not curves:
        raise ValueError("curves must hold at least one curve, got an empty dict")
    lines = {}
    for label, values in curves.items():
        validation.text("a label of curves", label)
        if isinstance(values, Result):
            if values.values is None:
                raise ValueError(f"curves[{label!r}] has no values: give descend the function "
                                 "(descend(bowl, ...)) or f=, or pass run.grad_norms")
            if values.xs.ndim != 2:
                raise ValueError(f"curves[{label!r}] is a batch of runs: pass one, e.g. batch[0]")
            values = values.values
        v = validation._numeric_array(f"curves[{label!r}]", values, "a 1-D array of values")
        if v.ndim != 1 or v.size == 0:
            raise ValueError(f"curves[{label!r}] must be a non-empty 1-D array, got shape {v.shape}")
        lines[label] = v
    if not isinstance(log, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"log must be True or False, got {validation.describe(log)}")
    validation.text("ylabel", ylabel)
    validation.text("title", title)
    ax = _axes(ax)
    for label, v in lines.items():
        ax.plot(np.arange(len(v)), v, label=label)
    if log:
        ax.set_yscale("log")
    ax.set(xlabel="iteration $t$", ylabel=ylabel, title=title)
    ax.legend()
    return ax


KIND_MARKERS = {"minimum": ("o", PALETTE[2]), "maximum": ("^", PALETTE[3]),
                "saddle": ("X", PALETTE[4]), "degenerate": ("D", "0.4")}
MARKER_SIZE = 9  # one size for every stationary point in the book


def mark_stationary(ax: Axes, points: Sequence[Sequence[float]] | np.ndarray, kind: str, *,
                    label: str | None = None) -> Line2D | None:
    """Mark stationary points of one kind, in the one style the whole book uses.

    ``points`` holds their coordinates, one row ``(x, y)`` per point; ``kind`` is
    ``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"degenerate"`` (the words of
    ``gdlib.calculus.classify``) and picks the marker and colour of :data:`KIND_MARKERS`;
    every kind gets a black edge and the size :data:`MARKER_SIZE`. ``label`` is the
    legend entry (none when it is None). Returns the line drawn, or None when ``points``
    is empty, so that a chapter can loop over the kinds without checking.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> line = mark_stationary(ax, [(0.0, 0.0), (2.1, -0.7)], "saddle", label="saddle (2)")
    >>> line.get_marker(), line.get_markersize(), line.get_markeredgecolor()
    ('X', 9.0, 'black')
    >>> mark_stationary(ax, [], "minimum") is None
    True
    """
    _check_axes(ax)
    if not isinstance(kind, str):
        raise validation.ArgumentTypeError(f"kind must be one of {list(KIND_MARKERS)}, got {validation.describe(kind)}")
    if kind not in KIND_MARKERS:
        raise ValueError(f"kind must be one of {list(KIND_MARKERS)}, got {kind!r}")
    validation.text("label", label, optional=True)
    if isinstance(points, Sequence) and any(isinstance(p, StationaryPoint) for p in points):
        raise validation.ArgumentTypeError("points must be coordinates, one row (x, y) per point, got "
                                           "StationaryPoint objects: pass [p.x for p in found if p.kind == kind]")
    xy = validation._numeric_array("points", points, "an array of points, one row (x, y) each")
    if xy.shape in ((0,), (0, 2)):
        return None
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise ValueError(f"points must have shape (k, 2), one row (x, y) per point, got shape {xy.shape}")
    if not np.all(np.isfinite(xy)):
        raise ValueError(f"points must be finite, got {validation.describe(points)}")
    marker, colour = KIND_MARKERS[kind]
    (line,) = ax.plot(xy[:, 0], xy[:, 1], marker, ms=MARKER_SIZE, color=colour, mec="black", ls="none",
                      label=label if label is not None else "_nolegend_")
    return line


def zero_curves(fn: Function, xlim: Sequence[float], ylim: Sequence[float], *,
                points: Sequence = (), title: str | None = None, ax: Axes | None = None,
                n: int = 400) -> Axes:
    r"""The curves :math:`\partial f/\partial x = 0` and :math:`\partial f/\partial y = 0` of a 2-D function.

    Where they cross, both partial derivatives vanish: those crossings are the
    stationary points. ``points`` (``gdlib.functions.StationaryPoint``) are marked
    there, one marker per kind (minimum, maximum, saddle), as :func:`mark_stationary` draws them.
    """
    if not isinstance(fn, Function):
        raise validation.ArgumentTypeError(f"fn must be a gdlib.functions.Function such as saddle, "
                                           f"got {validation.describe(fn)}")
    if fn.n != 2:
        raise ValueError(f"zero_curves needs a function of 2 variables, got {fn.name} of {fn.n}")
    xlim, ylim = validation.interval("xlim", xlim), validation.interval("ylim", ylim)
    n = validation.count("n", n, low=2, high=validation.MAX_GRID)
    if isinstance(points, (str, bytes)) or not isinstance(points, Sequence):
        raise validation.ArgumentTypeError(f"points must be a sequence of gdlib.functions.StationaryPoint, "
                                           f"got {validation.describe(points)}")
    for i, p in enumerate(points):
        if not isinstance(p, StationaryPoint):
            raise validation.ArgumentTypeError(f"points must hold gdlib.functions.StationaryPoint "
                                               f"(from stationary_points), got {validation.describe(p)} at index {i}")
    title = validation.text("title", title, optional=True)
    ax = _axes(ax)
    X, Y = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    with np.errstate(all="ignore"):
        G = fn.grad(np.stack([X, Y], axis=-1))
    names = [f"$\\partial f/\\partial {s} = 0$" for s in map(str, fn.symbols)]
    for i, (name, style) in enumerate(zip(names, ("-", "--"))):
        ax.contour(X, Y, G[..., i], levels=[0.0], colors=[PALETTE[i]], linewidths=1.6, linestyles=style)
        ax.plot([], [], style, color=PALETTE[i], lw=1.6, label=name)  # contours have no legend entry
    for kind in KIND_MARKERS:
        these = [p.x for p in points if p.kind == kind]
        mark_stationary(ax, these, kind, label=f"{kind} ({len(these)})")
    ax.set(xlim=xlim, ylim=ylim, xlabel=f"${fn.symbols[0]}$", ylabel=f"${fn.symbols[1]}$",
           title=title or f"Where the partial derivatives of {fn.name} vanish")
    ax.set_aspect("equal", adjustable="box")
    ax.legend(loc="lower left")
    return ax


# --- Readable figure text ---------------------------------------------------------------------


def _figure(name: str, fig: object) -> Figure:
    if isinstance(fig, Figure):
        return fig
    hint = ""
    if isinstance(fig, Axes):
        hint = ": pass its figure, ax.figure"
    elif isinstance(fig, np.ndarray) and fig.size and isinstance(fig.flat[0], Axes):
        hint = ": pass their figure, the first value of fig, axes = plt.subplots(...)"
    elif fig is plt:
        hint = ": pass a figure, such as plt.gcf()"
    raise validation.ArgumentTypeError(f"{name} must be a matplotlib Figure, got {validation.describe(fig)}{hint}")


def _drawn_texts(artist: Artist) -> Iterator[Text]:
    """The visible, non-empty Text artists that drawing ``artist`` draws (it need not be drawn yet)."""
    if not artist.get_visible():
        return
    if isinstance(artist, Text):
        if artist.get_text().strip():
            yield artist
        return
    if isinstance(artist, Axis):
        # Only the ticks in view are drawn; an axis keeps spare ticks with stale labels.
        # (_update_ticks is what Axis.draw and get_tightbbox use to pick them: no drawing.)
        children: list[Artist] = [artist.label, artist.offsetText]
        for tick in artist._update_ticks():
            children += [tick.label1, tick.label2]
    else:
        children = artist.get_children()
        # ax.axis("off") hides the axes' Axis artists without making them invisible;
        # a 3-D Axes keeps its own flag (and draws its axes whatever axison says).
        if isinstance(artist, Axes) and not getattr(artist, "_axis3don", artist.axison):
            children = [c for c in children if not isinstance(c, Axis)]
    for child in children:
        yield from _drawn_texts(child)


def _natural_px(fig: Figure) -> float:
    """The width in image pixels of the PNG the inline backend makes: bbox_inches="tight", padded."""
    fig.draw_without_rendering()  # runs the layout engine, so the tight box is the saved one
    pad = mpl.rcParams["savefig.pad_inches"]
    return float((fig.get_tightbbox().width + 2 * pad) * fig.dpi)


def _shown_px(name: str, value: object) -> float:
    return validation.real(name, value, low=0.0)  # a width in CSS px, greater than 0


def _css_px(text: Text, dpi: float, scale: float) -> float:
    return text.get_fontsize() * dpi / 72 * scale


def smallest_text(fig: Figure, shown_px: float | None = None) -> tuple[float, str]:
    """The smallest text of a static figure as a reader sees it: its size in CSS px, and the text.

    Every text the figure draws counts (titles, axis and tick labels, legends, colour bars,
    contour labels, annotations, 3-D axes). The figure is saved as a cell's output is: cropped
    to its tight bounding box (``bbox_inches="tight"``) at ``fig.dpi``, and shown ``shown_px``
    CSS px wide (None: at its natural width, one CSS px an image pixel). A text of P points
    is P * dpi / 72 image pixels, scaled by ``shown_px`` / natural width on screen.
    Returns ``(inf, "")`` for a figure with no text.
    """
    fig = _figure("fig", fig)
    natural = _natural_px(fig)
    scale = 1.0 if shown_px is None else _shown_px("shown_px", shown_px) / natural
    texts = list(_drawn_texts(fig))
    if not texts:
        return math.inf, ""
    smallest = min(texts, key=lambda t: t.get_fontsize())
    return float(_css_px(smallest, fig.dpi, scale)), smallest.get_text()


def _too_small(text: str, size: float, screen: str, where: str, natural_px: float, shown_px: float,
               points: float, inches: float) -> ValueError:
    # The font that reaches MIN_TEXT_PX on screen: P * dpi/72 * shown/natural >= MIN_TEXT_PX.
    needed = math.ceil(points * MIN_TEXT_PX / size - 1e-9)
    return ValueError(f"figure text {text!r} is {size:.1f} CSS px at {screen} ({where}, {natural_px:.0f} px wide, "
                      f"is shown at {shown_px:.0f} px): at least {MIN_TEXT_PX} px stays readable; use a larger "
                      f"font (≥ {needed} pt on a {inches:.1f}-inch figure) or a narrower figure")


def check_text(fig: Figure, where: str, widths: Mapping[str, float], *,
               natural_px: float | None = None, texts: Sequence[Text] | None = None) -> None:
    """Refuse a figure whose text, shown ``widths[screen]`` CSS px wide, is under MIN_TEXT_PX.

    ``widths`` maps each screen to the width the figure is shown at there, such as
    ``{"390 px": 342, "1280 px": 571}``; ``where`` names the figure in the message ("the
    figure", "panel 2 of the frame a = 0.5"). ``natural_px`` is the image's own width
    (default: the tight bounding box a cell's PNG is cropped to) and ``texts`` the texts to
    check (default: every text the figure draws). Raises a ValueError that names the text,
    its size on screen and the screen.
    """
    fig = _figure("fig", fig)
    validation.text("where", where)
    if not isinstance(widths, Mapping) or not widths:
        raise validation.ArgumentTypeError(f"widths must be a dict screen -> shown width in CSS px, such as "
                                           f"{{'390 px': 342}}, got {validation.describe(widths)}")
    shown = {validation.text("a screen of widths", k): _shown_px(f"widths[{k!r}]", v) for k, v in widths.items()}
    natural = _natural_px(fig) if natural_px is None else _shown_px("natural_px", natural_px)
    candidates = list(_drawn_texts(fig)) if texts is None else [t for t in texts if t.get_text().strip()]
    if not candidates:
        return
    smallest = min(candidates, key=lambda t: t.get_fontsize())
    for screen, px in shown.items():
        size = _css_px(smallest, fig.dpi, px / natural)
        # Judged at the 0.1 px the message shows: 9-pt text on a 5.6-inch panel at 358 px is
        # 7.99 px, as readable as 8, and a message "8.0 px is under 8 px" would make no sense.
        if round(size, 1) < MIN_TEXT_PX:
            raise _too_small(smallest.get_text(), size, screen, where, natural, px,
                             smallest.get_fontsize(), natural / fig.dpi)


def show(fig: Figure) -> None:
    """Show a static figure in a chapter, after checking that its text is readable on the site.

    The way every chapter shows a matplotlib figure: it checks that no text of ``fig`` is
    under :data:`MIN_TEXT_PX` CSS px on a phone (the figure shown at most
    :data:`PHONE_FIGURE_PX` wide) or on a desktop (at most :data:`DESKTOP_COLUMN_PX`), displays
    it, and closes it so that the notebook does not show it a second time. A figure that
    fails is closed and not shown, and a ValueError says which text to enlarge.

    Example, in a chapter's cell::

        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        ax.plot(xs, ys)
        ax.set(xlabel="step $t$", ylabel="loss", title="The loss falls")
        plot.show(fig)
    """
    fig = _figure("fig", fig)
    try:
        natural = _natural_px(fig)
        check_text(fig, "the figure", {"390 px": min(natural, PHONE_FIGURE_PX),
                                       "1280 px": min(natural, DESKTOP_COLUMN_PX)}, natural_px=natural)
        from IPython.display import display  # only a notebook needs it
        display(fig)
    finally:
        plt.close(fig)


def computation_graph(ax: Axes, entries: list, *, values: int | None = None, grads: int = 0,
                      fontsize: float = 11, slopes: dict | None = None, highlight: object = ()) -> Axes:
    r"""Draw a recorded computation (``gdlib.autodiff.tape(out)``) as boxes joined by arrows.

    Each box shows how its node was computed (``autodiff.node_formula``), its value, and its
    adjoint :math:`\bar v = \partial L / \partial v` (written "bar"), left to right from the inputs
    to the output (``autodiff.graph_layout``). ``values`` shows the values of the first that
    many nodes in tape order (all by default); ``grads`` shows the adjoints of the last that many,
    the order in which the backward pass fills them in. A box not yet reached shows "?".
    ``slopes`` labels arrows: ``{(i, j): text}`` for the arrow from input ``j`` to node ``i``
    (e.g. the local slopes of ``autodiff.local_slopes``), written on the arrow. ``highlight``
    lists arrows ``(i, j)`` drawn thick and orange (say, the ones a backward step uses).
    Every arrow ends at the edge of its box, so its head shows whatever the box's width.
    """
    from . import autodiff  # plot does not need autodiff elsewhere

    _check_axes(ax)
    if not isinstance(entries, list) or not all(isinstance(e, autodiff.TapeEntry) for e in entries):
        raise validation.ArgumentTypeError(f"entries must be the list that autodiff.tape(out) returns, "
                                           f"got {validation.describe(entries)}")
    n = len(entries)
    values = n if values is None else validation.count("values", values, low=0, high=n)
    grads = validation.count("grads", grads, low=0, high=n)
    slopes = {} if slopes is None else slopes
    edges = {(i, j) for i, e in enumerate(entries) for j in e.inputs}
    if not isinstance(slopes, dict) or not set(slopes) <= edges:
        bad = slopes if not isinstance(slopes, dict) else sorted(set(slopes) - edges)
        raise ValueError(f"slopes must map arrows (node, input) of the tape to labels, got {bad!r}")
    if isinstance(highlight, (str, bytes)) or not hasattr(highlight, "__iter__") or not set(highlight) <= edges:
        bad = highlight if isinstance(highlight, (str, bytes)) or not hasattr(highlight, "__iter__") \
            else sorted(set(highlight) - edges)
        raise ValueError(f"highlight must list arrows (node, input) of the tape, got {bad!r}")
    highlight = set(highlight)
    where = autodiff.graph_layout(entries)
    names = autodiff.node_names(entries)
    columns = max(c for c, _ in where) + 1
    rows = max(r for _, r in where) + 1
    pos = [(c, -(r - (sum(1 for cc, _ in where if cc == c) - 1) / 2)) for c, r in where]  # each column centred
    ax.set(xlim=(-0.55, columns - 0.45), ylim=(-(rows - 1) / 2 - 0.6, (rows - 1) / 2 + 0.6))
    # points per data unit along x and y, to place labels beside their arrows
    box = ax.get_position()
    width, height = ax.figure.get_size_inches()
    scale = np.array([box.width * width * 72 / (columns + 0.1), box.height * height * 72 / (rows + 0.2)])
    boxes = []
    for i, e in enumerate(entries):
        value = f"{float(np.sum(e.value)):g}" if i < values else "?"
        has_grad = i >= n - grads and e.grad is not None
        grad = f"{float(np.sum(e.grad)):g}" if has_grad else "?"
        colour = PALETTE[1] if has_grad else PALETTE[0] if i < values else "0.55"
        bar = "\\bar " + names[i] if names[i].startswith("v_") else f"\\bar{{{names[i]}}}"
        text = f"${autodiff.node_formula(entries, i)}$\nvalue {value}\n${bar}$ = {grad}"
        boxes.append(ax.text(*pos[i], text, ha="center", va="center", fontsize=fontsize, linespacing=1.35,
                             bbox=dict(boxstyle="round,pad=0.35", fc="white", ec=colour, lw=2)))
    for i, e in enumerate(entries):
        for j in e.inputs:
            # centre to centre, clipped at the two boxes' edges when drawn (after the boxes)
            hot = (i, j) in highlight
            ax.annotate("", xy=pos[i], xytext=pos[j],
                        arrowprops=dict(arrowstyle="-|>", color=PALETTE[1] if hot else "0.45", lw=2.6 if hot else 1.2,
                                        mutation_scale=16 if hot else 12, shrinkA=1, shrinkB=1,
                                        patchA=boxes[j].get_bbox_patch(), patchB=boxes[i].get_bbox_patch()))
            if (i, j) in slopes:
                # beside the arrow, not on it: a step to the left of its direction (up for a level arrow)
                mid = np.array([(pos[i][0] - 0.33 + pos[j][0] + 0.33) / 2, (pos[i][1] + pos[j][1]) / 2])
                way = (np.array(pos[i]) - np.array(pos[j])) * scale
                left = np.array([-way[1], way[0]]) / np.hypot(*way)
                mid = mid + left * fontsize * 0.9 / scale   # about a line's height, in points
                ax.text(*mid, str(slopes[(i, j)]), ha="center", va="center", fontsize=fontsize, zorder=4,
                        color="0.15", bbox=dict(boxstyle="round,pad=0.15", fc="#f2f2f2",
                                                ec=PALETTE[1] if hot else "none"))
    ax.set(xlim=(-0.55, columns - 0.45), ylim=(-(rows - 1) / 2 - 0.6, (rows - 1) / 2 + 0.6))
    ax.set_axis_off()
    return ax
