r"""SymPy helpers that the chapters call to derive, and then check, the math.

>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> gradient(x**2 + x*y + y**2, (x, y)).T
Matrix([[2*x + y, x + 2*y]])
>>> classify(hessian(x**2 - y**2, (x, y)))
'saddle'
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import sympy as sp


def gradient(expr: sp.Expr, symbols: Sequence[sp.Symbol]) -> sp.Matrix:
    r"""The column vector :math:`\nabla f = (\partial f/\partial x_1, \dots, \partial f/\partial x_n)^T`."""
    return sp.Matrix([sp.diff(expr, s) for s in symbols])


def hessian(expr: sp.Expr, symbols: Sequence[sp.Symbol]) -> sp.Matrix:
    r"""The matrix :math:`\nabla^2 f` of second partial derivatives."""
    return sp.hessian(expr, list(symbols))


def taylor(expr: sp.Expr, symbol: sp.Symbol, at: sp.Expr, order: int,
           step: sp.Symbol | None = None) -> sp.Expr:
    r"""The 1-D Taylor polynomial :math:`\sum_{k \le \text{order}} f^{(k)}(a)\,\Delta x^k / k!`.

    Written in the step ``step`` (:math:`\Delta x`) when given, else in ``symbol - at``.
    """
    delta = step if step is not None else symbol - at
    return sum(sp.diff(expr, symbol, k).subs(symbol, at) * delta**k / sp.factorial(k)
               for k in range(order + 1))


def taylor_nd(expr: sp.Expr, symbols: Sequence[sp.Symbol], at: Sequence[sp.Expr], order: int,
              steps: Sequence[sp.Symbol] | None = None) -> sp.Expr:
    r"""The n-D Taylor polynomial of ``expr`` about ``at`` up to total degree ``order``.

    Uses :math:`f(a + \Delta) = \sum_k \frac{1}{k!} \left(\Delta \cdot \nabla\right)^k f(a)`,
    the form behind :math:`f(x) + \nabla f^T \Delta + \tfrac12 \Delta^T \nabla^2 f\, \Delta`.
    """
    deltas = list(steps) if steps is not None else [s - a for s, a in zip(symbols, at)]
    at_point = dict(zip(symbols, at))
    total = sp.Integer(0)
    term = expr
    for k in range(order + 1):
        total += term.subs(at_point) / sp.factorial(k)
        term = sum(d * sp.diff(term, s) for d, s in zip(deltas, symbols))
    return sp.expand(total)


def classify(H: sp.Matrix | np.ndarray, tol: float = 1e-12) -> str:
    """What a stationary point is, from its Hessian's eigenvalues.

    ``"minimum"`` (all > 0, positive definite), ``"maximum"`` (all < 0),
    ``"saddle"`` (both signs, indefinite) or ``"degenerate"`` (a zero eigenvalue
    and no sign change: the second-order test cannot decide).
    """
    if isinstance(H, sp.MatrixBase):
        eig = [complex(sp.N(e)).real for e, mult in H.eigenvals().items() for _ in range(mult)]
    else:
        eig = list(np.linalg.eigvalsh(np.asarray(H, dtype=float)))
    pos = any(e > tol for e in eig)
    neg = any(e < -tol for e in eig)
    zero = any(abs(e) <= tol for e in eig)
    if pos and neg:
        return "saddle"
    if zero:
        return "degenerate"
    return "minimum" if pos else "maximum"
