"""z-scores, the mean squared error's Hessian and its condition number."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import GD, descend
from gdlib.models import LinearRegression
from gdlib.scaling import condition_number, line_in_original_units, mse_hessian, standardise

X = np.array([1.62, 1.55, 1.80, 1.91, 1.70, 1.58])
Y = np.array([60.0, 52.5, 77.0, 85.5, 66.0, 58.0])


def central_hessian(f, theta, h=1e-3):
    e = np.eye(2) * h
    return np.array([[(f(theta + e[i] + e[j]) - f(theta + e[i] - e[j]) - f(theta - e[i] + e[j])
                       + f(theta - e[i] - e[j])) / (4 * h * h) for j in range(2)] for i in range(2)])


def test_standardise_by_hand():
    z = standardise([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    assert (z.mean, z.std) == (5.0, 2.0)
    assert z.values.tolist() == [-1.5, -0.5, -0.5, -0.5, 0.0, 0.0, 1.0, 2.0]


def test_z_scores_have_mean_zero_and_mean_square_one():
    z = standardise(X)
    assert z.values.mean() == pytest.approx(0.0, abs=1e-14)
    assert (z.values**2).mean() == pytest.approx(1.0, rel=1e-14)
    np.testing.assert_allclose(z.values * z.std + z.mean, X, rtol=1e-14)


def test_the_hessian_matches_finite_differences_of_the_cost():
    model = LinearRegression(X, Y)
    np.testing.assert_allclose(mse_hessian(X), central_hessian(model.cost, np.array([30.0, -4.0])), rtol=1e-6)
    # by hand for x = (1, 3): (2/2) [[1 + 9, 1 + 3], [4, 2]]
    assert mse_hessian([1.0, 3.0]).tolist() == [[10.0, 4.0], [4.0, 2.0]]


def test_standardised_inputs_make_a_round_bowl():
    np.testing.assert_allclose(mse_hessian(standardise(X).values), 2 * np.eye(2), atol=1e-14)
    assert condition_number(mse_hessian(standardise(X).values)) == pytest.approx(1.0)
    assert condition_number(mse_hessian(X)) > 100
    # changing the unit of x (metres to centimetres) changes the valley, not the data's meaning
    assert condition_number(mse_hessian(100 * X)) > 1000 * condition_number(mse_hessian(X))


def test_condition_number_of_known_matrices():
    assert condition_number([[2.0, 1.0], [1.0, 2.0]]) == pytest.approx(3.0)
    assert condition_number(np.diag([1.0, 25.0])) == pytest.approx(25.0)
    assert condition_number([[4.0]]) == 1.0


def test_a_line_fitted_on_z_scores_is_the_least_squares_line_in_original_units():
    z = standardise(X)
    run = descend(LinearRegression(z.values, Y), [0.0, 0.0], GD(eta=0.3), steps=1000, tol=1e-12)
    A = np.column_stack([X, np.ones_like(X)])
    np.testing.assert_allclose(line_in_original_units(run.x, z.mean, z.std),
                               np.linalg.lstsq(A, Y, rcond=None)[0], rtol=1e-10)
    assert line_in_original_units([5.0, 1.0], 3.0, 2.5).tolist() == [2.0, -5.0]
    batch = line_in_original_units(np.array([[5.0, 1.0], [0.0, 2.0]]), 3.0, 2.5)
    assert batch.tolist() == [[2.0, -5.0], [0.0, 2.0]]


@pytest.mark.parametrize("call, exc, message", [
    (lambda: standardise([3.0, 3.0, 3.0]), ValueError,
     "x must not be constant: its standard deviation is 0, so it cannot be scaled"),
    (lambda: standardise([1.0]), ValueError, "x must be a 1-D array of at least 2 numbers, got shape (1,)"),
    (lambda: standardise([1.0, float("nan")]), ValueError, "x must be finite, got [1.0, nan]"),
    (lambda: standardise([1.0, 2j]), TypeError, "x must be real, got complex value 2j at index 1"),
    (lambda: mse_hessian([[1.0, 2.0]]), ValueError, "x must be a 1-D array of at least 2 numbers, got shape (1, 2)"),
    (lambda: condition_number([[1.0, 2.0]]), ValueError, "H must be a square matrix, got shape (1, 2)"),
    (lambda: condition_number([[1.0, 2.0], [0.0, 1.0]]), ValueError,
     "H must be symmetric (a Hessian is), got [[1.0, 2.0], [0.0, 1.0]]"),
    (lambda: condition_number([[1.0, 0.0], [0.0, -1.0]]), ValueError,
     "H must be positive definite (all eigenvalues > 0), got eigenvalues [-1.0, 1.0]"),
    (lambda: condition_number([[1.0, float("inf")], [float("inf"), 1.0]]), ValueError,
     "H must be finite, got [[1.0, inf], [inf, 1.0]]"),
    (lambda: line_in_original_units([1.0, 2.0, 3.0], 0.0, 1.0), ValueError,
     "theta_z must have shape (..., 2), the slope and intercept, got shape (3,)"),
    (lambda: line_in_original_units([1.0, 2.0], 0.0, 0.0), ValueError, "std must be in (0, inf), got 0.0"),
    (lambda: line_in_original_units([1.0, 2.0], float("nan"), 1.0), ValueError, "mean must be finite, got nan"),
])
def test_bad_input_names_the_argument_and_the_value(call, exc, message):
    with pytest.raises(exc) as err:
        call()
    assert str(err.value) == message
