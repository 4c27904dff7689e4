"""The log-log slope: known orders come out, bad input is refused by name."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib.convergence import MAX_POINTS, loglog_slope
from gdlib.numdiff import central_difference, forward_difference


@pytest.mark.parametrize("p, C", [(1.0, 2.0), (2.0, 0.3), (3.0, 7.0), (0.5, 1.0), (-1.0, 4.0)])
def test_exact_power_laws_give_their_exponent(p, C):
    h = np.geomspace(1e-4, 1e-1, 9)
    assert loglog_slope(h, C * h**p) == pytest.approx(p, abs=1e-12)


def test_order_of_known_errors():
    h = np.geomspace(1e-3, 1e-1, 12)
    # forward difference of exp at 0 has error ~ h/2 (order 1), central ~ h^2/6 (order 2)
    forward = np.abs((np.exp(h) - 1) / h - 1)
    central = np.abs((np.exp(h) - np.exp(-h)) / (2 * h) - 1)
    assert loglog_slope(h, forward) == pytest.approx(1.0, abs=0.01)
    assert loglog_slope(h, central) == pytest.approx(2.0, abs=0.01)


def test_arguments_are_not_interchangeable():
    # err = h^2: swapping the arguments gives the inverse slope 1/2, so order matters
    h = np.array([0.1, 0.2, 0.4])
    assert loglog_slope(h, h**2) == pytest.approx(2.0)
    assert loglog_slope(h**2, h) == pytest.approx(0.5)


def test_least_squares_through_noisy_points():
    # three points off the line: the fit equals the closed-form least-squares slope
    lh = np.log(np.array([0.1, 0.2, 0.4]))
    le = np.array([-4.0, -3.0, -1.5])
    expected = np.sum((lh - lh.mean()) * (le - le.mean())) / np.sum((lh - lh.mean()) ** 2)
    assert loglog_slope(np.exp(lh), np.exp(le)) == pytest.approx(expected)


def test_accepts_lists_and_integers():
    assert loglog_slope([1, 2, 4], [1, 4, 16]) == pytest.approx(2.0)


@pytest.mark.parametrize("h, err, error, message", [
    ([0.1, -0.2], [1.0, 2.0], ValueError, r"h must hold positive finite numbers, got -0.2 at index 1"),
    ([0.1, 0.2], [1.0, 0.0], ValueError, r"err must be nonzero where it is fitted \(its logarithm is taken\), got 0.0 at index 1"),
    ([0.1, np.nan], [1.0, 2.0], ValueError, r"h must hold positive finite numbers, got nan at index 1"),
    ([0.1, 0.2], [np.inf, 2.0], ValueError, r"err must hold finite numbers, got inf at index 0"),
    ([0.1, 0.2], [1.0 + 1j, 2.0], ValueError, r"err must be real, got complex values"),
    ([[0.1, 0.2]], [1.0, 2.0], ValueError, r"h must be a 1-D array, got shape \(1, 2\)"),
    (0.1, 1.0, ValueError, r"h must be a 1-D array, got shape \(\)"),
    ([0.1, 0.2, 0.3], [1.0, 2.0], ValueError, r"h and err must have the same length, got 3 and 2"),
    ([0.1, 0.1], [1.0, 2.0], ValueError, r"h must hold at least 2 distinct step sizes, got \[0.1, 0.1\]"),
    ([0.1], [1.0], ValueError, r"h must hold at least 2 distinct step sizes"),
    ("0.1 0.2", [1.0, 2.0], TypeError, r"h must be a 1-D array of numbers, got the string '0.1 0.2'"),
    ([0.1, 0.2], ["a", "b"], TypeError, r"err must be a 1-D array of real numbers"),
    ([True, False], [1.0, 2.0], TypeError, r"h must be a 1-D array of real numbers, got booleans"),
])
def test_bad_input_is_named(h, err, error, message):
    with pytest.raises(error, match=message):
        loglog_slope(h, err)


def test_size_is_capped():
    h = np.linspace(1.0, 2.0, MAX_POINTS + 1)
    with pytest.raises(ValueError, match=rf"h must hold at most {MAX_POINTS} values, got {MAX_POINTS + 1}"):
        loglog_slope(h, h)


def test_loglog_slope_measures_the_order_of_known_errors():
    h = np.geomspace(1e-6, 1e-1, 11)
    assert loglog_slope(h, 3.0 * h**1.5, (1e-6, 1e-1)) == pytest.approx(1.5, abs=1e-12)
    # only the range is fitted: outside it the "error" is a floor of 1e-9
    err = np.maximum(7.0 * h**2, 1e-9)
    assert loglog_slope(h, err, (1e-3, 1e-1)) == pytest.approx(2.0, abs=1e-12)
    assert loglog_slope(h, err, (1e-6, 1e-5)) == pytest.approx(0.0, abs=1e-12)
    # signed errors: the fit uses their size
    assert loglog_slope(h, -2.0 * h, (1e-6, 1e-1)) == pytest.approx(1.0, abs=1e-12)


def test_loglog_slope_of_real_differences_is_1_forward_and_2_central():
    # exp at 1: truncation dominates for h in [1e-4, 1e-1]
    h = np.geomspace(1e-4, 1e-1, 13)
    forward = np.array([float(forward_difference(np.exp, 1.0, s)) for s in h]) - np.e
    central = np.array([float(central_difference(np.exp, 1.0, s)) for s in h]) - np.e
    assert loglog_slope(h, forward, (1e-4, 1e-1)) == pytest.approx(1.0, abs=0.03)
    assert loglog_slope(h, central, (1e-4, 1e-1)) == pytest.approx(2.0, abs=0.03)


@pytest.mark.parametrize("args, message", [
    (([1e-2, 1e-1], [1.0, 2.0, 3.0], (1e-2, 1e-1)), r"h and err must have the same length, got 2 and 3"),
    (([[1e-2, 1e-1]], [[1.0, 2.0]], (1e-2, 1e-1)), r"h must be a 1-D array, got shape \(1, 2\)"),
    (([1e-2, 1e-1], [1.0 + 1j, 2.0], (1e-2, 1e-1)), r"err must be real, got complex values"),
    ((["a", "b"], [1.0, 2.0], (1e-2, 1e-1)), r"h must be a 1-D array of real numbers"),
    (([0.0, 1e-1], [1.0, 2.0], (1e-2, 1e-1)), r"h must hold positive finite numbers, got 0.0 at index 0"),
    (([1e-2, 1e-1], [np.nan, 2.0], (1e-2, 1e-1)), r"err must hold finite numbers, got nan at index 0"),
    (([1e-2, 1e-1], [1.0, 2.0], (1e-1, 1e-2)), r"h_range must be two numbers 0 < low < high, got \(0\.1, 0\.01\)"),
    (([1e-2, 1e-1], [1.0, 2.0], 1e-2), r"h_range must be two numbers 0 < low < high, got 0\.01"),
    (([1e-2, 1e-1], [1.0, 2.0], (1e-2, 5e-2)), r"h_range \(0\.01, 0\.05\) must hold at least 2 of the h values, got 1"),
    (([1e-2, 1e-1], [0.0, 2.0], (1e-2, 1e-1)), r"err must be nonzero where it is fitted"),
])
def test_loglog_slope_with_a_range_refuses_bad_input_by_name(args, message):
    with pytest.raises((ValueError, TypeError), match=message):
        loglog_slope(*args)


def test_max_points_are_accepted():
    h = np.geomspace(1e-3, 1.0, MAX_POINTS)
    assert abs(loglog_slope(h, h**2) - 2.0) < 1e-9


@pytest.mark.parametrize("h_range", [(0.01, "0.1"), (True, 2.0), (0, 0.1), (0.1, 0.1), (0.01, np.inf)])
def test_h_range_must_be_two_numbers_with_zero_below_low_below_high_below_infinity(h_range):
    h = np.geomspace(1e-3, 1.0, 7)
    with pytest.raises(ValueError, match=r"^h_range must be two numbers 0 < low < high"):
        loglog_slope(h, h**2, h_range)
