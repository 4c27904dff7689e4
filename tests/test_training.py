"""Training the digits classifier (gdlib.training): the autodiff gradient against the hand-written
backward pass and finite differences, seeded batches, a loss that falls, and Adam's test accuracy."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import digits, network
from gdlib.numdiff import numerical_gradient
from gdlib.optimizers import GD, Adam, Momentum
from gdlib.training import confusion_matrix, loss, loss_and_gradient, train


@pytest.fixture(scope="module")
def data():
    X, y = digits.load()
    return digits.split(X / digits.MAX_PIXEL, y, test_fraction=0.2, seed=0)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_autodiff_gradient_equals_the_hand_written_backward_pass(data, activation):
    X_train, _, y_train, _ = data
    params = network.init((64, 32, 10), seed=3)
    L, g = loss_and_gradient(network.flatten(params), X_train[:40], y_train[:40], (64, 32, 10), activation)
    L_hand, g_hand = network.loss_and_gradients(params, X_train[:40], y_train[:40], activation)
    assert L == pytest.approx(L_hand, abs=1e-12)
    np.testing.assert_allclose(g, network.flatten(g_hand), atol=1e-12, rtol=1e-10)
    assert np.abs(g).max() > 1e-3  # a real gradient, not zeros on both sides


def test_autodiff_gradient_matches_central_differences():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 5)), rng.integers(0, 3, size=6)
    theta = network.flatten(network.init((5, 4, 3), seed=1))
    _, g = loss_and_gradient(theta, X, y, (5, 4, 3))
    numeric = numerical_gradient(lambda t: loss_and_gradient(t, X, y, (5, 4, 3))[0], theta)
    np.testing.assert_allclose(g, numeric, atol=1e-8)


def test_loss_is_the_mean_cross_entropy_by_hand():
    params = network.Params(np.zeros((2, 2)), np.zeros(2), np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([0.0, np.log(2.0)]))
    # Z1 = 0, tanh 0 = 0, so the logits are b2 = (0, ln 2): softmax (1/3, 2/3)
    L = loss(params, np.ones((2, 2)), np.array([0, 1]))
    assert float(L.value) == pytest.approx(-(np.log(1 / 3) + np.log(2 / 3)) / 2)


def test_the_untrained_loss_is_near_ln_10(data):
    X_train, X_test, y_train, y_test = data
    h = train(GD(eta=0.1), X_train, y_train, X_test, y_test, epochs=1)
    assert abs(h.train_loss[0] - np.log(10)) < 0.1
    assert 0.0 < h.test_accuracy[0] < 0.3  # about one in ten right by chance


@pytest.fixture(scope="module")
def adam_run(data):
    X_train, X_test, y_train, y_test = data
    return train(Adam(eta=0.03), X_train, y_train, X_test, y_test, epochs=20, batch_size=32, seed=0)


def test_adam_reaches_95_percent_and_the_loss_falls(adam_run, data):
    h = adam_run
    assert h.steps == 20 * 45  # ceil(1438 / 32) = 45 batches an epoch
    assert h.test_accuracy[-1] >= 0.95
    assert h.train_loss[-1] < 0.05 * h.train_loss[0]
    assert np.all(h.train_loss[1:6] < h.train_loss[0])
    # the recorded accuracy is the one of the recorded predictions, which are the final weights' ones
    y_test = data[3]
    np.testing.assert_allclose(h.test_accuracy, (h.test_predictions == y_test).mean(axis=1))
    np.testing.assert_array_equal(h.test_predictions[-1], network.predict(h.params, data[1], "tanh"))
    assert h.train_loss[-1] == pytest.approx(float(loss(h.params, data[0], data[2]).value), rel=1e-12)
    assert h.train_accuracy[-1] == network.accuracy(h.params, data[0], data[2], "tanh")


def test_a_run_is_deterministic_and_the_seed_matters(data, adam_run):
    X_train, X_test, y_train, y_test = data
    again = train(Adam(eta=0.03), X_train, y_train, X_test, y_test, epochs=20, seed=0)
    np.testing.assert_array_equal(again.train_loss, adam_run.train_loss)
    np.testing.assert_array_equal(again.test_predictions, adam_run.test_predictions)
    other = train(Adam(eta=0.03), X_train, y_train, X_test, y_test, epochs=1, seed=1)
    assert other.train_loss[1] != adam_run.train_loss[1]


def test_full_batch_gradient_descent_makes_one_update_an_epoch(data):
    X_train, X_test, y_train, y_test = data
    h = train(GD(eta=0.5), X_train, y_train, X_test, y_test, epochs=3, batch_size=None)
    assert h.steps == 3
    # one full-batch step from the same start is plain gradient descent on the training loss
    theta0 = network.flatten(network.init((64, 32, 10), seed=0))
    _, g = loss_and_gradient(theta0, X_train, y_train, (64, 32, 10))
    L1, _ = loss_and_gradient(theta0 - 0.5 * g, X_train, y_train, (64, 32, 10))
    h1 = train(GD(eta=0.5), X_train, y_train, X_test, y_test, epochs=1, batch_size=None)
    assert h1.train_loss[1] == pytest.approx(L1, rel=1e-12)


def test_momentum_with_mu_zero_is_gradient_descent(data):
    X_train, X_test, y_train, y_test = data
    a = train(Momentum(eta=0.1, mu=0.0), X_train, y_train, X_test, y_test, epochs=2)
    b = train(GD(eta=0.1), X_train, y_train, X_test, y_test, epochs=2)
    np.testing.assert_allclose(a.train_loss, b.train_loss, rtol=1e-12)


def test_an_overflowing_run_is_reported(data):
    X_train, X_test, y_train, y_test = data
    with pytest.raises(FloatingPointError, match="eta"):
        train(GD(eta=1e300), X_train, y_train, X_test, y_test, epochs=1, activation="relu")


def test_confusion_matrix_counts_by_hand():
    C = confusion_matrix(np.array([0, 0, 1, 2, 2, 2]), np.array([0, 1, 1, 2, 0, 2]), classes=3)
    np.testing.assert_array_equal(C, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert np.trace(C) / C.sum() == pytest.approx(4 / 6)
