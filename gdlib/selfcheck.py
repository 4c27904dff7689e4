r"""Check your answer to an exercise without opening its solution.

Every exercise whose answer is a number, a vector or a formula has a label, and its
answer is stored in :data:`ANSWERS`. Call :func:`check` with the label and your answer;
it says whether you are right and, when you are not, what kind of slip it looks like:

>>> check("ex-tour-largest-eta", 0.1)
✔ right: 0.1
>>> check("ex-tour-largest-eta", 0.2)
✘ not yet: 0.2 is 2 times the answer: is a factor 2 counted twice, or halved where it should not be?
>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> check("ex-tour-derivative-cube", -3 * x**2)
✘ not yet: -3*x**2 has the right size but the wrong sign

The answers are in this module's source, so a reader who looks can find them: the
checker is for honest self-testing, not for grading.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Number
from typing import Any

import numpy as np
import sympy as sp

from . import validation

__all__ = ["check", "Answer", "Verdict", "ANSWERS"]

_x, _y = sp.symbols("x y", real=True)
_dx = sp.Symbol("Δx", real=True)  # the Taylor chapter's step
_x1, _x2 = sp.symbols("x1 x2", real=True)  # the entries of a point x = (x1, x2) (vectors and matrices)


@dataclass(frozen=True)
class Answer:
    """An exercise's answer: a number, a sequence of numbers or a SymPy expression.

    ``rtol`` and ``atol`` say how close a numeric answer must be (hand computations
    are often rounded, so some answers allow more). ``unordered=True`` marks an answer
    that is a set of numbers (the roots of an equation, a matrix's eigenvalues): a
    list of them is right in any order. ``hint``, for a numeric answer, replaces the
    guessed kind of slip (such as "a constant factor missing") where that guess would
    mislead, for instance when the answer is an estimate; for a formula, it replaces the
    general advice given when no particular slip is recognised.
    """

    value: Any
    rtol: float = 1e-6
    atol: float = 1e-9
    unordered: bool = False
    hint: str | None = None

    def __post_init__(self) -> None:
        if (self.value is None or isinstance(self.value, (str, bytes, dict))
                or callable(self.value) and not isinstance(self.value, sp.Basic)):
            raise validation.ArgumentTypeError(f"value must be a number, a sequence of numbers or a SymPy "
                                               f"expression, got {validation.describe(self.value)}")
        validation.real("rtol", self.rtol, low=0.0, low_open=False)
        validation.real("atol", self.atol, low=0.0, low_open=False)
        if not isinstance(self.unordered, bool):
            raise validation.ArgumentTypeError(f"unordered must be True or False, got {self.unordered!r}")
        validation.text("hint", self.hint, optional=True)


ANSWERS: dict[str, Answer] = {
    # The quick tour, gradient_descent_2d.ipynb
    "ex-tour-second-step": Answer([1.31, 2.12], atol=5e-3),
    "ex-tour-largest-eta": Answer(sp.Rational(1, 10), atol=1e-3),
    "ex-tour-derivative-cube": Answer(3 * _x**2),
    # The chain rule, chain_rule.ipynb
    "ex-chain-by-hand": Answer(15 * (3 * _x + 1) ** 4),
    "ex-chain-sigmoid-slope": Answer(sp.Rational(3, 16), atol=5e-4),
    "ex-chain-neuron-gradient": Answer([-0.2125, -0.025], atol=5e-4),
    "ex-chain-quotient": Answer((_x**2 + 2 * _x) / (_x + 1) ** 2),
    # A sigmoid neuron, sigmoid_neuron.ipynb
    "ex-neuron-upper-shelf": Answer(0.325, atol=5e-4),
    "ex-neuron-exact-fit": Answer([float(np.log(3)), 0.0], atol=5e-3),
    "ex-neuron-escape-eta": Answer(90, atol=0.5),
    # Stationary points and the Hessian, stationary_points.ipynb
    "ex-stationary-cubic": Answer([-1, 1], unordered=True),
    "ex-stationary-eigenvalues": Answer([-1, 5], unordered=True),
    "ex-stationary-quartic": Answer(-2),
    # Linear regression by gradient descent, linear_regression.ipynb
    "ex-linreg-one-sample": Answer([1.0, 0.5]),
    "ex-linreg-alpha-limit": Answer(0.4987, atol=2e-3),  # 4 / lambda_max = 4 / 8.0211
    "ex-linreg-centred": Answer(47.785, atol=0.05),  # 1 / var(x) for heights_weights(20, seed=0)
    # Taylor expansion, taylor_expansion.ipynb
    "ex-taylor-cube": Answer(1 + 3 * _dx + 3 * _dx**2),
    "ex-taylor-slopes-at-pi": Answer([1, 3, 3, 5, 5], atol=0.15),  # measured slopes
    "ex-taylor-best-step": Answer(sp.Rational(41, 122), atol=1e-3),
    # Derivatives, derivatives.ipynb
    "ex-deriv-reciprocal": Answer(-1 / _x**2),
    "ex-deriv-product": Answer(9 * _x**2 + 2 * _x - 6),
    "ex-deriv-check": Answer((_x + 1) * sp.exp(_x),
                             hint="the product rule has two terms, u'v + uv', with u = x and v = e^x"),
    "ex-deriv-float32": Answer(5e-4, rtol=0.4,  # sqrt(2 eps) ~ 4.9e-4; the measured 3.2e-4 counts too
                               hint="use the best forward step sqrt(b / a), with b = eps e and a = e / 2, "
                                    "and eps = 1.2e-7 for float32"),
    # Vectors and matrices, vectors_matrices.ipynb
    "ex-vectors-angle": Answer(45, atol=0.05, hint="give the angle β in degrees, from cos β = uᵀv / (‖u‖ ‖v‖)"),
    "ex-vectors-eigenvalues": Answer([1, 6], unordered=True),
    "ex-vectors-form": Answer(3 * _x1**2 - 4 * _x1 * _x2 + _x2**2),
    "ex-vectors-step-factors": Answer([-0.5, 0.5], unordered=True),
    # Partial derivatives and the gradient, partial_derivatives.ipynb
    "ex-partial-by-hand": Answer(2 * _x * _y**3 + 5),
    "ex-partial-directional": Answer(6.2, atol=5e-3),
    "ex-partial-tangent": Answer(sp.Rational(-4, 5), atol=5e-3),
    "ex-partial-gradcheck": Answer(2 * float(np.cos(2.0)), atol=5e-3),
    # The optimization problem, optimization_problem.ipynb
    "ex-problem-maximise": Answer(3),
    "ex-problem-cubic": Answer(1),
    "ex-problem-delta": Answer(1.56196, atol=6e-3),
    "ex-problem-eta": Answer(2 / 1300.592, rtol=3e-2),
    # Where gradient descent gets stuck, getting_stuck.ipynb
    "ex-stuck-escape": Answer(35),
    "ex-stuck-restarts": Answer(9),
    "ex-stuck-eta-c": Answer(sp.Rational(16, 315), atol=5e-4),
    # Why the negative gradient, negative_gradient.ipynb
    "ex-negative-predicted-change": Answer(-0.04, atol=1e-4),
    "ex-negative-remainder-across": Answer(2, atol=0.1),  # a measured slope
    "ex-negative-escape-steps": Answer(float(np.log(100) / np.log(1.1)), atol=1.5,
                                       hint="count the steps k with 1.1**k = 100"),

    # The learning rate, learning_rate.ipynb
    "ex-lr-regimes": Answer([sp.Rational(1, 6), sp.Rational(1, 3)], atol=1e-3),
    "ex-lr-best-eta": Answer([sp.Rational(1, 10), sp.Rational(4, 5)], atol=1e-3),
    "ex-lr-armijo": Answer(sp.Rational(1, 4), atol=1e-3),
    # adaptive rates: AdaGrad's 9th step eta/sqrt(9) and RMSProp's late step eta; 1 - 0.9^10; a measured count
    "ex-ada-shrink": Answer([sp.Rational(1, 10), sp.Rational(3, 10)], atol=1e-3),
    "ex-ada-memory": Answer(1 - sp.Rational(9, 10) ** 10, atol=2e-3),
    "ex-ada-turn": Answer(116, atol=0.5, hint="run the chapter's cells first, then the call in the exercise; "
                          "the steps are the second number it returns"),

    # Adam, adam.ipynb
    "ex-adam-bias": Answer([sp.Rational(1, 5), sp.Rational(19, 50), 2], atol=1e-3,
                           hint="m_t = beta1 m_(t-1) + (1 - beta1) g from m_0 = 0, and m_hat_2 = m_2 / (1 - beta1**2)"),
    "ex-adam-first-step": Answer([sp.Rational(299, 100), sp.Rational(9, 1000)], atol=1e-4,
                                 hint="each coordinate moves by eta = 0.01 against the sign of its own gradient"),
    "ex-adam-beta2": Answer(2977, atol=0.5, hint="s = sweep('Rosenbrock', Adam, beta2=0.99); s.steps[s.best]"),
    # Stochastic and mini-batch gradient descent, stochastic_gradient.ipynb
    "ex-sgd-by-hand": Answer(sp.Rational(5, 3), atol=5e-3),
    "ex-sgd-noise-ball": Answer(0.6155, atol=5e-3),  # eta s^2 / (lambda (2 - eta lambda)), M = 4, eta = 0.05
    "ex-sgd-robbins-monro": Answer(sp.pi**2 / 600, atol=5e-5),
    # Backpropagation, backpropagation.ipynb
    "ex-bp-by-hand": Answer([sp.Rational(1, 2), 1], atol=1e-3,
                            hint="forward: z1 = 0, a1 = 1/2, z2 = 1; back: z2-bar = 1, then w2-bar = a1 z2-bar, "
                                 "z1-bar = z2-bar w2 sigma'(0), w1-bar = x z1-bar"),
    "ex-bp-quarter": Answer(10, atol=0.5, hint="the smallest whole k with 4**k > 10**6"),
    "ex-bp-he": Answer(1.285, atol=0.01, hint="norms = nw.deep_gradient_norms(20, scale=np.sqrt(2), "
                       "activation='relu'); norms[0] / norms[-1]"),
    # Momentum and Nesterov, momentum.ipynb
    "ex-mom-series": Answer([5, sp.Rational(5, 9)], atol=1e-3),  # 1/(1 - mu), 1/(1 + mu) at mu = 0.8
    "ex-mom-best": Answer([sp.Rational(1, 4), sp.Rational(1, 4), sp.Rational(1, 2)], atol=1e-3),
    "ex-mom-nesterov": Answer([sp.sqrt(sp.Rational(1, 2)), sp.Rational(1, 2)], atol=1e-3),
    # Automatic differentiation, automatic_differentiation.ipynb
    "ex-ad-by-hand": Answer([8, 2, 4], atol=1e-3, hint="y is used twice: y_bar = v1_bar * x + v2_bar"),
    "ex-ad-steps": Answer(61, atol=0.5, hint="the first whole t with 0.5 sqrt(2) 0.8**t < 1e-6"),
    "ex-ad-cost": Answer([39700, 50], atol=0.5, hint="forward: n (4n - 3); reverse: 2 (4n - 3)"),
    # Handwritten digits, handwritten_digits.ipynb: 64*32 + 32 + 32*10 + 10 and ceil(1438/32); softmax
    # cross-entropy at z = (0, 0, ln 2), class 1; a measured test accuracy (345 of 359)
    "ex-dig-count": Answer([2410, 45], atol=0.5),
    "ex-dig-softmax": Answer([sp.log(4), sp.Rational(-3, 4), sp.Rational(1, 4), sp.Rational(1, 2)], atol=2e-3),
    "ex-dig-hidden": Answer(sp.Rational(345, 359), atol=2e-3,
                            hint="run the chapter's cells first, then the call in the exercise: "
                                 "small.test_accuracy[-1], a fraction between 0 and 1"),
}


@dataclass(frozen=True)
class Verdict:
    """What :func:`check` found: ``right`` and a one-line ``message``."""

    right: bool
    message: str

    def __bool__(self) -> bool:
        return self.right

    def __repr__(self) -> str:
        return f"{'✔ right' if self.right else '✘ not yet'}: {self.message}"


def check(label: str, answer: Any) -> Verdict:
    """Compare ``answer`` with the stored answer of exercise ``label``.

    ``answer`` may be a number, a list, tuple or NumPy array of numbers, or a SymPy
    expression (use the book's real symbols, ``sp.symbols("x y", real=True)``, or
    plain ones: both are accepted).
    """
    if not isinstance(label, str):
        raise TypeError(f"label must be an exercise label such as 'ex-tour-second-step', got {label!r}")
    if label not in ANSWERS:
        raise ValueError(f"label must be one of the exercise labels {sorted(ANSWERS)}, got {label!r}")
    expected = ANSWERS[label]
    if isinstance(expected.value, sp.Expr) and expected.value.free_symbols:
        return _check_formula(_sympify(answer), expected.value, expected.hint)
    numbers = _numbers(answer, expected.value)
    stored = np.asarray(expected.value, dtype=float)
    if expected.unordered and stored.ndim == 1 and numbers.shape == stored.shape:
        # A set of numbers: compare both sorted, so that the order does not matter.
        return _check_numbers(np.sort(numbers), np.sort(stored), expected.rtol, expected.atol, answer,
                              unordered=True, hint=expected.hint)
    return _check_numbers(numbers, stored, expected.rtol, expected.atol, answer, hint=expected.hint)


def _sympify(answer: Any) -> sp.Expr:
    if isinstance(answer, str):
        raise TypeError(f"answer must be a SymPy expression, not the string {answer!r}: "
                        "build it from symbols, e.g. x = sp.Symbol('x', real=True); 3 * x**2")
    try:
        expr = sp.sympify(answer)
    except (sp.SympifyError, TypeError):
        raise TypeError(f"answer must be a SymPy expression or a number, got {answer!r}") from None
    if not isinstance(expr, sp.Expr):
        raise TypeError(f"answer must be a SymPy expression or a number, got {answer!r}")
    # Plain symbols and the book's real ones name the same variable here.
    return expr.subs({s: sp.Symbol(s.name, real=True) for s in expr.free_symbols})


def _check_formula(answer: sp.Expr, expected: sp.Expr, hint: str | None = None) -> Verdict:
    shown = sp.sstr(answer)
    if sp.simplify(answer - expected) == 0:
        return Verdict(True, shown)
    if sp.simplify(answer + expected) == 0:
        return Verdict(False, f"{shown} has the right size but the wrong sign")
    ratio = sp.simplify(answer / expected)
    if ratio.is_number:
        return Verdict(False, f"{shown} is {ratio} times the answer: {_factor_hint(float(ratio))}")
    difference = sp.simplify(answer - expected)
    if not (difference.free_symbols & expected.free_symbols):
        return Verdict(False, f"{shown} is off by the constant {difference}: "
                              "a constant's derivative is 0")
    missing = expected.free_symbols - answer.free_symbols
    if missing:
        return Verdict(False, f"{shown} does not depend on {', '.join(sorted(s.name for s in missing))}, "
                              "but the answer does")
    if hint is not None:
        return Verdict(False, f"{shown} is not it yet: {hint}")
    return Verdict(False, f"{shown} is not it yet; check each step against the rules in the chapter")


def _numbers(answer: Any, expected: Any) -> np.ndarray:
    if answer is None:
        raise TypeError("answer must be a number or a sequence of numbers, got None")
    if isinstance(answer, (str, bytes)) or (isinstance(answer, (list, tuple)) and any(isinstance(a, str) for a in answer)):
        raise TypeError(f"answer must be a number or a sequence of numbers, got {answer!r}")
    if isinstance(answer, sp.Basic):
        if answer.free_symbols:
            raise TypeError(f"answer must be a number here, got the formula {answer} "
                            f"(it still contains {', '.join(sorted(s.name for s in answer.free_symbols))})")
        answer = sp.N(answer) if not isinstance(answer, sp.MatrixBase) else np.array(answer.evalf(), dtype=complex)
    try:
        values = np.asarray(answer, dtype=complex)
    except (TypeError, ValueError):
        raise TypeError(f"answer must be a number or a sequence of numbers, got {answer!r}") from None
    if np.any(values.imag != 0):
        raise ValueError(f"answer must be real, got {answer!r}")
    values = values.real.reshape(-1) if values.ndim > 1 and values.size == np.size(expected) else values.real
    return values


def _check_numbers(answer: np.ndarray, expected: np.ndarray, rtol: float, atol: float, raw: Any,
                   unordered: bool = False, hint: str | None = None) -> Verdict:
    shown = _show(raw)
    if answer.shape != expected.shape:
        want = "one number" if expected.ndim == 0 else f"{expected.size} numbers"
        got = "one number" if answer.ndim == 0 else f"{answer.size} numbers"
        return Verdict(False, f"the answer is {want}, and {shown} is {got}")
    if not np.all(np.isfinite(answer)):
        return Verdict(False, f"{shown} is not finite")

    def close(a: np.ndarray) -> bool:
        return bool(np.allclose(np.sort(a) if unordered else a, expected, rtol=rtol, atol=atol))

    if close(answer):
        return Verdict(True, shown)
    if close(-answer):
        return Verdict(False, f"{shown} has the right size but the wrong sign")
    if not unordered and expected.ndim == 1 and expected.size > 1 and close(answer[::-1]):
        return Verdict(False, f"{shown} has the right numbers in the wrong order")
    if expected.ndim == 1 and expected.size > 1:
        wrong = [i for i in range(expected.size)
                 if not np.isclose(answer[i], expected[i], rtol=rtol, atol=atol)]
        if len(wrong) < expected.size and unordered:
            return Verdict(False, f"{shown} has {expected.size - len(wrong)} of the {expected.size} numbers right")
        if len(wrong) < expected.size:
            return Verdict(False, f"{shown} is right in entr{'y' if len(wrong) == 1 else 'ies'} "
                                  f"{', '.join(str(i) for i in range(expected.size) if i not in wrong)}, "
                                  f"not in {', '.join(str(i) for i in wrong)} (counting from 0)")
    if hint is not None:
        return Verdict(False, f"{shown} is not it yet: {hint}")
    nonzero = expected != 0
    if np.any(nonzero) and np.any(answer != 0):  # a ratio of 0 (a placeholder 0) says nothing
        ratios = answer[nonzero] / expected[nonzero] if expected.ndim else answer / expected
        ratio = float(np.ravel(ratios)[0])
        if np.allclose(ratios, ratio, rtol=1e-6) and np.all(answer[~nonzero] == 0):
            return Verdict(False, f"{shown} is {ratio:g} times the answer: {_factor_hint(ratio)}")
        if np.allclose(answer, expected, rtol=1e-2, atol=atol):
            return Verdict(False, f"{shown} is within 1 % of the answer: round less, or not at all")
    return Verdict(False, f"{shown} is not it yet")


def _factor_hint(ratio: float) -> str:
    if np.isclose(abs(ratio), 2) or np.isclose(abs(ratio), 0.5):
        return "is a factor 2 counted twice, or halved where it should not be?"
    if np.isclose(abs(ratio), 10) or np.isclose(abs(ratio), 0.1):
        return "is the decimal point in the right place?"
    return "is a constant factor missing or extra?"


def _show(answer: Any) -> str:
    if isinstance(answer, np.ndarray):
        return np.array2string(answer, separator=", ")
    if isinstance(answer, (Number, sp.Basic, list, tuple)):
        return str(answer)
    return repr(answer)
