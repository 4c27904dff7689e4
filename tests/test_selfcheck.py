"""The exercises' self-check: right answers pass, and typical slips get the right hint."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from gdlib.selfcheck import ANSWERS, Answer, check

x = sp.Symbol("x", real=True)


@pytest.mark.parametrize("label, answer", [
    ("ex-tour-second-step", [1.31, 2.12]),
    ("ex-tour-second-step", np.array([1.31, 2.12])),
    ("ex-tour-second-step", (1.3100000001, 2.12)),
    ("ex-tour-largest-eta", 0.1),
    ("ex-tour-largest-eta", sp.Rational(1, 10)),
    ("ex-tour-derivative-cube", 3 * x**2),
    ("ex-tour-derivative-cube", 3 * sp.Symbol("x") ** 2),  # plain symbols count too
    ("ex-tour-derivative-cube", sp.diff(x**3, x)),
])
def test_right_answers_are_right(label, answer):
    verdict = check(label, answer)
    assert verdict.right and bool(verdict) and repr(verdict).startswith("✔ right")


@pytest.mark.parametrize("label, answer, hint", [
    ("ex-tour-second-step", [-1.31, -2.12], "right size but the wrong sign"),
    ("ex-tour-second-step", [2.12, 1.31], "right numbers in the wrong order"),
    ("ex-tour-second-step", [1.31, 2.5], "right in entry 0, not in 1"),
    ("ex-tour-second-step", [2.62, 4.24], "2 times the answer: is a factor 2"),
    ("ex-tour-second-step", [1.3, 2.1], "within 1 % of the answer"),
    ("ex-tour-second-step", [1.31], "the answer is 2 numbers, and [1.31] is 1 numbers"),
    ("ex-tour-second-step", [5.0, 7.0], "not it yet"),
    ("ex-tour-second-step", [np.nan, 1.0], "not finite"),
    ("ex-tour-largest-eta", 0.2, "2 times the answer"),
    ("ex-tour-largest-eta", 1.0, "decimal point"),
    ("ex-tour-largest-eta", -0.1, "wrong sign"),
    ("ex-tour-largest-eta", 2 / 3, "times the answer"),
    ("ex-tour-derivative-cube", -3 * x**2, "right size but the wrong sign"),
    ("ex-tour-derivative-cube", 6 * x**2, "2 times the answer"),
    ("ex-tour-derivative-cube", 3 * x**2 + 5, "off by the constant 5"),
    ("ex-tour-derivative-cube", sp.Integer(3), "does not depend on x"),
    ("ex-tour-derivative-cube", 3 * x, "not it yet"),
])
def test_wrong_answers_get_a_hint(label, answer, hint):
    verdict = check(label, answer)
    assert not verdict.right and repr(verdict).startswith("✘ not yet")
    assert hint in verdict.message


@pytest.mark.parametrize("label, answer, error, message", [
    ("ex-nope", 1.0, ValueError, "label must be one of the exercise labels"),
    (3, 1.0, TypeError, "label must be an exercise label such as 'ex-tour-second-step', got 3"),
    ("ex-tour-largest-eta", "0.1", TypeError, "answer must be a number or a sequence of numbers, got '0.1'"),
    ("ex-tour-largest-eta", 0.1 + 1j, ValueError, "answer must be real, got (0.1+1j)"),
    ("ex-tour-largest-eta", x / 10, TypeError, "answer must be a number here, got the formula x/10"),
    ("ex-tour-derivative-cube", "3*x**2", TypeError, "not the string '3*x**2'"),
    ("ex-tour-derivative-cube", [1, 2], TypeError, "answer must be a SymPy expression or a number, got [1, 2]"),
])
def test_bad_input_is_named(label, answer, error, message):
    with pytest.raises(error) as err:
        check(label, answer)
    assert message in str(err.value)


def test_every_stored_answer_passes_its_own_check():
    for label, stored in ANSWERS.items():
        assert isinstance(stored, Answer)
        assert check(label, stored.value).right, label


def test_tolerance_is_the_answers_own():
    # The second step is a hand computation to 2 decimals; the largest eta is exact to 1e-3.
    assert check("ex-tour-second-step", [1.314, 2.116]).right
    assert not check("ex-tour-largest-eta", 0.102).right


def test_stationary_chapter_answers_match_an_independent_computation():
    from gdlib.calculus import classify
    from gdlib.functions import Function
    from gdlib.stationary import stationary_points

    y = sp.Symbol("y", real=True)
    # ex-stationary-cubic: the roots of f'(x) = 3x^2 - 3, in increasing order.
    roots = sorted(sp.solve(sp.diff(x**3 - 3 * x, x), x))
    assert check("ex-stationary-cubic", roots).right
    # ex-stationary-eigenvalues: NumPy's eigenvalues of [[2, 3], [3, 2]], a saddle.
    assert check("ex-stationary-eigenvalues", np.linalg.eigvalsh([[2.0, 3.0], [3.0, 2.0]])).right
    assert classify(np.array([[2.0, 3.0], [3.0, 2.0]])) == "saddle"
    # ex-stationary-quartic: Newton's roots of x^4 + y^4 - 4xy; f at each minimum.
    quartic = Function("quartic", x**4 + y**4 - 4 * x * y, (x, y))
    grid = np.linspace(-2, 2, 9)
    found = stationary_points(quartic, np.array([(a, b) for a in grid for b in grid]),
                              within=((-2, 2), (-2, 2)))
    assert [(p.x, p.kind) for p in found] == [((-1.0, -1.0), "minimum"), ((0.0, 0.0), "saddle"),
                                              ((1.0, 1.0), "minimum")]
    for p in found:
        if p.kind == "minimum":
            assert check("ex-stationary-quartic", float(quartic.value(np.array(p.x)))).right
