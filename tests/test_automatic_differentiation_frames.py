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

# At (2, 1): x, v1 = x^2, y, v2 = xy, v3 = v1 + v2, v4 = y^2, v5 = f, in tape order.
VALUES = [2, 4, 1, 2, 6, 1, 7]
ADJOINTS = [2 * 2 + 1, 1, 2 + 2 * 1, 1, 1, 1, 1]  # df/dx = 2x + y, df/dy = x + 2y, the rest 1
NAMES = ["x", "v_1", "y", "v_2", "v_3", "v_4", "v_5"]
# The local slopes on the arrows at (2, 1): d(x^2)/dx = 2x, d(xy)/dx = y, d(xy)/dy = x, d(y^2)/dy = 2y; sums 1.
SLOPES = sorted(["$2x = 4$", "$y = 1$", "$x = 2$", "$2y = 2$", "1", "1", "1", "1"])


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
        assert arrows == (SLOPES if step > 7 else []), (step, arrows)  # slopes while going backward
        assert len(boxes) == 7
        shown_values = [b.split("\n")[1] for b in boxes]
        shown_adjoints = [b.split("= ")[-1] for b in boxes]
        for i in range(7):
            assert shown_values[i] == (f"value {VALUES[i]}" if i < min(step, 7) else "value ?"), (step, i)
            reached = i >= 7 - max(step - 7, 0)
            assert shown_adjoints[i] == (str(ADJOINTS[i]) if reached else "?"), (step, i)
        if 1 <= step <= 7:
            assert title.startswith(f"forward step {step} of 7: ${NAMES[step - 1]} = {VALUES[step - 1]}$")
        elif step > 7:
            i = 14 - step
            assert re.match(rf"backward step {step - 7} of 7: \$\\bar ?{NAMES[i]} = {ADJOINTS[i]}\$", title), title


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

    def f_n(xs):
        total = xs[0] ** 2
        for a, b in zip(xs[:-1], xs[1:]):
            total = total + a * b + b**2
        return total

    cells = json.loads((Path(__file__).resolve().parent.parent / "book" / "automatic_differentiation.ipynb").read_text())["cells"]
    prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    claims = re.findall(r"(\d[\d,]*) times at \$n = (\d+)\$", prose)
    claims += [(r, n) for n, r in re.findall(r"with\s+\$n = (\d+)\$ inputs.*?the ratio is\s+\$n/2 = (\d+)\$", prose, re.S)]
    assert len(claims) == 2, claims  # the text at n = 128 and the exercise's solution at n = 100
    for ratio, n in claims:
        c = operation_counts(f_n, np.arange(1.0, int(n) + 1))
        assert float(ratio.replace(",", "")) == c.forward_operations / c.reverse_operations == int(n) / 2, (ratio, n)
    assert "about 1,200 times" in prose and round(2410 / 2, -2) == 1200  # the capstone's 2,410 weights


def test_the_eta_frames_count_the_iterations_of_a_plain_loop(chapter):
    """Each frame's counts against gradient descent written with the Hessian, no tape: g = H x."""
    import numpy as np

    H = np.array([[2.0, 1.0], [1.0, 2.0]])
    params, texts = chapter[0]["eta_frame"]
    stops_at = {}
    for (k,), (panel,) in texts.items():
        eta, x, t = params["eta"].values[k], np.array([3.0, 4.0]), 0
        while np.linalg.norm(H @ x) >= 1e-6:
            x, t = x - eta * (H @ x), t + 1
        stops_at[eta] = t + 1
        assert panel[0] == (f"$\\eta = {eta:g}$: below $10^{{-6}}$ first at $t = {t}$,\n"
                            f"so the loop stops after {t + 1} iterations"), (eta, panel[0])
    assert stops_at[0.1] == 129 and stops_at[0.2] == 62  # the text's count and Exercise ex-ad-steps'


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
