"""SymPy's exact solvers within a time limit: solved, handed back, given up, timed out."""

import signal

import pytest
import sympy as sp

from gdlib.exact import Attempt, solve_with_limit
from gdlib.functions import transcendental

x, y = sp.symbols("x y", real=True)
STATIONARY = [sp.diff(transcendental.expr, s) for s in transcendental.symbols]


def test_a_linear_system_is_solved_by_both_solvers():
    eqs = [2 * x + y, x + 2 * y - 3]  # x = -1, y = 2 by elimination
    assert solve_with_limit("solve", eqs, (x, y)).result == {x: -1, y: 2}
    assert solve_with_limit("nonlinsolve", eqs, (x, y)).result == sp.FiniteSet((-1, 2))


def test_the_transcendental_system_defeats_both_solvers():
    given_up = solve_with_limit("solve", STATIONARY, transcendental.symbols)
    assert given_up.status == "gave up" and given_up.result is None
    assert given_up.message.startswith("NotImplementedError: could not solve")
    handed_back = solve_with_limit("nonlinsolve", STATIONARY, transcendental.symbols)
    assert handed_back.status == "condition set"
    assert isinstance(handed_back.result, sp.ConditionSet)


def test_a_slow_solver_is_stopped_and_the_timer_is_cleared():
    before = signal.getsignal(signal.SIGPROF)
    attempt = solve_with_limit("solve", STATIONARY, transcendental.symbols, seconds=0.01)
    assert attempt == Attempt("solve", "timed out", None, "no answer within 0.01 s of computing")
    assert str(attempt) == "sympy.solve: timed out: no answer within 0.01 s of computing"
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) is before


@pytest.mark.parametrize("call, error, message", [
    (lambda: solve_with_limit("nsolve", [x], (x,)), ValueError,
     r"solver must be one of \['nonlinsolve', 'solve'\], got 'nsolve'"),
    (lambda: solve_with_limit("solve", x - 1, (x,)), TypeError, r"equations must be a non-empty list"),
    (lambda: solve_with_limit("solve", [], (x,)), TypeError, r"equations must be a non-empty list"),
    (lambda: solve_with_limit("solve", [sp.Eq(x, 1)], (x,)), TypeError,
     r"each equation must be a SymPy expression \(meaning expr = 0\), got Eq\(x, 1\)"),
    (lambda: solve_with_limit("solve", ["x - 1"], (x,)), TypeError, r"each equation must be a SymPy expression"),
    (lambda: solve_with_limit("solve", [x - y], (x,)), ValueError,
     r"the equations use \['y'\], which are not among symbols \[x\]"),
    (lambda: solve_with_limit("solve", [x], "x"), TypeError, r"symbols must be a non-empty sequence of SymPy symbols"),
    (lambda: solve_with_limit("solve", [x], (x,), seconds=0), ValueError, r"seconds must be a number in \(0, 600\], got 0"),
    (lambda: solve_with_limit("solve", [x], (x,), seconds=float("inf")), ValueError, r"got inf"),
    (lambda: solve_with_limit("solve", [x], (x,), seconds=True), ValueError, r"got True"),
    (lambda: solve_with_limit("solve", [x], (x,), seconds=1000), ValueError, r"got 1000"),
])
def test_bad_input_is_refused_by_name(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_an_attempt_says_which_solver_and_what_it_said():
    from gdlib.exact import MAX_SECONDS, Attempt
    a = sp.Symbol("a", real=True)
    attempt = solve_with_limit("solve", [a - 1], (a,), seconds=MAX_SECONDS)  # the limit itself is allowed
    assert (attempt.solver, attempt.status, attempt.result) == ("solve", "solved", {a: 1})
    assert str(attempt) == "sympy.solve: solved: {a: 1}"
    assert str(Attempt("nonlinsolve", "gave up", message="NotImplementedError: no")) == \
        "sympy.nonlinsolve: gave up: NotImplementedError: no"
    assert str(Attempt("solve", "timed out", result=None, message="no answer")) == "sympy.solve: timed out: no answer"
    assert str(Attempt("solve", "condition set", result=3)) == "sympy.solve: condition set: 3"


def test_outside_the_main_thread_the_solver_runs_without_a_limit():
    import threading
    a = sp.Symbol("a", real=True)
    out = []
    thread = threading.Thread(target=lambda: out.append(solve_with_limit("solve", [a - 2], (a,))))
    thread.start()
    thread.join()
    assert out and out[0].status == "solved" and out[0].result == {a: 2}


def test_look_alike_symbols_are_named():
    a_real, a_plain = sp.Symbol("a", real=True), sp.Symbol("a")
    with pytest.raises(ValueError, match=r"^the equations use symbols that only look like those in symbols: "
                                         r"a \(no assumptions\) is not the symbol a \(real\) of symbols\. Make every symbol once"):
        solve_with_limit("solve", [a_plain - 1], (a_real,))
