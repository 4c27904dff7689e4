"""The numbers every frame of the Adam chapter's interactives shows.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the frames' titles
and legends are checked here: the uncorrected step (1 - beta1^t) / sqrt(1 - beta2^t) and its peak,
from a plain loop over Adam's moments without the correction; and, for the race, each legend's
T recomputed by a plain loop of the optimizer at the legend's learning rate.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from notebook_frames import chapter_frames


@pytest.fixture(scope="module")
def ran():
    return chapter_frames("adam", lambda s: s.startswith("fig, "))  # the static figure skipped


@pytest.fixture(scope="module")
def chapter(ran):
    return ran[0]


def test_the_chapter_has_its_two_interactives(chapter):
    assert sorted(chapter) == ["bias_frame", "race_frame"]


def test_bias_frames_state_the_uncorrected_first_and_largest_step(chapter):
    params, texts = chapter["bias_frame"]
    b1s, b2s = params["beta1"].values, params["beta2"].values
    assert len(texts) == 16
    for (i, j), (panel,) in texts.items():
        b1, b2 = b1s[i], b2s[j]
        m = v = 0.0
        ratios = []
        for _ in range(5000):  # Adam's moments under the gradient 1, not divided by 1 - beta^t
            m, v = b1 * m + (1 - b1), b2 * v + (1 - b2)
            ratios.append(m / math.sqrt(v))
        peak = int(np.argmax(ratios))
        largest = f"largest {ratios[peak]:.3g}η at t = {peak + 1}" if ratios[peak] > 1.001 else "always shorter than η"
        assert panel[0] == f"β₁ = {b1:g}, β₂ = {b2:g}: uncorrected first step {ratios[0]:.3g}η,\n{largest}", (b1, b2)
        # with beta1 >= beta2 the uncorrected step (1 - beta1^t) / sqrt(1 - beta2^t) < sqrt(1 - beta1^t) < 1
        assert (largest == "always shorter than η") == (b1 >= b2), (b1, b2)
        # at t = 1 it is (1 - beta1) / sqrt(1 - beta2): sqrt(10) at the defaults
        assert math.isclose(ratios[0], (1 - b1) / math.sqrt(1 - b2))


def test_the_default_betas_give_the_numbers_the_text_quotes(chapter):
    _, texts = chapter["bias_frame"]
    params, _ = chapter["bias_frame"]
    i, j = params["beta1"].values.index(0.9), params["beta2"].values.index(0.999)
    assert texts[(i, j)][0][0] == "β₁ = 0.9, β₂ = 0.999: uncorrected first step 3.16η,\nlargest 6.57η at t = 12"


def plain_T(problem, cls, eta):
    """T by a plain loop; a run that blows up (|x| or |g| past 1e10) stays where it was, as descend keeps it."""
    opt = cls(eta=eta)
    x = np.array(problem.x0, dtype=float)
    state = opt.init(x)
    below = problem.f.value(x) < problem.target
    last_above = -1 if below else 0
    with np.errstate(all="ignore"):
        for t in range(1, problem.steps + 1):
            x, state = opt.update(x, problem.f.grad(x), state)
            below = problem.f.value(x) < problem.target
            if not below:
                last_above = t
            g = problem.f.grad(x)
            if not (np.linalg.norm(x) < 1e10 and np.linalg.norm(g) < 1e10):
                break  # frozen here to the end of the budget
    return last_above + 1 if below else math.inf


def test_race_legends_give_each_optimizers_T_at_its_eta(chapter):
    from gdlib.race import ETAS, OPTIMIZERS, PROBLEMS, race
    params, texts = chapter["race_frame"]
    problems, groups = params["problem"].values, params["group"].values
    assert len(texts) == len(problems) * len(groups) == 15
    assert params["group"].label == "optimizers"
    assert groups == ["momentum family + Adam", "adaptive rates + Adam", "fastest of each"]
    families = {"momentum family": ["Momentum", "Nesterov"], "adaptive rates": ["AdaGrad", "RMSProp", "AdaDelta"]}
    races = {name: race(name) for name in PROBLEMS}
    seen = set()
    for (i, j), (left, right) in texts.items():
        p = PROBLEMS[problems[i]]
        assert left[0].split("\n")[0] == p.title
        legend = [s for s in left if re.match(r"^\w+ η=", s)]
        parsed = [re.match(r"^(\w+) η=([\d.e+-]+), (.*)$", entry).groups() for entry in legend]
        names = [name for name, _, _ in parsed]
        if groups[j].removesuffix(" + Adam") in families:
            assert names == ["GD", *families[groups[j].removesuffix(" + Adam")], "Adam"], (p.name, groups[j])
        else:
            # GD, Adam, and each family's fastest on this problem by a race of that family alone
            # (the first of equal T), the same T the race table prints
            expected = ["GD"]
            for family in families.values():
                r = race(p, {n: OPTIMIZERS[n] for n in family})
                best = min(r[n].steps for n in family)
                expected.append(next(n for n in family if r[n].steps == best))
            assert names == [*expected, "Adam"], (p.name, names)
        paths = {}
        for name, eta_s, result in parsed:
            # "cut" when the path up to T leaves the window; "= X" when it is X's path, drawn before it
            e = races[p.name][name]
            xs = e.run.xs[: int(min(e.steps, p.steps)) + 1]
            (x_lo, x_hi), (y_lo, y_hi) = p.window
            outside = ((xs[:, 0] < x_lo) | (xs[:, 0] > x_hi) | (xs[:, 1] < y_lo) | (xs[:, 1] > y_hi)).any()
            same = [o for o, path in paths.items() if path.shape == xs.shape and np.allclose(path, xs)]
            paths[name] = xs
            result, *notes = result.split(", ")
            assert notes == [*(["cut"] if outside else []), *([f"= {same[0]}"] if same else [])], (p.name, name)
            if (p.name, name) in seen:
                continue
            seen.add((p.name, name))
            eta = ETAS[np.argmin(np.abs(np.log(ETAS / float(eta_s))))]  # the grid value shown to 2 digits
            assert f"{eta:.2g}" == eta_s
            T = plain_T(p, OPTIMIZERS[name], eta)
            assert result == ("not done" if math.isinf(T) else f"T={T:.0f}"), (p.name, name)
            # and no other rate on the grid finishes sooner (checked on the two quick problems)
            if p.name in ("bowl", "saddle"):
                assert all(plain_T(p, OPTIMIZERS[name], e) >= T for e in ETAS[::4]), (p.name, name)
        (x_lo, x_hi), (y_lo, y_hi) = p.window
        u, w = ("w", "b") if p.name == "plateau" else ("x", "y")
        assert left[0].split("\n")[1] == f"{u} from {x_lo:g} to {x_hi:g} (across), {w} from {y_lo:g} to {y_hi:g}"
        assert right[0] == f"target {p.target:g}; a run is done where\nits line drops out at the bottom"
    assert len(seen) == 5 * 7  # every optimizer appears in some group, on every problem


def test_the_fastest_of_each_group_is_what_the_reader_was_told(chapter):
    # the cold reader's complaint: on the bowl the adaptive pick is AdaGrad (T = 12), on Rosenbrock
    # the momentum pick is Momentum (T = 585)
    params, texts = chapter["race_frame"]
    problems, groups = params["problem"].values, params["group"].values
    j = groups.index("fastest of each")
    names = lambda problem: [s.split(" ")[0] for s in texts[(problems.index(problem), j)][0] if " η=" in s]
    assert names("bowl") == ["GD", "Nesterov", "AdaGrad", "Adam"]
    assert names("Rosenbrock")[:2] == ["GD", "Momentum"]


def test_each_optimizer_keeps_one_colour_and_style_in_every_group(ran):
    from gdlib.race import OPTIMIZERS
    namespace = ran[1]
    colours, styles = namespace["COLOURS"], namespace["STYLES"]
    assert list(colours) == list(OPTIMIZERS) == list(styles)
    assert len(set(colours.values())) == 7  # no two optimizers share a colour
    # on the saddle AdaGrad's path runs under RMSProp's (adaptive rates) and Adam's (fastest of each):
    # the later line is dashed, so the solid one shows through, and the legend says "= AdaGrad"
    assert styles["AdaGrad"] == "-" and styles["RMSProp"] == styles["Adam"] == "--"
    markers = namespace["MARKERS"]
    assert list(markers) == list(OPTIMIZERS) and len(set(markers.values())) == 7


def test_the_saddle_legend_names_the_hidden_path(chapter):
    # the cold reader could not see Adam's line on the saddle: it is AdaGrad's path exactly
    params, texts = chapter["race_frame"]
    problems, groups = params["problem"].values, params["group"].values
    left = texts[(problems.index("saddle"), groups.index("fastest of each"))][0]
    assert "Adam η=10, T=1, cut, = AdaGrad" in left
