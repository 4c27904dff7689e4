"""The text every frame of book/derivatives.ipynb's interactives shows, against numbers computed here.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles and
legends of its frames are checked here: the chapter's code runs with ``interactive`` replaced by
:func:`gdlib.widgets.frame_texts`, and every title is compared with what a reader would write.
"""

from __future__ import annotations

import math
import re

import pytest

from notebook_frames import chapter_frames

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"


@pytest.fixture(scope="module")
def frames():
    # the two static figures are skipped: they show no frames
    return chapter_frames("derivatives", lambda s: "def step_picture" in s or "fig, ax = plt.subplots" in s)[0]


def values(params, name):
    return list(params[name].values)


def all_texts(frames):
    return [text for _, texts in frames.values() for panels in texts.values()
            for panel in panels for text in panel]


def test_the_chapter_has_six_interactives(frames):
    assert sorted(frames) == ["area_frame", "corner_frame", "descent_frame", "error_frame", "power_frame",
                              "secant_frame"]


# What each power's frame says, written out by hand: f'(x) = n x^(n-1) as a reader writes it.
POWER_TITLES = {
    -2: ("$f(x) = x^{-2}$", "$f'(x) = -2\\,x^{-3}$"),
    -1: ("$f(x) = x^{-1}$", "$f'(x) = -x^{-2}$"),
    -0.5: ("$f(x) = x^{-0.5}$", "$f'(x) = -0.5\\,x^{-1.5}$"),
    0: ("$x^0 = 1$: the tangent is the curve", "$f'(x) = 0$"),
    0.5: ("$f(x) = x^{0.5}$", "$f'(x) = 0.5\\,x^{-0.5}$"),
    1: ("$f(x) = x$", "$f'(x) = 1$"),
    1.5: ("$f(x) = x^{1.5}$", "$f'(x) = 1.5\\,x^{0.5}$"),
    2: ("$f(x) = x^{2}$", "$f'(x) = 2\\,x$"),
    3: ("$f(x) = x^{3}$", "$f'(x) = 3\\,x^{2}$"),
}


def test_power_frames_state_the_power_rule_as_a_reader_writes_it(frames):
    params, texts = frames["power_frame"]
    assert sorted(values(params, "n")) == sorted(POWER_TITLES)
    for (i,), (left, right) in texts.items():
        n = values(params, "n")[i]
        assert (left[0], right[0]) == POWER_TITLES[n], n
        assert left[-1] == f"tangent at 1, slope {n:g}"


def test_no_frame_title_reads_unnaturally(frames):
    # no "1 x" or "-1 x", no "x^1" or "x^{1}", no "+ -" or "- -": what the audit found, anywhere
    bad = [re.compile(p) for p in (r"(?<![\d.])-?1\s*(?:\\,|\\ |\s)\s*x", r"x\^\{?1\}?(?![\d.])",
                                   r"\+\s*[-−]", r"(?<![=<>])[-−]\s+[-−]", r"\\cdot\s*[-−]")]
    texts = all_texts(frames)
    assert len(texts) > 100
    for text in texts:
        for pattern in bad:
            assert not pattern.search(text), (pattern.pattern, text)


def test_secant_frames_show_the_secant_steeper_by_h(frames):
    params, texts = frames["secant_frame"]
    for (i, j), (panel,) in texts.items():
        x0, h = values(params, "x0")[i], values(params, "h")[j]
        first, second = panel[0].split("\n")
        assert first.startswith(f"$x_0 = {x0:g}$, $h = {h:g}$")
        off = float(re.search(rf"slope = \+?({NUMBER})$", first).group(1))
        assert off == pytest.approx(h, abs=0.006)
        assert second == f"tangent slope {2 * x0:.2f}, secant slope {2 * x0 + h:.2f}"


def test_corner_frames_show_a_secant_slope_of_plus_or_minus_1(frames):
    params, texts = frames["corner_frame"]
    assert {h > 0 for h in values(params, "h")} == {True, False}  # both sides of the corner
    for (i,), (panel,) in texts.items():
        h = values(params, "h")[i]
        assert panel == [f"$h = {h:g}$: secant slope $|h|/h$ = {'+1' if h > 0 else '-1'}"]


def test_descent_frames_show_t_steps_of_minus_eta_times_the_slope(frames):
    params, texts = frames["descent_frame"]
    assert {0.9, 1.0, 1.1} <= set(values(params, "eta"))  # the values the text discusses
    for (i, j), (panel,) in texts.items():
        eta, t = values(params, "eta")[i], values(params, "t")[j]
        xs = [4.0]
        for _ in range(t):
            xs.append(xs[-1] - eta * 2 * xs[-1])  # x - eta f'(x) for f = x^2
        title, legend = panel[0], panel[1:]
        assert title.startswith(f"η = {eta:g}, {'one step' if t == 1 else f'{t} steps'} ")
        last = float(re.search(re.escape(f"$f(x_{{{t}}})$ = ") + f"({NUMBER})$", title).group(1))
        assert last == pytest.approx(xs[-1] ** 2, rel=5e-3, abs=1e-9)
        heights = [float(v) for v in re.findall(NUMBER, legend[1].removeprefix("heights: "))]
        assert heights == pytest.approx([v**2 for v in xs], rel=5e-3, abs=6e-4)  # below 1: 3 decimals
        x_t = float(re.search(re.escape(f"$x_{{{t}}}$ = ") + f"({NUMBER})", legend[2]).group(1))
        assert x_t == pytest.approx(xs[-1], rel=5e-3, abs=1e-9)
        assert legend[2].endswith("(off the plot)") == (abs(xs[-1]) > 7.2 or xs[-1] ** 2 > 54)
        if eta == 1.1 and t > 1:  # every further step goes higher still
            assert all(b > a for a, b in zip(heights, heights[1:]))


def test_area_frames_add_up_to_the_slope_of_x_cubed(frames):
    params, texts = frames["area_frame"]
    assert values(params, "h") == sorted(values(params, "h"))  # to the right: a larger h
    for (i, j), (left, right) in texts.items():
        x, h = values(params, "x")[i], values(params, "h")[j]
        du, dv = h, (x + h) ** 2 - x**2
        assert left == [f"$x = {x:g}$, $h = {h:g}$: the three new pieces"]
        total, limit = map(float, re.search(rf"^sum ({NUMBER}), tending to \$3x\^2\$ = ({NUMBER})$",
                                            right[0]).groups())
        assert total == pytest.approx(((x + h) ** 3 - x**3) / h, abs=0.006)
        assert limit == pytest.approx(3 * x**2)
        bars = [float(t) for t in right[1:]]
        assert bars == pytest.approx([x**2 * du / h, x * dv / h, du * dv / h], abs=0.006)  # v du, u dv, du dv, / h
        assert bars == pytest.approx([x**2, x * (2 * x + h), h * (2 * x + h)], abs=0.006)
        assert sum(bars) == pytest.approx(total, abs=0.02)


def test_error_frames_show_the_two_differences_of_exp_at_1(frames):
    params, texts = frames["error_frame"]
    for (i,), (panel,) in texts.items():
        h = values(params, "h")[i]
        assert panel[0] == f"$h$ = {h:.1e}   (exact: e = 2.718281828459)"
        forward = float(re.search(rf"^fwd ({NUMBER})$", panel[1]).group(1))
        central = float(re.search(rf"^ctr ({NUMBER})$", panel[2]).group(1))
        # truncation plus round-off, each with room to spare
        noise = 4 * 2.0**-52 * math.e / h + 1e-12
        assert forward == pytest.approx((math.exp(1 + h) - math.e) / h, abs=noise)
        assert central == pytest.approx((math.exp(1 + h) - math.exp(1 - h)) / (2 * h), abs=noise)
        assert abs(central - math.e) <= 0.2 * h**2 * math.e + noise
