"""The seeds' functions: generated gradients and Hessians against finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import functions as F
from gdlib.calculus import classify

RNG = np.random.default_rng(20261123)


def central_grad(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def central_hessian(grad, x, h=1e-5):
    return np.array([(grad(x + h * e) - grad(x - h * e)) / (2 * h) for e in np.eye(x.size)]).T


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_gradient_matches_central_differences(fn):
    for x in RNG.uniform(-2, 2, size=(5, fn.n)):
        np.testing.assert_allclose(fn.grad(x), central_grad(fn.value, x), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_hessian_matches_central_differences_of_the_gradient(fn):
    for x in RNG.uniform(-2, 2, size=(5, fn.n)):
        np.testing.assert_allclose(fn.hessian(x), central_hessian(fn.grad, x), rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_stationary_points_have_zero_gradient_and_the_stated_kind(fn):
    assert fn.stationary_points
    for p in fn.stationary_points:
        x = np.array(p.x)
        np.testing.assert_allclose(fn.grad(x), 0.0, atol=1e-12)
        assert classify(fn.hessian(x)) == p.kind


@pytest.mark.parametrize("fn", F.ALL, ids=lambda f: f.name)
def test_grid_evaluation_has_the_documented_shapes(fn):
    grid = RNG.uniform(-1, 1, size=(4, 3, fn.n))
    assert fn.value(grid).shape == (4, 3)
    assert fn.grad(grid).shape == (4, 3, fn.n)
    assert fn.hessian(grid).shape == (4, 3, fn.n, fn.n)
    np.testing.assert_allclose(fn.grad(grid)[2, 1], fn.grad(grid[2, 1]))


def test_seed_numbers():
    assert F.square.grad(np.array([5.0])).tolist() == [10.0]  # f'(5) = 10
    assert float(F.bowl.value(np.array([2.0, 1.0]))) == 7.0
    assert F.bowl.grad(np.array([2.0, 1.0])).tolist() == [5.0, 4.0]


def test_kinds_of_stationary_points():
    kinds = {p.name: p.kind for p in F.three_minima.stationary_points if p.name}
    assert kinds == {"A": "minimum", "B": "minimum", "C": "minimum"}
    values = {p.name: float(F.three_minima.value(np.array(p.x))) for p in F.three_minima.stationary_points if p.name}
    assert values["A"] == pytest.approx(-1.6)
    assert values["A"] < values["B"] < values["C"]  # A is the global minimum
    assert F.saddle.stationary_points[0].kind == "saddle"
    assert F.transcendental.stationary_points[0].kind == "saddle"
    assert F.rosenbrock.stationary_points[0].kind == "minimum"


def test_ill_conditioned_hessian_has_condition_number_25():
    eig = np.linalg.eigvalsh(F.ill_conditioned.hessian(np.zeros(2)))
    assert eig.tolist() == [1.0, 25.0]


def test_wrongly_shaped_point_names_the_shape():
    with pytest.raises(ValueError, match=r"point must have shape \(\.\.\., 2\), got shape \(3,\)"):
        F.bowl.grad(np.zeros(3))
