"""Argument checks shared by every public function of gdlib.

Every message names the argument and the value it got, so that a reader who
mistypes a learning rate sees which one and why it was refused. Nothing is
coerced silently: a complex number, a string, a SymPy expression in other
symbols or an array of the wrong length is an error here, not a wrong answer later.

A wrong *kind* of value (a string for a number, a list for an expression) raises
:class:`ArgumentTypeError`, which is a ``TypeError`` and also a ``ValueError``, so
that code written against the older checks (which raised ``ValueError`` for
everything) keeps working; a value of the right kind but out of range raises
``ValueError``.

This module is the ground floor of gdlib: it imports no other module of gdlib (the
checks that need a gdlib class, such as :func:`gdlib.functions.function_point`, live
beside that class), so that every module can import it without a circle.

>>> point("x0", [1, 2j])
Traceback (most recent call last):
...
gdlib.validation.ArgumentTypeError: x0 must be real, got complex value 2j at index 1
>>> count("steps", 2.5)
Traceback (most recent call last):
...
gdlib.validation.ArgumentTypeError: steps must be a whole number >= 0, got 2.5
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import sympy as sp

# --- budgets: what a call may cost before it is refused ----------------------------------
MAX_BYTES = 250_000_000
"""What :func:`gdlib.descend` may store for its iterates: 250 MB."""
ITERATE_OVERHEAD = 112
"""Bytes a single run spends per iterate besides its numbers (one NumPy array each)."""
MAX_TAYLOR_ORDER = 60
"""Highest order of a Taylor polynomial (each order is one more derivative)."""
MAX_FRAMES = 400
"""Most pictures one interactive may precompute (frames x panels)."""
MAX_FIGURE_INCHES = 12.0
"""Largest side of a figure, in inches (a side in pixels would be hundreds of inches)."""
MAX_GRID = 1001
"""Most grid points along one side of a contour or surface grid."""


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong kind: a ``TypeError`` that older ``except ValueError`` code also catches."""


def describe(value: object) -> str:
    """A short description of ``value`` for a message (its repr, or its shape for an array)."""
    if isinstance(value, np.ndarray) and value.ndim > 0:
        return f"array of shape {value.shape}"
    if isinstance(value, np.generic):
        return repr(value.item())
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


_describe = describe  # the older private name


def _numeric_array(name: str, value: object, what: str) -> np.ndarray:
    """``value`` as a float array, refusing strings, booleans, complex and non-numbers by name."""
    if isinstance(value, (str, bytes)):
        raise ArgumentTypeError(f"{name} must be {what}, got {value!r}")
    if isinstance(value, sp.Basic):
        raise ArgumentTypeError(f"{name} must be {what}, got the SymPy object {value}: "
                                "use numbers (float(...) or sympy.lambdify turn a formula into them)")
    if callable(value) and not isinstance(value, np.ndarray):
        raise ArgumentTypeError(f"{name} must be {what}, got the function {describe(value)}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):  # ragged nested lists
        raise ArgumentTypeError(f"{name} must be {what}, got {describe(value)}") from None
    if arr.dtype.kind == "c":
        bad = np.flatnonzero(arr.imag != 0)
        if bad.size == 0:
            raise ArgumentTypeError(f"{name} must be real, got a complex array {describe(value)}: "
                                    "pass its .real part if that is what you mean")
        i = int(bad[0])
        index = np.unravel_index(i, arr.shape)
        where = "" if arr.ndim == 0 else f" at index {index[0] if arr.ndim == 1 else tuple(map(int, index))}"
        shown = arr.reshape(-1)[i].item()
        raise ArgumentTypeError(f"{name} must be real, got complex value {shown!r}{where}")
    if arr.dtype.kind == "b":
        raise ArgumentTypeError(f"{name} must be {what}, got booleans {describe(value)}")
    if arr.dtype.kind == "O":
        # Nested sequences of numbers and Python objects: try each element.
        try:
            flat = [complex(v) if isinstance(v, complex) else v for v in arr.reshape(-1)]
        except TypeError:
            flat = []
        for i, v in enumerate(flat):
            if isinstance(v, (bool, np.bool_)) or not isinstance(v, (numbers.Real, np.floating, np.integer)):
                kind = "complex value" if isinstance(v, numbers.Complex) else "value"
                raise ArgumentTypeError(f"{name} must be {what}, got {kind} {describe(v)} at index {i}")
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise ArgumentTypeError(f"{name} must be {what}, got {describe(value)}") from None
    if arr.dtype.kind in "US":
        raise ArgumentTypeError(f"{name} must be {what}, got strings {describe(value)}")
    if arr.dtype.kind not in "fiu":
        raise ArgumentTypeError(f"{name} must be {what}, got {describe(value)}")
    return np.array(arr, dtype=float)


def real(name: str, value: object, *, low: float | None = None, high: float | None = None,
         low_open: bool = True, high_open: bool = True) -> float:
    """Check one finite real number, optionally in a range; return it as a float."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        if isinstance(value, numbers.Complex) and not isinstance(value, (bool, np.bool_)):
            raise ArgumentTypeError(f"{name} must be a real number, got complex value {describe(value)}")
        if isinstance(value, sp.Basic) and value.is_number and value.is_real:
            value = float(value)  # sp.Rational(1, 2), sp.pi: exact real numbers
        elif isinstance(value, (list, tuple, np.ndarray)):
            raise ArgumentTypeError(f"{name} must be one real number, got {describe(value)}")
        else:
            raise ArgumentTypeError(f"{name} must be a real number, got {describe(value)}")
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(f"{name} must be finite, got {v!r}")
    _in_range(name, np.asarray(v), low, high, low_open, high_open)
    return v


def _in_range(name: str, arr: np.ndarray, low: float | None, high: float | None,
              low_open: bool, high_open: bool) -> None:
    bad = ~np.isfinite(arr)
    if low is not None:
        bad |= (arr <= low) if low_open else (arr < low)
    if high is not None:
        bad |= (arr >= high) if high_open else (arr > high)
    if np.any(bad):
        lo = "(" if low_open or low is None else "["
        hi = ")" if high_open or high is None else "]"
        rng = f"{lo}{'-inf' if low is None else format(low, 'g')}, {'inf' if high is None else format(high, 'g')}{hi}"
        shown = float(arr[bad].flat[0])
        where = "" if arr.ndim == 0 else f" (element {int(np.flatnonzero(bad)[0])})"
        raise ValueError(f"{name} must be in {rng}, got {shown!r}{where}")


def hyper(name: str, value: object, *, low: float, high: float | None = None,
          low_open: bool = True, high_open: bool = True) -> float | np.ndarray:
    """Check a hyper-parameter: a real number, or a 1-D array of them (one per run).

    Returns a float, or a float array of shape ``(B, 1)`` that broadcasts
    against a batch of iterates of shape ``(B, n)``.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (numbers.Real, np.floating, np.integer, np.ndarray, list, tuple)):
        if isinstance(value, (bool, np.bool_)):
            raise ArgumentTypeError(f"{name} must be a real number, got {value!r}")
        if isinstance(value, sp.Basic) and value.is_number and value.is_real:
            value = float(value)
        elif isinstance(value, numbers.Complex):
            raise ArgumentTypeError(f"{name} must be a real number, got complex value {describe(value)}")
        else:
            raise ArgumentTypeError(f"{name} must be a real number, got {describe(value)}")
    arr = _numeric_array(name, value, "a real number or a 1-D array of real numbers")
    if arr.ndim > 1 or arr.size == 0:
        raise ValueError(f"{name} must be a number or a 1-D array of numbers, got {describe(np.asarray(value))}")
    _in_range(name, arr, low, high, low_open, high_open)
    if arr.ndim == 0:
        return float(arr)
    return arr[:, None]


def point(name: str, value: object) -> np.ndarray:
    """Check a starting point: a finite 1-D vector, or a 2-D batch of them."""
    arr = _numeric_array(name, value, "an array of real numbers")
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim > 2 or arr.shape[-1] == 0 or arr.size == 0:
        raise ValueError(f"{name} must have shape (n,) or (batch, n) with n >= 1, "
                         f"got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return arr


def vector(name: str, value: object, n: int, *, of: str = "") -> np.ndarray:
    """Check one finite vector of shape ``(n,)`` (``of`` says whose, as in " for bowl")."""
    x = point(name, value)
    if x.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},){of}, got shape {x.shape}")
    return x


def matrix(name: str, value: object, n: int, *, symmetric: bool = False) -> np.ndarray:
    """Check one finite real ``n`` x ``n`` matrix, symmetric (to 1e-12) when ``symmetric``."""
    arr = _numeric_array(name, value, f"a {n} x {n} matrix of real numbers")
    if arr.shape != (n, n):
        raise ValueError(f"{name} must be a {n} x {n} matrix, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {describe(value)}")
    if symmetric and not np.allclose(arr, arr.T, rtol=1e-12, atol=1e-12):
        i, j = np.unravel_index(int(np.argmax(np.abs(arr - arr.T))), arr.shape)
        raise ValueError(f"{name} must be symmetric ({name}[i, j] = {name}[j, i]), got "
                         f"{name}[{i}, {j}] = {arr[i, j]:g} and {name}[{j}, {i}] = {arr[j, i]:g}")
    return arr


def positive_number(name: str, value: object) -> float:
    """Check one positive finite number (a tolerance, a radius): not an array of them."""
    if np.ndim(value) != 0:
        raise ValueError(f"{name} must be one positive number, got {value!r}")
    return hyper(name, value, low=0.0)


def points(name: str, value: object, n: int) -> np.ndarray:
    """Check points of shape ``(..., n)`` (a grid, a batch or one point): real numbers, last axis ``n``."""
    arr = _numeric_array(name, value, "an array of real numbers")
    if arr.ndim == 0 or arr.shape[-1] != n:
        raise ValueError(f"{name} must have shape (..., {n}), got shape {arr.shape}")
    return arr


def count(name: str, value: object, *, low: int = 0, high: int | None = None) -> int:
    """Check a whole number ``>= low`` (and ``<= high`` when given), such as a step count."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Integral, np.integer)):
        raise ArgumentTypeError(f"{name} must be a whole number >= {low}, got {describe(value)}")
    if value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    return int(value)


def function(name: str, value: object, example: str) -> Any:
    """Check a callable (a gradient, a frame-drawing function); a class is refused too.

    >>> class Line:
    ...     def __init__(self, x, y): ...
    >>> function("grad", Line, "x -> gradient")
    Traceback (most recent call last):
    ...
    gdlib.validation.ArgumentTypeError: grad must be a function x -> gradient, got the class Line: instantiate it first, e.g. Line(x, y)
    """
    if isinstance(value, type):
        # Calling a class makes an object, never a gradient: LinearRegression for LinearRegression(x, y).
        raise ArgumentTypeError(f"{name} must be a function {example}, got the class {value.__name__}: "
                                f"instantiate it first, e.g. {_instantiation(value)}")
    if not callable(value) or isinstance(value, sp.Basic):
        hint = (": lambdify it, or use a gdlib.functions.Function" if isinstance(value, sp.Basic) else "")
        raise ArgumentTypeError(f"{name} must be a function {example}, got {describe(value)}{hint}")
    return value


def _instantiation(cls: type) -> str:
    """How to make an instance of ``cls``, from its required arguments: ``LinearRegression(x, y)``."""
    try:
        params = inspect.signature(cls).parameters.values()
    except (TypeError, ValueError):  # a class written in C may have no signature
        return f"{cls.__name__}(...)"
    required = [p.name if p.kind != p.KEYWORD_ONLY else f"{p.name}={p.name}" for p in params
                if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return f"{cls.__name__}({', '.join(required)})"


def text(name: str, value: object, *, optional: bool = False) -> str | None:
    """Check a string (a label or title)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string{' or None' if optional else ''}, got {describe(value)}")
    return value


def interval(name: str, value: object) -> tuple[float, float]:
    """Check a range ``(low, high)`` of two finite real numbers with ``low < high``."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (Sequence, np.ndarray)):
        raise ArgumentTypeError(f"{name} must be a pair (low, high) of numbers, got {describe(value)}")
    if len(value) != 2:
        raise ValueError(f"{name} must be a pair (low, high) of numbers, got {len(value)} values: {describe(value)}")
    low, high = (real(f"{name}[{i}]", v) for i, v in enumerate(value))
    if not low < high:
        raise ValueError(f"{name} must have low < high, got {describe(value)}")
    return low, high


def path(name: str, value: object, n: int) -> np.ndarray:
    """Check a path of iterates: shape ``(k, n)`` with ``k >= 1``, real numbers."""
    arr = _numeric_array(name, value, "an array of iterates (or a Result)")
    if arr.ndim != 2 or arr.shape[1] != n or arr.shape[0] == 0:
        raise ValueError(f"{name} must have shape (k, {n}) with k >= 1 (one row per iterate), got shape {arr.shape}")
    return arr


def figsize(name: str, value: object) -> tuple[float, float]:
    """Check a figure size: two positive numbers of inches, each at most MAX_FIGURE_INCHES."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (Sequence, np.ndarray)) or len(value) != 2:
        raise ArgumentTypeError(f"{name} must be (width, height) in inches, got {describe(value)}")
    w, h = (real(f"{name}[{i}]", v, low=0.0) for i, v in enumerate(value))
    if max(w, h) > MAX_FIGURE_INCHES:
        raise ValueError(f"{name} is in inches, got {describe(value)}: at most {MAX_FIGURE_INCHES:g} inches a side "
                         f"(at {100} dots an inch, {max(w, h):g} inches would be {max(w, h) * 100:,.0f} pixels)")
    return w, h


def values(name: str, value: object, points_shape: tuple[int, ...], *, hint: str = "") -> np.ndarray:
    """Check what a function ``x -> value`` returned for points of shape ``(..., n)``: one real number a point.

    >>> values("f", np.zeros(2), (2,))
    Traceback (most recent call last):
    ...
    ValueError: f must return one value per point (x -> value): shape () for points of shape (2,), got shape (2,): is it the gradient?
    """
    arr = _numeric_array(f"{name}(x)", value, "real numbers")
    want = points_shape[:-1]
    if arr.shape != want:
        if arr.shape == points_shape:  # the commonest mistake: grad passed as f
            hint = ": is it the gradient?"
        raise ValueError(f"{name} must return one value per point (x -> value): shape {want} for points of "
                         f"shape {points_shape}, got shape {arr.shape}{hint}")
    return arr


def update_arguments(optimizer: str, x: object, g: object, state: object,
                     state_type: type) -> tuple[np.ndarray, np.ndarray]:
    """Check the arguments of ``optimizer.update(x, g, state)``; return ``x`` and ``g`` as float arrays.

    Array-likes are converted, as NumPy functions convert them (a reader stepping by hand may
    write ``update([3.0, 4.0], [6.0, 8.0], state)``); a complex or non-numeric ``x`` or ``g``,
    a gradient of another shape than ``x`` (even one that would broadcast), and a state that
    is not this optimizer's, or that was made for another shape, are refused.
    Non-finite numbers pass: a diverging run is :func:`gdlib.descend`'s to report.

    >>> from typing import NamedTuple
    >>> class GDState(NamedTuple):
    ...     t: int
    >>> update_arguments("GD", [3.0, 4.0], [6.0], GDState(0), GDState)
    Traceback (most recent call last):
    ...
    ValueError: g must have the shape of x, (2,), got shape (1,)
    """
    if type(state) is not state_type:
        raise ArgumentTypeError(f"state must be the {state_type.__name__} that {optimizer}.init(x) or the last "
                                f"{optimizer}.update returned, got {describe(state)}")
    x = _numeric_array("x", x, "an array of real numbers")
    g = _numeric_array("g", g, "an array of real numbers")
    if g.shape != x.shape:
        raise ValueError(f"g must have the shape of x, {x.shape}, got shape {g.shape}")
    for field, value in zip(state._fields, state):
        if isinstance(value, np.ndarray) and value.shape != x.shape:
            raise ValueError(f"state must be made for x of shape {x.shape}, got state.{field} of shape "
                             f"{value.shape}: start again from {optimizer}.init(x)")
    return x, g


def budget(steps: int, runs: int, n: int, single: bool) -> None:
    """Refuse a run of ``descend`` whose stored iterates would exceed :data:`MAX_BYTES`."""
    iterates = (steps + 1) * runs
    nbytes = iterates * (8 * n + (ITERATE_OVERHEAD if single else 0))
    if nbytes > MAX_BYTES:
        most = MAX_BYTES // ((8 * n + (ITERATE_OVERHEAD if single else 0)) * runs) - 1
        raise ValueError(f"steps x runs = {steps:,} x {runs:,} = {iterates:,} iterates of {n} numbers "
                         f"(about {nbytes / 1e6:,.0f} MB) exceeds descend's budget of {MAX_BYTES / 1e6:g} MB: "
                         f"use at most steps={most:,} for {runs:,} run{'s' if runs != 1 else ''}")


# --- SymPy arguments -----------------------------------------------------------------------

def expression(name: str, value: object) -> sp.Expr:
    """Check a SymPy expression (a number is one too); refuse strings, functions and matrices."""
    if isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a SymPy expression, not the string {value!r}: build it from "
                                "symbols, e.g. x, y = sp.symbols('x y', real=True); x**2 + y**2")
    if isinstance(value, sp.MatrixBase):
        raise ArgumentTypeError(f"{name} must be one SymPy expression, got a {value.shape[0]}x{value.shape[1]} matrix")
    if isinstance(value, (sp.Expr, numbers.Number)) and not isinstance(value, (bool, np.bool_)):
        expr = sp.sympify(value)
        if isinstance(value, complex) or expr.has(sp.I) and not expr.free_symbols and expr.is_real is False:
            raise ArgumentTypeError(f"{name} must be real, got {value!r}")
        if expr.has(sp.zoo, sp.oo, -sp.oo, sp.nan):
            raise ValueError(f"{name} must be finite, got {expr}")
        return expr
    if callable(value):
        raise ArgumentTypeError(f"{name} must be a SymPy expression, got the function {describe(value)}: "
                                "write the formula in SymPy symbols instead of a lambda")
    raise ArgumentTypeError(f"{name} must be a SymPy expression, got {describe(value)}")


def real_valued(name: str, expr: sp.Expr, syms: Sequence[sp.Symbol]) -> None:
    """Refuse an expression that is complex for real values of ``syms`` (``x**2 + sp.I*x``).

    Only an expression holding a non-real number (``I``, ``(-1)**(1/3)``) is looked at
    (NumPy gives any other one real numbers, or nan outside its domain, as for ``sqrt(x)``);
    it passes when SymPy proves its imaginary part zero (``exp(I*x) + exp(-I*x)``).

    >>> x = sp.Symbol("x", real=True)
    >>> real_valued("expr", x**2 + sp.I * x, (x,))
    Traceback (most recent call last):
    ...
    gdlib.validation.ArgumentTypeError: expr must be real for real x, got x**2 + I*x, whose imaginary part is x
    """
    if not any(node.is_number and node.is_extended_real is False for node in sp.preorder_traversal(expr)):
        return  # the common case, decided without SymPy's im()
    imag = sp.im(expr)
    if imag.is_zero is not True:
        raise ArgumentTypeError(f"{name} must be real for real {_shown(syms)}, got {describe(expr)}, "
                                f"whose imaginary part is {describe(imag)}")


def symbols(name: str, value: object) -> tuple[sp.Symbol, ...]:
    """Check a non-empty sequence of distinct SymPy symbols."""
    if isinstance(value, sp.Symbol):
        raise ArgumentTypeError(f"{name} must be a sequence of symbols such as (x, y), got the single symbol {value}: "
                                f"write ({value},)")
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, sp.MatrixBase)):
        raise ArgumentTypeError(f"{name} must be a sequence of SymPy symbols such as (x, y), got {describe(value)}")
    out = tuple(value)
    if not out:
        raise ValueError(f"{name} must hold at least one symbol, got {describe(value)}")
    for i, s in enumerate(out):
        if not isinstance(s, sp.Symbol):
            raise ArgumentTypeError(f"{name} must hold SymPy symbols, got {describe(s)} at index {i}")
    if len(set(out)) != len(out):
        raise ValueError(f"{name} must not repeat a symbol, got {describe(value)}")
    return out


def _shown(syms: Sequence[sp.Symbol]) -> str:
    return ", ".join(str(s) for s in syms)


def _clashes(expr: sp.Expr, syms: Sequence[sp.Symbol]) -> list[str]:
    """Free symbols of ``expr`` that share a name with one of ``syms`` but are other symbols."""
    by_name = {s.name: s for s in syms}
    out = []
    for s in sorted(expr.free_symbols - set(syms), key=str):
        if getattr(s, "name", None) in by_name:
            theirs = {k: v for k, v in s.assumptions0.items() if v}.get("real")
            mine = by_name[s.name].assumptions0.get("real")
            out.append(f"{s} ({'real' if theirs else 'no assumptions'}) is not the symbol {s} "
                       f"({'real' if mine else 'no assumptions'}) of symbols")
    return out


def in_symbols(expr: sp.Expr, syms: Sequence[sp.Symbol], *, strict: bool, what: str = "expr",
               of: str = "symbols") -> None:
    """Check that ``expr`` is a function of ``syms``.

    Always refused: a free symbol with the name of one of ``syms`` but other assumptions
    (``sp.symbols("x")`` against the book's real ``x``), and an expression that depends on
    none of ``syms`` but on other symbols (its derivatives would be zero). With ``strict``,
    every free symbol must be in ``syms`` (a formula to compile into NumPy).
    """
    clashes = _clashes(expr, syms)
    if clashes:
        raise ValueError(f"{what} uses symbols that only look like those in {of}: {'; '.join(clashes)}. "
                         "Make every symbol once, e.g. x, y = sp.symbols('x y', real=True), and use those")
    free = expr.free_symbols
    extra = free - set(syms)
    if extra and (strict or not (free & set(syms))):
        shown = "{" + ", ".join(sorted(map(str, extra))) + "}"
        raise ValueError(f"{what} uses symbols {shown} that are not in {of} ({_shown(syms)})")
