"""Rates on a quadratic: the formulas against SymPy, the 2×2 matrices against runs, measured against proven."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from gdlib import GD, Momentum, Nesterov, descend
from gdlib.rates import (gd_best, gd_rate, heavy_ball_best, heavy_ball_rate, iteration_matrix,
                         measure_rate, spectral_radius)

KAPPAS = [1, 1.5, 2, 5, 10, 25, 100, 1000, 10_000]


def test_rates_by_hand():
    # kappa = 9: GD (9 - 1)/(9 + 1) = 0.8; heavy ball (3 - 1)/(3 + 1) = 0.5
    assert gd_rate(9) == pytest.approx(0.8, abs=1e-15)
    assert heavy_ball_rate(9) == pytest.approx(0.5, abs=1e-15)
    assert gd_rate(1) == 0 and heavy_ball_rate(1) == 0
    assert gd_best(1, 9) == pytest.approx((0.2, 0.8))
    assert heavy_ball_best(1, 9) == pytest.approx((0.25, 0.25, 0.5))  # 4/(1+3)^2, (2/4)^2, 2/4
    assert heavy_ball_best(2, 2) == pytest.approx((0.5, 0.0, 0.0))  # a round bowl: no momentum, one step


def test_best_parameters_solve_the_border_equations():
    # eta lambda_min = (1 - sqrt(mu))^2 and eta lambda_max = (1 + sqrt(mu))^2, solved by SymPy
    lo, hi, eta, s = sp.symbols("l L eta s", positive=True)
    sol = sp.solve([eta * lo - (1 - s) ** 2, eta * hi - (1 + s) ** 2], [eta, s], dict=True)
    sol = [d for d in sol if (d[s] - 1).subs({lo: 1, hi: 4}) < 0][0]
    for a, b in [(1.0, 4.0), (0.01, 1.0), (3.0, 300.0)]:
        e, mu, r = heavy_ball_best(a, b)
        assert e == pytest.approx(float(sol[eta].subs({lo: a, hi: b})), rel=1e-12)
        assert mu == pytest.approx(float(sol[s].subs({lo: a, hi: b})) ** 2, rel=1e-12)
        assert r == pytest.approx(heavy_ball_rate(b / a), rel=1e-12)


@pytest.mark.parametrize("kappa", KAPPAS[1:])
def test_every_direction_between_the_ends_shrinks_by_the_rate(kappa):
    e, mu, r = heavy_ball_best(1 / kappa, 1.0)
    for lam in np.geomspace(1 / kappa, 1.0, 9)[1:-1]:  # inside: a complex pair of modulus sqrt(mu)
        assert spectral_radius(e, mu, lam) == pytest.approx(np.sqrt(mu), rel=1e-9)
    assert np.sqrt(mu) == pytest.approx(r, rel=1e-12)
    # outside the range the factor is worse
    assert spectral_radius(e, mu, 1.5) > r + 1e-3
    assert spectral_radius(e, mu, 0.5 / kappa) > r + 1e-6


def test_no_grid_point_beats_the_best_heavy_ball():
    lo, hi = 0.01, 1.0
    best = heavy_ball_rate(hi / lo)
    worst = min(max(spectral_radius(e, m, lo), spectral_radius(e, m, hi))
                for e in np.linspace(0.5, 4.0, 36) for m in np.linspace(0.0, 0.99, 34))
    assert worst >= best - 1e-9


@pytest.mark.parametrize("nesterov", [False, True])
def test_the_matrix_is_one_step_of_the_torch_form_optimizer(nesterov):
    eta, mu, lam = 0.07, 0.8, 3.0
    opt = (Nesterov if nesterov else Momentum)(eta=eta, mu=mu)
    z = descend(lambda x: lam * x, [1.0], opt, steps=12).xs[:, 0]
    M = iteration_matrix(eta, mu, lam, nesterov=nesterov)
    for t in range(1, 12):  # from the second step on; Nesterov's first step differs (x_{-1} = x_0 does not hold)
        assert (M @ [z[t], z[t - 1]])[0] == pytest.approx(z[t + 1], rel=1e-12, abs=1e-15)
    assert M[1].tolist() == [1.0, 0.0]


def test_without_momentum_the_matrices_are_gradient_descent():
    for nesterov in (False, True):
        eig = sorted(np.linalg.eigvals(iteration_matrix(0.1, 0.0, 4.0, nesterov)).real)
        assert eig == pytest.approx([0.0, 0.6])
        assert spectral_radius(0.3, 0.0, 4.0, nesterov) == pytest.approx(0.2)


def test_nesterov_damps_the_steep_direction():
    # product of the roots: mu (1 - eta lambda) for Nesterov, mu for heavy ball
    eta, mu, lam = 0.03, 0.9, 25.0
    assert spectral_radius(eta, mu, lam) == pytest.approx(np.sqrt(mu))
    assert spectral_radius(eta, mu, lam, nesterov=True) == pytest.approx(np.sqrt(mu * (1 - eta * lam)))


@pytest.mark.parametrize("kappa", KAPPAS)
def test_measured_rates_lie_within_the_proven_ones(kappa):
    lam = [1 / kappa, 1.0]
    e_gd, r_gd = gd_best(*lam)
    e_hb, mu_hb, r_hb = heavy_ball_best(*lam)
    m_gd = measure_rate(GD(eta=e_gd), lam)
    m_hb = measure_rate(Momentum(eta=e_hb, mu=mu_hb), lam)
    assert m_gd <= r_gd * (1 + 1e-3) + 1e-12
    assert m_hb <= r_hb * (1 + 1e-2) + 1e-12
    assert m_gd >= r_gd * 0.99 and m_hb >= r_hb * 0.99  # and not much faster: the bound is the rate
    assert m_hb < m_gd or kappa == 1


def test_measure_rate_of_a_known_factor():
    assert measure_rate(GD(eta=0.5), [1.0, 1.0]) == pytest.approx(0.5, rel=1e-9)
    assert measure_rate(GD(eta=1.0), [1.0]) == 0.0  # lands on the minimum


def test_measure_rate_refuses_a_divergent_run():
    with pytest.raises(ValueError, match="diverged"):
        measure_rate(GD(eta=3.0), [1.0])
