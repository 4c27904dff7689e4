r"""Per-coordinate step sizes of the adaptive optimizers, and the seeds' place for :math:`\varepsilon`.

AdaGrad, RMSProp and AdaDelta move each coordinate by its own multiple of the gradient,

.. math::
    x_{t,i} = x_{t-1,i} - \eta_{t,i}\, g_{t,i},

with an *effective step size* :math:`\eta_{t,i}` that the optimizer's state sets:
:math:`\eta / (\sqrt{v_{t,i}} + \varepsilon)` for AdaGrad and RMSProp,
:math:`\eta\,\sqrt{u_{t-1,i} + \varepsilon} / \sqrt{v_{t,i} + \varepsilon}` for AdaDelta,
and :math:`\eta` for every coordinate for plain gradient descent.
:func:`effective_steps` records it along a run.

The seed articles (and Duchi et al., Tieleman and Hinton) put :math:`\varepsilon` inside
the square root, :math:`\sqrt{v_t + \varepsilon}`; ``torch.optim`` and
:mod:`gdlib.optimizers` add it outside, :math:`\sqrt{v_t} + \varepsilon`.
:class:`AdaGradInside` and :class:`RMSPropInside` are the seeds' forms, for comparing the two.

>>> import numpy as np
>>> run = effective_steps(lambda x: np.array([2.0, 0.5]), [0.0, 0.0], AdaGrad(eta=0.1, eps=1e-10), steps=4)
>>> np.round(run.etas[:, 0] * 2.0, 6).tolist()  # on a constant gradient the step is eta / sqrt(t)
[0.1, 0.070711, 0.057735, 0.05]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from . import validation
from .optimizers import GD, AdaDelta, AdaGrad, Optimizer, Rate, RMSProp, SumState

__all__ = ["AdaGradInside", "RMSPropInside", "StepSizes", "effective_steps", "fewest_steps"]


class AdaGradInside(AdaGrad):
    r"""AdaGrad with :math:`\varepsilon` inside the root, as the seed article writes it.

    .. math::
        v_t = v_{t-1} + g_t^2 \\
        x_t = x_{t-1} - \eta\, g_t / \sqrt{v_t + \varepsilon}

    Not what ``torch.optim.Adagrad`` computes (it adds ``eps`` outside the root, as
    :class:`gdlib.AdaGrad` does); the two differ while :math:`v_t` is not much larger
    than :math:`\varepsilon`.

    >>> opt = AdaGradInside(eta=1.0, eps=1.0)
    >>> x, state = opt.update(np.array([0.0]), np.array([1.0]), opt.init(np.array([0.0])))
    >>> round(float(x[0]), 6)  # -1 / sqrt(1 + 1)
    -0.707107
    """

    def update(self, x: np.ndarray, g: np.ndarray, state: SumState) -> tuple[np.ndarray, SumState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        v = state.v + g**2
        return x - self.rate(t) * g / np.sqrt(v + self.eps), SumState(t, v)


class RMSPropInside(RMSProp):
    r"""RMSProp with :math:`\varepsilon` inside the root, as the seed article writes it.

    .. math::
        v_t = \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
        x_t = x_{t-1} - \eta\, g_t / \sqrt{v_t + \varepsilon}

    Not what ``torch.optim.RMSprop`` computes (``eps`` outside the root, as :class:`gdlib.RMSProp`).
    """

    def update(self, x: np.ndarray, g: np.ndarray, state: SumState) -> tuple[np.ndarray, SumState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        v = self.rho * state.v + (1 - self.rho) * g**2
        return x - self.rate(t) * g / np.sqrt(v + self.eps), SumState(t, v)


@dataclass
class StepSizes:
    r"""A run and its effective step sizes.

    ``xs`` has shape ``(steps + 1, n)`` (the iterates :math:`x_0 \dots x_T`), ``grads`` and
    ``etas`` shape ``(steps, n)``: row ``t - 1`` holds :math:`g_t` and :math:`\eta_t`, so that
    ``xs[t] == xs[t - 1] - etas[t - 1] * grads[t - 1]``.
    """

    xs: np.ndarray
    grads: np.ndarray
    etas: np.ndarray


def _effective(optimizer: Optimizer, t: int, state: Any, new: Any) -> np.ndarray:
    """The multiplier of ``g_t`` in update ``t``, from the state before (``state``) and after (``new``)."""
    eta = optimizer.rate(t)
    if isinstance(optimizer, (AdaGradInside, RMSPropInside)):
        return eta / np.sqrt(new.v + optimizer.eps)
    if isinstance(optimizer, (AdaGrad, RMSProp)):
        return eta / (np.sqrt(new.v) + optimizer.eps)
    if isinstance(optimizer, AdaDelta):
        return eta * np.sqrt((state.u + optimizer.eps) / (new.v + optimizer.eps))
    return eta  # GD: the same eta for every coordinate


def _gradient(grad: Callable[[np.ndarray], np.ndarray], x: np.ndarray, t: int) -> np.ndarray:
    g = validation._numeric_array("grad(x)", grad(x), "an array of real numbers")
    if g.shape != x.shape:
        raise ValueError(f"grad returned an array of shape {g.shape}, but x0 has shape {x.shape}; they must match")
    if not np.all(np.isfinite(g)):
        raise ValueError(f"grad(x) is not finite at update {t}: the run diverged; try a smaller eta")
    return g


def effective_steps(grad: Callable[[np.ndarray], np.ndarray], x0: Any, optimizer: Optimizer,
                    steps: int = 100) -> StepSizes:
    r"""Run ``steps`` updates of ``optimizer`` from ``x0`` and record each coordinate's step size.

    The step size of coordinate :math:`i` at update :math:`t` is the :math:`\eta_{t,i}` in
    :math:`x_{t,i} = x_{t-1,i} - \eta_{t,i}\, g_{t,i}`: for :class:`gdlib.AdaGrad` and
    :class:`gdlib.RMSProp` it is :math:`\eta / (\sqrt{v_{t,i}} + \varepsilon)`, for
    :class:`gdlib.AdaDelta` :math:`\eta\sqrt{(u_{t-1,i} + \varepsilon)/(v_{t,i} + \varepsilon)}`,
    for :class:`AdaGradInside` and :class:`RMSPropInside` :math:`\eta / \sqrt{v_{t,i} + \varepsilon}`,
    for :class:`gdlib.GD` :math:`\eta` itself. The run is the optimizer's own (``update``), so
    it is the run :func:`gdlib.descend` makes.

    >>> run = effective_steps(lambda x: x, [1.0, -2.0], GD(eta=0.5), steps=2)
    >>> run.etas.tolist(), run.xs[-1].tolist()
    ([[0.5, 0.5], [0.5, 0.5]], [0.25, -0.5])
    """
    validation.function("grad", grad, "x -> gradient")
    if type(optimizer) not in (GD, AdaGrad, RMSProp, AdaDelta, AdaGradInside, RMSPropInside):
        raise validation.ArgumentTypeError(
            "optimizer must be GD, AdaGrad, RMSProp, AdaDelta, AdaGradInside or RMSPropInside "
            f"(one run), got {validation.describe(optimizer)}")
    if optimizer.batch_size is not None:
        raise ValueError(f"optimizer must describe one run, got array hyper-parameters for {optimizer.batch_size} runs")
    x = validation.point("x0", x0)
    if x.ndim != 1:
        raise ValueError(f"x0 must be one point of shape (n,), got shape {x.shape}")
    steps = validation.count("steps", steps, low=1, high=100_000)
    xs, grads, etas = [x], [], []
    state = optimizer.init(x)
    with np.errstate(all="ignore"):  # an overflow on the way to a divergence is reported once, by _gradient
        for _ in range(steps):
            g = _gradient(grad, x, len(xs))
            x_new, new = optimizer.update(x, g, state)
            etas.append(np.broadcast_to(_effective(optimizer, new.t, state, new), x.shape).astype(float))
            grads.append(g)
            xs.append(x_new)
            x, state = x_new, new
    return StepSizes(np.array(xs), np.array(grads), np.array(etas))


def fewest_steps(grad: Callable[[np.ndarray], np.ndarray], x0: Any, optimizer: Optimizer,
                 steps: int, tol: float) -> tuple[int, int | None]:
    r"""Of a batch of runs (array ``eta``), the one that reaches :math:`\lVert\nabla f\rVert <` ``tol`` first.

    Returns ``(i, k)``: the index of the best run and its number of steps, or ``(i, None)``
    when no run gets there within ``steps`` (then ``i`` is the run with the smallest final
    gradient). One call of :func:`gdlib.descend` runs the whole batch.

    >>> fewest_steps(lambda x: x, [1.0], GD(eta=np.array([0.5, 1.0, 1.5])), steps=10, tol=1e-6)
    (1, 1)
    """
    from .descent import descend  # descent imports optimizers; keep the import order plain

    if not isinstance(optimizer, Optimizer) or optimizer.batch_size is None:
        raise validation.ArgumentTypeError(
            "optimizer must be a gdlib optimizer with an array of learning rates, e.g. "
            f"GD(eta=np.geomspace(1e-3, 1, 50)), got {validation.describe(optimizer)}")
    tol = validation.real("tol", tol, low=0.0)
    run = descend(grad, x0, optimizer, steps=steps, tol=tol)
    done = run.status == "converged"
    if done.any():
        counts = np.where(done, run.steps, np.iinfo(np.int64).max)
        i = int(np.argmin(counts))
        return i, int(run.steps[i])
    last = np.where(np.isfinite(run.grad_norms[-1]), run.grad_norms[-1], np.inf)
    return int(np.argmin(last)), None
