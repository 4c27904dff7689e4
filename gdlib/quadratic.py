r"""Quadratic forms in two variables, built from their eigenvalues and a rotation.

Near a stationary point a smooth function looks like the quadratic form

.. math::
    q(v) = \tfrac12\, v^T A\, v, \qquad
    A = R(\varphi) \begin{bmatrix} \lambda_1 & 0 \\ 0 & \lambda_2 \end{bmatrix} R(\varphi)^T,
    \qquad
    R(\varphi) = \begin{bmatrix} \cos\varphi & -\sin\varphi \\ \sin\varphi & \cos\varphi \end{bmatrix},

whose shape (bowl, dome, valley, ridge or saddle) is set by the signs of the
eigenvalues :math:`\lambda_1, \lambda_2`, and whose eigenvectors are the columns of
:math:`R(\varphi)`: the first axis turned by :math:`\varphi`, and the direction at
right angles to it.

>>> A = form_matrix((3.0, 1.0), np.pi / 4)  # the quick tour's bowl x^2 + xy + y^2
>>> np.round(A, 12).tolist()
[[2.0, 1.0], [1.0, 2.0]]
>>> shape((3.0, 1.0)), shape((3.0, 0.0)), shape((3.0, -1.0))
('bowl', 'valley', 'saddle')
"""

from __future__ import annotations

import numbers
from typing import Sequence

import numpy as np
from matplotlib.axes import Axes

from .plot import PALETTE, _check_axes, arrow

MAX_GRID = 400
"""The most grid points per side that :func:`plot_contours` and :func:`plot_surface` draw."""

# Contour levels of q: the same for every form, so that pictures can be compared.
LEVELS = (-3.0, -1.5, -0.5, 0.5, 1.5, 3.0)


def _real(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise ValueError(f"{name} must be a finite real number, got {value!r}")
    return float(value)


def _eigenvalues(eigenvalues: object) -> tuple[float, float]:
    message = f"eigenvalues must be two finite real numbers (lambda1, lambda2), got {eigenvalues!r}"
    if isinstance(eigenvalues, (str, bytes)) or np.ndim(eigenvalues) != 1 or len(eigenvalues) != 2:
        raise ValueError(message)
    if any(isinstance(e, bool) or not isinstance(e, numbers.Real) or not np.isfinite(e) for e in eigenvalues):
        raise ValueError(message)
    return float(eigenvalues[0]), float(eigenvalues[1])


def _matrix(A: object) -> np.ndarray:
    try:
        if np.iscomplexobj(A) or isinstance(A, (str, bytes)):
            raise TypeError
        arr = np.array(A, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"A must be a 2 x 2 symmetric matrix of finite real numbers, got {A!r}") from None
    if arr.shape != (2, 2) or not np.all(np.isfinite(arr)):
        raise ValueError(f"A must be a 2 x 2 symmetric matrix of finite real numbers, got {A!r}")
    if not np.isclose(arr[0, 1], arr[1, 0], rtol=1e-12, atol=1e-12):
        raise ValueError(f"A must be symmetric, got A[0, 1] = {float(arr[0, 1])!r} and A[1, 0] = {float(arr[1, 0])!r}")
    return arr


def _positive(name: str, value: object) -> float:
    value = _real(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return value


def _grid_size(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 2 <= n <= MAX_GRID:
        raise ValueError(f"n must be a whole number from 2 to {MAX_GRID}, got {n!r}")
    return int(n)


def rotation(phi: float) -> np.ndarray:
    r"""The rotation :math:`R(\varphi)` by the angle ``phi`` (radians), anticlockwise.

    >>> np.round(rotation(np.pi / 2), 12).tolist()
    [[0.0, -1.0], [1.0, 0.0]]
    """
    phi = _real("phi", phi)
    c, s = np.cos(phi), np.sin(phi)
    return np.array([[c, -s], [s, c]])


def form_matrix(eigenvalues: Sequence[float], phi: float) -> np.ndarray:
    r"""The symmetric matrix :math:`A = R(\varphi)\,\mathrm{diag}(\lambda_1, \lambda_2)\,R(\varphi)^T`.

    Its eigenvector for :math:`\lambda_1` is :math:`(\cos\varphi, \sin\varphi)`, and for
    :math:`\lambda_2` it is :math:`(-\sin\varphi, \cos\varphi)`.
    """
    lam1, lam2 = _eigenvalues(eigenvalues)
    R = rotation(phi)
    return R @ np.diag([lam1, lam2]) @ R.T


def eigenvectors(phi: float) -> tuple[np.ndarray, np.ndarray]:
    r"""The unit eigenvectors :math:`e_1 = (\cos\varphi, \sin\varphi)`, :math:`e_2 = (-\sin\varphi, \cos\varphi)` of :func:`form_matrix`."""
    R = rotation(phi)
    return R[:, 0], R[:, 1]


def form_value(A: np.ndarray, v: np.ndarray) -> np.ndarray:
    r""":math:`q(v) = \tfrac12 v^T A v` for points ``v`` of shape ``(..., 2)``.

    >>> float(form_value([[2.0, 1.0], [1.0, 2.0]], [2.0, 1.0]))  # x^2 + xy + y^2 at (2, 1)
    7.0
    """
    A = _matrix(A)
    try:
        if np.iscomplexobj(v) or isinstance(v, (str, bytes)):
            raise TypeError
        v = np.asarray(v, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"v must be an array of real numbers of shape (..., 2), got {v!r}") from None
    if v.ndim == 0 or v.shape[-1] != 2:
        raise ValueError(f"v must have shape (..., 2), got shape {v.shape}")
    if not np.all(np.isfinite(v)):
        raise ValueError(f"v must be an array of finite real numbers, got {float(v[~np.isfinite(v)].flat[0])!r} among them")
    return 0.5 * np.einsum("...i,ij,...j->...", v, A, v)


def shape(eigenvalues: Sequence[float], tol: float = 1e-12) -> str:
    r"""The shape of :math:`q` from the signs of its eigenvalues.

    ``"bowl"`` (both > 0), ``"dome"`` (both < 0), ``"saddle"`` (one of each sign),
    ``"valley"`` (one > 0, one 0: a trough, flat along its floor), ``"ridge"``
    (one < 0, one 0) or ``"flat"`` (both 0). Eigenvalues within ``tol`` of 0 count as 0.
    """
    lam1, lam2 = _eigenvalues(eigenvalues)
    tol = _positive("tol", tol)
    signs = sorted(0 if abs(e) <= tol else int(np.sign(e)) for e in (lam1, lam2))
    return {(1, 1): "bowl", (-1, -1): "dome", (-1, 1): "saddle",
            (0, 1): "valley", (-1, 0): "ridge", (0, 0): "flat"}[tuple(signs)]


def plot_contours(ax: Axes, eigenvalues: Sequence[float], phi: float, *, lim: float = 2.0,
                  n: int = 121, labels: bool = False) -> Axes:
    r"""Contours of :math:`q` on :math:`[-\text{lim}, \text{lim}]^2`, with its eigenvectors as arrows.

    Each arrow :math:`e_i` is drawn from the origin, ``0.75 * lim`` long, in colour
    ``PALETTE[i - 1]`` and named at its tip. Solid contours are levels :math:`q > 0`,
    dashed ones :math:`q < 0` (the same :data:`LEVELS` for every form); with
    ``labels=True`` each contour carries its value. The axes' limits are not changed,
    so this can draw a frame of an interactive.
    """
    if not isinstance(labels, bool):
        raise ValueError(f"labels must be True or False, got {labels!r}")
    lam1, lam2 = _eigenvalues(eigenvalues)
    lim, n = _positive("lim", lim), _grid_size(n)
    _check_axes(ax)
    A = form_matrix((lam1, lam2), phi)
    s = np.linspace(-lim, lim, n)
    X, Y = np.meshgrid(s, s)
    Q = form_value(A, np.stack([X, Y], axis=-1))
    levels = [q for q in LEVELS if Q.min() < q < Q.max()]
    if levels:
        lines = ax.contour(X, Y, Q, levels=levels, colors="0.4", linewidths=0.9,
                           linestyles=["--" if q < 0 else "-" for q in levels])
        if labels:
            ax.clabel(lines, fmt="%g", fontsize=8, inline_spacing=2)
            # Make the labels plain texts of ax, so that removing the contours (as each
            # frame of an interactive does) and removing the labels do not collide.
            lines.labelTexts.clear()
    for i, e in enumerate(eigenvectors(phi)):
        arrow(ax, (0.0, 0.0), 0.75 * lim * e, color=PALETTE[i], lw=2.4)
        ax.text(*(0.9 * lim * e), f"$e_{i + 1}$", color=PALETTE[i], fontsize=13,
                ha="center", va="center", fontweight="bold")
    return ax


def plot_surface(ax: Axes, eigenvalues: Sequence[float], phi: float, *, lim: float = 2.0,
                 n: int = 21) -> Axes:
    r"""The surface :math:`z = q(x, y)` over the disc of radius ``lim``, on a 3-D ``ax``.

    Over a disc, :math:`|q| \le \tfrac12 \max_i |\lambda_i|\, \text{lim}^2`, so a
    fixed z-range holds every form. Along :math:`e_i` the surface is the parabola
    :math:`q(t e_i) = \tfrac12 \lambda_i t^2`, drawn in :math:`e_i`'s colour (as in
    :func:`plot_contours`).
    """
    lam1, lam2 = _eigenvalues(eigenvalues)
    lim, n = _positive("lim", lim), _grid_size(n)
    _check_axes(ax, "3d")
    A = form_matrix((lam1, lam2), phi)
    r, theta = np.meshgrid(np.linspace(0, lim, n), np.linspace(0, 2 * np.pi, 2 * n))
    X, Y = r * np.cos(theta), r * np.sin(theta)
    Q = form_value(A, np.stack([X, Y], axis=-1))
    top = 0.5 * max(abs(lam1), abs(lam2), 1e-12) * lim**2
    ax.plot_surface(X, Y, Q, cmap="viridis", vmin=-top, vmax=top, alpha=0.85, linewidth=0,
                    antialiased=False, rstride=1, cstride=1)
    t = np.linspace(-lim, lim, 41)
    for i, (lam, e) in enumerate(zip((lam1, lam2), eigenvectors(phi))):
        ax.plot(t * e[0], t * e[1], 0.5 * lam * t**2, color=PALETTE[i], lw=2.5, zorder=10)
    return ax
