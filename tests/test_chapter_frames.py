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

NUMBER = r"[-−]?\d+(?:\.\d+)?(?:e[-+−]?\d+)?"


def number(text: str) -> float:
    return float(text.replace("−", "-"))


@pytest.fixture(scope="module")
def chapter():
    """({frame function name: (params, texts)}, namespace) for each interactive of the chapter."""
    # static figures are not interactives
    return chapter_frames("gradient_descent_2d", lambda s: "sweep.status" in s or s.startswith("ax = plot.")
                          or "plot.loss_curve" in s or "field=True" in s)


def values(params, name):
    return list(params[name].values)


def test_the_chapter_has_the_four_interactives(chapter):
    shown, _ = chapter
    assert sorted(shown) == ["eta_frame", "slope_frame", "step_frame", "tangent_frame"]


def test_tangent_frames_turn_the_line_through_x_and_x_plus_h_into_the_tangent(chapter):
    params, texts = chapter[0]["tangent_frame"]
    assert 0.0 in values(params, "h") and params["h"].marks == {0.0: "(tangent)"}
    assert len(texts) == len(values(params, "x0")) * len(values(params, "h"))
    for (i, j), (panel,) in texts.items():
        x0, h = values(params, "x0")[i], values(params, "h")[j]
        title, legend = panel[0], panel[-1]
        factor = f"{x0:g}" if x0 >= 0 else f"({x0:g})"  # negative numbers in brackets
        if h == 0:  # the tangent, slope f'(x) = 2x
            assert title == f"$h = 0$: $f'({x0:g}) = 2 \\cdot {factor} = {2 * x0:g}$"
            assert legend == f"tangent, slope {2 * x0:g}"
        else:  # the line through x and x + h: slope ((x + h)^2 - x^2) / h = 2x + h
            slope = ((x0 + h) ** 2 - x0**2) / h
            assert slope == pytest.approx(2 * x0 + h)
            assert title == f"$h = {h:g}$: slope $2 \\cdot {factor} + {h:g} = {slope:g}$"
            assert legend == f"line through $x$ and $x + h$, slope {slope:g}"


def test_slope_frames_show_the_directional_derivative(chapter):
    params, texts = chapter[0]["slope_frame"]
    g = np.array([5.0, 4.0])  # the bowl's gradient at (2, 1)
    for (i,), (left, right) in texts.items():
        beta = values(params, "beta")[i]
        assert left[0].endswith(f"$\\beta = {beta}°$")
        # the gradient's arrow is shortened, and says so with its true length, sqrt(41)
        assert left[-2:] == [f"$\\nabla f$, shortened (length {np.sqrt(41):.1f})", "direction $u$ (length 1)"]
        expected = np.linalg.norm(g) * np.cos(np.radians(beta))
        shown = float(re.search(rf"D_u f = ({NUMBER})", right[-1]).group(1))
        assert shown == pytest.approx(0.0 if abs(expected) < 5e-3 else expected, abs=0.006)
        assert right[0] == "slope along $u$"


def test_step_frames_show_x_t_and_f_of_x_t(chapter):
    params, texts = chapter[0]["step_frame"]
    steps = values(params, "t")
    # every step up to 25, then every fifth: the whole run of 100 steps within 42 values
    assert steps == list(range(26)) + list(range(30, 101, 5)) and len(steps) <= 42
    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    path = [np.array([3.0, 4.0])]
    for _ in range(100):
        path.append(path[-1] - 0.1 * H @ path[-1])
    for i, t in enumerate(steps):
        x = path[t]
        (left, right) = texts[(i,)]
        xt = [number(v) for v in re.search(rf"x_t\$ = \(({NUMBER}), ({NUMBER})\)", left[0]).groups()]
        np.testing.assert_allclose(xt, x, atol=0.006)
        assert "-0.00" not in left[0] and "−0.00" not in left[0]
        assert left[0].startswith(f"$t = {t}$")
        f = number(re.search(rf"f\(x_t\)\$ = ({NUMBER})", right[0]).group(1))
        assert f == pytest.approx(x @ H @ x / 2, rel=0.06)
        arrow = number(re.search(rf"arrow ({NUMBER}) long", right[0]).group(1))
        assert arrow == pytest.approx(np.linalg.norm(0.1 * H @ x), rel=0.06)
        assert left[-2:] == ["$x_0, \\dots, x_t$", "next step $-\\eta \\nabla f(x_t)$"]
        # the magnified panel says when x_t lies outside it, the square [-1, 1] x [-1, 1]
        outside = np.abs(x).max() > 1
        assert ("$x_t$ is still outside this square" in right) == outside, (t, right)
    # the text says the path reaches the magnified square at t = 5
    assert [t for t in range(101) if np.abs(path[t]).max() <= 1][0] == 5


def test_eta_frames_say_how_each_run_ends(chapter):
    params, texts = chapter[0]["eta_frame"]
    etas, starts = values(params, "eta"), values(params, "start")
    (left, right) = texts[(etas.index(0.1), starts.index((3.0, 4.0)))]
    assert [left[0], left[-1]] == [
        "stopped after 100 steps,\n$\\|\\nabla f\\|$ 14.9 -> 1.88e-05 (shrinking)", "GD, $\\eta = 0.1$"]
    for (i, j), (left, right) in texts.items():
        eta = etas[i]
        title, legend = left[0], left[-1]
        assert legend == f"GD, $\\eta = {eta:.3g}$"
        # GD on the bowl contracts by max(|1 - eta|, |1 - 3 eta|) a step: stable exactly below 2/3.
        if eta < 2 / 3 - 1e-9:
            assert "converged" in title or "(shrinking)" in title, (eta, starts[j], title)
        elif eta > 2 / 3 + 1e-9:
            assert "diverged" in title or "(growing)" in title, (eta, starts[j], title)
    # at the limit 2/3 the steep part keeps its size and the gentle part shrinks: "shrinking"
    limit = next(k for k, eta in enumerate(etas) if abs(eta - 2 / 3) < 1e-12)
    assert all(texts[(limit, j)][0][0].endswith("(shrinking)") for j in range(len(starts)))


def test_eta_frames_split_the_start_into_its_steep_and_gentle_parts(chapter):
    params, texts = chapter[0]["eta_frame"]
    etas, starts = values(params, "eta"), values(params, "start")
    for (i, j), (left, right) in texts.items():
        eta, (x0, y0) = etas[i], starts[j]
        a, b = (x0 + y0) / 2, (x0 - y0) / 2  # (x0, y0) = a (1, 1) + b (1, -1)
        np.testing.assert_allclose(a * np.array([1, 1]) + b * np.array([1, -1]), [x0, y0])
        first, second = right[0].split("\n")
        sign = "-" if b < 0 else "+"
        assert first == f"$x_0 = {a:g}\\,(1, 1) {sign} {abs(b):g}\\,(1, -1)$"
        shown = [float(v.replace("−", "-")) for v in re.findall(r"by (−?[\d.]+)", second)]
        assert shown == pytest.approx([1 - 3 * eta, 1 - eta], abs=0.006), second
        assert right[-2:] == ["steep part $a$", "gentle part $b$"]
    # the start (3, 4) of the text: 3.5 (1, 1) - 0.5 (1, -1)
    right = texts[(etas.index(0.1), starts.index((3.0, 4.0)))][1]
    assert right[0].startswith("$x_0 = 3.5\\,(1, 1) - 0.5\\,(1, -1)$")


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
