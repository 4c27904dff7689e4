"""Backtracking line search (gdlib.linesearch) and the measured contraction rate of GD on quadratics."""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import GD, descend
from gdlib.convergence import contraction_rate
from gdlib.functions import bowl, ill_conditioned, rosenbrock
from gdlib.linesearch import MAX_EVALS, backtracking


# --- the Armijo rule, step by step ------------------------------------------------------------------

def test_first_step_by_hand_on_an_asymmetric_quadratic():
    # f = x^2 + 3y^2 at (1, 1): g = (2, 6), |g|^2 = 40. eta = 1 gives (-1, -5): f = 76, rejected;
    # 0.5 gives (0, -2): f = 12 > 4 - 0.5*0.5*40 = -6, rejected; 0.25 gives (0.5, -0.5): f = 1 > -1, rejected;
    # 0.125 gives (0.75, 0.25): f = 0.75 <= 4 - 0.5*0.125*40 = 1.5, accepted.
    f = lambda p: p[0] ** 2 + 3 * p[1] ** 2
    grad = lambda p: np.array([2 * p[0], 6 * p[1]])
    run = backtracking(f, [1.0, 1.0], grad=grad, eta0=1.0, c=0.5, tau=0.5, steps=1)
    assert run.etas.tolist() == [0.125]
    assert run.trials.tolist() == [4]
    assert run.xs[1].tolist() == [0.75, 0.25]
    assert run.values.tolist() == [4.0, 0.75]
    assert (run.f_evals, run.grad_evals) == (5, 2)
    assert run.status == "max_steps" and run.steps == 1


def test_accepted_eta_obeys_the_quadratic_bound():
    # On f = x^T A x / 2 the Armijo condition holds exactly for eta <= 2 (1 - c) |g|^2 / g^T A g,
    # so backtracking accepts the first trial eta0 tau^j below that bound.
    A = np.diag([1.0, 25.0])
    run = backtracking(ill_conditioned, [2.0, 1.0], eta0=1.0, c=0.3, tau=0.5, steps=20, tol=None)
    for x, eta in zip(run.xs[:-1], run.etas):
        g = A @ x
        bound = 2 * (1 - 0.3) * (g @ g) / (g @ A @ g)
        assert eta <= bound and eta / 0.5 > bound


def test_converges_on_rosenbrock_and_counts_every_evaluation():
    calls = {"f": 0, "g": 0}

    def f(p):
        calls["f"] += 1
        return rosenbrock.value(p)

    def g(p):
        calls["g"] += 1
        return rosenbrock.grad(p)

    run = backtracking(f, [-1.2, 1.0], grad=g, steps=20_000, tol=1e-4, max_evals=200_000)
    assert run.status == "converged"
    assert np.allclose(run.x, [1.0, 1.0], atol=1e-3)
    assert (run.f_evals, run.grad_evals) == (calls["f"], calls["g"])
    assert run.f_evals == 1 + run.trials.sum()
    assert np.all(np.diff(run.values) < 0)  # every accepted step lowers f


def test_a_function_brings_its_gradient_and_summary_names_the_cost():
    run = backtracking(bowl, [3.0, 4.0], eta0=1.0, c=0.5, tau=0.5, steps=100, tol=1e-6)
    assert run.status == "converged"
    assert run.summary() == f"converged in {run.steps} steps; {run.f_evals} evaluations of f, {run.grad_evals} of the gradient"


def test_wrong_gradient_is_reported_as_no_decrease():
    run = backtracking(lambda p: float(p @ p), [1.0, 2.0], grad=lambda p: -2 * p, max_shrinks=10)
    assert run.status == "no_decrease" and run.steps == 0
    assert "shrank 10 times" in run.message and "is grad the gradient of f?" in run.message
    assert run.f_evals == 12  # f(x0) and 11 trials


def test_budget_of_evaluations_is_kept():
    run = backtracking(rosenbrock, [-1.2, 1.0], steps=10_000, max_evals=50)
    assert run.status == "max_evals" and run.f_evals == 50
    assert "max_evals = 50" in run.message


def test_unbounded_below_is_diverged():
    run = backtracking(lambda p: -float(np.exp(p[0])), [0.0], grad=lambda p: -np.exp(p), eta0=1e3, steps=50)
    assert run.status == "diverged"


@pytest.mark.parametrize("kwargs, exc, pattern", [
    ({"c": 0.0}, ValueError, r"^c must be in \(0, 1\), got 0.0"),
    ({"c": 1.0}, ValueError, r"^c must be in \(0, 1\), got 1.0"),
    ({"tau": 1.0}, ValueError, r"^tau must be in \(0, 1\), got 1.0"),
    ({"tau": -0.5}, ValueError, r"^tau must be in \(0, 1\), got -0.5"),
    ({"eta0": 0.0}, ValueError, r"^eta0 must be in \(0, inf\), got 0.0"),
    ({"eta0": float("nan")}, ValueError, r"^eta0 must be finite, got nan"),
    ({"max_evals": 0}, ValueError, r"^max_evals must be a whole number >= 1, got 0"),
    ({"max_evals": MAX_EVALS + 1}, ValueError, r"^max_evals must be a whole number from 1 to 1000000"),
    ({"max_shrinks": 1000}, ValueError, r"^max_shrinks must be a whole number from 0 to 200, got 1000"),
    ({"steps": -1}, ValueError, r"^steps must be a whole number >= 0, got -1"),
    ({"tol": -1.0}, ValueError, r"^tol must be in \(0, inf\), got -1.0"),
    ({"x0": [[1.0, 2.0]]}, ValueError, r"^x0 must be one point of shape \(n,\), got shape \(1, 2\)"),
    ({"x0": [1.0, float("inf")]}, ValueError, r"^x0 must be finite"),
    ({"grad": lambda p: np.zeros(3)}, ValueError, r"^grad returned an array of shape \(3,\), but x0 has shape \(2,\)"),
])
def test_bad_input(kwargs, exc, pattern):
    args = {"x0": [1.0, 2.0], "grad": bowl.grad} | kwargs
    x0 = args.pop("x0")
    with pytest.raises(exc, match=pattern):
        backtracking(bowl.value, x0, **args)


def test_f_and_grad_must_be_functions():
    with pytest.raises(TypeError, match=r"^grad must be a function x -> gradient, got None"):
        backtracking(lambda p: 0.0, [1.0])
    with pytest.raises(TypeError, match=r"^f must be a function x -> value"):
        backtracking(3.0, [1.0], grad=lambda p: p)
    with pytest.raises(ValueError, match=r"^f must return one real number"):
        backtracking(lambda p: p, [1.0, 2.0], grad=lambda p: p)


# --- the measured rate of GD on an n-D quadratic, against the proven (kappa - 1) / (kappa + 1) ---

def quadratic(kappa: float, n: int = 8, seed: int = 0) -> tuple[np.ndarray, float, float]:
    """A random n x n symmetric A with eigenvalues from 1 to kappa (both ends included)."""
    rng = np.random.default_rng(seed)
    lam = np.concatenate([[1.0, kappa], rng.uniform(1.0, kappa, n - 2)])
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return Q @ np.diag(lam) @ Q.T, 1.0, kappa


def measured_rate(A: np.ndarray, eta: float, seed: int, steps: int = 200) -> tuple[float, float]:
    """The geometric-mean rate over the second half of the run, and the worst single-step ratio, of |x_t|."""
    x0 = np.random.default_rng(seed + 1).standard_normal(A.shape[0])
    run = descend(lambda x: A @ x, x0, GD(eta=eta), steps=steps)
    e = np.linalg.norm(run.xs, axis=1)
    return contraction_rate(e[steps // 2:]), float(np.max(e[1:] / e[:-1]))


KAPPAS = [1.5, 2.0, 3.0, 5.0, 10.0, 30.0, 100.0, 1000.0]


@pytest.mark.parametrize("kappa", KAPPAS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_measured_rate_is_within_the_proven_rate(kappa, seed):
    A, lmin, lmax = quadratic(kappa, seed=seed)
    proven = (kappa - 1) / (kappa + 1)
    rate, worst = measured_rate(A, 2 / (lmin + lmax), seed)
    assert rate <= proven + 1e-9
    assert worst <= proven + 1e-9  # even step by step: |I - eta A| has norm (kappa - 1) / (kappa + 1)
    assert rate > proven - 0.02 * (1 - proven)  # and the bound is nearly reached: it is the rate, not a loose bound


@pytest.mark.parametrize("wrong_eta", [lambda lmin, lmax: 1 / lmax, lambda lmin, lmax: 2 / (lmin + lmax) * 1.05,
                                       lambda lmin, lmax: 2 / (lmin + lmax) * 0.95])
def test_a_wrong_eta_breaks_the_proven_rate(wrong_eta):
    # The test above can fail: with any other eta, the rate exceeds (kappa - 1) / (kappa + 1).
    A, lmin, lmax = quadratic(10.0)
    rate, _ = measured_rate(A, wrong_eta(lmin, lmax), seed=0)
    assert rate > 9 / 11 + 1e-3


def test_contraction_rate_of_a_known_sequence_and_its_bad_inputs():
    assert contraction_rate([8.0, 2.0, 2.0, 1.0]) == pytest.approx(0.5)  # not equal ratios: the mean is 0.5
    assert contraction_rate([1.0, 3.0]) == pytest.approx(3.0)
    with pytest.raises(ValueError, match=r"^errors must hold at least 2 distances"):
        contraction_rate([1.0])
    with pytest.raises(ValueError, match=r"^errors must hold positive finite numbers, got 0.0 at index 1"):
        contraction_rate([1.0, 0.0])
    with pytest.raises(TypeError, match=r"^errors must be a 1-D array of numbers"):
        contraction_rate("1 2")
