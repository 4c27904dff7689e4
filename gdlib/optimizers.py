r"""The seven update rules of the book, each one line of code per line of math.

Every optimizer is an ``init(x) -> state`` and an ``update(x, g, state) -> (x, state)``,
with its state an explicit ``NamedTuple`` (``t`` counts updates from 1). Symbols
follow the notation page: :math:`x` iterate, :math:`g` gradient, :math:`\eta`
(``eta``) learning rate, :math:`\mu` (``mu``) momentum, :math:`\rho` (``rho``)
decay rate, :math:`\beta_1, \beta_2` (``beta1, beta2``), :math:`\varepsilon`
(``eps``), :math:`m` first moment or momentum buffer, :math:`v` second moment.
``update`` first checks its arguments (a reader may call it by hand): a list is taken as
an array, while a gradient of another shape than ``x``, a complex one, or a state of another
kind than this optimizer's ``init`` makes is refused by name.

Each class reproduces the trajectory of the ``torch.optim`` class named in its
docstring, in float64, for the same hyper-parameters; where the seed articles
write the rule differently, the docstring says how the two relate.

Hyper-parameters may be 1-D arrays, one value per run: ``GD(eta=np.geomspace(1e-3, 1, 1000))``
is a thousand optimizers that :func:`gdlib.descend` runs in one vectorised call.
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Union

import numpy as np

from . import validation
from .schedules import Constant, Exponential, InverseTime, Step

_OWN_SCHEDULES = (Constant, Step, Exponential, InverseTime)  # they check their own rates

Rate = Union[float, np.ndarray, Callable[[int], float]]


_FLOAT = np.dtype(float)


class Optimizer:
    """Base class: holds the learning rate, which may be a number or a schedule ``t -> eta``."""

    State: type = tuple
    """The ``NamedTuple`` of this optimizer's state, which ``init`` makes and ``update`` takes."""

    def __init__(self, eta: Rate) -> None:
        if callable(eta) and not isinstance(eta, np.ndarray):
            if isinstance(eta, type):
                raise validation.ArgumentTypeError(
                    f"eta must be a number or a schedule t -> eta_t, got the class {eta.__name__}: "
                    f"make one, e.g. {eta.__name__}(0.1)")
            self.eta = eta
            self.rate = eta if isinstance(eta, _OWN_SCHEDULES) else _checked_schedule(eta)
            self.rate(1)  # refuse a bad schedule now rather than at its first update
        else:
            self.eta = validation.hyper("eta", eta, low=0.0)
            self.rate = lambda t, _eta=self.eta: _eta

    @property
    def batch_size(self) -> int | None:
        """Number of runs its array hyper-parameters describe, or None for one run."""
        sizes = {len(v) for v in vars(self).values() if isinstance(v, np.ndarray)}
        if len(sizes) > 1:
            raise ValueError(f"array hyper-parameters of {type(self).__name__} have "
                             f"different lengths {sorted(sizes)}")
        return sizes.pop() if sizes else None

    def _checked(self, x: np.ndarray, g: np.ndarray, state: tuple) -> tuple[np.ndarray, np.ndarray]:
        """``x`` and ``g`` as float arrays of one shape, with ``state`` this optimizer's own.

        Readers call ``update`` by hand, one step at a time, so a list, a complex gradient, a
        gradient that would broadcast against ``x`` or another optimizer's state is refused by
        name rather than turned into a wrong step. What ``init`` and ``descend`` pass is
        accepted after a few identity and shape comparisons (``benchmarks/optimizers.py``).
        """
        if (type(state) is self.State and type(x) is np.ndarray and type(g) is np.ndarray
                and x.dtype is _FLOAT and g.dtype is _FLOAT and g.shape == x.shape
                and (len(state) == 1 or state[1].shape == x.shape)):
            return x, g
        return validation.update_arguments(type(self).__name__, x, g, state, self.State)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if k != "rate")
        return f"{type(self).__name__}({args})"


def _checked_schedule(eta: Callable[[int], float]) -> Callable[[int], float]:
    """Wrap a reader's own schedule so that every rate it gives is checked, not only the first."""

    def rate(t: int) -> float:
        try:
            value = eta(t)
        except TypeError as err:
            raise validation.ArgumentTypeError(
                f"eta must be a number or a schedule t -> eta_t; calling eta({t}) failed: {err}") from None
        if isinstance(value, (float, int)) and not isinstance(value, bool) and 0 < value < float("inf"):
            return value  # the common case, checked cheaply
        return validation.real(f"eta({t})", value, low=0.0)

    return rate


class GDState(NamedTuple):
    t: int


class GD(Optimizer):
    r"""Plain gradient descent (Cauchy, 1847).

    .. math::
        x_t = x_{t-1} - \eta\, g_t

    Same as ``torch.optim.SGD(params, lr=eta)``.

    >>> import numpy as np
    >>> opt = GD(eta=0.1)
    >>> x, state = opt.update(np.array([3.0]), np.array([6.0]), opt.init(np.array([3.0])))
    >>> x
    array([2.4])
    """

    State = GDState

    def __init__(self, eta: Rate = 0.1) -> None:
        super().__init__(eta)

    def init(self, x: np.ndarray) -> GDState:
        return GDState(t=0)

    def update(self, x: np.ndarray, g: np.ndarray, state: GDState) -> tuple[np.ndarray, GDState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        return x - self.rate(t) * g, GDState(t)


class MomentumState(NamedTuple):
    t: int
    m: np.ndarray


class Momentum(Optimizer):
    r"""Gradient descent with momentum (Polyak, 1964), in torch's form.

    .. math::
        m_t = \mu\, m_{t-1} + g_t, \quad m_0 = 0 \\
        x_t = x_{t-1} - \eta\, m_t

    Same as ``torch.optim.SGD(params, lr=eta, momentum=mu)``.

    .. note:: The seeds write the velocity form
       :math:`v_t = \mu v_{t-1} - \eta g_t,\ x_t = x_{t-1} + v_t`. With a constant
       :math:`\eta` it is the same algorithm (:math:`v_t = -\eta\, m_t`); with a
       schedule the two differ, and we follow torch.
    """

    State = MomentumState

    def __init__(self, eta: Rate = 0.01, mu: float | np.ndarray = 0.9) -> None:
        super().__init__(eta)
        self.mu = validation.hyper("mu", mu, low=0.0, high=1.0, low_open=False)

    def init(self, x: np.ndarray) -> MomentumState:
        return MomentumState(t=0, m=np.zeros_like(x))

    def update(self, x: np.ndarray, g: np.ndarray, state: MomentumState) -> tuple[np.ndarray, MomentumState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        m = self.mu * state.m + g
        return x - self.rate(t) * m, MomentumState(t, m)


class Nesterov(Momentum):
    r"""Nesterov accelerated gradient (Nesterov, 1983; Sutskever et al., 2013), in torch's form.

    .. math::
        m_t = \mu\, m_{t-1} + g_t \\
        x_t = x_{t-1} - \eta\,(g_t + \mu\, m_t)

    Same as ``torch.optim.SGD(params, lr=eta, momentum=mu, nesterov=True)``.

    .. note:: The seeds write NAG with a look-ahead gradient,
       :math:`v_{t+1} = \mu v_t - \eta\nabla f(y_t + \mu v_t),\ y_{t+1} = y_t + v_{t+1}`.
       Torch, and this class, track the look-ahead point instead:
       :math:`x_t = y_t + \mu\,(y_t - y_{t-1})` with :math:`y_{-1} = y_0`, so the
       gradient is taken at the iterate itself. Both produce the same points up to
       that change of variables (``tests/test_optimizers.py`` checks it).
    """

    def update(self, x: np.ndarray, g: np.ndarray, state: MomentumState) -> tuple[np.ndarray, MomentumState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        m = self.mu * state.m + g
        return x - self.rate(t) * (g + self.mu * m), MomentumState(t, m)


class SumState(NamedTuple):
    t: int
    v: np.ndarray


class AdaGrad(Optimizer):
    r"""AdaGrad (Duchi, Hazan & Singer, 2011).

    .. math::
        v_t = v_{t-1} + g_t^2 \\
        x_t = x_{t-1} - \eta\, g_t / (\sqrt{v_t} + \varepsilon)

    Same as ``torch.optim.Adagrad(params, lr=eta, eps=eps)``.

    .. note:: The seeds put :math:`\varepsilon` inside the root,
       :math:`\sqrt{v_t + \varepsilon}`; torch adds it outside, and so do we. The
       two differ only while :math:`v_t` is of the order of :math:`\varepsilon^2`.
    """

    State = SumState

    def __init__(self, eta: Rate = 0.01, eps: float | np.ndarray = 1e-10) -> None:
        super().__init__(eta)
        self.eps = validation.hyper("eps", eps, low=0.0)

    def init(self, x: np.ndarray) -> SumState:
        return SumState(t=0, v=np.zeros_like(x))

    def update(self, x: np.ndarray, g: np.ndarray, state: SumState) -> tuple[np.ndarray, SumState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        v = state.v + g**2
        return x - self.rate(t) * g / (np.sqrt(v) + self.eps), SumState(t, v)


class RMSProp(Optimizer):
    r"""RMSProp (Tieleman & Hinton, 2012, lecture 6.5).

    .. math::
        v_t = \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
        x_t = x_{t-1} - \eta\, g_t / (\sqrt{v_t} + \varepsilon)

    Same as ``torch.optim.RMSprop(params, lr=eta, alpha=rho, eps=eps)``: torch
    calls the decay rate ``alpha``.

    .. note:: The seed writes :math:`MS_t` for :math:`v_t`, :math:`\delta` for
       :math:`\rho`, and :math:`\varepsilon` inside the root; we add it outside, as torch does.
    """

    State = SumState

    def __init__(self, eta: Rate = 0.01, rho: float | np.ndarray = 0.99,
                 eps: float | np.ndarray = 1e-8) -> None:
        super().__init__(eta)
        self.rho = validation.hyper("rho", rho, low=0.0, high=1.0, low_open=False)
        self.eps = validation.hyper("eps", eps, low=0.0)

    def init(self, x: np.ndarray) -> SumState:
        return SumState(t=0, v=np.zeros_like(x))

    def update(self, x: np.ndarray, g: np.ndarray, state: SumState) -> tuple[np.ndarray, SumState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        v = self.rho * state.v + (1 - self.rho) * g**2
        return x - self.rate(t) * g / (np.sqrt(v) + self.eps), SumState(t, v)


class AdaDeltaState(NamedTuple):
    t: int
    v: np.ndarray
    u: np.ndarray


class AdaDelta(Optimizer):
    r"""AdaDelta (Zeiler, 2012, Algorithm 1).

    .. math::
        v_t = \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
        \Delta x_t = -\frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}}\, g_t \\
        u_t = \rho\, u_{t-1} + (1-\rho)\, \Delta x_t^2 \\
        x_t = x_{t-1} + \eta\, \Delta x_t

    Here :math:`v = E[g^2]` and :math:`u = E[\Delta x^2]` in Zeiler's notation, and
    :math:`\sqrt{\cdot + \varepsilon}` is his RMS. Same as
    ``torch.optim.Adadelta(params, lr=eta, rho=rho, eps=eps)``; Zeiler's
    algorithm has no learning rate, which is ``eta=1`` (torch's default too).
    """

    State = AdaDeltaState

    def __init__(self, eta: Rate = 1.0, rho: float | np.ndarray = 0.9,
                 eps: float | np.ndarray = 1e-6) -> None:
        super().__init__(eta)
        self.rho = validation.hyper("rho", rho, low=0.0, high=1.0, low_open=False)
        self.eps = validation.hyper("eps", eps, low=0.0)

    def init(self, x: np.ndarray) -> AdaDeltaState:
        return AdaDeltaState(t=0, v=np.zeros_like(x), u=np.zeros_like(x))

    def update(self, x: np.ndarray, g: np.ndarray, state: AdaDeltaState) -> tuple[np.ndarray, AdaDeltaState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        v = self.rho * state.v + (1 - self.rho) * g**2
        dx = -np.sqrt((state.u + self.eps) / (v + self.eps)) * g  # -(RMS[dx] / RMS[g]) g
        u = self.rho * state.u + (1 - self.rho) * dx**2
        return x + self.rate(t) * dx, AdaDeltaState(t, v, u)


class AdamState(NamedTuple):
    t: int
    m: np.ndarray
    v: np.ndarray


class Adam(Optimizer):
    r"""Adam (Kingma & Ba, 2015, Algorithm 1).

    .. math::
        m_t = \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
        \hat m_t = m_t / (1-\beta_1^t), \quad \hat v_t = v_t / (1-\beta_2^t) \\
        x_t = x_{t-1} - \eta\, \hat m_t / (\sqrt{\hat v_t} + \varepsilon)

    Same as ``torch.optim.Adam(params, lr=eta, betas=(beta1, beta2), eps=eps)``.
    """

    State = AdamState

    def __init__(self, eta: Rate = 0.001, beta1: float | np.ndarray = 0.9,
                 beta2: float | np.ndarray = 0.999, eps: float | np.ndarray = 1e-8) -> None:
        super().__init__(eta)
        self.beta1 = validation.hyper("beta1", beta1, low=0.0, high=1.0, low_open=False)
        self.beta2 = validation.hyper("beta2", beta2, low=0.0, high=1.0, low_open=False)
        self.eps = validation.hyper("eps", eps, low=0.0)

    def init(self, x: np.ndarray) -> AdamState:
        return AdamState(t=0, m=np.zeros_like(x), v=np.zeros_like(x))

    def update(self, x: np.ndarray, g: np.ndarray, state: AdamState) -> tuple[np.ndarray, AdamState]:
        x, g = self._checked(x, g, state)
        t = state.t + 1
        m = self.beta1 * state.m + (1 - self.beta1) * g
        v = self.beta2 * state.v + (1 - self.beta2) * g**2
        m_hat = m / (1 - self.beta1**t)
        v_hat = v / (1 - self.beta2**t)
        return x - self.rate(t) * m_hat / (np.sqrt(v_hat) + self.eps), AdamState(t, m, v)


ALL = (GD, Momentum, Nesterov, AdaGrad, RMSProp, AdaDelta, Adam)
