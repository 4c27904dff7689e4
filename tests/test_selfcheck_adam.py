"""The Adam chapter's self-check answers: derived here from the rules, and typical slips refused."""

from __future__ import annotations

from gdlib import Adam
from gdlib.race import sweep
from gdlib.selfcheck import check


def test_bias_answer_follows_the_recurrence():
    m, ms = 0.0, []
    for _ in range(2):
        m = 0.9 * m + 0.1 * 2.0
        ms.append(m)
    assert check("ex-adam-bias", [ms[0], ms[1], ms[1] / (1 - 0.9**2)]).right
    assert not check("ex-adam-bias", [ms[0], ms[1], ms[1]]).right  # forgot the correction


def test_first_step_answer_is_an_adam_step():
    import numpy as np
    opt = Adam(eta=0.01)
    x, _ = opt.update(np.array([3.0, -0.001]), np.array([6.0, -0.002]), opt.init(np.zeros(2)))
    assert check("ex-adam-first-step", x.tolist()).right
    assert not check("ex-adam-first-step", [2.99, -0.001 + 0.01 * 0.002]).right  # a gradient-descent step


def test_beta2_answer_is_the_sweep():
    s = sweep("Rosenbrock", Adam, beta2=0.99)
    assert check("ex-adam-beta2", s.steps[s.best]).right
    assert not check("ex-adam-beta2", 1304).right
