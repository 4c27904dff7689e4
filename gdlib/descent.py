"""`descend`: run an optimizer on a gradient, for one run or a whole batch of runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from . import validation
from .optimizers import Optimizer

Grad = Callable[[np.ndarray], np.ndarray]


@dataclass
class Result:
    """The path of one run, or of a batch of runs.

    One run: ``xs`` has shape ``(k+1, n)`` (the iterates :math:`x_0 \\dots x_k`),
    ``status`` is a string, ``steps`` is ``k``. A batch of ``B`` runs: ``xs`` has
    shape ``(K+1, B, n)``, with each run's rows frozen at its last iterate once it
    has stopped; ``status`` and ``steps`` are arrays of length ``B``, and
    ``result[i]`` is run ``i`` alone.

    ``grad_norms`` holds :math:`\\|\\nabla f(x_j)\\|` for each row of ``xs``;
    ``values`` holds :math:`f(x_j)` when ``descend`` was given the function.
    """

    xs: np.ndarray
    status: Any
    steps: Any
    grad_norms: np.ndarray
    values: np.ndarray | None = None

    @property
    def x(self) -> np.ndarray:
        """The last iterate (of each run)."""
        if self.xs.ndim == 2:
            return self.xs[-1]
        return self.xs[self.steps, np.arange(self.xs.shape[1])]

    def summary(self) -> str:
        """One line on how the run ended, for titles and printouts.

        >>> from gdlib import GD
        >>> descend(lambda x: 2 * x, [1.0], GD(eta=0.5), steps=10, tol=1e-9).summary()
        'converged in 1 step'
        """
        if self.xs.ndim != 2:
            return f"{len(self)} runs: " + ", ".join(
                f"{n} {s}" for s, n in zip(*np.unique(self.status, return_counts=True)))
        steps = f"{self.steps} step{'s' if self.steps != 1 else ''}"
        if self.status == "converged":
            return f"converged in {steps}"
        if self.status == "diverged":
            return f"diverged after {steps}"
        first, last = self.grad_norms[0], self.grad_norms[-1]
        trend = "growing" if last > first else "shrinking" if last < first else "not shrinking"
        return f"stopped after {steps}, |grad| {first:.3g} -> {last:.3g} ({trend})"

    def __len__(self) -> int:
        return 1 if self.xs.ndim == 2 else self.xs.shape[1]

    def __getitem__(self, i: int) -> "Result":
        if self.xs.ndim == 2:
            raise TypeError("a single run cannot be indexed; it is already one run")
        runs = len(self)
        i = validation.count("i", i, low=-runs, high=runs - 1)
        k = int(self.steps[i])
        return Result(xs=self.xs[: k + 1, i], status=str(self.status[i]), steps=k,
                      grad_norms=self.grad_norms[: k + 1, i],
                      values=None if self.values is None else self.values[: k + 1, i])


def descend(grad: Grad | Any, x0: Any, optimizer: Optimizer, steps: int = 100,
            tol: float | None = None, f: Callable[[np.ndarray], np.ndarray] | None = None,
            blowup: float = 1e10) -> Result:
    r"""Run at most ``steps`` updates of ``optimizer`` from ``x0``.

    Stops with status ``"converged"`` when :math:`\|\nabla f(x_k)\| <` ``tol``,
    ``"diverged"`` when the iterate or the gradient is not finite or its norm
    exceeds ``blowup``, and ``"max_steps"`` otherwise. ``grad`` is a function
    ``x -> g`` or one of :mod:`gdlib.functions` (then its value is recorded too).

    A batch: ``x0`` of shape ``(B, n)`` (many starting points), or array
    hyper-parameters of length ``B`` (many learning rates), or both; ``grad`` is
    called once a step on the whole ``(B, n)`` array.

    >>> from gdlib import GD
    >>> run = descend(lambda x: 2 * x, x0=[5.0], optimizer=GD(eta=0.25), steps=3)
    >>> run.xs.ravel().tolist(), run.status
    ([5.0, 2.5, 1.25, 0.625], 'max_steps')
    """
    n = None  # the number of variables, when grad says
    # A class (LinearRegression for LinearRegression(x, y)) has .grad and .value too, but
    # unbound: validation.function below refuses it, and says to instantiate it.
    if hasattr(grad, "grad") and hasattr(grad, "value") and not isinstance(grad, type):
        n, name = getattr(grad, "n", None), getattr(grad, "name", type(grad).__name__)
        f = grad.value if f is None else f
        grad = grad.grad
    validation.function("grad", grad, "x -> gradient")
    if not isinstance(optimizer, Optimizer):
        if isinstance(optimizer, type) and issubclass(optimizer, Optimizer):
            raise validation.ArgumentTypeError(
                f"optimizer must be a gdlib optimizer such as GD(eta=0.1), got the class "
                f"{optimizer.__name__}: call it, e.g. {optimizer.__name__}()")
        raise validation.ArgumentTypeError(
            f"optimizer must be a gdlib optimizer such as GD(eta=0.1), got {validation.describe(optimizer)}")
    x = validation.point("x0", x0)
    if isinstance(n, int) and x.shape[-1] != n:
        raise ValueError(f"x0 has {x.shape[-1]} coordinate{'s' if x.shape[-1] != 1 else ''}, but {name} is a "
                         f"function of {n} variable{'s' if n != 1 else ''}")
    steps = validation.count("steps", steps)
    if tol is not None:
        validation.real("tol", tol, low=0.0)
    validation.real("blowup", blowup, low=0.0)
    if f is not None:
        validation.function("f", f, "x -> value")

    batch = optimizer.batch_size
    if batch is not None:
        if x.ndim == 1:
            x = np.broadcast_to(x, (batch, x.size)).copy()
        elif x.shape[0] != batch:
            raise ValueError(f"x0 has {x.shape[0]} starting points but the optimizer's "
                             f"hyper-parameters describe {batch} runs")
    validation.budget(steps, 1 if x.ndim == 1 else x.shape[0], x.shape[-1], single=x.ndim == 1)
    with np.errstate(all="ignore"):  # a gradient may overflow already at the start: that is "diverged"
        g = grad(x)
    if not isinstance(g, np.ndarray) or g.dtype != float:
        # a list, or integers: convert every call (the library's own functions never need it)
        validation._numeric_array("grad(x0)", g, "an array of real numbers")  # refuses complex, strings
        grad = _as_float_array(grad)
        with np.errstate(all="ignore"):
            g = grad(x)
    if g.shape != x.shape:
        raise ValueError(f"grad returned an array of shape {g.shape}, "
                         f"but x0 has shape {x.shape}; they must match")

    # Overflow on the way to a divergence is expected: we report it once, as a status.
    with np.errstate(all="ignore"):
        if x.ndim == 1:
            result = _run_one(grad, x, g, optimizer, steps, tol, blowup)
        else:
            result = _run_batch(grad, x, g, optimizer, steps, tol, blowup)
        if f is not None:  # on all iterates at once: a gradient passed as f, or an f written with x[0], fails here
            result.values = validation.values("f", f(result.xs), result.xs.shape,
                                              hint=": write f for points of shape (..., n), with x[..., 0] for x[0]")
    return result


def _as_float_array(grad: Grad) -> Grad:
    return lambda x: np.asarray(grad(x), dtype=float)


def _run_one(grad: Grad, x: np.ndarray, g: np.ndarray, optimizer: Optimizer, steps: int,
             tol: float | None, blowup: float) -> Result:
    # This loop is the hot path of a single run: Python lists and float comparisons
    # cost a fraction of a microsecond a step; ndarray.dot is twice as fast as @ here.
    xs = [x]
    norms2 = []
    tol2 = -1.0 if tol is None else tol * tol
    limit2 = blowup * blowup
    update = optimizer.update
    state = optimizer.init(x)
    status = "max_steps"
    for k in range(steps + 1):
        gg = g.dot(g)
        norms2.append(gg)
        # `not a < b` is also true for NaN, which is what we want.
        if not (gg < limit2 and x.dot(x) < limit2):
            status = "diverged"
            break
        if gg < tol2:
            status = "converged"
            break
        if k == steps:
            break
        x, state = update(x, g, state)
        xs.append(x)
        g = grad(x)
    return Result(xs=np.array(xs), status=status, steps=len(xs) - 1, grad_norms=np.sqrt(norms2))


def _run_batch(grad: Grad, x: np.ndarray, g: np.ndarray, optimizer: Optimizer, steps: int,
               tol: float | None, blowup: float) -> Result:
    b = x.shape[0]
    xs = np.empty((steps + 1, b, x.shape[1]))
    norms = np.empty((steps + 1, b))
    status = np.full(b, "max_steps", dtype=object)
    stopped_at = np.full(b, steps)
    active = np.ones(b, dtype=bool)
    tol2 = -1.0 if tol is None else tol * tol
    limit2 = blowup * blowup
    state = optimizer.init(x)
    xs[0] = x
    k = 0
    while True:
        gg = np.einsum("ij,ij->i", g, g)
        xx = np.einsum("ij,ij->i", x, x)
        norms[k] = np.where(active, np.sqrt(gg), norms[k - 1] if k else 0.0)
        diverged = active & ~((gg < limit2) & (xx < limit2))
        converged = active & ~diverged & (gg < tol2)
        for mask, name in ((diverged, "diverged"), (converged, "converged")):
            if mask.any():
                status[mask] = name
                stopped_at[mask] = k
                active &= ~mask
        if k == steps or not active.any():
            break
        x_new, state = optimizer.update(x, g, state)
        x = np.where(active[:, None], x_new, x)
        k += 1
        xs[k] = x
        g = np.asarray(grad(x), dtype=float)
    stopped_at = np.minimum(stopped_at, k)
    return Result(xs=xs[: k + 1], status=status.astype(str), steps=stopped_at,
                  grad_norms=norms[: k + 1])
