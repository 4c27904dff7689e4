"""Steps along a direction: the first- and second-order changes and the angle, by hand."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib.direction import MAX_STEPS, Change, change_along, direction_at_angle
from gdlib.functions import bowl, rosenbrock, square


def test_bowl_changes_by_hand_in_each_coordinate():
    # f = x^2 + xy + y^2 at (2, 1): grad (5, 4), Hessian [[2, 1], [1, 2]]
    # u = (0, 1), eta = 0.1: f(2, 1.1) = 4 + 2.2 + 1.21 = 7.41
    c = change_along(bowl, [2.0, 1.0], [0.0, 1.0], 0.1)
    assert isinstance(c, Change)
    assert c.first == pytest.approx(0.4)
    assert c.second == pytest.approx(0.41)
    assert c.actual == pytest.approx(0.41)
    # u = (1, 0): f(2.1, 1) = 4.41 + 2.1 + 1 = 7.51 (a swapped gradient would give 0.4)
    c = change_along(bowl, [2.0, 1.0], [1.0, 0.0], 0.1)
    assert (c.first, c.actual) == pytest.approx((0.5, 0.51))
    assert c.remainder == pytest.approx(0.01)


def test_second_order_uses_the_mixed_derivative():
    # u = (1, -1) on the bowl: u^T H u = 2 - 2 + 2 = 2, u^T grad = 1; f(2.5, 0.5) = 6.25 + 1.25 + 0.25
    c = change_along(bowl, [2.0, 1.0], [1.0, -1.0], 0.5)
    assert c.first == pytest.approx(0.5)
    assert c.second == pytest.approx(0.5 + 0.25)
    assert c.actual == pytest.approx(7.75 - 7.0)


def test_rosenbrock_array_of_steps_and_cubic_remainder():
    # f(x, 0) = (1 - x)^2 + 100 x^4: change -2 eta + eta^2 + 100 eta^4 along (1, 0) from 0
    eta = np.array([0.1, 0.2, 0.05])
    c = change_along(rosenbrock, [0.0, 0.0], [1.0, 0.0], eta)
    assert c.first == pytest.approx(-2 * eta)
    assert c.second == pytest.approx(-2 * eta + eta**2)
    assert c.actual == pytest.approx(-2 * eta + eta**2 + 100 * eta**4)
    assert c.remainder == pytest.approx(eta**2 + 100 * eta**4)
    assert c.actual.shape == (3,)


def test_u_need_not_have_length_one_and_one_variable_works():
    # square: f = x^2 at 3, u = 2, eta = 0.5: step 1, f(4) - f(3) = 7, first 0.5 * 2 * 6 = 6
    c = change_along(square, [3.0], [2.0], 0.5)
    assert (c.first, c.second, c.actual) == pytest.approx((6.0, 7.0, 7.0))


def test_direction_at_angle_known_vectors():
    assert direction_at_angle([3.0, 4.0], 0) == pytest.approx([0.6, 0.8])
    assert direction_at_angle([3.0, 4.0], 90) == pytest.approx([-0.8, 0.6])  # counter-clockwise
    assert direction_at_angle([3.0, 4.0], 180) == pytest.approx([-0.6, -0.8])
    assert direction_at_angle([3.0, 4.0], -90) == pytest.approx([0.8, -0.6])
    assert direction_at_angle([0.0, 2.0], 45) == pytest.approx([-np.sqrt(0.5), np.sqrt(0.5)])


@pytest.mark.parametrize("beta", [0, 30, 75, 120, 180, 250, 333])
def test_direction_at_angle_has_length_one_and_cosine(beta):
    g = np.array([5.0, -2.0])
    u = direction_at_angle(g, beta)
    assert np.linalg.norm(u) == pytest.approx(1.0)
    assert u @ g == pytest.approx(np.linalg.norm(g) * np.cos(np.radians(beta)))


@pytest.mark.parametrize("call, exc, message", [
    (lambda: change_along(lambda p: p @ p, [1.0, 2.0], [1.0, 0.0], 0.1), TypeError, r"^f must be a gdlib.functions.Function"),
    (lambda: change_along(bowl, [1.0], [1.0, 0.0], 0.1), ValueError, r"^theta must have shape \(2,\) for bowl, got shape \(1,\)"),
    (lambda: change_along(bowl, [1.0, 2.0], [1.0, 0.0, 0.0], 0.1), ValueError, r"^u must have shape \(2,\), got shape \(3,\)"),
    (lambda: change_along(bowl, [1.0, 2.0], [np.nan, 0.0], 0.1), ValueError, r"^u must be finite, got \[nan, 0.0\]"),
    (lambda: change_along(bowl, [1.0, 2.0], [1j, 0.0], 0.1), TypeError, r"^u must be real"),
    (lambda: change_along(bowl, [1.0, 2.0], "east", 0.1), TypeError, r"^u must be"),
    (lambda: change_along(bowl, [1.0, 2.0], [1.0, 0.0], -0.1), ValueError, r"^eta must be in \(0, inf\), got -0.1"),
    (lambda: change_along(bowl, [1.0, 2.0], [1.0, 0.0], 0.0), ValueError, r"^eta must be in \(0, inf\), got 0.0"),
    (lambda: change_along(bowl, [1.0, 2.0], [1.0, 0.0], [[0.1]]), ValueError, r"^eta must be a number or a 1-D array"),
    (lambda: change_along(bowl, [1.0, 2.0], [1.0, 0.0], np.full(MAX_STEPS + 1, 0.1)), ValueError, r"^eta must hold at most 100000 step sizes"),
    (lambda: change_along(bowl, [1.0, 2.0], [1.0, 0.0], "0.1"), TypeError, r"^eta must be a real number"),
    (lambda: direction_at_angle([0.0, 0.0], 30), ValueError, r"^g must not be the zero vector"),
    (lambda: direction_at_angle([1.0, 2.0, 3.0], 30), ValueError, r"^g must have shape \(2,\), got shape \(3,\)"),
    (lambda: direction_at_angle([1.0, np.inf], 30), ValueError, r"^g must be finite"),
    (lambda: direction_at_angle([1.0, 2.0], np.nan), ValueError, r"^beta must be finite, got nan"),
    (lambda: direction_at_angle([1.0, 2.0], "90"), TypeError, r"^beta must be a real number, got '90'"),
    (lambda: direction_at_angle([1.0, 2.0], [90, 180]), TypeError, r"^beta must be one real number"),
])
def test_bad_input_is_refused_by_name(call, exc, message):
    with pytest.raises(exc, match=message):
        call()
