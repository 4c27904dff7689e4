"""Effective per-coordinate step sizes, the seeds' epsilon-inside forms, and the best of a batch of runs."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import GD, AdaDelta, AdaGrad, RMSProp, descend
from gdlib.quadratic import form_matrix, rotation
from gdlib.step_sizes import AdaGradInside, RMSPropInside, effective_steps, fewest_steps

A = np.diag([1.0, 25.0])


def grad(x):
    return x @ A


@pytest.mark.parametrize("opt", [GD(eta=0.05), AdaGrad(eta=0.5), RMSProp(eta=0.05, rho=0.9), AdaDelta(),
                                 AdaGradInside(eta=0.5, eps=1e-3), RMSPropInside(eta=0.05, eps=1e-3)])
def test_the_effective_steps_rebuild_the_run(opt):
    run = effective_steps(grad, [2.0, 1.0], opt, steps=50)
    # each update is x_t = x_{t-1} - eta_t * g_t, coordinate by coordinate
    np.testing.assert_allclose(run.xs[1:], run.xs[:-1] - run.etas * run.grads, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(run.grads, run.xs[:-1] @ A, rtol=1e-15)
    # and the run is the one descend makes
    np.testing.assert_allclose(run.xs, descend(grad, [2.0, 1.0], opt, steps=50).xs, rtol=1e-13)


def test_first_steps_by_hand():
    # AdaGrad, g_1 = (2, 25): v_1 = (4, 625), eta_1 = 0.5 / (sqrt(v_1) + 1e-10)
    run = effective_steps(grad, [2.0, 1.0], AdaGrad(eta=0.5), steps=2)
    np.testing.assert_allclose(run.etas[0], [0.5 / 2, 0.5 / 25], rtol=1e-9)
    np.testing.assert_allclose(run.xs[1], [1.5, 0.5], rtol=1e-9)  # both coordinates move by eta
    # RMSProp, rho = 0.9: v_1 = 0.1 g^2, so eta_1 = 0.05 / (sqrt(0.1) |g|)
    run = effective_steps(grad, [2.0, 1.0], RMSProp(eta=0.05, rho=0.9), steps=1)
    np.testing.assert_allclose(run.etas[0], 0.05 / (np.sqrt(0.1) * np.array([2.0, 25.0])), rtol=1e-7)
    # AdaDelta: u_0 = 0, so eta_1 = sqrt(eps / (0.1 g^2 + eps))
    run = effective_steps(grad, [2.0, 1.0], AdaDelta(eps=1e-6), steps=1)
    np.testing.assert_allclose(run.etas[0], np.sqrt(1e-6 / (0.1 * np.array([4.0, 625.0]) + 1e-6)), rtol=1e-12)


def test_adagrad_on_a_constant_gradient_steps_eta_over_root_t():
    run = effective_steps(lambda x: np.full_like(x, 3.0), [0.0], AdaGrad(eta=0.1), steps=400)
    t = np.arange(1, 401)
    np.testing.assert_allclose(run.etas[:, 0] * 3.0, 0.1 / np.sqrt(t), rtol=1e-9)
    # the measured slope of log(step) against log(t) is -1/2
    assert np.polyfit(np.log(t), np.log(run.etas[:, 0]), 1)[0] == pytest.approx(-0.5, abs=1e-6)


@pytest.mark.parametrize("rho", [0.5, 0.9, 0.99])
def test_rmsprop_on_a_constant_gradient_settles_at_eta(rho):
    run = effective_steps(lambda x: np.full_like(x, -2.0), [0.0], RMSProp(eta=0.1, rho=rho), steps=3000)
    t = np.arange(1, 3001)
    np.testing.assert_allclose(run.etas[:, 0] * 2.0, 0.1 / np.sqrt(1 - rho**t), rtol=1e-6)
    assert run.etas[-1, 0] * 2.0 == pytest.approx(0.1, rel=1e-6)


def test_epsilon_inside_against_outside():
    # the seeds' form: x - eta g / sqrt(v + eps), by hand for g = 1, v = 1, eps = 1
    opt = AdaGradInside(eta=1.0, eps=1.0)
    x, _ = opt.update(np.zeros(1), np.ones(1), opt.init(np.zeros(1)))
    assert x[0] == pytest.approx(-1 / np.sqrt(2))
    opt = RMSPropInside(eta=1.0, rho=0.75, eps=0.25)
    x, state = opt.update(np.zeros(1), np.full(1, 2.0), opt.init(np.zeros(1)))
    assert (state.v[0], x[0]) == pytest.approx((1.0, -2 / np.sqrt(1.25)))
    # with a tiny eps and gradients of size 1 the two forms agree to about eps
    a = descend(grad, [2.0, 1.0], RMSProp(eta=0.01, eps=1e-8), steps=300).xs
    b = descend(grad, [2.0, 1.0], RMSPropInside(eta=0.01, eps=1e-8), steps=300).xs
    assert np.abs(a - b).max() < 1e-7
    # gradients 1e-4 times smaller: torch's form hardly notices, the inside form acts like eps / 1e-8 = 1
    small = lambda x: 1e-4 * grad(x)
    out = descend(small, [2.0, 1.0], RMSProp(eta=0.01, eps=1e-8), steps=300).x
    ins = descend(small, [2.0, 1.0], RMSPropInside(eta=0.01, eps=1e-8), steps=300).x
    big_eps = descend(grad, [2.0, 1.0], RMSPropInside(eta=0.01, eps=1.0), steps=300).x
    np.testing.assert_allclose(ins, big_eps, rtol=1e-9)
    assert np.linalg.norm(out) < 0.01 < 0.1 < np.linalg.norm(ins)


def test_per_coordinate_steps_help_only_on_the_aligned_valley():
    etas = np.geomspace(1e-3, 3, 120)
    start = np.array([2.0, 1.0])
    counts = {}
    for phi in (0.0, np.pi / 4):
        B = form_matrix((1.0, 25.0), phi)
        for name, opt in (("GD", GD(eta=etas)), ("AdaGrad", AdaGrad(eta=etas)), ("RMSProp", RMSProp(eta=etas))):
            counts[name, phi] = fewest_steps(lambda x: x @ B, rotation(phi) @ start, opt, steps=2000, tol=1e-4)[1]
    # gradient descent does not see the turn; its best fixed eta gives (k - 1) / (k + 1) = 12/13 a step
    assert counts["GD", 0.0] == counts["GD", np.pi / 4]
    assert 100 < counts["GD", 0.0] < 160
    for name in ("AdaGrad", "RMSProp"):
        assert counts[name, 0.0] * 8 < counts["GD", 0.0]  # aligned: far fewer steps
        assert counts[name, np.pi / 4] >= counts["GD", np.pi / 4]  # turned: no better than GD


def test_fewest_steps_picks_the_fastest_run_or_the_closest():
    assert fewest_steps(lambda x: x, [1.0], GD(eta=np.array([0.5, 1.0, 1.5])), steps=10, tol=1e-6) == (1, 1)
    # none converges in 3 steps: the run with the smallest final gradient, eta = 0.9
    i, k = fewest_steps(lambda x: x, [1.0], GD(eta=np.array([0.1, 0.9, 2.5])), steps=3, tol=1e-12)
    assert (i, k) == (1, None)
