"""Default hyper-parameters: torch.optim's documented defaults where gdlib follows torch, the
seeds' values where the book chose its own, and first steps that show each default in use.

``tests/golden/torch_defaults.json`` holds torch 2.13.0's defaults (see tests/make_golden.py).
"""

from __future__ import annotations

import inspect
import json
import math
from pathlib import Path

import numpy as np
import pytest

from gdlib import GD, AdaDelta, AdaGrad, Adam, Momentum, Nesterov, RMSProp
from gdlib.schedules import Exponential, InverseTime, Step

TORCH = json.loads((Path(__file__).with_name("golden") / "torch_defaults.json").read_text())
OPTIM = TORCH["optim"]


def default(cls, name):
    return inspect.signature(cls).parameters[name].default


def test_golden_defaults_are_torch_2_13():
    assert TORCH["torch"] == "2.13.0"


@pytest.mark.parametrize("cls, ours, torch_class, theirs", [
    (AdaGrad, "eta", "Adagrad", "lr"), (AdaGrad, "eps", "Adagrad", "eps"),
    (RMSProp, "eta", "RMSprop", "lr"), (RMSProp, "rho", "RMSprop", "alpha"), (RMSProp, "eps", "RMSprop", "eps"),
    (AdaDelta, "eta", "Adadelta", "lr"), (AdaDelta, "rho", "Adadelta", "rho"), (AdaDelta, "eps", "Adadelta", "eps"),
    (Adam, "eta", "Adam", "lr"), (Adam, "eps", "Adam", "eps"),
], ids=lambda v: v if isinstance(v, str) else v.__name__)
def test_default_is_torchs(cls, ours, torch_class, theirs):
    assert default(cls, ours) == OPTIM[torch_class][theirs]
    opt = cls()
    assert getattr(opt, ours if ours != "eta" else "eta") == OPTIM[torch_class][theirs]


def test_adam_betas_are_torchs():
    assert [default(Adam, "beta1"), default(Adam, "beta2")] == OPTIM["Adam"]["betas"]
    assert (Adam().beta1, Adam().beta2) == tuple(OPTIM["Adam"]["betas"])


def test_step_schedule_gamma_is_torchs_steplr():
    assert default(Step, "gamma") == TORCH["lr_scheduler"]["StepLR"]["gamma"]


def test_the_books_own_defaults():
    # torch's SGD has lr=1e-3 and momentum=0; the seeds run GD at 0.1 and momentum at
    # eta=0.01, mu=0.9, and so do the book's defaults (documented in the chapters).
    assert OPTIM["SGD"]["lr"] == 0.001 and OPTIM["SGD"]["momentum"] == 0
    assert (GD().eta, Momentum().eta, Momentum().mu, Nesterov().eta, Nesterov().mu) == (0.1, 0.01, 0.9, 0.01, 0.9)
    assert (Step(1.0).every, Exponential(1.0).gamma, InverseTime(1.0).k) == (10_000, 0.99, 0.01)


# --- each default in use: a first or second step computed by hand with it -------------------

def first(opt, x, g):
    x = np.array(x, dtype=float)
    return opt.update(x, np.array(g, dtype=float), opt.init(x))


def test_gd_default_step():
    assert first(GD(), [1.0], [2.0])[0] == pytest.approx([0.8])


def test_momentum_default_mu_in_the_second_step():
    opt = Momentum()
    x1, s1 = first(opt, [1.0], [2.0])
    x2, _ = opt.update(x1, np.array([1.0]), s1)
    assert x2 == pytest.approx(x1 - 0.01 * (0.9 * 2.0 + 1.0))


def test_adagrad_default_eps_shows_when_the_gradient_is_tiny():
    g = 1e-10  # sqrt(v) = 1e-10 = eps: the step is half of eta
    assert first(AdaGrad(), [0.0], [g])[0] == pytest.approx([-0.01 * g / (g + 1e-10)], rel=1e-12)


def test_rmsprop_default_rho_and_eps():
    x, state = first(RMSProp(), [0.0], [2.0])
    assert state.v == pytest.approx([0.01 * 4.0], rel=1e-15)
    g = 1e-8
    assert first(RMSProp(), [0.0], [g])[0] == pytest.approx([-0.01 * g / (0.1 * g + 1e-8)], rel=1e-12)


def test_adadelta_default_rho_and_eps():
    x, state = first(AdaDelta(), [0.0], [2.0])
    dx = -math.sqrt(1e-6 / (0.1 * 4.0 + 1e-6)) * 2.0
    assert x == pytest.approx([dx], rel=1e-12)
    assert state.u == pytest.approx([0.1 * dx**2], rel=1e-12)


def test_adam_default_betas_and_eps():
    opt = Adam()
    x1, s1 = first(opt, [0.0], [1e-8])  # |g| = eps: the first step is eta / 2
    assert x1 == pytest.approx([-0.0005], rel=1e-9)
    x2, s2 = opt.update(np.array([0.0]), np.array([2.0]), s1)
    m = 0.9 * 0.1e-8 + 0.1 * 2.0
    v = 0.999 * 0.001 * 1e-16 + 0.001 * 4.0
    expected = -0.001 * (m / (1 - 0.9**2)) / (math.sqrt(v / (1 - 0.999**2)) + 1e-8)
    assert x2 == pytest.approx([expected], rel=1e-12)


def test_schedule_defaults_in_use():
    assert Step(1.0)(10_000) == 1.0 and Step(1.0)(10_001) == pytest.approx(0.1)
    assert Exponential(1.0)(3) == pytest.approx(0.99**2)
    assert InverseTime(1.0)(101) == pytest.approx(0.5)
