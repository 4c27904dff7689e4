"""Difference quotients and the gradient check, against exact derivatives."""

import numpy as np
import pytest

from gdlib.numdiff import (central_difference, check_gradient, forward_difference,
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
    forward = forward_difference(lambda x: x**2, xs, 1e-6)
    assert forward.shape == (3,) and np.allclose(forward, 2 * xs, atol=1e-5)
    scalar = forward_difference(np.exp, 0.0, 1e-6)  # a scalar x gives one number
    assert np.ndim(scalar) == 0 and abs(float(scalar) - 1.0) < 1e-5


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


def test_what_f_returns_is_named_in_the_message():
    with pytest.raises(TypeError, match=r"^f must return real numbers, got complex values array of shape \(2,\)"):
        central_difference(lambda t: np.exp(1j * t), [0.0, 1.0], 1e-3)
    with pytest.raises(TypeError, match=r"^f must return real numbers, got 'a'$"):
        forward_difference(lambda t: "a", 1.0, 1e-3)
    with pytest.raises(TypeError, match=r"^f must return real numbers, got \[\[1\.0\], \[1\.0, 2\.0\]\]$"):
        forward_difference(lambda t: [[1.0], [1.0, 2.0]], 1.0, 1e-3)  # ragged
    with pytest.raises(ValueError, match=r"^f must return one real number \(the value of f\), got array of shape \(2,\)"):
        numerical_gradient(lambda p: 2 * p, [1.0, 2.0])
    with pytest.raises(TypeError, match=r"^x must be an array of real numbers"):
        forward_difference(np.sin, [1.0, "a"], 1e-3)


def test_numerical_gradient_takes_a_one_element_array_as_the_value():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "conversion of an array with ndim > 0 to a scalar"
        grad = numerical_gradient(lambda p: np.array([p @ p]), [1.0, 2.0])
    assert np.allclose(grad, [2.0, 4.0], rtol=1e-8)


def test_numerical_gradient_takes_up_to_max_coordinates():
    from gdlib.numdiff import MAX_COORDINATES
    assert numerical_gradient(np.sum, np.zeros(MAX_COORDINATES), h=1e-3).shape == (MAX_COORDINATES,)
    with pytest.raises(ValueError, match=rf"^x must have at most {MAX_COORDINATES} coordinates, got {MAX_COORDINATES + 1}"):
        numerical_gradient(np.sum, np.zeros(MAX_COORDINATES + 1))


def test_check_gradient_passes_h_on_and_names_what_grad_returned():
    sq = lambda p: float(p @ p)  # noqa: E731
    with pytest.raises(ValueError, match=r"^h must be a positive finite number, got 0"):
        check_gradient(sq, lambda p: 2 * p, [1.0, 2.0], h=0)
    with pytest.raises(ValueError, match=r"got array of shape \(3,\)$"):
        check_gradient(sq, lambda p: np.ones(3), [1.0, 2.0])
    with pytest.raises(ValueError, match=r"^grad must return a real array of shape \(2,\), got \[\[1\.0\], \[1\.0, 2\.0\]\]"):
        check_gradient(sq, lambda p: [[1.0], [1.0, 2.0]], [1.0, 2.0])
    with pytest.raises(ValueError, match=r"^rtol must be one positive number, got \[1e-05, 1e-06\]"):
        check_gradient(sq, lambda p: 2 * p, [1.0, 2.0], rtol=[1e-5, 1e-6])


def test_check_gradient_relative_error_is_scaled_by_at_least_one():
    # f = x^2 / 4 at x = 1: the true slope 0.5, a wrong formula says 1.5; |1.5 - 0.5| / max(1, 1.5) = 2/3
    result = check_gradient(lambda p: p[0] ** 2 / 4, lambda p: np.array([1.5]), [1.0])
    assert not result.ok and abs(result.relative_error - 2 / 3) < 1e-6
    small = check_gradient(lambda p: p[0] ** 2 / 4, lambda p: np.array([0.6]), [1.0])  # |0.6 - 0.5| / 1
    assert abs(small.relative_error - 0.1) < 1e-6
