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

from . import validation


def gradient(expr: sp.Expr, symbols: Sequence[sp.Symbol]) -> sp.Matrix:
    r"""The column vector :math:`\nabla f = (\partial f/\partial x_1, \dots, \partial f/\partial x_n)^T`.

    ``expr`` may hold other symbols too (parameters such as :math:`\eta`), but it must
    depend on ``symbols``: a formula in look-alike symbols (``sp.symbols("x")`` against
    the book's real ``x``) or in none of them is refused, as its gradient would be zero.
    """
    expr, symbols = _checked(expr, symbols)
    return sp.Matrix([sp.diff(expr, s) for s in symbols])


def hessian(expr: sp.Expr, symbols: Sequence[sp.Symbol]) -> sp.Matrix:
    r"""The matrix :math:`\nabla^2 f` of second partial derivatives."""
    expr, symbols = _checked(expr, symbols)
    return sp.hessian(expr, list(symbols))


def _checked(expr: object, symbols: object, *, name: str = "symbols") -> tuple[sp.Expr, tuple[sp.Symbol, ...]]:
    expr = validation.expression("expr", expr)
    symbols = validation.symbols(name, symbols)
    validation.in_symbols(expr, symbols, strict=False, of=name)
    return expr, symbols


def _point(name: str, value: object) -> sp.Expr:
    """A point to expand about: a real number or a SymPy expression (it may hold other symbols)."""
    if isinstance(value, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"{name} must be a number or a SymPy expression, got {value!r}")
    if isinstance(value, (np.floating, np.integer)):
        value = value.item()
    return validation.expression(name, value)


def _order(order: object) -> int:
    return validation.count("order", order, high=validation.MAX_TAYLOR_ORDER)


def taylor(expr: sp.Expr, symbol: sp.Symbol, at: sp.Expr, order: int,
           step: sp.Symbol | None = None) -> sp.Expr:
    r"""The 1-D Taylor polynomial :math:`\sum_{k \le \text{order}} f^{(k)}(a)\,\Delta x^k / k!`.

    Written in the step ``step`` (:math:`\Delta x`: a symbol, or an expression free of
    ``symbol``) when given, else in ``symbol - at``.

    >>> x, h = sp.symbols("x h")
    >>> taylor(sp.exp(x), x, 0, 3)
    x**3/6 + x**2/2 + x + 1
    """
    if not isinstance(symbol, sp.Symbol):
        raise validation.ArgumentTypeError(f"symbol must be one SymPy symbol such as x, got {validation.describe(symbol)}")
    expr, _ = _checked(expr, (symbol,), name="symbol")
    at = _point("at", at)
    order = _order(order)
    if step is not None:  # a symbol such as h, or an expression such as -eta * f'(a)
        step = _point("step", step)
        if step.has(symbol):
            raise ValueError(f"step must not contain {symbol} (it is the step away from at), got {step}")
    delta = step if step is not None else symbol - at
    return sum(sp.diff(expr, symbol, k).subs(symbol, at) * delta**k / sp.factorial(k)
               for k in range(order + 1))


def taylor_nd(expr: sp.Expr, symbols: Sequence[sp.Symbol], at: Sequence[sp.Expr], order: int,
              steps: Sequence[sp.Symbol] | None = None) -> sp.Expr:
    r"""The n-D Taylor polynomial of ``expr`` about ``at`` up to total degree ``order``.

    Uses :math:`f(a + \Delta) = \sum_k \frac{1}{k!} \left(\Delta \cdot \nabla\right)^k f(a)`,
    the form behind :math:`f(x) + \nabla f^T \Delta + \tfrac12 \Delta^T \nabla^2 f\, \Delta`.
    Written in the steps ``steps`` when given, else in ``symbols - at``.

    >>> x, y = sp.symbols("x y")
    >>> taylor_nd(sp.exp(x + y), (x, y), (0, 0), 2)
    x**2/2 + x*y + x + y**2/2 + y + 1
    """
    expr, symbols = _checked(expr, symbols)
    if isinstance(at, (str, bytes, sp.Basic)) or not isinstance(at, (Sequence, np.ndarray)):
        raise validation.ArgumentTypeError(f"at must be a sequence of {len(symbols)} numbers (one per symbol), "
                                           f"got {validation.describe(at)}")
    if len(at) != len(symbols):
        raise ValueError(f"at must hold one value per symbol ({len(symbols)}), got {len(at)}: {validation.describe(at)}")
    at = [_point(f"at[{i}]", a) for i, a in enumerate(at)]
    order = _order(order)
    if steps is not None:
        steps = validation.symbols("steps", steps)
        if len(steps) != len(symbols):
            raise ValueError(f"steps must hold one symbol per symbol ({len(symbols)}), got {len(steps)}")
        if set(steps) & set(symbols):
            raise ValueError(f"steps must be symbols other than symbols ({', '.join(map(str, symbols))}), "
                             f"got {', '.join(map(str, steps))}")
    # Differentiate along fresh step symbols, which are constants for d/dx: a step
    # written as x - a would be differentiated too (and vanish at x = a).
    deltas = [sp.Dummy(f"d{s}") for s in symbols]
    at_point = dict(zip(symbols, at))
    total = sp.Integer(0)
    term = expr
    for k in range(order + 1):
        total += term.subs(at_point, simultaneous=True) / sp.factorial(k)
        term = sum(d * sp.diff(term, s) for d, s in zip(deltas, symbols))
    written = list(steps) if steps is not None else [s - a for s, a in zip(symbols, at)]
    return sp.expand(total.subs(dict(zip(deltas, written)), simultaneous=True))


def classify(H: sp.Matrix | np.ndarray, tol: float = 1e-12) -> str:
    """What a stationary point is, from its Hessian's eigenvalues.

    ``"minimum"`` (all > ``tol``, positive definite), ``"maximum"`` (all < ``-tol``),
    ``"saddle"`` (both signs, indefinite) or ``"degenerate"`` (an eigenvalue within
    ``tol`` of zero and no sign change: the second-order test cannot decide).
    ``H`` must be a square, symmetric, finite, real matrix (SymPy or NumPy; the same
    matrix gives the same answer either way).

    >>> classify(np.array([[2.0, 0.0], [0.0, 0.0]]))
    'degenerate'
    """
    tol = validation.real("tol", tol, low=0.0)
    if isinstance(H, sp.MatrixBase):
        if H.free_symbols:
            raise ValueError(f"H must be a matrix of numbers, got entries in {sorted(map(str, H.free_symbols))}: "
                             "substitute the point first, e.g. H.subs({x: 0, y: 0})")
        try:
            numeric = np.array(H.evalf(), dtype=complex)
        except (TypeError, ValueError):
            raise validation.ArgumentTypeError(f"H must be a matrix of numbers, got {H}") from None
        if not np.all(np.isfinite(numeric)):
            raise ValueError(f"H must be finite, got {H}")
        A = _square_real("H", numeric if np.any(numeric.imag != 0) else numeric.real)
        # Exact entries: SymPy's exact eigenvalues decide a zero one without rounding.
        eig = ([complex(sp.N(e)).real for e, mult in H.eigenvals().items() for _ in range(mult)]
               if A.shape[0] <= 4 and all(e.is_Rational for e in H) else list(np.linalg.eigvalsh(A)))
    else:
        A = _square_real("H", H)
        eig = list(np.linalg.eigvalsh(A))
    pos = any(e > tol for e in eig)
    neg = any(e < -tol for e in eig)
    zero = any(abs(e) <= tol for e in eig)
    if pos and neg:
        return "saddle"
    if zero:
        return "degenerate"
    return "minimum" if pos else "maximum"


def _square_real(name: str, H: object) -> np.ndarray:
    A = validation._numeric_array(name, H, "a square matrix of real numbers")
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.size == 0:
        raise ValueError(f"{name} must be a non-empty square matrix, got shape {A.shape}")
    if not np.all(np.isfinite(A)):
        raise ValueError(f"{name} must be finite, got {H!r}")
    scale = np.abs(A).max()
    if np.abs(A - A.T).max() > 1e-9 * scale:
        i, j = np.unravel_index(np.argmax(np.abs(A - A.T)), A.shape)
        raise ValueError(f"{name} must be symmetric (a Hessian is), got H[{i}, {j}] = {A[i, j]:g} "
                         f"but H[{j}, {i}] = {A[j, i]:g}")
    return A
