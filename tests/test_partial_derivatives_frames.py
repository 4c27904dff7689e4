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


def test_the_chapter_has_four_interactives(frames):
    assert sorted(frames) == ["direction_frame", "horizontal_cut_frame", "level_frame", "vertical_cut_frame"]


def _check_cut(held, c, at, left, right):
    x, y = (at, c) if held == "y" else (c, at)
    moving = "x" if held == "y" else "y"
    # the contour that touches the cut is the slice's lowest value, 3c²/4 (at moving = -c/2)
    bottom = 0.75 * c * c
    touches = f"it touches the contour f = {bottom:g}" if c else "the contour f = 0 is one point"
    assert left == [f"cut {held} = {c:g}, point ({x:g}, {y:g})\n{touches}"]
    (title,) = right
    curve, slope_line = title.split("\n")
    # the curve along the cut: f(x, c) = x² + cx + c², or f(c, y) = c² + cy + y²
    assert curve.startswith("$f = ") and curve.endswith("$")
    slope = grad(x, y)[0 if held == "y" else 1]
    assert slope_line.startswith(f"∂f/∂{moving} = ") and slope_line.endswith(f" = {slope:g}")


def test_horizontal_cut_frames_work_out_the_partial_derivative(frames):
    params, texts = frames["horizontal_cut_frame"]
    assert len(texts) == len(values(params, "c")) * len(values(params, "at"))
    for (i, j), (left, right) in texts.items():
        _check_cut("y", values(params, "c")[i], values(params, "at")[j], left, right)
    (left, right) = texts[(values(params, "c").index(1), values(params, "at").index(2.0))]
    assert right[0] == "$f = x^{2} + x + 1$\n∂f/∂x = 2 · 2 + 1 = 5"  # the quick tour's slope at (2, 1)


def test_vertical_cut_frames_work_out_the_partial_derivative_on_x_equals_2(frames):
    params, texts = frames["vertical_cut_frame"]
    for (j,), (left, right) in texts.items():
        _check_cut("x", 2, values(params, "at")[j], left, right)
    (left, right) = texts[(values(params, "at").index(1.0),)]
    assert right[0] == "$f = y^{2} + 2 y + 4$\n∂f/∂y = 2 + 2 · 1 = 4"


def test_the_cut_sliders_start_at_two_one_with_room_on_both_sides(frames):
    # a slider that starts at its last value does nothing on the first ArrowRight
    for name, start in (("horizontal_cut_frame", 2.0), ("vertical_cut_frame", 1.0)):
        params, _ = frames[name]
        moves = values(params, "at")
        assert params["at"].initial == start and 0 < moves.index(start) < len(moves) - 1
    assert frames["horizontal_cut_frame"][0]["c"].initial == 1


def test_direction_frames_give_the_slope_u_dot_gradient(frames):
    params, texts = frames["direction_frame"]
    angles = values(params, "angle")
    along = math.degrees(math.atan2(4, 5))  # the direction of ∇f(2, 1) = (5, 4)
    assert len(angles) <= 42 and params["angle"].initial == 0
    slopes = {}
    for (j,), (left, right) in texts.items():
        a = math.radians(angles[j])
        u = (math.cos(a), math.sin(a))
        first, second = left[0].split("\n")
        ux, uy = (float(v) for v in re.fullmatch(rf"u = \(({NUMBER}), ({NUMBER})\)", first).groups())
        assert (ux, uy) == (pytest.approx(u[0], abs=5e-4), pytest.approx(u[1], abs=5e-4))
        away = float(re.fullmatch(rf"({NUMBER})° away from ∇f", second).group(1))
        assert away == pytest.approx(abs((angles[j] - along + 180) % 360 - 180), abs=0.5)
        formula, result = right[0].split("\n")
        assert formula.startswith("$D_u f$ = ") and formula.endswith(" · 4")
        slopes[angles[j]] = float(re.fullmatch(rf"= ({NUMBER})", result).group(1))
        assert slopes[angles[j]] == pytest.approx(5 * u[0] + 4 * u[1], abs=0.006)
        assert "-0.00" not in right[0] + left[0]
    # largest, √41, along ∇f; smallest, -√41, against it: the marked values
    marks = params["angle"].marks
    best, worst = max(slopes, key=slopes.get), min(slopes, key=slopes.get)
    assert marks[best] == "(∇f)" and marks[worst] == "(−∇f)"
    assert slopes[best] == pytest.approx(math.sqrt(41), abs=0.006) == -slopes[worst]


def test_level_frames_stay_on_the_level_with_the_gradient_at_right_angles(frames):
    params, texts = frames["level_frame"]
    for (i, j), (left, right) in texts.items():
        c, t = values(params, "level")[i], values(params, "t_deg")[j]
        first, second = left[0].split("\n")
        x, y, norm = (float(v) for v in re.fullmatch(
            rf"at \(({NUMBER}), ({NUMBER})\): ‖∇f‖ = ({NUMBER})", first).groups())
        assert bowl(x, y) == pytest.approx(c, abs=0.03)
        assert norm == pytest.approx(math.hypot(*grad(x, y)), abs=0.02)
        # the chapter's formula, ‖∇f‖² = 2c (1 + 2 cos² t)
        assert norm == pytest.approx(math.sqrt(2 * c * (1 + 2 * math.cos(math.radians(t)) ** 2)), abs=0.006)
        assert second == "∇fᵀ r′(t) = 0.00"
        assert "-0.00" not in first
        # the right panel's title names the level and repeats the left one's ‖∇f‖ and t
        right_first, right_second = right[0].split("\n")
        assert right_first == f"‖∇f‖ round the level c = {c}: {norm:.2f} at {t:g}°"
        assert right_second == "from √(2c) at 90°, 270° to √(6c) at 0°, 180°"


def test_level_slider_has_the_angles_the_text_names(frames):
    params, texts = frames["level_frame"]
    ts = values(params, "t_deg")
    assert len(ts) <= 42
    for named in (0, 90, 180, 270):  # the text names these four
        assert named in ts
    # no mark on the slider: the point (2, 1) is at t = 10.89° only on the level 7, and the
    # map marks it with a star instead
    assert not params["t_deg"].marks
    assert params["level"].initial == 7 and params["t_deg"].initial == pytest.approx(10.89, abs=0.01)
    (left, _) = texts[(values(params, "level").index(7), ts.index(params["t_deg"].initial))]
    assert left[0].startswith("at (2.00, 1.00): ")  # the chapter's point, on the level 7
    (left, _) = texts[(values(params, "level").index(3), ts.index(params["t_deg"].initial))]
    assert not left[0].startswith("at (2.00, 1.00): ")  # on another level, another point
    # along (1, 1) at t = 0°, along (1, -1) at t = 90°: the quick tour's two directions
    for t, direction in ((0, (1, 1)), (90, (1, -1)), (180, (-1, -1)), (270, (-1, 1))):
        (left, _) = texts[(values(params, "level").index(7), ts.index(t))]
        x, y = (float(v) for v in re.match(rf"at \(({NUMBER}), ({NUMBER})\)", left[0]).groups())
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
