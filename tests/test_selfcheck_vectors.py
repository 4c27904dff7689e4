"""The vectors-and-matrices chapter's self-check answers: the solutions pass, typical slips get a hint."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from gdlib.selfcheck import check

x1, x2 = sp.symbols("x1 x2", real=True)


def test_angle_answer_is_the_angle_from_the_dot_product():
    u, v = sp.Matrix([1, 2]), sp.Matrix([3, 1])
    beta = sp.acos(u.dot(v) / (u.norm() * v.norm()))  # derived: acos(1/sqrt(2)) = pi/4
    assert sp.simplify(beta - sp.pi / 4) == 0
    assert check("ex-vectors-angle", float(sp.deg(beta))).right
    assert check("ex-vectors-angle", 45).right
    radians = check("ex-vectors-angle", float(beta))  # the slip: radians instead of degrees
    assert not radians.right and "in degrees" in radians.message


def test_eigenvalue_answer_is_the_roots_of_the_characteristic_polynomial():
    A = sp.Matrix([[5, 2], [2, 2]])
    lam = sp.Symbol("lambda")
    roots = sp.solve((A - lam * sp.eye(2)).det(), lam)
    assert check("ex-vectors-eigenvalues", roots).right
    assert check("ex-vectors-eigenvalues", np.linalg.eigh(np.array(A, dtype=float))[0]).right
    assert check("ex-vectors-eigenvalues", [6, 1]).right  # any order
    half = check("ex-vectors-eigenvalues", [7, 0])  # trace and zero: not the roots
    assert not half.right


def test_form_answer_is_x_A_x_multiplied_out():
    A = sp.Matrix([[3, -2], [-2, 1]])
    X = sp.Matrix([x1, x2])
    assert check("ex-vectors-form", sp.expand((X.T * A * X)[0])).right
    assert check("ex-vectors-form", 3 * sp.Symbol("x1") ** 2 - 4 * sp.Symbol("x1") * sp.Symbol("x2")
                 + sp.Symbol("x2") ** 2).right  # plain symbols too
    old = sp.symbols("x y", real=True)  # the quick tour's names for the entries: not this exercise's
    assert not check("ex-vectors-form", 3 * old[0] ** 2 - 4 * old[0] * old[1] + old[1] ** 2).right


@pytest.mark.parametrize("answer, hint", [
    (3 * x1**2 - 2 * x1 * x2 + x2**2, "not it yet"),  # forgot the 2 in 2b x1 x2
    (-(3 * x1**2 - 4 * x1 * x2 + x2**2), "wrong sign"),
    (3 * x1**2 + x2**2, "not it yet"),
])
def test_form_slips(answer, hint):
    verdict = check("ex-vectors-form", answer)
    assert not verdict.right and hint in verdict.message


def test_step_factors_are_the_eigenvalues_of_I_minus_eta_H():
    H = sp.Matrix([[2, 1], [1, 2]])
    step = sp.eye(2) - sp.Rational(1, 2) * H
    assert check("ex-vectors-step-factors", sorted(step.eigenvals(multiple=True))).right
    assert check("ex-vectors-step-factors", np.linalg.eigh(np.eye(2) - 0.5 * np.array([[2.0, 1.0], [1.0, 2.0]]))[0]).right
    assert not check("ex-vectors-step-factors", [1.5, 0.5]).right  # those of eta H, not of I - eta H
    one_right = check("ex-vectors-step-factors", [-0.5, 0.3])  # eta = 0.7's 0.3 in place of 0.5
    assert not one_right.right and "1 of the 2 numbers right" in one_right.message
