"""The synthetic data sets: reproducible, of the stated shape and law, and refusing bad sizes."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import datasets
from gdlib.datasets import heights_weights


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    x1, y1 = heights_weights(25, seed=3)
    x2, y2 = heights_weights(25, seed=3)
    x3, _ = heights_weights(25, seed=4)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(x1, x3)


def test_the_data_follow_the_stated_generator():
    # An independent reimplementation of the docstring's law, draw by draw.
    rng = np.random.default_rng(7)
    x_expected = rng.uniform(1.50, 1.95, size=10)
    y_expected = 90.0 * x_expected - 85.0 + rng.normal(0.0, 5.0, size=10)
    x, y = heights_weights(10, seed=7)
    np.testing.assert_array_equal(x, x_expected)
    np.testing.assert_allclose(y, y_expected, rtol=1e-15)


def test_a_large_sample_recovers_the_true_line_and_noise():
    x, y = heights_weights(20_000, seed=1)
    assert x.min() >= 1.50 and x.max() < 1.95
    slope, intercept = np.polyfit(x, y, 1)
    assert slope == pytest.approx(datasets.TRUE_SLOPE, abs=1.0)
    assert intercept == pytest.approx(datasets.TRUE_INTERCEPT, abs=2.0)
    assert np.std(y - (slope * x + intercept)) == pytest.approx(datasets.NOISE, rel=0.03)


@pytest.mark.parametrize("kwargs, exc, message", [
    (dict(n=1), ValueError, "n must be a whole number >= 2, got 1"),
    (dict(n=100_001), ValueError, "n must be a whole number from 2 to 100000, got 100001"),
    (dict(n=2.5), TypeError, "n must be a whole number >= 2, got 2.5"),
    (dict(seed=-1), ValueError, "seed must be a whole number >= 0, got -1"),
    (dict(seed=None), TypeError, "seed must be a whole number >= 0, got None"),
])
def test_bad_sizes_and_seeds_are_refused_by_name(kwargs, exc, message):
    with pytest.raises(exc) as err:
        heights_weights(**kwargs)
    assert str(err.value) == message


def test_moons_are_two_standardised_interleaved_classes():
    from gdlib.datasets import moons
    X, y = moons(200, noise=0.1, seed=4)
    assert X.shape == (200, 2) and y.tolist() == [0, 1] * 100
    np.testing.assert_allclose(X.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(X.std(axis=0), 1)
    np.testing.assert_array_equal(X, moons(200, noise=0.1, seed=4)[0])
    # no straight line separates them: the best least-squares line leaves some points on the wrong side
    design = np.column_stack([X, np.ones(200)])
    w, *_ = np.linalg.lstsq(design, 2.0 * y - 1, rcond=None)
    assert 0.05 < np.mean((design @ w > 0) != (y == 1)) < 0.3
    # without noise, class 0 lies on a circle of radius 1 before standardising: undo the scaling
    Xc, yc = moons(50, noise=0.0, seed=0)
    raw = np.random.default_rng(0).uniform(0.0, np.pi, size=50)
    upper = np.column_stack([np.cos(raw), np.sin(raw)])
    lower = np.column_stack([1 - np.cos(raw), 0.5 - np.sin(raw)])
    R = np.where(yc[:, None] == 0, upper, lower)
    np.testing.assert_allclose(Xc, (R - R.mean(axis=0)) / R.std(axis=0))
