"""The time to escape a plateau: first_below and escape_epochs."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib.models import LinearRegression, SigmoidNeuron
from gdlib.plateau import escape_epochs, first_below

NEURON = SigmoidNeuron([0.5, 2.5], [0.2, 0.9])


def plain_loop_escape(start, eta, epochs, threshold):
    """An independent count: the seed's loop, written out with Python floats."""
    w, b = start
    for t in range(epochs + 1):
        f = [1 / (1 + np.exp(-(w * x + b))) for x in (0.5, 2.5)]
        loss = sum(0.5 * (fi - yi) ** 2 for fi, yi in zip(f, (0.2, 0.9)))
        if loss < threshold:
            return t
        shared = [(fi - yi) * fi * (1 - fi) for fi, yi in zip(f, (0.2, 0.9))]
        w, b = w - eta * (shared[0] * 0.5 + shared[1] * 2.5), b - eta * sum(shared)
    return np.inf


def test_first_below_finds_the_first_epoch_under_the_threshold():
    assert first_below([0.5, 0.3, 0.1, 0.2, 0.05], 0.25) == 2.0
    assert first_below([0.5, 0.3], 0.1) == np.inf
    assert first_below([0.1, 0.5], 0.25) == 0.0  # already below at the start


def test_first_below_a_loss_equal_to_the_threshold_is_not_below():
    assert first_below([0.25, 0.25, 0.2], 0.25) == 2.0


def test_first_below_works_column_by_column_and_never_counts_nan():
    losses = np.array([[0.9, 0.9, 0.9], [0.8, np.nan, 0.1], [0.1, np.nan, 0.05]])
    assert first_below(losses, 0.2).tolist() == [2.0, np.inf, 1.0]


def test_escape_epochs_match_a_plain_loop_row_by_start_column_by_eta():
    starts = [(-2.0, -1.0), (-1.0, -2.0), (-3.0, 0.5)]  # asymmetric: swapped w and b would differ
    etas = [0.5, 2.0]
    table = escape_epochs(NEURON, starts, etas, epochs=400, threshold=0.05)
    expected = [[plain_loop_escape(s, e, 400, 0.05) for e in etas] for s in starts]
    assert table.shape == (3, 2)
    assert table.tolist() == expected
    assert len({v for row in expected for v in row}) == 6  # all different, so an ordering slip shows


def test_escape_epochs_the_seed_run_escapes_at_epoch_84_and_deeper_starts_do_not_in_time():
    table = escape_epochs(NEURON, [[-2.0, -2.0], [-6.0, -6.0]], [1.0], epochs=1000, threshold=0.05)
    assert table.tolist() == [[84.0], [np.inf]]


def test_escape_epochs_a_start_below_the_threshold_escapes_at_epoch_0():
    near = NEURON.exact_fit() + 0.01
    assert escape_epochs(NEURON, [near], 1.0, epochs=5, threshold=0.05).tolist() == [[0.0]]


def test_escape_epochs_accepts_other_models():
    line = LinearRegression([0.0, 1.0], [1.0, 3.0])  # y = 2x + 1; J(0, 0) = 5
    # dJ/db = -2 mean(r): from (0, 0) one step of eta = 0.25 gives (1, 1), J = 0.5
    assert escape_epochs(line, [[0.0, 0.0]], [0.25], epochs=1, threshold=1.0).tolist() == [[1.0]]


@pytest.mark.parametrize("call, exc, message", [
    (lambda: first_below([], 0.1), ValueError, r"^losses must have one row per epoch .*got shape \(0,\)"),
    (lambda: first_below(0.3, 0.1), ValueError, r"^losses must have one row per epoch .*got shape \(\)"),
    (lambda: first_below(["a"], 0.1), TypeError, r"^losses must be an array of losses"),
    (lambda: first_below([0.1], float("nan")), ValueError, r"^threshold must be finite, got nan"),
    (lambda: escape_epochs("neuron", [[0.0, 0.0]], 1.0, epochs=5, threshold=0.1), TypeError,
     r"^model must be a gdlib.models model such as SigmoidNeuron\(x, y\), got 'neuron'"),
    (lambda: escape_epochs(NEURON, [0.0, 0.0], 1.0, epochs=5, threshold=0.1), ValueError,
     r"^starts must be a list of starting points \(w, b\), shape \(S, 2\), got shape \(2,\)"),
    (lambda: escape_epochs(NEURON, [[0.0, 0.0, 0.0]], 1.0, epochs=5, threshold=0.1), ValueError,
     r"^starts must have shape \(\.\.\., 2\), got shape \(1, 3\)"),
    (lambda: escape_epochs(NEURON, [[0.0, np.inf]], 1.0, epochs=5, threshold=0.1), ValueError,
     r"^starts must be finite, got \[\[0.0, inf\]\]"),
    (lambda: escape_epochs(NEURON, [[0.0, 0.0]], [1.0, -1.0], epochs=5, threshold=0.1), ValueError,
     r"^etas must be in \(0, inf\), got -1.0 \(element 1\)"),
    (lambda: escape_epochs(NEURON, [[0.0, 0.0]], 1.0, epochs=0, threshold=0.1), ValueError,
     r"^epochs must be a whole number >= 1, got 0"),
    (lambda: escape_epochs(NEURON, [[0.0, 0.0]], 1.0, epochs=5.0, threshold=0.1), TypeError,
     r"^epochs must be a whole number >= 1, got 5.0"),
    (lambda: escape_epochs(NEURON, [[0.0, 0.0]], 1.0, epochs=5, threshold=0.0), ValueError,
     r"^threshold must be in \(0, inf\), got 0.0"),
    (lambda: escape_epochs(NEURON, [[0.0, 0.0]], 1.0, epochs=5, threshold=[0.1, 0.2]), ValueError,
     r"^threshold must be one positive number"),
    (lambda: escape_epochs(NEURON, np.zeros((2000, 2)), 1.0, epochs=10**6, threshold=0.1), ValueError,
     r"exceeds descend's budget"),
])
def test_bad_inputs_are_refused_with_a_message_naming_the_argument(call, exc, message):
    with pytest.raises(exc, match=message):
        call()
