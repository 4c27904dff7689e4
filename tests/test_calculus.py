"""The SymPy helpers."""

from __future__ import annotations

import numpy as np
import sympy as sp

from gdlib.calculus import classify, gradient, hessian, taylor, taylor_nd

x, y, h, k = sp.symbols("x y h k")


def test_gradient_and_hessian_of_the_bowl():
    f = x**2 + x * y + y**2
    assert gradient(f, (x, y)) == sp.Matrix([2 * x + y, x + 2 * y])
    assert hessian(f, (x, y)) == sp.Matrix([[2, 1], [1, 2]])


def test_taylor_1d_of_exp_and_of_a_cubic():
    assert sp.expand(taylor(sp.exp(x), x, 0, 3) - (1 + x + x**2 / 2 + x**3 / 6)) == 0
    # a cubic is its own third-order Taylor polynomial, about any point
    f = x**3 - 2 * x**2 + 5
    assert sp.expand(taylor(f, x, 2, 3) - f) == 0
    assert sp.expand(taylor(f, x, 1, 1, step=h) - (4 - h)) == 0


def test_taylor_nd_second_order_is_gradient_and_hessian_form():
    f = sp.exp(x * y) + sp.sin(x)
    a = (sp.Rational(1, 2), 1)
    d = sp.Matrix([h, k])
    at = dict(zip((x, y), a))
    expected = (f.subs(at) + (gradient(f, (x, y)).subs(at).T * d)[0]
                + (d.T * hessian(f, (x, y)).subs(at) * d)[0] / 2)
    assert sp.simplify(taylor_nd(f, (x, y), a, 2, steps=(h, k)) - sp.expand(expected)) == 0


def test_classify_from_symbolic_and_numeric_hessians():
    assert classify(sp.Matrix([[2, 1], [1, 2]])) == "minimum"
    assert classify(sp.Matrix([[-2, 0], [0, -1]])) == "maximum"
    assert classify(sp.Matrix([[2, 0], [0, -2]])) == "saddle"
    assert classify(sp.Matrix([[2, 0], [0, 0]])) == "degenerate"
    assert classify(np.array([[1.0, 0.0], [0.0, 25.0]])) == "minimum"
    assert classify(np.array([[-4.0, 101.0], [101.0, 20.0]])) == "saddle"
