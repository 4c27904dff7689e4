"""`descend`: statuses, batches, recorded values, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from gdlib import GD, Adam, Momentum, descend
from gdlib import functions as F


def test_seed_002_run_from_3_4_stops_after_100_iterations_near_the_minimum():
    # (3, 4) = 3.5 (1, 1) - 0.5 (1, -1). Along (1, -1) the Hessian eigenvalue is 1, so
    # each step keeps 1 - 0.1 = 0.9 of that part; along (1, 1) it is 3 and 0.7**100 is gone.
    run = descend(F.bowl, [3.0, 4.0], GD(eta=0.1), steps=100, tol=1e-6)
    assert run.status == "max_steps" and run.steps == 100
    np.testing.assert_allclose(run.x, [-0.5 * 0.9**100, 0.5 * 0.9**100], rtol=1e-6)
    assert run.values[0] == 37.0  # 9 + 12 + 16


def test_seed_002_run_converges_when_allowed_more_steps():
    run = descend(F.bowl, [3.0, 4.0], GD(eta=0.1), steps=1000, tol=1e-6)
    assert run.status == "converged" and run.steps == 128
    assert run.grad_norms[-1] < 1e-6 <= run.grad_norms[-2]


def test_max_steps_when_tol_is_not_reached():
    run = descend(F.bowl, [3.0, 4.0], GD(eta=0.01), steps=10, tol=1e-6)
    assert run.status == "max_steps"
    assert run.steps == 10 and run.xs.shape == (11, 2) and run.grad_norms.shape == (11,)


def test_values_and_grad_norms_are_recorded_for_every_iterate():
    run = descend(F.rosenbrock, [-1.5, 2.0], Adam(eta=0.05), steps=20)
    np.testing.assert_allclose(run.values, [F.rosenbrock.value(x) for x in run.xs])
    np.testing.assert_allclose(run.grad_norms, [np.linalg.norm(F.rosenbrock.grad(x)) for x in run.xs])


def test_a_plain_gradient_function_records_no_values_unless_f_is_given():
    assert descend(F.bowl.grad, [1.0, 1.0], GD(eta=0.1), steps=3).values is None
    run = descend(F.bowl.grad, [1.0, 1.0], GD(eta=0.1), steps=3, f=F.bowl.value)
    assert run.values.shape == (4,)


def test_divergence_is_a_status_not_a_wall_of_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descend(F.square, [3.0], GD(eta=1.5), steps=1000)
    assert run.status == "diverged"
    assert run.steps < 100  # |x| doubles each step: it passes 1e10 within ~35 steps
    assert run.grad_norms[-1] > 1e10 > run.grad_norms[-2]


def test_overflow_to_infinity_is_reported_as_diverged():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descend(F.rosenbrock, [-1.5, 2.0], GD(eta=0.05), steps=100, blowup=1e300)
    assert run.status == "diverged"
    assert not np.all(np.isfinite(run.xs[-1])) or not np.isfinite(run.grad_norms[-1])


def test_saddle_point_run_from_the_x_axis_stops_at_the_saddle():
    run = descend(F.saddle, [2.0, 0.0], GD(eta=0.1), steps=200, tol=1e-6)
    assert run.status == "converged"
    np.testing.assert_allclose(run.x, [0.0, 0.0], atol=1e-6)


@pytest.mark.parametrize("opt", [GD(eta=0.1), Momentum(eta=0.05, mu=0.9), Adam(eta=0.3)])
def test_batch_of_starting_points_equals_one_run_at_a_time(opt):
    starts = np.array([[3.0, 4.0], [-2.0, 1.0], [0.5, -0.5], [10.0, 0.0]])
    batch = descend(F.bowl, starts, opt, steps=300, tol=1e-8)
    assert len(batch) == 4
    for i, x0 in enumerate(starts):
        one = descend(F.bowl, x0, opt, steps=300, tol=1e-8)
        assert batch[i].status == one.status
        assert batch[i].steps == one.steps
        np.testing.assert_array_equal(batch[i].xs, one.xs)
        # the same numbers, summed by einsum instead of a dot product: equal to the last bit or so
        np.testing.assert_allclose(batch[i].grad_norms, one.grad_norms, rtol=1e-15)
        np.testing.assert_allclose(batch[i].values, one.values, rtol=1e-15)


def test_batch_of_learning_rates_equals_one_run_at_a_time():
    etas = np.array([0.001, 0.1, 0.5, 0.6, 0.7, 2.0])
    batch = descend(F.bowl, [3.0, 4.0], GD(eta=etas), steps=500, tol=1e-6)
    # x^2+xy+y^2 has Hessian eigenvalues 1 and 3, so GD is stable exactly for eta < 2/3
    assert batch.status.tolist() == ["max_steps", "converged", "converged", "converged",
                                     "diverged", "diverged"]
    for i, eta in enumerate(etas):
        one = descend(F.bowl, [3.0, 4.0], GD(eta=eta), steps=500, tol=1e-6)
        assert (batch[i].status, batch[i].steps) == (one.status, one.steps)
        np.testing.assert_array_equal(batch[i].xs, one.xs)


def test_a_stopped_run_stays_frozen_in_the_batch():
    batch = descend(F.square, [1.0], GD(eta=np.array([0.5, 0.01])), steps=50, tol=1e-9)
    assert batch.steps.tolist() == [1, 50]
    np.testing.assert_array_equal(batch.xs[1:, 0], 0.0)
    np.testing.assert_array_equal(batch.x, [[0.0], batch.xs[-1, 1]])


def test_zero_steps_returns_the_start():
    run = descend(F.bowl, [1.0, 2.0], GD(), steps=0)
    assert run.status == "max_steps" and run.xs.tolist() == [[1.0, 2.0]]


def test_a_single_run_cannot_be_indexed():
    with pytest.raises(TypeError, match="already one run"):
        descend(F.bowl, [1.0, 2.0], GD(), steps=1)[0]


@pytest.mark.parametrize("kwargs, message", [
    (dict(x0=[1.0, float("nan")]), "x0 must be finite, got [1.0, nan]"),
    (dict(x0=[1.0, float("inf")]), "x0 must be finite, got [1.0, inf]"),
    (dict(x0=[[[1.0, 2.0]]]), "x0 must have shape (n,) or (batch, n) with n >= 1, got shape (1, 1, 2)"),
    (dict(x0="origin"), "x0 must be an array of real numbers, got 'origin'"),
    (dict(x0=[1.0, 2.0, 3.0]), "x0 has 3 coordinates, but bowl is a function of 2 variables"),
    (dict(steps=-1), "steps must be a whole number >= 0, got -1"),
    (dict(steps=2.5), "steps must be a whole number >= 0, got 2.5"),
    (dict(tol=0.0), "tol must be in (0, inf), got 0.0"),
    (dict(tol=-1e-6), "tol must be in (0, inf), got -1e-06"),
    (dict(optimizer="adam"), "optimizer must be a gdlib optimizer such as GD(eta=0.1), got 'adam'"),
    (dict(x0=np.ones((3, 2)), optimizer=GD(eta=[0.1, 0.2])),
     "x0 has 3 starting points but the optimizer's hyper-parameters describe 2 runs"),
])
def test_bad_input_names_the_argument_and_the_value(kwargs, message):
    args = dict(grad=F.bowl, x0=[1.0, 2.0], optimizer=GD(eta=0.1), steps=10) | kwargs
    with pytest.raises(ValueError) as err:
        descend(**args)
    assert str(err.value) == message


def test_a_gradient_of_the_wrong_shape_is_refused():
    with pytest.raises(ValueError) as err:
        descend(lambda x: np.zeros(3), [1.0, 2.0], GD(), steps=5)
    assert str(err.value) == "grad returned an array of shape (3,), but x0 has shape (2,); they must match"


def test_grad_must_be_callable():
    with pytest.raises(ValueError, match="grad must be a function x -> gradient, got 3"):
        descend(3, [1.0], GD(), steps=5)


def test_summary_says_how_each_run_ended():
    assert descend(F.square, [3.0], GD(eta=1.5), steps=100).summary().startswith("diverged after ")
    stopped = descend(F.bowl, [3.0, 4.0], GD(eta=0.01), steps=5).summary()
    assert stopped.startswith("stopped after 5 steps, |grad| 14.9 -> ") and stopped.endswith("(shrinking)")
    batch = descend(F.bowl, [3.0, 4.0], GD(eta=np.array([0.1, 0.9])), steps=500, tol=1e-6)
    assert batch.summary() == "2 runs: 1 converged, 1 diverged"


def test_a_gradient_returning_a_list_of_ints_works():
    run = descend(lambda x: [2 * int(v) for v in x], [3.0], GD(eta=0.5), steps=2)
    assert run.xs.ravel().tolist() == [3.0, 0.0, 0.0]


# --- behaviours that a small change to descend would break --------------------------------

def test_blowup_is_the_divergence_threshold():
    # |x| doubles each step from 3 (GD with eta=1.5 on x^2 maps x to -2x): 3, 6, 12, 24, 48, 96,
    # and |g| = 2|x| is 192 > 100 at x_5 = -96
    run = descend(F.square, [3.0], GD(eta=1.5), steps=100, blowup=100.0)
    assert run.status == "diverged" and run.steps == 5 and run.grad_norms[-2:].tolist() == [96.0, 192.0]
    assert descend(F.square, [3.0], GD(eta=1.5), steps=5, blowup=1e3).status == "max_steps"


def test_a_run_whose_iterate_grows_with_a_bounded_gradient_diverges():
    # The gradient is -1 everywhere: x walks off to +inf one step at a time while |g| stays 1.
    uphill = lambda x: -np.ones_like(x)  # noqa: E731
    run = descend(uphill, [0.0], GD(eta=1.0), steps=100, blowup=10.5)
    assert run.status == "diverged" and run.steps == 11
    batch = descend(uphill, [[0.0], [5.0]], GD(eta=1.0), steps=100, blowup=10.5)
    assert batch.status.tolist() == ["diverged", "diverged"] and batch.steps.tolist() == [11, 6]


def test_diverged_batch_runs_are_counted_and_frozen():
    batch = descend(F.square, [3.0], GD(eta=np.array([1.5, 0.1])), steps=20, blowup=100.0)
    assert batch.status.tolist() == ["diverged", "max_steps"] and batch.steps.tolist() == [5, 20]
    np.testing.assert_array_equal(batch.xs[5:, 0, 0], -96.0)


def test_a_stopped_run_is_frozen_where_it_stopped_not_where_it_would_go():
    # Run 0 converges (|g| = 2|x| < 1) at x = 0.4096 after 4 steps; GD would keep shrinking it.
    batch = descend(F.square, [1.0], GD(eta=np.array([0.1, 0.01])), steps=10, tol=1.0)
    assert batch.status.tolist() == ["converged", "max_steps"] and batch.steps.tolist() == [4, 10]
    np.testing.assert_allclose(batch.xs[4:, 0, 0], 0.8**4)
    np.testing.assert_allclose(batch.grad_norms[4:, 0], 2 * 0.8**4)
    assert batch[0].xs[:, 0].tolist() == pytest.approx([0.8**k for k in range(5)])


def test_a_gradient_that_overflows_at_the_start_is_diverged_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descend(lambda x: np.exp(1000 * x), [1.0], GD(), steps=10)
        batch = descend(lambda x: np.exp(1000 * x), [[1.0], [-1.0]], GD(), steps=10)
    assert run.status == "diverged" and run.steps == 0
    assert batch.status.tolist() == ["diverged", "max_steps"]


def test_the_budget_allows_the_chapters_sweep_and_refuses_more():
    assert descend(F.bowl, [3.0, 4.0], GD(eta=np.linspace(0.1, 0.5, 1000)), steps=2000).xs.shape == (2001, 1000, 2)
    with pytest.raises(ValueError, match=r"exceeds descend's budget of 250 MB: use at most steps=15,624 for 1,000 runs"):
        descend(F.bowl, [3.0, 4.0], GD(eta=np.linspace(0.1, 0.5, 1000)), steps=20_000)


def test_summary_of_a_single_run_in_each_way_it_can_end():
    assert descend(F.square, [1.0], GD(eta=0.5), steps=5, tol=1e-9).summary() == "converged in 1 step"
    assert descend(F.square, [1.0], GD(eta=0.5), steps=0, tol=1e-9).summary() == \
        "stopped after 0 steps, |grad| 2 -> 2 (not shrinking)"
    # Bouncing between 1 and -1 for ever: the gradient's size stays 2, which is not shrinking.
    assert descend(F.square, [1.0], GD(eta=1.0), steps=10).summary() == \
        "stopped after 10 steps, |grad| 2 -> 2 (not shrinking)"
    assert descend(F.square, [1.0], GD(eta=1.5), steps=1).summary() == "stopped after 1 step, |grad| 2 -> 4 (growing)"
    assert descend(F.square, [3.0], GD(eta=1.5), steps=50, blowup=5.0).summary() == "diverged after 0 steps"
    assert descend(F.square, [1.0], GD(eta=1.5), steps=50, blowup=3.5).summary() == "diverged after 1 step"
    assert descend(F.square, [1.0], GD(eta=0.25), steps=9, tol=1e-9).summary() == \
        "stopped after 9 steps, |grad| 2 -> 0.00391 (shrinking)"


def test_a_gradient_of_integers_gives_float_iterates():
    run = descend(lambda x: np.array([1, 2]), [0.0, 0.0], GD(eta=0.5), steps=2)
    assert run.xs.dtype == float and run.xs.tolist() == [[0.0, 0.0], [-0.5, -1.0], [-1.0, -2.0]]
    batch = descend(lambda x: np.ones(x.shape, dtype=int), [[0.0], [1.0]], GD(eta=0.5), steps=1)
    assert batch.xs.dtype == float and batch.xs[:, :, 0].tolist() == [[0.0, 1.0], [-0.5, 0.5]]


def test_messages_name_the_value_as_given():
    with pytest.raises(ValueError) as err:
        descend(F.bowl, [1.0, 1.0], GD(), steps=10, tol=-1.5)
    assert str(err.value) == "tol must be in (0, inf), got -1.5"


def test_indexing_a_batch_keeps_each_runs_values_or_none():
    batch = descend(F.bowl.grad, np.array([[1.0, 1.0], [2.0, 0.0]]), GD(eta=0.1), steps=3)
    assert len(batch) == 2 and batch[1].values is None and batch[-1].xs[0].tolist() == [2.0, 0.0]
    assert len(descend(F.bowl, [1.0, 1.0], GD(), steps=3)) == 1
    with_values = descend(F.bowl, np.array([[1.0, 1.0], [2.0, 0.0]]), GD(eta=0.1), steps=3)
    np.testing.assert_array_equal(with_values[1].values, F.bowl.value(with_values[1].xs))


def test_thresholds_are_strict_at_their_exact_values():
    # x = 50 on x^2: |g| = 100 exactly; a blowup of 100 is reached, not passed: diverged.
    assert descend(F.square, [50.0], GD(), steps=3, blowup=100.0).status == "diverged"
    assert descend(F.square, [[50.0], [1.0]], GD(), steps=3, blowup=100.0).status.tolist() == ["diverged", "max_steps"]
    # |x| = 100 exactly with a gradient of 0: diverged too
    assert descend(lambda x: 0 * x, [100.0], GD(), steps=3, blowup=100.0).status == "diverged"
    assert descend(lambda x: 0 * x, [[100.0], [1.0]], GD(), steps=3, blowup=100.0).status.tolist() == [
        "diverged", "max_steps"]
    # |g| = 2 exactly with tol = 2: not yet converged (|g| < tol is needed)
    assert descend(F.square, [1.0], GD(eta=0.25), steps=0, tol=2.0).status == "max_steps"
    batch = descend(F.square, [[1.0], [0.5]], GD(eta=0.25), steps=0, tol=2.0)
    assert batch.status.tolist() == ["max_steps", "converged"]


def test_a_batch_that_stops_early_returns_only_the_rows_it_ran():
    batch = descend(F.square, [[1.0], [0.5]], GD(eta=0.5), steps=50, tol=1e-9)
    assert batch.steps.tolist() == [1, 1] and batch.xs.shape == (2, 2, 1) and batch.grad_norms.shape == (2, 2)


def test_a_given_f_is_recorded_even_for_a_function_with_its_own_value():
    run = descend(F.bowl, [1.0, 1.0], GD(), steps=2, f=lambda xs: np.zeros(len(xs)))
    assert run.values.tolist() == [0.0, 0.0, 0.0]


def test_an_f_that_is_not_one_value_a_point_is_refused_by_name():
    with pytest.raises(ValueError) as err:
        descend(F.bowl.grad, [1.0, 1.0], GD(), steps=3, f=F.bowl.grad)
    assert str(err.value) == ("f must return one value per point (x -> value): shape (4,) for points of shape (4, 2), "
                              "got shape (4, 2): is it the gradient?")
    with pytest.raises(ValueError) as err:
        descend(F.bowl.grad, [1.0, 1.0], GD(), steps=3, f=lambda v: v[0] ** 2 + v[1] ** 2)
    assert str(err.value).endswith("got shape (2,): write f for points of shape (..., n), with x[..., 0] for x[0]")
    batch = descend(F.bowl.grad, np.ones((3, 2)), GD(), steps=3, f=F.bowl.value)
    assert batch.values.shape == (4, 3)
    listed = descend(F.bowl.grad, [1.0, 1.0], GD(), steps=1, f=lambda xs: [float(F.bowl(v)) for v in xs])
    assert listed.values.dtype == float and listed.values.tolist() == F.bowl(listed.xs).tolist()


def test_a_model_class_instead_of_a_model_says_to_instantiate_it():
    from gdlib.models import LinearRegression

    with pytest.raises(TypeError) as err:
        descend(LinearRegression, [0.0, 0.0], GD(), steps=3)
    assert str(err.value) == ("grad must be a function x -> gradient, got the class LinearRegression: "
                              "instantiate it first, e.g. LinearRegression(x, y)")
    run = descend(LinearRegression([1.0, 2.0], [2.0, 4.0]), [0.0, 0.0], GD(eta=0.1), steps=3)
    assert run.values is not None and run.values[-1] < run.values[0]
