r"""Mini-batches: drawing them, the gradient they estimate, and how noisy that estimate is.

A cost that is an average over :math:`N` samples, :math:`J(\theta) = \frac1N\sum_i E_i(\theta)`,
is estimated on a *mini-batch* :math:`B` of :math:`M` samples by
:math:`J_B(\theta) = \frac1M\sum_{i\in B} E_i(\theta)`, and its gradient by the batch mean
:math:`g_B = \frac1M\sum_{i\in B}\nabla E_i` (seed 003, step 16). Three ways to draw batches:

``"epoch"``
    shuffle the :math:`N` samples once per epoch and cut them into batches, as
    ``torch.utils.data.DataLoader(dataset, batch_size=M, shuffle=True)`` does;
``"fresh"``
    every batch is :math:`M` different samples drawn anew, independent of the batch before;
``"replacement"``
    every batch is :math:`M` independent draws, so a sample can appear twice.

In each, the batch mean is *unbiased*: averaged over all the batches that can be drawn it is
the full gradient. Its variance (the mean squared distance from that average) is

.. math::
    \operatorname{var}(g_B) = \frac{s_1^2}{M}\cdot\frac{N-M}{N-1}
    \quad\text{(M different samples)}, \qquad
    \frac{s_1^2}{M} \quad\text{(with replacement)},

where :math:`s_1^2 = \frac1N\sum_i \lVert\nabla E_i - \nabla J\rVert^2` is the variance of one
sample's gradient; :math:`(N-M)/(N-1)` is the *finite-population factor* (Cochran, *Sampling
Techniques*, 1977, Theorem 2.2).

>>> batch_variance([1.0, 2.0, 3.0, 4.0], 2)  # s1^2 = 1.25, / 2, * 2/3
0.4166666666666667
>>> float(batch_means([1.0, 2.0, 3.0, 4.0], 2).mean())  # the six batches average to the mean
2.5
"""

from __future__ import annotations

import itertools
import math
from typing import Callable, Iterator

import numpy as np

from . import validation

__all__ = ["SCHEMES", "minibatches", "sampled_grad", "sampled_gradients", "batch_means",
           "batch_variance", "noise_floor", "MAX_BATCHES"]

SCHEMES = ("epoch", "fresh", "replacement")
"""The ways to draw a mini-batch (see the module's docstring)."""
MAX_BATCHES = 1_000_000
"""The most batches :func:`batch_means` enumerates."""


def _batch_size(batch_size: object, n: int) -> int:
    if batch_size is not None and (isinstance(batch_size, (bool, np.bool_))
                                   or not isinstance(batch_size, (int, np.integer))):
        raise validation.ArgumentTypeError(f"batch_size must be None or a whole number from 1 to {n}, "
                                           f"got {batch_size!r}")
    if batch_size is not None and not 1 <= batch_size <= n:
        raise ValueError(f"batch_size must be None or a whole number from 1 to {n}, got {batch_size!r}")
    return n if batch_size is None else int(batch_size)


def _rng(rng: object) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise validation.ArgumentTypeError(
            f"rng must be a numpy.random.Generator such as np.random.default_rng(0), got {rng!r}")
    return rng


def _scheme(scheme: object) -> str:
    if not isinstance(scheme, str) or scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {', '.join(map(repr, SCHEMES))}, got {scheme!r}")
    return scheme


def minibatches(n: int, batch_size: int | None, rng: np.random.Generator,
                scheme: str = "epoch") -> Iterator[np.ndarray]:
    """Endless index batches of ``batch_size`` samples out of ``range(n)``, drawn with ``rng``.

    ``scheme="epoch"`` (the default, ``DataLoader(shuffle=True)``) shuffles ``range(n)`` each
    epoch and cuts it into batches; the last batch of an epoch is smaller when
    ``batch_size`` does not divide ``n``. ``"fresh"`` and ``"replacement"`` draw every batch
    anew (see the module's docstring). ``batch_size=None`` (or ``n``) in the epoch scheme
    yields all samples in order every time: full-batch gradient descent.
    """
    n = validation.count("n", n, low=1)
    m = _batch_size(batch_size, n)
    rng, scheme = _rng(rng), _scheme(scheme)
    if scheme == "epoch":
        return _epochs(n, m, rng)
    return (row[0] for row in _draws(n, m, 1, rng, scheme))


def _epochs(n: int, m: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    if m == n:  # full batch: no shuffling needed, the mean is the same
        everything = np.arange(n)
        while True:
            yield everything
    while True:
        order = rng.permutation(n)
        for start in range(0, n, m):
            yield order[start:start + m]


def _draws(n: int, m: int, runs: int, rng: np.random.Generator, scheme: str) -> Iterator[np.ndarray]:
    """Endless ``(runs, m)`` index arrays: each row one run's next batch."""
    if scheme == "replacement":
        while True:
            yield rng.integers(0, n, size=(runs, m))
    if scheme == "fresh":
        while True:  # the m smallest of n random keys: m different samples, every set equally likely
            keys = rng.random((runs, n))
            yield np.argpartition(keys, m - 1, axis=1)[:, :m] if m < n else np.argsort(keys, axis=1)
    order = np.tile(np.arange(n), (runs, 1))
    while True:
        order = rng.permuted(order, axis=1)
        for start in range(0, n, m):
            yield order[:, start:start + m]


def _linear_regression(model: object):
    from .models import LinearRegression  # here, not at the top: models imports this module
    if not isinstance(model, LinearRegression):
        raise validation.ArgumentTypeError(
            f"model must be a gdlib.models.LinearRegression (a cost that is a mean over samples), got {model!r}")
    return model


def sampled_grad(model: object, batch_size: int | None, rng: np.random.Generator, *,
                 runs: int | None = None, scheme: str = "epoch") -> Callable[[np.ndarray], np.ndarray]:
    r"""A gradient function for :func:`gdlib.descend`: the batch mean :math:`g_B` on the next mini-batch.

    With ``runs=None`` it takes one ``theta`` of shape ``(2,)``, like
    ``model.stochastic_grad``. With ``runs=R`` it takes ``theta`` of shape ``(R, 2)`` and
    every run draws its own batches, so ``descend(sampled_grad(...), np.zeros((R, 2)), ...)``
    runs ``R`` independent stochastic runs side by side. ``model`` is a
    :class:`~gdlib.models.LinearRegression`; each call is one gradient evaluation.
    """
    model = _linear_regression(model)
    n = len(model)
    m = _batch_size(batch_size, n)
    rng, scheme = _rng(rng), _scheme(scheme)
    if runs is None:
        batches = minibatches(n, m, rng, scheme)
        return lambda theta: model.batch_grad(theta, next(batches))
    runs = validation.count("runs", runs, low=1, high=100_000)
    draws = _draws(n, m, runs, rng, scheme)

    def grad(theta: np.ndarray) -> np.ndarray:
        theta = np.asarray(theta, dtype=float)
        if theta.shape != (runs, 2):
            raise ValueError(f"theta must have shape ({runs}, 2), one (m, b) per run, got shape {theta.shape}")
        idx = next(draws)
        x, y = model.x[idx], model.y[idx]
        r = y - (theta[:, :1] * x + theta[:, 1:])
        return np.stack([(-2 * x * r).mean(axis=1), (-2 * r).mean(axis=1)], axis=-1)

    return grad


def sampled_gradients(model: object, theta: object, batch_size: int | None, draws: int,
                      rng: np.random.Generator, scheme: str = "fresh") -> np.ndarray:
    """``draws`` batch gradients at one ``theta``, each on its own batch: shape ``(draws, 2)``.

    With ``scheme="fresh"`` or ``"replacement"`` the draws are independent of each other.
    """
    theta = validation.vector("theta", theta, 2)
    draws = validation.count("draws", draws, low=1, high=1_000_000)
    grad = sampled_grad(model, batch_size, rng, runs=draws, scheme=scheme)
    return grad(np.tile(theta, (draws, 1)))


def batch_means(values: object, batch_size: int) -> np.ndarray:
    r"""The mean of every batch of ``batch_size`` different samples, by enumeration.

    ``values`` has shape ``(N,)`` or ``(N, d)`` (one row per sample); the result has one row
    per batch, all :math:`\binom{N}{M}` of them, each equally likely under the ``"fresh"``
    scheme. Their mean is the mean of ``values`` (the batch mean is unbiased).
    """
    arr = validation._numeric_array("values", values, "an array of real numbers, one row per sample")
    if arr.ndim not in (1, 2) or arr.shape[0] == 0:
        raise ValueError(f"values must have shape (N,) or (N, d), one row per sample, got shape {arr.shape}")
    n = arr.shape[0]
    m = validation.count("batch_size", batch_size, low=1, high=n)
    if math.comb(n, m) > MAX_BATCHES:
        raise ValueError(f"batch_size {m} out of {n} samples gives {math.comb(n, m)} batches, more than "
                         f"{MAX_BATCHES:,} to enumerate; use sampled_gradients to draw some instead")
    idx = np.array(list(itertools.combinations(range(n), m)))
    return arr[idx].mean(axis=1)


def batch_variance(values: object, batch_size: int, *, replacement: bool = False) -> float:
    r"""The exact variance of a batch mean: :math:`\frac{s_1^2}{M}\frac{N-M}{N-1}`, or :math:`\frac{s_1^2}{M}` with replacement.

    ``values`` has one row per sample (a number or a vector such as a sample's gradient);
    :math:`s_1^2` is their variance, the mean squared distance of a row from the mean row.
    """
    arr = validation._numeric_array("values", values, "an array of real numbers, one row per sample")
    if arr.ndim not in (1, 2) or arr.shape[0] < 2 or not np.all(np.isfinite(arr)):
        raise ValueError(f"values must be finite, with shape (N,) or (N, d) and N >= 2, got "
                         f"{validation.describe(values)}")
    n = arr.shape[0]
    m = validation.count("batch_size", batch_size, low=1, high=n)
    if not isinstance(replacement, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"replacement must be True or False, got {replacement!r}")
    rows = arr.reshape(n, -1)
    s1_squared = float(((rows - rows.mean(axis=0)) ** 2).sum(axis=1).mean())
    return s1_squared / m if replacement else s1_squared / m * (n - m) / (n - 1)


def noise_floor(eta: float, s: float, curvature: float = 1.0) -> float:
    r"""The steady mean square distance :math:`D_\infty = \dfrac{\eta s^2}{\lambda(2 - \eta\lambda)}` of a noisy run.

    On :math:`f(x) = \frac\lambda2 x^2` with gradient :math:`\lambda x + s\,\xi_t` (noise of size
    :math:`s`, independent from step to step), gradient descent with a constant ``eta``
    settles to this mean square :math:`\mathbb E[x_t^2]`. ``curvature=1`` is the
    learning-rate chapter's noise floor :math:`\eta s^2/(2 - \eta)`. Needs
    :math:`0 < \eta\lambda < 2`, else the run does not settle.
    """
    eta = validation.real("eta", eta, low=0.0)
    s = validation.real("s", s, low=0.0, low_open=False)
    lam = validation.real("curvature", curvature, low=0.0)
    if eta * lam >= 2:
        raise ValueError(f"eta * curvature must be below 2 for the run to settle, got eta = {eta!r} "
                         f"and curvature = {lam!r} (product {eta * lam!r})")
    return eta * s**2 / (lam * (2 - eta * lam))
