r"""A race of the book's optimizers, each at its own best learning rate; and Adam's counter-example.

**The race.** A :class:`Problem` is a function, a start :math:`x_0`, a budget of steps
and a target: the run is *done* at the step :math:`T` from which :math:`f(x_t) <` ``target`` holds
to the end of the budget :math:`K`,

.. math::
    T = \min\{\, t \ge 0 : f(x_s) < \text{target for every } s = t, \dots, K \,\},
    \qquad T = \infty \text{ if } f(x_K) \ge \text{target}.

For a minimum with :math:`f(x^*) = 0` the target is a small number; for the saddle
:math:`x^2 - y^2` it is :math:`-1`, so that :math:`T` measures how fast the run *escapes*.
:func:`sweep` runs one optimizer class with a whole grid of learning rates in one batched
call of :func:`gdlib.descend` (its other hyper-parameters at their defaults, which are
``torch.optim``'s) and :func:`race` keeps, for each optimizer, the learning rate with the
smallest :math:`T`.

**Adam's counter-example** (Reddi, Kale & Kumar, 2018, section 3). On :math:`[-1, 1]` the
loss at time :math:`t` is :math:`f_t(x) = C x` when :math:`t \bmod 3 = 1` and :math:`-x`
otherwise (:func:`reddi_gradient`). Over three steps the losses add up to :math:`(C - 2)\,x`,
smallest at :math:`x = -1` for :math:`C > 2`; Adam with :math:`\beta_1 = 0` and
:math:`\beta_2 = 1/(1 + C^2)` drifts to :math:`x = +1` instead. :func:`online_descent` runs
an optimizer on such a sequence of losses, projecting every iterate back onto the interval,
and :class:`AMSGrad` is the fix the paper proposes, in ``torch.optim.Adam(amsgrad=True)``'s form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

import numpy as np

from . import validation
from .descent import Result, descend
from .functions import bowl, ill_conditioned, rosenbrock, saddle
from .models import SigmoidNeuron
from .optimizers import GD, AdaDelta, AdaGrad, Adam, Momentum, Nesterov, Optimizer, RMSProp

__all__ = ["Problem", "PROBLEMS", "OPTIMIZERS", "ETAS", "Sweep", "Entry", "sweep", "race", "fastest",
           "uncorrected_step", "reddi_gradient", "online_descent", "AMSGrad"]

OPTIMIZERS: dict[str, type[Optimizer]] = {
    "GD": GD, "Momentum": Momentum, "Nesterov": Nesterov, "AdaGrad": AdaGrad,
    "RMSProp": RMSProp, "AdaDelta": AdaDelta, "Adam": Adam,
}
"""Every optimizer of the book, by name, in the order the book introduces them."""

ETAS: np.ndarray = np.geomspace(1e-4, 10.0, 41)
"""The learning rates every sweep tries: 41 values from :math:`10^{-4}` to 10, eight a decade."""


@dataclass(frozen=True)
class Problem:
    """A race course: ``f`` (with ``value`` and ``grad``), a start, a budget and a target value.

    ``window`` is ``((x_min, x_max), (y_min, y_max))``, the part of the plane a figure shows.
    """

    name: str
    title: str
    f: Any
    x0: tuple[float, float]
    target: float
    steps: int
    window: tuple[tuple[float, float], tuple[float, float]]

    def done(self, values: object) -> float | np.ndarray:
        r"""The step :math:`T` from which :math:`f(x_t) <` ``target`` holds to the end of the run, along axis 0.

        ``inf`` where the last value is not below the target. A run that dips below the
        target by luck and leaves it again has not finished: :math:`T` is where it stays.
        ``values`` has one row per step, shape ``(K+1,)`` or ``(K+1, B)``.

        >>> PROBLEMS["bowl"].done([5.0, 1e-7, 2.0, 1e-7, 1e-8]).item()
        3.0
        """
        values = validation._numeric_array("values", values, "an array of values, one row per step")
        if values.ndim == 0 or values.shape[0] == 0:
            raise ValueError(f"values must have one row per step (shape (K+1,) or (K+1, B)), got shape {values.shape}")
        above = ~(values < self.target)  # NaN, from a run that blew up, is never below
        last_above = np.where(above.any(axis=0), values.shape[0] - 1 - np.argmax(above[::-1], axis=0), -1)
        t = np.where(above[-1], np.inf, last_above + 1.0)
        return t


PROBLEMS: dict[str, Problem] = {p.name: p for p in (
    Problem("bowl", "the bowl $x^2 + xy + y^2$", bowl, (3.0, 4.0), 1e-6, 1000, ((-4.5, 4.5), (-4.5, 4.5))),
    Problem("valley", "the valley $(x^2 + 25y^2)/2$", ill_conditioned, (2.0, 1.0), 1e-6, 1000,
            ((-2.5, 2.5), (-1.5, 1.5))),
    Problem("Rosenbrock", "Rosenbrock's valley", rosenbrock, (-1.5, 2.0), 1e-6, 3000, ((-2.0, 2.0), (-1.0, 3.0))),
    Problem("saddle", "the saddle $x^2 - y^2$ (escape: $f < -1$)", saddle, (1.0, 1e-3), -1.0, 1000,
            ((-1.5, 1.5), (-1.5, 1.5))),
    Problem("plateau", "the sigmoid neuron's plateau", SigmoidNeuron([0.5, 2.5], [0.2, 0.9]), (-2.0, -2.0),
            1e-6, 3000, ((-3.0, 4.0), (-4.0, 2.0))),
)}
"""The five courses: the bowl, an ill-conditioned quadratic, Rosenbrock, the saddle, the plateau."""


@dataclass
class Sweep:
    """One optimizer class run with every learning rate of ``etas``: ``steps[i]`` is :math:`T` at ``etas[i]``."""

    name: str
    etas: np.ndarray
    steps: np.ndarray
    runs: Result

    @property
    def best(self) -> int:
        """Index of the best learning rate: the smallest :math:`T`; among equals, the smallest final value.

        The final value decides only when no rate reaches the target (every :math:`T` infinite).
        """
        final = self.runs.values[-1].copy()
        final[~np.isfinite(final)] = np.inf
        return int(np.lexsort((final, self.steps))[0])


class Entry(NamedTuple):
    """One optimizer's result in a race: its best rate, its :math:`T` there, and that run."""

    eta: float
    steps: float
    run: Result


def _problem(problem: object) -> Problem:
    if isinstance(problem, str) and problem in PROBLEMS:
        return PROBLEMS[problem]
    if isinstance(problem, Problem):
        return problem
    raise validation.ArgumentTypeError(
        f"problem must be a Problem or one of {sorted(PROBLEMS)}, got {validation.describe(problem)}")


def _optimizer_class(name: str, cls: object) -> type[Optimizer]:
    if isinstance(cls, type) and issubclass(cls, Optimizer):
        return cls
    raise validation.ArgumentTypeError(
        f"{name} must be a gdlib optimizer class such as Adam (not an instance), got {validation.describe(cls)}")


def sweep(problem: Problem | str, optimizer: type[Optimizer], etas: object = ETAS, **hyper: float) -> Sweep:
    r"""Run ``optimizer(eta=etas, **hyper)`` on ``problem``: every learning rate in one batched call.

    Returns a :class:`Sweep` whose ``steps[i]`` is the first step at which the run with
    ``etas[i]`` brings :math:`f` below the problem's target (``inf`` if it never does within
    the problem's budget of steps).

    >>> s = sweep("bowl", GD, etas=[0.1, 0.5, 0.7])
    >>> s.steps.tolist(), float(s.etas[s.best])
    ([59.0, 13.0, inf], 0.5)
    """
    problem = _problem(problem)
    cls = _optimizer_class("optimizer", optimizer)
    eta = np.ravel(validation.hyper("etas", etas, low=0.0)).astype(float)
    runs = descend(problem.f, list(problem.x0), cls(eta=eta, **hyper), steps=problem.steps)
    return Sweep(cls.__name__, eta, np.asarray(problem.done(runs.values), dtype=float).reshape(-1), runs)


def race(problem: Problem | str, optimizers: dict[str, type[Optimizer]] | None = None,
         etas: object = ETAS) -> dict[str, Entry]:
    r"""Each optimizer at its own best learning rate on ``problem``: ``{name: Entry(eta, steps, run)}``.

    One :func:`sweep` per optimizer over ``etas``; the entry keeps the best rate's run.
    ``optimizers`` defaults to :data:`OPTIMIZERS`, all seven of the book.

    >>> r = race("bowl", {"GD": GD, "Adam": Adam})
    >>> {name: (round(e.eta, 3), e.steps) for name, e in r.items()}
    {'GD': (0.422, 12.0), 'Adam': (0.133, 155.0)}
    """
    problem = _problem(problem)
    if optimizers is None:
        optimizers = OPTIMIZERS
    if not isinstance(optimizers, dict) or not optimizers:
        raise validation.ArgumentTypeError(
            f"optimizers must be a non-empty dict name -> optimizer class, got {validation.describe(optimizers)}")
    entries = {}
    for name, cls in optimizers.items():
        s = sweep(problem, _optimizer_class(f"optimizers[{name!r}]", cls), etas)
        i = s.best
        entries[name] = Entry(float(s.etas[i]), float(s.steps[i]), s.runs[i])
    return entries


def fastest(entries: dict[str, Entry], names: object) -> str:
    r"""The name, among ``names``, of the entry of a :func:`race` with the smallest :math:`T`.

    Among equal :math:`T` the first of ``names`` wins; the book uses it to show the fastest
    of each family (momentum: Momentum, Nesterov; adaptive rates: AdaGrad, RMSProp, AdaDelta).

    >>> r = race("bowl", {"GD": GD, "Momentum": Momentum, "Nesterov": Nesterov})
    >>> fastest(r, ["Momentum", "Nesterov"])
    'Nesterov'
    """
    if not isinstance(entries, dict) or not entries:
        raise validation.ArgumentTypeError(
            f"entries must be a race's non-empty dict name -> Entry, got {validation.describe(entries)}")
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise validation.ArgumentTypeError(
            f"names must be a non-empty list of optimizer names, got {validation.describe(names)}")
    missing = [n for n in names if n not in entries]
    if missing:
        raise ValueError(f"names must be names of the race's entries {sorted(entries)}, got {missing}")
    return min(names, key=lambda n: entries[n].steps)


def uncorrected_step(beta1: float, beta2: float, t: object) -> np.ndarray:
    r"""Adam's step / :math:`\eta` without bias correction, under a constant gradient, at steps ``t``.

    .. math::
        \frac{m_t}{\sqrt{v_t}} = \frac{1 - \beta_1^t}{\sqrt{1 - \beta_2^t}} \qquad (\varepsilon = 0),

    since under a constant gradient :math:`g` the moments started at zero are
    :math:`m_t = (1 - \beta_1^t)\, g` and :math:`v_t = (1 - \beta_2^t)\, g^2`. With the
    bias correction (``torch.optim.Adam``, :class:`gdlib.Adam`) the ratio is 1 at every step.

    >>> uncorrected_step(0.9, 0.999, [1, 12]).round(3).tolist()
    [3.162, 6.569]
    """
    beta1 = validation.real("beta1", beta1, low=0.0, low_open=False, high=1.0)
    beta2 = validation.real("beta2", beta2, low=0.0, low_open=False, high=1.0)
    t = validation._numeric_array("t", t, "step numbers 1, 2, ...")
    if t.size == 0 or not np.all(np.isfinite(t)) or np.any(t < 1) or np.any(t != np.round(t)):
        raise ValueError(f"t must be whole step numbers of at least 1, got {t.tolist()}")
    return (1 - beta1**t) / np.sqrt(1 - beta2**t)


# --- Adam's counter-example (Reddi, Kale & Kumar, 2018) ------------------------------------


def reddi_gradient(C: float = 3.0) -> Callable[[int, np.ndarray], np.ndarray]:
    r"""The gradient :math:`g_t` of Reddi et al.'s online losses: :math:`C` if :math:`t \bmod 3 = 1`, else :math:`-1`.

    The loss at time :math:`t` is :math:`f_t(x) = C x` for :math:`t = 1, 4, 7, \dots` and
    :math:`f_t(x) = -x` otherwise, on :math:`x \in [-1, 1]`; their sum over three steps is
    :math:`(C - 2)\,x`, smallest at :math:`x = -1` when :math:`C > 2`.

    >>> g = reddi_gradient(3.0)
    >>> [float(g(t, np.zeros(1))[0]) for t in (1, 2, 3, 4)]
    [3.0, -1.0, -1.0, 3.0]
    """
    C = validation.real("C", C, low=0.0)

    def grad(t: int, x: np.ndarray) -> np.ndarray:
        return np.full_like(x, C if t % 3 == 1 else -1.0, dtype=float)

    return grad


def online_descent(optimizer: Optimizer, grad: Callable[[int, np.ndarray], np.ndarray], x0: object,
                   steps: int, low: float = -1.0, high: float = 1.0) -> np.ndarray:
    r"""Projected online descent: update :math:`t` uses the loss of time :math:`t`, then clips to ``[low, high]``.

    .. math::
        x_t = \Pi_{[\text{low},\, \text{high}]}\big(\text{update}(x_{t-1}, g_t)\big), \qquad g_t = \nabla f_t(x_{t-1}),

    where :math:`\Pi` clips every coordinate into the interval (the nearest point of the box).
    Returns the iterates :math:`x_0, \dots, x_{\text{steps}}`, shape ``(steps + 1, n)``.

    >>> xs = online_descent(GD(eta=0.5), reddi_gradient(3.0), [0.0], steps=3)
    >>> xs.ravel().tolist()
    [0.0, -1.0, -0.5, 0.0]
    """
    if not isinstance(optimizer, Optimizer):
        raise validation.ArgumentTypeError(
            f"optimizer must be a gdlib optimizer such as Adam(eta=0.1), got {validation.describe(optimizer)}")
    validation.function("grad", grad, "(t, x) -> gradient")
    x = validation.point("x0", x0)
    if x.ndim != 1:
        raise ValueError(f"x0 must be one point, shape (n,), got shape {x.shape}")
    steps = validation.count("steps", steps)
    low = validation.real("low", low)
    high = validation.real("high", high)
    if not low < high:
        raise ValueError(f"low must be below high, got low={low:g}, high={high:g}")
    x = np.clip(x, low, high)
    state = optimizer.init(x)
    xs = [x]
    for t in range(1, steps + 1):
        g = np.asarray(grad(t, x), dtype=float)
        if g.shape != x.shape:
            raise ValueError(f"grad returned an array of shape {g.shape}, but x0 has shape {x.shape}; they must match")
        x, state = optimizer.update(x, g, state)
        x = np.clip(x, low, high)
        xs.append(x)
    return np.array(xs)


class AMSGradState(NamedTuple):
    t: int
    m: np.ndarray
    v: np.ndarray
    v_max: np.ndarray


class AMSGrad(Adam):
    r"""AMSGrad (Reddi, Kale & Kumar, 2018): Adam whose second moment never shrinks.

    .. math::
        m_t = \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        v^{\max}_t = \max(v^{\max}_{t-1}, v_t) \\
        x_t = x_{t-1} - \eta\, \frac{m_t / (1-\beta_1^t)}{\sqrt{v^{\max}_t / (1-\beta_2^t)} + \varepsilon}

    Same as ``torch.optim.Adam(params, lr=eta, betas=(beta1, beta2), eps=eps, amsgrad=True)``
    (the paper's algorithm has no bias correction; torch's, and this one, keep Adam's).

    >>> opt = AMSGrad(eta=0.1)
    >>> x, state = opt.update(np.array([1.0]), np.array([2.0]), opt.init(np.array([1.0])))
    >>> x.round(6).tolist()
    [0.9]
    """

    State = AMSGradState

    def init(self, x: np.ndarray) -> AMSGradState:
        return AMSGradState(t=0, m=np.zeros_like(x), v=np.zeros_like(x), v_max=np.zeros_like(x))

    def update(self, x: np.ndarray, g: np.ndarray, state: AMSGradState) -> tuple[np.ndarray, AMSGradState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        m = self.beta1 * state.m + (1 - self.beta1) * g
        v = self.beta2 * state.v + (1 - self.beta2) * g**2
        v_max = np.maximum(state.v_max, v)
        m_hat = m / (1 - self.beta1**t)
        v_hat = v_max / (1 - self.beta2**t)
        return x - self.rate(t) * m_hat / (np.sqrt(v_hat) + self.eps), AMSGradState(t, m, v, v_max)
