"""The answers of the chapter "Stochastic and mini-batch gradient descent", against independent computations."""

from itertools import combinations

import numpy as np

from gdlib.selfcheck import check


def test_by_hand_variance_is_the_mean_square_over_the_six_batches():
    values = [1, 3, 5, 7]
    means = [np.mean(pair) for pair in combinations(values, 2)]
    variance = np.mean((np.array(means) - np.mean(values)) ** 2)
    assert check("ex-sgd-by-hand", variance).right
    assert not check("ex-sgd-by-hand", np.var(values) / 2).right  # the 1/M law without the factor 2/3


def test_noise_ball_from_a_plain_recurrence():
    # s^2 from the one-sample variance at the minimum, with the factor (N - M)/(N - 1), by plain NumPy
    from gdlib.datasets import heights_weights
    h, w = heights_weights(n=200, seed=0)
    z = (h - h.mean()) / h.std()
    X = np.c_[z, np.ones_like(z)]
    theta = np.linalg.solve(X.T @ X, X.T @ w)
    g = -2 * (w - X @ theta)[:, None] * X
    s_sq = np.mean(np.sum((g - g.mean(axis=0)) ** 2, axis=1)) / 4 * (200 - 4) / 199
    D = 0.0
    for _ in range(5000):  # D_t = (1 - eta lambda)^2 D_(t-1) + eta^2 s^2 with lambda = 2
        D = (1 - 0.05 * 2) ** 2 * D + 0.05**2 * s_sq
    assert check("ex-sgd-noise-ball", D).right
    assert not check("ex-sgd-noise-ball", D * 4).right  # M = 1 instead of 4


def test_robbins_monro_sum_of_squares():
    total = sum(0.01 / t**2 for t in range(1, 1_000_000))
    assert check("ex-sgd-robbins-monro", total).right
    assert not check("ex-sgd-robbins-monro", 0.1 * np.pi**2 / 6).right  # eta_0 not squared
