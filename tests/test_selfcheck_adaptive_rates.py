"""The adaptive-rates chapter's self-check answers: the solutions pass, slips do not."""

from __future__ import annotations

import numpy as np

from gdlib import AdaGrad
from gdlib.quadratic import form_matrix, rotation
from gdlib.selfcheck import check
from gdlib.step_sizes import effective_steps, fewest_steps


def test_shrink_answer_is_measured_by_runs():
    adagrad = effective_steps(lambda x: np.full_like(x, 5.0), [0.0], AdaGrad(eta=0.3), steps=9)
    ninth = adagrad.etas[8, 0] * 5.0
    assert check("ex-ada-shrink", [ninth, 0.3]).right
    assert not check("ex-ada-shrink", [0.3 / 9, 0.3]).right  # 1/t instead of 1/sqrt(t)
    assert not check("ex-ada-shrink", [0.1, 0.0]).right  # RMSProp's step does not vanish


def test_memory_answer_is_the_weight_of_the_last_ten():
    w = 0.1 * 0.9 ** np.arange(10_000)
    assert check("ex-ada-memory", w[:10].sum() / w.sum()).right
    assert not check("ex-ada-memory", 0.9**10).right


def test_turn_answer_is_the_measured_count():
    phi = np.pi / 8
    A = form_matrix((1.0, 25.0), phi)
    _, steps = fewest_steps(lambda x: x @ A, rotation(phi) @ np.array([2.0, 1.0]),
                            AdaGrad(eta=np.geomspace(1e-3, 3, 120)), steps=2000, tol=1e-4)
    assert check("ex-ada-turn", steps).right
    assert not check("ex-ada-turn", 182).right
