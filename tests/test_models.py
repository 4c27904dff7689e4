"""The seeds' models and mini-batches."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import GD, descend
from gdlib.models import LinearRegression, SigmoidNeuron, minibatches, sigmoid

RNG = np.random.default_rng(0)
X = RNG.uniform(150, 190, size=12) / 100  # heights in m
Y = 60 * X - 30 + RNG.normal(0, 3, size=12)  # weights in kg


def central_grad(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


@pytest.mark.parametrize("model", [LinearRegression(X, Y), SigmoidNeuron([0.5, 2.5], [0.2, 0.9])],
                         ids=["line", "neuron"])
def test_gradients_match_central_differences(model):
    for theta in RNG.normal(0, 2, size=(5, 2)):
        np.testing.assert_allclose(model.grad(theta), central_grad(model.value, theta), rtol=1e-6, atol=1e-6)
        per_sample = model.sample_grads(theta)
        for i in range(len(model)):
            loss_i = lambda t, i=i: model.sample_losses(t)[i]  # noqa: E731
            np.testing.assert_allclose(per_sample[i], central_grad(loss_i, theta), rtol=1e-6, atol=1e-6)


def test_linear_regression_per_sample_gradient_is_the_seed_formula():
    model = LinearRegression([2.0], [5.0])
    # E = (y - (m x + b))^2 with m=1, b=0: residual 3, dE/dm = -2*2*3, dE/db = -2*3
    assert model.sample_grads(np.array([1.0, 0.0])).tolist() == [[-12.0, -6.0]]


def test_linear_regression_reaches_the_least_squares_line():
    model = LinearRegression(X, Y)
    run = descend(model, [0.0, 0.0], GD(eta=0.2), steps=100_000, tol=1e-10)
    assert run.status == "converged"
    np.testing.assert_allclose(run.x, np.polyfit(X, Y, 1), rtol=1e-6)


def test_seed_001_sigmoid_neuron_approaches_the_exact_fit():
    model = SigmoidNeuron([0.5, 2.5], [0.2, 0.9])
    run = descend(model, [-2.0, -2.0], GD(eta=1.0), steps=1000)
    w_star = (np.log(0.9 / 0.1) - np.log(0.2 / 0.8)) / 2
    np.testing.assert_allclose(model.exact_fit(), [w_star, np.log(0.2 / 0.8) - 0.5 * w_star])
    np.testing.assert_allclose(run.x, model.exact_fit(), atol=1e-3)
    assert run.values[-1] < 1e-9 and np.all(np.diff(run.values) <= 1e-15)


def test_sigmoid_is_stable_for_large_inputs():
    assert sigmoid(np.array([-1000.0, 0.0, 1000.0])).tolist() == [0.0, 0.5, 1.0]


def test_minibatches_cover_every_sample_once_per_epoch():
    batches = minibatches(10, 3, np.random.default_rng(1))
    epoch = [next(batches) for _ in range(4)]
    assert [len(b) for b in epoch] == [3, 3, 3, 1]
    assert sorted(np.concatenate(epoch).tolist()) == list(range(10))


def test_minibatches_are_reproducible_from_the_seed():
    a = minibatches(10, 1, np.random.default_rng(7))
    b = minibatches(10, 1, np.random.default_rng(7))
    assert [int(next(a)[0]) for _ in range(25)] == [int(next(b)[0]) for _ in range(25)]


def test_full_batch_stochastic_gradient_is_the_gradient():
    model = LinearRegression(X, Y)
    g = model.stochastic_grad(None, np.random.default_rng(0))
    np.testing.assert_allclose(g(np.array([1.0, 2.0])), model.grad(np.array([1.0, 2.0])))


def test_sgd_gradients_average_to_the_full_gradient_over_an_epoch():
    model = LinearRegression(X, Y)
    g = model.stochastic_grad(1, np.random.default_rng(0))
    theta = np.array([1.0, 2.0])
    np.testing.assert_allclose(np.mean([g(theta) for _ in range(12)], axis=0), model.grad(theta))


@pytest.mark.parametrize("call, message", [
    (lambda: minibatches(10, 0, np.random.default_rng()), "batch_size must be None or a whole number from 1 to 10, got 0"),
    (lambda: minibatches(10, 11, np.random.default_rng()), "batch_size must be None or a whole number from 1 to 10, got 11"),
    (lambda: minibatches(10, 2, 42), "rng must be a numpy.random.Generator such as np.random.default_rng(0), got 42"),
    (lambda: LinearRegression([1.0, 2.0], [1.0]), "x and y must have the same length, got 2 and 1"),
    (lambda: LinearRegression([1.0, float("nan")], [1.0, 2.0]), "x must be finite, got [1.0, nan]"),
    (lambda: SigmoidNeuron([[1.0]], [1.0]), "x must be a non-empty 1-D array, got shape (1, 1)"),
    (lambda: SigmoidNeuron([1.0, 2.0, 3.0], [0.1, 0.2, 0.3]).exact_fit(), "exact_fit needs exactly 2 samples, got 3"),
])
def test_bad_input_names_the_argument_and_the_value(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert str(err.value) == message


def test_minibatches_shuffle_each_epoch_with_the_generator():
    batches = minibatches(10, 1, np.random.default_rng(3))
    expected = np.random.default_rng(3)
    for _ in range(3):
        epoch = np.concatenate([next(batches) for _ in range(10)])
        np.testing.assert_array_equal(epoch, expected.permutation(10))
    assert not np.array_equal(epoch, np.arange(10))


def test_a_batch_of_all_samples_is_the_full_batch():
    batches = minibatches(4, 4, np.random.default_rng(0))
    assert [next(batches).tolist() for _ in range(2)] == [[0, 1, 2, 3]] * 2
    model = LinearRegression(X, Y)
    np.testing.assert_allclose(model.stochastic_grad(len(model), np.random.default_rng(0))(np.ones(2)),
                               model.grad(np.ones(2)))


def test_predict_at_given_inputs_and_for_a_batch_of_parameters():
    model = LinearRegression([1.0, 2.0], [0.0, 0.0])
    assert model.predict([2.0, 1.0]).tolist() == [3.0, 5.0]
    assert model.predict([2.0, 1.0], x=[0.0, 3.0]).tolist() == [1.0, 7.0]
    assert model.predict(np.array([[2.0, 1.0], [0.0, -1.0]])).tolist() == [[3.0, 5.0], [-1.0, -1.0]]
    neuron = SigmoidNeuron([0.0, 1.0], [0.5, 0.5])
    np.testing.assert_allclose(neuron.predict([1.0, 0.0], x=[0.0, 2.0]), sigmoid(np.array([0.0, 2.0])))


def test_per_sample_losses_and_gradients_of_a_subset_and_of_a_batch():
    for model in (LinearRegression(X, Y), SigmoidNeuron(X, np.linspace(0.1, 0.9, len(X)))):
        theta = np.array([0.5, -0.2])
        idx = np.array([3, 0, 7])
        np.testing.assert_allclose(model.sample_losses(theta, idx), model.sample_losses(theta)[idx])
        np.testing.assert_allclose(model.sample_grads(theta, idx), model.sample_grads(theta)[idx])
        np.testing.assert_allclose(model.batch_grad(theta, idx),
                                   model.sample_grads(theta)[idx].mean(axis=0) if isinstance(model, LinearRegression)
                                   else model.sample_grads(theta)[idx].sum(axis=0))
        thetas = np.array([[0.5, -0.2], [1.0, 0.3], [-0.4, 2.0]])
        grads = model.sample_grads(thetas)
        assert grads.shape == (3, len(X), 2)
        for i, t in enumerate(thetas):
            np.testing.assert_allclose(grads[i], model.sample_grads(t))
            np.testing.assert_allclose(model.sample_losses(thetas)[i], model.sample_losses(t))


def test_exact_fit_refuses_each_target_it_cannot_reach():
    for y in ([0.0, 0.5], [0.5, 1.0], [-0.1, 0.5], [0.5, 1.1]):
        with pytest.raises(ValueError, match=r"^exact_fit needs targets y strictly between 0 and 1"):
            SigmoidNeuron([0.5, 2.5], y).exact_fit()
    np.testing.assert_allclose(SigmoidNeuron([0.0, 1.0], [0.5, 0.5]).exact_fit(), [0.0, 0.0], atol=1e-15)


def test_cost_and_batch_gradient_of_a_batch_of_parameters():
    model = LinearRegression(X, Y)
    thetas = np.array([[0.5, -0.2], [1.0, 0.3], [-0.4, 2.0]])
    assert model.cost(thetas).shape == (3,) and model.grad(thetas).shape == (3, 2)
    for i, t in enumerate(thetas):
        assert model.cost(thetas)[i] == pytest.approx(model.cost(t))
        np.testing.assert_allclose(model.grad(thetas)[i], model.grad(t))
        np.testing.assert_allclose(model.batch_grad(thetas, np.array([1, 4]))[i], model.batch_grad(t, np.array([1, 4])))
    neuron = SigmoidNeuron(X, np.linspace(0.1, 0.9, len(X)))
    np.testing.assert_allclose(neuron.loss(thetas)[1], neuron.loss(thetas[1]))
    np.testing.assert_allclose(neuron.grad(thetas)[2], neuron.grad(thetas[2]))


def test_idx_messages():
    with pytest.raises(ValueError) as err:
        LinearRegression([1.0, 2.0], [1.0, 2.0]).batch_grad(np.zeros(2), np.array([5]))
    assert str(err.value) == "idx must be a slice or a non-empty 1-D array of sample indices from 0 to 1, got array of shape (1,)"
