"""gdlib.race: the sweep finds what theory predicts, T is where a run stays below the target,
and Reddi et al.'s counter-example does what the paper proves (Adam to +1, AMSGrad to -1)."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import GD, Adam, Momentum, descend
from gdlib.functions import bowl, ill_conditioned
from gdlib.race import (AMSGrad, ETAS, OPTIMIZERS, PROBLEMS, fastest, online_descent, race, reddi_gradient, sweep,
                        uncorrected_step)


def plain_T(f, x0, make, eta, steps, target):
    """T by a plain loop: the last step whose value is not below the target, plus one."""
    opt = make(eta)
    x = np.array(x0, dtype=float)
    state = opt.init(x)
    last_above = -1 if f.value(x) < target else 0
    for t in range(1, steps + 1):
        x, state = opt.update(x, f.grad(x), state)
        if not f.value(x) < target:
            last_above = t
    return np.inf if last_above == steps else float(last_above + 1)


def test_done_is_where_the_run_stays_below_the_target():
    done = PROBLEMS["bowl"].done
    assert done([5.0, 1e-7, 2.0, 1e-7, 1e-8]) == 3.0  # the dip at step 1 does not count
    assert done([1e-7, 1e-8]) == 0.0
    assert np.isinf(done([5.0, 1e-7, 2.0]))
    assert np.isinf(done([5.0, float("nan")]))
    assert done(np.array([[5.0, 1.0], [1e-7, 1.0], [1e-8, 1e-9]])).tolist() == [1.0, 2.0]


@pytest.mark.parametrize("cls", [GD, Momentum, Adam])
def test_sweep_counts_T_as_a_plain_loop_does(cls):
    p = PROBLEMS["valley"]
    etas = [0.003, 0.03, 0.07, 0.09]
    s = sweep(p, cls, etas)
    for eta, T in zip(etas, s.steps):
        assert T == plain_T(p.f, p.x0, lambda e: cls(eta=e), eta, p.steps, p.target), (cls, eta)


@pytest.mark.parametrize("f, lams", [(bowl, (1.0, 3.0)), (ill_conditioned, (1.0, 25.0))])
def test_gd_best_eta_is_next_to_the_proven_best(f, lams):
    # eta_* = 2 / (lambda_min + lambda_max); the grid has 8 values a decade (ratio 1.33)
    name = "bowl" if f is bowl else "valley"
    s = sweep(name, GD)
    best = s.etas[s.best]
    eta_star = 2 / sum(lams)
    assert eta_star / 1.34 < best < eta_star * 1.34
    # and nothing on the grid beats it
    assert s.steps[s.best] == s.steps.min()


def test_why_the_grid_value_below_the_proven_best_wins():
    # the chapter: the grid has no 0.5; at 0.42 the slow direction shrinks by |1 - 0.42| = 0.58 a step,
    # at 0.56 the steep one by only |1 - 3 * 0.56| = 0.68, so 0.42 finishes first; on the valley the
    # value after 0.075, 0.1, diverges (|1 - 25 * 0.1| > 1)
    s = sweep("bowl", GD)
    lo, hi = (int(np.argmin(abs(s.etas - eta))) for eta in (0.42, 0.56))
    assert hi == lo + 1 and s.etas[lo] < 0.5 < s.etas[hi]
    shrink = lambda eta: max(abs(1 - eta * lam) for lam in (1.0, 3.0))
    assert shrink(s.etas[lo]) < shrink(s.etas[hi])
    assert s.steps[lo] < s.steps[hi] and s.best == lo
    v = sweep("valley", GD)
    assert np.isinf(v.steps[v.best + 1]) and abs(1 - 25 * v.etas[v.best + 1]) > 1


def test_race_keeps_each_optimizers_best_rate_and_its_run():
    r = race("bowl", {"GD": GD, "Adam": Adam})
    for name, cls in (("GD", GD), ("Adam", Adam)):
        s = sweep("bowl", cls)
        assert r[name].steps == s.steps.min()
        assert r[name].eta == s.etas[s.best]
        single = descend(bowl, list(PROBLEMS["bowl"].x0), cls(eta=r[name].eta), steps=PROBLEMS["bowl"].steps)
        np.testing.assert_allclose(r[name].run.xs, single.xs, rtol=1e-12, atol=1e-14)


def test_the_race_table_of_the_chapter():
    # the chapter's claims: AdaGrad finishes the axis-aligned valley in a handful of steps, GD never
    # crosses Rosenbrock in the budget, momentum, Nesterov and Adam finish all five problems
    races = {p: race(p) for p in PROBLEMS}
    assert races["valley"]["AdaGrad"].steps <= 10
    assert np.isinf(races["Rosenbrock"]["GD"].steps)
    for opt in ("Momentum", "Nesterov", "Adam"):
        assert all(np.isfinite(races[p][opt].steps) for p in PROBLEMS), opt
    for opt in ("AdaGrad", "RMSProp", "Adam"):  # the first step of size eta takes them off the saddle at once
        assert races["saddle"][opt].steps == 1


def test_best_falls_back_on_the_final_value_when_no_rate_finishes():
    s = sweep("Rosenbrock", GD, [1e-4, 1e-3])
    assert np.isinf(s.steps).all()
    assert s.best == int(np.argmin(s.runs.values[-1]))


def test_the_grid_and_the_optimizers():
    assert len(ETAS) == 41 and ETAS[0] == pytest.approx(1e-4) and ETAS[-1] == pytest.approx(10)
    assert list(OPTIMIZERS) == ["GD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "AdaDelta", "Adam"]


def test_reddi_losses_add_up_to_C_minus_2_over_three_steps():
    g = reddi_gradient(5.0)
    x = np.zeros(1)
    assert [g(t, x)[0] for t in range(1, 7)] == [5.0, -1.0, -1.0, 5.0, -1.0, -1.0]
    assert sum(g(t, x)[0] for t in range(1, 4)) == 3.0


def test_online_descent_projects_and_runs_the_optimizer():
    xs = online_descent(GD(eta=0.5), reddi_gradient(3.0), [0.0], steps=4)
    # by hand: 0 - 0.5*3 = -1.5 -> -1; -1 + 0.5 = -0.5; 0; 0 - 1.5 -> -1
    assert xs.ravel().tolist() == [0.0, -1.0, -0.5, 0.0, -1.0]
    assert online_descent(GD(eta=1.0), lambda t, x: -np.ones_like(x), [5.0], steps=1).ravel().tolist() == [1.0, 1.0]


def test_uncorrected_step_is_adam_without_the_division_by_one_minus_beta_t():
    # a plain loop of Adam's moments under the constant gradient 3, with and without the correction
    for b1, b2 in ((0.9, 0.999), (0.5, 0.9), (0.99, 0.99), (0.0, 0.9999)):
        m = v = 0.0
        plain, corrected = [], []
        for t in range(1, 301):
            m, v = b1 * m + (1 - b1) * 3.0, b2 * v + (1 - b2) * 9.0
            plain.append(m / np.sqrt(v))
            corrected.append((m / (1 - b1**t)) / np.sqrt(v / (1 - b2**t)))
        np.testing.assert_allclose(uncorrected_step(b1, b2, np.arange(1, 301)), plain, rtol=1e-12)
        np.testing.assert_allclose(corrected, 1.0, rtol=1e-12)
    # the chapter's numbers: sqrt(10) at t = 1, the largest 6.57 at t = 12 with the defaults
    steps = uncorrected_step(0.9, 0.999, np.arange(1, 5001))
    assert np.isclose(steps[0], np.sqrt(10)) and np.argmax(steps) + 1 == 12 and round(steps.max(), 2) == 6.57


def test_fastest_picks_the_smallest_T_first_of_equals():
    r = race("saddle", {"AdaGrad": OPTIMIZERS["AdaGrad"], "RMSProp": OPTIMIZERS["RMSProp"],
                        "AdaDelta": OPTIMIZERS["AdaDelta"]})
    assert r["AdaGrad"].steps == r["RMSProp"].steps == 1 < r["AdaDelta"].steps
    assert fastest(r, ["AdaGrad", "RMSProp", "AdaDelta"]) == "AdaGrad"
    assert fastest(r, ["AdaDelta", "RMSProp", "AdaGrad"]) == "RMSProp"
    assert fastest(r, ["AdaDelta"]) == "AdaDelta"


def test_adam_drifts_to_the_worst_end_and_amsgrad_does_not():
    C = 3.0
    settings = dict(eta=lambda t: 0.5 / np.sqrt(t), beta1=0.0, beta2=1 / (1 + C**2))
    adam = online_descent(Adam(**settings), reddi_gradient(C), [0.0], steps=3000)[:, 0]
    ams = online_descent(AMSGrad(**settings), reddi_gradient(C), [0.0], steps=3000)[:, 0]
    assert adam[-300:].mean() > 0.95
    assert ams[-300:].mean() < -0.95
    # with the default beta2 Adam goes the right way too
    default = online_descent(Adam(eta=settings["eta"], beta1=0.0), reddi_gradient(C), [0.0], steps=3000)[:, 0]
    assert default[-300:].mean() < -0.95


def test_amsgrad_first_steps_by_hand():
    opt = AMSGrad(eta=0.1, beta1=0.9, beta2=0.999, eps=1e-300)
    x = np.array([1.0])
    state = opt.init(x)
    x, state = opt.update(x, np.array([2.0]), state)  # first step: eta * sign(g)
    assert x[0] == pytest.approx(0.9)
    x, state = opt.update(x, np.array([0.5]), state)
    m = 0.9 * 0.2 + 0.1 * 0.5
    v = 0.999 * 0.004 + 0.001 * 0.25
    v_max = max(0.004, v)
    expected = 0.9 - 0.1 * (m / (1 - 0.81)) / np.sqrt(v_max / (1 - 0.999**2))
    assert x[0] == pytest.approx(expected, rel=1e-12)
    assert state.v_max[0] == pytest.approx(v_max)


def test_amsgrad_is_adam_while_the_second_moment_grows():
    # a gradient that grows in size makes v_t increase, so max(v_max, v) = v: the same iterates
    grad = lambda t, x: np.full_like(x, float(t))
    a = online_descent(Adam(eta=0.01), grad, [0.3], steps=50, low=-10, high=10)
    b = online_descent(AMSGrad(eta=0.01), grad, [0.3], steps=50, low=-10, high=10)
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-15)
    # and a shrinking one makes them differ
    shrink = lambda t, x: np.full_like(x, 1.0 / t)
    a = online_descent(Adam(eta=0.01, beta2=0.5), shrink, [0.3], steps=50, low=-10, high=10)
    b = online_descent(AMSGrad(eta=0.01, beta2=0.5), shrink, [0.3], steps=50, low=-10, high=10)
    assert abs(a[-1, 0] - b[-1, 0]) > 1e-3


def test_the_drift_per_cycle_is_the_steady_cycle_of_v():
    # The steady cycle of v = 0.1 v + 0.9 g^2 under the gradients 3, -1, -1: with a the value before the 3,
    # once round the cycle gives a = 0.001 a + 0.081 + 0.09 + 0.9, so a = 1.071 / 0.999
    a = (0.01 * 8.1 + 0.1 * 0.9 + 0.9) / (1 - 0.001)
    v1 = 0.1 * a + 8.1
    v2 = 0.1 * v1 + 0.9
    adam_drift = -3 / np.sqrt(v1) + 1 / np.sqrt(v2) + 1 / np.sqrt(a)
    ams_drift = (-3 + 1 + 1) / np.sqrt(v1)
    assert adam_drift == pytest.approx(0.681, abs=1e-3) and ams_drift == pytest.approx(-0.349, abs=1e-3)
    for cls, drift in ((Adam, adam_drift), (AMSGrad, ams_drift)):
        xs = online_descent(cls(eta=1.0, beta1=0.0, beta2=0.1, eps=1e-12), reddi_gradient(3.0), [0.0],
                            steps=300, low=-1e9, high=1e9)[:, 0]
        assert (xs[300] - xs[150]) / 50 == pytest.approx(drift, rel=1e-6), cls.__name__
