"""Learning-rate schedules."""

from __future__ import annotations

import pytest

from gdlib.schedules import Constant, Exponential, InverseTime, Step


def test_seed_003_step_schedule():
    eta = Step(eta0=0.001, gamma=0.1, every=10_000)
    assert [eta(1), eta(10_000)] == [0.001, 0.001]
    assert eta(10_001) == pytest.approx(0.0001) and eta(20_000) == pytest.approx(0.0001)


def test_exponential_and_inverse_time():
    assert [Exponential(1.0, 0.5)(t) for t in (1, 2, 3)] == [1.0, 0.5, 0.25]
    assert [InverseTime(1.0, 1.0)(t) for t in (1, 2, 4)] == [1.0, 0.5, 0.25]
    assert Constant(0.3)(1000) == 0.3


@pytest.mark.parametrize("make, message", [
    (lambda: Constant(0.0), "eta0 must be in (0, inf), got 0.0"),
    (lambda: Step(0.1, gamma=1.5), "gamma must be in (0, 1], got 1.5"),
    (lambda: Step(0.1, every=0), "every must be a whole number >= 1, got 0"),
    (lambda: Exponential(0.1, gamma=0.0), "gamma must be in (0, 1], got 0.0"),
    (lambda: InverseTime(0.1, k=-1.0), "k must be in [0, inf), got -1.0"),
])
def test_bad_schedules_name_the_argument_and_value(make, message):
    with pytest.raises(ValueError) as err:
        make()
    assert str(err.value) == message


def test_the_closed_ends_of_the_ranges_are_allowed():
    assert Exponential(0.1, gamma=1.0)(50) == 0.1  # gamma = 1: a constant rate
    assert Step(0.1, gamma=1.0, every=1)(9) == 0.1
    assert InverseTime(0.1, k=0.0)(50) == 0.1  # k = 0: a constant rate
    assert Step(0.1, every=1)(2) == pytest.approx(0.01)


def test_schedules_take_numpy_integers():
    import numpy as np

    assert Step(1.0, every=2)(np.int64(3)) == pytest.approx(0.1)
