"""The numbers every frame of the adaptive-rates chapter's interactives shows.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles of its
frames are checked here, against numbers computed independently: the memory 1/(1 - rho) and the
weight of the last 40 gradients from a plain sum, and the distance after 60 steps from a plain
loop over each optimizer's update rule, written out here.
"""

from __future__ import annotations

import numpy as np
import pytest

from notebook_frames import chapter_frames


@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("adaptive_rates", lambda s: s.startswith("fig, "))[0]


def test_the_chapter_has_its_three_interactives(chapter):
    assert sorted(chapter) == ["eps_frame", "steps_frame", "weights_frame"]


def test_eps_frames_name_epsilon_and_both_forms(chapter):
    params, texts = chapter["eps_frame"]
    assert len(texts) == 7
    for (i,), (panel,) in texts.items():
        eps = params["eps"].values[i]
        exponent = round(np.log10(eps))
        assert 10.0**exponent == pytest.approx(eps)
        assert panel[0] == f"AdaGrad's first step, $\\varepsilon = 10^{{{exponent}}}$"
        assert "torch: $\\sqrt{v} + \\varepsilon$" in panel and "article: $\\sqrt{v + \\varepsilon}$" in panel


def test_the_first_step_halves_at_eps_outside_and_at_sqrt_eps_over_3_inside():
    # the first step of AdaGrad over eta, by hand: |g| / (|g| + eps) outside, |g| / sqrt(g^2 + eps) inside;
    # each falls to half of eta where |g| = eps (outside) and |g| = sqrt(eps / 3) (inside)
    from gdlib import AdaGrad
    from gdlib.step_sizes import AdaGradInside
    for eps in (1e-12, 1e-8, 1e-4, 1.0):
        for opt, g in ((AdaGrad(eta=1.0, eps=eps), eps), (AdaGradInside(eta=1.0, eps=eps), np.sqrt(eps / 3))):
            x, _ = opt.update(np.zeros(1), np.array([g]), opt.init(np.zeros(1)))
            assert -x[0] == pytest.approx(0.5, rel=1e-9)


def test_weights_frames_state_the_memory_and_the_weight_of_the_last_40(chapter):
    params, texts = chapter["weights_frame"]
    assert len(texts) == len(params["rho"].values) == 7
    for (i,), (panel,) in texts.items():
        rho = params["rho"].values[i]
        share = sum((1 - rho) * rho**j for j in range(40))
        assert panel[0] == (f"$\\rho = {rho:g}$: memory about {round(1 / (1 - rho))} steps\n"
                            f"the last 40 hold {round(100 * share)}% of the weight")


def _run(method, A, x, steps=60):
    """The four update rules written out, coordinate by coordinate."""
    v = np.zeros(2)
    for t in range(1, steps + 1):
        g = A @ x
        if method == "GD":
            x = x - 0.074 * g
        elif method == "AdaGrad":
            v = v + g * g
            x = x - 1.0 * g / (np.sqrt(v) + 1e-10)
        else:
            rho = 0.99 if "0.99" in method else 0.9
            v = rho * v + (1 - rho) * g * g
            x = x - 0.1 * g / (np.sqrt(v) + 1e-8)
    return x


def test_steps_frames_state_the_distance_after_60_steps(chapter):
    params, texts = chapter["steps_frame"]
    methods, turns = params["method"].values, params["turn"].values
    assert methods == ["GD", "AdaGrad", "RMSProp ρ = 0.99", "RMSProp ρ = 0.9"]
    assert len(texts) == 8
    distances = {}
    for (i, j), (left, right) in texts.items():
        method, turn = methods[i], turns[j]
        phi = {"aligned": 0.0, "turned 45°": np.pi / 4}[turn]
        c, s = np.cos(phi), np.sin(phi)
        R = np.array([[c, -s], [s, c]])
        A = R @ np.diag([1.0, 25.0]) @ R.T
        d = np.linalg.norm(_run(method, A, R @ np.array([2.0, 1.0])))
        distances[method, turn] = d
        assert left[0] == f"{method}, {turn}"
        assert right[0] == f"distance after 60 steps: {d:.3f}"
        assert "coordinate $x_1$" in right and "coordinate $x_2$" in right
    # gradient descent does not see the turn; AdaGrad does, and is far closer only on the aligned valley
    assert distances["GD", "aligned"] == pytest.approx(distances["GD", "turned 45°"], rel=1e-9)
    assert distances["AdaGrad", "aligned"] < 1e-6 < distances["AdaGrad", "turned 45°"]
