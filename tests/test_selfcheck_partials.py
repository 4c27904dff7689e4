"""The answers of the chapter "Partial derivatives and the gradient", and the claims its
gradient-check section makes, against independent computations."""

import numpy as np
import pytest
import sympy as sp

from gdlib.numdiff import check_gradient
from gdlib.selfcheck import check

x, y = sp.symbols("x y", real=True)


def test_by_hand_is_the_partial_in_x_not_in_y():
    f = x**2 * y**3 + 5 * x - y
    assert check("ex-partial-by-hand", sp.diff(f, x)).right
    assert not check("ex-partial-by-hand", sp.diff(f, y)).right  # swapped variables fail


@pytest.mark.parametrize("label, right, slips", [
    # u^T grad f at (2, 1) for u = (0.6, 0.8); |grad f| = sqrt(41) is the bound, not the slope
    ("ex-partial-directional", 0.6 * 5 + 0.8 * 4, [np.sqrt(41), 0.8 * 5 + 0.6 * 4]),
    # dy/dx = -f_x / f_y at (1, 2); -f_y / f_x and the missing sign are slips
    ("ex-partial-tangent", -(2 * 1 + 2) / (1 + 2 * 2), [-5 / 4, 4 / 5]),
    # x cos(xy) at (2, 1); the classmate's cos(xy) is half of it there
    ("ex-partial-gradcheck", 2 * np.cos(2.0), [np.cos(2.0)]),
])
def test_numeric_answers_and_their_slips(label, right, slips):
    assert check(label, right).right
    for slip in slips:
        assert not check(label, slip).right, slip


def test_the_classmates_slip_is_invisible_where_x_is_one():
    # Why the exercise asks at (2, 1): at (1, 2) the wrong cos(xy) equals the right x cos(xy).
    assert np.isclose(1 * np.cos(1 * 2), np.cos(1 * 2))
    assert check("ex-partial-gradcheck", np.cos(2.0)).message.endswith(
        "is 0.5 times the answer: is a factor 2 counted twice, or halved where it should not be?")


def f_worked(q):
    return q[0] ** 4 + 3 * q[0] * q[1] ** 2 - 2 * q[1]


def grad_slip(q):  # d(3xy^2)/dy written as 6y: the factor x dropped
    return np.array([4 * q[0] ** 3 + 3 * q[1] ** 2, 6 * q[1] - 2])


def test_the_chapters_slip_passes_at_one_one_and_is_caught_at_the_random_point():
    assert check_gradient(f_worked, grad_slip, [1.0, 1.0]).ok
    point = np.random.default_rng(0).uniform(-2, 2, size=2)
    caught = check_gradient(f_worked, grad_slip, point)
    assert not caught.ok and caught.worst == 1
    # The true partial 6xy - 2 at the point, computed by hand, is what finite differences give.
    assert np.isclose(caught.numeric[1], 6 * point[0] * point[1] - 2, rtol=1e-8)
    assert str(caught) == ("gradient WRONG in component 1: formula gives -7.52512, "
                           "finite differences give -5.02692")


def test_the_directional_solution_angle_is_about_14_5_degrees():
    # The solution of ex-partial-directional says u = (0.6, 0.8) is about 14.5° from
    # grad f = (5, 4): the difference of their polar angles, computed independently of
    # the cos β = 6.2 / sqrt(41) that the solution shows.
    beta = np.degrees(np.arctan2(0.8, 0.6) - np.arctan2(4, 5))
    assert round(beta, 1) == 14.5
    assert np.isclose(np.cos(np.radians(beta)), 6.2 / np.sqrt(41))
    assert round(6.2 / np.sqrt(41), 3) == 0.968
