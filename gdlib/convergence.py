r"""How fast an error shrinks: the slope of a log-log plot.

If an error behaves like :math:`C\,h^p` for small steps :math:`h`, then
:math:`\log|e| = \log|C| + p \log h`, a straight line of slope :math:`p` on
log-log axes. :func:`loglog_slope` fits that line and returns :math:`p`, the
*order* of the error: a Taylor polynomial of order :math:`n` has error order
:math:`n + 1`, a forward difference has order 1, a central difference order 2.

>>> h = np.array([0.1, 0.05, 0.025])
>>> round(loglog_slope(h, 3 * h**2), 6)
2.0
"""

from __future__ import annotations

import numpy as np

__all__ = ["loglog_slope", "MAX_POINTS"]

MAX_POINTS = 10_000
"""The most (h, err) pairs that :func:`loglog_slope` accepts: a plot has a few dozen."""


def _positive_vector(name: str, value: object) -> np.ndarray:
    """A 1-D array of positive finite reals, or a ValueError/TypeError naming ``name``."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a 1-D array of numbers, got the string {value!r}")
    arr = np.asarray(value)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"{name} must be a 1-D array of real numbers, got {value!r}")
    if np.iscomplexobj(arr):
        raise ValueError(f"{name} must be real, got complex values {value!r}")
    if arr.dtype == bool:
        raise TypeError(f"{name} must be a 1-D array of real numbers, got booleans {value!r}")
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array, got shape {arr.shape}")
    if arr.size > MAX_POINTS:
        raise ValueError(f"{name} must hold at most {MAX_POINTS} values, got {arr.size}")
    arr = arr.astype(float)
    bad = ~np.isfinite(arr) | (arr <= 0)
    if np.any(bad):
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} must hold positive finite numbers, got {float(arr[i])!r} at index {i}")
    return arr


def loglog_slope(h: np.ndarray, err: np.ndarray) -> float:
    r"""The slope :math:`p` of the least-squares line through :math:`(\log h_i, \log e_i)`.

    .. math::
        \log e_i \approx \log C + p \log h_i
        \quad\Longrightarrow\quad e \approx C\, h^p

    ``h`` are step sizes and ``err`` the sizes of the errors (take ``abs`` of a
    signed error first), both positive, of the same length, with at least two
    distinct steps. The base of the logarithm does not change the slope.

    >>> h = np.geomspace(1e-3, 1e-1, 5)
    >>> round(loglog_slope(h, 0.5 * h**3 + 0 * h), 6)
    3.0
    """
    h = _positive_vector("h", h)
    err = _positive_vector("err", err)
    if h.shape != err.shape:
        raise ValueError(f"h and err must have the same length, got {h.size} and {err.size}")
    if np.unique(h).size < 2:
        raise ValueError(f"h must hold at least 2 distinct step sizes, got {h.tolist()!r}")
    slope, _intercept = np.polyfit(np.log(h), np.log(err), 1)
    return float(slope)
