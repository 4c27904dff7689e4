"""Quadratic forms from eigenvalues and a rotation: the matrix, its shape, what the plots draw."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import sympy as sp  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from gdlib.plot import PALETTE  # noqa: E402
from gdlib.quadratic import (eigenvectors, form_matrix, form_value, plot_contours,  # noqa: E402
                             plot_surface, rotation, shape)


def test_form_matrix_against_a_symbolic_construction():
    # Independent: SymPy builds R diag R^T with exact cos and sin of 30 degrees.
    phi = sp.pi / 6
    R = sp.Matrix([[sp.cos(phi), -sp.sin(phi)], [sp.sin(phi), sp.cos(phi)]])
    exact = R * sp.diag(5, -2) * R.T
    assert np.allclose(form_matrix((5.0, -2.0), np.pi / 6), np.array(exact, dtype=float), atol=1e-14)


def test_eigenpairs_are_the_ones_asked_for_in_order():
    A = form_matrix((5.0, -2.0), 0.3)
    e1, e2 = eigenvectors(0.3)
    assert np.allclose(A @ e1, 5.0 * e1) and np.allclose(A @ e2, -2.0 * e2)
    assert np.allclose(e1, [np.cos(0.3), np.sin(0.3)]) and np.allclose(e2, [-np.sin(0.3), np.cos(0.3)])


def test_known_forms():
    # The quick tour's bowl x^2 + xy + y^2 has eigenvalues 3 (along (1, 1)) and 1.
    assert np.allclose(form_matrix((3.0, 1.0), np.pi / 4), [[2.0, 1.0], [1.0, 2.0]])
    # x^2 - y^2 is 1/2 v^T diag(2, -2) v, unrotated; a quarter turn swaps the axes.
    assert np.allclose(form_matrix((2.0, -2.0), 0.0), [[2.0, 0.0], [0.0, -2.0]])
    assert np.allclose(form_matrix((2.0, -2.0), np.pi / 2), [[-2.0, 0.0], [0.0, 2.0]])
    assert np.allclose(rotation(np.pi / 2) @ [1.0, 0.0], [0.0, 1.0])


def test_form_value_is_half_v_A_v_on_a_batch():
    A = [[2.0, 1.0], [1.0, 4.0]]
    v = np.array([[2.0, -1.0], [0.0, 3.0]])
    # By hand: 1/2 (2*4 + 2*1*2*(-1) + 4*1) = 4, and 1/2 * 4 * 9 = 18.
    assert form_value(A, v).tolist() == [4.0, 18.0]


@pytest.mark.parametrize("eigenvalues, expected", [
    ((2.0, 1.0), "bowl"), ((-2.0, -1.0), "dome"), ((2.0, -1.0), "saddle"), ((-1.0, 2.0), "saddle"),
    ((2.0, 0.0), "valley"), ((0.0, 2.0), "valley"), ((-2.0, 0.0), "ridge"), ((0.0, 0.0), "flat"),
    ((2.0, 1e-13), "valley"),
])
def test_shape_from_signs(eigenvalues, expected):
    assert shape(eigenvalues) == expected


def test_contours_draw_the_levels_and_eigenvector_arrows():
    fig, ax = plt.subplots()
    ax.set(xlim=(-2, 2), ylim=(-2, 2))
    plot_contours(ax, (2.0, -1.0), np.pi / 6, lim=2.0)
    (contours,) = ax.collections
    # q reaches -1/2 * 1 * (2 sqrt 2)^2 = -4 and +8 in the corners: every level; negatives dashed.
    assert list(contours.levels) == [-3.0, -1.5, -0.5, 0.5, 1.5, 3.0]
    styles = contours.get_linestyles()
    assert [s[1] is not None for s in styles] == [True, True, True, False, False, False]
    arrows = [a for a in ax.texts if isinstance(a, Annotation)]
    assert len(arrows) == 2
    for arrow, e, colour in zip(arrows, eigenvectors(np.pi / 6), PALETTE):
        assert np.allclose(arrow.xy, 1.5 * e) and np.allclose(arrow.xyann, (0.0, 0.0))
        assert arrow.arrow_patch.get_edgecolor()[:3] == pytest.approx(matplotlib.colors.to_rgb(colour))
    names = [t for t in ax.texts if not isinstance(t, Annotation)]
    assert [t.get_text() for t in names] == ["$e_1$", "$e_2$"]
    assert np.allclose(names[1].get_position(), 1.8 * np.array([-np.sin(np.pi / 6), np.cos(np.pi / 6)]))
    assert ax.get_xlim() == (-2, 2)
    plt.close(fig)


def test_a_bowl_has_only_the_positive_levels():
    fig, ax = plt.subplots()
    plot_contours(ax, (2.0, 1.0), 0.0, lim=2.0)
    assert list(ax.collections[0].levels) == [0.5, 1.5, 3.0]
    plt.close(fig)


def test_surface_and_its_parabolas():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    plot_surface(ax, (2.0, -1.0), 0.4, lim=2.0)
    assert len(ax.collections) == 1
    lines = ax.get_lines()
    assert len(lines) == 2
    for line, lam, e in zip(lines, (2.0, -1.0), eigenvectors(0.4)):
        xs, ys, zs = line.get_data_3d()
        t = np.linspace(-2, 2, 41)
        assert np.allclose(xs, t * e[0]) and np.allclose(ys, t * e[1])
        assert np.allclose(zs, 0.5 * lam * t**2)
    plt.close(fig)


@pytest.mark.parametrize("call, message", [
    (lambda: form_matrix((1.0,), 0.0), r"eigenvalues must be two finite real numbers \(lambda1, lambda2\), got \(1.0,\)"),
    (lambda: form_matrix((1.0, np.nan), 0.0), r"eigenvalues must be two finite real numbers .*nan"),
    (lambda: form_matrix((1.0, 2j), 0.0), r"eigenvalues must be two finite real numbers"),
    (lambda: form_matrix("12", 0.0), r"eigenvalues must be two finite real numbers"),
    (lambda: form_matrix((1.0, True), 0.0), r"eigenvalues must be two finite real numbers"),
    (lambda: form_matrix((1.0, 2.0), np.inf), r"phi must be a finite real number, got inf"),
    (lambda: rotation("0"), r"phi must be a finite real number, got '0'"),
    (lambda: form_value([[1.0, 2.0], [0.0, 1.0]], [1.0, 1.0]), r"A must be symmetric, got A\[0, 1\] = 2.0 and A\[1, 0\] = 0.0"),
    (lambda: form_value([[1.0, 2.0, 3.0]], [1.0, 1.0]), r"A must be a 2 x 2 symmetric matrix"),
    (lambda: form_value([[1.0, np.nan], [np.nan, 1.0]], [1.0, 1.0]), r"A must be a 2 x 2 symmetric matrix of finite"),
    (lambda: form_value(np.eye(2), [1.0, 1.0, 1.0]), r"v must have shape \(\.\.\., 2\), got shape \(3,\)"),
    (lambda: shape((1.0, 2.0), tol=0), r"tol must be a positive finite number, got 0.0"),
    (lambda: plot_contours(None, (1.0, 2.0), 0.0, lim=-1), r"lim must be a positive finite number, got -1.0"),
    (lambda: plot_contours(None, (1.0, 2.0), 0.0, n=10**6), r"n must be a whole number from 2 to 400, got 1000000"),
    (lambda: plot_surface(None, (1.0, 2.0), 0.0, n=1.5), r"n must be a whole number from 2 to 400, got 1.5"),
])
def test_bad_input_is_refused_by_name(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_contour_labels_name_the_levels():
    fig, ax = plt.subplots()
    ax.set(xlim=(-2, 2), ylim=(-2, 2))
    plot_contours(ax, (2.0, -2.0), 0.0, lim=2.0, labels=True)  # q = x^2 - y^2
    (contours,) = ax.collections
    assert list(contours.levels) == [-3.0, -1.5, -0.5, 0.5, 1.5, 3.0]
    labels = [t for t in ax.texts if not isinstance(t, Annotation) and "e_" not in t.get_text()]
    shown = {t.get_text() for t in labels}
    assert shown <= {"-3", "-1.5", "-0.5", "0.5", "1.5", "3"} and {"-0.5", "0.5"} <= shown
    for label in labels:  # each label sits where q has its value
        px, py = label.get_position()
        assert px**2 - py**2 == pytest.approx(float(label.get_text()), abs=0.05)
    # The labels are the axes' own texts: removing the contours first leaves them removable.
    contours.remove()
    for label in labels:
        label.remove()
    plt.close(fig)
    fig, ax = plt.subplots()
    plot_contours(ax, (2.0, -2.0), 0.0, lim=2.0)
    assert len(ax.texts) == 4  # two arrows and their names, no labels
    with pytest.raises(ValueError, match="labels must be True or False, got 'yes'"):
        plot_contours(ax, (2.0, -2.0), 0.0, labels="yes")
    plt.close(fig)


def test_surface_is_q_over_the_whole_disc_in_the_books_style():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    plot_surface(ax, (1.0, -3.0), 0.3, lim=1.5, n=11)
    (surf,) = ax.collections
    top = 0.5 * 3.0 * 1.5**2  # half the largest |lambda| times lim^2
    assert surf.norm.vmin == -top and surf.norm.vmax == top and surf.cmap.name == "viridis"
    assert surf.get_alpha() == 0.85 and not surf.get_antialiased() and float(surf.get_linewidth()[0]) == 0.0
    assert surf.get_array().size == (11 - 1) * (2 * 11 - 1)  # every grid cell: strides of 1
    xs, ys, zs = surf._faces.reshape(-1, 3).T  # every corner of every face (private, but stable since 3.9)
    r = np.hypot(xs, ys)
    assert np.isclose(r.max(), 1.5) and r.min() < 1e-12
    ring = r > 0.1
    directions = np.round(np.stack([xs[ring], ys[ring]], axis=-1) / r[ring, None], 9) + 0.0
    assert len(np.unique(directions, axis=0)) == 2 * 11 - 1  # 22 angles from 0 to 2 pi: the first is the last
    assert np.allclose(zs, form_value(form_matrix((1.0, -3.0), 0.3), np.stack([xs, ys], axis=-1)))
    for line, colour in zip(ax.get_lines(), PALETTE):
        assert line.get_color() == colour and line.get_linewidth() == 2.5 and line.get_zorder() == 10
    plt.close(fig)
    flat = plt.figure().add_subplot(projection="3d")
    plot_surface(flat, (0.0, 0.0), 0.0, lim=2.0, n=3)  # q = 0: a colour range of +-2e-12, not zero
    assert flat.collections[0].norm.vmax == pytest.approx(0.5 * 1e-12 * 4)
    first = plt.figure().add_subplot(projection="3d")
    plot_surface(first, (-4.0, 1.0), 0.0, lim=1.0, n=3)  # the larger |lambda| first
    assert first.collections[0].norm.vmax == 2.0
    plt.close("all")


def test_contours_in_the_books_style():
    fig, ax = plt.subplots()
    plot_contours(ax, (2.0, -1.0), 0.0, lim=2.0, labels=True)
    (contours,) = ax.collections
    assert np.allclose(contours.get_linewidths(), 0.9)
    assert all(matplotlib.colors.to_rgb(c) == pytest.approx((0.4, 0.4, 0.4)) for c in contours.get_edgecolors())
    labels = [t for t in ax.texts if t.get_text() in {"-3", "-1.5", "-0.5", "0.5", "1.5", "3"}]
    assert labels and all(t.get_fontsize() == 8 for t in labels)
    names = [t for t in ax.texts if t.get_text() in ("$e_1$", "$e_2$")]
    for t, colour in zip(names, PALETTE):
        assert (t.get_color(), t.get_fontsize(), t.get_fontweight()) == (colour, 13, "bold")
        assert (t.get_ha(), t.get_va()) == ("center", "center")
    arrows = [a for a in ax.texts if isinstance(a, Annotation)]
    assert all(a.arrow_patch.get_linewidth() == 2.4 for a in arrows)
    plt.close(fig)


def test_grid_sizes_and_tolerances_at_their_bounds():
    from gdlib.quadratic import MAX_GRID, shape
    fig, ax = plt.subplots()
    plot_contours(ax, (1.0, 2.0), 0.0, n=2)
    plot_contours(ax, (1.0, 2.0), 0.0, n=MAX_GRID)
    plt.close(fig)
    assert shape((1e-12, 1.0)) == "valley"  # |lambda| = tol counts as 0
    with pytest.raises(ValueError, match=r"^A must be symmetric"):
        form_value([[1.0, 1.0], [1.0 + 1e-9, 1.0]], [1.0, 1.0])
    with pytest.raises(ValueError, match=r"^A must be symmetric"):
        form_value([[1e6, 1e6], [1e6 + 1.0, 1e6]], [1.0, 1.0])
    with pytest.raises(ValueError, match=r"^v must be an array of finite real numbers, got nan among them"):
        form_value(np.eye(2), [1.0, np.nan])
    with pytest.raises(ValueError, match=r"^lim must be a positive finite number"):
        plot_surface(plt.figure().add_subplot(projection="3d"), (1.0, 2.0), 0.0, lim=-1.0)
    plt.close("all")
