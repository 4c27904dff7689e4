"""The backpropagation chapter's self-check answers: derived here from the network, and typical slips refused."""

from __future__ import annotations

import math

import numpy as np

from gdlib import network as nw
from gdlib.selfcheck import check


def test_by_hand_answer_is_the_networks_gradient():
    params = nw.Params(np.array([[0.0]]), np.array([0.0]), np.array([[2.0]]), np.array([0.0]))
    _, g = nw.loss_and_gradients(params, np.array([[2.0]]), np.array([[0.0]]), "sigmoid", "squared")
    assert check("ex-bp-by-hand", [g.W2[0, 0], g.W1[0, 0]]).right
    assert not check("ex-bp-by-hand", [g.W2[0, 0], 4 * g.W1[0, 0]]).right  # sigma'(0) taken as 1


def test_quarter_answer_is_the_first_power_below_a_millionth():
    k = next(k for k in range(1, 50) if 0.25**k < 1e-6)
    assert check("ex-bp-quarter", k).right
    assert not check("ex-bp-quarter", k - 1).right
    assert math.isclose(0.25 ** (k - 1), 4.0**-9) and 0.25 ** (k - 1) > 1e-6


def test_he_answer_is_the_measured_ratio():
    norms = nw.deep_gradient_norms(20, scale=np.sqrt(2), activation="relu")
    assert check("ex-bp-he", norms[0] / norms[-1]).right
    sig = nw.deep_gradient_norms(20, scale=1.0, activation="sigmoid")
    assert not check("ex-bp-he", sig[0] / sig[-1]).right
