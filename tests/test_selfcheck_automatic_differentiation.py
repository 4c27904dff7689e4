"""The automatic-differentiation chapter's self-check answers: computed here by the library, and slips refused."""

from __future__ import annotations

import numpy as np

from gdlib.autodiff import Tensor, grad, operation_counts, value_and_grad
from gdlib.selfcheck import check
from chained_bowl import f_n


def test_by_hand_answer_is_the_tape():
    value, (xb, yb) = value_and_grad(lambda x, y: x * y + y)(3.0, 2.0)
    assert check("ex-ad-by-hand", [value, float(xb), float(yb)]).right
    assert not check("ex-ad-by-hand", [value, float(xb), 3.0]).right  # forgot the second use of y


def test_steps_answer_is_the_first_small_gradient():
    f = lambda x, y: x**2 + x * y + y**2
    point, t = np.array([3.0, 4.0]), 0
    while np.linalg.norm(np.array(grad(f)(*point))) >= 1e-6:
        point = point - 0.2 * np.array(grad(f)(*point))
        t += 1
    assert check("ex-ad-steps", t).right
    assert not check("ex-ad-steps", t + 1).right  # the article's iteration count, one more


def test_cost_answer_is_counted():
    c = operation_counts(f_n, np.arange(1.0, 101))
    assert check("ex-ad-cost", [c.forward_operations, c.forward_operations / c.reverse_operations]).right
    assert not check("ex-ad-cost", [c.forward_operations, 100]).right
