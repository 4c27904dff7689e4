r"""Numerical derivatives: difference quotients, and a check of a hand-derived gradient.

The forward difference is the slope of a secant, the central difference the slope of
a secant centred on the point:

.. math::
    D^+_h f(x) = \frac{f(x+h) - f(x)}{h} = f'(x) + O(h), \qquad
    D^0_h f(x) = \frac{f(x+h) - f(x-h)}{2h} = f'(x) + O(h^2).

>>> import numpy as np
>>> round(float(central_difference(np.sin, 0.0, 1e-4)), 8)
1.0
>>> check_gradient(lambda p: p[0]**2 * p[1], lambda p: np.array([2*p[0]*p[1], p[0]**2]), [3.0, 2.0]).ok
True
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import validation


MAX_COORDINATES = 10_000
"""The most coordinates :func:`numerical_gradient` differentiates (two calls of ``f`` each)."""


def _step(h: object) -> float:
    if isinstance(h, bool) or not isinstance(h, numbers.Real):
        raise validation.ArgumentTypeError(f"h must be a positive finite number, got {h!r}")
    if not np.isfinite(h) or h <= 0:
        raise ValueError(f"h must be a positive finite number, got {h!r}")
    return float(h)


def _returned(value: object, *, one: bool) -> np.ndarray:
    """What ``f`` returned, as a float array; refused by name if it is not real numbers (one, if ``one``)."""
    what = "one real number (the value of f)" if one else "real numbers"
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):  # ragged lists
        arr = np.asarray(None)
    if value is None or arr.dtype.kind not in "fiu":
        kind = "complex values " if arr.dtype.kind == "c" else ""
        raise validation.ArgumentTypeError(f"f must return {what}, got {kind}{validation.describe(value)}")
    if one and arr.size != 1:
        raise ValueError(f"f must return {what}, got {validation.describe(value)}")
    return arr.astype(float)


def _callable(name: str, f: object) -> None:
    if not callable(f):
        raise TypeError(f"{name} must be a function (a callable), got {f!r}")


def forward_difference(f: Callable, x: float | np.ndarray, h: float) -> np.ndarray:
    r"""The forward difference :math:`(f(x+h) - f(x))/h`, elementwise in ``x``; error :math:`O(h)`."""
    _callable("f", f)
    x = validation.point("x", x) if np.ndim(x) else float(validation.point("x", x)[0])
    h = _step(h)
    return (_returned(f(x + h), one=False) - _returned(f(x), one=False)) / h


def central_difference(f: Callable, x: float | np.ndarray, h: float) -> np.ndarray:
    r"""The central difference :math:`(f(x+h) - f(x-h))/(2h)`, elementwise in ``x``; error :math:`O(h^2)`."""
    _callable("f", f)
    x = validation.point("x", x) if np.ndim(x) else float(validation.point("x", x)[0])
    h = _step(h)
    return (_returned(f(x + h), one=False) - _returned(f(x - h), one=False)) / (2 * h)


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    r"""The gradient by central differences, one coordinate at a time:
    :math:`\partial f/\partial x_i \approx (f(x + h e_i) - f(x - h e_i))/(2h)`."""
    _callable("f", f)
    x = validation.point("x", x)
    if x.ndim != 1:
        raise ValueError(f"x must be one point of shape (n,), got shape {x.shape}")
    if x.size > MAX_COORDINATES:
        raise ValueError(f"x must have at most {MAX_COORDINATES} coordinates, got {x.size}")
    h = _step(h)
    grad = np.empty_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h
        grad[i] = (float(_returned(f(x + e), one=True).reshape(())) - float(_returned(f(x - e), one=True).reshape(()))) / (2 * h)
    return grad


@dataclass(frozen=True)
class GradientCheck:
    """The outcome of :func:`check_gradient`: both gradients and where they differ most."""

    ok: bool
    analytic: np.ndarray
    numeric: np.ndarray
    worst: int
    relative_error: float

    def __str__(self) -> str:
        if self.ok:
            return f"gradient OK: largest relative error {self.relative_error:.1e}"
        return (f"gradient WRONG in component {self.worst}: formula gives "
                f"{self.analytic[self.worst]:.6g}, finite differences give {self.numeric[self.worst]:.6g}")


def check_gradient(f: Callable[[np.ndarray], float], grad: Callable[[np.ndarray], np.ndarray],
                   x: np.ndarray, h: float = 1e-6, rtol: float = 1e-5) -> GradientCheck:
    r"""Compare a gradient formula ``grad`` with central differences of ``f`` at ``x``.

    The relative error of component :math:`i` is
    :math:`|g_i - \tilde g_i| / \max(1, |g_i|, |\tilde g_i|)`; the check passes when every
    one is below ``rtol``. The central difference's own error is about :math:`h^2`
    times the third derivative plus round-off of about :math:`10^{-16}/h`, so with
    :math:`h = 10^{-6}` anything above :math:`10^{-5}` is a wrong formula, not noise.
    """
    _callable("grad", grad)
    numeric = numerical_gradient(f, x, h)
    returned = grad(validation.point("x", x))
    try:
        analytic = np.asarray(returned)
    except (TypeError, ValueError):  # ragged lists
        analytic = np.asarray(None)
    if analytic.dtype.kind not in "fiu" or analytic.shape != numeric.shape:
        raise ValueError(f"grad must return a real array of shape {numeric.shape}, got {validation.describe(returned)}")
    analytic = analytic.astype(float)
    if np.ndim(rtol) != 0:
        raise ValueError(f"rtol must be one positive number, got {validation.describe(rtol)}")
    rtol = validation.hyper("rtol", rtol, low=0.0)
    error = np.abs(analytic - numeric) / np.maximum(1.0, np.maximum(np.abs(analytic), np.abs(numeric)))
    worst = int(np.argmax(error))
    return GradientCheck(bool(error[worst] < rtol), analytic, numeric, worst, float(error[worst]))
