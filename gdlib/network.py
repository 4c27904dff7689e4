r"""A two-layer neural network, its backward pass written out by hand (backpropagation).

For a batch of :math:`N` inputs, the rows of :math:`X` (shape :math:`N \times n_0`),
the forward pass is

.. math::
    Z_1 = X W_1 + b_1, \qquad A_1 = h(Z_1), \qquad Z_2 = A_1 W_2 + b_2,

with :math:`h` the activation (sigmoid, tanh or ReLU) applied to each entry. The loss is the
mean over the batch: for classification the softmax cross-entropy,
:math:`P = \operatorname{softmax}(Z_2)` row by row and
:math:`L = -\tfrac1N \sum_i \log P_{i, y_i}`; for regression the squared loss
:math:`L = \tfrac1{2N} \sum_i \lVert Z_{2,i} - Y_i \rVert^2`.

The backward pass applies the chain rule one layer at a time, from the loss back to the
input, in the adjoint notation :math:`\bar V = \partial L / \partial V` (same shape as :math:`V`). :math:`\bar Z_2` is :math:`(P - Y)/N` for the
cross-entropy (:math:`Y` the one-hot labels) and :math:`(Z_2 - Y)/N` for the squared loss; then

.. math::
    \bar W_2 = A_1^\top \bar Z_2, \quad
    \bar b_2 = \mathbf 1^\top \bar Z_2, \quad
    \bar Z_1 = (\bar Z_2 W_2^\top) \odot h'(Z_1), \quad
    \bar W_1 = X^\top \bar Z_1, \quad
    \bar b_1 = \mathbf 1^\top \bar Z_1,

where :math:`\odot` multiplies entry by entry and :math:`\mathbf 1^\top` sums over the batch.

>>> params = init((2, 3, 2), seed=0)
>>> X, y = np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([0, 1])
>>> loss, grads = loss_and_gradients(params, X, y)
>>> round(loss, 4), grads.W1.shape, grads.b2.shape
(0.7358, (2, 3), (2,))
"""

from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np

from . import validation
from .models import _sigmoid

MAX_UNITS = 100_000
"""The most units one layer may have (a million weights fit; a billion do not)."""


class Params(NamedTuple):
    r"""The weights and biases: :math:`W_1` (:math:`n_0 \times n_1`), :math:`b_1` (:math:`n_1`),
    :math:`W_2` (:math:`n_1 \times n_2`), :math:`b_2` (:math:`n_2`). Gradients come in the same shape."""
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


# --- activations and their derivatives ----------------------------------------------------

ACTIVATIONS: dict[str, tuple[Callable, Callable]] = {
    # name: (phi, phi'), phi' written through phi where the derivative allows it
    "sigmoid": (_sigmoid, lambda z: _sigmoid(z) * (1.0 - _sigmoid(z))),  # sigma' = sigma (1 - sigma) <= 1/4
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),                # tanh' = 1 - tanh^2 <= 1
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),  # 0 or 1; 0 taken at z = 0
}
LOSSES = ("cross_entropy", "squared")


def softmax(Z: np.ndarray) -> np.ndarray:
    r"""Row by row :math:`P_{ik} = e^{Z_{ik}} / \sum_j e^{Z_{ij}}`; the row's largest entry is subtracted
    first, which changes nothing but keeps :math:`e^{Z}` from overflowing."""
    Z = validation._numeric_array("Z", Z, "an array of real numbers (one row of logits per sample)")
    if Z.ndim == 0 or not np.all(np.isfinite(Z)):
        raise ValueError(f"Z must be a finite array with at least one axis, got {validation.describe(Z)}")
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def one_hot(y: np.ndarray, classes: int) -> np.ndarray:
    r"""Labels as rows of the identity: :math:`Y_{ik} = 1` if :math:`y_i = k`, else 0."""
    classes = validation.count("classes", classes, low=1, high=MAX_UNITS)
    y = _labels(y, None, classes)
    return np.eye(classes)[y]


# --- argument checks ----------------------------------------------------------------------

def _activation(activation: object) -> tuple[Callable, Callable]:
    if not isinstance(activation, str):
        raise validation.ArgumentTypeError(f"activation must be one of {list(ACTIVATIONS)}, "
                                           f"got {validation.describe(activation)}")
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {list(ACTIVATIONS)}, got {activation!r}")
    return ACTIVATIONS[activation]


def _params(params: object) -> Params:
    if not isinstance(params, Params):
        raise validation.ArgumentTypeError(f"params must be a gdlib.network.Params (from network.init), "
                                           f"got {validation.describe(params)}")
    W1, b1, W2, b2 = (validation._numeric_array(f"params.{k}", v, "an array of real numbers")
                      for k, v in zip(Params._fields, params))
    if W1.ndim != 2 or W2.ndim != 2 or b1.shape != (W1.shape[1],) or W2.shape[0] != W1.shape[1] \
            or b2.shape != (W2.shape[1],):
        raise ValueError(f"params must have shapes W1 (n0, n1), b1 (n1,), W2 (n1, n2), b2 (n2,), got "
                         f"{', '.join(f'{k} {np.shape(v)}' for k, v in zip(Params._fields, params))}")
    return Params(W1, b1, W2, b2)


def _inputs(X: object, n0: int) -> np.ndarray:
    X = validation._numeric_array("X", X, "an array of real numbers (one row per sample)")
    if X.ndim != 2 or X.shape[1] != n0 or X.shape[0] == 0:
        raise ValueError(f"X must have shape (N, {n0}) with N >= 1 (one row per sample), got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite, got nan or inf")
    return X


def _labels(y: object, n: int | None, classes: int) -> np.ndarray:
    arr = np.asarray(y) if not isinstance(y, (str, bytes)) else np.asarray(0.5)
    if arr.ndim != 1 or arr.dtype.kind not in "iu":
        raise validation.ArgumentTypeError(f"y must be a 1-D array of whole-number class labels 0 to {classes - 1}, "
                                           f"got {validation.describe(y)}")
    if n is not None and arr.shape[0] != n:
        raise ValueError(f"y must have one label per row of X ({n}), got {arr.shape[0]}")
    if arr.size and (arr.min() < 0 or arr.max() >= classes):
        bad = arr[(arr < 0) | (arr >= classes)][0]
        raise ValueError(f"y must hold class labels 0 to {classes - 1} (one per output), got {int(bad)}")
    return arr.astype(np.int64)


def _targets(y: object, loss: object, N: int, n2: int) -> np.ndarray:
    """``y`` as the matrix :math:`Y`: one-hot labels for the cross-entropy, the targets for the squared loss."""
    if not isinstance(loss, str) or loss not in LOSSES:
        kind = ValueError if isinstance(loss, str) else validation.ArgumentTypeError
        raise kind(f"loss must be one of {list(LOSSES)}, got {validation.describe(loss)}")
    if loss == "cross_entropy":
        return np.eye(n2)[_labels(y, N, n2)]
    Y = validation._numeric_array("y", y, "an array of real targets")
    if Y.ndim == 1 and n2 == 1:
        Y = Y[:, None]  # one output: a plain vector of targets is fine
    if Y.shape != (N, n2):
        raise ValueError(f"y must have shape ({N}, {n2}) for the squared loss (a target per output), got shape {Y.shape}")
    if not np.all(np.isfinite(Y)):
        raise ValueError("y must be finite, got nan or inf")
    return Y


# --- the network --------------------------------------------------------------------------

def init(sizes: tuple[int, int, int], scale: float = 1.0, seed: int = 0) -> Params:
    r"""Random weights for layer sizes ``(n0, n1, n2)``, zero biases.

    Each weight is drawn from :math:`\mathcal N(0, s^2 / n_\text{in})` with :math:`s` = ``scale`` and
    :math:`n_\text{in}` the number of inputs to its layer (LeCun's scaling: with ``scale=1``,
    a unit's input sum has about the variance of one input; ``scale=0`` gives all-zero weights). ``numpy.random.default_rng(seed)``
    draws them.
    """
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (tuple, list)) or len(sizes) != 3:
        raise validation.ArgumentTypeError(f"sizes must be three layer sizes (n0, n1, n2) such as (64, 32, 10), "
                                           f"got {validation.describe(sizes)}")
    n0, n1, n2 = (validation.count(f"sizes[{i}]", n, low=1, high=MAX_UNITS) for i, n in enumerate(sizes))
    s = validation.real("scale", scale, low=0.0, low_open=False)
    rng = np.random.default_rng(validation.count("seed", seed))
    return Params(W1=rng.normal(0.0, s / np.sqrt(n0), (n0, n1)), b1=np.zeros(n1),
                  W2=rng.normal(0.0, s / np.sqrt(n1), (n1, n2)), b2=np.zeros(n2))


def forward(params: Params, X: np.ndarray, activation: str = "sigmoid") -> np.ndarray:
    r"""The outputs :math:`Z_2 = h(X W_1 + b_1) W_2 + b_2`, one row per input (the logits, for a classifier)."""
    W1, b1, W2, b2 = _params(params)
    phi, _ = _activation(activation)
    X = _inputs(X, W1.shape[0])
    return phi(X @ W1 + b1) @ W2 + b2


def predict(params: Params, X: np.ndarray, activation: str = "sigmoid") -> np.ndarray:
    r"""The predicted class of each input: the index of its largest output, :math:`\arg\max_k Z_{2,ik}`."""
    return np.argmax(forward(params, X, activation), axis=1)


def loss_and_gradients(params: Params, X: np.ndarray, y: np.ndarray, activation: str = "sigmoid",
                       loss: str = "cross_entropy") -> tuple[float, Params]:
    r"""The loss :math:`L` over the batch and its gradients :math:`\partial L/\partial W_1, \dots`, by backpropagation.

    ``y`` holds class labels (shape ``(N,)``) for ``loss="cross_entropy"``, targets (shape
    ``(N, n2)``) for ``loss="squared"``. The formulas are in the module's docstring; each line
    below is one of them, in the same order.
    """
    W1, b1, W2, b2 = _params(params)
    phi, dphi = _activation(activation)
    X = _inputs(X, W1.shape[0])
    N = X.shape[0]
    Y = _targets(y, loss, N, W2.shape[1])
    # forward, keeping what the backward pass needs
    Z1 = X @ W1 + b1
    A1 = phi(Z1)
    Z2 = A1 @ W2 + b2
    if loss == "cross_entropy":
        # log P by the log-sum-exp of the shifted row, so that a large logit gives no log(0)
        shifted = Z2 - Z2.max(axis=1, keepdims=True)
        log_P = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        L = -np.sum(Y * log_P) / N
        D2 = (np.exp(log_P) - Y) / N          # dL/dZ2 = (P - Y)/N: softmax minus one-hot
    else:
        L = 0.5 * np.sum((Z2 - Y) ** 2) / N
        D2 = (Z2 - Y) / N                     # dL/dZ2 = (Z2 - Y)/N
    # backward, one layer at a time
    dW2 = A1.T @ D2                           # dL/dW2 = A1^T D2
    db2 = D2.sum(axis=0)                      # dL/db2 = 1^T D2
    D1 = (D2 @ W2.T) * dphi(Z1)               # dL/dZ1 = (D2 W2^T) * phi'(Z1)
    dW1 = X.T @ D1                            # dL/dW1 = X^T D1
    db1 = D1.sum(axis=0)                      # dL/db1 = 1^T D1
    return float(L), Params(dW1, db1, dW2, db2)


def flatten(params: Params) -> np.ndarray:
    """All weights and biases in one vector (W1, b1, W2, b2, each row by row), for a gdlib optimizer."""
    return np.concatenate([np.ravel(p) for p in _params(params)])


def unflatten(theta: np.ndarray, sizes: tuple[int, int, int]) -> Params:
    """The inverse of :func:`flatten`: the vector ``theta`` cut back into ``Params`` for layer sizes ``sizes``."""
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (tuple, list)) or len(sizes) != 3:
        raise validation.ArgumentTypeError(f"sizes must be three layer sizes (n0, n1, n2), got {validation.describe(sizes)}")
    n0, n1, n2 = (validation.count(f"sizes[{i}]", n, low=1, high=MAX_UNITS) for i, n in enumerate(sizes))
    theta = validation._numeric_array("theta", theta, "a vector of real numbers")
    shapes = [(n0, n1), (n1,), (n1, n2), (n2,)]
    total = sum(int(np.prod(s)) for s in shapes)
    if theta.shape != (total,):
        raise ValueError(f"theta must have shape ({total},) for sizes {tuple(sizes)}, got shape {theta.shape}")
    cuts = np.cumsum([int(np.prod(s)) for s in shapes])[:-1]
    return Params(*(part.reshape(s) for part, s in zip(np.split(theta, cuts), shapes)))


def accuracy(params: Params, X: np.ndarray, y: np.ndarray, activation: str = "sigmoid") -> float:
    """The fraction of inputs whose predicted class is their label."""
    pred = predict(params, X, activation)
    return float(np.mean(pred == _labels(y, pred.shape[0], params.W2.shape[1])))


# --- gradient clipping --------------------------------------------------------------------

def clip_by_norm(grads: Params | np.ndarray, max_norm: float) -> Params | np.ndarray:
    r"""Scale the gradient down to norm ``max_norm`` when it is longer; leave it alone otherwise.

    .. math::
        g \leftarrow g \cdot \min\!\Bigl(1, \frac{c}{\lVert g \rVert}\Bigr),

    with :math:`\lVert g \rVert` the norm of all the gradient's entries together (of every array,
    for ``Params``), so the direction is kept and only the length is capped. Like
    ``torch.nn.utils.clip_grad_norm_(params, max_norm=c)``, without its :math:`10^{-6}` in the denominator.
    """
    c = validation.real("max_norm", max_norm, low=0.0)
    if isinstance(grads, Params):
        arrays = list(_params(grads))
    else:
        g = validation._numeric_array("grads", grads, "a Params or an array of real numbers")
        arrays = [g]
    norm = float(np.sqrt(sum(np.sum(a ** 2) for a in arrays)))
    if not np.isfinite(norm):
        raise ValueError(f"grads must be finite to be clipped, got norm {norm}")
    factor = min(1.0, c / norm) if norm > 0 else 1.0
    clipped = [a * factor for a in arrays]
    return Params(*clipped) if isinstance(grads, Params) else clipped[0]


# --- a deep stack: vanishing and exploding gradients -----------------------------------------

def deep_init(depth: int, width: int = 16, scale: float = 1.0, seed: int = 0) -> list[np.ndarray]:
    r"""The weights :math:`W_1, \dots, W_D` of a stack of ``depth`` square layers of ``width`` units,
    each entry drawn from :math:`\mathcal N(0, s^2/n)` (:math:`n` = ``width``, :math:`s` = ``scale``), no biases."""
    depth = validation.count("depth", depth, low=1, high=1000)
    width = validation.count("width", width, low=1, high=1000)
    s = validation.real("scale", scale, low=0.0, low_open=False)
    rng = np.random.default_rng(validation.count("seed", seed))
    return [rng.normal(0.0, s / np.sqrt(width), (width, width)) for _ in range(depth)]


def deep_backward(weights: list[np.ndarray], X: np.ndarray, Y: np.ndarray,
                  activation: str = "sigmoid") -> tuple[float, list[np.ndarray], list[np.ndarray]]:
    r"""Loss, gradients and the backward signals of the stack :math:`A_l = h(A_{l-1} W_l)`, :math:`A_0 = X`, for
    :math:`L = \tfrac1{2N}\lVert A_D - Y \rVert^2`.

    Backward, from :math:`\bar Z_D = (A_D - Y)/N \odot h'(Z_D)` (the bar: the derivative of
    :math:`L` with respect to the barred quantity):

    .. math::
        \bar W_l = A_{l-1}^\top \bar Z_l, \qquad
        \bar Z_{l-1} = (\bar Z_l W_l^\top) \odot h'(Z_{l-1}).

    Each step back multiplies by a :math:`W_l^\top` and by :math:`h'`; with the sigmoid,
    :math:`h' \le 1/4`, so the early layers' gradients shrink geometrically (they vanish),
    unless the weights are large enough to outgrow that factor (then they can explode).
    Returns ``(L, [W̄_1, ..., W̄_D], [Z̄_1, ..., Z̄_D])``.
    """
    if not isinstance(weights, (list, tuple)) or not weights:
        raise validation.ArgumentTypeError(f"weights must be a non-empty list of square matrices (from deep_init), "
                                           f"got {validation.describe(weights)}")
    Ws = [validation._numeric_array(f"weights[{i}]", W, "a matrix of real numbers") for i, W in enumerate(weights)]
    n = Ws[0].shape[0] if Ws[0].ndim == 2 else -1
    for i, W in enumerate(Ws):
        if W.shape != (n, n):
            raise ValueError(f"weights[{i}] must be a {n} x {n} matrix like weights[0], got shape {W.shape}")
    phi, dphi = _activation(activation)
    X = _inputs(X, n)
    Y = validation._numeric_array("Y", Y, "an array of real targets")
    if Y.shape != X.shape:
        raise ValueError(f"Y must have the shape of X, {X.shape}, got shape {Y.shape}")
    As, Zs = [X], []
    with np.errstate(over="ignore", invalid="ignore"):  # an exploding stack is reported below, by name
        for W in Ws:                          # forward: Z_l = A_{l-1} W_l, A_l = phi(Z_l)
            Zs.append(As[-1] @ W)
            As.append(phi(Zs[-1]))
        N = X.shape[0]
        L = 0.5 * np.sum((As[-1] - Y) ** 2) / N
        D = (As[-1] - Y) / N * dphi(Zs[-1])   # Z-bar_D
        grads = [np.empty(0)] * len(Ws)
        signals = [np.empty(0)] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):  # backward: layer D, D-1, ..., 1
            signals[l] = D
            grads[l] = As[l].T @ D            # W-bar_l = A_{l-1}^T Z-bar_l  (As[l] is A_{l-1})
            if l > 0:
                D = (D @ Ws[l].T) * dphi(Zs[l - 1])
    if not (np.isfinite(L) and all(np.all(np.isfinite(g)) for g in grads)):
        raise ValueError(f"the stack of {len(Ws)} layers overflowed float64 (its activations or gradients passed "
                         "1e308): use fewer layers or smaller weights")
    return float(L), grads, signals


def deep_gradients(weights: list[np.ndarray], X: np.ndarray, Y: np.ndarray,
                   activation: str = "sigmoid") -> tuple[float, list[np.ndarray]]:
    r"""Loss and gradients :math:`\bar W_1, \dots, \bar W_D` of the stack of :func:`deep_backward`."""
    L, grads, _ = deep_backward(weights, X, Y, activation)
    return L, grads


def deep_train(weights: list[np.ndarray], X: np.ndarray, Y: np.ndarray, activation: str = "relu",
               eta: float = 0.1, steps: int = 100, max_norm: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    r"""Gradient descent on the stack of :func:`deep_backward`, with the gradient clipped to ``max_norm``
    (:func:`clip_by_norm`, all layers together) when one is given.

    Returns the loss before each step and the gradient's norm (before clipping) at each step,
    both of length ``steps``. A run whose activations overflow stops there; its remaining losses are ``inf``.
    Like ``torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)`` before ``optimizer.step()``.
    """
    eta = validation.real("eta", eta, low=0.0)
    steps = validation.count("steps", steps, low=1, high=1_000_000)
    Ws = list(weights)
    losses, norms = np.full(steps, np.inf), np.full(steps, np.inf)
    for t in range(steps):
        try:
            losses[t], grads = deep_gradients(Ws, X, Y, activation)
        except ValueError as err:
            if "overflowed" not in str(err):
                raise
            break
        norms[t] = np.sqrt(sum(np.sum(g**2) for g in grads))
        if max_norm is not None:
            grads = [clip_by_norm(np.concatenate([g.ravel() for g in grads]), max_norm)]
            grads = np.split(grads[0], np.cumsum([W.size for W in Ws])[:-1])
            grads = [g.reshape(W.shape) for g, W in zip(grads, Ws)]
        Ws = [W - eta * g for W, g in zip(Ws, grads)]
    return losses, norms


def train(params: Params, X: np.ndarray, y: np.ndarray, optimizer, epochs: int, activation: str = "sigmoid",
          loss: str = "cross_entropy", keep: tuple[int, ...] = ()) -> tuple[np.ndarray, dict[int, Params]]:
    r"""Full-batch training: ``epochs`` updates of ``optimizer`` (a gdlib optimizer, e.g. ``GD(eta=2.0)``)
    with the gradients of :func:`loss_and_gradients`.

    Returns the loss at epochs 0 to ``epochs`` (the last after the final update) and the
    parameters at the epochs listed in ``keep``.
    """
    epochs = validation.count("epochs", epochs, low=0, high=1_000_000)
    if not hasattr(optimizer, "init") or not hasattr(optimizer, "update"):
        raise validation.ArgumentTypeError(f"optimizer must be a gdlib optimizer such as GD(eta=0.5), "
                                           f"got {validation.describe(optimizer)}")
    sizes = (params.W1.shape[0], params.W1.shape[1], params.W2.shape[1])
    theta = flatten(params)
    state = optimizer.init(theta)
    losses, kept = np.empty(epochs + 1), {}
    for t in range(epochs + 1):
        current = unflatten(theta, sizes)
        if t in keep:
            kept[t] = current
        losses[t], grads = loss_and_gradients(current, X, y, activation, loss)
        if t < epochs:
            theta, state = optimizer.update(theta, flatten(grads), state)
    return losses, kept


def deep_data(width: int = 16, samples: int = 32, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The deep stack's data: ``samples`` standard normal inputs :math:`X` and targets :math:`Y` drawn uniformly
    from (0, 1), both of shape ``(samples, width)``, from ``numpy.random.default_rng([seed, 1])`` (another
    stream than :func:`deep_init`'s weights)."""
    width = validation.count("width", width, low=1, high=1000)
    samples = validation.count("samples", samples, low=1, high=100_000)
    rng = np.random.default_rng([validation.count("seed", seed), 1])
    return rng.normal(size=(samples, width)), rng.uniform(size=(samples, width))


def deep_gradient_norms(depth: int, scale: float = 1.0, activation: str = "sigmoid", seed: int = 0,
                        width: int = 16, samples: int = 32) -> np.ndarray:
    r"""The norm :math:`\lVert \partial L / \partial W_l \rVert` of each layer's gradient, first layer first,
    for a stack made by :func:`deep_init` on ``samples`` standard normal inputs with targets drawn
    uniformly from (0, 1) (both from ``seed``).

    >>> norms = deep_gradient_norms(10, scale=1.0, activation="sigmoid")
    >>> bool(norms[0] < 1e-3 * norms[-1])  # the first layer learns a thousand times slower
    True
    """
    weights = deep_init(depth, width, scale, seed)
    X, Y = deep_data(width, samples, seed)
    _, grads = deep_gradients(weights, X, Y, activation)
    return np.array([np.linalg.norm(g) for g in grads])
