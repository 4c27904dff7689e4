r"""How long gradient descent stays on a plateau of the loss.

On a *plateau* the loss is nearly flat, so gradient descent, whose steps are the
slope times :math:`\eta`, crawls. We measure the time it takes to get off one as the
first epoch at which the loss falls below a threshold :math:`L_{\text{th}}`:

.. math::
    T_{\text{escape}} = \min\{\, t \ge 0 : L(x_t) < L_{\text{th}} \,\},

with :math:`T_{\text{escape}} = \infty` when the loss stays at or above the threshold
for every epoch of the run. :func:`first_below` reads it off recorded losses;
:func:`escape_epochs` runs full-batch gradient descent from many starts with many
learning rates in one batched call of :func:`gdlib.descend` and returns the table.
"""

from __future__ import annotations

import numpy as np

from . import validation
from .descent import descend
from .models import Model
from .optimizers import GD

__all__ = ["first_below", "escape_epochs"]


def first_below(losses: object, threshold: float) -> float | np.ndarray:
    r"""The first epoch :math:`t` with :math:`L_t <` ``threshold``, along axis 0; ``inf`` where there is none.

    ``losses`` has one row per epoch: shape ``(K+1,)`` for one run, ``(K+1, B)`` for a
    batch (as ``Result.values``). A loss equal to the threshold is not below it.

    >>> first_below([0.42, 0.41, 0.04, 0.01], 0.05)
    2.0
    >>> first_below([[0.42, 0.42], [0.41, 0.02]], 0.05).tolist()
    [inf, 1.0]
    """
    losses = validation._numeric_array("losses", losses, "an array of losses, one row per epoch")
    if losses.ndim == 0 or losses.shape[0] == 0:
        raise ValueError(f"losses must have one row per epoch (shape (K+1,) or (K+1, B)), got shape {losses.shape}")
    threshold = validation.real("threshold", threshold)
    below = losses < threshold  # NaN, from a run that blew up, is never below
    t = np.where(below.any(axis=0), below.argmax(axis=0), np.inf)
    return float(t) if t.ndim == 0 else t


def escape_epochs(model: Model, starts: object, etas: object, *, epochs: int,
                  threshold: float) -> np.ndarray:
    r"""Epochs that full-batch gradient descent needs to bring ``model``'s loss below ``threshold``.

    Entry ``[i, j]`` is :math:`T_{\text{escape}}` for the run from ``starts[i]`` with
    learning rate ``etas[j]``, :math:`x_{t+1} = x_t - \eta_j \nabla L(x_t)`, for at most
    ``epochs`` updates; ``inf`` if the loss is still at or above the threshold after them.
    All ``len(starts) * len(etas)`` runs go through one batched :func:`gdlib.descend`.

    >>> from gdlib.models import SigmoidNeuron
    >>> neuron = SigmoidNeuron([0.5, 2.5], [0.2, 0.9])
    >>> escape_epochs(neuron, [[-2.0, -2.0]], [1.0, 2.0], epochs=200, threshold=0.05).tolist()
    [[84.0, 43.0]]
    """
    if not isinstance(model, Model):
        raise validation.ArgumentTypeError(
            f"model must be a gdlib.models model such as SigmoidNeuron(x, y), got {validation.describe(model)}")
    starts = validation.points("starts", starts, 2)
    if starts.ndim != 2:
        raise ValueError(f"starts must be a list of starting points (w, b), shape (S, 2), got shape {starts.shape}")
    if not np.all(np.isfinite(starts)):
        raise ValueError(f"starts must be finite, got {starts.tolist()}")
    eta = np.ravel(validation.hyper("etas", etas, low=0.0))
    epochs = validation.count("epochs", epochs, low=1)
    threshold = validation.positive_number("threshold", threshold)

    n_starts, n_etas = len(starts), len(eta)
    x0 = np.repeat(starts, n_etas, axis=0)  # start i, once for each learning rate
    run = descend(model, x0, GD(eta=np.tile(eta, n_starts)), steps=epochs)
    return first_below(run.values, threshold).reshape(n_starts, n_etas)
