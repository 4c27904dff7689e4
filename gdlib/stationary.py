r"""Stationary points found numerically, where :math:`\nabla f = 0` has no closed form.

Newton's method on the equation :math:`\nabla f(x) = 0` itself (not on :math:`f`):

.. math::
    x_{k+1} = x_k - \left(\nabla^2 f(x_k)\right)^{-1} \nabla f(x_k),

started from many points. Unlike gradient descent it is drawn to every kind of
stationary point (minima, maxima and saddles alike), which is what a chapter that
lists them needs; each root found is then classified by its Hessian's eigenvalues.

>>> from gdlib.functions import saddle
>>> [(p.x, p.kind) for p in stationary_points(saddle, [[0.3, -0.2]])]
[((0.0, 0.0), 'saddle')]
"""

from __future__ import annotations

import numpy as np

from . import validation
from .calculus import classify
from .functions import Function, StationaryPoint, function_point

MAX_ITER = 10_000
"""The most Newton steps one run may take (a converging run needs a handful)."""
MAX_STARTS = 10_000
"""The most starting points :func:`stationary_points` runs Newton's method from."""


def newton_root(f: Function, x0: np.ndarray, tol: float = 1e-10,
                max_iter: int = 50) -> np.ndarray | None:
    r"""One Newton run on :math:`\nabla f = 0` from ``x0``: the root, or ``None`` if it fails.

    It fails when a Hessian is singular, when the iterates leave every bounded region
    (grow past :math:`10^6`), or when ``max_iter`` steps do not bring
    :math:`\lVert\nabla f\rVert` below ``tol``.
    """
    x = function_point(f, "x0", x0)
    tol = validation.positive_number("tol", tol)
    max_iter = validation.count("max_iter", max_iter, high=MAX_ITER)
    with np.errstate(all="ignore"):
        for _ in range(max_iter + 1):
            g = f.grad(x)
            if not np.all(np.isfinite(g)) or np.max(np.abs(x)) > 1e6:
                return None
            if np.linalg.norm(g) < tol:
                return x
            try:
                x = x - np.linalg.solve(f.hessian(x), g)
            except np.linalg.LinAlgError:
                return None
    return None


def stationary_points(f: Function, starts: np.ndarray, tol: float = 1e-10,
                      distinct: float = 1e-6,
                      within: tuple[tuple[float, float], ...] | None = None) -> tuple[StationaryPoint, ...]:
    """The distinct stationary points that Newton runs from ``starts`` reach, classified.

    ``starts`` has shape ``(k, n)``; roots closer than ``distinct`` count as one;
    ``within`` (one ``(low, high)`` pair per coordinate) keeps only the roots in that
    box, since Newton runs can land far from where they started. The points come
    sorted by their coordinates, rounded to 10 decimals (so ``-0.0`` is 0).
    """
    if not isinstance(f, Function):
        raise TypeError(f"f must be a gdlib.functions.Function, got {f!r}")
    starts = validation.point("starts", starts)
    if starts.ndim != 2 or starts.shape[1] != f.n:
        raise ValueError(f"starts must have shape (k, {f.n}) for {f.name}, got shape {starts.shape}")
    if len(starts) > MAX_STARTS:
        raise ValueError(f"starts must hold at most {MAX_STARTS} points, got {len(starts)}")
    distinct = validation.hyper("distinct", distinct, low=0.0)
    if within is not None:
        try:
            box = np.array(within, dtype=float) if np.ndim(within) == 2 else None
        except (TypeError, ValueError):  # strings, ragged pairs
            box = None
        if box is None or box.shape != (f.n, 2) or not np.all(box[:, 0] < box[:, 1]):
            raise ValueError(f"within must hold one (low, high) pair with low < high for each of "
                             f"the {f.n} coordinates, got {within!r}")
    roots: list[np.ndarray] = []
    for start in starts:
        root = newton_root(f, start, tol)
        if root is None or (within is not None and not np.all((box[:, 0] <= root) & (root <= box[:, 1]))):
            continue
        if all(np.linalg.norm(root - r) > distinct for r in roots):
            roots.append(root)
    roots.sort(key=tuple)
    return tuple(StationaryPoint(tuple(float(c) + 0.0 for c in np.round(r, 10)),
                                 classify(f.hessian(r), tol=1e-9)) for r in roots)
