r"""Learning-rate schedules: plain callables ``t -> eta_t``.

``t`` counts updates from 1, as the step counter of every optimizer does, so
``eta(1)`` is the rate of the first update. Any callable with that signature
can be passed as ``eta=``; these four cover the book.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import validation


def _step(t: object) -> None:
    """Check an update count t = 1, 2, ...: the hot path of a schedule, so cheap when it is fine."""
    if type(t) is not int or t < 1:
        validation.count("t", t, low=1)


@dataclass(frozen=True)
class Constant:
    r""":math:`\eta_t = \eta_0`. Same as passing the float itself."""

    eta0: float

    def __post_init__(self) -> None:
        validation.real("eta0", self.eta0, low=0.0)

    def __call__(self, t: int) -> float:
        _step(t)
        return self.eta0


@dataclass(frozen=True)
class Step:
    r""":math:`\eta_t = \eta_0 \cdot \gamma^{\lfloor (t-1)/k \rfloor}`: drop by ``gamma`` every ``every`` steps.

    Seed 003's schedule, 0.001 for the first 10,000 updates and then 0.0001, is
    ``Step(eta0=0.001, gamma=0.1, every=10_000)``. The torch equivalent is
    ``torch.optim.lr_scheduler.StepLR(step_size=every, gamma=gamma)``.
    """

    eta0: float
    gamma: float = 0.1
    every: int = 10_000

    def __post_init__(self) -> None:
        validation.real("eta0", self.eta0, low=0.0)
        validation.real("gamma", self.gamma, low=0.0, high=1.0, high_open=False)
        validation.count("every", self.every, low=1)

    def __call__(self, t: int) -> float:
        _step(t)
        return self.eta0 * self.gamma ** ((t - 1) // self.every)


@dataclass(frozen=True)
class Exponential:
    r""":math:`\eta_t = \eta_0 \cdot \gamma^{t-1}` (torch: ``ExponentialLR(gamma=gamma)``)."""

    eta0: float
    gamma: float = 0.99

    def __post_init__(self) -> None:
        validation.real("eta0", self.eta0, low=0.0)
        validation.real("gamma", self.gamma, low=0.0, high=1.0, high_open=False)

    def __call__(self, t: int) -> float:
        _step(t)
        return self.eta0 * self.gamma ** (t - 1)


@dataclass(frozen=True)
class InverseTime:
    r""":math:`\eta_t = \eta_0 / (1 + k\,(t-1))` (the form of torch's Adagrad ``lr_decay``)."""

    eta0: float
    k: float = 0.01

    def __post_init__(self) -> None:
        validation.real("eta0", self.eta0, low=0.0)
        validation.real("k", self.k, low=0.0, low_open=False)

    def __call__(self, t: int) -> float:
        _step(t)
        return self.eta0 / (1.0 + self.k * (t - 1))
