"""gdlib.sampling: mini-batches, the batch gradient, its variance and the noise floor."""

from itertools import combinations, product

import numpy as np
import pytest

from gdlib import GD, descend, models
from gdlib.convergence import loglog_slope
from gdlib.datasets import heights_weights
from gdlib.models import LinearRegression
from gdlib.sampling import (SCHEMES, batch_means, batch_variance, minibatches, noise_floor, sampled_grad,
                            sampled_gradients)


@pytest.fixture(scope="module")
def model():
    x, y = heights_weights(n=30, seed=1)
    return LinearRegression((x - x.mean()) / x.std(), y)


def test_the_old_name_still_works():
    assert models.minibatches is minibatches
    a, b = models.minibatches(7, 3, np.random.default_rng(0)), minibatches(7, 3, np.random.default_rng(0))
    for _ in range(6):
        assert np.array_equal(next(a), next(b))


def test_an_epoch_holds_every_sample_once():
    batches = minibatches(10, 3, np.random.default_rng(0))
    for _ in range(3):
        epoch = [next(batches) for _ in range(4)]
        assert [len(b) for b in epoch] == [3, 3, 3, 1]
        assert sorted(np.concatenate(epoch).tolist()) == list(range(10))


def test_full_batch_is_every_sample_in_order():
    batches = minibatches(5, None, np.random.default_rng(0))
    assert next(batches).tolist() == next(batches).tolist() == [0, 1, 2, 3, 4]


def test_fresh_batches_hold_different_samples_and_replacement_repeats():
    fresh = minibatches(6, 4, np.random.default_rng(0), scheme="fresh")
    assert all(len(set(next(fresh).tolist())) == 4 for _ in range(200))
    repl = minibatches(6, 4, np.random.default_rng(0), scheme="replacement")
    assert any(len(set(next(repl).tolist())) < 4 for _ in range(200))


def test_fresh_batches_are_equally_likely():
    fresh = minibatches(5, 2, np.random.default_rng(3), scheme="fresh")
    counts = {}
    for _ in range(20_000):
        key = tuple(sorted(next(fresh).tolist()))
        counts[key] = counts.get(key, 0) + 1
    assert len(counts) == 10
    assert max(counts.values()) / min(counts.values()) < 1.15


def test_batch_means_average_to_the_mean_and_variance_has_the_factor():
    rng = np.random.default_rng(0)
    values = rng.normal(size=(7, 2))
    for m in range(1, 8):
        means = batch_means(values, m)
        assert len(means) == len(list(combinations(range(7), m)))
        assert np.allclose(means.mean(axis=0), values.mean(axis=0))
        enumerated = np.mean(np.sum((means - values.mean(axis=0)) ** 2, axis=1))
        assert np.isclose(batch_variance(values, m), enumerated)
    # with replacement: every ordered draw of m samples
    for m in (1, 2, 3):
        draws = np.array([values[list(idx)].mean(axis=0) for idx in product(range(7), repeat=m)])
        enumerated = np.mean(np.sum((draws - values.mean(axis=0)) ** 2, axis=1))
        assert np.isclose(batch_variance(values, m, replacement=True), enumerated)


def test_batch_variance_of_one_sample_and_of_everything():
    values = np.array([1.0, 3.0, 5.0, 7.0])
    assert batch_variance(values, 1) == pytest.approx(5.0)
    assert batch_variance(values, 4) == 0.0
    assert batch_variance(values, 2) == pytest.approx(5 / 3)


def test_sampled_grad_one_run_matches_the_batch(model):
    grad = sampled_grad(model, 5, np.random.default_rng(4), scheme="fresh")
    batches = minibatches(len(model), 5, np.random.default_rng(4), scheme="fresh")
    theta = np.array([1.0, 2.0])
    for _ in range(3):
        assert np.allclose(grad(theta), model.batch_grad(theta, next(batches)))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_sampled_grad_many_runs(model, scheme):
    runs = 50
    grad = sampled_grad(model, 4, np.random.default_rng(0), runs=runs, scheme=scheme)
    theta = np.tile([3.0, -1.0], (runs, 1))
    g = grad(theta)
    assert g.shape == (runs, 2)
    assert len(np.unique(g[:, 1].round(9))) > 10  # the runs draw their own batches
    everything = sampled_grad(model, len(model), np.random.default_rng(0), runs=runs, scheme=scheme)
    if scheme != "replacement":
        assert np.allclose(everything(theta), model.grad(theta))
    with pytest.raises(ValueError, match="theta must have shape"):
        grad(np.zeros((3, 2)))


def test_an_epoch_of_many_runs_sums_to_the_full_gradient(model):
    grad = sampled_grad(model, 6, np.random.default_rng(2), runs=8)
    theta = np.zeros((8, 2))
    total = sum(grad(theta) for _ in range(5))  # 30 samples, 5 batches of 6: one epoch
    assert np.allclose(total / 5, model.grad(theta))


def test_measured_variance_follows_the_formula_and_the_one_over_m_law(model):
    theta = np.array([5.0, 60.0])
    full = model.grad(theta)
    sizes = [1, 2, 4, 8]
    measured = [np.mean(np.sum((sampled_gradients(model, theta, m, 20_000, np.random.default_rng(m), "replacement")
                                - full) ** 2, axis=1)) for m in sizes]
    assert loglog_slope(sizes, measured) == pytest.approx(-1.0, abs=0.05)
    per_sample = model.sample_grads(theta)
    for m in (2, 10, 25):
        fresh = sampled_gradients(model, theta, m, 20_000, np.random.default_rng(10 + m))
        assert np.mean(np.sum((fresh - full) ** 2, axis=1)) == pytest.approx(batch_variance(per_sample, m), rel=0.05)


def test_noise_floor_formula_and_a_simulation():
    assert noise_floor(0.1, 2.0) == pytest.approx(0.1 * 4 / 1.9)  # the learning-rate chapter's eta s^2 / (2 - eta)
    assert noise_floor(0.1, 2.0, curvature=2.0) == pytest.approx(0.1 * 4 / (2 * 1.8))
    rng = np.random.default_rng(0)
    x = np.zeros(4000)
    squares = []
    for t in range(2000):  # f(x) = x^2 (curvature 2) with noise s = 3
        x = x - 0.05 * (2 * x + 3 * rng.standard_normal(x.size))
        if t >= 500:
            squares.append(np.mean(x**2))
    assert np.mean(squares) == pytest.approx(noise_floor(0.05, 3.0, curvature=2.0), rel=0.03)
    with pytest.raises(ValueError, match="eta \\* curvature must be below 2"):
        noise_floor(1.0, 1.0, curvature=2.0)


def test_fresh_runs_settle_in_the_predicted_ball(model):
    theta_star = np.linalg.lstsq(np.c_[model.x, np.ones(len(model))], model.y, rcond=None)[0]
    s_sq = batch_variance(model.sample_grads(theta_star), 5)
    runs = 200
    grad = sampled_grad(model, 5, np.random.default_rng(9), runs=runs, scheme="fresh")
    run = descend(grad, np.tile(theta_star, (runs, 1)), GD(eta=0.05), steps=600)
    measured = np.mean(np.sum((run.xs[200:] - theta_star) ** 2, axis=-1))
    assert measured == pytest.approx(noise_floor(0.05, np.sqrt(s_sq), curvature=2.0), rel=0.08)
