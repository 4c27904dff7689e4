r"""The seeds' two models, and mini-batch iteration.

Parameters are vectors :math:`\theta` of shape ``(..., 2)`` so that
:func:`gdlib.descend` can run one model or a batch of them:
``(m, b)`` for the line, ``(w, b)`` for the sigmoid neuron.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from . import validation
from .sampling import minibatches  # moved to gdlib.sampling; the old name keeps working


def _data(name: str, values: object) -> np.ndarray:
    arr = validation._numeric_array(name, values, "a 1-D array of real numbers")
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {values!r}")
    return arr


def _theta(theta: object) -> np.ndarray:
    """Parameters of shape ``(..., 2)``: the hot path of a run, so cheap for a float array."""
    if type(theta) is not np.ndarray or theta.dtype != float:
        theta = validation._numeric_array("theta", theta, "an array of real numbers")
    if theta.ndim == 0 or theta.shape[-1] != 2:
        raise ValueError(f"theta must have shape (..., 2), the two parameters of the model, got shape {theta.shape}")
    return theta


def _idx(idx: object, n: int) -> object:
    if isinstance(idx, slice):
        return idx
    arr = np.asarray(idx)
    if arr.dtype.kind not in "iu" or arr.ndim != 1 or arr.size == 0 or arr.min() < 0 or arr.max() >= n:
        raise ValueError(f"idx must be a slice or a non-empty 1-D array of sample indices from 0 to {n - 1}, "
                         f"got {validation.describe(idx)}")
    return arr


class Model:
    """A data set ``(x, y)`` and a per-sample loss; subclasses give the formulas."""

    def __init__(self, x: object, y: object) -> None:
        self.x = _data("x", x)
        self.y = _data("y", y)
        if self.x.shape != self.y.shape:
            raise ValueError(f"x and y must have the same length, got {self.x.size} and {self.y.size}")

    def __len__(self) -> int:
        return self.x.size

    def sample_grads(self, theta: np.ndarray, idx: np.ndarray | slice = slice(None)) -> np.ndarray:
        """Gradient of each sample's loss, shape ``(..., N, 2)``."""
        raise NotImplementedError

    def sample_losses(self, theta: np.ndarray, idx: np.ndarray | slice = slice(None)) -> np.ndarray:
        """Each sample's loss, shape ``(..., N)``."""
        raise NotImplementedError

    def stochastic_grad(self, batch_size: int | None, rng: np.random.Generator) -> Callable[[np.ndarray], np.ndarray]:
        """A gradient function for :func:`gdlib.descend` that uses the next mini-batch at every call.

        ``batch_size=None`` is full-batch gradient descent, ``1`` is SGD, ``M`` is
        mini-batch GD; batches come from :func:`minibatches` with ``rng``.
        """
        batches = minibatches(len(self), batch_size, rng)
        return lambda theta: self.batch_grad(theta, next(batches))

    def batch_grad(self, theta: np.ndarray, idx: np.ndarray | slice) -> np.ndarray:
        """The cost's gradient estimated on the samples ``idx``."""
        raise NotImplementedError


class LinearRegression(Model):
    r"""The line :math:`\hat y = m x + b` with the mean-squared-error cost (seed 000).

    .. math::
        J(m, b) = \frac1N \sum_{i=1}^N \big(y_i - (m x_i + b)\big)^2, \qquad
        \frac{\partial E_i}{\partial m} = -2x_i\big(y_i - (m x_i + b)\big), \quad
        \frac{\partial E_i}{\partial b} = -2\big(y_i - (m x_i + b)\big)

    ``theta = (m, b)``.
    """

    def predict(self, theta: np.ndarray, x: np.ndarray | None = None) -> np.ndarray:
        theta = _theta(theta)
        x = self.x if x is None else validation._numeric_array("x", x, "an array of real numbers")
        return theta[..., 0, None] * x + theta[..., 1, None]

    def residuals(self, theta: np.ndarray, idx: np.ndarray | slice = slice(None)) -> np.ndarray:
        theta, idx = _theta(theta), _idx(idx, len(self))
        return self.y[idx] - (theta[..., 0, None] * self.x[idx] + theta[..., 1, None])

    def sample_losses(self, theta, idx=slice(None)):
        return self.residuals(theta, idx) ** 2

    def sample_grads(self, theta, idx=slice(None)):
        r = self.residuals(theta, idx)
        return np.stack([-2 * self.x[idx] * r, -2 * r], axis=-1)

    def cost(self, theta: np.ndarray) -> np.ndarray:
        """:math:`J(m, b)`, the mean of the squared errors."""
        return self.sample_losses(theta).mean(axis=-1)

    def grad(self, theta: np.ndarray) -> np.ndarray:
        """Full-batch gradient of :math:`J`, shape like ``theta``."""
        return self.batch_grad(theta, slice(None))

    def batch_grad(self, theta, idx):
        r = self.residuals(theta, idx)
        return np.stack([(-2 * self.x[idx] * r).mean(axis=-1), (-2 * r).mean(axis=-1)], axis=-1)

    value = cost


def sigmoid(z: np.ndarray) -> np.ndarray:
    r""":math:`\sigma(z) = 1/(1 + e^{-z})`, computed without overflow for large :math:`|z|`."""
    return _sigmoid(validation._numeric_array("z", z, "an array of real numbers"))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """:func:`sigmoid` of an array already checked: the one formula the network and autodiff use too."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


class SigmoidNeuron(Model):
    r"""One sigmoid neuron :math:`f(x) = \sigma(wx + b)` with loss :math:`\tfrac12 (f(x) - y)^2` (seed 001).

    .. math::
        \nabla w = (f(x)-y)\, f(x)\,(1-f(x))\, x, \qquad \nabla b = (f(x)-y)\, f(x)\,(1-f(x))

    Over the data set, losses and gradients are *summed*, as in the seed's code.
    ``theta = (w, b)``.
    """

    def predict(self, theta: np.ndarray, x: np.ndarray | None = None) -> np.ndarray:
        theta = _theta(theta)
        x = self.x if x is None else validation._numeric_array("x", x, "an array of real numbers")
        return sigmoid(theta[..., 0, None] * x + theta[..., 1, None])

    def sample_losses(self, theta, idx=slice(None)):
        idx = _idx(idx, len(self))
        fx = self.predict(theta, self.x[idx])
        return 0.5 * (fx - self.y[idx]) ** 2

    def sample_grads(self, theta, idx=slice(None)):
        idx = _idx(idx, len(self))
        fx = self.predict(theta, self.x[idx])
        grad_b = (fx - self.y[idx]) * fx * (1 - fx)
        return np.stack([grad_b * self.x[idx], grad_b], axis=-1)

    def loss(self, theta: np.ndarray) -> np.ndarray:
        r""":math:`L(w, b) = \sum_i \tfrac12 (f(x_i) - y_i)^2`."""
        return self.sample_losses(theta).sum(axis=-1)

    def grad(self, theta: np.ndarray) -> np.ndarray:
        """Full-batch gradient of :math:`L` (summed over the samples)."""
        return self.batch_grad(theta, slice(None))

    def batch_grad(self, theta, idx):
        return self.sample_grads(theta, idx).sum(axis=-2)

    value = loss

    def exact_fit(self) -> np.ndarray:
        r"""For two points, the :math:`(w, b)` that fits both exactly: :math:`\sigma^{-1}(y) = wx + b`."""
        if len(self) != 2:
            raise ValueError(f"exact_fit needs exactly 2 samples, got {len(self)}")
        if not np.all((self.y > 0) & (self.y < 1)):
            raise ValueError(f"exact_fit needs targets y strictly between 0 and 1 (a sigmoid never reaches "
                             f"0 or 1), got y = {self.y.tolist()}")
        if self.x[0] == self.x[1]:
            raise ValueError(f"exact_fit needs two different inputs x, got x = {self.x.tolist()}")
        logit = np.log(self.y / (1 - self.y))
        w = (logit[1] - logit[0]) / (self.x[1] - self.x[0])
        return np.array([w, logit[0] - w * self.x[0]])
