"""The update rules: first steps by hand, reductions, torch parity, bad input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

import gdlib
from gdlib import GD, AdaDelta, AdaGrad, Adam, Momentum, Nesterov, RMSProp, descend
from gdlib import functions as F
from gdlib.schedules import Constant, Step

GOLDEN = np.load(Path(__file__).with_name("golden") / "torch_trajectories.npz")
CASES = json.loads(str(GOLDEN["meta"]))["cases"]


def one_step(opt, x, g):
    x = np.array(x, dtype=float)
    return opt.update(x, np.array(g, dtype=float), opt.init(x))


def two_steps(opt, x, g1, g2):
    x = np.array(x, dtype=float)
    x1, s1 = opt.update(x, np.array(g1, dtype=float), opt.init(x))
    return opt.update(x1, np.array(g2, dtype=float), s1)[0]


# --- first steps, computed by hand from the formulas --------------------------------

def test_gd_first_step():
    x, _ = one_step(GD(eta=0.1), [3.0], [6.0])
    assert x == pytest.approx([3.0 - 0.1 * 6.0])


def test_momentum_two_steps():
    # m1 = 2, x1 = 1 - 0.1*2 = 0.8; m2 = 0.9*2 + 1 = 2.8, x2 = 0.8 - 0.28 = 0.52
    assert two_steps(Momentum(eta=0.1, mu=0.9), [1.0], [2.0], [1.0]) == pytest.approx([0.52])


def test_nesterov_two_steps():
    # m1 = 2, x1 = 1 - 0.1*(2 + 0.9*2) = 0.62; m2 = 2.8, x2 = 0.62 - 0.1*(1 + 2.52) = 0.268
    assert two_steps(Nesterov(eta=0.1, mu=0.9), [1.0], [2.0], [1.0]) == pytest.approx([0.268])


def test_adagrad_two_steps():
    # v1 = 4, x1 = 1 - 0.5*2/2 = 0.5; v2 = 5, x2 = 0.5 - 0.5*1/sqrt(5)
    x = two_steps(AdaGrad(eta=0.5, eps=0.0 + 1e-300), [1.0], [2.0], [1.0])
    assert x == pytest.approx([0.5 - 0.5 / math.sqrt(5)])


def test_rmsprop_first_step():
    # v1 = 0.1*4 = 0.4, x1 = 1 - 0.01*2/(sqrt(0.4) + 1e-8)
    x, state = one_step(RMSProp(eta=0.01, rho=0.9, eps=1e-8), [1.0], [2.0])
    assert state.v == pytest.approx([0.4])
    assert x == pytest.approx([1 - 0.01 * 2 / (math.sqrt(0.4) + 1e-8)])


def test_adadelta_first_step():
    # v1 = 0.1*4 = 0.4; dx = -sqrt(0 + 1e-6)/sqrt(0.4 + 1e-6) * 2; u1 = 0.1*dx^2
    x, state = one_step(AdaDelta(eta=1.0, rho=0.9, eps=1e-6), [1.0], [2.0])
    dx = -math.sqrt(1e-6) / math.sqrt(0.4 + 1e-6) * 2
    assert x == pytest.approx([1 + dx])
    assert state.u == pytest.approx([0.1 * dx**2])


def test_adam_first_step_is_eta_times_sign():
    # m1 = 0.1 g, v1 = 0.001 g^2: after bias correction m_hat = g, v_hat = g^2, so the
    # first step is eta * g / (|g| + eps), almost exactly eta against the gradient.
    x, state = one_step(Adam(eta=0.1), [1.0, 1.0], [3.0, -0.5])
    assert state.t == 1
    assert x == pytest.approx([1 - 0.1 * 3 / (3 + 1e-8), 1 + 0.1 * 0.5 / (0.5 + 1e-8)])


# --- reductions ------------------------------------------------------------------------

@pytest.mark.parametrize("cls", [Momentum, Nesterov])
def test_zero_momentum_is_gd(cls):
    a = descend(F.rosenbrock, [-1.5, 2.0], GD(eta=1e-3), steps=50)
    b = descend(F.rosenbrock, [-1.5, 2.0], cls(eta=1e-3, mu=0.0), steps=50)
    np.testing.assert_array_equal(a.xs, b.xs)


def test_constant_schedule_is_float_eta():
    a = descend(F.bowl, [3.0, 4.0], Adam(eta=0.1), steps=50)
    b = descend(F.bowl, [3.0, 4.0], Adam(eta=Constant(0.1)), steps=50)
    np.testing.assert_array_equal(a.xs, b.xs)


def test_step_schedule_changes_rate_at_the_boundary():
    opt = GD(eta=Step(eta0=0.5, gamma=0.1, every=2))
    run = descend(lambda x: np.ones_like(x), [0.0], opt, steps=4)
    np.testing.assert_allclose(np.diff(run.xs[:, 0]), [-0.5, -0.5, -0.05, -0.05])


def test_momentum_velocity_form_of_the_seed_is_the_same_algorithm():
    # seed 003: v <- mu v - eta g, x <- x + v
    eta, mu, x, v = 0.001, 0.9, np.array([-1.5, 2.0]), np.zeros(2)
    path = [x]
    for _ in range(100):
        v = mu * v - eta * F.rosenbrock.grad(x)
        x = x + v
        path.append(x)
    run = descend(F.rosenbrock, [-1.5, 2.0], Momentum(eta=eta, mu=mu), steps=100)
    np.testing.assert_allclose(run.xs, path, rtol=1e-10, atol=1e-12)


def test_nesterov_is_the_seeds_look_ahead_form_after_a_change_of_variables():
    # seed 003: v <- mu v - eta grad(y + mu v), y <- y + v; torch's iterate is
    # x_t = y_t + mu (y_t - y_{t-1}) with y_{-1} = y_0.
    eta, mu = 0.0005, 0.9
    y = np.array([-1.5, 2.0])
    v = np.zeros(2)
    ys = [y]
    for _ in range(200):
        v = mu * v - eta * F.rosenbrock.grad(y + mu * v)
        y = y + v
        ys.append(y)
    ys = np.array(ys)
    previous = np.vstack([ys[:1], ys[:-1]])
    expected = ys + mu * (ys - previous)
    run = descend(F.rosenbrock, ys[0], Nesterov(eta=eta, mu=mu), steps=200)
    np.testing.assert_allclose(run.xs, expected, rtol=1e-9, atol=1e-12)


# --- torch parity ----------------------------------------------------------------------

def _case_id(case):
    hyper = ",".join(f"{k}={v:g}" for k, v in case["hyper"].items())
    return f"{case['optimizer']}-{case['function']}-{hyper}"


CASE_IDS = [_case_id(c) for c in CASES]


def test_golden_cases_cover_every_optimizer_on_every_listed_function():
    covered = {(c["optimizer"], c["function"]) for c in CASES}
    names = {cls.__name__ for cls in gdlib.optimizers.ALL}
    functions = {"square", "bowl", "ill_conditioned", "saddle", "rosenbrock"}
    assert covered == {(o, f) for o in names for f in functions}
    assert sum(c["diverged"] for c in CASES) >= 10


@pytest.mark.parametrize("i", range(len(CASES)), ids=CASE_IDS)
def test_free_run_matches_torch(i):
    case = CASES[i]
    torch_xs = GOLDEN[f"{i}/xs"]
    fn = getattr(F, case["function"])
    opt = getattr(gdlib, case["optimizer"])(**case["hyper"])
    run = descend(fn, torch_xs[0], opt, steps=case["steps"])
    assert (run.status == "diverged") == case["diverged"]
    if not case["diverged"]:
        assert run.steps == case["steps"]
    k = min(run.steps + 1, case["horizon"])
    expected = torch_xs[:k]
    scale = np.abs(expected[np.isfinite(expected)]).max()
    np.testing.assert_allclose(run.xs[:k], expected, rtol=1e-10, atol=1e-10 * scale)


@pytest.mark.parametrize("i", range(len(CASES)), ids=CASE_IDS)
def test_every_step_matches_torch_from_torchs_own_state(i):
    """From torch's iterate and state after step t, our update gives torch's step t+1."""
    case = CASES[i]
    torch_xs = GOLDEN[f"{i}/xs"]
    fn = getattr(F, case["function"])
    opt = getattr(gdlib, case["optimizer"])(**case["hyper"])
    state_type = type(opt.init(torch_xs[0]))
    names = [n for n in state_type._fields if n != "t"]
    buffers = {n: GOLDEN[f"{i}/{n}"] for n in names}
    finite = np.isfinite(torch_xs).all(axis=1) & (np.abs(torch_xs).max(axis=1) < 1e10)
    checked = 0
    for t in range(len(torch_xs) - 1):
        if not (finite[t] and finite[t + 1]):
            break
        state = state_type(t, **{n: buffers[n][t] for n in names})
        x, new = opt.update(torch_xs[t], fn.grad(torch_xs[t]), state)
        # Rounding differs (torch fuses multiply-adds); the gradient's own
        # cancellation error is relative to its largest component, hence the atol.
        np.testing.assert_allclose(x, torch_xs[t + 1], rtol=1e-13,
                                   atol=1e-14 * np.abs(torch_xs[t + 1]).max(), err_msg=f"step {t + 1}")
        for n in names:
            expected = buffers[n][t + 1]
            np.testing.assert_allclose(getattr(new, n), expected, rtol=1e-13,
                                       atol=1e-13 * np.abs(expected).max(),
                                       err_msg=f"state {n} at step {t + 1}")
        checked += 1
    assert checked >= 3  # diverging Rosenbrock runs overflow after a few steps


# --- bad input -----------------------------------------------------------------------

@pytest.mark.parametrize("make, message", [
    (lambda: GD(eta=0.0), "eta must be in (0, inf), got 0.0"),
    (lambda: GD(eta=-0.1), "eta must be in (0, inf), got -0.1"),
    (lambda: GD(eta=float("nan")), "eta must be in (0, inf), got nan"),
    (lambda: GD(eta="fast"), "eta must be a real number, got 'fast'"),
    (lambda: GD(eta=lambda t: -1.0), "eta(1) must be in (0, inf), got -1.0"),
    (lambda: GD(eta=[0.1, -0.2]), "eta must be in (0, inf), got -0.2 (element 1)"),
    (lambda: Momentum(mu=1.0), "mu must be in [0, 1), got 1.0"),
    (lambda: Nesterov(mu=-0.5), "mu must be in [0, 1), got -0.5"),
    (lambda: RMSProp(rho=1.5), "rho must be in [0, 1), got 1.5"),
    (lambda: AdaDelta(rho=1.0), "rho must be in [0, 1), got 1.0"),
    (lambda: Adam(beta1=1.0), "beta1 must be in [0, 1), got 1.0"),
    (lambda: Adam(beta2=-0.1), "beta2 must be in [0, 1), got -0.1"),
    (lambda: Adam(eps=0.0), "eps must be in (0, inf), got 0.0"),
    (lambda: AdaGrad(eps=-1e-8), "eps must be in (0, inf), got -1e-08"),
    (lambda: RMSProp(eps=0), "eps must be in (0, inf), got 0.0"),
    (lambda: AdaDelta(eps=float("inf")), "eps must be in (0, inf), got inf"),
])
def test_bad_hyper_parameters_name_the_argument_and_value(make, message):
    with pytest.raises(ValueError) as err:
        make()
    assert str(err.value) == message


def test_array_hyper_parameters_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match=r"different lengths \[2, 3\]"):
        descend(F.bowl, [1.0, 1.0], Momentum(eta=[0.1, 0.2], mu=[0.1, 0.2, 0.3]), steps=1)


def test_a_readers_schedule_is_used_at_every_step_and_checked_there():
    run = descend(lambda x: np.ones_like(x), [0.0], GD(eta=lambda t: 1 / t), steps=4)
    np.testing.assert_allclose(np.diff(run.xs[:, 0]), [-1, -1 / 2, -1 / 3, -1 / 4])
    ints = descend(lambda x: np.ones_like(x), [0.0], GD(eta=lambda t: 2), steps=2)
    assert ints.xs[:, 0].tolist() == [0.0, -2.0, -4.0]
    numpy_rate = descend(lambda x: np.ones_like(x), [0.0], GD(eta=lambda t: np.float64(0.5)), steps=1)
    assert numpy_rate.xs[:, 0].tolist() == [0.0, -0.5]
    for bad, message in [(lambda t: 0.0, "eta(1) must be in (0, inf), got 0.0"),
                         (lambda t: float("inf"), "eta(1) must be finite, got inf"),
                         (lambda t: True, "eta(1) must be a real number, got True")]:
        with pytest.raises(ValueError) as err:
            GD(eta=bad)
        assert str(err.value) == message
    with pytest.raises(TypeError) as err:
        GD(eta=lambda: 0.1)
    assert str(err.value).startswith("eta must be a number or a schedule t -> eta_t; calling eta(1) failed: ")
    assert "takes 0 positional arguments but 1 was given" in str(err.value)


def test_the_libraries_own_schedules_are_used_as_they_are():
    schedule = Step(eta0=0.5, gamma=0.1, every=2)
    opt = GD(eta=schedule)
    assert opt.rate is schedule and opt.eta is schedule


@pytest.mark.parametrize("cls", gdlib.optimizers.ALL, ids=lambda c: c.__name__)
def test_every_optimizer_counts_its_updates_for_the_schedule(cls):
    # With eta_t = 0.1 t, update t must use the rate of t: the same step as a constant
    # optimizer with that rate, taken from the same state.
    scheduled = cls(eta=lambda t: 0.1 * t)
    x0, g1, g2 = np.array([1.0, -2.0]), np.array([0.5, 3.0]), np.array([-1.0, 0.25])
    state0 = scheduled.init(x0)
    assert state0.t == 0
    x1, state1 = scheduled.update(x0, g1, state0)
    x2, state2 = scheduled.update(x1, g2, state1)
    assert (state1.t, state2.t) == (1, 2)
    np.testing.assert_array_equal(x1, cls(eta=0.1).update(x0, g1, cls(eta=0.1).init(x0))[0])
    np.testing.assert_array_equal(x2, cls(eta=0.2).update(x1, g2, state1)[0])
    for name in state0._fields[1:]:
        assert getattr(state0, name).shape == x0.shape and not getattr(state0, name).any()


def test_repr_shows_the_hyper_parameters():
    assert repr(GD(eta=0.1)) == "GD(eta=0.1)"
    assert repr(Adam()) == "Adam(eta=0.001, beta1=0.9, beta2=0.999, eps=1e-08)"


# --- update called by hand: its arguments are checked ----------------------------------

@pytest.mark.parametrize("cls", gdlib.optimizers.ALL, ids=lambda c: c.__name__)
def test_update_takes_lists_and_integers_as_numpy_would(cls):
    # A reader stepping by hand writes update([3.0, 4.0], [6, 8], state): the same step as arrays.
    x, g = np.array([3.0, 4.0]), np.array([6.0, 8.0])
    opt = cls(eta=0.1)
    want, want_state = opt.update(x, g, opt.init(x))
    got, got_state = opt.update([3.0, 4.0], [6, 8], opt.init([3.0, 4.0]))
    assert got.dtype == float
    np.testing.assert_array_equal(got, want)
    for a, b in zip(got_state, want_state):
        np.testing.assert_array_equal(a, b)
    second = opt.update(got.tolist(), [1.0, -1.0], got_state)[0]
    np.testing.assert_array_equal(second, opt.update(want, np.array([1.0, -1.0]), want_state)[0])


def test_update_of_one_number_is_the_scalar_step():
    x, state = GD(eta=0.1).update(3.0, 6.0, GD().init(3.0))
    assert float(x) == pytest.approx(2.4) and state.t == 1


@pytest.mark.parametrize("cls", gdlib.optimizers.ALL, ids=lambda c: c.__name__)
def test_update_lets_non_finite_numbers_through_for_descend_to_report(cls):
    x = np.array([1.0, 2.0])
    with np.errstate(all="ignore"):
        out, _ = cls().update(x, np.array([np.nan, np.inf]), cls().init(x))
    assert not np.isfinite(out).all()


@pytest.mark.parametrize("call, exc, message", [
    (lambda: Adam().update(np.zeros(2), np.ones(1), Adam().init(np.zeros(2))), ValueError,
     "g must have the shape of x, (2,), got shape (1,)"),
    (lambda: GD().update(np.zeros((3, 2)), np.ones(2), GD().init(np.zeros((3, 2)))), ValueError,
     "g must have the shape of x, (3, 2), got shape (2,)"),
    (lambda: Momentum().update(np.zeros(2), np.array([1j, 0.0]), Momentum().init(np.zeros(2))), TypeError,
     "g must be real, got complex value 1j at index 0"),
    (lambda: RMSProp().update(np.zeros(2), np.array([1.0 + 0j, 0.0]), RMSProp().init(np.zeros(2))), TypeError,
     "g must be real, got a complex array array of shape (2,): pass its .real part if that is what you mean"),
    (lambda: Adam().update([1.0, "a"], np.zeros(2), Adam().init(np.zeros(2))), TypeError,
     "x must be an array of real numbers, got strings [1.0, 'a']"),
    (lambda: Adam().update(np.zeros(2), np.zeros(2), GD().init(np.zeros(2))), TypeError,
     "state must be the AdamState that Adam.init(x) or the last Adam.update returned, got GDState(t=0)"),
    (lambda: Nesterov().update(np.zeros(2), np.zeros(2), None), TypeError,
     "state must be the MomentumState that Nesterov.init(x) or the last Nesterov.update returned, got None"),
    (lambda: AdaDelta().update(np.zeros(2), np.zeros(2), AdaDelta().init(np.zeros(3))), ValueError,
     "state must be made for x of shape (2,), got state.v of shape (3,): start again from AdaDelta.init(x)"),
])
def test_update_refuses_what_would_be_a_wrong_step_by_name(call, exc, message):
    with pytest.raises(exc) as err:
        call()
    assert str(err.value) == message


def test_nesterov_takes_the_state_of_momentum_which_is_the_same_buffer():
    x, g = np.array([1.0, 2.0]), np.array([0.5, -1.0])
    state = Momentum(eta=0.1, mu=0.9).update(x, g, Momentum().init(x))[1]
    assert Nesterov(eta=0.1, mu=0.9).update(x, g, state)[1].t == 2
