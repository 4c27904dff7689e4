"""Tests for gdlib.basins: basins of attraction, escape from a saddle, restarts."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from gdlib.basins import (ELSEWHERE, UNCONVERGED, Basins, at_least_one, basins, escape_time,
                          groups_with_success)
from gdlib.functions import Function, saddle, three_minima

x, y = sp.symbols("x y", real=True)
VALLEYS = {"A": [-2.0], "B": [0.0], "C": [2.5]}
# An asymmetric 2-D example: minima at (1, 0) and (-1, 0) of (x^2 - 1)^2 + 3 (y - 0.5 x)^2,
# i.e. at (1, 0.5) and (-1, -0.5); swapping coordinates would put them elsewhere.
tilted = Function("tilted", (x**2 - 1) ** 2 + 3 * (y - x / 2) ** 2, (x, y))


def test_three_minima_basins_are_the_intervals_between_the_hills():
    starts = np.array([[-2.9], [-1.05], [-0.95], [1.45], [1.55], [3.3]])
    found = basins(three_minima, starts, VALLEYS, eta=0.01)
    assert found.labels.tolist() == ["A", "A", "B", "B", "C", "C"]
    assert isinstance(found, Basins) and found.names == ("A", "B", "C")
    assert found.counts() == {"A": 2, "B": 2, "C": 2, UNCONVERGED: 0, ELSEWHERE: 0}
    assert found.fraction("A") == pytest.approx(1 / 3)


def test_asymmetric_2d_basins_on_the_valley_line_follow_the_sign_of_x():
    # on the line y = x / 2 the y-part of the gradient is 0, so a run stays on it and
    # moves like gradient descent on (x^2 - 1)^2: it ends at the minimum on x's side
    starts = np.array([[0.4, 0.2], [-0.6, -0.3], [2.0, 1.0], [-1.5, -0.75]])
    found = basins(tilted, starts, {"right": [1.0, 0.5], "left": [-1.0, -0.5]}, eta=0.05)
    assert found.labels.tolist() == ["right", "left", "right", "left"]
    # the same minima with swapped coordinates are not minima: the runs land elsewhere
    swapped = basins(tilted, starts, {"right": [0.5, 1.0], "left": [-0.5, -1.0]}, eta=0.05)
    assert swapped.labels.tolist() == [ELSEWHERE] * 4


def test_a_hilltop_start_is_elsewhere_and_a_large_step_is_unconverged():
    found = basins(three_minima, [[-1.0], [1.5], [2.6], [3.4]], VALLEYS, eta=[0.01, 0.01, 0.052, 0.2])
    assert found.labels.tolist() == [ELSEWHERE, ELSEWHERE, UNCONVERGED, UNCONVERGED]
    assert found.run.status.tolist() == ["converged", "converged", "max_steps", "diverged"]


def test_the_stability_bound_of_c_separates_caught_from_not():
    # f''(5/2) = 315/8, so C holds runs for eta < 16/315 = 0.05079... only
    below = basins(three_minima, [[2.6]], VALLEYS, eta=0.0505).labels[0]
    above = basins(three_minima, [[2.6]], VALLEYS, eta=0.0511).labels[0]
    assert (below, above) == ("C", UNCONVERGED)


def test_escape_time_matches_the_exact_formula():
    # y_t = (1 + 2 eta)^t y0 with x0 = 0: the first t with |y_t| > r is floor(log(r/y0)/log(1+2eta)) + 1
    y0s = np.array([1e-9, 3e-7, 2e-4, 0.05])
    for eta in (0.05, 0.1, 0.3):
        times = escape_time(saddle, np.column_stack([np.zeros(4), y0s]), saddle=[0.0, 0.0], radius=0.7, eta=eta)
        expected = np.floor(np.log(0.7 / y0s) / np.log(1 + 2 * eta)) + 1
        assert times.tolist() == expected.tolist()


def test_escape_time_counts_from_entry_and_is_inf_when_stuck():
    # from (1, 1e-6) with eta = 0.25: x halves each step, y grows by 1.5
    times = escape_time(saddle, [[1.0, 1e-6], [1.0, 0.0], [5.0, 5.0]], saddle=[0.0, 0.0], radius=0.5,
                        eta=0.25, steps=200)
    xs = 0.5 ** np.arange(60)
    ys = 1e-6 * 1.5 ** np.arange(60)
    dist = np.hypot(xs, ys)
    first_in = np.argmax(dist <= 0.5)
    assert times[0] == first_in + np.argmax(dist[first_in:] > 0.5)
    assert np.isinf(times[1])  # on the axis: it converges to the saddle
    # (5, 5): it never comes within 0.5 of the origin (y grows from the start)
    assert np.isinf(times[2])


def test_escape_time_around_a_shifted_saddle():
    shifted = Function("shifted", (x - 2) ** 2 - (y + 1) ** 2, (x, y))
    (t,) = escape_time(shifted, [[2.0, -1.0 + 1e-3]], saddle=[2.0, -1.0], radius=0.1, eta=0.5)
    assert t == 7  # 1e-3 * 2^7 = 0.128 > 0.1 > 0.064


def test_at_least_one_and_groups():
    assert at_least_one(0.3, 1) == pytest.approx(0.3)
    assert at_least_one(0.3, 3) == pytest.approx(1 - 0.343)
    assert at_least_one(0.0, 5) == 0.0 and at_least_one(1.0, 2) == 1.0
    successes = np.array([False, False, True, False, False, False, True, True])
    assert groups_with_success(successes, 2) == 0.5  # (F F) (T F) (F F) (T T)
    assert groups_with_success(successes, 4) == 1.0
    assert groups_with_success(successes, 1) == 0.375


def test_restart_measurement_agrees_with_the_formula():
    rng = np.random.default_rng(7)
    found = basins(three_minima, rng.uniform(-3.0, 3.5, (3000, 1)), VALLEYS, eta=0.01)
    p = found.fraction("A")
    assert p == pytest.approx(2 / 6.5, abs=0.03)  # the basin of A is [-3, -1): 2 of 6.5
    success = found.labels == "A"
    for k in (2, 5, 10):
        assert groups_with_success(success, k) == pytest.approx(at_least_one(p, k), abs=0.05)


@pytest.mark.parametrize("call, exc, message", [
    (lambda: basins("f", [[0.0]], VALLEYS, eta=0.1), TypeError, r"^f must be a gdlib.functions.Function, got 'f'"),
    (lambda: basins(three_minima, [[0.0, 1.0]], VALLEYS, eta=0.1), ValueError,
     r"^starts must have shape \(B, 1\) for three_minima, got shape \(1, 2\)"),
    (lambda: basins(three_minima, [[np.nan]], VALLEYS, eta=0.1), ValueError, r"^starts must be finite"),
    (lambda: basins(three_minima, [[1j]], VALLEYS, eta=0.1), TypeError, r"^starts must be real"),
    (lambda: basins(three_minima, np.zeros((100_001, 1)), VALLEYS, eta=0.1), ValueError,
     r"^starts must hold at most 100000 points, got 100001"),
    (lambda: basins(three_minima, [[0.0]], {}, eta=0.1), TypeError, r"^minima must be a non-empty dict"),
    (lambda: basins(three_minima, [[0.0]], [[0.0]], eta=0.1), TypeError, r"^minima must be a non-empty dict"),
    (lambda: basins(three_minima, [[0.0]], {"A": [0.0, 1.0]}, eta=0.1), ValueError,
     r"^minima must have shape \(k, 1\)"),
    (lambda: basins(three_minima, [[0.0]], {"unconverged": [0.0]}, eta=0.1), ValueError,
     r"^a name in minima must not be 'unconverged'"),
    (lambda: basins(three_minima, [[0.0]], VALLEYS, eta=-0.1), ValueError, r"^eta must be in \(0, inf\), got -0.1"),
    (lambda: basins(three_minima, [[0.0]], VALLEYS, eta=0.1, radius=0.0), ValueError, r"^radius must be in \(0, inf\)"),
    (lambda: basins(three_minima, [[0.0]], VALLEYS, eta=0.1, tol=[1e-6]), ValueError, r"^tol must be one positive number"),
    (lambda: basins(three_minima, [[0.0]], VALLEYS, eta=0.1, steps=2.5), TypeError, r"^steps must be a whole number"),
    (lambda: basins(three_minima, [[0.0]], VALLEYS, eta=0.1).fraction("D"), ValueError, r"^name must be one of"),
    (lambda: escape_time(saddle, [[0.0, 1e-3]], saddle=[0.0], radius=1.0, eta=0.1), ValueError,
     r"^saddle must have shape \(k, 2\)"),
    (lambda: escape_time(saddle, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=-1.0, eta=0.1), ValueError,
     r"^radius must be in \(0, inf\), got -1.0"),
    (lambda: escape_time(saddle, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=1.0, eta=[0.1, 0.2]), ValueError,
     r"^eta must be one positive number"),
    (lambda: escape_time(saddle, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=1.0, eta=np.inf), ValueError,
     r"^eta must be in \(0, inf\), got inf"),
    (lambda: escape_time(saddle.expr, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=1.0, eta=0.1), TypeError,
     r"^f must be a gdlib.functions.Function"),
    (lambda: at_least_one(1.5, 2), ValueError, r"^p must be in \[0, 1\], got 1.5"),
    (lambda: at_least_one(0.5, 0), ValueError, r"^k must be a whole number >= 1, got 0"),
    (lambda: at_least_one(0.5, 2.0), TypeError, r"^k must be a whole number >= 1, got 2.0"),
    (lambda: groups_with_success([1, 0, 1], 1), TypeError, r"^successes must be a non-empty 1-D array of True/False"),
    (lambda: groups_with_success("yes", 1), TypeError, r"^successes must be a non-empty 1-D array of True/False"),
    (lambda: groups_with_success([True, False, True], 2), ValueError,
     r"^the length of successes \(3\) must be a multiple of k = 2"),
])
def test_bad_input(call, exc, message):
    with pytest.raises(exc, match=message):
        call()
