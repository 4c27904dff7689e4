"""The numbers every frame of the automatic-differentiation chapter's interactives shows.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the frames are
checked here against numbers computed independently: the values and adjoints of the bowl
f = x^2 + xy + y^2 at (2, 1) from its partial derivatives, and the operation counts of the
n-variable bowl from the formulas n (4n - 3) (forward mode) and 2 (4n - 3) (reverse mode).
"""

from __future__ import annotations

import re

import pytest

from notebook_frames import chapter_frames
from chained_bowl import f_n

# At (2, 1): x, v1 = x^2, y, v2 = xy, v3 = v1 + v2, v4 = y^2, v5 = f, in tape order.
VALUES = [2, 4, 1, 2, 6, 1, 7]
ADJOINTS = [2 * 2 + 1, 1, 2 + 2 * 1, 1, 1, 1, 1]  # df/dx = 2x + y, df/dy = x + 2y, the rest 1
NAMES = ["x", "v_1", "y", "v_2", "v_3", "v_4", "v_5"]
# The local slopes on the arrows at (2, 1), keyed (node, input) in tape order:
# d(x^2)/dx = 2x, d(xy)/dx = y, d(xy)/dy = x, d(y^2)/dy = 2y; the sums' slopes are 1.
SLOPE_OF = {(1, 0): ("$2x = 4$", 4), (3, 0): ("$y = 1$", 1), (3, 2): ("$x = 2$", 2), (5, 2): ("$2y = 2$", 2),
            (4, 1): ("1", 1), (4, 3): ("1", 1), (6, 4): ("1", 1), (6, 5): ("1", 1)}
SLOPES = sorted(label for label, _ in SLOPE_OF.values())


@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("automatic_differentiation")


def test_the_chapter_has_its_two_interactives(chapter):
    assert sorted(chapter[0]) == ["cost_frame", "eta_frame", "pass_frame"]


def test_the_pass_frames_fill_values_then_adjoints(chapter):
    params, texts = chapter[0]["pass_frame"]
    assert params["step"].values == list(range(15))
    for (step,), (panel,) in texts.items():
        title, boxes = panel[0], [t for t in panel[1:] if "value" in t]
        arrows = sorted(t for t in panel[1:] if "value" not in t and t.strip())
        done = 7 - max(step - 7, 0)  # the backward pass has finished the nodes from here on
        # going backward, the slopes show on the arrows leaving every finished box, and only there
        expected = sorted(label for (i, j), (label, _) in SLOPE_OF.items() if j >= done) if step > 7 else []
        assert arrows == expected, (step, arrows)
        assert len(boxes) == 7
        shown_values = [b.split("\n")[1] for b in boxes]
        shown_adjoints = [b.split("= ")[-1] for b in boxes]
        for i in range(7):
            assert shown_values[i] == (f"value {VALUES[i]}" if i < min(step, 7) else "value ?"), (step, i)
            reached = i >= done
            assert shown_adjoints[i] == (str(ADJOINTS[i]) if reached else "?"), (step, i)
        if 1 <= step <= 7:
            assert title.startswith(f"forward step {step} of 7: ${NAMES[step - 1]} = {VALUES[step - 1]}$")
        elif step > 7:
            # the title's sum: slope times adjoint over the arrows leaving the box, as (ad-adjoint) says
            terms = " + ".join(f"{s} \\cdot {ADJOINTS[i]}" for (i, j), (_, s) in sorted(SLOPE_OF.items()) if j == done)
            assert sum(s * ADJOINTS[i] for (i, j), (_, s) in SLOPE_OF.items() if j == done) in (ADJOINTS[done], 0)
            rhs = f"{terms} = {ADJOINTS[done]}" if terms else f"{ADJOINTS[done]}"
            assert re.match(rf"backward step {step - 7} of 7: \$\\bar ?{NAMES[done]} = {re.escape(rhs)}\$\n", title), title


def test_the_backward_steps_follow_the_tape_backward_as_the_hand_calculation_does():
    """The stepper fills y-bar before v1-bar (the tape backward); the text's hand calculation must too."""
    import json
    from pathlib import Path

    cells = json.loads((Path(__file__).resolve().parent.parent / "book" / "automatic_differentiation.ipynb").read_text())["cells"]
    hand = next("".join(c["source"]) for c in cells if c["cell_type"] == "markdown" and "&= 4 + 1 = 5" in "".join(c["source"]))
    hand = hand[hand.index("\\bar v_5 &= 1"):]
    order = [hand.index(f"\\bar {name}") for name in ("v_5", "v_4", "v_3", "v_2", "y", "v_1", "x")]
    assert order == sorted(order), order
    assert [NAMES[i] for i in reversed(range(7))] == ["v_5", "v_4", "v_3", "v_2", "y", "v_1", "x"]


def test_the_last_pass_frame_is_the_article_gradient(chapter):
    _, texts = chapter[0]["pass_frame"]
    boxes = [t for t in texts[(14,)][0] if "value" in t]
    assert boxes[0].endswith("= 5") and boxes[2].endswith("= 4") and "value 7" in boxes[6]


def test_the_cost_frames_follow_the_formulas(chapter):
    params, texts = chapter[0]["cost_frame"]
    for (k,), (panel,) in texts.items():
        n = params["n"].values[k]
        per_run = 4 * n - 3
        fwd, rev = n * per_run, 2 * per_run
        ops = "1 operation (1 run)" if n == 1 else f"{fwd:,} operations ({n} runs)"
        assert panel[0] == (f"$n = {n}$: forward mode {ops},\n"
                            f"reverse mode {rev:,} (2 passes); ratio $n/2 = {n / 2:g}$")


def test_every_ratio_the_prose_states_is_n_over_two():
    """The page once said "130 times" at n = 128, where the counts give 65,152 / 1,018 = 64."""
    import json
    from pathlib import Path

    import numpy as np

    from gdlib.autodiff import operation_counts

    cells = json.loads((Path(__file__).resolve().parent.parent / "book" / "automatic_differentiation.ipynb").read_text())["cells"]
    prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    claims = re.findall(r"(\d[\d,]*) times at \$n = (\d+)\$", prose)
    claims += [(r, n) for n, r in re.findall(r"with\s+\$n = (\d+)\$ inputs.*?the ratio is\s+\$n/2 = (\d+)\$", prose, re.S)]
    assert len(claims) == 2, claims  # the text at n = 128 and the exercise's solution at n = 100
    for ratio, n in claims:
        c = operation_counts(f_n, np.arange(1.0, int(n) + 1))
        assert float(ratio.replace(",", "")) == c.forward_operations / c.reverse_operations == int(n) / 2, (ratio, n)
    # the capstone's network, 64 -> 32 -> 10: its number of weights and biases
    from gdlib import network
    assert "with 2,410 weights, that is 2,410" in prose
    assert sum(p.size for p in network.init((64, 32, 10), seed=0)) == 2410


def test_the_eta_frames_count_the_iterations_of_a_plain_loop(chapter):
    """Each frame's counts against gradient descent written with the Hessian, no tape: g = H x."""
    import numpy as np

    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    params, texts = chapter[0]["eta_frame"]
    stops_at = {}
    for (k,), (panel,) in texts.items():
        eta, x, t = params["eta"].values[k], np.array([3.0, 4.0]), 0
        while np.linalg.norm(H @ x) >= 1e-6 and t < 1000:
            x, t = x - eta * (H @ x), t + 1
        if np.linalg.norm(H @ x) >= 1e-6:  # never small: the loop runs its 1000 iterations
            stops_at[eta] = None
            assert abs(1 - 3 * eta) > 1
            assert panel[0] == (f"$\\eta = {eta:g}$: $|1 - 3\\eta| = {abs(1 - 3 * eta):.2f} > 1$, the gradient grows:\n"
                                "never below $10^{-6}$, all 1000 iterations run"), (eta, panel[0])
            continue
        stops_at[eta] = t + 1
        assert panel[0] == (f"$\\eta = {eta:g}$: below $10^{{-6}}$ first at $t = {t}$,\n"
                            f"so the loop stops after {t + 1} iterations"), (eta, panel[0])
    assert stops_at[0.1] == 129 and stops_at[0.2] == 62  # the text's count and Exercise ex-ad-steps'
    assert [e for e, s in stops_at.items() if s is None] == [0.7, 0.75]  # past 2/3, as the text says


def test_which_part_sets_the_count_is_as_the_text_says(chapter):
    """Up to eta = 0.45 the slow part 0.5 sqrt2 |1 - eta|^t alone gives the count; from 0.5 the other part."""
    import numpy as np

    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    prose = " ".join("".join(c["source"]) for c in chapter_cells() if c["cell_type"] == "markdown")
    assert "Up to $\\eta = 0.45$ the slow part sets the count; from $\\eta = 0.5$ the other part" in prose
    assert "but it starts 21 times larger" in prose and 10.5 / 0.5 == 21

    def first_below(length):  # the first t at which a part's length is under 1e-6
        return next((t for t in range(2000) if length(t) < 1e-6), None)

    for eta in chapter[0]["eta_frame"][0]["eta"].values:
        if eta > 2 / 3:
            continue
        x, t = np.array([3.0, 4.0]), 0
        while np.linalg.norm(H @ x) >= 1e-6:
            x, t = x - eta * (H @ x), t + 1
        slow = first_below(lambda u: 0.5 * np.sqrt(2) * abs(1 - eta) ** u)
        fast = first_below(lambda u: 10.5 * np.sqrt(2) * abs(1 - 3 * eta) ** u)
        assert t == (slow if eta <= 0.45 else fast) and t == max(slow, fast), (eta, t, slow, fast)
        assert (slow > fast) == (eta <= 0.45), eta


def chapter_cells():
    import json
    from pathlib import Path

    return json.loads((Path(__file__).resolve().parent.parent / "book" / "automatic_differentiation.ipynb").read_text())["cells"]


def test_the_summary_states_the_measured_gap_to_backprop(chapter):
    """The page once printed a gap of 6.9e-18 and summed it up as "about 1e-16"."""
    gap = max(chapter[1]["gaps"])
    prose = " ".join("".join(c["source"]) for c in chapter_cells() if c["cell_type"] == "markdown")
    assert "hand-written gradients to within $10^{-17}$" in prose and 1e-18 < gap < 1e-17
    assert "The largest difference, $7 \\times 10^{-18}$" in prose and f"{gap:.0e}" == "7e-18"


def test_the_graph_figure_shows_the_local_slopes(chapter):
    assert sorted(chapter[1]["slopes"].values()) == SLOPES


def test_the_printed_counts_are_measured(chapter):
    counts = chapter[1]["counts"]
    assert [c.n for c in counts] == [1, 2, 4, 8, 16, 32, 64, 128]
    for c in counts:
        assert c.forward_passes == c.n and c.forward_operations == c.n * (4 * c.n - 3)
        assert c.reverse_operations == 2 * (4 * c.n - 3)


def test_the_tape_descent_stops_where_the_contraction_says(chapter):
    ns = chapter[1]
    path = ns["path"]
    assert len(path) - 1 == 100  # the cap: the stopping rule was not met
    assert abs(path[-1][0] + 0.5 * 0.9**100) < 1e-9 and abs(path[-1][1] - 0.5 * 0.9**100) < 1e-9
    assert len(ns["descend_with_tape"]([3.0, 4.0], iterations=1000)) - 1 == 129
