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
    assert verdict.right is True and bool(verdict) and repr(verdict).startswith("✔ right")
    assert isinstance(verdict.message, str) and verdict.message


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
    ("ex-tour-largest-eta", 0.0, "0.0 is not it yet"),  # a placeholder 0: no ratio that gives the answer away
    ("ex-tour-derivative-cube", -3 * x**2, "right size but the wrong sign"),
    ("ex-tour-derivative-cube", 6 * x**2, "2 times the answer"),
    ("ex-tour-derivative-cube", 3 * x**2 + 5, "off by the constant 5"),
    ("ex-tour-derivative-cube", sp.Integer(3), "does not depend on x"),
    ("ex-tour-derivative-cube", 3 * x, "not it yet"),
])
def test_wrong_answers_get_a_hint(label, answer, hint):
    verdict = check(label, answer)
    assert verdict.right is False and repr(verdict).startswith("✘ not yet")
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


def test_the_derivatives_chapters_answers():
    # independent of the stored values: derived here by SymPy or by hand
    assert check("ex-deriv-reciprocal", sp.diff(1 / x, x))
    assert check("ex-deriv-product", sp.diff((3 * x + 1) * (x**2 - 2), x))
    assert check("ex-deriv-check", sp.diff(x * sp.exp(x), x))
    assert "wrong sign" in check("ex-deriv-reciprocal", 1 / x**2).message
    assert not check("ex-deriv-check", sp.exp(x))
    # the claim of the exercise (u'v alone) and the other half (uv' alone) get the product rule's hint
    for half in (sp.exp(x), x * sp.exp(x)):
        assert check("ex-deriv-check", half).message.endswith("the product rule has two terms, u'v + uv', "
                                                              "with u = x and v = e^x")
    # a formula without a hint keeps the general advice
    assert check("ex-deriv-product", 9 * x**2 + 3 * x - 6).message.endswith("check each step against the rules in "
                                                                        "the chapter")
    assert check("ex-deriv-float32", np.sqrt(2 * np.finfo(np.float32).eps))  # the formula's 4.9e-4
    assert check("ex-deriv-float32", 10**-3.5)  # the measured grid value
    assert not check("ex-deriv-float32", 1e-8)  # the 64-bit answer
    assert check("ex-deriv-float32", 5e-4)  # the solution's rounded value
    assert check("ex-deriv-float32", 7e-4) and not check("ex-deriv-float32", 8e-4)


def test_an_unordered_answer_is_right_in_any_order():
    # The roots of x^3 - 3x and the eigenvalues of [[2, 3], [3, 2]] are sets of numbers.
    assert ANSWERS["ex-stationary-cubic"].unordered and ANSWERS["ex-stationary-eigenvalues"].unordered
    assert check("ex-stationary-cubic", [1, -1]).right
    assert check("ex-stationary-eigenvalues", (5, -1)).right
    assert check("ex-stationary-eigenvalues", np.array([5.0, -1.0])).right
    # ... and the hints still see through the order:
    assert "wrong sign" in check("ex-stationary-eigenvalues", [-5, 1]).message
    assert "wrong sign" in check("ex-stationary-eigenvalues", [1, -5]).message
    assert "1 of the 2 numbers right" in check("ex-stationary-eigenvalues", [5, 2]).message
    assert "2 times the answer" in check("ex-stationary-eigenvalues", [10, -2]).message
    assert "2 numbers, and [5] is 1 numbers" in check("ex-stationary-eigenvalues", [5]).message
    assert not check("ex-stationary-cubic", [1, 1]).right


def test_an_ordered_answer_still_minds_the_order():
    assert not Answer([1.31, 2.12]).unordered
    assert "wrong order" in check("ex-tour-second-step", [2.12, 1.31]).message


def test_a_stored_hint_replaces_the_guessed_slip():
    # 1e-4 is 0.2 times the answer, but an estimate has no "missing constant factor"
    message = check("ex-deriv-float32", 1e-4).message
    assert message.startswith("0.0001 is not it yet: use the best forward step sqrt(b / a)")
    assert "constant factor" not in message
    # the sign is still named first, and answers without a hint keep the guessed slip
    assert "wrong sign" in check("ex-deriv-float32", -5e-4).message
    assert "constant factor" in check("ex-tour-largest-eta", 0.3).message


@pytest.mark.parametrize("label, answer, message", [
    ("ex-taylor-slopes-at-pi", [1, 3, 3, 9, 9], "[1, 3, 3, 9, 9] is right in entries 0, 1, 2, not in 3, 4 (counting from 0)"),
    ("ex-tour-second-step", [1.31, 2.5], "[1.31, 2.5] is right in entry 0, not in 1 (counting from 0)"),
    ("ex-stationary-cubic", [2, -1], "[2, -1] has 1 of the 2 numbers right"),
    ("ex-tour-derivative-cube", 3 * x**2 + 5, "3*x**2 + 5 is off by the constant 5: a constant's derivative is 0"),
    ("ex-tour-derivative-cube", sp.Integer(3), "3 does not depend on x, but the answer does"),
    ("ex-tour-largest-eta", 1.0, "is the decimal point in the right place?"),
    ("ex-tour-largest-eta", 0.3, "is a constant factor missing or extra?"),
])
def test_hints_in_full(label, answer, message):
    verdict = check(label, answer)
    assert verdict.right is False and message in verdict.message, verdict.message


@pytest.mark.parametrize("label, answer", [
    ("ex-tour-second-step", sp.Matrix([1.31, 2.12])),      # a SymPy column
    ("ex-tour-second-step", np.array([[1.31, 2.12]])),     # a row of a 2-D array
    ("ex-stationary-cubic", [1, -1]),                      # a set: any order
])
def test_other_shapes_of_a_right_answer(label, answer):
    assert check(label, answer).right is True
