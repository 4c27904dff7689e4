r"""A step along a direction: which way it points, and how much it changes the loss.

The first-order Taylor model of a step :math:`\eta u` from :math:`\theta` predicts the
change :math:`\eta\, u^T \nabla L(\theta)`; the second-order model adds
:math:`\tfrac{\eta^2}{2}\, u^T \nabla^2 L(\theta)\, u`. :func:`change_along` returns both
with the actual change, so that a chapter can compare them; :func:`direction_at_angle`
gives the unit vector at an angle :math:`\beta` from a gradient in the plane.

>>> from gdlib.functions import bowl
>>> c = change_along(bowl, [2.0, 1.0], [0.0, 1.0], 0.1)   # f(2, 1.1) - f(2, 1)
>>> round(float(c.first), 10), round(float(c.second), 10), round(float(c.actual), 10)
(0.4, 0.41, 0.41)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import validation
from .functions import Function, function_point

__all__ = ["Change", "change_along", "direction_at_angle", "MAX_STEPS"]

MAX_STEPS = 100_000
"""The most step sizes :func:`change_along` takes in one call (a figure needs a few hundred)."""


class Change(NamedTuple):
    r"""The change of :math:`L` for the step :math:`\eta u`: predicted to first and second order, and actual.

    Each field is a float for one :math:`\eta`, an array for an array of them.
    """

    first: float | np.ndarray
    r""":math:`\eta\, u^T \nabla L(\theta)`."""
    second: float | np.ndarray
    r""":math:`\eta\, u^T \nabla L(\theta) + \tfrac{\eta^2}{2}\, u^T \nabla^2 L(\theta)\, u`."""
    actual: float | np.ndarray
    r""":math:`L(\theta + \eta u) - L(\theta)`."""

    @property
    def remainder(self) -> float | np.ndarray:
        r"""What the first-order model leaves out: actual minus first, about :math:`\tfrac{\eta^2}{2} u^T \nabla^2 L\, u`."""
        return self.actual - self.first


def change_along(f: Function, theta: object, u: object, eta: object) -> Change:
    r"""The change of ``f`` for the step :math:`\eta u` from :math:`\theta`: first order, second order, actual.

    .. math::
        \text{first} = \eta\, u^T \nabla f(\theta), \qquad
        \text{second} = \text{first} + \tfrac{\eta^2}{2}\, u^T \nabla^2 f(\theta)\, u, \qquad
        \text{actual} = f(\theta + \eta u) - f(\theta)

    ``f`` is a :class:`gdlib.functions.Function`, ``theta`` and ``u`` vectors of its
    length (``u`` need not have length 1), and ``eta`` one positive step size or a
    1-D array of them (then every field is an array of the same length).

    >>> from gdlib.functions import rosenbrock
    >>> c = change_along(rosenbrock, [0.0, 0.0], [1.0, 0.0], [0.1, 0.2])
    >>> c.first.round(10).tolist(), c.actual.round(10).tolist()
    ([-0.2, -0.4], [-0.18, -0.2])
    """
    theta = function_point(f, "theta", theta)
    u = validation.vector("u", u, f.n)
    if np.ndim(eta) > 1:
        raise ValueError(f"eta must be a number or a 1-D array of numbers, got {validation.describe(np.asarray(eta))}")
    if np.size(eta) > MAX_STEPS:
        raise ValueError(f"eta must hold at most {MAX_STEPS} step sizes, got {np.size(eta)}")
    eta = validation.hyper("eta", eta, low=0.0)
    eta = eta if isinstance(eta, float) else eta[:, 0]
    slope = u @ f.grad(theta)                # u^T grad f(theta)
    bend = u @ f.hessian(theta) @ u          # u^T Hessian f(theta) u
    first = eta * slope
    second = first + eta**2 / 2 * bend
    steps = theta + np.multiply.outer(eta, u)
    actual = f.value(steps) - f.value(theta)
    if isinstance(eta, float):
        return Change(float(first), float(second), float(actual))
    return Change(first, second, actual)


def direction_at_angle(g: object, beta: object) -> np.ndarray:
    r"""The unit vector at the angle :math:`\beta` (degrees, counter-clockwise) from the plane vector ``g``.

    .. math::
        u = R(\beta)\, \frac{g}{\lVert g \rVert}, \qquad
        R(\beta) = \begin{bmatrix} \cos\beta & -\sin\beta \\ \sin\beta & \cos\beta \end{bmatrix},
        \qquad u^T g = \lVert g \rVert \cos\beta

    >>> direction_at_angle([3.0, 4.0], 90).round(12).tolist()
    [-0.8, 0.6]
    >>> direction_at_angle([3.0, 4.0], 180).round(12).tolist()
    [-0.6, -0.8]
    """
    g = validation.vector("g", g, 2)
    norm = float(np.hypot(*g))
    if norm == 0.0:
        raise ValueError("g must not be the zero vector: it has no direction to measure an angle from")
    b = np.radians(validation.real("beta", beta))
    rotation = np.array([[np.cos(b), -np.sin(b)], [np.sin(b), np.cos(b)]])
    return rotation @ (g / norm)
