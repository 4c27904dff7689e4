r"""The seeds' test functions, each defined once in SymPy.

Each :class:`Function` keeps its symbolic form (``expr``, ``symbols``) and
generates from it NumPy ``value``, ``grad`` and ``hessian``, which take points
of shape ``(..., n)`` and return shapes ``(...)``, ``(..., n)`` and ``(..., n, n)``.
So one call evaluates a whole grid or a whole batch of runs.

>>> float(bowl.value(np.array([2.0, 1.0]))), bowl.grad(np.array([2.0, 1.0])).tolist()
(7.0, [5.0, 4.0])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import sympy as sp

from . import validation
from .calculus import classify, gradient, hessian

x, y = sp.symbols("x y", real=True)


@dataclass(frozen=True)
class StationaryPoint:
    """A point where the gradient is zero, with what the Hessian says it is."""

    x: tuple[float, ...]
    kind: str
    name: str = ""


def _vectorised(symbols: Sequence[sp.Symbol], exprs: list[sp.Expr], shape: tuple[int, ...]):
    """Compile expressions of ``symbols`` into ``x -> array of shape (..., *shape)``."""
    compiled = sp.lambdify(symbols, exprs, modules="numpy")
    n = len(symbols)

    flat = shape == (len(exprs),)

    def evaluate(point: np.ndarray) -> np.ndarray:
        if type(point) is not np.ndarray or point.dtype != float:  # lists, integers; refuses complex
            point = validation.points("point", point, n)
        if point.ndim == 0 or point.shape[-1] != n:
            raise ValueError(f"point must have shape (..., {n}), got shape {point.shape}")
        if point.ndim == 1:  # one point: the hot path of a single run, kept short
            try:  # Python floats are several times faster than NumPy scalars...
                out = np.array(compiled(*point.tolist()), dtype=float)
            except (OverflowError, ZeroDivisionError, TypeError):  # ...but raise where NumPy gives inf,
                with np.errstate(all="ignore"):  # or complex where it gives nan: (-1.0)**(1/3)
                    out = np.array(compiled(*point), dtype=float)
            return out if flat else out.reshape(shape)
        parts = compiled(*(point[..., i] for i in range(n)))
        out = np.empty(point.shape[:-1] + (len(exprs),))
        for i, part in enumerate(parts):
            out[..., i] = part  # a constant part (e.g. a Hessian entry) broadcasts here
        return out.reshape(point.shape[:-1] + shape)

    return evaluate


@dataclass
class Function:
    """A function :math:`f:\\mathbb{R}^n \\to \\mathbb{R}` with its symbolic form."""

    name: str
    expr: sp.Expr
    symbols: tuple[sp.Symbol, ...]
    stationary_points: tuple[StationaryPoint, ...] = ()
    minimum: tuple[float, ...] | None = None
    _value: object = field(init=False, repr=False)
    _grad: object = field(init=False, repr=False)
    _hessian: object = field(init=False, repr=False)

    def __post_init__(self) -> None:
        validation.text("name", self.name)
        self.expr = validation.expression("expr", self.expr)
        self.symbols = validation.symbols("symbols", self.symbols)
        # Every symbol must be a variable: NumPy cannot evaluate a free parameter.
        validation.in_symbols(self.expr, self.symbols, strict=True)
        # NumPy would drop an imaginary part without a word (x**2 + I*x): refuse it here, once.
        validation.real_valued("expr", self.expr, self.symbols)
        n = len(self.symbols)
        if self.minimum is not None:
            self.minimum = tuple(validation.path("minimum", [self.minimum], n)[0].tolist())
        for p in self.stationary_points:
            if not isinstance(p, StationaryPoint):
                raise validation.ArgumentTypeError(
                    f"stationary_points must hold StationaryPoint objects, got {validation.describe(p)}")
            validation.path("a stationary point", [p.x], n)
        self._value = _vectorised(self.symbols, [self.expr], ())
        self._grad = _vectorised(self.symbols, list(gradient(self.expr, self.symbols)), (n,))
        self._hessian = _vectorised(self.symbols, list(hessian(self.expr, self.symbols)), (n, n))

    @property
    def n(self) -> int:
        """Number of variables."""
        return len(self.symbols)

    def value(self, point: np.ndarray) -> np.ndarray:
        """:math:`f(x)` for points of shape ``(..., n)``."""
        return self._value(point)

    def grad(self, point: np.ndarray) -> np.ndarray:
        r""":math:`\nabla f(x)`, shape ``(..., n)``."""
        return self._grad(point)

    def hessian(self, point: np.ndarray) -> np.ndarray:
        r""":math:`\nabla^2 f(x)`, shape ``(..., n, n)``."""
        return self._hessian(point)

    __call__ = value

    def _repr_latex_(self) -> str:
        return f"$f({', '.join(map(sp.latex, self.symbols))}) = {sp.latex(self.expr)}$"


def function_point(f: object, name: str, value: object) -> np.ndarray:
    """Check that ``f`` is a :class:`Function` and ``value`` one point of its dimension.

    It lives here, beside :class:`Function`, so that :mod:`gdlib.validation` imports nothing of gdlib.

    >>> function_point(bowl, "x0", [1.0, 2.0, 3.0])
    Traceback (most recent call last):
    ...
    ValueError: x0 must have shape (2,) for bowl, got shape (3,)
    """
    if not isinstance(f, Function):
        raise TypeError(f"f must be a gdlib.functions.Function, got {f!r}")
    return validation.vector(name, value, f.n, of=f" for {f.name}")


def _make(name: str, expr: sp.Expr, symbols: tuple[sp.Symbol, ...],
          points: Sequence[tuple[tuple, str]], minimum: tuple | None = None) -> Function:
    """Build a Function and classify its stationary points from the symbolic Hessian."""
    H = hessian(expr, symbols)
    found = []
    for coords, label in points:
        at = dict(zip(symbols, coords))
        found.append(StationaryPoint(tuple(float(c) for c in coords),
                                     classify(H.subs(at)), label))
    return Function(name, expr, symbols, tuple(found), minimum)


square = _make("square", x**2, (x,), [((0,), "")], minimum=(0.0,))
"""Seed 002's :math:`f(x) = x^2`, the first slope of the book."""

bowl = _make("bowl", x**2 + x * y + y**2, (x, y), [((0, 0), "")], minimum=(0.0, 0.0))
"""Seed 002's :math:`x^2 + xy + y^2`: a tilted bowl with its minimum at the origin."""

saddle = _make("saddle", x**2 - y**2, (x, y), [((0, 0), "")])
"""Seed 003's saddle :math:`x^2 - y^2`: zero gradient at the origin, but no minimum."""

ill_conditioned = _make("ill_conditioned", (x**2 + 25 * y**2) / 2, (x, y), [((0, 0), "")],
                        minimum=(0.0, 0.0))
r"""A narrow valley :math:`\tfrac12(x^2 + 25y^2)`: Hessian eigenvalues 1 and 25, so
plain GD is stable only for :math:`\eta < 2/25` and crawls along :math:`x`."""

rosenbrock = _make("rosenbrock", (1 - x) ** 2 + 100 * (y - x**2) ** 2, (x, y), [((1, 1), "")],
                   minimum=(1.0, 1.0))
"""Rosenbrock's banana valley (1960), minimum at (1, 1)."""

_three_minima_slope = (x + 2) * (x + 1) * x * (x - sp.Rational(3, 2)) * (x - sp.Rational(5, 2))
three_minima = _make(
    "three_minima", sp.expand(sp.integrate(_three_minima_slope, x)), (x,),
    [((-2,), "A"), ((-1,), ""), ((0,), "B"), ((sp.Rational(3, 2),), ""), ((sp.Rational(5, 2),), "C")],
    minimum=(-2.0,))
r"""Seed 003's picture of local minima: three valleys A (:math:`x=-2`, the global
minimum, :math:`f=-1.6`), B (:math:`x=0`, :math:`f=0`) and C (:math:`x=5/2`),
with maxima at :math:`-1` and :math:`3/2`. Its slope is
:math:`(x+2)(x+1)\,x\,(x-\tfrac32)(x-\tfrac52)`."""

transcendental = _make(
    "transcendental",
    x**3 - 2 * x**2 + sp.exp(x * y) - y**3 + 10 * y**2 + 100 * sp.sin(x * y), (x, y),
    [((0, 0), "")])
r"""Seed 003's :math:`x^3 - 2x^2 + e^{xy} - y^3 + 10y^2 + 100\sin(xy)`, whose equation
:math:`\nabla f = 0` has no closed-form solution; the origin is one (saddle) root."""

ALL = (square, bowl, saddle, ill_conditioned, rosenbrock, three_minima, transcendental)
