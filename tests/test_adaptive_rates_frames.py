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
        beyond = "" if 1 / (1 - rho) < 39.7 else ", beyond this window"  # the 40-step axis ends at 39.7
        assert panel[0] == (f"$\\rho = {rho:g}$: memory about {round(1 / (1 - rho))} steps{beyond}\n"
                            f"the last 40 hold {round(100 * share)}% of the weight")


ETAS = np.geomspace(1e-3, 3, 120)  # the chapter's sweep


def _run(method, A, x, eta, steps=60):
    """The four update rules written out, coordinate by coordinate; returns the iterates and step sizes."""
    v = np.zeros(2)
    xs, sizes = [x], []
    for t in range(1, steps + 1):
        g = A @ x
        if method == "GD":
            size = np.full(2, eta)
        elif method == "AdaGrad":
            v = v + g * g
            size = eta / (np.sqrt(v) + 1e-10)
        else:
            rho = 0.99 if "0.99" in method else 0.9
            v = rho * v + (1 - rho) * g * g
            size = eta / (np.sqrt(v) + 1e-8)
        x = x - size * g
        xs.append(x)
        sizes.append(size)
    return np.array(xs), np.array(sizes)


def _valley(phi):
    c, s = np.cos(phi), np.sin(phi)
    R = np.array([[c, -s], [s, c]])
    return R @ np.diag([1.0, 25.0]) @ R.T, R @ np.array([2.0, 1.0])


def _shown_eta(title):
    return float(title.split("$\\eta = ")[1].split("$")[0])


def test_steps_frames_state_eta_and_the_distance_after_60_steps(chapter):
    params, texts = chapter["steps_frame"]
    methods, turns = params["method"].values, params["turn"].values
    assert methods == ["GD", "AdaGrad", "RMSProp ρ = 0.99", "RMSProp ρ = 0.9"]
    assert len(texts) == 8
    distances, runs, shown = {}, {}, {}
    for (i, j), (left, middle, right) in texts.items():
        method, turn = methods[i], turns[j]
        A, x0 = _valley({"aligned": 0.0, "turned 45°": np.pi / 4}[turn])
        eta = _shown_eta(left[0])
        # the eta shown is one of the sweep's (to the 3 digits shown)
        assert np.min(np.abs(ETAS / eta - 1)) < 5e-3
        eta = ETAS[np.argmin(np.abs(ETAS / eta - 1))]
        xs, sizes = _run(method, A, x0, eta)
        d = np.linalg.norm(xs[-1])
        distances[method, turn], runs[method, turn], shown[method, turn] = d, (xs, sizes), eta
        assert left[0] == f"{method}, {turn}\n$\\eta = {eta:.3g}$, distance at $t = 60$: {d:.3f}"
        # a path that leaves the +-2.5 frame says so, with the length of its first step
        first = np.abs(xs[1] - xs[0]).max()
        if np.abs(xs).max() > 2.5:
            assert left[1:] == [f"first step {first:.1f} long,\nout of the frame"]
        else:
            assert left[1:] == []
        assert middle == ["distance to the minimum"]
        assert right[0] == "step size of each coordinate"
        # GD's two step sizes are one line: the legend says so; the reference lines are in the legend
        same = " (same as $x_1$)" if method == "GD" else ""
        assert right[1:] == ["coordinate $x_1$", f"coordinate $x_2${same}", "GD's best $\\eta$", "ideal $1/\\lambda$"]
    # gradient descent does not see the turn; AdaGrad does, and is far closer only on the aligned valley
    assert distances["GD", "aligned"] == pytest.approx(distances["GD", "turned 45°"], rel=1e-9)
    assert distances["AdaGrad", "aligned"] < 1e-6 < distances["AdaGrad", "turned 45°"]
    # the text: AdaGrad aligned levels off at 0.63 and 0.051, about 12 times apart
    sizes = runs["AdaGrad", "aligned"][1][-1]
    assert np.round(sizes, 3).tolist() == [0.63, 0.051] and round(sizes[0] / sizes[1]) == 12
    # turned, AdaGrad's two step sizes stay within 10% of each other after step 10 and only fall
    sizes = runs["AdaGrad", "turned 45°"][1]
    assert np.all(np.abs(sizes[10:, 0] / sizes[10:, 1] - 1) < 0.1) and np.all(np.diff(sizes, axis=0) < 0)
    # RMSProp 0.99 aligned: its first step, eta / sqrt(1 - rho) in each coordinate, is 17.5 and leaves the frame
    xs = runs["RMSProp ρ = 0.99", "aligned"][0]
    eta = shown["RMSProp ρ = 0.99", "aligned"]
    assert np.abs(xs[1] - xs[0]) == pytest.approx([eta / np.sqrt(0.01)] * 2, rel=1e-6)
    assert round(eta / 0.1, 1) == 17.5 and np.abs(xs).max() > 2.5
    # turned, AdaGrad's step sizes are near 0.054 from step 10 on, below GD's best eta
    sizes = runs["AdaGrad", "turned 45°"][1]
    assert np.all(np.abs(sizes[9:] / 0.054 - 1) < 0.05) and sizes.max() < shown["GD", "aligned"] * 1.1
    # RMSProp 0.9 aligned comes within 1e-6 (at step 15), but its x2 step size has passed 2/25 at
    # step 14, so x2 is thrown out first (beyond 0.1 at step 31); x1's passes 2 at step 30, and x1
    # follows at step 59
    xs, sizes = runs["RMSProp ρ = 0.9", "aligned"]
    near = np.argmin(np.linalg.norm(xs, axis=1))
    assert np.linalg.norm(xs[near]) < 1e-6 and near == 15
    assert np.argmax(sizes[:, 1] > 2 / 25) + 1 == 14 and np.argmax(sizes[:, 0] > 2) + 1 == 30
    assert near + np.argmax(np.abs(xs[near:, 1]) > 0.1) == 31
    assert near + np.argmax(np.abs(xs[near:, 0]) > 0.1) == 59
    # RMSProp 0.9 turned is shown at its aligned best eta
    assert shown["RMSProp ρ = 0.9", "turned 45°"] == shown["RMSProp ρ = 0.9", "aligned"]


def test_rmsprop_0_9_never_reaches_the_goal_on_the_turned_valley_at_any_eta_of_the_sweep():
    A, x = _valley(np.pi / 4)
    x = np.tile(x, (len(ETAS), 1))
    v = np.zeros_like(x)
    smallest = np.full(len(ETAS), np.inf)
    for _ in range(2000):
        g = x @ A
        smallest = np.minimum(smallest, np.linalg.norm(g, axis=1))
        v = 0.9 * v + 0.1 * g * g
        x = x - ETAS[:, None] * g / (np.sqrt(v) + 1e-8)
    assert smallest.min() > 1e-4


def test_weights_frames_have_one_legend_entry_a_series(chapter):
    params, texts = chapter["weights_frame"]
    for (i,), (panel,) in texts.items():
        rho = params["rho"].values[i]
        assert panel.count("weight in $v_t$") == 1
        assert panel.count("$1/(1-\\rho)$ steps back") == (1 if 1 / (1 - rho) < 39.7 else 0)


def _adadelta(eps, steps=2000, rho=0.9):
    """Zeiler's Algorithm 1 written out on the aligned valley from (2, 1): the iterates and the step sizes."""
    lam = np.array([1.0, 25.0])
    x, u, v = np.array([2.0, 1.0]), np.zeros(2), np.zeros(2)
    xs, sizes = [x], []
    for _ in range(steps):
        g = lam * x
        v = rho * v + (1 - rho) * g * g
        size = np.sqrt(u + eps) / np.sqrt(v + eps)
        dx = -size * g
        u = rho * u + (1 - rho) * dx * dx
        x = x + dx
        xs.append(x)
        sizes.append(size)
    return np.array(xs), np.array(sizes)


@pytest.mark.parametrize("eps", [1e-6, 1e-4, 1e-2])
def test_adadelta_starts_at_sqrt_eps_over_1_minus_rho_and_ends_hopping_at_the_limit_2_over_25(eps):
    xs, sizes = _adadelta(eps)
    assert np.abs(xs[1] - xs[0]) == pytest.approx(np.sqrt(eps / 0.1), rel=2e-2)
    dist = np.linalg.norm(xs, axis=1)
    lowest = int(np.argmin(dist))
    assert dist[lowest] < 0.01 and dist[-1] > 2 * dist[lowest]  # it arrives, then is pushed away
    assert sizes[-1, 0] == pytest.approx(1.0, abs=1e-3)  # x1: its ideal 1 / lambda_1
    assert sizes[-1, 1] == pytest.approx(2 / 25, rel=1e-2)  # x2: the limit 2 / lambda_2
    late = xs[-100:, 1]
    assert np.all(np.sign(late[1:]) == -np.sign(late[:-1]))  # x2 hops from side to side


def test_rmsprop_steps_come_within_1_percent_of_eta_after_about_4_over_1_minus_rho_steps():
    # the caption of fig-ada-constant: 38 steps for rho = 0.9, 391 for rho = 0.99, about 4 / (1 - rho)
    from gdlib import RMSProp
    from gdlib.step_sizes import effective_steps
    for rho, expected in ((0.9, 38), (0.99, 391)):
        run = effective_steps(lambda x: np.full_like(x, 3.0), [0.0], RMSProp(eta=0.1, rho=rho), steps=1000)
        steps = run.etas[:, 0] * 3.0
        first = int(np.flatnonzero(steps <= 0.1 * 1.01)[0]) + 1
        assert first == expected and 3.5 < first * (1 - rho) < 4.5


def test_adagrad_distance_lies_between_the_bounds_of_the_going_further():
    # steps 0.1 / sqrt(k) summed by a plain loop; the bounds 2 eta (sqrt(t + 1) - 1) < sum < 2 eta sqrt(t)
    for t in (1, 10, 10_000):
        total = sum(0.1 / np.sqrt(k) for k in range(1, t + 1))
        assert 0.2 * (np.sqrt(t + 1) - 1) < total <= 0.2 * np.sqrt(t)
