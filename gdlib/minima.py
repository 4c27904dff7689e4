r"""Local and global minima, tested on a :math:`\delta`-neighbourhood.

A point :math:`x^*` is a *local minimum* of :math:`f` when some :math:`\delta > 0` makes

.. math::
    \lVert x - x^* \rVert \le \delta \;\Rightarrow\; f(x^*) \le f(x),

that is, no point within distance :math:`\delta` of :math:`x^*` is lower.
:func:`neighbourhood_check` tests that implication for one given :math:`\delta`, on a
grid of sample points: a sampled check, not a proof (a dip narrower than the grid's
spacing can be missed).

>>> from gdlib.functions import three_minima
>>> neighbourhood_check(three_minima, [0.0], 0.5).passes     # B, with a small delta
True
>>> check = neighbourhood_check(three_minima, [0.0], 2.5)    # the neighbourhood reaches A
>>> check.passes, check.lowest
(False, (-2.0,))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import validation
from .functions import Function, function_point

MAX_SAMPLES = 1_000_000  # grid points in all, so that a check cannot run away


@dataclass(frozen=True)
class NeighbourhoodCheck:
    r"""The outcome of :func:`neighbourhood_check`.

    ``passes`` is whether :math:`f(x^*) \le f(x)` held at every sample within
    ``delta``; ``lowest`` is the lowest sample found (``x_star`` itself when it passes)
    and ``lowest_value`` its value.
    """

    x_star: tuple[float, ...]
    delta: float
    value: float
    lowest: tuple[float, ...]
    lowest_value: float
    passes: bool

    def __str__(self) -> str:
        where = ", ".join(f"{c:.4g}" for c in self.x_star)
        if self.passes:
            return f"delta = {self.delta:g}: no point within delta of ({where}) is lower: f = {self.value:.4g}"
        low = ", ".join(f"{c:.4g}" for c in self.lowest)
        return (f"delta = {self.delta:g}: f({low}) = {self.lowest_value:.4g} is lower than "
                f"f({where}) = {self.value:.4g}")


def neighbourhood_check(f: Function, x_star: np.ndarray, delta: float,
                        samples: int = 401) -> NeighbourhoodCheck:
    r"""Is :math:`f(x^*) \le f(x)` for every sampled :math:`x` with :math:`\lVert x - x^*\rVert \le \delta`?

    The samples are a grid of ``samples`` points per coordinate over the cube of side
    :math:`2\delta` around :math:`x^*`, kept where they lie in the ball; an odd
    ``samples`` puts :math:`x^*` itself on the grid. Ties count as not lower (up to
    rounding, :math:`10^{-12}` relative), as the definition's :math:`\le` says.
    """
    centre = function_point(f, "x_star", x_star)
    delta = validation.positive_number("delta", delta)
    samples = validation.count("samples", samples)
    if samples < 3 or samples**f.n > MAX_SAMPLES:
        raise ValueError(f"samples must be at least 3 and samples**{f.n} at most {MAX_SAMPLES}, "
                         f"got {samples}")
    axes = [np.linspace(c - delta, c + delta, samples) for c in centre]
    grid = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, f.n)
    ball = grid[np.linalg.norm(grid - centre, axis=1) <= delta * (1 + 1e-12)]
    with np.errstate(all="ignore"):
        values = f.value(ball)
    value = float(f.value(centre))
    i = int(np.nanargmin(values))
    passes = bool(values[i] >= value - 1e-12 * max(1.0, abs(value)))
    lowest, lowest_value = (centre, value) if passes else (ball[i], float(values[i]))
    return NeighbourhoodCheck(tuple(float(c) + 0.0 for c in centre), delta, value,
                              tuple(float(c) + 0.0 for c in np.round(lowest, 12)), lowest_value, passes)
