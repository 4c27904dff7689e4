r"""Ask SymPy for the exact solutions of a system of equations, within a time limit.

The calculus recipe for a minimum solves :math:`\nabla f(x) = 0` exactly. For most
functions no finite formula solves it, and SymPy's solvers then give up in one of
three ways: ``solve`` raises ``NotImplementedError``, ``nonlinsolve`` hands the
question back as a ``ConditionSet`` (the set of points where the equations hold), or
either one computes for a very long time. :func:`solve_with_limit` turns all three into
an :class:`Attempt` that a chapter can print.

>>> import sympy as sp
>>> x, y = sp.symbols("x y", real=True)
>>> print(solve_with_limit("solve", [2 * x + y, x + 2 * y - 3], (x, y)))
sympy.solve: solved: {x: -1, y: 2}
"""

from __future__ import annotations

import signal
import threading
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import sympy as sp

from . import validation

SOLVERS = {"solve": sp.solve, "nonlinsolve": sp.nonlinsolve}
MAX_SECONDS = 600.0


class _OutOfTime(BaseException):
    """Raised by the timer; a BaseException, so that SymPy's ``except Exception`` cannot swallow it."""


@dataclass(frozen=True)
class Attempt:
    """What one solver said: ``status`` is ``"solved"``, ``"condition set"`` (the
    question handed back unsolved), ``"gave up"`` (an exception) or ``"timed out"``;
    ``result`` is what it returned (``None`` if nothing), ``message`` the exception's text."""

    solver: str
    status: str
    result: Any = None
    message: str = ""

    def __str__(self) -> str:
        said = self.message if self.status in ("gave up", "timed out") else str(self.result)
        return f"sympy.{self.solver}: {self.status}: {said}"


def solve_with_limit(solver: str, equations: Sequence[sp.Expr], symbols: Sequence[sp.Symbol],
                     seconds: float = 20.0) -> Attempt:
    r"""Run ``sympy.solve`` or ``sympy.nonlinsolve`` on ``equations`` (each meaning ``= 0``).

    ``seconds`` limits the computing (CPU) time, not the time on the clock, so that a
    busy machine does not change the outcome. The limit uses a timer signal, which
    exists on Linux and macOS and only in a program's main thread (where notebook cells
    run); elsewhere the solver runs with no limit.
    """
    if solver not in SOLVERS:
        raise ValueError(f"solver must be one of {sorted(SOLVERS)}, got {solver!r}")
    if isinstance(equations, (sp.Basic, str, bytes)) or not isinstance(equations, Sequence) or not equations:
        raise TypeError(f"equations must be a non-empty list of SymPy expressions, got {equations!r}")
    for eq in equations:
        if not isinstance(eq, sp.Expr):
            raise TypeError(f"each equation must be a SymPy expression (meaning expr = 0), got {eq!r}")
    if not isinstance(symbols, Sequence) or not symbols or not all(isinstance(s, sp.Symbol) for s in symbols):
        raise TypeError(f"symbols must be a non-empty sequence of SymPy symbols, got {symbols!r}")
    clashes = sorted(set().union(*(validation._clashes(eq, symbols) for eq in equations)))
    if clashes:
        raise ValueError(f"the equations use symbols that only look like those in symbols: {'; '.join(clashes)}. "
                         "Make every symbol once, e.g. x, y = sp.symbols('x y', real=True), and use those")
    free = set().union(*(eq.free_symbols for eq in equations))
    if not free <= set(symbols):
        raise ValueError(f"the equations use {sorted(map(str, free - set(symbols)))}, "
                         f"which are not among symbols {list(symbols)}")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not np.isfinite(seconds) \
            or not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be a number in (0, {MAX_SECONDS:g}], got {seconds!r}")

    def out_of_time(signum: int, frame: Any) -> None:
        raise _OutOfTime

    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGPROF, out_of_time) if timed else None
    try:
        if timed:
            signal.setitimer(signal.ITIMER_PROF, float(seconds))
        result = SOLVERS[solver](list(equations), list(symbols))
    except _OutOfTime:
        return Attempt(solver, "timed out", message=f"no answer within {seconds:g} s of computing")
    except (NotImplementedError, ValueError) as error:
        return Attempt(solver, "gave up", message=f"{type(error).__name__}: {error}")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
    if isinstance(result, sp.ConditionSet):
        return Attempt(solver, "condition set", result)
    return Attempt(solver, "solved", result)
