r"""Convergence rates on a quadratic: gradient descent, heavy ball and Nesterov.

On :math:`f(x) = \tfrac12 x^T A x` every method of the momentum chapter acts on each
eigen-direction of :math:`A` separately. Along a direction of eigenvalue :math:`\lambda`
the coordinate :math:`z_t` obeys a two-term recurrence, written as a 2×2 matrix acting on
:math:`(z_t, z_{t-1})`:

.. math::
    \text{heavy ball (Polyak, 1964):}\quad
    \begin{pmatrix} z_{t+1} \\ z_t \end{pmatrix} =
    \begin{pmatrix} 1 + \mu - \eta\lambda & -\mu \\ 1 & 0 \end{pmatrix}
    \begin{pmatrix} z_t \\ z_{t-1} \end{pmatrix} \\
    \text{Nesterov (1983):}\quad
    \begin{pmatrix} z_{t+1} \\ z_t \end{pmatrix} =
    \begin{pmatrix} (1 + \mu)(1 - \eta\lambda) & -\mu(1 - \eta\lambda) \\ 1 & 0 \end{pmatrix}
    \begin{pmatrix} z_t \\ z_{t-1} \end{pmatrix}

The factor by which a direction shrinks per step, in the long run, is the larger modulus of
that matrix's two eigenvalues (its *spectral radius*). The best fixed parameters make the
worst direction as fast as possible:

.. math::
    \text{GD:}\ \eta_* = \frac{2}{\lambda_{\min} + \lambda_{\max}},\
    r_* = \frac{\kappa - 1}{\kappa + 1};\qquad
    \text{heavy ball:}\ \eta_* = \frac{4}{(\sqrt{\lambda_{\max}} + \sqrt{\lambda_{\min}})^2},\
    \mu_* = \Big(\frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}\Big)^2,\
    r_* = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}

with :math:`\kappa = \lambda_{\max} / \lambda_{\min}`. The matrices describe the iterates of
``gdlib.Momentum`` and ``gdlib.Nesterov`` (torch's forms) as well: both satisfy the same
recurrences (Nesterov's from its second step on). See Goh, "Why Momentum Really Works"
(Distill, 2017) for pictures of the same analysis.

>>> round(gd_rate(9.0), 12), round(heavy_ball_rate(9.0), 12)
(0.8, 0.5)
>>> heavy_ball_best(1.0, 9.0)
(0.25, 0.25, 0.5)
"""

from __future__ import annotations

import numpy as np

from . import validation
from .convergence import contraction_rate
from .descent import descend
from .optimizers import Optimizer

__all__ = ["gd_rate", "heavy_ball_rate", "gd_best", "heavy_ball_best", "iteration_matrix",
           "spectral_radius", "measure_rate"]


def _kappa(kappa: float) -> float:
    return validation.real("kappa", kappa, low=1.0, low_open=False)


def _range(lambda_min: float, lambda_max: float) -> tuple[float, float]:
    low = validation.real("lambda_min", lambda_min, low=0.0)
    high = validation.real("lambda_max", lambda_max, low=0.0)
    if high < low:
        raise ValueError(f"lambda_max must be at least lambda_min = {low!r}, got {high!r}")
    return low, high


def gd_rate(kappa: float) -> float:
    r"""Gradient descent's rate at its best fixed :math:`\eta`: :math:`(\kappa - 1)/(\kappa + 1)`."""
    k = _kappa(kappa)
    return (k - 1) / (k + 1)


def heavy_ball_rate(kappa: float) -> float:
    r"""Heavy ball's rate at its best :math:`\eta, \mu`: :math:`(\sqrt\kappa - 1)/(\sqrt\kappa + 1)` (Polyak, 1964)."""
    s = np.sqrt(_kappa(kappa))
    return float((s - 1) / (s + 1))


def gd_best(lambda_min: float, lambda_max: float) -> tuple[float, float]:
    r"""``(eta, rate)``: :math:`\eta_* = 2/(\lambda_{\min} + \lambda_{\max})` and its rate :math:`(\kappa-1)/(\kappa+1)`."""
    low, high = _range(lambda_min, lambda_max)
    return 2 / (low + high), (high - low) / (high + low)


def heavy_ball_best(lambda_min: float, lambda_max: float) -> tuple[float, float, float]:
    r"""``(eta, mu, rate)`` of heavy ball's best fixed parameters (Polyak, 1964).

    .. math::
        \eta_* = \frac{4}{(\sqrt{\lambda_{\max}} + \sqrt{\lambda_{\min}})^2}, \quad
        \mu_* = r_*^2, \quad
        r_* = \frac{\sqrt{\lambda_{\max}} - \sqrt{\lambda_{\min}}}{\sqrt{\lambda_{\max}} + \sqrt{\lambda_{\min}}}

    In torch: ``torch.optim.SGD(params, lr=eta, momentum=mu)``.
    """
    low, high = _range(lambda_min, lambda_max)
    a, b = np.sqrt(low), np.sqrt(high)
    rate = float((b - a) / (b + a))
    return float(4 / (a + b) ** 2), rate**2, rate


def iteration_matrix(eta: float, mu: float, lam: float, nesterov: bool = False) -> np.ndarray:
    r"""The 2×2 matrix taking :math:`(z_t, z_{t-1})` to :math:`(z_{t+1}, z_t)` along an eigenvalue ``lam``.

    Heavy ball: :math:`\begin{pmatrix} 1 + \mu - \eta\lambda & -\mu \\ 1 & 0 \end{pmatrix}`;
    Nesterov (``nesterov=True``): the first row times :math:`1 - \eta\lambda` in each entry,
    :math:`\big((1 + \mu)(1 - \eta\lambda),\ -\mu(1 - \eta\lambda)\big)`. With ``mu = 0`` both
    are gradient descent's factor :math:`1 - \eta\lambda` (and a zero).

    >>> iteration_matrix(0.1, 0.5, 2.0).tolist()
    [[1.3, -0.5], [1.0, 0.0]]
    """
    eta = validation.real("eta", eta, low=0.0)
    mu = validation.real("mu", mu, low=0.0, high=1.0, low_open=False)
    lam = validation.real("lam", lam)
    if not isinstance(nesterov, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"nesterov must be True or False, got {nesterov!r}")
    if nesterov:
        keep = 1 - eta * lam
        return np.array([[(1 + mu) * keep, -mu * keep], [1.0, 0.0]])
    return np.array([[1 + mu - eta * lam, -mu], [1.0, 0.0]])


def spectral_radius(eta: float, mu: float, lam: float, nesterov: bool = False) -> float:
    r"""The larger modulus of the two eigenvalues of :func:`iteration_matrix`: the long-run factor per step.

    >>> round(spectral_radius(0.25, 0.25, 4.0), 12)  # a complex pair of modulus sqrt(mu)
    0.5
    """
    return float(np.max(np.abs(np.linalg.eigvals(iteration_matrix(eta, mu, lam, nesterov)))))


def measure_rate(optimizer: Optimizer, eigenvalues: list[float] | np.ndarray, steps: int = 10_000,
                 floor: float = 1e-200) -> float:
    r"""The measured factor per step of ``optimizer`` on :math:`f(x) = \tfrac12 \sum_i \lambda_i x_i^2`.

    Runs from :math:`x_0 = (1, \dots, 1)` until the distance to the minimum falls below
    ``floor`` times its start (at most ``steps`` steps), and returns
    :func:`gdlib.convergence.contraction_rate` over the second half of that run (its last
    10,000 steps at most): the first steps, where the fastest directions die away, are left
    out. A run that lands on the minimum exactly (distance 0) gives 0. At heavy ball's best
    parameters the two roots of the extreme directions coincide and the distance shrinks
    like :math:`t\,r^t`; over the second half of :math:`T` steps that adds a factor of about
    :math:`2^{2/T}` to the measured rate, which a long run makes small.

    >>> from gdlib import GD
    >>> round(measure_rate(GD(eta=0.2), [1.0, 9.0]), 6)
    0.8
    """
    if not isinstance(optimizer, Optimizer) or optimizer.batch_size is not None:
        raise validation.ArgumentTypeError(
            f"optimizer must be one gdlib optimizer such as GD(eta=0.1), got {validation.describe(optimizer)}")
    lam = validation.point("eigenvalues", eigenvalues)
    if lam.ndim != 1 or np.any(lam <= 0):
        raise ValueError(f"eigenvalues must be a 1-D list of positive numbers, got {lam.tolist()!r}")
    steps = validation.count("steps", steps, low=2, high=1_000_000)
    floor = validation.real("floor", floor, low=0.0, high=1.0)
    run = descend(lambda x: lam * x, np.ones_like(lam), optimizer, steps=steps)
    if run.status == "diverged":
        raise ValueError(f"the run of {optimizer!r} diverged on eigenvalues {lam.tolist()!r}: no rate to measure")
    scale = np.abs(run.xs).max(axis=1, keepdims=True)  # scaled, so that squares of 1e-200 do not underflow
    e = scale[:, 0] * np.linalg.norm(run.xs / np.where(scale > 0, scale, 1.0), axis=1)
    below = np.flatnonzero(e <= floor * e[0])
    if below.size and e[below[0]] == 0:
        return 0.0
    end = below[0] if below.size else e.size - 1
    return contraction_rate(e[max(end // 2, end - 9_999): end + 1])  # contraction_rate takes 10,000 at most
