"""The delta-neighbourhood check, against minima and crossings known exactly."""

import numpy as np
import pytest
import sympy as sp

from gdlib.functions import rosenbrock, saddle, three_minima
from gdlib.minima import neighbourhood_check


def test_valley_b_passes_for_small_delta_and_fails_once_a_is_within_reach():
    small = neighbourhood_check(three_minima, [0.0], 1.0)
    assert small.passes and small.lowest == (0.0,) and small.value == 0.0
    large = neighbourhood_check(three_minima, [0.0], 2.5)
    assert not large.passes
    assert large.lowest == (-2.0,) and large.lowest_value == pytest.approx(-1.6)  # A, known exactly


def test_b_fails_exactly_where_f_first_drops_below_f_b():
    # f(x) = 0 has the root -1.5619... between A and the hill at -1; nothing lower lies right of B
    edge = -float(sp.nsolve(three_minima.expr, three_minima.symbols[0], -1.5))
    assert edge == pytest.approx(1.56196, abs=1e-5)
    assert neighbourhood_check(three_minima, [0.0], edge - 0.01, samples=4001).passes
    assert not neighbourhood_check(three_minima, [0.0], edge + 0.01, samples=4001).passes


def test_a_point_on_a_slope_fails_for_a_tiny_delta_on_its_downhill_side():
    # f'(1) = 3 * 2 * 1 * (-1/2) * (-3/2) = 4.5 > 0, so lower points lie to the left
    check = neighbourhood_check(three_minima, [1.0], 0.01)
    assert not check.passes and check.lowest == (0.99,)


def test_global_minimum_passes_for_every_delta():
    for delta in (0.1, 1.0, 5.0):
        assert neighbourhood_check(three_minima, [-2.0], delta).passes


def test_two_variables_use_a_disc_and_keep_the_coordinates_apart():
    assert neighbourhood_check(rosenbrock, [1.0, 1.0], 0.5, samples=101).passes
    # x^2 - y^2 falls along y only: the lowest sample is (0, +-delta), not (+-delta, 0)
    check = neighbourhood_check(saddle, [0.0, 0.0], 0.5, samples=101)
    assert not check.passes
    assert check.lowest[0] == 0.0 and abs(check.lowest[1]) == 0.5
    assert check.lowest_value == pytest.approx(-0.25)
    # corners of the square lie outside the disc: (0.5, 0.5) would give f = 0, and is not sampled
    corner = neighbourhood_check(saddle, [0.0, 0.0], 0.5, samples=3)
    assert corner.lowest_value == pytest.approx(-0.25)


def test_the_report_reads_like_the_definition():
    assert str(neighbourhood_check(three_minima, [0.0], 1.0)) == \
        "delta = 1: no point within delta of (0) is lower: f = 0"
    assert str(neighbourhood_check(three_minima, [0.0], 2.5)) == \
        "delta = 2.5: f(-2) = -1.6 is lower than f(0) = 0"


@pytest.mark.parametrize("call, error, message", [
    (lambda: neighbourhood_check("f", [0.0], 1.0), TypeError, r"f must be a gdlib.functions.Function, got 'f'"),
    (lambda: neighbourhood_check(three_minima, [0.0, 1.0], 1.0), ValueError,
     r"x_star must have shape \(1,\) for three_minima, got shape \(2,\)"),
    (lambda: neighbourhood_check(three_minima, [np.nan], 1.0), ValueError, r"x_star must be finite"),
    (lambda: neighbourhood_check(three_minima, [1j], 1.0), ValueError, r"x_star must be"),
    (lambda: neighbourhood_check(three_minima, [0.0], -0.5), ValueError, r"delta must be in \(0, inf\), got -0.5"),
    (lambda: neighbourhood_check(three_minima, [0.0], 0.0), ValueError, r"delta must be in \(0, inf\), got 0.0"),
    (lambda: neighbourhood_check(three_minima, [0.0], [1.0]), ValueError, r"delta must be one positive number"),
    (lambda: neighbourhood_check(three_minima, [0.0], np.inf), ValueError, r"delta must be in \(0, inf\), got inf"),
    (lambda: neighbourhood_check(three_minima, [0.0], 1.0, samples=2), ValueError,
     r"samples must be at least 3 and samples\*\*1 at most 1000000, got 2"),
    (lambda: neighbourhood_check(saddle, [0.0, 0.0], 1.0, samples=2000), ValueError,
     r"samples\*\*2 at most 1000000, got 2000"),
    (lambda: neighbourhood_check(three_minima, [0.0], 1.0, samples=4.5), ValueError,
     r"samples must be a whole number >= 0, got 4.5"),
])
def test_bad_input_is_refused_by_name(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_an_exact_minimum_on_the_grid_passes_and_is_its_own_lowest():
    from gdlib.functions import bowl
    check = neighbourhood_check(bowl, [-0.0, -0.0], 0.5)  # the origin is a grid point: a tie with itself
    assert check.passes and check.lowest == (0.0, 0.0)
    assert str(check.x_star) == "(0.0, 0.0)" and str(check.lowest) == "(0.0, 0.0)"  # no -0.0
    assert str(check).endswith("no point within delta of (0, 0) is lower: f = 0")


def test_off_grid_centre_that_passes_reports_itself_as_lowest():
    from gdlib.functions import bowl
    check = neighbourhood_check(bowl, [0.0, 0.0], 0.5, samples=4)  # even: the centre is not on the grid
    assert check.passes and check.lowest == (0.0, 0.0) and check.lowest_value == 0.0


def test_the_lowest_sample_of_a_2d_check_lies_in_the_ball_with_its_own_value():
    check = neighbourhood_check(saddle, [0.0, 0.0], 1.0, samples=21)
    assert not check.passes
    assert check.lowest in ((0.0, 1.0), (0.0, -1.0)) and check.lowest_value == -1.0
    assert np.isclose(float(saddle.value(np.array(check.lowest))), check.lowest_value)
    assert str(check) in ("delta = 1: f(0, 1) = -1 is lower than f(0, 0) = 0",
                          "delta = 1: f(0, -1) = -1 is lower than f(0, 0) = 0")


def test_samples_up_to_max_samples_are_accepted():
    from gdlib.minima import MAX_SAMPLES
    assert neighbourhood_check(three_minima, [0.0], 0.5, samples=MAX_SAMPLES).passes


def test_the_grid_pairs_every_coordinate_with_every_other_around_an_off_origin_centre():
    check = neighbourhood_check(saddle, [1.0, 3.0], 0.5, samples=21)  # x^2 - y^2: lowest towards small x, large y
    assert not check.passes and check.lowest == (0.8, 3.45) and np.isclose(check.lowest_value, 0.8**2 - 3.45**2)
