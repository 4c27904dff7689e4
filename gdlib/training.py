r"""Training a small classifier with the book's own pieces: autodiff, mini-batches and an optimizer.

The network is :mod:`gdlib.network`'s two-layer one, :math:`Z_1 = X W_1 + b_1`,
:math:`A_1 = \tanh(Z_1)` (or another activation), :math:`Z_2 = A_1 W_2 + b_2`, with the mean
softmax cross-entropy :math:`L` of the logits :math:`Z_2`. Its gradient comes from reverse-mode
automatic differentiation (:class:`gdlib.autodiff.Tensor`), not from the hand-written backward
pass; the optimizer (any of :mod:`gdlib.optimizers`) updates all the weights and biases as one
flat vector :math:`\theta` (:func:`gdlib.network.flatten`). One epoch shuffles the training set
and cuts it into mini-batches of ``batch_size`` (:func:`gdlib.sampling.minibatches`, as
``DataLoader(shuffle=True)``), one update per batch:

.. math::
    g_t = \nabla_\theta L_{B_t}(\theta_{t-1}), \qquad \theta_t = \text{update}(\theta_{t-1}, g_t).

In PyTorch the same loop is ``for xb, yb in loader: opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()``.

>>> from gdlib import digits
>>> from gdlib.optimizers import Adam
>>> X, y = digits.load()
>>> X_train, X_test, y_train, y_test = digits.split(X / 16, y, seed=0)
>>> history = train(Adam(eta=0.01), X_train, y_train, X_test, y_test, epochs=2)
>>> history.steps, history.test_accuracy.shape, history.test_predictions.shape
(90, (3,), (3, 359))
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import network, validation
from .autodiff import Tensor, cross_entropy
from .optimizers import Optimizer
from .sampling import _batch_size, minibatches

__all__ = ["History", "loss", "loss_and_gradient", "train", "confusion_matrix", "MAX_EPOCHS"]

MAX_EPOCHS = 10_000
"""The most epochs :func:`train` runs (a guard against a typo such as ``epochs=10**9``)."""


class History(NamedTuple):
    r"""What :func:`train` records: entry :math:`k` of each per-epoch array is measured after epoch
    :math:`k` (entry 0 before any update, at the initial weights)."""
    optimizer: str                 #: the optimizer, as ``repr`` prints it
    steps: int                     #: updates made: epochs times batches per epoch
    train_loss: np.ndarray         #: the mean cross-entropy over the whole training set
    train_accuracy: np.ndarray     #: the fraction of training samples classified right
    test_accuracy: np.ndarray      #: the fraction of test samples classified right
    test_predictions: np.ndarray   #: shape ``(epochs + 1, n_test)``: each test sample's predicted class
    params: network.Params         #: the weights and biases after the last epoch


def loss(params: network.Params, X: np.ndarray, y: np.ndarray, activation: str = "tanh") -> Tensor:
    r"""The mean cross-entropy :math:`L` of the network, recorded as a :class:`Tensor` for ``backward()``.

    The fields of ``params`` may be Tensors (their ``.grad`` is then set by ``L.backward()``) or
    arrays (which become input Tensors). The forward pass, one line per formula:
    :math:`Z_1 = X W_1 + b_1`, :math:`A_1 = h(Z_1)`, :math:`Z_2 = A_1 W_2 + b_2`,
    :math:`L = \operatorname{cross\_entropy}(Z_2, y)`.
    """
    if not isinstance(params, network.Params):
        raise validation.ArgumentTypeError(f"params must be a gdlib.network.Params (from network.init), "
                                           f"got {validation.describe(params)}")
    W1, b1, W2, b2 = (p if isinstance(p, Tensor) else Tensor(p, name=f"params.{k}")
                      for k, p in zip(network.Params._fields, params))
    network._params(network.Params(W1.value, b1.value, W2.value, b2.value))  # the shapes fit together
    network._activation(activation)
    X = network._inputs(X, W1.shape[0])
    y = network._labels(y, X.shape[0], W2.shape[1])
    Z1 = Tensor(X, name="X") @ W1 + b1
    A1 = getattr(Z1, activation)()
    Z2 = A1 @ W2 + b2
    return cross_entropy(Z2, y)


def loss_and_gradient(theta: np.ndarray, X: np.ndarray, y: np.ndarray, sizes: tuple[int, int, int],
                      activation: str = "tanh") -> tuple[float, np.ndarray]:
    r""":math:`L(\theta)` and :math:`\nabla_\theta L` by reverse-mode autodiff (one forward and one backward pass).

    ``theta`` is all the weights and biases in one vector (:func:`gdlib.network.flatten`), for
    layer sizes ``sizes``; the gradient comes back in the same order. The same numbers as
    :func:`gdlib.network.loss_and_gradients`, flattened; here nobody wrote the backward pass by hand.
    """
    leaves = [Tensor(p, name=f"params.{k}") for k, p in zip(network.Params._fields, network.unflatten(theta, sizes))]
    L = loss(network.Params(*leaves), X, y, activation)
    L.backward()
    return float(L.value), np.concatenate([leaf.grad.ravel() for leaf in leaves])


def train(optimizer: Optimizer, X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray,
          y_test: np.ndarray, *, hidden: int = 32, epochs: int = 20, batch_size: int | None = 32,
          activation: str = "tanh", seed: int = 0) -> History:
    r"""Train a ``n0 -> hidden -> 10`` classifier with ``optimizer`` on mini-batches; record every epoch.

    ``n0`` is the number of columns of ``X_train``; the labels are classes 0 to 9. The weights start
    at :func:`gdlib.network.init` ``(sizes, scale=1, seed=seed)`` and the batches are shuffled by
    ``numpy.random.default_rng(seed)``, so the same call gives the same run. Each epoch makes
    :math:`\lceil N / M \rceil` updates (:math:`N` training samples, :math:`M` = ``batch_size``;
    ``None`` is full-batch gradient descent, one update per epoch).
    """
    if not isinstance(optimizer, Optimizer):
        raise validation.ArgumentTypeError(f"optimizer must be a gdlib optimizer such as gdlib.optimizers.Adam(eta=0.01), "
                                           f"got {validation.describe(optimizer)}")
    X_train = validation._numeric_array("X_train", X_train, "an array of real numbers (one row per sample)")
    if X_train.ndim != 2 or min(X_train.shape) == 0 or not np.all(np.isfinite(X_train)):
        raise ValueError(f"X_train must be a finite array of shape (N, n0), one row per sample, got "
                         f"{validation.describe(X_train)}")
    n0, classes = X_train.shape[1], 10
    y_train = network._labels(y_train, X_train.shape[0], classes)
    X_test = network._inputs(X_test, n0)
    y_test = network._labels(y_test, X_test.shape[0], classes)
    hidden = validation.count("hidden", hidden, low=1, high=network.MAX_UNITS)
    epochs = validation.count("epochs", epochs, low=1, high=MAX_EPOCHS)
    n = X_train.shape[0]
    m = _batch_size(batch_size, n)
    network._activation(activation)
    seed = validation.count("seed", seed)

    sizes = (n0, hidden, classes)
    theta = network.flatten(network.init(sizes, 1.0, seed))
    state = optimizer.init(theta)
    batches = minibatches(n, m, np.random.default_rng(seed))
    per_epoch = -(-n // m)  # ceil(n / m)
    record: dict[str, list] = {"train_loss": [], "train_accuracy": [], "test_accuracy": [], "test_predictions": []}

    def measure(theta: np.ndarray) -> None:  # one forward pass over each set
        params = network.unflatten(theta, sizes)
        Z_train, Z_test = network.forward(params, X_train, activation), network.forward(params, X_test, activation)
        shifted = Z_train - Z_train.max(axis=1, keepdims=True)  # the mean cross-entropy, by log-sum-exp
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        record["train_loss"].append(float(-log_p[np.arange(n), y_train].mean()))
        record["train_accuracy"].append(float(np.mean(Z_train.argmax(axis=1) == y_train)))
        record["test_accuracy"].append(float(np.mean(Z_test.argmax(axis=1) == y_test)))
        record["test_predictions"].append(Z_test.argmax(axis=1))

    measure(theta)
    for epoch in range(1, epochs + 1):
        for _ in range(per_epoch):
            idx = next(batches)
            with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported just below
                _, g = loss_and_gradient(theta, X_train[idx], y_train[idx], sizes, activation)
                theta, state = optimizer.update(theta, g, state)
            if not np.all(np.isfinite(theta)):
                raise FloatingPointError(f"the weights overflowed in epoch {epoch} with {optimizer!r}: "
                                         "choose a smaller learning rate eta")
        measure(theta)
    return History(optimizer=repr(optimizer), steps=epochs * per_epoch,
                   train_loss=np.array(record["train_loss"]), train_accuracy=np.array(record["train_accuracy"]),
                   test_accuracy=np.array(record["test_accuracy"]),
                   test_predictions=np.array(record["test_predictions"]),
                   params=network.unflatten(theta, sizes))


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, classes: int = 10) -> np.ndarray:
    r"""Counts :math:`C_{jk}` of samples of class :math:`j` predicted as class :math:`k` (rows: the truth).

    The diagonal holds the right answers, so :math:`\operatorname{tr} C / \sum_{jk} C_{jk}` is the accuracy.
    Same as ``sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(classes))``.
    """
    classes = validation.count("classes", classes, low=1, high=network.MAX_UNITS)
    y_true = network._labels(y_true, None, classes)
    y_pred = network._labels(y_pred, y_true.shape[0], classes)
    C = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(C, (y_true, y_pred), 1)
    return C
