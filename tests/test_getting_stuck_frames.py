"""What every frame of the chapter "Where gradient descent gets stuck" shows, and that it shows it.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the frames'
titles are checked here against numbers computed independently (closed forms, the basin
map), and every title and text a frame draws is checked to lie inside its picture: a title
drawn above the top of a panel (as the saddle's right panel once did) is invisible on the page.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text

from gdlib import widgets

CHAPTER = Path(__file__).resolve().parent.parent / "book" / "getting_stuck.ipynb"


@pytest.fixture(scope="module")
def chapter():
    """{frame name: (params, texts, outside)}: outside lists the texts drawn beyond a panel's edges."""
    cells = [c for c in json.loads(CHAPTER.read_text())["cells"] if c["cell_type"] == "code"]
    shown = {}

    def record(frame, params, *, setup=None, figsize=(5.6, 3.5), ncols=1, play=None):
        texts = widgets.frame_texts(frame, params, setup=setup, figsize=figsize, ncols=ncols)
        frames = widgets._Frames(setup, figsize, ncols)  # laid out and frozen, as on the page
        names = list(params)
        outside = []
        for combo in texts:
            values = {n: params[n].values[i] for n, i in zip(names, combo)}
            before = [p.children() for p in frames.panels]
            frame(frames.ax, **values)
            for panel, old in zip(frames.panels, before):
                renderer = panel.canvas.get_renderer()
                added = [a for a in [*panel.ax.get_children(), *panel.fig.get_children()] if id(a) not in old]
                for text in [panel.ax.title, *[a for a in added if isinstance(a, Text)]]:
                    if not text.get_text().strip():
                        continue
                    box = text.get_window_extent(renderer)
                    if box.x0 < -1 or box.y0 < -1 or box.x1 > panel.fig.bbox.x1 + 1 or box.y1 > panel.fig.bbox.y1 + 1:
                        outside.append((values, text.get_text()))
                for artist in added:
                    artist.remove()
        frames.close()
        shown[frame.__name__] = (params, texts, outside)

    namespace: dict = {}
    for cell in cells:
        source = "".join(cell["source"])
        if source.startswith("fig, "):  # the plateau figure: no interactive
            continue
        exec(compile(source, str(CHAPTER), "exec"), namespace)
        namespace["interactive"] = record
    plt.close("all")
    return shown, namespace


def test_the_chapter_has_its_three_interactives(chapter):
    shown, _ = chapter
    assert sorted(shown) == ["restart_frame", "saddle_frame", "valley_frame"]


@pytest.mark.parametrize("name", ["restart_frame", "saddle_frame", "valley_frame"])
def test_every_title_and_text_lies_inside_its_picture(chapter, name):
    shown, _ = chapter
    params, texts, outside = shown[name]
    assert outside == []
    for panels in texts.values():
        assert all(panel and panel[0].strip() for panel in panels)  # every panel has a title


def test_valley_titles_agree_with_the_basin_map(chapter):
    shown, ns = chapter
    params, texts, _ = shown["valley_frame"]
    x0s, etas = params["x0"].values, params["eta"].values
    assert {-1.1, -0.9, 1.4, 1.6}.issubset(x0s) and 0.05 in etas and 0.0525 in etas
    # The read-outs fit their 9em box without wrapping (as "0.475 (fastest)" does).
    assert max(len(params[n].text(v)) for n in params for v in params[n].values) <= 15
    grid, eta_grid, labels = ns["x0_grid"], ns["eta_grid"], ns["labels"]
    for (i, j), (panel, steps_panel) in texts.items():
        x0, eta = x0s[i], etas[j]
        title = panel[0]
        assert len(re.sub(r"[$\\{}]", "", title)) <= 60, title  # fits the panel's width
        label = labels[np.isclose(eta_grid, eta)][0][np.argmin(abs(grid - x0))]
        if label == "unconverged":
            assert "diverges after" in title or "still bouncing after 600 steps" in title, title
        elif label == "elsewhere":
            assert "stops on a hill" in title, title
        else:
            assert f"ends in {label} after" in title, title
        # the right panel says what the step lengths did: settled, still bouncing, or grew
        if title.endswith("after 0 steps"):
            assert steps_panel[0] == "no step: the slope at x₀ is 0", steps_panel
        elif "ends in" in title or "stops on a hill" in title:
            assert steps_panel[0].startswith("steps shrink to ") and steps_panel[0].endswith(": settled"), steps_panel
        elif "still bouncing" in title:
            assert re.fullmatch(r"steps still \S+ long after 600", steps_panel[0]), steps_panel
        else:
            assert steps_panel[0] == "steps grow until the run diverges", steps_panel
    # The runs the prose names; the first step off the chart from the formula x - eta f'(x).
    title = {(x0s[i], etas[j]): p[0] for (i, j), (p, _) in texts.items()}
    steps_title = {(x0s[i], etas[j]): q[0] for (i, j), (_, q) in texts.items()}
    assert title[(2.0, 0.05)].endswith("ends in C after 452 steps")
    assert title[(2.0, 0.0525)].endswith("still bouncing after 600 steps")
    # past C's bound the run from 2 jumps between 2.42 and 2.56 for good: its steps stay 0.146 long
    assert steps_title[(2.0, 0.0525)] == "steps still 0.146 long after 600"
    assert steps_title[(2.0, 0.05)] == "steps shrink to 5e-08: settled"
    assert title[(2.5, 0.0525)].endswith("ends in C after 0 steps")
    for x0 in (-2.5, 3.0):
        assert "ends in B" in title[(x0, 0.045)]
    slope = lambda v: (v + 2) * (v + 1) * v * (v - 1.5) * (v - 2.5)  # f' of three_minima
    for x0 in (-3.0, 3.5):
        assert "diverges" in title[(x0, 0.045)]
        panel, _ = texts[(x0s.index(x0), etas.index(0.045))]
        first = x0 - 0.045 * slope(x0)
        assert panel[1].endswith(f"\nstep 1: $x = {first:.3g}$, off the chart")


def test_saddle_titles_state_the_closed_form_escape_time(chapter):
    shown, _ = chapter
    params, texts, _ = shown["saddle_frame"]
    names, etas = params["y0"].values, params["eta"].values
    assert names[0] == "0" and names[1] == "10⁻¹²" and names[-1] == "10⁻¹"
    assert params["y0"].text("0") == "0 (on axis)"
    # the learning rate is a slider too: at most 42 values, and few enough frames for the page
    assert etas == [0.05, 0.1, 0.2, 0.4] and len(names) * len(etas) <= 60
    for (i, j), (left, right) in texts.items():
        eta = etas[j]
        if i == 0:
            assert right[0] == "no escape: stuck at the saddle"
            assert left[0].startswith(f"y₀ = 0, η = {eta:g}: converged in ")
            continue
        y0 = 10.0 ** -(13 - i)
        formula = math.log(0.5 / y0) / math.log(1 + 2 * eta)
        assert right[0] == f"measured {math.ceil(formula)}, formula {formula:.2f}"
        first, second = left[0].split("\n")  # a two-line title: no text drawn over the plot
        assert first == f"y₀ = {names[i]}, η = {eta:g}: leaves the circle at step {math.ceil(formula)}"
        # after the escape the run diverges: |y| = y0 (1 + 2 eta)^t leaves the picture (|y| > 1.2)
        # at the first t past log(1.2 / y0) / log(1 + 2 eta), and the frame says so
        off = math.floor(math.log(1.2 / y0) / math.log(1 + 2 * eta)) + 1
        assert second == f"off the picture at step {off}: |y| grows without end", left


def test_restart_titles_for_every_k_from_1_to_12(chapter):
    shown, ns = chapter
    params, texts, _ = shown["restart_frame"]
    assert params["k"].values == list(range(1, 13))
    success = ns["success"]
    p = success.mean()
    for (i,), [panel] in texts.items():
        k = i + 1
        groups = success[: len(success) // k * k].reshape(-1, k).any(axis=1).mean()
        assert panel[0] == f"$k = {k}$: formula {1 - (1 - p) ** k:.3f}, measured {groups:.3f}"
