"""The numbers every frame of the handwritten-digits chapter's interactive shows.

nbval compares only ``Interactive(...; N frames)`` for the interactive cell, so its titles and
marks are checked here against numbers computed independently of the chapter's history: the
test accuracy and the training loss from the final weights of a fresh run, and each grid mark
from the predictions (right: the answer alone; wrong: the answer, a cross and the true digit).
The learning-rate picker's titles are checked against the printed table's rule (a run fails
when it ends above the untrained network's loss).
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import network
from gdlib.optimizers import Adam
from gdlib.training import loss, train
from notebook_frames import chapter_frames


@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("handwritten_digits", lambda s: s.startswith(("fig, ", "epochs_axis")))  # static figures skipped


def test_two_interactives_with_three_optimizers_and_few_epochs(chapter):
    shown, _ = chapter
    assert sorted(shown) == ["digits_frame", "eta_frame"]
    params, texts = shown["digits_frame"]
    assert params["optimizer"].values == ["gradient descent", "momentum", "Adam"]
    epochs = params["epoch"].values
    assert len(epochs) <= 15 and epochs[0] == 0 and epochs[-1] == 20
    assert len(texts) == 3 * len(epochs)


def test_titles_state_the_measured_accuracy_and_loss(chapter):
    shown, ns = chapter
    params, texts = shown["digits_frame"]
    y_test = ns["y_test"]
    for (i, j), (curves, grid) in texts.items():
        name, epoch = params["optimizer"].values[i], params["epoch"].values[j]
        h = ns["history"][name]
        accuracy = np.mean(h.test_predictions[epoch] == y_test)  # from the predictions, not the recorded figure
        assert curves[0] == f"{name}, epoch {epoch}: test {accuracy:.1%}\ntraining loss {h.train_loss[epoch]:.3f}"
        assert curves[1:] == ["gradient descent", "momentum", "Adam", "chosen: test set",
                              "chosen: training set"]  # the legend: all three runs, the line styles


def test_the_grid_marks_each_digit_right_or_wrong(chapter):
    shown, ns = chapter
    params, texts = shown["digits_frame"]
    truth = ns["y_test"][:24]
    for (i, j), (_, grid) in texts.items():
        h = ns["history"][params["optimizer"].values[i]]
        guesses = h.test_predictions[params["epoch"].values[j]][:24]
        marks = grid[1:]
        assert marks == [f"{g}" if g == t else f"{g}✗({t})" for g, t in zip(guesses, truth)]
        assert grid[0] == f"{int(np.sum(guesses == truth))} of 24 right"
        assert sum("✗" in m for m in marks) == 24 - int(grid[0].split()[0])


def test_the_untrained_network_is_mostly_wrong_and_the_trained_one_mostly_right(chapter):
    shown, _ = chapter
    params, texts = shown["digits_frame"]
    last = len(params["epoch"].values) - 1
    for i in range(3):
        assert int(texts[(i, 0)][1][0].split()[0]) <= 6  # about one in ten by chance
        assert int(texts[(i, last)][1][0].split()[0]) >= 21


def test_adams_history_is_reproduced_by_a_fresh_run(chapter):
    _, ns = chapter
    h = ns["history"]["Adam"]
    assert ns["best_eta"] == {"gradient descent": 1.0, "momentum": 0.3, "Adam": 0.03}
    fresh = train(Adam(eta=0.03), ns["X_train"], ns["y_train"], ns["X_test"], ns["y_test"], epochs=20, batch_size=32, seed=0)
    np.testing.assert_array_equal(fresh.test_predictions, h.test_predictions)
    assert h.train_loss[-1] == pytest.approx(float(loss(fresh.params, ns["X_train"], ns["y_train"]).value), rel=1e-12)
    assert h.test_accuracy[-1] == pytest.approx(np.mean(network.predict(fresh.params, ns["X_test"], "tanh") == ns["y_test"]))
    assert h.test_accuracy[-1] >= 0.95


def test_the_eta_picker_shows_each_run_and_marks_the_failed_ones(chapter):
    shown, ns = chapter
    params, texts = shown["eta_frame"]
    runs = [(name, eta) for name, (_, etas) in ns["candidates"].items() for eta in etas]
    # the picker names each run by its optimizer and its eta (the reader sees the value)
    assert params["run"].values == [f"{name}, η = {eta:g}" for name, eta in runs]
    assert len(texts) == 9
    failed = []
    for (i,), (panel,) in texts.items():
        name, eta = runs[i]
        final = ns["runs"][name, eta].train_loss[-1]
        assert panel[0].startswith(f"{name}, η = {eta:g}: final loss {final:.2g}")
        others = [f"η = {e:g}" for e in ns["candidates"][name][1] if e != eta]
        assert panel[1:] == ["untrained, 2.3", f"η = {eta:g}", *others]  # the pale runs labelled too
        if panel[0].endswith(", fails"):
            failed.append((name, eta))
    # gradient descent at 3 and momentum at 1 blow up; every middle (chosen) eta trains
    assert failed == [("gradient descent", 3.0), ("momentum", 1.0)]
    assert all(ns["runs"][run].train_loss[-1] > np.log(10) for run in failed)
    assert all(ns["runs"][name, ns["best_eta"][name]].train_loss[-1] < 0.05 for name in ns["candidates"])
