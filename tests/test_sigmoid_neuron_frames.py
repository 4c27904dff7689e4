"""The numbers the interactives of book/sigmoid_neuron.ipynb show, against an independent loop.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles
and legends of its frames are checked here: the chapter's code runs with ``interactive``
replaced by :func:`gdlib.widgets.frame_texts`, and every number is recomputed with the
article's loop written out in plain Python.
"""

from __future__ import annotations

import math
import re

import matplotlib.pyplot as plt
import pytest

from notebook_frames import chapter_frames

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"
X, Y = (0.5, 2.5), (0.2, 0.9)


def article_loop(w, b, eta, epochs):
    """[(w_t, b_t, loss_t, dL/dw, dL/db)] for t = 0..epochs, by the formulas, with floats."""
    out = []
    for _ in range(epochs + 1):
        f = [1 / (1 + math.exp(-(w * x + b))) for x in X]
        loss = sum(0.5 * (fi - yi) ** 2 for fi, yi in zip(f, Y))
        shared = [(fi - yi) * fi * (1 - fi) for fi, yi in zip(f, Y)]
        gw, gb = shared[0] * X[0] + shared[1] * X[1], shared[0] + shared[1]
        out.append((w, b, loss, gw, gb))
        w, b = w - eta * gw, b - eta * gb
    return out


@pytest.fixture(scope="module")
def frames():
    # static figures and the self-check demo skipped
    return chapter_frames("sigmoid_neuron", lambda s: s.startswith("fig, ax = plt.subplots") or s.startswith("check("))[0]


def test_the_chapter_has_two_interactives(frames):
    assert sorted(frames) == ["escape_frame", "replay_frame"]


def test_replay_frames_show_the_update_and_the_loss_of_the_articles_run(frames):
    params, texts = frames["replay_frame"]
    loop = article_loop(-2.0, -2.0, 1.0, 1000)
    for (i,), (left, right) in texts.items():
        t = list(params["t"].values)[i]
        w, b, loss, gw, gb = loop[t]
        step = [float(v) for v in re.search(rf"= \(({NUMBER}), ({NUMBER})\)\n", left[0]).groups()]
        assert left[0].startswith(f"epoch {t}: ")
        assert step == pytest.approx([-gw, -gb], rel=6e-3, abs=1e-12)
        slopes = [float(v) for v in re.search(rf"σ′\(s₁\) = ({NUMBER}),  σ′\(s₂\) = ({NUMBER})$", left[0]).groups()]
        sigma = [1 / (1 + math.exp(-(w * x + b))) for x in X]
        assert slopes == pytest.approx([f * (1 - f) for f in sigma], rel=6e-3)
        assert "-0.0000" not in left[0]
        shown_loss, sw, sb = (float(v) for v in re.search(
            rf"epoch {t}: loss ({NUMBER})\nat \(w, b\) = \(({NUMBER}), ({NUMBER})\)$", right[0]).groups())
        assert shown_loss == pytest.approx(loss, rel=6e-3)
        assert [sw, sb] == pytest.approx([w, b], abs=6e-3)


def test_escape_frames_mark_the_first_epoch_below_the_threshold(frames):
    params, texts = frames["escape_frame"]
    starts, etas = list(params["start"].values), list(params["eta"].values)
    for (i, j), (left, right) in texts.items():
        loop = article_loop(*starts[i], etas[j], 4000)
        escape = next((t for t, row in enumerate(loop) if row[2] < 0.05), None)
        if escape is None:
            assert right[0] == "not below 0.05 within 4000 epochs"
        else:
            assert right[0] == f"below 0.05 at epoch {escape}"
            assert right[-1] == f"$T_{{\\mathrm{{escape}}}} = {escape}$"
        end = [float(v) for v in re.search(rf"\(w, b\) = \(({NUMBER}), ({NUMBER})\)", left[0]).groups()]
        assert end == pytest.approx(loop[-1][:2], abs=6e-3)
        # "cycling": the run ends jumping between two points (every eta above 2 / lambda_max at the fit)
        before, two_before = (math.dist(loop[-1][:2], loop[k][:2]) for k in (-2, -3))
        cycling = two_before < 1e-9 and before > 1e-3
        assert left[0].endswith(", cycling") == cycling, (starts[i], etas[j], left[0])
        assert cycling == (etas[j] == 30.0)  # the slider's only eta above the bound, 24.9
