"""What every frame of the chapter "Vectors and matrices" shows and draws.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles and
legends of its frames are checked here against numbers computed independently: angles from
the two directions' difference (not from the dot product the chapter uses), eigenvalues from
the characteristic polynomial's roots (not from ``numpy.linalg.eigh``), the quadratic form
multiplied out by SymPy. The matrix map's frames are also drawn, and what they draw is
checked through its data: the dashed directions do not turn, their squares sit at
``lambda e``, the moved points are ``A p``.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure
from sympy.parsing.sympy_parser import (implicit_multiplication_application, parse_expr, split_symbols,
                                        standard_transformations)

from gdlib.linear_maps import GRID
from notebook_frames import chapter_frames

NUMBER = r"-?\d+(?:\.\d+)?"


@pytest.fixture(scope="module")
def chapter():
    return chapter_frames("vectors_matrices", lambda s: s.startswith("fig, ax"))  # the static figure


def roots(A):
    """(lambda1, lambda2), largest first: the roots of lambda^2 - (a + d) lambda + ad - b^2."""
    (a, b), (_, d) = A
    mid, radius = (a + d) / 2, math.sqrt(((a - d) / 2) ** 2 + b**2)
    return mid + radius, mid - radius


def between(u, v):
    """The angle between u and v in degrees, from their directions' difference."""
    turn = abs(math.degrees(math.atan2(v[1], v[0]) - math.atan2(u[1], u[0]))) % 360
    return min(turn, 360 - turn)


def test_the_chapter_has_its_three_interactives(chapter):
    shown, _ = chapter
    assert sorted(shown) == ["dot_frame", "form_frame", "map_frame"]


def test_dot_frames_state_the_angle_the_dot_product_and_the_shadow(chapter):
    params, texts = chapter[0]["dot_frame"]
    u = np.array([2.0, 1.0])
    for (i,), (panel,) in texts.items():
        phi_v = params["phi_v"].values[i]
        v = 1.5 * np.array([math.cos(math.radians(phi_v)), math.sin(math.radians(phi_v))])
        first, second, third = panel[0].split("\n")
        shown = re.fullmatch(rf"\$\\varphi_v = {phi_v}°\$: \$v = \(({NUMBER}), ({NUMBER})\)\$, .*", first)
        assert [float(shown.group(1)), float(shown.group(2))] == pytest.approx(v, abs=0.006)
        assert "-0.00" not in panel[0]
        beta = float(re.search(rf"\\beta = ({NUMBER})°", first).group(1))
        assert beta == pytest.approx(between(u, v), abs=0.06)
        dot = float(re.search(rf"= ({NUMBER})\$$", second).group(1))
        assert dot == pytest.approx(2 * v[0] + v[1], abs=0.006)
        # the third line: u^T v = ||u|| times v's shadow on u's line, ||v|| cos(beta)
        shadow = float(re.search(rf"\\sqrt\{{5\}} \\cdot \(?({NUMBER})\)?\$$", third).group(1))
        assert shadow == pytest.approx(1.5 * math.cos(math.radians(between(u, v))), abs=0.006)
        assert math.sqrt(5) * shadow == pytest.approx(dot, abs=0.02)
        assert abs(shadow) <= 1.5  # inside the circle of radius ||v||: Cauchy-Schwarz


def test_map_titles_say_where_v_does_not_turn(chapter):
    (params, texts), namespace = chapter[0]["map_frame"], chapter[1]
    eigen_frames = 0
    for (i, j), (panel,) in texts.items():
        rows, phi_v = params["rows"].values[i], params["phi_v"].values[j]
        A = namespace["matrices"][rows]
        v = np.array([math.cos(math.radians(phi_v)), math.sin(math.radians(phi_v))])
        Av = A @ v
        lam = roots(A)
        first, second = panel[0].split("\n")
        # the first line names both eigenvalues, from the characteristic polynomial
        assert first == f"rows ${rows}$: $\\lambda_1 = {lam[0]:.3g}$, $\\lambda_2 = {lam[1]:.3g}$"
        assert second.startswith(f"$\\varphi_v = {phi_v:g}°$: ")
        if abs(v[0] * Av[1] - v[1] * Av[0]) < 1e-9:  # Av on v's line: v is an eigenvector
            eigen_frames += 1
            stretch = float(v @ Av)
            assert min(abs(stretch - lam[0]), abs(stretch - lam[1])) < 1e-9
            assert f"$Av = {stretch:.3g}\\,v$" in second
            assert ("reversed" in second) == (stretch < 0)
        else:
            turned = float(re.search(rf"turns ({NUMBER})° away", second).group(1))
            assert turned == pytest.approx(between(v, Av), abs=0.06)
    # every matrix shows both of its eigenvector directions twice on the slider, 180° apart (4 of 16 angles)
    assert eigen_frames == 4 * len(params["rows"].values)


def test_map_frames_draw_directions_that_do_not_turn(chapter):
    (params, _), namespace = chapter[0]["map_frame"], chapter[1]
    for rows in params["rows"].values:
        A = namespace["matrices"][rows]
        lam = roots(A)
        for phi_v in params["phi_v"].values:
            ax = Figure().add_subplot()
            namespace["map_setup"](ax)
            before = set(ax.lines)
            namespace["map_frame"](ax, rows=rows, phi_v=phi_v)
            drawn = {line.get_label(): line for line in ax.lines if line not in before}
            np.testing.assert_allclose(np.column_stack(drawn["moved point $Ap$"].get_data()), GRID @ A.T)
            squares = [line for line in ax.lines if line not in before and line.get_marker() == "s"]
            for k in (0, 1):
                x, y = drawn[f"$e_{k + 1}$: $\\lambda_{k + 1} = {lam[k]:.3g}$"].get_data()
                e = np.array([x[1] - x[0], y[1] - y[0]])
                e /= np.linalg.norm(e)
                np.testing.assert_allclose(A @ e, lam[k] * e, atol=1e-12)  # drawn direction: no turn
                # its square: where the circle's point on that line lands, |lambda| from the origin
                square = np.ravel(squares[k].get_data())
                assert np.linalg.norm(square) == pytest.approx(abs(lam[k]))
                assert abs(square[0] * e[1] - square[1] * e[0]) < 1e-12  # on the line


def _form(text):
    transformations = standard_transformations + (split_symbols, implicit_multiplication_application)
    x1, x2 = sp.symbols("x1 x2")
    text = text.replace("x_1", " x1 ").replace("x_2", " x2 ").replace("^", "**")
    return parse_expr(text, local_dict={"x1": x1, "x2": x2}, transformations=transformations)


def test_form_frames_multiply_out_the_form_and_name_its_shape(chapter):
    params, texts = chapter[0]["form_frame"]
    x1, x2 = sp.symbols("x1 x2")
    shapes_seen = set()
    for (i, j), (panel,) in texts.items():
        b, (a, d) = params["b"].values[i], params["diagonal"].values[j]
        A = sp.Matrix([[a, b], [b, d]])
        X = sp.Matrix([x1, x2])
        first, second, third = panel[0].split("\n")
        shown = _form(re.fullmatch(r"\$x\^T A x = (.*)\$", first).group(1))
        assert sp.simplify(shown - sp.expand((X.T * A * X)[0])) == 0
        lam = roots(((a, b), (b, d)))  # the characteristic polynomial's roots, largest first
        assert second == f"$\\lambda_1 = {lam[0]:.3g}$, $\\lambda_2 = {lam[1]:.3g}$:"
        signs = {0 if abs(value) < 1e-12 else int(np.sign(value)) for value in lam}
        expected = {frozenset({1}): "a bowl", frozenset({-1}): "a dome", frozenset({1, -1}): "a saddle",
                    frozenset({1, 0}): "a valley", frozenset({-1, 0}): "a ridge"}[frozenset(signs)]
        assert third == expected
        shapes_seen.add(expected)
    assert shapes_seen == {"a bowl", "a dome", "a saddle", "a valley", "a ridge"}  # the text's five


def test_form_frames_colour_the_sign_and_draw_the_eigenvector_lines(chapter):
    (params, _), namespace = chapter[0]["form_frame"], chapter[1]
    for b in params["b"].values:
        for a, d in params["diagonal"].values:
            ax = Figure().add_subplot()
            namespace["form_setup"](ax)
            before = set(ax.get_children())
            namespace["form_frame"](ax, b=b, diagonal=(a, d))
            A = np.array([[a, b], [b, d]])
            lines = [line for line in ax.lines if line not in before]
            assert len(lines) == 2  # the two eigenvector lines
            lam = roots(A)
            for line, lam_i in zip(lines, lam):
                x, y = line.get_data()
                e = np.array([x[1] - x[0], y[1] - y[0]])
                e /= np.linalg.norm(e)
                np.testing.assert_allclose(A @ e, lam_i * e, atol=1e-12)  # along e_i, the form is lam_i t^2
            filled = [c for c in ax.collections if c not in before and c.__class__.__name__ == "QuadContourSet"
                      and c.filled]
            assert len(filled) == 1 and 0 in list(filled[0].levels)  # the colours change at the form's sign
