r"""A 2 x 2 matrix as a map that moves the points of the plane, and the angle between two vectors.

A matrix :math:`A` moves every point :math:`v` to :math:`Av`. For a symmetric matrix two
directions at right angles do not turn: along each, :math:`A e_i = \lambda_i e_i`, so
:math:`A` only stretches by the eigenvalue :math:`\lambda_i` (and reverses where it is
negative). :func:`eigen` finds them with ``numpy.linalg.eigh``; :func:`plot_map` draws
what :math:`A` does to a grid of points and to the unit circle, with those directions.

>>> values, vectors, phi = eigen([[2.0, 1.0], [1.0, 2.0]])  # the quick tour's Hessian
>>> values.tolist(), round(float(np.degrees(phi)), 9)
([3.0, 1.0], 45.0)
>>> np.round(vectors, 4).tolist()  # the columns e1, e2: the rotation R(phi)
[[0.7071, -0.7071], [0.7071, 0.7071]]
>>> round(angle([1.0, 0.0], [1.0, 1.0]), 9)  # cos beta = u^T v / (|u| |v|)
45.0
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np
from matplotlib.axes import Axes

from . import validation
from .plot import PALETTE, _check_axes, arrow
from .quadratic import rotation

__all__ = ["Eigen", "eigen", "angle", "GRID", "plot_grid", "plot_map", "plot_angle"]

GRID = np.array([(a, b) for b in np.linspace(-1.0, 1.0, 5) for a in np.linspace(-1.0, 1.0, 5)])
"""The points that :func:`plot_grid` and :func:`plot_map` draw: a 5 x 5 grid on the square [-1, 1]^2."""

_CIRCLE = np.linspace(0.0, 2.0 * np.pi, 181)


class Eigen(NamedTuple):
    r"""Eigenvalues :math:`\lambda_1 \ge \lambda_2`, unit eigenvectors as the columns of :math:`R(\varphi)`, and :math:`\varphi`."""

    values: np.ndarray
    vectors: np.ndarray
    phi: float


def _matrix(name: str, A: object, symmetric: bool = True) -> np.ndarray:
    return validation.matrix(name, A, 2, symmetric=symmetric)


def eigen(A: Sequence[Sequence[float]] | np.ndarray) -> Eigen:
    r"""Eigenvalues and eigenvectors of a symmetric 2 x 2 matrix, from ``numpy.linalg.eigh``.

    The eigenvalues come largest first, :math:`\lambda_1 \ge \lambda_2`. The eigenvectors
    have length one and are the columns of the rotation :math:`R(\varphi)`:
    :math:`e_1 = (\cos\varphi, \sin\varphi)` with :math:`0 \le \varphi < \pi` (radians),
    and :math:`e_2 = (-\sin\varphi, \cos\varphi)`. So
    :math:`A = R(\varphi)\,\mathrm{diag}(\lambda_1, \lambda_2)\,R(\varphi)^T`. (``eigh``
    chooses each eigenvector's sign as it likes; this fixes one choice, so that a
    picture does not flip between two nearby matrices.)
    """
    A = _matrix("A", A)
    values, vectors = np.linalg.eigh(A)  # ascending, eigenvectors in the columns
    e1 = vectors[:, 1]
    phi = float(np.arctan2(e1[1], e1[0]) % np.pi)
    if np.isclose(phi, np.pi, rtol=0.0, atol=1e-12):  # e1 = (-1, tiny): the same line as phi = 0
        phi = 0.0
    return Eigen(values[::-1].copy(), rotation(phi), phi)


def angle(u: Sequence[float], v: Sequence[float]) -> float:
    r"""The angle :math:`\beta` between ``u`` and ``v``, in degrees, from :math:`\cos\beta = u^T v / (\lVert u \rVert \lVert v \rVert)`.

    Between 0 and 180; neither vector may be zero (a zero vector has no direction).
    """
    u = validation.vector("u", u, 2)
    v = validation.vector("v", v, 2)
    for name, w in (("u", u), ("v", v)):
        if not np.any(w):
            raise ValueError(f"{name} must not be the zero vector, which has no direction, got {w.tolist()}")
    cos_beta = float(u @ v) / (float(np.linalg.norm(u)) * float(np.linalg.norm(v)))
    return float(np.degrees(np.arccos(np.clip(cos_beta, -1.0, 1.0))))


def _lim(lim: object) -> float:
    return validation.positive_number("lim", lim)


def plot_grid(ax: Axes, *, lim: float = 3.2) -> Axes:
    """The background of :func:`plot_map`: the grid points :data:`GRID` and the unit circle, unmoved, in grey.

    Sets the axes to the square ``[-lim, lim]^2`` with equal scales, and labels them.
    """
    _check_axes(ax)
    lim = _lim(lim)
    ax.plot(np.cos(_CIRCLE), np.sin(_CIRCLE), "--", color="0.55", lw=1.2, label="unit circle")
    ax.plot(GRID[:, 0], GRID[:, 1], "o", color="0.55", ms=3.5, label="grid point $p$")
    ax.axhline(0, color="0.85", lw=0.8, zorder=0)
    ax.axvline(0, color="0.85", lw=0.8, zorder=0)
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), xlabel="$x$", ylabel="$y$")
    ax.set_aspect("equal", adjustable="box")
    return ax


def plot_map(ax: Axes, A: Sequence[Sequence[float]] | np.ndarray, *, lim: float = 3.2,
             v: Sequence[float] | None = None) -> Eigen:
    r"""What :math:`A` does to the plane: each grid point :math:`p` moved to :math:`Ap`, the unit circle's image.

    Draws, over the background of :func:`plot_grid`: a thin line from each point of
    :data:`GRID` to where :math:`A` moves it, and a dot there; the image of the unit circle
    (an ellipse, or a segment when an eigenvalue is 0); and for each eigenvector
    :math:`e_i` of :func:`eigen` the line through the origin along it (dashed, in colour
    ``PALETTE[i - 1]``), with a square at :math:`A e_i = \lambda_i e_i`, where the circle's point
    :math:`e_i` lands. With ``v``, also the arrows :math:`v` and :math:`Av`. Returns the
    :func:`eigen` of ``A``, so that a frame can report the numbers it drew.
    """
    _check_axes(ax)
    A = _matrix("A", A)
    lim = _lim(lim)
    if v is not None:
        v = validation.vector("v", v, 2)
    found = eigen(A)
    moved = GRID @ A.T
    for p, q in zip(GRID, moved):
        ax.plot([p[0], q[0]], [p[1], q[1]], color=PALETTE[4], lw=0.8, alpha=0.6)
    ax.plot(moved[:, 0], moved[:, 1], "o", color=PALETTE[4], ms=4, label="moved point $Ap$")
    circle = np.stack([np.cos(_CIRCLE), np.sin(_CIRCLE)], axis=-1) @ A.T
    ax.plot(circle[:, 0], circle[:, 1], color=PALETTE[2], lw=2, label="image of the circle")
    for i, (lam, e) in enumerate(zip(found.values, found.vectors.T)):
        ax.plot([-2 * lim * e[0], 2 * lim * e[0]], [-2 * lim * e[1], 2 * lim * e[1]], "--",
                color=PALETTE[i], lw=1.4, label=f"$e_{i + 1}$: $\\lambda_{i + 1} = {lam:.3g}$")
        ax.plot(*(lam * e), "s", color=PALETTE[i], ms=7, mec="black", mew=0.6)
    if v is not None:
        arrow(ax, (0.0, 0.0), v, color="black", lw=2.2, label="$v$")
        arrow(ax, (0.0, 0.0), A @ v, color=PALETTE[3], lw=2.6, label="$Av$")
    return found


def plot_angle(ax: Axes, u: Sequence[float], v: Sequence[float], *, radius: float = 0.5) -> float:
    r"""The vectors ``u`` and ``v`` as arrows from the origin, the angle :math:`\beta` between them, and v's shadow on u's line.

    The shadow is the point of u's line closest to :math:`v`,
    :math:`\frac{u^T v}{u^T u}\,u` (a dotted line drops from :math:`v` to it at a
    right angle); the arc of radius ``radius`` marks :math:`\beta`. Returns
    :math:`\beta` in degrees, as :func:`angle` computes it.
    """
    _check_axes(ax)
    beta = angle(u, v)
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    radius = validation.positive_number("radius", radius)
    shadow = (u @ v) / (u @ u) * u
    line = u / np.linalg.norm(u)
    ax.plot([-4 * line[0], 4 * line[0]], [-4 * line[1], 4 * line[1]], color="0.75", lw=0.9, zorder=0)
    ax.plot([v[0], shadow[0]], [v[1], shadow[1]], ":", color="0.3", lw=1.4)
    ax.plot([0, shadow[0]], [0, shadow[1]], color=PALETTE[2], lw=5, alpha=0.6, solid_capstyle="butt",
            label="shadow of $v$ on $u$'s line")
    start = np.arctan2(u[1], u[0])
    turn = np.sign(u[0] * v[1] - u[1] * v[0]) or 1.0  # anticlockwise from u to v, or clockwise
    arc = start + turn * np.radians(np.linspace(0.0, beta, 60))
    ax.plot(radius * np.cos(arc), radius * np.sin(arc), color="black", lw=1.2)
    arrow(ax, (0.0, 0.0), u, color=PALETTE[0], lw=2.4, label="$u$")
    arrow(ax, (0.0, 0.0), v, color=PALETTE[1], lw=2.4, label="$v$")
    return beta
