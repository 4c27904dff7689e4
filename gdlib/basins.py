r"""Where gradient descent ends up: basins of attraction, escape from a saddle, restarts.

Every function here runs *one* batched :func:`gdlib.descend` of plain gradient descent

.. math::
    x_{t+1} = x_t - \eta\, \nabla f(x_t)

from many starting points at once (``starts`` of shape ``(B, n)``), and then reads
off what each run did.

- :func:`basins` labels each start by the minimum its run ends at: its *basin of
  attraction*. A run that does not converge is labelled ``"unconverged"``; one that
  converges to a point that is not one of the named minima (a hilltop, a saddle) is
  labelled ``"elsewhere"``.
- :func:`escape_time` counts the steps until a run leaves the ball of radius ``r``
  around a saddle point, after it has come within it.
- :func:`at_least_one` is the chance :math:`1 - (1 - p)^k` that at least one of
  :math:`k` independent restarts succeeds, and :func:`groups_with_success` measures
  the same thing on recorded successes.

>>> from gdlib.functions import three_minima
>>> found = basins(three_minima, [[-2.5], [-0.5], [3.0]],
...                {"A": [-2.0], "B": [0.0], "C": [2.5]}, eta=0.01)
>>> found.labels.tolist()
['A', 'B', 'C']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from . import validation
from .descent import Result, descend
from .functions import Function
from .optimizers import GD

UNCONVERGED = "unconverged"
"""The label of a start whose run did not converge (it diverged or ran out of steps)."""
ELSEWHERE = "elsewhere"
"""The label of a start whose run converged, but not within ``radius`` of a named minimum."""
MAX_STARTS = 100_000
"""The most starting points one call may run."""


@dataclass(frozen=True)
class Basins:
    """The result of :func:`basins`: each start, its label, and the batched run."""

    starts: np.ndarray
    labels: np.ndarray
    names: tuple[str, ...]
    run: Result

    def fraction(self, name: str) -> float:
        """The fraction of the starts labelled ``name``."""
        if name not in self.names + (UNCONVERGED, ELSEWHERE):
            raise ValueError(f"name must be one of {list(self.names + (UNCONVERGED, ELSEWHERE))}, got {name!r}")
        return float(np.mean(self.labels == name))

    def counts(self) -> dict[str, int]:
        """How many starts got each label, in the order of ``names``, then the other two."""
        return {name: int(np.sum(self.labels == name)) for name in self.names + (UNCONVERGED, ELSEWHERE)}


def _function(f: object) -> Function:
    if not isinstance(f, Function):
        raise validation.ArgumentTypeError(f"f must be a gdlib.functions.Function, got {validation.describe(f)}")
    return f


def _starts(f: Function, starts: object) -> np.ndarray:
    arr = validation.point("starts", starts)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.shape[1] != f.n:
        raise ValueError(f"starts must have shape (B, {f.n}) for {f.name}, got shape {arr.shape}")
    if arr.shape[0] > MAX_STARTS:
        raise ValueError(f"starts must hold at most {MAX_STARTS} points, got {arr.shape[0]}")
    return arr


def basins(f: Function, starts: object, minima: Mapping[str, Sequence[float]], *, eta: object,
           steps: int = 2000, tol: float = 1e-6, radius: float = 1e-3) -> Basins:
    r"""Label each start by the minimum that gradient descent from it reaches.

    One batched run of ``GD(eta)`` from all ``starts`` (shape ``(B, n)``), at most
    ``steps`` steps, stopping a run when :math:`\lVert\nabla f\rVert <` ``tol``.
    A converged run whose last iterate lies within ``radius`` of ``minima[name]``
    gets the label ``name``. ``eta`` is one learning rate, or one per start
    (an array of length ``B``), so that one call can also sweep the learning rate.
    """
    f = _function(f)
    starts = _starts(f, starts)
    if not isinstance(minima, Mapping) or not minima:
        raise validation.ArgumentTypeError(
            f"minima must be a non-empty dict name -> point, such as {{'A': [-2.0]}}, got {validation.describe(minima)}")
    names = tuple(minima)
    for name in names:
        validation.text("a name in minima", name)
        if name in (UNCONVERGED, ELSEWHERE):
            raise ValueError(f"a name in minima must not be {name!r}, which labels runs that reach no minimum")
    centres = validation.path("minima", [minima[name] for name in names], f.n)
    if not np.all(np.isfinite(centres)):
        raise ValueError(f"minima must hold finite points, got {dict(minima)!r}")
    radius = validation.positive_number("radius", radius)
    tol = validation.positive_number("tol", tol)
    run = descend(f, starts, GD(eta=eta), steps=steps, tol=tol)
    last = run.x
    distance = np.linalg.norm(last[:, None, :] - centres[None, :, :], axis=-1)  # (B, minima)
    nearest = np.argmin(distance, axis=1)
    labels = np.where(distance[np.arange(len(last)), nearest] <= radius,
                      np.array(names, dtype=object)[nearest], ELSEWHERE)
    labels = np.where(run.status == "converged", labels, UNCONVERGED).astype(str)
    return Basins(starts=starts, labels=labels, names=names, run=run)


def escape_time(f: Function, starts: object, *, saddle: Sequence[float], radius: float,
                eta: float, steps: int = 1000) -> np.ndarray:
    r"""Steps until gradient descent leaves the ball of radius ``radius`` around ``saddle``.

    The time counted is the first step :math:`t` at which
    :math:`\lVert x_t - x_s\rVert > r`, after the run has been within :math:`r` of
    the saddle point :math:`x_s` (or from the start, if it starts within it). A run
    that never comes near, or is still inside after ``steps`` steps, gets ``inf``.
    One value per start, as floats (so that ``inf`` fits).

    For the saddle :math:`x^2 - y^2` one step multiplies :math:`y` by :math:`1 + 2\eta`, so a
    run started at height :math:`y_0` leaves after about
    :math:`\log(r / |y_0|) / \log(1 + 2\eta)` steps.

    >>> from gdlib.functions import saddle
    >>> escape_time(saddle, [[0.0, 0.01], [0.0, 0.0]], saddle=[0.0, 0.0], radius=1.0, eta=0.5).tolist()
    [7.0, inf]
    """
    f = _function(f)
    starts = _starts(f, starts)
    centre = validation.path("saddle", [saddle], f.n)[0]
    radius = validation.positive_number("radius", radius)
    eta = validation.positive_number("eta", eta)
    run = descend(f.grad, starts, GD(eta=eta), steps=steps)  # no tol: a run must not stop at the saddle
    inside = np.linalg.norm(run.xs - centre, axis=-1) <= radius  # (steps + 1, B)
    has_entered = np.cumsum(inside, axis=0) > 0
    left = has_entered & ~inside
    # A run that diverged is frozen at its last iterate, which lies far outside: it has left.
    times = np.where(left.any(axis=0), np.argmax(left, axis=0), np.inf)
    return times.astype(float)


def at_least_one(p: float, k: int) -> float:
    r"""The chance that at least one of ``k`` independent tries succeeds, each with chance ``p``.

    .. math::
        P(\text{at least one of } k) = 1 - (1 - p)^k

    >>> round(at_least_one(0.3, 2), 10)
    0.51
    """
    p = validation.real("p", p, low=0.0, high=1.0, low_open=False, high_open=False)
    k = validation.count("k", k, low=1)
    return 1.0 - (1.0 - p) ** k


def groups_with_success(successes: object, k: int) -> float:
    """The measured fraction of consecutive groups of ``k`` tries with at least one success.

    ``successes`` is a 1-D array of booleans (one per restart) whose length is a multiple of ``k``.

    >>> groups_with_success([False, True, False, False, True, True], 2)
    0.6666666666666666
    """
    k = validation.count("k", k, low=1)
    arr = np.asarray(successes) if not isinstance(successes, (str, bytes)) else None
    if arr is None or arr.dtype != bool or arr.ndim != 1 or arr.size == 0:
        raise validation.ArgumentTypeError(
            f"successes must be a non-empty 1-D array of True/False, got {validation.describe(successes)}")
    if arr.size % k:
        raise ValueError(f"the length of successes ({arr.size}) must be a multiple of k = {k}")
    return float(np.mean(arr.reshape(-1, k).any(axis=1)))
