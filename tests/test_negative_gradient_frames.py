"""The numbers every frame of the chapter "Why the negative gradient" shows.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles of
its frames are checked here, against numbers computed independently: the neuron's loss in
plain NumPy with a central-difference gradient for the step-around-the-point frames, and a
hand-written gradient descent loop on the two-weight chain for the start-size frames. The
titles also name the symbols the notation asks for: h for a step length, d₀ for a start size.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from notebook_frames import chapter_frames

X, Y = np.array([0.5, 2.5]), np.array([0.2, 0.9])  # the Taylor-series article's two data points


def loss(theta: np.ndarray) -> float:
    w, b = theta
    return float(0.5 * np.sum((1 / (1 + np.exp(-(w * X + b))) - Y) ** 2))


def central_gradient(theta: np.ndarray, h: float = 1e-6) -> np.ndarray:
    return np.array([(loss(theta + h * e) - loss(theta - h * e)) / (2 * h) for e in np.eye(2)])


def unit_at(g: np.ndarray, degrees: float) -> np.ndarray:
    a = np.radians(degrees)
    return np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) @ (g / np.linalg.norm(g))


@pytest.fixture(scope="module")
def chapter():
    # the static figure is not an interactive
    return chapter_frames("negative_gradient", lambda s: s.startswith("import matplotlib.pyplot"))


def test_the_chapter_has_its_two_interactives(chapter):
    assert sorted(chapter[0]) == ["angle_frame", "start_frame"]


def test_angle_frames_state_the_predicted_and_actual_change(chapter):
    params, texts = chapter[0]["angle_frame"]
    betas, steps = params["beta"].values, params["step"].values
    assert len(texts) == len(betas) * len(steps)
    origin = np.zeros(2)
    g = central_gradient(origin)
    grid = np.arange(0, 361)
    for (i, j), (left, right) in texts.items():
        beta, h = betas[i], steps[j]
        u = unit_at(g, beta)
        first, actual = h * u @ g, loss(h * u) - loss(origin)
        assert left[0] == f"h = {h:g}, β = {beta}°\nchange {first:.3f} predicted, {actual:.3f} actual", (beta, h)
        best = grid[np.argmin([loss(h * unit_at(g, a)) for a in grid])]
        assert right[0] == (f"change ÷ h at {beta}°: first order {first / h:.3f}, actual {actual / h:.3f}\n"
                            f"best angle for h = {h:g}: {best}°"), (beta, h)


def test_the_angle_slider_stops_at_180_and_at_every_best_angle(chapter):
    params, texts = chapter[0]["angle_frame"]
    best = {right[0].rsplit(": ", 1)[1] for left, right in texts.values()}
    assert 180 in params["beta"].values
    assert {f"{b}°" for b in params["beta"].values} >= best


def test_start_frames_state_the_run_from_a_start_of_size_d0(chapter):
    params, texts = chapter[0]["start_frame"]
    namespace = chapter[1]
    direction = namespace["direction"]
    assert np.allclose(direction, np.random.default_rng(1).normal(scale=0.1, size=2) / np.linalg.norm(
        np.random.default_rng(1).normal(scale=0.1, size=2)))
    sizes, tols = params["d0"].values, params["tol"].values
    assert len(texts) == len(sizes) * len(tols)
    for (i, j), (left, right) in texts.items():
        d0, tol = sizes[i], tols[j]
        assert left[0] == f"start of size d₀ = {d0:g}"
        w, v = d0 * direction  # gradient descent on (vw - 1)^2 / 2 with eta = 0.1, at most 300 steps
        for t in range(301):
            e = v * w - 1
            grad = np.array([e * v, e * w])
            if np.linalg.norm(grad) < tol or t == 300:
                break
            w, v = w - 0.1 * grad[0], v - 0.1 * grad[1]
        assert np.linalg.norm(grad) < tol, (d0, tol)  # every frame's run converges
        shown = re.fullmatch(r"tol = (\S+): converged in (\d+) steps?, final L₂ = (\S+)", right[0])
        assert shown, right[0]
        assert shown.group(1) == f"{tol:g}"
        assert int(shown.group(2)) == t, (d0, tol)
        assert float(shown.group(3)) == pytest.approx(0.5 * (v * w - 1) ** 2, rel=0.06, abs=1e-300)
