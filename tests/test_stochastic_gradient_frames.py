"""The numbers the stochastic-gradient chapter shows, against theory computed here independently.

nbval compares the printed cells; this checks the interactive's frame titles and the data
behind the static figures: the 1/M law's slope, the exact finite-population variance, the
noise ball against eta s^2 / (lambda (2 - eta lambda)), and the decaying schedule settling.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from notebook_frames import chapter_frames


@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("stochastic_gradient", lambda s: s.startswith("fig, "))  # static figures skipped


@pytest.fixture(scope="module")
def data():
    """The chapter's 200 students, standardised, solved by the normal equations, in plain NumPy."""
    from gdlib.datasets import heights_weights
    h, w = heights_weights(n=200, seed=0)
    z = (h - h.mean()) / h.std()
    X = np.c_[z, np.ones_like(z)]
    theta_star = np.linalg.solve(X.T @ X, X.T @ w)
    g = -2 * (w - X @ theta_star)[:, None] * X  # each sample's gradient at the minimum
    s1_sq = np.mean(np.sum((g - g.mean(axis=0)) ** 2, axis=1))
    return theta_star, s1_sq


def ball(eta, M, s1_sq, N=200, lam=2.0):
    s_sq = s1_sq / M * (N - M) / (N - 1)
    return eta * s_sq / (lam * (2 - eta * lam))


def test_one_interactive(chapter):
    frames, _ = chapter
    assert sorted(frames) == ["try_frame"]


def test_frames_state_the_predicted_ball_and_the_full_batch_distance(chapter, data):
    (params, texts), theta_star = chapter[0]["try_frame"], data[0]
    Ms, choices = params["M"].values, params["eta_choice"].values
    assert len(texts) == len(Ms) * len(choices) == 30
    ends = {}
    for (i, j), (left, right) in texts.items():
        M, eta, decaying = Ms[i], float(choices[j].split()[0]), "decaying" in choices[j]
        steps = 5 * 200 // M
        eta_end = eta / 11 if decaying else eta  # the circle: eta / (1 + 2 epochs done) after 5 epochs
        radius = np.sqrt(ball(eta_end, M, data[1])) if M < 200 else 0.0
        schedule = "decaying" if decaying else "constant"
        assert right[0] == f"$M = {M}$, $\\eta = {eta:g}$, {schedule}\ncost above the minimum"
        match = re.fullmatch(rf"predicted radius \$\\sqrt{{D_\\infty}}\$ = {radius:.2f}\n"
                             rf"ends ([0-9.]+) from \$\\theta\^\*\$", left[0])
        assert match, left[0]
        ends[M, choices[j]] = float(match[1])
        if M == 200 and not decaying:  # full batch on H = 2I: the distance shrinks by |1 - 2 eta| per epoch
            assert float(match[1]) == pytest.approx(np.linalg.norm(theta_star) * abs(1 - 2 * eta) ** 5, abs=0.006)
        elif M == 1 and eta >= 0.1 and not decaying:  # long in the ball: within a few radii of the minimum
            assert float(match[1]) < 4 * radius
    # the decaying rate draws the M = 1 run in: it ends nearer than the constant 0.4 did
    assert ends[1, "0.4 decaying"] < ends[1, "0.4"] / 2
    assert ends[200, "0.1"] == pytest.approx(23.72, abs=0.01)  # the text's number: outside the +-9 window
    assert ends[200, "0.1"] > 9 * np.sqrt(2)


def test_a_decaying_full_batch_is_slow(data):
    """The text: five decaying full-batch steps leave J - J* near 52 kg², the constant 0.4 near 0.0005."""
    sq = np.sum(data[0] ** 2)  # J - J* at (0, 0) on H = 2I
    decaying = sq * np.prod([(1 - 2 * 0.4 / (1 + 2 * t)) ** 2 for t in range(5)])
    assert decaying == pytest.approx(52, abs=0.5)
    assert sq * 0.2**10 == pytest.approx(0.0005, abs=0.00005)


def test_running_average_closes_in(chapter):
    ns = chapter[1]
    assert ns["gap"][-1] < 3 * ns["s1_start"] / np.sqrt(len(ns["gap"]))
    assert ns["gap"][-1] < ns["gap"][9] / 5


def test_variance_slope_and_finite_population_factor(chapter):
    ns = chapter[1]
    assert ns["slope"] == pytest.approx(-1.0, abs=0.03)
    sizes = np.array(ns["batch_sizes"])
    per_sample = ns["per_sample"]
    s1_sq = np.mean(np.sum((per_sample - per_sample.mean(axis=0)) ** 2, axis=1))
    assert np.allclose(ns["measured"]["replacement"], s1_sq / sizes, rtol=0.1)
    assert np.allclose(ns["measured"]["fresh"], s1_sq / sizes * (200 - sizes) / 199, rtol=0.1)
    assert ns["measured"]["fresh"][-1] < 0.02 * ns["measured"]["replacement"][-1]  # the bend at M = 199


def test_three_variants(chapter, data):
    ns, theta_star = chapter[1], data[0]
    excess = ns["excess"]
    # full batch on H = 2I from (0, 0): J - J* = |theta*|^2 (1 - 2 eta)^(2t)
    assert excess[200][-1] == pytest.approx(np.sum(theta_star**2) * 0.8**40, rel=1e-6)
    stalled = {M: excess[M][10 * 200 // M:].mean() for M in (10, 1)}
    assert stalled[1] > 5 * stalled[10] > 0
    assert stalled[1] == pytest.approx(ball(0.1, 1, data[1]), rel=0.3)
    assert excess[1][200] < excess[10][20] * 10 and excess[10][20] < excess[200][1] / 100  # per epoch
    # per update: M = 10 keeps level with the batch run, then stalls above it; M = 1 is behind from the start
    assert np.allclose(excess[10][1:16], excess[200][1:16], rtol=0.05)
    assert excess[10][20] > 1.5 * excess[200][20]
    assert np.all(excess[1][1:21] > excess[200][1:21])


def test_noise_ball_against_the_prediction(chapter, data):
    ns = chapter[1]
    predicted = np.array([ball(e, 10, data[1]) for e in ns["etas"]])
    fresh, epoch = ns["ball_measured"]["fresh"], ns["ball_measured"]["epoch"]
    small = ns["etas"] <= 0.2
    assert np.allclose(fresh[small], predicted[small], rtol=0.05)
    assert np.allclose(fresh, predicted, rtol=0.15)
    assert epoch[0] < predicted[0] / 4  # shuffling per epoch cancels the noise at a small eta
    assert np.all(np.diff(fresh) > 0)  # grows with eta


def test_why_the_three_variants_miss(chapter, data):
    """Fresh M = 10 batches match (14.5); epoch-shuffled ones sit below; M = 1 sits above even fresh."""
    above = chapter[1]["above"]
    for M in (1, 10):
        assert above[M][0] == pytest.approx(ball(0.1, M, data[1]), rel=1e-6)
    assert above[10][1] == pytest.approx(above[10][0], rel=0.05)
    assert above[10][2] < 0.8 * above[10][0]
    assert above[1][1] > 1.1 * above[1][0] and above[1][2] > 1.1 * above[1][0]
    assert chapter[1]["excess"][10][100:].mean() == pytest.approx(above[10][2], rel=0.1)


def test_the_decaying_rate_settles(chapter, data):
    ns = chapter[1]
    rms = ns["rms_decay"]
    assert rms["constant 0.2"][-1] == pytest.approx(np.sqrt(ball(0.2, 10, data[1])), rel=0.1)
    eta_end = 0.2 / (1 + 0.01 * (ns["steps_decay"] - 1))
    assert rms["inverse time"][-1] == pytest.approx(np.sqrt(ball(eta_end, 10, data[1])), rel=0.2)
    assert rms["inverse time"][-1] < rms["constant 0.2"][-1] / 5
