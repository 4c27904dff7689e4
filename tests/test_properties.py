"""Properties that hold for every input, checked with hypothesis.

- The validators accept exactly the values they describe and name the argument otherwise.
- Any finite start and valid hyper-parameters give a finite run or a "diverged" status,
  never a warning (warnings are errors here).
- A batch of runs equals the same runs one at a time.
- taylor_nd reproduces polynomials; classify agrees on its SymPy and NumPy paths.

The examples are derandomized (the same ones every run), so CI is reproducible.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdlib import GD, AdaDelta, AdaGrad, Adam, Momentum, Nesterov, RMSProp, descend, validation
from gdlib import functions as F
from gdlib.calculus import classify, taylor_nd

settings.register_profile("gdlib", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("gdlib")

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
moderate = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False)
unit_open = st.floats(min_value=0.0, max_value=1.0, exclude_max=True)
positive = st.floats(min_value=1e-12, max_value=1e3)

OPTIMIZERS = {
    "GD": st.builds(GD, eta=positive),
    "Momentum": st.builds(Momentum, eta=positive, mu=unit_open),
    "Nesterov": st.builds(Nesterov, eta=positive, mu=unit_open),
    "AdaGrad": st.builds(AdaGrad, eta=positive, eps=positive),
    "RMSProp": st.builds(RMSProp, eta=positive, rho=unit_open, eps=positive),
    "AdaDelta": st.builds(AdaDelta, eta=positive, rho=unit_open, eps=positive),
    "Adam": st.builds(Adam, eta=positive, beta1=unit_open, beta2=unit_open, eps=positive),
}
FUNCTIONS = [F.bowl, F.saddle, F.ill_conditioned, F.rosenbrock, F.transcendental]


# --- validators ------------------------------------------------------------------------------

@given(finite)
def test_real_accepts_every_finite_float(v):
    assert validation.real("a", v) == v


@given(st.complex_numbers(allow_nan=False, allow_infinity=False).filter(lambda c: c.imag != 0))
def test_complex_numbers_are_refused_by_name(c):
    with pytest.raises(TypeError, match=r"^eta must be a real number, got complex"):
        validation.hyper("eta", c, low=0.0)
    with pytest.raises(TypeError, match=r"^x0 must be real, got complex value .* at index 1"):
        validation.point("x0", [1.0, c])


@given(st.floats(max_value=0.0))
def test_hyper_refuses_values_below_its_range_by_name_and_value(v):
    with pytest.raises(ValueError, match=r"^eta must be in \(0, inf\), got "):
        validation.hyper("eta", v, low=0.0)


@given(st.lists(positive, min_size=1, max_size=5))
def test_hyper_arrays_broadcast_against_a_batch(values):
    arr = validation.hyper("eta", values, low=0.0)
    assert arr.shape == (len(values), 1) and arr[:, 0].tolist() == values


@given(st.integers(min_value=0, max_value=10**6))
def test_count_accepts_whole_numbers_and_refuses_their_floats(n):
    assert validation.count("steps", n) == n
    with pytest.raises(TypeError, match=r"^steps must be a whole number"):
        validation.count("steps", float(n))


@given(st.lists(moderate, min_size=1, max_size=4))
def test_point_keeps_every_coordinate(values):
    np.testing.assert_array_equal(validation.point("x0", values), values)


# --- runs ----------------------------------------------------------------------------------

@st.composite
def runs(draw):
    fn = draw(st.sampled_from(FUNCTIONS))
    opt = draw(draw(st.sampled_from(list(OPTIMIZERS.values()))))
    x0 = draw(st.lists(moderate, min_size=fn.n, max_size=fn.n))
    return fn, opt, x0


@settings(max_examples=60)
@given(runs(), st.integers(min_value=0, max_value=60))
def test_any_finite_start_gives_a_finite_run_or_diverged_and_no_warning(case, steps):
    fn, opt, x0 = case
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descend(fn, x0, opt, steps=steps, tol=1e-8)
    assert run.status in ("converged", "diverged", "max_steps")
    assert run.xs.shape == (run.steps + 1, fn.n)
    if run.status != "diverged":
        assert np.all(np.isfinite(run.xs)) and np.all(np.isfinite(run.grad_norms))
        assert np.all(np.abs(run.xs) < 1e10)
    if run.status == "max_steps":
        assert run.steps == steps


@given(st.sampled_from(FUNCTIONS), st.sampled_from(sorted(OPTIMIZERS)), st.data())
def test_a_batch_equals_its_runs_one_at_a_time(fn, name, data):
    opt = data.draw(OPTIMIZERS[name])
    starts = np.array(data.draw(st.lists(st.lists(moderate, min_size=fn.n, max_size=fn.n), min_size=2, max_size=4)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        batch = descend(fn, starts, opt, steps=30, tol=1e-6)
        for i, x0 in enumerate(starts):
            one = descend(fn, x0, opt, steps=30, tol=1e-6)
            assert (batch[i].status, batch[i].steps) == (one.status, one.steps)
            np.testing.assert_array_equal(batch[i].xs, one.xs)


@given(st.lists(st.floats(min_value=0.01, max_value=0.6), min_size=2, max_size=5))
def test_a_batch_of_learning_rates_equals_its_runs_one_at_a_time(etas):
    batch = descend(F.bowl, [3.0, 4.0], Momentum(eta=etas, mu=0.5), steps=40, tol=1e-6)
    for i, eta in enumerate(etas):
        one = descend(F.bowl, [3.0, 4.0], Momentum(eta=eta, mu=0.5), steps=40, tol=1e-6)
        assert (batch[i].status, batch[i].steps) == (one.status, one.steps)
        np.testing.assert_array_equal(batch[i].xs, one.xs)


# --- calculus -----------------------------------------------------------------------------

x, y = sp.symbols("x y", real=True)
small_int = st.integers(min_value=-3, max_value=3)


@settings(max_examples=15)
@given(st.lists(small_int, min_size=6, max_size=6), small_int, small_int)
def test_taylor_nd_of_a_quadratic_about_any_point_is_the_quadratic(c, a, b):
    f = c[0] + c[1] * x + c[2] * y + c[3] * x**2 + c[4] * x * y + c[5] * y**2
    assert sp.expand(taylor_nd(f, (x, y), (a, b), 2) - f) == 0


@given(st.lists(st.integers(min_value=-4, max_value=4), min_size=3, max_size=3))
def test_classify_agrees_on_sympy_and_numpy_paths(entries):
    a, b, c = entries
    H = [[a, b], [b, c]]
    assert classify(sp.Matrix(H)) == classify(np.array(H, dtype=float))
