"""Difference quotients and the gradient check, against exact derivatives."""

import numpy as np
import pytest

from gdlib.numdiff import (central_difference, check_gradient, forward_difference, loglog_slope,
                           numerical_gradient)


def test_forward_difference_error_is_first_order():
    # f = exp, f' = exp, and the forward error is h/2 f''(x) + O(h^2)
    errors = [float(forward_difference(np.exp, 1.0, h)) - np.e for h in (1e-2, 1e-3)]
    assert errors[0] == pytest.approx(1e-2 / 2 * np.e, rel=0.01)
    assert errors[0] / errors[1] == pytest.approx(10, rel=0.02)


def test_central_difference_error_is_second_order():
    # central error is h^2/6 f'''(x); for sin at 1: -h^2/6 cos(1)
    err = float(central_difference(np.sin, 1.0, 1e-2)) - np.cos(1.0)
    assert err == pytest.approx(-1e-4 / 6 * np.cos(1.0), rel=0.01)


def test_differences_are_elementwise_over_arrays():
    xs = np.array([-1.0, 0.5, 2.0])
    assert np.allclose(central_difference(lambda x: x**3, xs, 1e-5), 3 * xs**2, rtol=1e-8)


def test_numerical_gradient_of_an_asymmetric_function():
    f = lambda p: p[0] ** 2 * p[1] + 3 * p[1]  # grad = (2xy, x^2 + 3)
    assert np.allclose(numerical_gradient(f, [3.0, 2.0]), [12.0, 12.0], rtol=1e-8)
    assert np.allclose(numerical_gradient(f, [1.0, -2.0]), [-4.0, 4.0], rtol=1e-8)


def test_check_gradient_catches_a_wrong_formula_and_names_the_component():
    f = lambda p: p[0] ** 2 * p[1]
    right = lambda p: np.array([2 * p[0] * p[1], p[0] ** 2])
    wrong = lambda p: np.array([2 * p[0] * p[1], 2 * p[0]])  # d/dy taken as d/dx of x^2
    assert check_gradient(f, right, [3.0, 2.0]).ok
    bad = check_gradient(f, wrong, [3.0, 2.0])
    assert not bad.ok and bad.worst == 1
    assert str(bad) == "gradient WRONG in component 1: formula gives 6, finite differences give 9"


@pytest.mark.parametrize("call, error, message", [
    (lambda: forward_difference(np.sin, 1.0, 0.0), ValueError, r"h must be a positive finite number, got 0\.0"),
    (lambda: central_difference(np.sin, 1.0, -1e-3), ValueError, r"h must be .* got -0\.001"),
    (lambda: central_difference(np.sin, 1.0, float("nan")), ValueError, r"h must be .* got nan"),
    (lambda: central_difference(np.sin, 1.0, True), ValueError, r"h must be .* got True"),
    (lambda: central_difference(np.sin, 1.0, "0.1"), ValueError, r"h must be .* got '0\.1'"),
    (lambda: central_difference(np.sin, 1 + 2j, 0.1), ValueError, r"x must be"),
    (lambda: central_difference(np.sin, float("inf"), 0.1), ValueError, r"x must be finite"),
    (lambda: central_difference("sin", 1.0, 0.1), TypeError, r"f must be a function"),
    (lambda: numerical_gradient(sum, [[1.0, 2.0]]), ValueError, r"x must be one point of shape \(n,\)"),
    (lambda: check_gradient(sum, "grad", [1.0]), TypeError, r"grad must be a function"),
    (lambda: check_gradient(sum, lambda p: np.ones(3), [1.0, 2.0]), ValueError,
     r"grad must return a real array of shape \(2,\)"),
    (lambda: check_gradient(sum, lambda p: p + 1j, [1.0, 2.0]), ValueError, r"grad must return a real array"),
    (lambda: check_gradient(sum, lambda p: p, [1.0, 2.0], rtol=-1), ValueError, r"rtol must be in \(0, inf\)"),
])
def test_bad_input_is_refused_by_name(call, error, message):
    with pytest.raises(error, match=message):
        call()


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
    (([1e-2, 1e-1], [1.0, 2.0, 3.0], (1e-2, 1e-1)), r"h and err must have the same shape, got \(2,\) and \(3,\)"),
    (([[1e-2, 1e-1]], [[1.0, 2.0]], (1e-2, 1e-1)), r"h must be a 1-D array of real numbers"),
    (([1e-2, 1e-1], [1.0 + 1j, 2.0], (1e-2, 1e-1)), r"err must be a 1-D array of real numbers"),
    ((["a", "b"], [1.0, 2.0], (1e-2, 1e-1)), r"h must be a 1-D array of real numbers"),
    (([0.0, 1e-1], [1.0, 2.0], (1e-2, 1e-1)), r"h must hold positive finite numbers"),
    (([1e-2, 1e-1], [np.nan, 2.0], (1e-2, 1e-1)), r"err must be finite"),
    (([1e-2, 1e-1], [1.0, 2.0], (1e-1, 1e-2)), r"h_range must be two numbers 0 < low < high, got \(0\.1, 0\.01\)"),
    (([1e-2, 1e-1], [1.0, 2.0], 1e-2), r"h_range must be two numbers 0 < low < high, got 0\.01"),
    (([1e-2, 1e-1], [1.0, 2.0], (1e-2, 5e-2)), r"h_range \(0\.01, 0\.05\) must hold at least 2 of the h values, got 1"),
    (([1e-2, 1e-1], [0.0, 2.0], (1e-2, 1e-1)), r"err must be nonzero inside h_range"),
])
def test_loglog_slope_refuses_bad_input_by_name(args, message):
    with pytest.raises(ValueError, match=message):
        loglog_slope(*args)
