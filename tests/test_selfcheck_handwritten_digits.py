"""The handwritten-digits chapter's self-check answers: derived here from the network and the data, and slips refused."""

from __future__ import annotations

import math

import numpy as np

from gdlib import digits, network
from gdlib.autodiff import Tensor, cross_entropy
from gdlib.optimizers import Adam
from gdlib.selfcheck import check
from gdlib.training import train


def test_count_answer_is_the_flat_vector_and_the_batches():
    parameters = network.flatten(network.init((64, 32, 10))).size
    X, y = digits.load()
    n_train = len(digits.split(X, y, seed=0)[2])
    assert check("ex-dig-count", [parameters, math.ceil(n_train / 32)]).right
    assert not check("ex-dig-count", [64 * 32 + 32 * 10, 45]).right  # forgot the biases
    assert not check("ex-dig-count", [2410, 44]).right  # forgot the last, smaller batch


def test_softmax_answer_is_autodiff_s():
    z = Tensor(np.array([[0.0, 0.0, np.log(2.0)]]))
    L = cross_entropy(z, np.array([0]))
    L.backward()
    assert check("ex-dig-softmax", [float(L.value), *z.grad[0]]).right
    assert not check("ex-dig-softmax", [np.log(4), 0.25, 0.25, 0.5]).right  # the probabilities, not minus one-hot


def test_hidden_answer_is_the_measured_run():
    X, y = digits.load()
    X_train, X_test, y_train, y_test = digits.split(X / 16, y, seed=0)
    small = train(Adam(eta=0.03), X_train, y_train, X_test, y_test, hidden=16, epochs=20, batch_size=32, seed=0)
    assert check("ex-dig-hidden", small.test_accuracy[-1]).right
    assert not check("ex-dig-hidden", 0.975).right  # the 32-unit network's figure
    assert not check("ex-dig-hidden", 96.1).right  # a percentage
