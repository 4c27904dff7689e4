"""The text every frame of book/partial_derivatives.ipynb's interactives shows, against numbers computed here.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles and
legends of its frames are checked here: the chapter's code runs with ``interactive`` replaced by
:func:`gdlib.widgets.frame_texts`, and every number is recomputed from the bowl
f(x, y) = x² + xy + y², whose gradient is (2x + y, x + 2y).
"""

from __future__ import annotations

import math
import re

import pytest

from notebook_frames import chapter_frames

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"


def bowl(x, y):
    return x * x + x * y + y * y


def grad(x, y):
    return 2 * x + y, x + 2 * y


@pytest.fixture(scope="module")
def frames():
    # the exercise's self-check cell shows no frames
    return chapter_frames("partial_derivatives", lambda s: s.startswith("my_answer"))[0]


def values(params, name):
    return list(params[name].values)


def test_the_chapter_has_three_interactives(frames):
    assert sorted(frames) == ["horizontal_cut_frame", "level_frame", "vertical_cut_frame"]


@pytest.mark.parametrize("name, held", [("horizontal_cut_frame", "y"), ("vertical_cut_frame", "x")])
def test_cut_frames_work_out_the_partial_derivative(frames, name, held):
    params, texts = frames[name]
    for (i, j), (left, right) in texts.items():
        c, at = values(params, "c")[i], values(params, "at")[j]
        x, y = (at, c) if held == "y" else (c, at)
        assert left[0] == f"cut {held} = {c:g}, point ({x:g}, {y:g})"
        slope = grad(x, y)[0 if held == "y" else 1]
        moving = "x" if held == "y" else "y"
        assert right[0].startswith(f"∂f/∂{moving} = ") and right[0].endswith(f" = {slope:g}")
        assert right[-1] == f"tangent, slope {slope:g}"
        # the contour that touches the cut is the slice's lowest value, 3c²/4 (at moving = -c/2)
        bottom = 0.75 * c * c
        assert left[-1] == (f"contour f = {bottom:g}: touches the cut" if c else "contour f = 0: one point")


def test_level_frames_stay_on_the_level_with_the_gradient_at_right_angles(frames):
    params, texts = frames["level_frame"]
    for (i, j), (panel,) in texts.items():
        c, t = values(params, "level")[i], values(params, "t_deg")[j]
        first, second = panel[0].split("\n")
        x, y, norm = (float(v) for v in re.fullmatch(
            rf"at \(({NUMBER}), ({NUMBER})\): ‖∇f‖ = ({NUMBER})", first).groups())
        assert bowl(x, y) == pytest.approx(c, abs=0.03)
        assert norm == pytest.approx(math.hypot(*grad(x, y)), abs=0.02)
        # the chapter's formula, ‖∇f‖² = 2c (1 + 2 cos² t)
        assert norm == pytest.approx(math.sqrt(2 * c * (1 + 2 * math.cos(math.radians(t)) ** 2)), abs=0.006)
        assert second == "∇fᵀ r′(t) = 0.00"
        assert "-0.00" not in first


def test_level_slider_has_the_angles_the_text_names(frames):
    params, texts = frames["level_frame"]
    ts = values(params, "t_deg")
    assert len(ts) <= 42
    for named in (0, 90, 180, 270):  # the text names these four
        assert named in ts
    star = [t for t, mark in params["t_deg"].marks.items() if mark == "★"]
    assert star == [pytest.approx(10.89, abs=0.01)]
    (panel,) = texts[(values(params, "level").index(7), ts.index(star[0]))]
    assert panel[0].startswith("at (2.00, 1.00): ")  # the chapter's point, on the level 7
    # along (1, 1) at t = 0°, along (1, -1) at t = 90°: the quick tour's two directions
    for t, direction in ((0, (1, 1)), (90, (1, -1)), (180, (-1, -1)), (270, (-1, 1))):
        (panel,) = texts[(values(params, "level").index(7), ts.index(t))]
        x, y = (float(v) for v in re.match(rf"at \(({NUMBER}), ({NUMBER})\)", panel[0]).groups())
        assert math.copysign(1, x) == direction[0] and math.copysign(1, y) == direction[1]
        assert abs(x) == pytest.approx(abs(y), abs=0.01)


def test_the_gradient_is_longest_across_the_valley_and_shortest_along_it(frames):
    params, texts = frames["level_frame"]
    ts = values(params, "t_deg")
    for i, c in enumerate(values(params, "level")):
        norms = {t: float(re.search(rf"‖∇f‖ = ({NUMBER})", texts[(i, j)][0][0]).group(1))
                 for j, t in enumerate(ts)}
        assert norms[0] == norms[180] == max(norms.values()) == pytest.approx(math.sqrt(6 * c), abs=0.006)
        assert norms[90] == norms[270] == min(norms.values()) == pytest.approx(math.sqrt(2 * c), abs=0.006)
