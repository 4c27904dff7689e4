r"""The chain rule on a composite :math:`z = f(g(x))`, symbolically and numerically.

With :math:`y = g(x)` the inner function and :math:`z = f(y)` the outer one,

.. math::
    \frac{dz}{dx} = \frac{dz}{dy}\,\frac{dy}{dx} = f'(g(x))\; g'(x).

:class:`Composite` keeps the two SymPy expressions (the outer one in the symbol
:data:`u`, the inner one in :data:`x`), builds the composite and the two factors,
and evaluates all of them on a grid of points with NumPy. :data:`OUTER` and
:data:`INNER` are the named functions of the chapter's interactive.

>>> c = Composite(u**3, x**2 + 1)
>>> c.expr, c.outer_factor, c.inner_factor
((x**2 + 1)**3, 3*(x**2 + 1)**2, 2*x)
>>> c.derivative
6*x*(x**2 + 1)**2
>>> c.evaluate([2.0])["derivative"].tolist()
[300.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import sympy as sp

__all__ = ["u", "x", "sigmoid", "Composite", "OUTER", "INNER", "PANEL_XS", "PANEL_LIMITS", "MAX_POINTS"]

u, x = sp.symbols("u x", real=True)

#: The logistic sigmoid as a SymPy expression of ``u``, :math:`\sigma(u) = 1/(1 + e^{-u})`
#: (NumPy's version, safe for large :math:`|u|`, is :func:`gdlib.models.sigmoid`).
sigmoid = 1 / (1 + sp.exp(-u))

#: At most this many points per :meth:`Composite.evaluate` call.
MAX_POINTS = 100_000


def _expression(name: str, value: object, symbol: sp.Symbol) -> sp.Expr:
    if not isinstance(value, sp.Expr):
        raise TypeError(f"{name} must be a SymPy expression in {symbol} "
                        f"(such as {symbol}**2), got {value!r}")
    others = value.free_symbols - {symbol}
    if others:
        shown = ", ".join(sorted(str(s) for s in others))
        raise ValueError(f"{name} must be an expression in {symbol} only, from "
                         f"sp.Symbol('{symbol}', real=True), got {value} (it contains {shown})")
    undefined = value.atoms(sp.core.function.AppliedUndef)
    if undefined:
        shown = ", ".join(sorted(str(f.func) for f in undefined))
        raise ValueError(f"{name} must be an expression built from known functions (sp.sin, sp.exp, ...), "
                         f"got {value}: {shown} is an undefined sp.Function, which has no values")
    if value.has(sp.I) or value.has(sp.zoo, sp.oo, -sp.oo, sp.nan):
        raise ValueError(f"{name} must be a real, finite expression, got {value}")
    return value


@dataclass(frozen=True)
class Composite:
    r"""The composite :math:`z = f(g(x))` of an outer :math:`f(u)` and an inner :math:`g(x)`.

    .. math::
        \underbrace{\frac{dz}{dx}}_{\texttt{derivative}}
        = \underbrace{f'(g(x))}_{\texttt{outer\_factor}}\;
          \underbrace{g'(x)}_{\texttt{inner\_factor}}

    ``outer`` is an expression in :data:`u` and ``inner`` one in :data:`x`
    (``sp.Symbol("u", real=True)`` and ``sp.Symbol("x", real=True)``).
    """

    outer: sp.Expr
    inner: sp.Expr

    def __post_init__(self) -> None:
        _expression("outer", self.outer, u)
        _expression("inner", self.inner, x)

    @property
    def expr(self) -> sp.Expr:
        """:math:`f(g(x))`: the inner expression put in place of :math:`u`."""
        return self.outer.subs(u, self.inner)

    @property
    def outer_factor(self) -> sp.Expr:
        r""":math:`dz/dy = f'(y)` at :math:`y = g(x)`."""
        return sp.diff(self.outer, u).subs(u, self.inner)

    @property
    def inner_factor(self) -> sp.Expr:
        r""":math:`dy/dx = g'(x)`."""
        return sp.diff(self.inner, x)

    @property
    def derivative(self) -> sp.Expr:
        r""":math:`dz/dx`, the product of the two factors."""
        return self.outer_factor * self.inner_factor

    def evaluate(self, xs: object) -> dict[str, np.ndarray]:
        """The inner function, the composite, both factors and the derivative at the points ``xs``.

        ``xs`` is a 1-D array of finite real numbers (at most :data:`MAX_POINTS`).
        Returns arrays of the same shape under the keys ``"inner"``, ``"composite"``,
        ``"outer_factor"``, ``"inner_factor"`` and ``"derivative"``; a value that
        is not a finite real number (outside the functions' domain) is refused.
        """
        points = _points(xs)
        exprs = {"inner": self.inner, "composite": self.expr, "outer_factor": self.outer_factor,
                 "inner_factor": self.inner_factor, "derivative": self.derivative}
        out = {}
        with np.errstate(all="ignore"):
            for key, expr in exprs.items():
                values = np.asarray(sp.lambdify(x, expr, modules="numpy")(points))
                if np.iscomplexobj(values):
                    raise ValueError(f"{key} {expr} is not real at some of the points xs")
                values = np.broadcast_to(values.astype(float), points.shape).copy()  # a constant broadcasts
                bad = ~np.isfinite(values)
                if np.any(bad):
                    raise ValueError(f"{key} {expr} is not finite at x = {points[bad][0]:g}: "
                                     f"keep xs inside the functions' domain")
                out[key] = values
        return out


def _points(xs: object) -> np.ndarray:
    if isinstance(xs, (str, bytes)):
        raise ValueError(f"xs must be a 1-D array of real numbers, got {xs!r}")
    try:
        arr = np.asarray(xs)
    except (TypeError, ValueError):
        raise ValueError(f"xs must be a 1-D array of real numbers, got {xs!r}") from None
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise ValueError(f"xs must be a 1-D array of real numbers, got dtype {arr.dtype}")
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"xs must be a non-empty 1-D array, got shape {arr.shape}")
    if arr.size > MAX_POINTS:
        raise ValueError(f"xs must hold at most {MAX_POINTS} points, got {arr.size}")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"xs must be finite, got {float(arr[~np.isfinite(arr)][0])!r} among them")
    return arr


#: Outer functions :math:`f(u)` of the chapter's interactive, by the name it shows.
OUTER: Mapping[str, sp.Expr] = {
    "u²": u**2,
    "u³": u**3,
    "sin u": sp.sin(u),
    "eᵘ": sp.exp(u),
}

#: Inner functions :math:`g(x)` of the chapter's interactive, by the name it shows.
#: On :data:`PANEL_XS` every composite of these lies within :data:`PANEL_LIMITS`.
INNER: Mapping[str, sp.Expr] = {
    "x": x,
    "−x": -x,
    "x² − 1": x**2 - 1,
    "sin 2x": sp.sin(2 * x),
}

#: The interactive's range of :math:`x`, and the ranges of its two panels: every
#: inner function and composite of :data:`OUTER` and :data:`INNER` in the first,
#: every factor and derivative in the second, each at least 5 % of the panel's height
#: away from its top and bottom edges (``tests/test_chain.py`` checks it).
PANEL_XS: tuple[float, float] = (-1.25, 1.25)
PANEL_LIMITS: dict[str, tuple[float, float]] = {"values": (-2.4, 4.0), "slopes": (-6.0, 6.0)}
