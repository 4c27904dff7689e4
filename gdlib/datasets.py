r"""Synthetic data sets for the book's models, reproducible from a seed.

:func:`heights_weights` draws the students of the linear-regression chapter: heights
in metres, each drawn at random from a range with every value equally likely (uniformly;
they are scattered, not evenly spaced), and weights in kilograms that lie near a straight
line, give or take a normal random error,

.. math::
    x_i \sim \mathcal U(1.50, 1.95), \qquad
    y_i = m_{\text{true}}\, x_i + b_{\text{true}} + e_i, \qquad
    e_i \sim \mathcal N(0, s^2),

with :math:`m_{\text{true}} = 90` kg/m, :math:`b_{\text{true}} = -85` kg and
:math:`s = 5` kg (the book writes a noise's standard deviation as :math:`s`; :math:`\sigma`
is the sigmoid). The same ``seed`` always gives the same data.

>>> x, y = heights_weights(n=3, seed=0)
>>> x.round(3).tolist(), y.round(1).tolist()
([1.787, 1.621, 1.518], [76.3, 58.2, 53.5])
"""

from __future__ import annotations

import numpy as np

from . import validation

TRUE_SLOPE = 90.0
"""Kilograms per metre: the slope of the line the weights scatter around."""
TRUE_INTERCEPT = -85.0
"""Kilograms: the intercept of that line."""
NOISE = 5.0
"""Kilograms: the standard deviation of each weight around the line."""
HEIGHT_RANGE = (1.50, 1.95)
"""Metres: heights are drawn uniformly at random from this range."""
MAX_SAMPLES = 100_000


def heights_weights(n: int = 20, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    r"""``n`` students' heights :math:`x_i` (m) and weights :math:`y_i` (kg), drawn with ``numpy.random.default_rng(seed)``.

    The heights are drawn first, then the noise, so that a larger ``n`` changes every
    weight but a given ``(n, seed)`` always gives the same arrays.
    """
    n = validation.count("n", n, low=2, high=MAX_SAMPLES)
    seed = validation.count("seed", seed, low=0)
    rng = np.random.default_rng(seed)
    x = rng.uniform(*HEIGHT_RANGE, size=n)
    y = TRUE_SLOPE * x + TRUE_INTERCEPT + rng.normal(0.0, NOISE, size=n)
    return x, y


def moons(n: int = 100, noise: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    r"""Two interleaved half-moons in the plane: ``n`` points :math:`x_i \in \mathbb R^2` and their classes :math:`y_i \in \{0, 1\}`.

    Class 0 lies near the upper half-circle :math:`(\cos t, \sin t)`, class 1 near the lower one
    :math:`(1 - \cos t, \tfrac12 - \sin t)`, with :math:`t \sim \mathcal U(0, \pi)` and a normal random
    shift of standard deviation :math:`s` = ``noise`` in each coordinate; the classes alternate
    (0, 1, 0, 1, ...). No straight line separates them: a classifier must bend. The points are then
    standardised (each coordinate shifted and scaled to mean 0 and standard deviation 1), as
    scikit-learn's ``StandardScaler()`` after ``make_moons`` would (our own draw, not its numbers).

    >>> X, y = moons(4, seed=0)
    >>> X.shape, y.tolist()
    ((4, 2), [0, 1, 0, 1])
    """
    n = validation.count("n", n, low=4, high=MAX_SAMPLES)
    s = validation.real("noise", noise, low=0.0, low_open=False)
    rng = np.random.default_rng(validation.count("seed", seed, low=0))
    y = np.arange(n) % 2
    t = rng.uniform(0.0, np.pi, size=n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(y[:, None] == 0, upper, lower) + rng.normal(0.0, s, size=(n, 2))
    return (X - X.mean(axis=0)) / X.std(axis=0), y
