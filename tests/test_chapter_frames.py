"""The text every frame of the model chapter's interactives shows: titles, legends, numbers.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the numbers in
its frames are checked here. The chapter's code runs as in the notebook, with ``interactive``
replaced by :func:`gdlib.widgets.frame_texts` (the same calls of ``setup`` and ``frame``,
no pictures), and every frame's text is compared with numbers computed here independently.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from notebook_frames import chapter_frames

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"


@pytest.fixture(scope="module")
def chapter():
    """({frame function name: (params, texts)}, namespace) for each interactive of the chapter."""
    # static figures are not interactives
    return chapter_frames("gradient_descent_2d", lambda s: "sweep.status" in s or s.startswith("ax = plot."))


def values(params, name):
    return list(params[name].values)


def test_the_chapter_has_the_four_interactives(chapter):
    shown, _ = chapter
    assert sorted(shown) == ["eta_frame", "slope_frame", "step_frame", "tangent_frame"]


def test_tangent_frames_state_the_derivative_2x0(chapter):
    params, texts = chapter[0]["tangent_frame"]
    for (i,), (panel,) in texts.items():
        x0 = values(params, "x0")[i]
        title, legend = panel[0], panel[-1]
        factor = f"{x0:g}" if x0 >= 0 else f"({x0:g})"  # negative numbers in brackets
        assert title == f"$f'({x0:g}) = 2 \\cdot {factor} = {2 * x0:g}$"
        assert legend == f"tangent, slope {2 * x0:g}"


def test_slope_frames_show_the_directional_derivative(chapter):
    params, texts = chapter[0]["slope_frame"]
    g = np.array([5.0, 4.0])  # the bowl's gradient at (2, 1)
    for (i,), (left, right) in texts.items():
        beta = values(params, "beta")[i]
        assert left[0].endswith(f"$\\beta = {beta}°$")
        assert left[-1] == "direction $u$"
        expected = np.linalg.norm(g) * np.cos(np.radians(beta))
        shown = float(re.search(rf"D_u f = ({NUMBER})", right[-1]).group(1))
        assert shown == pytest.approx(0.0 if abs(expected) < 5e-3 else expected, abs=0.006)
        assert right[0] == "slope along $u$"


def test_step_frames_show_x_t_and_f_of_x_t(chapter):
    params, texts = chapter[0]["step_frame"]
    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    x = np.array([3.0, 4.0])
    for t in range(len(values(params, "t"))):
        (left, right) = texts[(t,)]
        xt = [float(v) for v in re.search(rf"x_t = \(({NUMBER}), ({NUMBER})\)", left[0]).groups()]
        np.testing.assert_allclose(xt, x, atol=0.006)
        assert left[0].startswith(f"$t = {t}$")
        f = float(re.search(rf"f\(x_t\) = ({NUMBER})", right[0]).group(1))
        assert f == pytest.approx(x @ H @ x / 2, rel=0.06)
        step = float(re.search(rf"step ({NUMBER}) long", right[0]).group(1))
        assert step == pytest.approx(np.linalg.norm(0.1 * H @ x), rel=0.06)
        assert left[-2:] == ["$x_0, \\dots, x_t$", "next step $-\\eta \\nabla f(x_t)$"]
        x = x - 0.1 * H @ x


def test_eta_frames_say_how_each_run_ends(chapter):
    params, texts = chapter[0]["eta_frame"]
    etas, starts = values(params, "eta"), values(params, "start")
    (panel,) = texts[(etas.index(0.1), starts.index((3.0, 4.0)))]
    assert [panel[0], panel[-1]] == [
        "stopped after 100 steps, $\\|\\nabla f\\|$ 14.9 -> 1.88e-05 (shrinking)", "GD, $\\eta = 0.1$"]
    for (i, j), (panel,) in texts.items():
        eta = etas[i]
        title, legend = panel[0], panel[-1]
        assert legend == f"GD, $\\eta = {eta:.3g}$"
        # GD on the bowl contracts by max(|1 - eta|, |1 - 3 eta|) a step: stable exactly below 2/3.
        if eta < 2 / 3 - 1e-9:
            assert "converged" in title or "(shrinking)" in title, (eta, starts[j], title)
        elif eta > 2 / 3 + 1e-9:
            assert "diverged" in title or "(growing)" in title, (eta, starts[j], title)


def test_eta_slider_holds_the_values_the_text_discusses(chapter):
    params, texts = chapter[0]["eta_frame"]
    etas, starts = values(params, "eta"), values(params, "start")
    assert len(etas) <= 42 and etas == sorted(etas)
    # the text discusses 1/3 (one step removes the steep part), 1/2 (both parts halve), 2/3 (the limit)
    for special in (1 / 3, 1 / 2, 2 / 3):
        assert any(abs(eta - special) < 1e-12 for eta in etas), special
    assert params["eta"].marks == {1 / 3: "(1/3)", 0.5: "(1/2)", 2 / 3: "(limit)"}
    # at eta = 1/3 the first step lands on the floor line y = -x, where each step keeps 2/3
    # of the distance: every start converges well within the 100 steps
    i = next(k for k, eta in enumerate(etas) if abs(eta - 1 / 3) < 1e-12)
    for j, start in enumerate(starts):
        title = texts[(i, j)][0][0]
        assert title.startswith("converged in "), (start, title)
        first = np.array(start) - etas[i] * np.array([[2.0, 1.0], [1.0, 2.0]]) @ np.array(start)
        assert first[0] == pytest.approx(-first[1])
