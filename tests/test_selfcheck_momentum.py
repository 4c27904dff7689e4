"""The momentum chapter's self-check answers: derived here, the solutions pass, typical slips do not."""

from __future__ import annotations

import sympy as sp

from gdlib import GD, Momentum
from gdlib.rates import heavy_ball_best, measure_rate, spectral_radius
from gdlib.selfcheck import check


def test_series_answer_is_the_two_geometric_sums():
    mu, n = sp.Rational(4, 5), sp.Symbol("n", integer=True, nonnegative=True)
    same = sp.summation(mu**n, (n, 0, sp.oo))
    flipping = sp.summation((-mu) ** n, (n, 0, sp.oo))
    assert check("ex-mom-series", [same, flipping]).right
    assert check("ex-mom-series", [5, 1 / 1.8]).right
    assert not check("ex-mom-series", [1 / 0.8, 1 / 1.8]).right  # 1/mu instead of 1/(1 - mu)
    assert not check("ex-mom-series", [5, 5]).right


def test_best_answer_is_polyaks_parameters_for_1_and_9():
    eta, mu, rate = heavy_ball_best(1.0, 9.0)
    assert check("ex-mom-best", [eta, mu, rate]).right
    assert not check("ex-mom-best", [0.2, 0.25, 0.5]).right  # gradient descent's eta_* = 2/(1 + 9)
    assert not check("ex-mom-best", [0.25, 0.5, 0.5]).right  # mu = r instead of r^2
    # the measurement the exercise asks for
    assert abs(measure_rate(Momentum(eta=0.25, mu=0.25), [1.0, 9.0]) - 0.5) < 0.01
    assert abs(measure_rate(GD(eta=0.2), [1.0, 9.0]) - 0.8) < 1e-9


def test_nesterov_answer_is_the_two_root_sizes():
    hb, nag = spectral_radius(0.5, 0.5, 1.0), spectral_radius(0.5, 0.5, 1.0, nesterov=True)
    assert check("ex-mom-nesterov", [hb, nag]).right
    assert check("ex-mom-nesterov", [0.5**0.5, 0.5]).right
    assert not check("ex-mom-nesterov", [0.5, 0.25]).right  # the products, not their roots
