r"""Backtracking line search: let the Armijo condition choose each step's learning rate.

At the point :math:`x_k`, with gradient :math:`g_k = \nabla f(x_k)`, try
:math:`\eta = \eta_0`, then :math:`\tau\eta_0`, :math:`\tau^2\eta_0`, ... and accept the
first one that lowers :math:`f` by at least a fraction :math:`c` of what the tangent
plane promises (Armijo, 1966):

.. math::
    f(x_k - \eta\, g_k) \le f(x_k) - c\,\eta\,\lVert g_k\rVert^2,
    \qquad x_{k+1} = x_k - \eta\, g_k .

Input: ``f`` (:math:`f`, or a :class:`gdlib.functions.Function`, which brings its
gradient), ``grad`` (:math:`\nabla f`), ``eta0`` (:math:`\eta_0`), ``c`` (:math:`c`),
``tau`` (:math:`\tau`). Every trial costs one evaluation of :math:`f`; the run counts
them, because that is the price of not choosing :math:`\eta` by hand.

>>> from gdlib.functions import bowl
>>> run = backtracking(bowl, [3.0, 4.0], eta0=1.0, c=0.5, tau=0.5, steps=1)
>>> run.etas.tolist(), run.f_evals   # tried 1, 0.5, 0.25: f(x_0) and three trials
([0.25], 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from . import validation

__all__ = ["LineSearchResult", "backtracking", "MAX_EVALS", "MAX_SHRINKS"]

MAX_EVALS = 1_000_000
"""The most evaluations of f that a run may be allowed (``max_evals``)."""
MAX_SHRINKS = 200
"""The most shrinks one step may be allowed (``max_shrinks``): :math:`0.5^{200} \\approx 10^{-60}`."""


@dataclass
class LineSearchResult:
    """One run of :func:`backtracking`.

    ``xs`` has shape ``(k+1, n)`` (the iterates :math:`x_0 \\dots x_k`), ``values`` and
    ``grad_norms`` hold :math:`f(x_j)` and :math:`\\|\\nabla f(x_j)\\|`, ``etas`` the
    accepted learning rate of each of the ``k`` steps, ``trials`` how many values of
    :math:`\\eta` each step tried. ``f_evals`` and ``grad_evals`` count every call of
    ``f`` and ``grad``. ``status`` is ``"converged"``, ``"max_steps"``, ``"max_evals"``
    (the budget of f-evaluations ran out), ``"no_decrease"`` (a step shrank
    ``max_shrinks`` times without meeting the condition: is ``grad`` the gradient of
    ``f``?) or ``"diverged"`` (a value or gradient was not finite); ``message`` says it
    in a sentence.
    """

    xs: np.ndarray
    values: np.ndarray
    grad_norms: np.ndarray
    etas: np.ndarray
    trials: np.ndarray
    f_evals: int
    grad_evals: int
    status: str
    message: str

    @property
    def x(self) -> np.ndarray:
        """The last iterate."""
        return self.xs[-1]

    @property
    def steps(self) -> int:
        """The number of accepted steps."""
        return len(self.etas)

    def summary(self) -> str:
        """One line: how the run ended and what it cost."""
        return f"{self.message}; {self.f_evals} evaluations of f, {self.grad_evals} of the gradient"


def _value(f: Callable[[np.ndarray], Any], x: np.ndarray) -> float:
    v = f(x)
    if np.ndim(v) != 0 or np.iscomplexobj(v):
        raise ValueError(f"f must return one real number, got {validation.describe(v)}")
    return float(v)


def backtracking(f: Any, x0: Any, *, grad: Callable[[np.ndarray], np.ndarray] | None = None,
                 eta0: float = 1.0, c: float = 1e-4, tau: float = 0.5, steps: int = 100,
                 tol: float | None = 1e-6, max_evals: int = 10_000, max_shrinks: int = 50) -> LineSearchResult:
    r"""Gradient descent whose every step length is found by backtracking (the Armijo condition).

    .. math::
        \eta \leftarrow \eta_0; \quad
        \text{while } f(x_k - \eta g_k) > f(x_k) - c\,\eta\,\lVert g_k\rVert^2:
        \ \eta \leftarrow \tau\,\eta; \qquad x_{k+1} = x_k - \eta\, g_k

    Each step starts again from ``eta0``. Stops when :math:`\|g_k\| <` ``tol``, after
    ``steps`` steps, when ``max_evals`` evaluations of ``f`` are spent, or when one step
    needs more than ``max_shrinks`` shrinks (see :class:`LineSearchResult` for the
    statuses). ``0 < c < 1`` and ``0 < tau < 1``.

    >>> import numpy as np
    >>> run = backtracking(lambda x: float(x @ x), [1.0], grad=lambda x: 2 * x, eta0=1.0, steps=5)
    >>> run.etas.tolist(), run.status   # 1 overshoots to f = 1 again; 0.5 lands on the minimum
    ([0.5], 'converged')
    """
    if grad is None and hasattr(f, "grad") and hasattr(f, "value"):
        f, grad = f.value, f.grad
    validation.function("f", f, "x -> value")
    if grad is None:
        raise validation.ArgumentTypeError("grad must be a function x -> gradient, got None "
                                           "(pass grad=, or a gdlib.functions.Function as f)")
    validation.function("grad", grad, "x -> gradient")
    x = validation.point("x0", x0)
    if x.ndim != 1:
        raise ValueError(f"x0 must be one point of shape (n,), got shape {x.shape}")
    eta0 = validation.real("eta0", eta0, low=0.0)
    c = validation.real("c", c, low=0.0, high=1.0)
    tau = validation.real("tau", tau, low=0.0, high=1.0)
    steps = validation.count("steps", steps)
    if tol is not None:
        validation.real("tol", tol, low=0.0)
    max_evals = validation.count("max_evals", max_evals, low=1, high=MAX_EVALS)
    max_shrinks = validation.count("max_shrinks", max_shrinks, low=0, high=MAX_SHRINKS)

    with np.errstate(all="ignore"):
        fx, g = _value(f, x), np.asarray(grad(x), dtype=float)
        if g.shape != x.shape:
            raise ValueError(f"grad returned an array of shape {g.shape}, but x0 has shape {x.shape}; they must match")
        f_evals, grad_evals = 1, 1
        xs, values, norms, etas, trials = [x], [fx], [float(np.linalg.norm(g))], [], []
        status, message = "max_steps", f"stopped after {steps} steps"
        while True:
            gg = float(g @ g)
            if not (np.isfinite(fx) and np.isfinite(gg)):
                status, message = "diverged", f"diverged: f or its gradient is not finite at step {len(etas)}"
                break
            if tol is not None and gg < tol * tol:
                status, message = "converged", f"converged in {len(etas)} steps"
                break
            if len(etas) == steps:
                break
            eta, tried = eta0, 0
            while True:
                if f_evals == max_evals:
                    status = "max_evals"
                    message = f"stopped at step {len(etas)}: all max_evals = {max_evals} evaluations of f spent"
                    break
                trial = x - eta * g
                f_trial = _value(f, trial)  # NaN or inf fails the test below: shrink
                f_evals += 1
                tried += 1
                if f_trial <= fx - c * eta * gg:  # the Armijo condition
                    break
                if tried > max_shrinks:
                    status = "no_decrease"
                    message = (f"no decrease at step {len(etas)}: eta shrank {max_shrinks} times to "
                               f"{eta:.3g} without meeting the Armijo condition; is grad the gradient of f?")
                    break
                eta *= tau
            if status in ("max_evals", "no_decrease"):
                break
            x, fx = trial, f_trial
            g = np.asarray(grad(x), dtype=float)
            grad_evals += 1
            xs.append(x)
            values.append(fx)
            norms.append(float(np.linalg.norm(g)))
            etas.append(eta)
            trials.append(tried)
    return LineSearchResult(xs=np.array(xs), values=np.array(values), grad_norms=np.array(norms),
                            etas=np.array(etas, dtype=float), trials=np.array(trials, dtype=int),
                            f_evals=f_evals, grad_evals=grad_evals, status=status, message=message)
