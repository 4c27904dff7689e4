"""The numbers every frame of the momentum chapter's interactives shows.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles of
its frames are checked here against numbers computed another way: gradient descent on the
valley in closed form (each coordinate is multiplied by 1 - eta lambda per step), heavy ball
and Nesterov by powers of their 2×2 matrices written out here, the best rates from their formulas.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from notebook_frames import chapter_frames

LAMS = (1.0, 25.0)  # ill_conditioned = (x^2 + 25 y^2) / 2
START = (-2.0, 1.0)


@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("momentum", lambda s: s.startswith("fig, "))[0]  # static figures skipped


def heavy_ball_path(eta, mu, lam, z0, steps):
    """z_t = (1 + mu - eta lam) z_{t-1} - mu z_{t-2}, from z_{-1} = z_0 (the buffer starts at 0)."""
    z = [z0, z0]
    for _ in range(steps):
        z.append((1 + mu - eta * lam) * z[-1] - mu * z[-2])
    return np.array(z[1:])


def nesterov_path(eta, mu, lam, z0, steps):
    """Torch's Nesterov: first step z_0 (1 - eta lam (1 + mu)), then the look-ahead recurrence."""
    z = [z0, z0 * (1 - eta * lam * (1 + mu))]
    for _ in range(steps - 1):
        z.append((1 + mu) * (1 - eta * lam) * z[-1] - mu * (1 - eta * lam) * z[-2])
    return np.array(z)


def test_the_chapter_has_its_three_interactives(chapter):
    assert sorted(chapter) == ["kappa_frame", "nag_frame", "valley_frame"]


def test_valley_frames_state_both_distances(chapter):
    params, texts = chapter["valley_frame"]
    etas, mus = params["eta"].values, params["mu"].values
    assert len(texts) == len(etas) * len(mus) == 42
    for (i, j), (panel,) in texts.items():
        eta, mu = etas[i], mus[j]
        gd = math.hypot(*((1 - eta * lam) ** 30 * z0 for lam, z0 in zip(LAMS, START)))
        hb = math.hypot(*(heavy_ball_path(eta, mu, lam, z0, 30)[-1] for lam, z0 in zip(LAMS, START)))
        shown = lambda d: f"{d:.2g}" + (" (diverging)" if d > 10 else "")
        assert panel[0] == (f"η = {eta:.3g}, μ = {mu:.3g}: distance after 30 steps\n"
                            f"gradient descent {shown(gd)}\nheavy ball {shown(hb)}"), (eta, mu)


def test_momentum_wins_the_valley_at_the_best_parameters(chapter):
    params, texts = chapter["valley_frame"]
    i, j = params["eta"].values.index(1 / 9), params["mu"].values.index(4 / 9)
    gd, hb = re.findall(r"descent ([^ ,\n]+).*\nheavy ball ([^ ,\n]+)", texts[(i, j)][0][0])[0]
    assert float(gd) > 1e6 and float(hb) < 1e-3  # GD diverges beyond 2/25; heavy ball converges


def test_kappa_frames_state_the_proven_rates_and_the_distances(chapter):
    params, texts = chapter["kappa_frame"]
    for (i,), (left, right) in texts.items():
        k = params["k"].values[i]
        r_gd, r_hb = (k - 1) / (k + 1), (math.sqrt(k) - 1) / (math.sqrt(k) + 1)
        assert left[0] == (f"κ = {k:g}: worst factor in the shaded band\n"
                           f"gradient descent {r_gd:.4f}, heavy ball {r_hb:.4f}")
        # gradient descent at eta_* multiplies both coordinates by +-r_gd: distance sqrt(2) r_gd^150
        eta, mu = 4 / (1 + 1 / math.sqrt(k)) ** 2, r_hb**2
        n = round(10 * math.sqrt(k))  # steps grow like sqrt(kappa), so heavy ball has time to pass its start-up
        hb = math.hypot(*(heavy_ball_path(eta, mu, lam, 1.0, n)[-1] for lam in (1 / k, 1.0)))
        assert right[0] == (f"distance after 10√κ = {n} steps\n"
                            f"gradient descent {math.sqrt(2) * r_gd**n:.1e}, heavy ball {hb:.1e}"), k
        assert hb < 5e-6 and hb < math.sqrt(2) * r_gd**n, k  # what the text says every frame shows


def test_nesterov_frames_state_the_overshoot_and_the_distance(chapter):
    params, texts = chapter["nag_frame"]
    for (i,), (left, right) in texts.items():
        mu = params["mu"].values[i]
        hb = [heavy_ball_path(0.03, mu, lam, z0, 60) for lam, z0 in zip(LAMS, START)]
        nag = [nesterov_path(0.03, mu, lam, z0, 60) for lam, z0 in zip(LAMS, START)]
        over_x = [f"{p[0].max():.2f}" if p[0].max() > 0 else "none" for p in (hb, nag)]
        assert left[0] == (f"distance after 60 steps: HB {math.hypot(hb[0][-1], hb[1][-1]):.2g}, "
                           f"NAG {math.hypot(nag[0][-1], nag[1][-1]):.2g}\n"
                           f"overshoot past x = 0: HB {over_x[0]}, NAG {over_x[1]}")
        over_hb, over_nag = -hb[1].min(), -nag[1].min()
        shown = re.fullmatch(r"overshoot past y = 0\nheavy ball (\S+), Nesterov (\S+)", right[0]).groups()
        # two decimals; a value on a rounding tie (0.545) may print either way
        assert [abs(float(v) - o) <= 0.005 + 1e-9 for v, o in zip(shown, (over_hb, over_nag))] == [True, True], mu
        assert over_nag < 0.55 * over_hb  # the look-ahead at least about halves the overshoot


def test_kappa_frames_show_the_start_up_hump_the_text_states():
    """The text: heavy ball's distance rises to 26 times the start at kappa = 1e4, peaking near sqrt(kappa)/2."""
    k = 10000
    r = (math.sqrt(k) - 1) / (math.sqrt(k) + 1)
    eta, mu = 4 / (1 + 1 / math.sqrt(k)) ** 2, r**2
    paths = [heavy_ball_path(eta, mu, lam, 1.0, 1000) for lam in (1 / k, 1.0)]
    dist = np.hypot(*paths)
    assert round(dist.max() / math.sqrt(2)) == 26
    assert 0.8 * math.sqrt(k) / 2 < dist.argmax() < 1.2 * math.sqrt(k) / 2


def test_valley_legend_says_a_diverging_path_diverges(chapter):
    params, texts = chapter["valley_frame"]
    i, j = params["eta"].values.index(1 / 9), params["mu"].values.index(0.6)
    assert "gradient descent (diverges)" in texts[(i, j)][0]
    i = params["eta"].values.index(0.075)
    assert "gradient descent" in texts[(i, j)][0] and "gradient descent (diverges)" not in texts[(i, j)][0]


def test_nesterov_frames_show_the_x_overshoots_the_text_quotes(chapter):
    """The text: move mu to 0.95 and heavy ball passes x = 0 to 1.26, Nesterov to 0.98."""
    params, texts = chapter["nag_frame"]
    (left, _right), = [t for (i,), t in texts.items() if params["mu"].values[i] == 0.95]
    assert left[0].endswith("overshoot past x = 0: HB 1.26, NAG 0.98")


def test_kappa_frames_fall_at_nearly_the_proven_pace_after_the_start_up():
    """The text: over the second half of every run heavy ball's slope (log distance per step) is
    93-95 % of its dashed line's, log r, and it ends above that line."""
    for k in (2, 5, 10, 25, 100, 1000, 10000):
        r = (math.sqrt(k) - 1) / (math.sqrt(k) + 1)
        eta, mu, n = 4 / (1 + 1 / math.sqrt(k)) ** 2, r**2, round(10 * math.sqrt(k))
        dist = np.hypot(*(heavy_ball_path(eta, mu, lam, 1.0, n) for lam in (1 / k, 1.0)))
        slope = math.log(dist[n] / dist[n // 2]) / (n - n // 2)
        assert 0.925 <= slope / math.log(r) <= 0.955, k
        assert dist[n] > math.sqrt(2) * r**n, k
