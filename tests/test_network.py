"""The two-layer network (gdlib.network): hand-written gradients against finite differences and SymPy,
vanishing and exploding gradients in a deep stack, clipping, and one training run on the digits."""

from __future__ import annotations

import time

import numpy as np
import pytest
import sympy as sp

from gdlib import digits
from gdlib import network as nw
from gdlib.numdiff import numerical_gradient
from gdlib.optimizers import Adam

SIZES = (3, 4, 3)


def small_data(loss: str, seed: int = 1):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(5, SIZES[0]))
    y = rng.integers(0, SIZES[2], size=5) if loss == "cross_entropy" else rng.normal(size=(5, SIZES[2]))
    return X, y


@pytest.mark.parametrize("loss", nw.LOSSES)
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_every_gradient_matches_central_differences(activation, loss):
    X, y = small_data(loss)
    params = nw.init(SIZES, scale=1.5, seed=2)
    params = params._replace(b1=np.full(SIZES[1], 0.1), b2=np.array([0.3, -0.2, 0.1]))  # nonzero biases

    def L(theta):
        return nw.loss_and_gradients(nw.unflatten(theta, SIZES), X, y, activation, loss)[0]

    theta = nw.flatten(params)
    numeric = nw.unflatten(numerical_gradient(L, theta, h=1e-6), SIZES)
    value, grads = nw.loss_and_gradients(params, X, y, activation, loss)
    assert value == pytest.approx(L(theta))
    for name in nw.Params._fields:
        np.testing.assert_allclose(getattr(grads, name), getattr(numeric, name), rtol=1e-6, atol=1e-8,
                                   err_msg=name)
        assert np.abs(getattr(grads, name)).max() > 1e-4, name  # a gradient that is not trivially zero


def test_losses_by_hand():
    # One sample, W1 = I, W2 = I, zero biases, relu: Z2 = max(x, 0).
    params = nw.Params(np.eye(2), np.zeros(2), np.eye(2), np.zeros(2))
    X = np.array([[1.0, -2.0]])
    ce, _ = nw.loss_and_gradients(params, X, np.array([0]), "relu")
    assert ce == pytest.approx(-np.log(np.e / (np.e + 1)))   # softmax of (1, 0), label 0
    sq, _ = nw.loss_and_gradients(params, X, np.array([[0.0, 1.0]]), "relu", "squared")
    assert sq == pytest.approx(0.5 * (1.0 + 1.0))           # (1-0)^2 + (0-1)^2, halved


def test_cross_entropy_gradient_is_softmax_minus_one_hot():
    # With W2 = I and b2 = 0 the logits are A1, and dL/db2 = sum over the batch of (P - Y)/N.
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(6, 3)), np.array([0, 2, 1, 1, 0, 2])
    W1 = rng.normal(size=(3, 3))
    params = nw.Params(W1, np.zeros(3), np.eye(3), np.zeros(3))
    _, grads = nw.loss_and_gradients(params, X, y, "tanh")
    Z = np.tanh(X @ W1)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    Y = np.zeros((6, 3))
    Y[np.arange(6), y] = 1
    np.testing.assert_allclose(grads.b2, (P - Y).sum(axis=0) / 6, rtol=1e-12, atol=1e-15)
    # one sample: dL/db2 is exactly its softmax minus its one-hot row
    _, g1 = nw.loss_and_gradients(params, X[:1], y[:1], "tanh")
    np.testing.assert_allclose(g1.b2, P[0] - Y[0], rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(nw.one_hot(y, 3), Y)


def test_one_hidden_unit_against_sympy():
    # 2 inputs -> 1 sigmoid unit -> 2 outputs, cross-entropy on one sample of class 1; and the squared loss.
    x1, x2, w1, w2, b1, v1, v2, c1, c2 = sp.symbols("x1 x2 w1 w2 b1 v1 v2 c1 c2", real=True)
    a = 1 / (1 + sp.exp(-(w1 * x1 + w2 * x2 + b1)))
    z = [v1 * a + c1, v2 * a + c2]
    ce = -(z[1] - sp.log(sp.exp(z[0]) + sp.exp(z[1])))
    t1, t2 = sp.Rational(1, 2), -1
    sq = ((z[0] - t1) ** 2 + (z[1] - t2) ** 2) / 2
    unknowns = [w1, w2, b1, v1, v2, c1, c2]
    values = {x1: 0.7, x2: -1.3, w1: 0.4, w2: -0.9, b1: 0.2, v1: 1.1, v2: -0.6, c1: 0.05, c2: -0.3}
    params = nw.Params(np.array([[0.4], [-0.9]]), np.array([0.2]), np.array([[1.1, -0.6]]), np.array([0.05, -0.3]))
    X = np.array([[0.7, -1.3]])
    for expr, y, loss in [(ce, np.array([1]), "cross_entropy"), (sq, np.array([[0.5, -1.0]]), "squared")]:
        value, g = nw.loss_and_gradients(params, X, y, "sigmoid", loss)
        assert value == pytest.approx(float(expr.subs(values)), rel=1e-12)
        exact = [float(sp.diff(expr, u).subs(values)) for u in unknowns]
        ours = [*g.W1.ravel(), *g.b1, *g.W2.ravel(), *g.b2]
        np.testing.assert_allclose(ours, exact, rtol=1e-12)


def test_forward_and_predict():
    params = nw.Params(np.array([[1.0, -1.0]]), np.zeros(2), np.array([[1.0, 0.0], [0.0, 1.0]]), np.zeros(2))
    X = np.array([[2.0], [-3.0]])
    np.testing.assert_allclose(nw.forward(params, X, "relu"), [[2.0, 0.0], [0.0, 3.0]])
    assert nw.predict(params, X, "relu").tolist() == [0, 1]
    assert nw.accuracy(params, X, np.array([0, 0]), "relu") == 0.5


def test_init_scale_and_seed():
    a, b = nw.init((400, 300, 10), scale=2.0, seed=5), nw.init((400, 300, 10), scale=2.0, seed=5)
    np.testing.assert_array_equal(a.W1, b.W1)
    assert a.W1.std() == pytest.approx(2.0 / np.sqrt(400), rel=0.02)
    assert a.W2.std() == pytest.approx(2.0 / np.sqrt(300), rel=0.05)
    assert not a.b1.any() and not a.b2.any()
    assert not np.array_equal(nw.init((4, 3, 2), seed=1).W1, nw.init((4, 3, 2), seed=2).W1)


def test_flatten_unflatten_round_trip():
    p = nw.init((3, 4, 2), seed=0)._replace(b1=np.arange(4.0), b2=np.array([7.0, 8.0]))
    theta = nw.flatten(p)
    assert theta.shape == (3 * 4 + 4 + 4 * 2 + 2,)
    assert theta[12:16].tolist() == [0.0, 1.0, 2.0, 3.0] and theta[-2:].tolist() == [7.0, 8.0]
    for u, v in zip(nw.unflatten(theta, (3, 4, 2)), p):
        np.testing.assert_array_equal(u, v)


def test_softmax_survives_large_logits():
    P = nw.softmax(np.array([[1000.0, 0.0], [-1000.0, -1000.0]]))
    np.testing.assert_allclose(P, [[1.0, 0.0], [0.5, 0.5]])


def test_deep_gradients_match_central_differences():
    rng = np.random.default_rng(0)
    weights = nw.deep_init(4, width=3, scale=2.0, seed=1)
    X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 3))
    for activation in ["sigmoid", "tanh"]:
        _, grads = nw.deep_gradients(weights, X, Y, activation)
        for l in range(4):
            def L(w, l=l):
                ws = list(weights)
                ws[l] = w.reshape(3, 3)
                return nw.deep_gradients(ws, X, Y, activation)[0]
            np.testing.assert_allclose(grads[l].ravel(), numerical_gradient(L, weights[l].ravel()),
                                       rtol=1e-5, atol=1e-10, err_msg=f"{activation} layer {l}")


def test_sigmoid_gradients_vanish_with_depth():
    norms = nw.deep_gradient_norms(10, scale=1.0, activation="sigmoid", seed=0)
    assert norms.shape == (10,)
    ratio = norms[0] / norms[-1]
    assert ratio < 1e-4                      # measured: 1.9e-6
    assert np.all(np.diff(np.log(norms)) > 0)  # each layer back is smaller (sigma' <= 1/4)
    # a shallower stack loses less
    shallow = nw.deep_gradient_norms(3, scale=1.0, activation="sigmoid", seed=0)
    assert shallow[0] / shallow[-1] > 100 * ratio


def test_large_weights_make_gradients_explode():
    norms = nw.deep_gradient_norms(10, scale=8.0, activation="tanh", seed=0)
    assert norms[0] / norms[-1] > 10         # measured: about 200
    relu = nw.deep_gradient_norms(10, scale=4.0, activation="relu", seed=0)
    assert relu.min() > 1e6                   # every layer's gradient is huge (measured: about 4e8)


def test_clip_by_norm_caps_the_norm_and_keeps_direction():
    g = nw.Params(np.full((2, 2), 3.0), np.zeros(2), np.array([[4.0], [0.0]]), np.zeros(1))
    # norm = sqrt(4 * 9 + 16) = sqrt(52)
    clipped = nw.clip_by_norm(g, 1.0)
    total = np.sqrt(sum(np.sum(a ** 2) for a in clipped))
    assert total == pytest.approx(1.0)
    np.testing.assert_allclose(clipped.W1, 3.0 / np.sqrt(52))
    np.testing.assert_allclose(clipped.W2, [[4.0 / np.sqrt(52)], [0.0]])
    same = nw.clip_by_norm(g, 10.0)          # shorter than the cap: unchanged
    for u, v in zip(same, g):
        np.testing.assert_array_equal(u, v)
    np.testing.assert_allclose(nw.clip_by_norm(np.array([3.0, 4.0]), 2.5), [1.5, 2.0])
    np.testing.assert_array_equal(nw.clip_by_norm(np.zeros(3), 1.0), np.zeros(3))


def test_adam_trains_the_digits_classifier():
    X, y = digits.load()
    X_train, X_test, y_train, y_test = digits.split(X / 16, y, 0.2, 0)
    sizes = (64, 32, 10)
    start = time.perf_counter()
    theta = nw.flatten(nw.init(sizes, seed=0))
    adam = Adam(eta=0.01)
    state = adam.init(theta)
    rng = np.random.default_rng(0)
    for _ in range(10):                       # epochs of mini-batches of 32
        order = rng.permutation(len(y_train))
        for i in range(0, len(order), 32):
            batch = order[i:i + 32]
            _, grads = nw.loss_and_gradients(nw.unflatten(theta, sizes), X_train[batch], y_train[batch])
            theta, state = adam.update(theta, nw.flatten(grads), state)
    seconds = time.perf_counter() - start
    acc = nw.accuracy(nw.unflatten(theta, sizes), X_test, y_test)
    print(f"test accuracy {acc:.4f} after 10 epochs in {seconds:.2f} s")
    assert acc > 0.9                          # measured: 0.944 (sigmoid), in about 0.1 s
    assert seconds < 5
    assert nw.accuracy(nw.init(sizes, seed=0), X_test, y_test) < 0.3  # untrained: near chance


def test_deep_backward_signals_are_the_chain_rule_and_obey_the_quarter_bound():
    X, Y = nw.deep_data(width=6, samples=9, seed=3)
    weights = nw.deep_init(5, width=6, scale=1.0, seed=3)
    L, grads, signals = nw.deep_backward(weights, X, Y, "sigmoid")
    assert (L, [g.tolist() for g in grads]) == (nw.deep_gradients(weights, X, Y, "sigmoid")[0],
                                                [g.tolist() for g in nw.deep_gradients(weights, X, Y, "sigmoid")[1]])
    # Z-bar_l is dL/dZ_l: perturb Z_l by adding to the layer's output through a finite difference in Z
    A = X
    for l, W in enumerate(weights):
        Z = A @ W

        def rest(z_flat, l=l, Z=Z):
            A_ = 1 / (1 + np.exp(-z_flat.reshape(Z.shape)))
            for W_ in weights[l + 1:]:
                A_ = 1 / (1 + np.exp(-(A_ @ W_)))
            return 0.5 * np.sum((A_ - Y) ** 2) / len(X)
        np.testing.assert_allclose(signals[l].ravel(), numerical_gradient(rest, Z.ravel()), rtol=1e-4, atol=1e-9)
        A = 1 / (1 + np.exp(-Z))
    for l in range(1, 5):  # |Z-bar_{l-1}| <= |W_l|_2 / 4 |Z-bar_l|, since sigma' <= 1/4
        assert np.linalg.norm(signals[l - 1]) <= np.linalg.norm(weights[l], 2) / 4 * np.linalg.norm(signals[l])


def test_deep_data_is_seeded_and_shaped():
    X, Y = nw.deep_data(4, 7, seed=2)
    assert X.shape == Y.shape == (7, 4) and Y.min() > 0 and Y.max() < 1
    np.testing.assert_array_equal(X, nw.deep_data(4, 7, seed=2)[0])
    assert not np.array_equal(X, nw.deep_data(4, 7, seed=1)[0])


def test_deep_train_is_plain_gradient_descent_and_clipping_caps_the_step():
    X, Y = nw.deep_data(5, 8, seed=0)
    start = nw.deep_init(3, width=5, scale=1.0, seed=0)
    losses, norms = nw.deep_train(start, X, Y, "tanh", eta=0.5, steps=3)
    Ws = list(start)
    for t in range(3):  # the same steps written out
        L, g = nw.deep_gradients(Ws, X, Y, "tanh")
        assert losses[t] == pytest.approx(L) and norms[t] == pytest.approx(np.sqrt(sum((x**2).sum() for x in g)))
        Ws = [W - 0.5 * x for W, x in zip(Ws, g)]
    # clipped: the first step moves the weights by exactly eta * c when the gradient is longer than c
    big = nw.deep_init(3, width=5, scale=4.0, seed=0)
    _, g0 = nw.deep_gradients(big, X, Y, "relu")
    c = 0.1 * np.sqrt(sum((x**2).sum() for x in g0))
    l1, _ = nw.deep_train(big, X, Y, "relu", eta=0.5, steps=2, max_norm=c)
    moved = [W - 0.5 * x * c / np.sqrt(sum((y**2).sum() for y in g0)) for W, x in zip(big, g0)]
    assert l1[1] == pytest.approx(nw.deep_gradients(moved, X, Y, "relu")[0])


def test_deep_train_reports_an_overflow_as_inf():
    X, Y = nw.deep_data(16, 32, seed=0)
    losses, norms = nw.deep_train(nw.deep_init(10, 16, 2.0, seed=0), X, Y, "relu", eta=0.5, steps=5)
    assert np.isfinite(losses[:2]).all() and np.isinf(losses[-1])


def test_train_is_gradient_descent_on_the_network():
    from gdlib.datasets import moons
    from gdlib.optimizers import GD
    X, y = moons(20, seed=1)
    p0 = nw.init((2, 3, 2), seed=1)
    losses, kept = nw.train(p0, X, y, GD(eta=0.7), 3, keep=(0, 3))
    theta = nw.flatten(p0)
    for t in range(4):
        L, g = nw.loss_and_gradients(nw.unflatten(theta, (2, 3, 2)), X, y)
        assert losses[t] == pytest.approx(L)
        theta = theta - 0.7 * nw.flatten(g)
    np.testing.assert_allclose(nw.flatten(kept[3]), theta + 0.7 * nw.flatten(g))
    np.testing.assert_array_equal(nw.flatten(kept[0]), nw.flatten(p0))


def test_the_moons_network_learns_to_bend():
    # the chapter's run: a plateau at the best straight line, then 99 % right
    from gdlib.datasets import moons
    from gdlib.optimizers import GD
    X, y = moons(100, noise=0.2, seed=0)
    losses, kept = nw.train(nw.init((2, 8, 2), seed=0), X, y, GD(eta=3.0), 2000, keep=(200, 2000))
    assert 0.24 < losses[200] < 0.26 and nw.accuracy(kept[200], X, y) == pytest.approx(0.87, abs=0.02)
    assert losses[2000] < 0.05 and nw.accuracy(kept[2000], X, y) >= 0.98
