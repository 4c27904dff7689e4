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

import numbers

import numpy as np

__all__ = ["loglog_slope", "contraction_rate", "MAX_POINTS"]

MAX_POINTS = 10_000
"""The most (h, err) pairs that :func:`loglog_slope` accepts: a plot has a few dozen."""


def _real_vector(name: str, value: object, positive: bool) -> np.ndarray:
    """A 1-D array of finite reals (positive ones if asked), or a ValueError/TypeError naming ``name``."""
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
    bad = ~np.isfinite(arr) | ((arr <= 0) if positive else False)
    if np.any(bad):
        i = int(np.flatnonzero(bad)[0])
        kind = "positive finite" if positive else "finite"
        raise ValueError(f"{name} must hold {kind} numbers, got {float(arr[i])!r} at index {i}")
    return arr


def loglog_slope(h: np.ndarray, err: np.ndarray,
                 h_range: tuple[float, float] | None = None) -> float:
    r"""The slope :math:`p` of the least-squares line through :math:`(\log h_i, \log |e_i|)`.

    .. math::
        \log |e_i| \approx \log C + p \log h_i
        \quad\Longrightarrow\quad |e| \approx C\, h^p

    ``h`` are step sizes (positive) and ``err`` the errors (signed or not: their sizes
    are fitted), of the same length. ``h_range = (low, high)`` fits only the points with
    ``low <= h <= high``: where the error is the truncation term, above a round-off
    floor. At least two distinct steps must be fitted, with nonzero errors. The base of
    the logarithm does not change the slope.

    >>> h = np.geomspace(1e-3, 1e-1, 5)
    >>> round(loglog_slope(h, 0.5 * h**3), 6)
    3.0
    >>> round(loglog_slope(h, -np.maximum(h**2, 1e-5), (1e-2, 1e-1)), 6)
    2.0
    """
    h = _real_vector("h", h, positive=True)
    err = _real_vector("err", err, positive=False)
    if h.shape != err.shape:
        raise ValueError(f"h and err must have the same length, got {h.size} and {err.size}")
    if h_range is not None:
        if (not isinstance(h_range, (tuple, list)) or len(h_range) != 2
                or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in h_range)
                or not 0 < h_range[0] < h_range[1] < np.inf):
            raise ValueError(f"h_range must be two numbers 0 < low < high, got {h_range!r}")
        inside = (h >= h_range[0]) & (h <= h_range[1])
        if inside.sum() < 2:
            raise ValueError(f"h_range {tuple(h_range)!r} must hold at least 2 of the h values, "
                             f"got {int(inside.sum())}")
        h, err = h[inside], err[inside]
    if np.unique(h).size < 2:
        raise ValueError(f"h must hold at least 2 distinct step sizes, got {h.tolist()!r}")
    if np.any(err == 0):
        i = int(np.flatnonzero(err == 0)[0])
        raise ValueError(f"err must be nonzero where it is fitted (its logarithm is taken), got 0.0 at index {i}")
    slope, _intercept = np.polyfit(np.log(h), np.log(np.abs(err)), 1)
    return float(slope)


def contraction_rate(errors: np.ndarray) -> float:
    r"""The measured contraction factor per step: the geometric mean of :math:`e_{t+1}/e_t`.

    .. math::
        r = \left(\frac{e_T}{e_0}\right)^{1/T}
          = \left(\prod_{t=0}^{T-1} \frac{e_{t+1}}{e_t}\right)^{1/T}

    ``errors`` are the distances :math:`e_0, \dots, e_T` to the minimum along a run
    (positive, at least two of them). If every step multiplies the error by at most
    :math:`q`, then :math:`r \le q`.

    >>> round(contraction_rate(4.0 * 0.5 ** np.arange(6)), 12)
    0.5
    """
    e = _real_vector("errors", errors, positive=True)
    if e.size < 2:
        raise ValueError(f"errors must hold at least 2 distances (e_0 and e_T), got {e.size}")
    return float(np.exp((np.log(e[-1]) - np.log(e[0])) / (e.size - 1)))
