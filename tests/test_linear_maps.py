"""gdlib.linear_maps: eigenpairs of a symmetric 2 x 2 matrix, the angle between vectors, and what the plots draw.

The eigenvalues are checked against the characteristic polynomial's roots (the chapter's
formula, computed here independently of ``numpy.linalg.eigh``), and every plot against the
numbers it should draw: the moved grid points are ``A p``, the eigen-directions do not turn.
"""

import matplotlib

matplotlib.use("Agg")

import math  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from gdlib import validation  # noqa: E402
from gdlib.linear_maps import GRID, angle, eigen, plot_angle, plot_grid, plot_map  # noqa: E402


def roots(A):
    """(lambda1, lambda2), largest first, from lambda^2 - (a + d) lambda + (ad - b^2) = 0."""
    (a, b), (_, d) = A
    mid, radius = (a + d) / 2, math.sqrt(((a - d) / 2) ** 2 + b**2)
    return mid + radius, mid - radius


def symmetric(seed):
    a, b, d = np.random.default_rng(seed).uniform(-3, 3, 3)
    return np.array([[a, b], [b, d]])


@pytest.mark.parametrize("seed", range(20))
def test_eigen_agrees_with_the_characteristic_polynomial(seed):
    A = symmetric(seed)
    values, R, phi = eigen(A)
    assert values == pytest.approx(roots(A), abs=1e-12)
    assert values[0] >= values[1]
    # R is the rotation by phi, 0 <= phi < pi, and its columns are the eigenvectors
    assert 0 <= phi < math.pi
    assert np.allclose(R, [[math.cos(phi), -math.sin(phi)], [math.sin(phi), math.cos(phi)]])
    assert np.allclose(A @ R, R * values)
    assert np.allclose(R @ np.diag(values) @ R.T, A)


@pytest.mark.parametrize("A, phi", [
    ([[2.0, 1.0], [1.0, 2.0]], math.pi / 4),  # the quick tour's H: (1, 1) has lambda = 3
    ([[1.0, 2.0], [2.0, 1.0]], math.pi / 4),  # lambda = 3 along (1, 1), -1 along (1, -1)
    ([[2.0, 0.0], [0.0, 0.5]], 0.0),  # diagonal: the axes; e1 = (1, 0), not (-1, 0) at phi = pi
    ([[0.5, 0.0], [0.0, 2.0]], math.pi / 2),
    ([[2.0, 0.5], [0.5, 1.0]], math.pi / 8),  # tan(2 phi) = 2b / (a - d) = 1
])
def test_eigen_direction_of_known_matrices(A, phi):
    found = eigen(A)
    assert found.phi == pytest.approx(phi, abs=1e-12)
    assert found.values == pytest.approx(roots(np.array(A)), abs=1e-12)


def test_eigen_of_a_multiple_of_the_identity():
    values, R, phi = eigen(3.0 * np.eye(2))
    assert values.tolist() == [3.0, 3.0] and np.allclose(R.T @ R, np.eye(2))


def test_eigen_refuses_what_is_not_a_symmetric_2_by_2_matrix():
    with pytest.raises(ValueError, match=r"^A must be symmetric \(A\[i, j\] = A\[j, i\]\), got A\[0, 1\] = 2"):
        eigen([[1.0, 2.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match=r"^A must be a 2 x 2 matrix, got shape \(3, 3\)"):
        eigen(np.eye(3))
    with pytest.raises(TypeError, match=r"^A must be a 2 x 2 matrix of real numbers"):
        eigen("eye")


@pytest.mark.parametrize("u, v, beta", [
    ([1.0, 0.0], [1.0, 0.0], 0.0), ([1.0, 0.0], [0.0, 2.0], 90.0), ([1.0, 0.0], [-3.0, 0.0], 180.0),
    ([1.0, 0.0], [1.0, 1.0], 45.0), ([1.0, 2.0], [3.0, 1.0], 45.0), ([2.0, 1.0], [-1.0, 2.0], 90.0),
])
def test_angle_of_known_pairs(u, v, beta):
    assert angle(u, v) == pytest.approx(beta, abs=1e-9)
    assert angle(v, u) == pytest.approx(beta, abs=1e-9)  # the angle between, not from u to v


def test_angle_does_not_depend_on_lengths_and_stays_in_range():
    rng = np.random.default_rng(1)
    for _ in range(50):
        u, v = rng.standard_normal(2), rng.standard_normal(2)
        beta = angle(u, v)
        assert 0.0 <= beta <= 180.0
        assert angle(3.0 * u, 0.5 * v) == pytest.approx(beta, abs=1e-9)
        # independent: the difference of the two directions, folded into [0, 180]
        turn = abs(math.degrees(math.atan2(v[1], v[0]) - math.atan2(u[1], u[0]))) % 360
        assert beta == pytest.approx(min(turn, 360 - turn), abs=1e-7)


def test_angle_refuses_a_zero_vector():
    with pytest.raises(ValueError, match=r"^v must not be the zero vector, which has no direction"):
        angle([1.0, 0.0], [0.0, 0.0])


def _axes():
    return plt.figure().add_subplot()


def test_plot_grid_draws_the_unmoved_points_and_the_unit_circle():
    ax = plot_grid(_axes(), lim=2.5)
    lines = {line.get_label(): line for line in ax.lines}
    circle = np.column_stack(lines["unit circle"].get_data())
    assert np.allclose(np.hypot(*circle.T), 1.0)
    assert np.array_equal(np.column_stack(lines["grid point $p$"].get_data()), GRID)
    assert ax.get_xlim() == (-2.5, 2.5) and ax.get_ylim() == (-2.5, 2.5)
    plt.close("all")


@pytest.mark.parametrize("A", [[[2.0, 1.0], [1.0, 2.0]], [[1.0, 2.0], [2.0, 1.0]], [[2.0, 0.5], [0.5, 1.0]]])
def test_plot_map_draws_Ap_the_circles_image_and_directions_that_do_not_turn(A):
    A = np.array(A)
    ax = _axes()
    v = np.array([0.6, 0.8])
    found = plot_map(ax, A, v=v)
    lines = {line.get_label(): line for line in ax.lines}
    assert np.allclose(np.column_stack(lines["moved point $Ap$"].get_data()), GRID @ A.T)
    image = np.column_stack(lines["image of the circle"].get_data())
    assert np.allclose(np.hypot(*np.linalg.solve(A, image.T)), 1.0)  # A^-1 of each point is on the circle
    lam = roots(A)
    for i in (0, 1):
        label = f"$e_{i + 1}$: $\\lambda_{i + 1} = {lam[i]:.3g}$"
        x, y = lines[label].get_data()
        direction = np.array([x[1] - x[0], y[1] - y[0]])
        assert np.allclose(A @ direction, lam[i] * direction)  # the drawn direction does not turn
        assert np.allclose(found.values[i], lam[i])
    squares = [line for line in ax.lines if line.get_marker() == "s"]
    assert len(squares) == 2
    for square, lam_i, e in zip(squares, lam, found.vectors.T):
        assert np.allclose(np.ravel(square.get_data()), lam_i * e)  # where the circle's point e lands
    tips = [a.xy for a in ax.texts if isinstance(a, Annotation)]  # the arrows v and Av, from the origin
    assert sum(np.allclose(tip, v) for tip in tips) == 1 and sum(np.allclose(tip, A @ v) for tip in tips) == 1
    plt.close("all")


def test_plot_angle_draws_the_shadow_and_returns_beta():
    ax = _axes()
    u, v = np.array([2.0, 1.0]), np.array([0.5, 1.5])
    beta = plot_angle(ax, u, v)
    assert beta == pytest.approx(angle(u, v))
    shadow = next(line for line in ax.lines if line.get_label() == "shadow of $v$ on $u$'s line")
    tip = np.array([shadow.get_xdata()[1], shadow.get_ydata()[1]])
    assert np.allclose(tip, (u @ v) / (u @ u) * u)
    assert abs((v - tip) @ u) < 1e-12  # the drop from v meets u's line at a right angle
    plt.close("all")


def test_validation_matrix_boundaries_and_messages():
    assert validation.matrix("A", [[1, 2], [3, 4]], 2).tolist() == [[1.0, 2.0], [3.0, 4.0]]
    assert validation.matrix("H", np.eye(3), 3, symmetric=True).shape == (3, 3)
    with pytest.raises(ValueError, match=r"^A must be finite"):
        validation.matrix("A", [[1.0, float("nan")], [0.0, 1.0]], 2)
    with pytest.raises(TypeError, match=r"^A must be real, got complex value 1j at index \(0, 1\)"):
        validation.matrix("A", [[1.0, 1j], [0.0, 1.0]], 2)
    with pytest.raises(ValueError, match=r"^S must be symmetric \(S\[i, j\] = S\[j, i\]\), got S\[0, 1\] = 1 "
                                         r"and S\[1, 0\] = 3"):
        validation.matrix("S", [[1.0, 1.0], [3.0, 1.0]], 2, symmetric=True)
