"""The Taylor chapter's self-check answers: the solutions pass, typical slips get a hint."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from gdlib.calculus import taylor
from gdlib.selfcheck import check

x = sp.Symbol("x", real=True)
dx = sp.Symbol("Δx", real=True)


def test_cube_answer_is_the_taylor_polynomial():
    # derived independently: (1 + dx)^3 without its cubic term, and gdlib's taylor
    assert check("ex-taylor-cube", sp.expand((1 + dx) ** 3) - dx**3).right
    assert check("ex-taylor-cube", taylor(x**3, x, 1, 2, step=dx)).right
    assert check("ex-taylor-cube", 1 + 3 * sp.Symbol("Δx") + 3 * sp.Symbol("Δx") ** 2).right


@pytest.mark.parametrize("answer, hint", [
    (1 + 3 * dx + 6 * dx**2, "not it yet"),  # forgot the 1/2!
    (3 * dx + 3 * dx**2, "off by the constant -1"),
    (1 + 3 * x + 3 * x**2, "does not depend on Δx"),
])
def test_cube_slips(answer, hint):
    verdict = check("ex-taylor-cube", answer)
    assert not verdict.right and hint in verdict.message


def test_slopes_at_pi_accept_measured_values():
    # the measured slopes, computed here from scratch with a least-squares line
    h = np.geomspace(0.01, 0.1, 10)
    polys = [lambda d: 0 * d, lambda d: -d, lambda d: -d, lambda d: -d + d**3 / 6, lambda d: -d + d**3 / 6]
    slopes = [np.polyfit(np.log(h), np.log(np.abs(np.sin(np.pi + h) - T(h))), 1)[0] for T in polys]
    assert check("ex-taylor-slopes-at-pi", slopes).right
    assert check("ex-taylor-slopes-at-pi", [1, 3, 3, 5, 5]).right
    assert not check("ex-taylor-slopes-at-pi", [1, 2, 3, 4, 5]).right  # the naive n + 1


def test_best_step_minimises_the_bowls_one_step_change():
    eta = np.linspace(0, 1, 1_000_001)
    a, g = np.array([2.0, 1.0]), np.array([5.0, 4.0])
    p = a[None, :] - eta[:, None] * g[None, :]
    values = p[:, 0] ** 2 + p[:, 0] * p[:, 1] + p[:, 1] ** 2
    assert check("ex-taylor-best-step", eta[values.argmin()]).right
    assert "2 times the answer" in check("ex-taylor-best-step", 41 / 61).message
