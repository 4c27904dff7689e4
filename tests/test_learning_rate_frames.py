"""The numbers every frame of the learning-rate chapter's interactives shows.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles of
its frames are checked here, against numbers computed independently: the factor
r = 1 - 2 eta a and its regime, the best eta and rate for each condition number, the schedule
that ends closest for each noise size (from a plain loop over the mean square distance), and
the eta that backtracking accepts, from the exact Armijo bound on a quadratic.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from notebook_frames import chapter_frames



@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("learning_rate", lambda s: s.startswith("fig, "))[0]  # static figures skipped


def test_the_chapter_has_its_four_interactives(chapter):
    assert sorted(chapter) == ["armijo_frame", "kappa_frame", "noise_frame", "parabola_frame"]


def test_parabola_frames_state_r_and_the_regime(chapter):
    params, texts = chapter["parabola_frame"]
    etas, curvatures = params["eta"].values, params["a"].values
    assert len(texts) == len(etas) * len(curvatures)
    for (i, j), (left, right) in texts.items():
        eta, a = etas[i], curvatures[j]
        r = 1 - 2 * eta * a
        s = eta * a
        expected = ("one step" if math.isclose(s, 0.5) else "monotone" if s < 0.5 else "oscillating" if s < 1
                    else "bouncing forever" if math.isclose(s, 1.0) else "diverging")
        border = " (a border)" if math.isclose(s, 0.5) or math.isclose(s, 1.0) else ""
        assert left[0] == f"$a = {a:g}$, $\\eta = {eta:g}$: $\\eta a = {s:g}${border}"
        assert right[0] == f"$r = 1 - 2\\eta a = {r:g}$: {expected}"
        # from x_0 = 2 in the frame |x| <= 3: the path leaves it exactly when |r| > 1 (|r|^15 > 1.5 here)
        assert ("the path leaves the picture" in left) == (abs(r) > 1 + 1e-9), (eta, a)


def test_the_parabola_slider_reaches_every_regime(chapter):
    _, texts = chapter["parabola_frame"]
    regimes = {right[0].split(": ")[-1] for left, right in texts.values()}
    assert regimes == {"monotone", "one step", "oscillating", "bouncing forever", "diverging"}


def test_kappa_frames_state_the_best_eta_and_rate(chapter):
    params, texts = chapter["kappa_frame"]
    for (i,), (panel, right) in texts.items():
        k = params["k"].values[i]
        # eta_* lambda_max = 2 lambda_max / (lambda_min + lambda_max) and r_* = (lmax - lmin) / (lmax + lmin)
        lmin, lmax = 1.0, float(k)
        assert panel[0] == f"$\\kappa = {k:g}$: $\\eta_* = {2 * lmax / (lmin + lmax):.3f}/\\lambda_{{\\max}}$"
        assert f"$\\eta_*$: $r_* = {(lmax - lmin) / (lmax + lmin):.3f}$" in panel
        # eta = 1 / lambda_max: the larger of |1 - lambda_min/lambda_max| and |1 - 1| = 0
        assert f"$\\eta = 1/\\lambda_{{\\max}}$: $r = {abs(1 - lmin / lmax):.3f}$" in panel
        assert ("at $\\kappa = 1$ all three lines coincide" in panel) == (k == 1)
        # the right panel: 20 steps of gradient descent on (x_1^2 / k + x_2^2) / 2 from (1, 1), both coordinates
        # shrink by their own factor per step, so the distance after 20 steps is known in closed form
        distance = {e: math.hypot((1 - e / k) ** 20, (1 - e) ** 20) for e in (2 * k / (k + 1), 1.0)}
        assert right[0] == ("20 steps from (1, 1): distance to the minimum\n"
                            f"{distance[2 * k / (k + 1)]:.2g} at η*, {distance[1.0]:.2g} at 1/λmax"), k


def test_noise_frames_name_the_schedule_that_ends_closest(chapter):
    params, texts = chapter["noise_frame"]
    steps = 20_000
    etas = {  # the four schedules, written out: constant, step, exponential, inverse time
        "constant 0.001": lambda t: 0.001,
        "step: 0.001, then 0.0001": lambda t: 0.001 if t <= 10_000 else 0.0001,
        "exponential": lambda t: 0.001 * 0.1 ** ((t - 1) / (steps - 1)),
        "inverse time": lambda t: 0.001 / (1 + 9 * (t - 1) / (steps - 1)),
    }
    assert len(texts) == len(params["s"].values) == 7
    ends = {}
    for (i,), (panel,) in texts.items():
        s = params["s"].values[i]
        end = {}
        for name, eta in etas.items():
            D = 1.0  # the mean square distance from x_0 = 1
            for t in range(1, steps + 1):
                D = (1 - eta(t)) ** 2 * D + eta(t) ** 2 * s**2
            end[name] = math.sqrt(D)
        ends[s] = end
        best = min(end, key=end.get)
        assert panel[0] == f"noise size s = {s:g}\nclosest at t = 20,000: {best}, {end[best]:.2g}", s
        for e in (0.001, 0.0001):
            assert f"noise floor, η = {e:g}" in panel
    # the text's claims: with little noise the inverse-time decay ends farthest, with much noise closest
    assert max(ends[0.01], key=ends[0.01].get) == "inverse time"
    assert min(ends[10], key=ends[10].get) == "inverse time"


def test_armijo_frames_accept_the_first_trial_under_the_exact_bound(chapter):
    params, texts = chapter["armijo_frame"]
    g = np.array([10.0, 11.0])  # the bowl's gradient at (3, 4)
    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    for (i, j), (panel,) in texts.items():
        c, tau = params["c"].values[i], params["tau"].values[j]
        bound = 2 * (1 - c) * (g @ g) / (g @ H @ g)
        tries = next(n for n in range(1, 100) if tau ** (n - 1) <= bound)
        assert panel[0] == f"$\\tau = {tau:g}$: {tries} tries, {tries + 1} evaluations of $f$ in all"
        accepted = float(re.search(r"accepted \$\\eta = ([\d.e-]+)\$", " ".join(panel)).group(1))
        assert accepted == pytest.approx(tau ** (tries - 1), rel=2e-3)
