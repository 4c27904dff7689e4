r"""Feature scaling for linear regression: z-scores, the cost's Hessian and its condition number.

The mean squared error :math:`J(m, b) = \frac1N \sum_i \big(y_i - (m x_i + b)\big)^2` is a
quadratic in :math:`(m, b)` with the constant Hessian

.. math::
    H = \frac2N \begin{bmatrix} \sum_i x_i^2 & \sum_i x_i \\ \sum_i x_i & N \end{bmatrix},

which depends on the inputs :math:`x_i` only. Its condition number
:math:`\kappa = \lambda_{\max} / \lambda_{\min}` says how long and narrow the valley of
:math:`J` is. Standardising the inputs, :math:`z_i = (x_i - \mu)/s`, makes
:math:`\sum_i z_i = 0` and :math:`\sum_i z_i^2 = N`, so that :math:`H = 2I` and
:math:`\kappa = 1`: a round bowl.

>>> z = standardise([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
>>> z.values.tolist(), z.mean, z.std
([-1.5, -0.5, -0.5, -0.5, 0.0, 0.0, 1.0, 2.0], 5.0, 2.0)
>>> mse_hessian(z.values).tolist()
[[2.0, 0.0], [0.0, 2.0]]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import validation


def _samples(name: str, values: object) -> np.ndarray:
    arr = validation._numeric_array(name, values, "a 1-D array of real numbers")
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError(f"{name} must be a 1-D array of at least 2 numbers, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {validation.describe(values)}")
    return arr


class Standardised(NamedTuple):
    """z-scores and the mean and standard deviation that made them."""

    values: np.ndarray
    mean: float
    std: float


def standardise(x: object) -> Standardised:
    r"""The z-scores :math:`z_i = (x_i - \mu) / s` with :math:`\mu = \frac1N \sum_i x_i`, :math:`s^2 = \frac1N \sum_i (x_i - \mu)^2`.

    ``s`` is the population standard deviation (``numpy.std`` with ``ddof=0``), so the
    z-scores have mean 0 and mean square exactly 1. Constant data cannot be scaled.
    """
    x = _samples("x", x)
    mu = x.mean()
    s = np.sqrt(((x - mu) ** 2).mean())
    if not s > 1e-12 * max(1.0, abs(mu)):
        raise ValueError(f"x must not be constant: its standard deviation is {s:g}, so it cannot be scaled")
    return Standardised((x - mu) / s, float(mu), float(s))


def line_in_original_units(theta_z: object, mean: float, std: float) -> np.ndarray:
    r"""Turn a line :math:`\hat y = m_z z + b_z` on z-scores back into :math:`\hat y = m x + b`.

    Since :math:`z = (x - \mu)/s`, :math:`m_z z + b_z = \frac{m_z}{s} x + \big(b_z - \frac{m_z \mu}{s}\big)`:

    .. math::
        m = \frac{m_z}{s}, \qquad b = b_z - \frac{m_z\, \mu}{s}.

    >>> line_in_original_units([5.0, 1.0], mean=3.0, std=2.5).tolist()
    [2.0, -5.0]
    """
    theta_z = validation._numeric_array("theta_z", theta_z, "an array of real numbers")
    if theta_z.ndim == 0 or theta_z.shape[-1] != 2:
        raise ValueError(f"theta_z must have shape (..., 2), the slope and intercept, got shape {theta_z.shape}")
    mean = validation.real("mean", mean)
    std = validation.real("std", std, low=0.0)
    m_z, b_z = theta_z[..., 0], theta_z[..., 1]
    return np.stack([m_z / std, b_z - m_z * mean / std], axis=-1)


def mse_hessian(x: object) -> np.ndarray:
    r"""The Hessian :math:`H = \frac2N \begin{bmatrix} \sum x_i^2 & \sum x_i \\ \sum x_i & N \end{bmatrix}` of the mean squared error in :math:`(m, b)`.

    >>> mse_hessian([1.0, 3.0]).tolist()
    [[10.0, 4.0], [4.0, 2.0]]
    """
    x = _samples("x", x)
    n = x.size
    return 2 / n * np.array([[np.sum(x**2), np.sum(x)], [np.sum(x), n]])


def condition_number(H: object) -> float:
    r""":math:`\kappa = \lambda_{\max} / \lambda_{\min}` of a symmetric positive definite matrix.

    >>> condition_number([[2.0, 1.0], [1.0, 2.0]])  # the quick tour's bowl: eigenvalues 3 and 1
    3.0
    """
    H = validation._numeric_array("H", H, "a square matrix of real numbers")
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.size == 0:
        raise ValueError(f"H must be a square matrix, got shape {H.shape}")
    if not np.all(np.isfinite(H)):
        raise ValueError(f"H must be finite, got {H.tolist()}")
    if not np.allclose(H, H.T, rtol=1e-12, atol=0.0):
        raise ValueError(f"H must be symmetric (a Hessian is), got {H.tolist()}")
    eig = np.linalg.eigvalsh(H)
    if not eig[0] > 0:
        raise ValueError(f"H must be positive definite (all eigenvalues > 0), got eigenvalues {eig.tolist()}")
    return float(eig[-1] / eig[0])
