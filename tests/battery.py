"""A battery of bad inputs a learner could plausibly pass to gdlib's public API.

Each entry is ``(id, call, expected exception type, regex the message must match)``;
the regex names the argument (and where it helps, the value). ``tests/test_bad_inputs.py``
runs it; ``scripts/measure_battery.py`` runs it against any checkout of gdlib and
counts clear errors, unclear errors, silent results and hangs.

Only public names are used here, so that the same battery measures older versions too.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from matplotlib.figure import Figure

from gdlib import GD, AdaDelta, AdaGrad, Adam, Momentum, Nesterov, RMSProp, descend
from gdlib import functions as F
from gdlib import plot
from gdlib.calculus import classify, gradient, hessian, taylor, taylor_nd
from gdlib.datasets import heights_weights
from gdlib.models import LinearRegression, SigmoidNeuron, minibatches, sigmoid
from gdlib.scaling import condition_number, line_in_original_units, mse_hessian, standardise
from gdlib.schedules import Constant, Exponential, InverseTime, Step
from gdlib.selfcheck import check
from gdlib.widgets import Param, interactive, shown_panel_px

x, y, z, h, k = sp.symbols("x y z h k", real=True)
px, py = sp.symbols("x y")  # plain symbols: they look like the book's real x and y but are others
nan, inf = float("nan"), float("inf")
T, V = TypeError, ValueError

BATTERY: list[tuple[str, object, type, str]] = []


def add(name: str, call, exc: type, pattern: str) -> None:
    BATTERY.append((name, call, exc, pattern))


def rng():
    return np.random.default_rng(0)


def ax2d():
    return Figure().add_subplot()


def line(ax, a, b=0.0):
    ax.plot([0, 1], [b, a + b])


def run():
    return descend(F.bowl, [1.0, 1.0], GD(eta=0.1), steps=3)


def batch():
    return descend(F.bowl, [1.0, 1.0], GD(eta=np.array([0.1, 0.2])), steps=3)


P = Param("a", [0.5, 1.0])
MODEL = LinearRegression([1.0, 2.0, 3.0], [2.0, 4.0, 6.0])
NEURON = SigmoidNeuron([0.5, 2.5], [0.2, 0.9])


def d(**kwargs):
    """descend(bowl, [1, 1], GD(0.1), steps=10) with some arguments replaced."""
    args = dict(grad=F.bowl, x0=[1.0, 1.0], optimizer=GD(eta=0.1), steps=10) | kwargs
    return lambda: descend(**args)


# --- descend ------------------------------------------------------------------------------
add("descend grad=3", d(grad=3), T, r"^grad must be a function")
add("descend grad=sympy expr", d(grad=x**2 + y**2), T, r"^grad must be a function")
add("descend grad=str", d(grad="bowl"), T, r"^grad must be a function")
add("descend grad=None", d(grad=None), T, r"^grad must be a function")
add("descend x0 complex list", d(x0=[1 + 2j, 0.0]), T, r"^x0 must be real, got complex value \(1\+2j\) at index 0")
add("descend x0 complex array", d(x0=np.array([1.0, 2j])), T, r"^x0 must be real, got complex value 2j at index 1")
add("descend x0 complex with zero imag", d(x0=np.array([1.0 + 0j, 2.0])), T, r"^x0 must be real")
add("descend x0 complex scalar", d(grad=F.square, x0=1j), T, r"^x0 must be real")
add("descend x0 complex batch", d(x0=[[1.0, 1.0], [1j, 0.0]]), T, r"^x0 must be real.*\(1, 0\)")
add("descend x0 str", d(x0="origin"), T, r"^x0 must be an array of real numbers")
add("descend x0 list with str", d(x0=[1.0, "a"]), T, r"^x0 must be an array of real numbers")
add("descend x0 ragged", d(x0=[[1.0, 2.0], [3.0]]), T, r"^x0 must be an array of real numbers")
add("descend x0 empty", d(x0=[]), V, r"^x0 must have shape")
add("descend x0 bools", d(x0=[True, False]), T, r"^x0 must be an array of real numbers.*boolean")
add("descend x0 None", d(x0=None), T, r"^x0 must be an array of real numbers")
add("descend x0 dict", d(x0={"x": 1.0, "y": 2.0}), T, r"^x0 must be an array of real numbers")
add("descend x0 sympy symbol", d(x0=[x, y]), T, r"^x0 must be an array of real numbers")
add("descend x0 nan", d(x0=[nan, 1.0]), V, r"^x0 must be finite")
add("descend x0 inf", d(x0=[1.0, -inf]), V, r"^x0 must be finite")
add("descend x0 3-D", d(x0=np.ones((1, 1, 2))), V, r"^x0 must have shape \(n,\) or \(batch, n\)")
add("descend x0 wrong length for a Function", d(x0=[1.0, 2.0, 3.0]), V, r"^x0 has 3 coordinates, but bowl is a function of 2")
add("descend x0 wrong length batch", d(x0=np.ones((4, 3))), V, r"^x0 has 3 coordinates, but bowl")
add("descend optimizer str", d(optimizer="adam"), T, r"^optimizer must be a gdlib optimizer")
add("descend optimizer class", d(optimizer=GD), T, r"^optimizer must be a gdlib optimizer.*class GD")
add("descend optimizer None", d(optimizer=None), T, r"^optimizer must be a gdlib optimizer")
add("descend optimizer float", d(optimizer=0.1), T, r"^optimizer must be a gdlib optimizer")
add("descend steps negative", d(steps=-1), V, r"^steps must be a whole number >= 0, got -1")
add("descend steps float", d(steps=2.5), T, r"^steps must be a whole number >= 0, got 2.5")
add("descend steps str", d(steps="10"), T, r"^steps must be a whole number")
add("descend steps bool", d(steps=True), T, r"^steps must be a whole number")
add("descend steps None", d(steps=None), T, r"^steps must be a whole number")
add("descend steps 1e9", d(steps=10**9), V, r"^steps x runs = 1,000,000,000 x 1 .* exceeds descend's budget")
add("descend steps float 1e3", d(steps=1e3), T, r"^steps must be a whole number")
add("descend steps 1e9 batch", d(optimizer=GD(eta=np.full(10, 0.1)), steps=10**9), V,
    r"^steps x runs = 1,000,000,000 x 10 .*budget")
add("descend steps 1e6 x 1000 runs", d(optimizer=GD(eta=np.full(1000, 0.1)), steps=10**6), V, r"budget of 250 MB")
add("descend tol 0", d(tol=0.0), V, r"^tol must be in \(0, inf\), got 0.0")
add("descend tol negative", d(tol=-1e-6), V, r"^tol must be in \(0, inf\)")
add("descend tol list", d(tol=[1e-6]), T, r"^tol must be one real number")
add("descend tol array", d(tol=np.array([1e-6, 1e-3])), T, r"^tol must be one real number")
add("descend tol str", d(tol="1e-6"), T, r"^tol must be a real number")
add("descend tol nan", d(tol=nan), V, r"^tol must be finite")
add("descend tol complex", d(tol=1e-6j), T, r"^tol must be a real number, got complex")
add("descend blowup 0", d(blowup=0.0), V, r"^blowup must be in \(0, inf\)")
add("descend blowup inf", d(blowup=inf), V, r"^blowup must be finite")
add("descend blowup str", d(blowup="big"), T, r"^blowup must be a real number")
add("descend f not callable", d(grad=F.bowl.grad, f=3), T, r"^f must be a function")
add("descend grad gives complex", d(grad=lambda v: v * 1j), T, r"^grad\(x0\) must be real, got complex value")
add("descend grad gives wrong length", d(grad=lambda v: np.zeros(3)), V, r"^grad returned an array of shape \(3,\)")
add("descend grad gives scalar", d(grad=lambda v: 1.0), V, r"^grad returned an array of shape \(\)")
add("descend grad gives str", d(grad=lambda v: "down"), T, r"^grad\(x0\) must be an array of real numbers")
add("descend grad gives None", d(grad=lambda v: None), T, r"^grad\(x0\) must be an array of real numbers")
add("descend grad gives list of complex", d(grad=lambda v: [1j, 0]), T, r"^grad\(x0\) must be real")
add("descend grad gives wrong batch shape", d(x0=np.ones((3, 2)), grad=lambda v: np.zeros(2)), V,
    r"^grad returned an array of shape \(2,\)")
add("descend x0 batch vs hyper batch", d(x0=np.ones((3, 2)), optimizer=GD(eta=[0.1, 0.2])), V,
    r"^x0 has 3 starting points but the optimizer's hyper-parameters describe 2 runs")
add("descend hyper arrays of different lengths", d(optimizer=Momentum(eta=[0.1, 0.2], mu=[0.1, 0.2, 0.3])), V,
    r"different lengths \[2, 3\]")
add("descend schedule goes negative later", d(optimizer=GD(eta=lambda t: 0.1 - 0.02 * t)), V,
    r"^eta\(5\) must be in \(0, inf\)")
add("descend schedule returns str later", d(optimizer=GD(eta=lambda t: 0.1 if t < 3 else "slow")), T,
    r"^eta\(3\) must be a real number")
add("descend schedule returns complex", d(optimizer=GD(eta=lambda t: 0.1 if t < 2 else 0.1j)), T,
    r"^eta\(2\) must be a real number, got complex")
add("descend schedule returns nan later", d(optimizer=GD(eta=lambda t: 0.1 if t < 4 else nan)), V,
    r"^eta\(4\) must be finite")
add("descend f is the gradient", d(grad=F.bowl.grad, f=F.bowl.grad), V,
    r"^f must return one value per point \(x -> value\): shape \(11,\) for points of shape \(11, 2\), "
    r"got shape \(11, 2\): is it the gradient\?")
add("descend f is the gradient, batch", d(grad=F.bowl.grad, x0=np.ones((3, 2)), f=F.bowl.grad), V,
    r"^f must return one value per point.*got shape \(11, 3, 2\): is it the gradient")
add("descend Function with f its gradient", d(f=F.bowl.grad), V, r"^f must return one value per point.*is it the gradient")
add("descend f written for one point", d(grad=F.bowl.grad, f=lambda v: v[0] ** 2 + v[1] ** 2), V,
    r"^f must return one value per point.*got shape \(2,\): write f for points of shape \(\.\.\., n\), with x\[\.\.\., 0\]")
add("descend f gives complex", d(grad=F.bowl.grad, f=lambda v: F.bowl.value(v) * 1j), T, r"^f\(x\) must be real, got complex")
add("descend f gives str", d(grad=F.bowl.grad, f=lambda v: "low"), T, r"^f\(x\) must be real numbers")
add("descend grad is the class LinearRegression", d(grad=LinearRegression), T,
    r"^grad must be a function x -> gradient, got the class LinearRegression: instantiate it first, e\.g\. LinearRegression\(x, y\)")
add("descend grad is the class SigmoidNeuron", d(grad=SigmoidNeuron), T, r"^grad must be a function.*got the class SigmoidNeuron: instantiate it")
add("descend f is a class", d(grad=F.bowl.grad, f=LinearRegression), T, r"^f must be a function x -> value, got the class LinearRegression")
add("result index out of range", lambda: batch()[5], V, r"^i must be a whole number from -2 to 1, got 5")
add("result index str", lambda: batch()["0"], T, r"^i must be a whole number")
add("result index float", lambda: batch()[1.0], T, r"^i must be a whole number")
add("result single run indexed", lambda: run()[0], T, r"^a single run cannot be indexed; it is already one run$")

# --- optimizers -----------------------------------------------------------------------------
for cls in (GD, Momentum, Nesterov, AdaGrad, RMSProp, AdaDelta, Adam):
    n = cls.__name__
    add(f"{n} eta 0", lambda cls=cls: cls(eta=0.0), V, r"^eta must be in \(0, inf\), got 0.0")
    add(f"{n} eta str", lambda cls=cls: cls(eta="0.1"), T, r"^eta must be a real number, got '0.1'")
    add(f"{n} eta complex", lambda cls=cls: cls(eta=0.1 + 0.1j), T, r"^eta must be a real number, got complex")
add("GD eta negative", lambda: GD(eta=-0.1), V, r"^eta must be in \(0, inf\), got -0.1")
add("GD eta nan", lambda: GD(eta=nan), V, r"^eta must be in \(0, inf\), got nan")
add("GD eta inf", lambda: GD(eta=inf), V, r"^eta must be in \(0, inf\), got inf")
add("GD eta bool", lambda: GD(eta=True), T, r"^eta must be a real number, got True")
add("GD eta None", lambda: GD(eta=None), T, r"^eta must be a real number, got None")
add("GD eta list with str", lambda: GD(eta=[0.1, "a"]), T, r"^eta must be a real number or a 1-D array")
add("GD eta list with complex", lambda: GD(eta=[0.1, 0.2j]), T, r"^eta must be real, got complex value 0.2j at index 1")
add("GD eta complex array", lambda: GD(eta=np.array([0.1, 0.2 + 0j])), T, r"^eta must be real")
add("GD eta 2-D", lambda: GD(eta=[[0.1, 0.2]]), V, r"^eta must be a number or a 1-D array of numbers")
add("GD eta empty", lambda: GD(eta=[]), V, r"^eta must be a number or a 1-D array of numbers")
add("GD eta array element negative", lambda: GD(eta=[0.1, -0.2]), V, r"^eta must be in \(0, inf\), got -0.2 \(element 1\)")
add("GD eta sympy symbol", lambda: GD(eta=sp.Symbol("eta")), T, r"^eta must be a real number, got eta")
add("GD eta lambda without t", lambda: GD(eta=lambda: 0.1), T, r"^eta must be a number or a schedule t -> eta_t; calling eta\(1\) failed")
add("GD eta schedule class", lambda: GD(eta=Step), T, r"^eta must be a number or a schedule t -> eta_t, got the class Step")
add("GD eta schedule negative at 1", lambda: GD(eta=lambda t: -1.0), V, r"^eta\(1\) must be in \(0, inf\), got -1.0")
add("GD eta schedule str", lambda: GD(eta=lambda t: "fast"), T, r"^eta\(1\) must be a real number")
add("GD eta schedule array", lambda: GD(eta=lambda t: np.array([0.1, 0.2])), T, r"^eta\(1\) must be one real number")
add("Momentum mu 1", lambda: Momentum(mu=1.0), V, r"^mu must be in \[0, 1\), got 1.0")
add("Momentum mu negative", lambda: Momentum(mu=-0.1), V, r"^mu must be in \[0, 1\), got -0.1")
add("Momentum mu str", lambda: Momentum(mu="0.9"), T, r"^mu must be a real number")
add("Momentum mu element", lambda: Momentum(mu=[0.5, 1.0]), V, r"^mu must be in \[0, 1\), got 1.0 \(element 1\)")
add("Momentum mu complex", lambda: Momentum(mu=0.9j), T, r"^mu must be a real number, got complex")
add("Nesterov mu 1", lambda: Nesterov(mu=1.0), V, r"^mu must be in \[0, 1\)")
add("Nesterov mu nan", lambda: Nesterov(mu=nan), V, r"^mu must be in \[0, 1\), got nan")
add("AdaGrad eps 0", lambda: AdaGrad(eps=0.0), V, r"^eps must be in \(0, inf\), got 0.0")
add("AdaGrad eps negative", lambda: AdaGrad(eps=-1e-8), V, r"^eps must be in \(0, inf\)")
add("AdaGrad eps str", lambda: AdaGrad(eps="tiny"), T, r"^eps must be a real number")
add("RMSProp rho 1", lambda: RMSProp(rho=1.0), V, r"^rho must be in \[0, 1\)")
add("RMSProp rho negative", lambda: RMSProp(rho=-0.5), V, r"^rho must be in \[0, 1\)")
add("RMSProp eps 0", lambda: RMSProp(eps=0), V, r"^eps must be in \(0, inf\)")
add("AdaDelta rho 1", lambda: AdaDelta(rho=1.0), V, r"^rho must be in \[0, 1\)")
add("AdaDelta eps inf", lambda: AdaDelta(eps=inf), V, r"^eps must be in \(0, inf\), got inf")
add("Adam beta1 1", lambda: Adam(beta1=1.0), V, r"^beta1 must be in \[0, 1\), got 1.0")
add("Adam beta2 1", lambda: Adam(beta2=1.0), V, r"^beta2 must be in \[0, 1\), got 1.0")
add("Adam beta2 negative", lambda: Adam(beta2=-0.1), V, r"^beta2 must be in \[0, 1\)")
add("Adam beta1 element", lambda: Adam(beta1=[0.9, 1.5]), V, r"^beta1 must be in \[0, 1\), got 1.5 \(element 1\)")
add("Adam eps 0", lambda: Adam(eps=0.0), V, r"^eps must be in \(0, inf\)")
add("Adam beta1 str", lambda: Adam(beta1="0.9"), T, r"^beta1 must be a real number")
add("Adam beta2 complex", lambda: Adam(beta2=0.999j), T, r"^beta2 must be a real number, got complex")

# update(x, g, state), called by hand as Part III does: every optimizer checks its arguments.
X2 = np.array([1.0, 2.0])
OTHER = {GD: Adam, Momentum: AdaGrad, Nesterov: Adam, AdaGrad: Momentum, RMSProp: AdaDelta, AdaDelta: Adam, Adam: GD}
for cls, other in OTHER.items():
    n = cls.__name__
    add(f"{n}.update g broadcasts", lambda cls=cls: cls().update(X2, np.array([1.0]), cls().init(X2)), V,
        r"^g must have the shape of x, \(2,\), got shape \(1,\)")
    add(f"{n}.update g complex", lambda cls=cls: cls().update(X2, np.array([1j, 0.0]), cls().init(X2)), T,
        r"^g must be real, got complex value 1j at index 0")
    add(f"{n}.update state None", lambda cls=cls: cls().update(X2, X2, None), T,
        rf"^state must be the \w+State that {n}\.init\(x\) or the last {n}\.update returned, got None")
    add(f"{n}.update state of {other.__name__}", lambda cls=cls, other=other: cls().update(X2, X2, other().init(X2)), T,
        rf"^state must be the \w+State that {n}\.init\(x\).*got {type(other().init(X2)).__name__}\(t=0")
add("GD.update g of shape (2, 1)", lambda: GD().update(X2, np.ones((2, 1)), GD().init(X2)), V,
    r"^g must have the shape of x, \(2,\), got shape \(2, 1\)")
add("Adam.update g too long", lambda: Adam().update(X2, np.ones(3), Adam().init(X2)), V,
    r"^g must have the shape of x, \(2,\), got shape \(3,\)")
add("Adam.update g scalar", lambda: Adam().update(X2, 1.0, Adam().init(X2)), V, r"^g must have the shape of x, \(2,\), got shape \(\)")
add("Adam.update g list with str", lambda: Adam().update(X2, [1.0, "a"], Adam().init(X2)), T, r"^g must be an array of real numbers")
add("Adam.update g None", lambda: Adam().update(X2, None, Adam().init(X2)), T, r"^g must be an array of real numbers")
add("Adam.update x complex list", lambda: Adam().update([1.0, 2j], X2, Adam().init(X2)), T, r"^x must be real, got complex value 2j at index 1")
add("Adam.update state for another shape", lambda: Adam().update(X2, X2, Adam().init(np.zeros(3))), V,
    r"^state must be made for x of shape \(2,\), got state\.m of shape \(3,\): start again from Adam\.init\(x\)")
add("Momentum.update state for one coordinate", lambda: Momentum().update(X2, X2, Momentum().init(np.zeros(1))), V,
    r"^state must be made for x of shape \(2,\), got state\.m of shape \(1,\)")
add("AdaDelta.update state a tuple", lambda: AdaDelta().update(X2, X2, (0, X2, X2)), T,
    r"^state must be the AdaDeltaState that AdaDelta\.init\(x\).*got \(0, array")

# --- schedules -------------------------------------------------------------------------------
for cls in (Constant, Step, Exponential, InverseTime):
    n = cls.__name__
    add(f"{n} eta0 0", lambda cls=cls: cls(0.0), V, r"^eta0 must be in \(0, inf\), got 0.0")
    add(f"{n} eta0 str", lambda cls=cls: cls("0.1"), T, r"^eta0 must be a real number")
    add(f"{n} eta0 list", lambda cls=cls: cls([0.1, 0.2]), T, r"^eta0 must be one real number")
    add(f"{n} eta0 complex", lambda cls=cls: cls(0.1j), T, r"^eta0 must be a real number, got complex")
    add(f"{n} called at t=0", lambda cls=cls: cls(0.1)(0), V, r"^t must be a whole number >= 1, got 0")
    add(f"{n} called at t=-1", lambda cls=cls: cls(0.1)(-1), V, r"^t must be a whole number >= 1, got -1")
    add(f"{n} called at t=1.5", lambda cls=cls: cls(0.1)(1.5), T, r"^t must be a whole number >= 1, got 1.5")
add("Step gamma 0", lambda: Step(0.1, gamma=0.0), V, r"^gamma must be in \(0, 1\], got 0.0")
add("Step gamma 1.5", lambda: Step(0.1, gamma=1.5), V, r"^gamma must be in \(0, 1\], got 1.5")
add("Step every 0", lambda: Step(0.1, every=0), V, r"^every must be a whole number >= 1, got 0")
add("Step every float", lambda: Step(0.1, every=2.5), T, r"^every must be a whole number >= 1, got 2.5")
add("Exponential gamma 0", lambda: Exponential(0.1, gamma=0.0), V, r"^gamma must be in \(0, 1\]")
add("Exponential gamma 2", lambda: Exponential(0.1, gamma=2.0), V, r"^gamma must be in \(0, 1\]")
add("InverseTime k negative", lambda: InverseTime(0.1, k=-1.0), V, r"^k must be in \[0, inf\), got -1.0")
add("InverseTime k str", lambda: InverseTime(0.1, k="fast"), T, r"^k must be a real number")
add("InverseTime(1, 1)(0)", lambda: InverseTime(1.0, 1.0)(0), V, r"^t must be a whole number >= 1, got 0")

# --- calculus ----------------------------------------------------------------------------------
f2 = x**2 + x * y + y**2
for fn in (gradient, hessian):
    n = fn.__name__
    add(f"{n} expr str", lambda fn=fn: fn("x**2 + y**2", (x, y)), T, r"^expr must be a SymPy expression, not the string")
    add(f"{n} expr lambda", lambda fn=fn: fn(lambda v: v**2, (x,)), T, r"^expr must be a SymPy expression, got the function")
    add(f"{n} expr matrix", lambda fn=fn: fn(sp.Matrix([x, y]), (x, y)), T, r"^expr must be one SymPy expression, got a 2x1 matrix")
    add(f"{n} expr None", lambda fn=fn: fn(None, (x, y)), T, r"^expr must be a SymPy expression")
    add(f"{n} symbols bare Symbol", lambda fn=fn: fn(f2, x), T, r"^symbols must be a sequence of symbols such as \(x, y\), got the single symbol x")
    add(f"{n} symbols str", lambda fn=fn: fn(f2, "x y"), T, r"^symbols must be a sequence of SymPy symbols")
    add(f"{n} symbols with a number", lambda fn=fn: fn(f2, (x, 1)), T, r"^symbols must hold SymPy symbols, got 1 at index 1")
    add(f"{n} symbols empty", lambda fn=fn: fn(f2, ()), V, r"^symbols must hold at least one symbol")
    add(f"{n} symbols repeated", lambda fn=fn: fn(f2, (x, x)), V, r"^symbols must not repeat a symbol")
    add(f"{n} plain symbols vs real", lambda fn=fn: fn(px**2 + py**2, (x, y)), V, r"^expr uses symbols that only look like those in symbols: x \(no assumptions\)")
    add(f"{n} expr in other symbols", lambda fn=fn: fn(z**2 + h, (x, y)), V, r"^expr uses symbols \{h, z\} that are not in symbols \(x, y\)")
add("taylor order 1e5", lambda: taylor(sp.exp(x), x, 0, 10**5), V, r"^order must be a whole number from 0 to 60, got 100000")
add("taylor order negative", lambda: taylor(sp.exp(x), x, 0, -1), V, r"^order must be a whole number >= 0, got -1")
add("taylor order float", lambda: taylor(sp.exp(x), x, 0, 2.5), T, r"^order must be a whole number")
add("taylor symbol tuple", lambda: taylor(sp.exp(x), (x,), 0, 2), T, r"^symbol must be one SymPy symbol such as x")
add("taylor symbol str", lambda: taylor(sp.exp(x), "x", 0, 2), T, r"^symbol must be one SymPy symbol")
add("taylor expr str", lambda: taylor("exp(x)", x, 0, 2), T, r"^expr must be a SymPy expression, not the string")
add("taylor expr in other symbol", lambda: taylor(sp.exp(y), x, 0, 2), V, r"^expr uses symbols \{y\} that are not in symbol \(x\)")
add("taylor plain symbol", lambda: taylor(sp.exp(px), x, 0, 2), V, r"^expr uses symbols that only look like those in symbol")
add("taylor at str", lambda: taylor(sp.exp(x), x, "0", 2), T, r"^at must be a SymPy expression, not the string")
add("taylor at complex", lambda: taylor(sp.exp(x), x, 1j, 2), T, r"^at must be real, got 1j")
add("taylor at infinite", lambda: taylor(sp.exp(x), x, sp.oo, 2), V, r"^at must be finite")
add("taylor at list", lambda: taylor(sp.exp(x), x, [0], 2), T, r"^at must be a SymPy expression")
add("taylor step is the symbol", lambda: taylor(sp.exp(x), x, 0, 2, step=x), V, r"^step must not contain x \(it is the step away from at\), got x")
add("taylor step contains the symbol", lambda: taylor(sp.exp(x), x, 0, 2, step=2 * x), V, r"^step must not contain x")
add("taylor step str", lambda: taylor(sp.exp(x), x, 0, 2, step="h"), T, r"^step must be a SymPy expression, not the string")
add("taylor step complex", lambda: taylor(sp.exp(x), x, 0, 2, step=1j), T, r"^step must be real")
add("taylor_nd at too short", lambda: taylor_nd(f2, (x, y), (0,), 2), V, r"^at must hold one value per symbol \(2\), got 1")
add("taylor_nd at scalar", lambda: taylor_nd(f2, (x, y), 0, 2), T, r"^at must be a sequence of 2 numbers")
add("taylor_nd at complex", lambda: taylor_nd(f2, (x, y), (0, 1j), 2), T, r"^at\[1\] must be real")
add("taylor_nd at str", lambda: taylor_nd(f2, (x, y), "00", 2), T, r"^at must be a sequence of 2 numbers")
add("taylor_nd order 1e4", lambda: taylor_nd(sp.exp(x + y), (x, y), (0, 0), 10**4), V, r"^order must be a whole number from 0 to 60")
add("taylor_nd order float", lambda: taylor_nd(f2, (x, y), (0, 0), 2.0), T, r"^order must be a whole number")
add("taylor_nd steps too few", lambda: taylor_nd(f2, (x, y), (0, 0), 2, steps=(h,)), V, r"^steps must hold one symbol per symbol \(2\), got 1")
add("taylor_nd steps are the symbols", lambda: taylor_nd(f2, (x, y), (0, 0), 2, steps=(x, y)), V, r"^steps must be symbols other than symbols")
add("taylor_nd steps str", lambda: taylor_nd(f2, (x, y), (0, 0), 2, steps="hk"), T, r"^steps must be a sequence of SymPy symbols")
add("taylor_nd symbols bare", lambda: taylor_nd(f2, x, (0,), 2), T, r"^symbols must be a sequence of symbols")
add("taylor_nd plain symbols", lambda: taylor_nd(sp.exp(px + py), (x, y), (0, 0), 2), V, r"^expr uses symbols that only look like")
add("classify nan", lambda: classify(np.array([[nan, 0.0], [0.0, 1.0]])), V, r"^H must be finite")
add("classify inf", lambda: classify(np.array([[-inf, 0.0], [0.0, -1.0]])), V, r"^H must be finite")
add("classify empty", lambda: classify(np.zeros((0, 0))), V, r"^H must be a non-empty square matrix, got shape \(0, 0\)")
add("classify sympy empty", lambda: classify(sp.zeros(0, 0)), V, r"^H must be a non-empty square matrix")
add("classify 1-D", lambda: classify(np.array([1.0, 2.0])), V, r"^H must be a non-empty square matrix, got shape \(2,\)")
add("classify non-square", lambda: classify(np.ones((2, 3))), V, r"^H must be a non-empty square matrix, got shape \(2, 3\)")
add("classify scalar", lambda: classify(2.0), V, r"^H must be a non-empty square matrix, got shape \(\)")
add("classify sympy non-symmetric", lambda: classify(sp.Matrix([[1, 2], [0, 1]])), V, r"^H must be symmetric \(a Hessian is\), got H\[0, 1\] = 2 but H\[1, 0\] = 0")
add("classify numpy non-symmetric", lambda: classify(np.array([[1.0, 2.0], [0.0, 1.0]])), V, r"^H must be symmetric \(a Hessian is\), got H\[0, 1\] = 2 but H\[1, 0\] = 0")
add("classify sympy nan", lambda: classify(sp.Matrix([[sp.nan, 0], [0, 1]])), V, r"^H must be finite")
add("classify sympy with symbols", lambda: classify(sp.Matrix([[x, 0], [0, 1]])), V, r"^H must be a matrix of numbers, got entries in \['x'\]")
add("classify str", lambda: classify("minimum"), T, r"^H must be a square matrix of real numbers")
add("classify complex", lambda: classify([[1.0, 0.0], [0.0, 1j]]), T, r"^H must be real, got complex value 1j at index \(1, 1\)")
add("classify sympy complex", lambda: classify(sp.Matrix([[1, 0], [0, sp.I]])), T, r"^H must be real")
add("classify bools", lambda: classify(np.eye(2, dtype=bool)), T, r"^H must be a square matrix of real numbers")
add("classify list of str", lambda: classify([["1", "0"], ["0", "1"]]), T, r"^H must be a square matrix of real numbers")
add("classify tol list", lambda: classify(np.eye(2), tol=[1e-12]), T, r"^tol must be one real number")
add("classify tol negative", lambda: classify(np.eye(2), tol=-1.0), V, r"^tol must be in \(0, inf\)")
add("classify tol str", lambda: classify(np.eye(2), tol="small"), T, r"^tol must be a real number")
add("classify tol nan", lambda: classify(np.eye(2), tol=nan), V, r"^tol must be finite")

# --- functions -------------------------------------------------------------------------------
add("Function expr str", lambda: F.Function("f", "x**2", (x,)), T, r"^expr must be a SymPy expression, not the string")
add("Function expr lambda", lambda: F.Function("f", lambda v: v**2, (x,)), T, r"^expr must be a SymPy expression, got the function")
add("Function symbols bare", lambda: F.Function("f", x**2, x), T, r"^symbols must be a sequence of symbols.*single symbol x")
add("Function expr with a parameter", lambda: F.Function("f", x**2 + z, (x,)), V, r"^expr uses symbols \{z\} that are not in symbols \(x\)")
add("Function plain symbols", lambda: F.Function("f", px**2 + py**2, (x, y)), V, r"^expr uses symbols that only look like")
add("Function expr matrix", lambda: F.Function("f", sp.Matrix([x]), (x,)), T, r"^expr must be one SymPy expression")
add("Function name not str", lambda: F.Function(3, x**2, (x,)), T, r"^name must be a string, got 3")
add("Function minimum wrong length", lambda: F.Function("f", x**2, (x,), minimum=(0.0, 1.0)), V, r"^minimum must have shape \(k, 1\)")
add("Function minimum complex", lambda: F.Function("f", x**2, (x,), minimum=(1j,)), T, r"^minimum must be real")
add("Function stationary_points tuples", lambda: F.Function("f", x**2, (x,), stationary_points=((0.0,),)), T, r"^stationary_points must hold StationaryPoint")
add("Function expr complex", lambda: F.Function("f", x**2 + sp.I * x, (x,)), T,
    r"^expr must be real for real x, got x\*\*2 \+ I\*x, whose imaginary part is x$")
add("Function expr complex in two variables", lambda: F.Function("f", x * y + sp.sqrt(-2) * y, (x, y)), T,
    r"^expr must be real for real x, y, got .*whose imaginary part is sqrt\(2\)\*y")
add("Function expr complex constant power", lambda: F.Function("f", (-1) ** sp.Rational(1, 3) * x, (x,)), T,
    r"^expr must be real for real x, got \(-1\)\*\*\(1/3\)\*x")
add("Function expr complex log", lambda: F.Function("f", sp.log(-2) * x**2, (x,)), T, r"^expr must be real for real x")
add("Function symbols repeated", lambda: F.Function("f", x**2, (x, x)), V, r"^symbols must not repeat")
for what in ("value", "grad", "hessian"):
    add(f"bowl.{what} complex", lambda what=what: getattr(F.bowl, what)([1 + 1j, 0.0]), T, r"^point must be real, got complex value \(1\+1j\) at index 0")
    add(f"bowl.{what} str", lambda what=what: getattr(F.bowl, what)("1, 2"), T, r"^point must be an array of real numbers")
    add(f"bowl.{what} wrong length", lambda what=what: getattr(F.bowl, what)([1.0, 2.0, 3.0]), V, r"^point must have shape \(\.\.\., 2\), got shape \(3,\)")
    add(f"bowl.{what} None", lambda what=what: getattr(F.bowl, what)(None), T, r"^point must be an array of real numbers")
add("bowl.grad complex array", lambda: F.bowl.grad(np.array([1.0, 1j])), T, r"^point must be real")
add("bowl.grad grid of wrong last axis", lambda: F.bowl.grad(np.zeros((3, 3))), V, r"^point must have shape \(\.\.\., 2\), got shape \(3, 3\)")
add("square.value scalar", lambda: F.square.value(3.0), V, r"^point must have shape \(\.\.\., 1\), got shape \(\)")
add("bowl.grad bools", lambda: F.bowl.grad([True, False]), T, r"^point must be an array of real numbers")
add("bowl(sympy symbols)", lambda: F.bowl([x, y]), T, r"^point must be an array of real numbers")

# --- models ----------------------------------------------------------------------------------
add("LinearRegression x complex", lambda: LinearRegression([1.0, 2j], [1.0, 2.0]), T, r"^x must be real, got complex value 2j at index 1")
add("LinearRegression y complex", lambda: LinearRegression([1.0, 2.0], [1.0, 2 + 1j]), T, r"^y must be real")
add("LinearRegression x str", lambda: LinearRegression("abc", [1.0, 2.0, 3.0]), T, r"^x must be a 1-D array of real numbers")
add("LinearRegression y with str", lambda: LinearRegression([1.0, 2.0], [1.0, "a"]), T, r"^y must be a 1-D array of real numbers")
add("LinearRegression y None", lambda: LinearRegression([1.0, 2.0], None), T, r"^y must be a 1-D array of real numbers")
add("LinearRegression lengths", lambda: LinearRegression([1.0, 2.0], [1.0]), V, r"^x and y must have the same length, got 2 and 1")
add("LinearRegression empty", lambda: LinearRegression([], []), V, r"^x must be a non-empty 1-D array")
add("LinearRegression 2-D", lambda: LinearRegression([[1.0]], [1.0]), V, r"^x must be a non-empty 1-D array, got shape \(1, 1\)")
add("LinearRegression nan", lambda: LinearRegression([1.0, nan], [1.0, 2.0]), V, r"^x must be finite")
add("LinearRegression y inf", lambda: LinearRegression([1.0, 2.0], [1.0, inf]), V, r"^y must be finite")
add("LinearRegression x bools", lambda: LinearRegression([True, False], [1.0, 2.0]), T, r"^x must be a 1-D array of real numbers")
add("LinearRegression.grad theta too long", lambda: MODEL.grad(np.array([1.0, 2.0, 3.0])), V, r"^theta must have shape \(\.\.\., 2\).*got shape \(3,\)")
add("LinearRegression.grad theta too short", lambda: MODEL.grad([1.0]), V, r"^theta must have shape \(\.\.\., 2\)")
add("LinearRegression.grad theta complex", lambda: MODEL.grad([1j, 0.0]), T, r"^theta must be real")
add("LinearRegression.cost theta str", lambda: MODEL.cost("ab"), T, r"^theta must be an array of real numbers")
add("LinearRegression.cost theta scalar", lambda: MODEL.cost(1.0), V, r"^theta must have shape \(\.\.\., 2\)")
add("LinearRegression.predict x complex", lambda: MODEL.predict([1.0, 2.0], x=[1j]), T, r"^x must be real")
add("LinearRegression.predict theta long", lambda: MODEL.predict([1.0, 2.0, 3.0]), V, r"^theta must have shape")
add("LinearRegression.batch_grad idx out of range", lambda: MODEL.batch_grad(np.array([1.0, 2.0]), np.array([100])), V, r"^idx must be a slice or a non-empty 1-D array of sample indices from 0 to 2")
add("LinearRegression.batch_grad idx floats", lambda: MODEL.batch_grad(np.array([1.0, 2.0]), np.array([0.5])), V, r"^idx must be a slice")
add("LinearRegression.batch_grad idx empty", lambda: MODEL.batch_grad(np.array([1.0, 2.0]), np.array([], dtype=int)), V, r"^idx must be a slice")
add("LinearRegression.sample_losses idx negative", lambda: MODEL.sample_losses(np.array([1.0, 2.0]), np.array([-1])), V, r"^idx must be a slice")
add("SigmoidNeuron.grad theta long", lambda: NEURON.grad(np.array([1.0, 2.0, 3.0])), V, r"^theta must have shape \(\.\.\., 2\)")
add("SigmoidNeuron.loss theta complex", lambda: NEURON.loss([1j, 1.0]), T, r"^theta must be real")
add("SigmoidNeuron.predict x str", lambda: NEURON.predict([1.0, 1.0], x="a"), T, r"^x must be an array of real numbers")
add("SigmoidNeuron.batch_grad idx out of range", lambda: NEURON.batch_grad(np.array([1.0, 2.0]), np.array([2])), V, r"^idx must be a slice or a non-empty 1-D array of sample indices from 0 to 1")
add("exact_fit target 0 and 1", lambda: SigmoidNeuron([0.5, 2.5], [0.0, 1.0]).exact_fit(), V, r"^exact_fit needs targets y strictly between 0 and 1.*got y = \[0.0, 1.0\]")
add("exact_fit target above 1", lambda: SigmoidNeuron([0.5, 2.5], [0.2, 1.5]).exact_fit(), V, r"^exact_fit needs targets y strictly between 0 and 1")
add("exact_fit same x", lambda: SigmoidNeuron([1.0, 1.0], [0.2, 0.9]).exact_fit(), V, r"^exact_fit needs two different inputs x, got x = \[1.0, 1.0\]")
add("exact_fit three samples", lambda: SigmoidNeuron([1.0, 2.0, 3.0], [0.1, 0.2, 0.3]).exact_fit(), V, r"^exact_fit needs exactly 2 samples, got 3")
add("minibatches n negative", lambda: minibatches(-3, 1, rng()), V, r"^n must be a whole number >= 1, got -3")
add("minibatches n 0", lambda: minibatches(0, None, rng()), V, r"^n must be a whole number >= 1, got 0")
add("minibatches n float", lambda: minibatches(2.5, 1, rng()), T, r"^n must be a whole number >= 1, got 2.5")
add("minibatches batch_size 0", lambda: minibatches(10, 0, rng()), V, r"^batch_size must be None or a whole number from 1 to 10, got 0")
add("minibatches batch_size too big", lambda: minibatches(10, 11, rng()), V, r"^batch_size must be None or a whole number from 1 to 10, got 11")
add("minibatches batch_size float", lambda: minibatches(10, 2.0, rng()), T, r"^batch_size must be None or a whole number from 1 to 10, got 2.0")
add("minibatches batch_size bool", lambda: minibatches(10, True, rng()), T, r"^batch_size must be None or a whole number")
add("minibatches rng int", lambda: minibatches(10, 2, 42), T, r"^rng must be a numpy.random.Generator such as np.random.default_rng\(0\), got 42")
add("minibatches rng RandomState", lambda: minibatches(10, 2, np.random.RandomState(0)), T, r"^rng must be a numpy.random.Generator")
add("stochastic_grad batch_size 0", lambda: MODEL.stochastic_grad(0, rng()), V, r"^batch_size must be None or a whole number from 1 to 3, got 0")
add("stochastic_grad rng None", lambda: MODEL.stochastic_grad(2, None), T, r"^rng must be a numpy.random.Generator")

# --- datasets and scaling (the linear-regression chapter) -----------------------------------------
add("heights_weights n 1", lambda: heights_weights(1), V, r"^n must be a whole number >= 2, got 1")
add("heights_weights n huge", lambda: heights_weights(10**9), V, r"^n must be a whole number from 2 to 100000, got 1000000000")
add("heights_weights n float", lambda: heights_weights(20.0), T, r"^n must be a whole number >= 2, got 20.0")
add("heights_weights seed negative", lambda: heights_weights(20, seed=-5), V, r"^seed must be a whole number >= 0, got -5")
add("heights_weights seed str", lambda: heights_weights(20, seed="0"), T, r"^seed must be a whole number >= 0, got '0'")
add("standardise constant", lambda: standardise([2.0, 2.0]), V, r"^x must not be constant")
add("standardise one value", lambda: standardise([2.0]), V, r"^x must be a 1-D array of at least 2 numbers, got shape \(1,\)")
add("standardise str", lambda: standardise("abc"), T, r"^x must be a 1-D array of real numbers")
add("standardise inf", lambda: standardise([1.0, inf]), V, r"^x must be finite")
add("standardise complex", lambda: standardise([1.0, 1j]), T, r"^x must be real")
add("mse_hessian 2-D", lambda: mse_hessian([[1.0, 2.0], [3.0, 4.0]]), V, r"^x must be a 1-D array of at least 2 numbers, got shape \(2, 2\)")
add("mse_hessian nan", lambda: mse_hessian([1.0, nan]), V, r"^x must be finite")
add("condition_number not square", lambda: condition_number(np.ones((2, 3))), V, r"^H must be a square matrix, got shape \(2, 3\)")
add("condition_number not symmetric", lambda: condition_number([[1.0, 1.0], [0.0, 1.0]]), V, r"^H must be symmetric")
add("condition_number singular", lambda: condition_number([[1.0, 1.0], [1.0, 1.0]]), V, r"^H must be positive definite")
add("condition_number str", lambda: condition_number("H"), T, r"^H must be a square matrix of real numbers")
add("line_in_original_units theta long", lambda: line_in_original_units([1.0, 2.0, 3.0], 0.0, 1.0), V, r"^theta_z must have shape \(\.\.\., 2\)")
add("line_in_original_units std negative", lambda: line_in_original_units([1.0, 2.0], 0.0, -1.0), V, r"^std must be in \(0, inf\), got -1.0")
add("line_in_original_units mean complex", lambda: line_in_original_units([1.0, 2.0], 1j, 1.0), T, r"^mean must be a real number, got complex value 1j")
add("sigmoid str", lambda: sigmoid("a"), T, r"^z must be an array of real numbers")
add("sigmoid complex", lambda: sigmoid(1j), T, r"^z must be real, got complex value 1j")

# --- plot ------------------------------------------------------------------------------------
add("plot.grid 1-D function", lambda: plot.grid(F.square, (0, 1), (0, 1)), V, r"^fn must be a function of 2 variables, got square of 1")
add("plot.grid not a Function", lambda: plot.grid(lambda v: v, (0, 1), (0, 1)), T, r"^fn must be a gdlib.functions.Function")
add("plot.grid xlim reversed", lambda: plot.grid(F.bowl, (1, 0), (0, 1)), V, r"^xlim must have low < high, got \(1, 0\)")
add("plot.grid xlim three values", lambda: plot.grid(F.bowl, (0, 1, 2), (0, 1)), V, r"^xlim must be a pair \(low, high\) of numbers, got 3 values")
add("plot.grid xlim str", lambda: plot.grid(F.bowl, "ab", (0, 1)), T, r"^xlim must be a pair \(low, high\) of numbers")
add("plot.grid xlim scalar", lambda: plot.grid(F.bowl, 5, (0, 1)), T, r"^xlim must be a pair \(low, high\) of numbers, got 5")
add("plot.grid ylim nan", lambda: plot.grid(F.bowl, (0, 1), (0, nan)), V, r"^ylim\[1\] must be finite")
add("plot.grid ylim complex", lambda: plot.grid(F.bowl, (0, 1), (0, 1j)), T, r"^ylim\[1\] must be a real number, got complex")
add("plot.grid n huge", lambda: plot.grid(F.bowl, (0, 1), (0, 1), n=10**5), V, r"^n must be a whole number from 2 to 1001, got 100000")
add("plot.grid n 1", lambda: plot.grid(F.bowl, (0, 1), (0, 1), n=1), V, r"^n must be a whole number >= 2, got 1")
add("plot.grid n float", lambda: plot.grid(F.bowl, (0, 1), (0, 1), n=50.0), T, r"^n must be a whole number")
add("plot.contour 1-D function", lambda: plot.contour(F.square, (0, 1), (0, 1), ax=ax2d()), V, r"^fn must be a function of 2 variables")
add("plot.contour levels 0", lambda: plot.contour(F.bowl, (0, 1), (0, 1), levels=0, ax=ax2d()), V, r"^levels must be a whole number >= 1, got 0")
add("plot.contour levels decreasing", lambda: plot.contour(F.bowl, (0, 1), (0, 1), levels=[3, 2, 1], ax=ax2d()), V, r"^levels must be a number of levels or a non-empty increasing sequence")
add("plot.contour levels str", lambda: plot.contour(F.bowl, (0, 1), (0, 1), levels="many", ax=ax2d()), T, r"^levels must be a number of levels")
add("plot.contour paths list", lambda: plot.contour(F.bowl, (0, 1), (0, 1), paths=[run()], ax=ax2d()), T, r"^paths must be a dict label -> run")
add("plot.contour paths wrong width", lambda: plot.contour(F.bowl, (0, 1), (0, 1), paths={"a": np.zeros((3, 3))}, ax=ax2d()), V, r"^paths\['a'\] must have shape \(k, 2\)")
add("plot.contour paths label not str", lambda: plot.contour(F.bowl, (0, 1), (0, 1), paths={1: run()}, ax=ax2d()), T, r"^a label of paths must be a string, got 1")
add("plot.contour field str", lambda: plot.contour(F.bowl, (0, 1), (0, 1), field="yes", ax=ax2d()), T, r"^field must be True or False, got 'yes'")
add("plot.contour marks 3-D point", lambda: plot.contour(F.bowl, (0, 1), (0, 1), marks=[(0, 0, 0)], ax=ax2d()), V, r"^each point of marks must have shape")
add("plot.contour marks str", lambda: plot.contour(F.bowl, (0, 1), (0, 1), marks="origin", ax=ax2d()), T, r"^marks must be a list of points")
add("plot.contour title not str", lambda: plot.contour(F.bowl, (0, 1), (0, 1), title=3, ax=ax2d()), T, r"^title must be a string or None, got 3")
add("plot.contour ax str", lambda: plot.contour(F.bowl, (0, 1), (0, 1), ax="left"), T, r"^ax must be a matplotlib Axes")
add("plot.contour xlim reversed", lambda: plot.contour(F.bowl, (1, -1), (0, 1), ax=ax2d()), V, r"^xlim must have low < high")
add("plot.path wrong width", lambda: plot.path(ax2d(), np.zeros((3, 3)), label="a"), V, r"^run must have shape \(k, 2\) with k >= 1")
add("plot.path empty", lambda: plot.path(ax2d(), np.zeros((0, 2)), label="a"), V, r"^run must have shape \(k, 2\) with k >= 1")
add("plot.path complex", lambda: plot.path(ax2d(), [[1j, 0.0]], label="a"), T, r"^run must be real")
add("plot.path 1-D", lambda: plot.path(ax2d(), [1.0, 2.0], label="a"), V, r"^run must have shape \(k, 2\)")
add("plot.path label None", lambda: plot.path(ax2d(), run(), label=None), T, r"^label must be a string, got None")
add("plot.path ax str", lambda: plot.path("ax", run(), label="a"), T, r"^ax must be a matplotlib Axes")
add("plot.arrow start 3-D", lambda: plot.arrow(ax2d(), [0, 0, 0], [1, 1]), V, r"^start must have shape")
add("plot.arrow delta complex", lambda: plot.arrow(ax2d(), [0, 0], [1j, 1]), T, r"^delta must be real")
add("plot.arrow delta nan", lambda: plot.arrow(ax2d(), [0, 0], [nan, 1]), V, r"^start and delta must be finite")
add("plot.arrow label not str", lambda: plot.arrow(ax2d(), [0, 0], [1, 1], label=3), T, r"^label must be a string or None, got 3")
add("plot.arrow ax None", lambda: plot.arrow(None, [0, 0], [1, 1]), T, r"^ax must be a matplotlib Axes")
add("plot.surface on a 2-D axes", lambda: plot.surface(F.bowl, (0, 1), (0, 1), ax=ax2d()), V, r"^ax must be a 3-D Axes for a surface")
add("plot.surface 1-D function", lambda: plot.surface(F.square, (0, 1), (0, 1)), V, r"^fn must be a function of 2 variables")
add("plot.surface path wrong width", lambda: plot.surface(F.bowl, (0, 1), (0, 1), path=np.zeros((3, 1))), V, r"^path must have shape \(k, 2\)")
add("plot.surface label None", lambda: plot.surface(F.bowl, (0, 1), (0, 1), label=None), T, r"^label must be a string")
add("plot.curve 2-D function", lambda: plot.curve(F.bowl, (0, 1)), V, r"^fn must be a function of 1 variable, got bowl of 2")
add("plot.curve xlim reversed", lambda: plot.curve(F.square, (1, 0), ax=ax2d()), V, r"^xlim must have low < high")
add("plot.curve path wrong width", lambda: plot.curve(F.square, (0, 1), path=np.zeros((3, 2)), ax=ax2d()), V, r"^path must have shape \(k, 1\)")
add("plot.curve xlim str", lambda: plot.curve(F.square, "0,1", ax=ax2d()), T, r"^xlim must be a pair")
add("plot.loss_curve list", lambda: plot.loss_curve([1.0, 2.0]), T, r"^curves must be a dict label -> values")
add("plot.loss_curve empty", lambda: plot.loss_curve({}), V, r"^curves must hold at least one curve")
add("plot.loss_curve run without values", lambda: plot.loss_curve({"a": descend(F.bowl.grad, [1.0, 1.0], GD(), steps=2)}, ax=ax2d()), V, r"^curves\['a'\] has no values")
add("plot.loss_curve batch", lambda: plot.loss_curve({"a": batch()}, ax=ax2d()), V, r"^curves\['a'\] is a batch of runs")
add("plot.loss_curve 2-D values", lambda: plot.loss_curve({"a": [[1.0, 2.0]]}, ax=ax2d()), V, r"^curves\['a'\] must be a non-empty 1-D array")
add("plot.loss_curve str values", lambda: plot.loss_curve({"a": ["x", "y"]}, ax=ax2d()), T, r"^curves\['a'\] must be a 1-D array of values")
add("plot.loss_curve complex values", lambda: plot.loss_curve({"a": [1.0, 1j]}, ax=ax2d()), T, r"^curves\['a'\] must be real")
add("plot.loss_curve log str", lambda: plot.loss_curve({"a": [1.0, 2.0]}, log="yes", ax=ax2d()), T, r"^log must be True or False")
add("plot.loss_curve label not str", lambda: plot.loss_curve({1: [1.0, 2.0]}, ax=ax2d()), T, r"^a label of curves must be a string")
add("plot.show an Axes", lambda: plot.show(ax2d()), T, r"^fig must be a matplotlib Figure, got .*: pass its figure, ax\.figure")
add("plot.show the axes array", lambda: plot.show(np.array([ax2d(), ax2d()], dtype=object)), T, r"^fig must be a matplotlib Figure.*fig, axes = plt\.subplots")
add("plot.show None", lambda: plot.show(None), T, r"^fig must be a matplotlib Figure, got None")
add("plot.smallest_text shown_px 0", lambda: plot.smallest_text(Figure(), 0), V, r"^shown_px must be in \(0, inf\), got 0")
add("plot.smallest_text shown_px str", lambda: plot.smallest_text(Figure(), "342px"), T, r"^shown_px must be a real number, got '342px'")
add("plot.check_text widths list", lambda: plot.check_text(Figure(), "the figure", [342]), T, r"^widths must be a dict screen -> shown width")
add("plot.check_text widths negative", lambda: plot.check_text(Figure(), "the figure", {"390 px": -342}), V, r"^widths\['390 px'\] must be in \(0, inf\)")
add("plot.check_text where None", lambda: plot.check_text(Figure(), None, {"390 px": 342}), T, r"^where must be a string, got None")

# --- widgets -----------------------------------------------------------------------------------
add("Param one value", lambda: Param("a", [1.0]), V, r"^values of 'a' must hold at least 2 values")
add("Param values int", lambda: Param("a", 5), T, r"^values of 'a' must be a list of values")
add("Param values str", lambda: Param("a", "abc"), T, r"^values of 'a' must be a list of values")
add("Param values set", lambda: Param("a", {1, 2}), T, r"^values of 'a' must be a list of values")
add("Param values generator", lambda: Param("a", (v for v in [1, 2])), T, r"^values of 'a' must be a list of values")
add("Param values dict", lambda: Param("a", {1: "one", 2: "two"}), T, r"^values of 'a' must be a list of values")
add("Param label not str", lambda: Param(3, [1, 2]), T, r"^label must be a string, got 3")
add("Param label empty", lambda: Param("", [1, 2]), V, r"^label must name the slider")
add("Param initial not a value", lambda: Param("a", [1, 2], initial=3), V, r"^initial of 'a' must be one of its values, got 3")
add("Param fmt not str", lambda: Param("a", [1, 2], fmt=3), T, r"^fmt of 'a' must be a string, got 3")
add("Param fmt cannot show a value", lambda: Param("a", [0.5, 1.0], fmt="{:d}"), V, r"^fmt of 'a' \('\{:d\}'\) cannot show the value 0.5")
add("Param fmt wrong field", lambda: Param("a", [1, 2], fmt="{0[0]}"), V, r"^fmt of 'a' .* cannot show the value 1")
add("Param marks list", lambda: Param("a", [1, 2], marks=[1]), T, r"^marks of 'a' must be a dict value -> note")
add("Param marks unknown value", lambda: Param("a", [1, 2], marks={3: "x"}), V, r"^marks of 'a' must name values of it, got 3")
add("Param marks note not str", lambda: Param("a", [1, 2], marks={1: 5}), T, r"^the note of marks of 'a' for 1 must be a string")
add("interactive params empty", lambda: interactive(line, {}), V, r"^params must name one or two parameters, got 0")
add("interactive params three", lambda: interactive(line, {"a": P, "b": P, "c": P}), V, r"^params must name one or two parameters, got 3")
add("interactive params list", lambda: interactive(line, [P]), T, r"^params must be a dict keyword -> Param")
add("interactive params values not Param", lambda: interactive(line, {"a": [0.5, 1.0]}), T, r"^params\['a'\] must be a Param")
add("interactive params key not a name", lambda: interactive(line, {"1a": P}), V, r"^params must be keyed by keyword names of frame, got '1a'")
add("interactive frame str", lambda: interactive("line", {"a": P}), T, r"^frame must be a function")
add("interactive frame lacks the keyword", lambda: interactive(line, {"c": P}), V, r"^frame must take the keyword c named in params")
add("interactive setup not callable", lambda: interactive(line, {"a": P}, setup=3), T, r"^setup must be a function")
add("interactive figsize in pixels", lambda: interactive(line, {"a": P}, figsize=(560, 350)), V, r"^figsize is in inches, got \(560, 350\)")
add("interactive figsize tall pixels", lambda: interactive(line, {"a": P}, figsize=(5.6, 350)), V, r"^figsize is in inches")
add("interactive figsize negative", lambda: interactive(line, {"a": P}, figsize=(5.0, -1.0)), V, r"^figsize\[1\] must be in \(0, inf\)")
add("interactive figsize scalar", lambda: interactive(line, {"a": P}, figsize=5), T, r"^figsize must be \(width, height\) in inches")
add("interactive figsize str", lambda: interactive(line, {"a": P}, figsize="5x3"), T, r"^figsize must be \(width, height\) in inches")
add("interactive ncols 0", lambda: interactive(line, {"a": P}, ncols=0), V, r"^ncols must be a whole number >= 1, got 0")
add("interactive ncols float", lambda: interactive(line, {"a": P}, ncols=1.5), T, r"^ncols must be a whole number")
add("interactive play unknown", lambda: interactive(line, {"a": P}, play="b"), V, r"^play must be one of \['a'\], got 'b'")
add("interactive too many values", lambda: interactive(line, {"a": Param("a", list(range(43)))}), V, r"^a has 43 values; at most 42")
add("interactive frame budget", lambda: interactive(line, {"a": Param("a", list(range(42))), "b": Param("b", list(range(42)))}), V,
    r"^42 x 42 values x 1 panel\(s\) = 1764 pictures exceed the budget of 400")
add("shown_panel_px ncols 0", lambda: shown_panel_px(560, 0, 358), V, r"^ncols must be a whole number >= 1, got 0")
add("shown_panel_px panel_px str", lambda: shown_panel_px("560px", 1, 358), T, r"^panel_px must be a real number")
add("shown_panel_px column_px 0", lambda: shown_panel_px(560, 1, 0), V, r"^column_px must be in \(0, inf\)")
add("interactive panel too wide", lambda: interactive(line, {"a": P}, figsize=(9.0, 4.0)), V, r"^figsize is 9 inches wide for 1 panel")

# --- selfcheck ---------------------------------------------------------------------------------
add("check label not str", lambda: check(3, 1), T, r"^label must be an exercise label")
add("check unknown label", lambda: check("ex-nope", 1), V, r"^label must be one of the exercise labels")
add("check answer str", lambda: check("ex-tour-largest-eta", "0.1"), T, r"^answer must be a number or a sequence of numbers, got '0.1'")
add("check answer complex", lambda: check("ex-tour-largest-eta", 0.1j), V, r"^answer must be real, got 0.1j")
add("check formula as str", lambda: check("ex-tour-derivative-cube", "3*x**2"), T, r"^answer must be a SymPy expression, not the string")
add("check number answer is a formula", lambda: check("ex-tour-largest-eta", x), T, r"^answer must be a number here, got the formula x")
add("check list with str", lambda: check("ex-tour-second-step", [1.0, "a"]), T, r"^answer must be a number or a sequence of numbers")
add("check None", lambda: check("ex-tour-largest-eta", None), T, r"^answer must be a number or a sequence of numbers, got None")
add("check formula lambda", lambda: check("ex-tour-derivative-cube", lambda v: 3 * v**2), T, r"^answer must be a SymPy expression or a number")

assert len({name for name, *_ in BATTERY}) == len(BATTERY), "battery ids must be unique"

# --- numdiff -------------------------------------------------------------------------------------
from gdlib.numdiff import central_difference, check_gradient, forward_difference, numerical_gradient  # noqa: E402

sq = lambda p: float(np.sum(np.asarray(p) ** 2))  # noqa: E731
sq_grad = lambda p: 2 * np.asarray(p)  # noqa: E731
add("forward_difference f=3", lambda: forward_difference(3, 1.0, 1e-3), T, r"^f must be a function")
add("forward_difference f=sympy expr", lambda: forward_difference(x**2, 1.0, 1e-3), T, r"^f must be a function")
add("forward_difference x str", lambda: forward_difference(np.sin, "1.0", 1e-3), T, r"^x must be an array of real numbers")
add("forward_difference x complex", lambda: forward_difference(np.sin, 1j, 1e-3), T, r"^x must be real")
add("forward_difference x nan", lambda: forward_difference(np.sin, nan, 1e-3), V, r"^x must be finite")
add("forward_difference h=0", lambda: forward_difference(np.sin, 1.0, 0.0), V, r"^h must be a positive finite number")
add("forward_difference h negative", lambda: forward_difference(np.sin, 1.0, -1e-3), V, r"^h must be a positive finite number")
add("forward_difference h str", lambda: forward_difference(np.sin, 1.0, "1e-3"), T, r"^h must be a positive finite number")
add("forward_difference h inf", lambda: forward_difference(np.sin, 1.0, inf), V, r"^h must be a positive finite number")
add("forward_difference f returns str", lambda: forward_difference(lambda t: "a", 1.0, 1e-3), T, r"^f must return real numbers")
add("forward_difference f returns complex", lambda: forward_difference(lambda t: t * 1j, 1.0, 1e-3), T, r"^f must return real numbers")
add("forward_difference f returns None", lambda: forward_difference(lambda t: None, 1.0, 1e-3), T, r"^f must return real numbers")
add("central_difference f=None", lambda: central_difference(None, 1.0, 1e-3), T, r"^f must be a function")
add("central_difference x list with str", lambda: central_difference(np.sin, [1.0, "a"], 1e-3), T, r"^x must be an array of real numbers")
add("central_difference x inf", lambda: central_difference(np.sin, [1.0, inf], 1e-3), V, r"^x must be finite")
add("central_difference h nan", lambda: central_difference(np.sin, 1.0, nan), V, r"^h must be a positive finite number")
add("central_difference h complex", lambda: central_difference(np.sin, 1.0, 1e-3j), T, r"^h must be a positive finite number")
add("central_difference f returns complex array", lambda: central_difference(lambda t: np.exp(1j * t), [0.0, 1.0], 1e-3), T, r"^f must return real numbers")
add("numerical_gradient f=str", lambda: numerical_gradient("sq", [1.0, 2.0]), T, r"^f must be a function")
add("numerical_gradient x batch", lambda: numerical_gradient(sq, [[1.0, 2.0], [3.0, 4.0]]), V, r"^x must be one point of shape \(n,\)")
add("numerical_gradient x empty", lambda: numerical_gradient(sq, []), V, r"^x must have shape")
add("numerical_gradient x complex", lambda: numerical_gradient(sq, [1.0, 2j]), T, r"^x must be real")
add("numerical_gradient h=0", lambda: numerical_gradient(sq, [1.0, 2.0], h=0), V, r"^h must be a positive finite number")
add("numerical_gradient f returns vector", lambda: numerical_gradient(sq_grad, [1.0, 2.0]), V, r"^f must return one real number")
add("numerical_gradient f returns None", lambda: numerical_gradient(lambda p: None, [1.0, 2.0]), T, r"^f must return one real number")
add("numerical_gradient f returns complex", lambda: numerical_gradient(lambda p: p[0] * 1j, [1.0, 2.0]), T, r"^f must return one real number")
add("numerical_gradient x huge", lambda: numerical_gradient(sq, np.zeros(10**7)), V, r"^x must have at most")
add("check_gradient grad=str", lambda: check_gradient(sq, "2*x", [1.0, 2.0]), T, r"^grad must be a function")
add("check_gradient grad=sympy expr", lambda: check_gradient(sq, 2 * x, [1.0, 2.0]), T, r"^grad must be a function")
add("check_gradient f=None", lambda: check_gradient(None, sq_grad, [1.0, 2.0]), T, r"^f must be a function")
add("check_gradient grad wrong length", lambda: check_gradient(sq, lambda p: np.array([1.0, 2.0, 3.0]), [1.0, 2.0]), V, r"^grad must return a real array of shape \(2,\)")
add("check_gradient grad returns complex", lambda: check_gradient(sq, lambda p: 2j * p, [1.0, 2.0]), V, r"^grad must return a real array")
add("check_gradient grad returns strings", lambda: check_gradient(sq, lambda p: ["a", "b"], [1.0, 2.0]), V, r"^grad must return a real array")
add("check_gradient grad returns None", lambda: check_gradient(sq, lambda p: None, [1.0, 2.0]), V, r"^grad must return a real array")
add("check_gradient rtol negative", lambda: check_gradient(sq, sq_grad, [1.0, 2.0], rtol=-1e-5), V, r"^rtol must be in")
add("check_gradient rtol nan", lambda: check_gradient(sq, sq_grad, [1.0, 2.0], rtol=nan), V, r"^rtol must be in")
add("check_gradient rtol list", lambda: check_gradient(sq, sq_grad, [1.0, 2.0], rtol=[1e-5, 1e-6]), V, r"^rtol must be one")
add("check_gradient x str", lambda: check_gradient(sq, sq_grad, "1, 2"), T, r"^x must be an array of real numbers")

# --- stationary ----------------------------------------------------------------------------------
from gdlib.stationary import newton_root, stationary_points  # noqa: E402

add("newton_root f=lambda", lambda: newton_root(lambda p: p, [0.3, 0.2]), T, r"^f must be a gdlib.functions.Function")
add("newton_root f=sympy expr", lambda: newton_root(x**2 + y**2, [0.3, 0.2]), T, r"^f must be a gdlib.functions.Function")
add("newton_root x0 wrong length", lambda: newton_root(F.saddle, [0.3, 0.2, 0.1]), V, r"^x0 must have shape \(2,\)")
add("newton_root x0 batch", lambda: newton_root(F.saddle, [[0.3, 0.2]]), V, r"^x0 must have shape \(2,\)")
add("newton_root x0 complex", lambda: newton_root(F.saddle, [0.3, 0.2j]), T, r"^x0 must be real")
add("newton_root x0 nan", lambda: newton_root(F.saddle, [0.3, nan]), V, r"^x0 must be finite")
add("newton_root x0 str", lambda: newton_root(F.saddle, "origin"), T, r"^x0 must be an array of real numbers")
add("newton_root tol negative", lambda: newton_root(F.saddle, [0.3, 0.2], tol=-1e-10), V, r"^tol must be in")
add("newton_root tol list", lambda: newton_root(F.saddle, [0.3, 0.2], tol=[1e-10]), V, r"^tol must be one positive number")
add("newton_root tol str", lambda: newton_root(F.saddle, [0.3, 0.2], tol="1e-10"), T, r"^tol must be a real number")
add("newton_root max_iter negative", lambda: newton_root(F.saddle, [0.3, 0.2], max_iter=-1), V, r"^max_iter must be a whole number")
add("newton_root max_iter float", lambda: newton_root(F.saddle, [0.3, 0.2], max_iter=2.5), T, r"^max_iter must be a whole number")
add("newton_root max_iter huge", lambda: newton_root(F.saddle, [0.3, 0.2], max_iter=10**12), V, r"^max_iter must be a whole number from")
add("stationary_points f=str", lambda: stationary_points("saddle", [[0.3, 0.2]]), T, r"^f must be a gdlib.functions.Function")
add("stationary_points one start, 1-D", lambda: stationary_points(F.saddle, [0.3, 0.2]), V, r"^starts must have shape \(k, 2\)")
add("stationary_points starts wrong n", lambda: stationary_points(F.saddle, [[0.3, 0.2, 0.1]]), V, r"^starts must have shape \(k, 2\)")
add("stationary_points starts complex", lambda: stationary_points(F.saddle, [[0.3, 0.2j]]), T, r"^starts must be real")
add("stationary_points starts nan", lambda: stationary_points(F.saddle, [[0.3, nan]]), V, r"^starts must be finite")
add("stationary_points starts huge", lambda: stationary_points(F.saddle, np.zeros((10**6, 2))), V, r"^starts must hold at most")
add("stationary_points distinct negative", lambda: stationary_points(F.saddle, [[0.3, 0.2]], distinct=-1.0), V, r"^distinct must be in")
add("stationary_points tol nan", lambda: stationary_points(F.saddle, [[0.3, 0.2]], tol=nan), V, r"^tol must be")
add("stationary_points within 1-D", lambda: stationary_points(F.saddle, [[0.3, 0.2]], within=(-2, 2)), V, r"^within must hold one \(low, high\) pair")
add("stationary_points within reversed", lambda: stationary_points(F.saddle, [[0.3, 0.2]], within=((2, -2), (-2, 2))), V, r"^within must hold one \(low, high\) pair")
add("stationary_points within strings", lambda: stationary_points(F.saddle, [[0.3, 0.2]], within=(("a", "b"), ("c", "d"))), V, r"^within must hold one \(low, high\) pair")
add("stationary_points within nan", lambda: stationary_points(F.saddle, [[0.3, 0.2]], within=((nan, 2), (-2, 2))), V, r"^within must hold one \(low, high\) pair")

# --- convergence -------------------------------------------------------------------------------
from gdlib.convergence import MAX_POINTS as LOGLOG_MAX, loglog_slope  # noqa: E402

H = [0.1, 0.05, 0.025]
E = [1e-2, 2.5e-3, 6.25e-4]
add("loglog_slope h str", lambda: loglog_slope("0.1, 0.05", E), T, r"^h must be a 1-D array of numbers")
add("loglog_slope h strings", lambda: loglog_slope(["0.1", "0.05", "0.025"], E), T, r"^h must be a 1-D array of real numbers")
add("loglog_slope h complex", lambda: loglog_slope([0.1j, 0.05, 0.025], E), V, r"^h must be real")
add("loglog_slope h 2-D", lambda: loglog_slope([H, H], [E, E]), V, r"^h must be a 1-D array")
add("loglog_slope h scalar", lambda: loglog_slope(0.1, 1e-2), V, r"^h must be a 1-D array")
add("loglog_slope h zero", lambda: loglog_slope([0.1, 0.0, 0.025], E), V, r"^h must hold positive finite numbers, got 0.0 at index 1")
add("loglog_slope h negative", lambda: loglog_slope([-0.1, 0.05, 0.025], E), V, r"^h must hold positive finite numbers")
add("loglog_slope h nan", lambda: loglog_slope([0.1, nan, 0.025], E), V, r"^h must hold positive finite numbers")
add("loglog_slope h booleans", lambda: loglog_slope([True, False, True], E), T, r"^h must be a 1-D array of real numbers")
add("loglog_slope err inf", lambda: loglog_slope(H, [1e-2, inf, 1e-4]), V, r"^err must hold finite numbers")
add("loglog_slope err zero", lambda: loglog_slope(H, [1e-2, 0.0, 1e-4]), V, r"^err must be nonzero")
add("loglog_slope err wrong length", lambda: loglog_slope(H, E[:2]), V, r"^h and err must have the same length")
add("loglog_slope err None", lambda: loglog_slope(H, None), T, r"^err must be a 1-D array of real numbers")
add("loglog_slope one distinct h", lambda: loglog_slope([0.1, 0.1, 0.1], E), V, r"^h must hold at least 2 distinct")
add("loglog_slope h huge", lambda: loglog_slope(np.ones(LOGLOG_MAX + 1), np.ones(LOGLOG_MAX + 1)), V, r"^h must hold at most")
add("loglog_slope h_range reversed", lambda: loglog_slope(H, E, h_range=(0.1, 0.01)), V, r"^h_range must be two numbers 0 < low < high")
add("loglog_slope h_range scalar", lambda: loglog_slope(H, E, h_range=0.1), V, r"^h_range must be two numbers")
add("loglog_slope h_range str", lambda: loglog_slope(H, E, h_range="0.01-0.1"), V, r"^h_range must be two numbers")
add("loglog_slope h_range holds one", lambda: loglog_slope(H, E, h_range=(0.09, 0.2)), V, r"^h_range \(0.09, 0.2\) must hold at least 2")

# --- chain -------------------------------------------------------------------------------------
from gdlib import chain  # noqa: E402
from gdlib.chain import Composite  # noqa: E402

cu, cx = chain.u, chain.x
CC = Composite(cu**2, cx**2 + 1)
add("Composite outer lambda", lambda: Composite(lambda t: t**2, cx), T, r"^outer must be a SymPy expression in u")
add("Composite outer str", lambda: Composite("u**2", cx), T, r"^outer must be a SymPy expression in u")
add("Composite outer in x", lambda: Composite(cx**2, cx + 1), V, r"^outer must be an expression in u only")
add("Composite inner plain symbol", lambda: Composite(cu**2, px + 1), V, r"^inner must be an expression in x only")
add("Composite inner in u", lambda: Composite(cu**2, cu + 1), V, r"^inner must be an expression in x only")
add("Composite inner number", lambda: Composite(cu**2, 3), T, r"^inner must be a SymPy expression in x")
add("Composite outer complex", lambda: Composite(sp.I * cu, cx), V, r"^outer must be a real, finite expression")
add("Composite inner infinite", lambda: Composite(cu**2, sp.oo * cx), V, r"^inner must be a real, finite expression")
add("Composite outer undefined function", lambda: Composite(sp.Function("f")(cu), cx), V, r"^outer must be an expression built from known functions")
add("Composite.evaluate xs str", lambda: CC.evaluate("0, 1"), V, r"^xs must be a 1-D array of real numbers")
add("Composite.evaluate xs complex", lambda: CC.evaluate([1j, 0.0]), V, r"^xs must be a 1-D array of real numbers")
add("Composite.evaluate xs nan", lambda: CC.evaluate([0.0, nan]), V, r"^xs must be finite")
add("Composite.evaluate xs 2-D", lambda: CC.evaluate([[0.0, 1.0]]), V, r"^xs must be a non-empty 1-D array")
add("Composite.evaluate xs empty", lambda: CC.evaluate([]), V, r"^xs must be a non-empty 1-D array")
add("Composite.evaluate xs scalar", lambda: CC.evaluate(2.0), V, r"^xs must be a non-empty 1-D array")
add("Composite.evaluate xs huge", lambda: CC.evaluate(np.zeros(10**6)), V, r"^xs must hold at most")
add("Composite.evaluate outside domain", lambda: Composite(sp.log(cu), cx).evaluate([-1.0, 1.0]), V, r"composite log\(x\) is not (finite|real)")
add("Composite.evaluate sqrt of negative", lambda: Composite(sp.sqrt(cu), cx - 2).evaluate([0.0]), V, r"composite sqrt\(x - 2\) is not (finite|real)")

# --- quadratic -----------------------------------------------------------------------------------
from gdlib import quadratic as Q  # noqa: E402

add("rotation phi str", lambda: Q.rotation("0.5"), V, r"^phi must be a finite real number")
add("rotation phi nan", lambda: Q.rotation(nan), V, r"^phi must be a finite real number")
add("rotation phi complex", lambda: Q.rotation(0.5j), V, r"^phi must be a finite real number")
add("rotation phi sympy pi", lambda: Q.rotation(sp.pi * x), V, r"^phi must be a finite real number")
add("form_matrix one eigenvalue", lambda: Q.form_matrix([1.0], 0.0), V, r"^eigenvalues must be two finite real numbers")
add("form_matrix eigenvalues str", lambda: Q.form_matrix("12", 0.0), V, r"^eigenvalues must be two finite real numbers")
add("form_matrix eigenvalue nan", lambda: Q.form_matrix([1.0, nan], 0.0), V, r"^eigenvalues must be two finite real numbers")
add("form_matrix eigenvalue complex", lambda: Q.form_matrix([1.0, 2j], 0.0), V, r"^eigenvalues must be two finite real numbers")
add("form_matrix eigenvalues matrix", lambda: Q.form_matrix([[1.0, 0.0], [0.0, 2.0]], 0.0), V, r"^eigenvalues must be two finite real numbers")
add("form_value A not symmetric", lambda: Q.form_value([[1.0, 2.0], [0.0, 1.0]], [1.0, 1.0]), V, r"^A must be symmetric")
add("form_value A 3x3", lambda: Q.form_value(np.eye(3), [1.0, 1.0]), V, r"^A must be a 2 x 2 symmetric matrix")
add("form_value A str", lambda: Q.form_value("eye", [1.0, 1.0]), V, r"^A must be a 2 x 2 symmetric matrix")
add("form_value A complex array", lambda: Q.form_value(np.eye(2) * 1j, [1.0, 1.0]), V, r"^A must be a 2 x 2 symmetric matrix of finite real numbers")
add("form_value A nan", lambda: Q.form_value([[1.0, nan], [nan, 1.0]], [1.0, 1.0]), V, r"^A must be a 2 x 2 symmetric matrix of finite real numbers")
add("form_value v wrong length", lambda: Q.form_value(np.eye(2), [1.0, 1.0, 1.0]), V, r"^v must have shape \(\.\.\., 2\)")
add("form_value v scalar", lambda: Q.form_value(np.eye(2), 1.0), V, r"^v must have shape \(\.\.\., 2\)")
add("form_value v str", lambda: Q.form_value(np.eye(2), "1, 1"), V, r"^v must be an array of real numbers")
add("form_value v complex array", lambda: Q.form_value(np.eye(2), np.array([1.0, 1j])), V, r"^v must be an array of real numbers")
add("form_value v nan", lambda: Q.form_value(np.eye(2), [1.0, nan]), V, r"^v must be an array of (finite )?real numbers")
add("shape tol zero", lambda: Q.shape([1.0, 2.0], tol=0.0), V, r"^tol must be a positive finite number")
add("shape tol negative", lambda: Q.shape([1.0, 2.0], tol=-1.0), V, r"^tol must be a positive finite number")
add("shape eigenvalues None", lambda: Q.shape(None), V, r"^eigenvalues must be two finite real numbers")
add("plot_contours lim negative", lambda: Q.plot_contours(ax2d(), [1.0, 2.0], 0.0, lim=-1.0), V, r"^lim must be a positive finite number")
add("plot_contours n huge", lambda: Q.plot_contours(ax2d(), [1.0, 2.0], 0.0, n=10**6), V, r"^n must be a whole number from 2 to")
add("plot_contours n float", lambda: Q.plot_contours(ax2d(), [1.0, 2.0], 0.0, n=50.5), V, r"^n must be a whole number")
add("plot_contours n=1", lambda: Q.plot_contours(ax2d(), [1.0, 2.0], 0.0, n=1), V, r"^n must be a whole number from 2")
add("plot_contours labels str", lambda: Q.plot_contours(ax2d(), [1.0, 2.0], 0.0, labels="yes"), V, r"^labels must be True or False")
add("plot_contours ax None", lambda: Q.plot_contours(None, [1.0, 2.0], 0.0), T, r"^ax must be a matplotlib Axes")
add("plot_contours phi nan", lambda: Q.plot_contours(ax2d(), [1.0, 2.0], nan), V, r"^phi must be a finite real number")
add("plot_surface 2-D axes", lambda: Q.plot_surface(ax2d(), [1.0, 2.0], 0.0), V, r"^ax must be a 3-D Axes")
add("plot_surface ax str", lambda: Q.plot_surface("3d", [1.0, 2.0], 0.0), T, r"^ax must be a matplotlib Axes")
add("plot_surface n huge", lambda: Q.plot_surface(Figure().add_subplot(projection="3d"), [1.0, 2.0], 0.0, n=10**5), V, r"^n must be a whole number from 2 to")

# --- linear_maps ---------------------------------------------------------------------------------
from gdlib import linear_maps as LM  # noqa: E402

add("eigen A not symmetric", lambda: LM.eigen([[1.0, 2.0], [0.0, 1.0]]), V, r"^A must be symmetric \(A\[i, j\] = A\[j, i\]\), got A\[0, 1\] = 2 and A\[1, 0\] = 0")
add("eigen A 3x3", lambda: LM.eigen(np.eye(3)), V, r"^A must be a 2 x 2 matrix, got shape \(3, 3\)")
add("eigen A vector", lambda: LM.eigen([1.0, 2.0]), V, r"^A must be a 2 x 2 matrix, got shape \(2,\)")
add("eigen A str", lambda: LM.eigen("identity"), T, r"^A must be a 2 x 2 matrix of real numbers, got 'identity'")
add("eigen A nan", lambda: LM.eigen([[1.0, nan], [nan, 1.0]]), V, r"^A must be finite")
add("eigen A complex", lambda: LM.eigen([[1.0, 1j], [-1j, 1.0]]), T, r"^A must be real, got complex value 1j")
add("eigen A sympy", lambda: LM.eigen(sp.Matrix([[x, 0], [0, 1]])), T, r"^A must be a 2 x 2 matrix of real numbers, got value x at index 0")
add("eigen A ragged", lambda: LM.eigen([[1.0, 2.0], [2.0]]), T, r"^A must be a 2 x 2 matrix of real numbers")
add("angle zero u", lambda: LM.angle([0.0, 0.0], [1.0, 0.0]), V, r"^u must not be the zero vector, which has no direction")
add("angle zero v", lambda: LM.angle([1.0, 0.0], [0, 0]), V, r"^v must not be the zero vector")
add("angle u 3 entries", lambda: LM.angle([1.0, 0.0, 0.0], [1.0, 0.0]), V, r"^u must have shape \(2,\), got shape \(3,\)")
add("angle v str", lambda: LM.angle([1.0, 0.0], "1, 0"), T, r"^v must be an array of real numbers, got '1, 0'")
add("angle v nan", lambda: LM.angle([1.0, 0.0], [nan, 1.0]), V, r"^v must be finite")
add("angle u complex", lambda: LM.angle([1.0, 1j], [1.0, 0.0]), T, r"^u must be real, got complex value 1j at index 1")
add("plot_grid ax None", lambda: LM.plot_grid(None), T, r"^ax must be a matplotlib Axes")
add("plot_grid lim zero", lambda: LM.plot_grid(ax2d(), lim=0.0), V, r"^lim must be in \(0, inf\), got 0.0")
add("plot_grid lim list", lambda: LM.plot_grid(ax2d(), lim=[1.0, 2.0]), V, r"^lim must be one positive number")
add("plot_map A not symmetric", lambda: LM.plot_map(ax2d(), [[1.0, 2.0], [3.0, 1.0]]), V, r"^A must be symmetric")
add("plot_map v wrong length", lambda: LM.plot_map(ax2d(), np.eye(2), v=[1.0]), V, r"^v must have shape \(2,\), got shape \(1,\)")
add("plot_map v str", lambda: LM.plot_map(ax2d(), np.eye(2), v="up"), T, r"^v must be an array of real numbers")
add("plot_map lim negative", lambda: LM.plot_map(ax2d(), np.eye(2), lim=-1.0), V, r"^lim must be in \(0, inf\)")
add("plot_map ax 3d", lambda: LM.plot_map("ax", np.eye(2)), T, r"^ax must be a matplotlib Axes")
add("plot_angle zero v", lambda: LM.plot_angle(ax2d(), [1.0, 0.0], [0.0, 0.0]), V, r"^v must not be the zero vector")
add("plot_angle radius zero", lambda: LM.plot_angle(ax2d(), [1.0, 0.0], [0.0, 1.0], radius=0.0), V, r"^radius must be in \(0, inf\)")
add("plot_angle u batch", lambda: LM.plot_angle(ax2d(), [[1.0, 0.0]], [0.0, 1.0]), V, r"^u must have shape \(2,\), got shape \(1, 2\)")

# --- minima --------------------------------------------------------------------------------------
from gdlib.minima import neighbourhood_check  # noqa: E402

add("neighbourhood_check f=lambda", lambda: neighbourhood_check(lambda t: t**2, [0.0], 0.5), T, r"^f must be a gdlib.functions.Function")
add("neighbourhood_check x_star wrong length", lambda: neighbourhood_check(F.three_minima, [0.0, 0.0], 0.5), V, r"^x_star must have shape \(1,\)")
add("neighbourhood_check x_star complex", lambda: neighbourhood_check(F.three_minima, [1j], 0.5), T, r"^x_star must be real")
add("neighbourhood_check x_star nan", lambda: neighbourhood_check(F.three_minima, [nan], 0.5), V, r"^x_star must be finite")
add("neighbourhood_check x_star str", lambda: neighbourhood_check(F.three_minima, "B", 0.5), T, r"^x_star must be an array of real numbers")
add("neighbourhood_check delta zero", lambda: neighbourhood_check(F.three_minima, [0.0], 0.0), V, r"^delta must be in")
add("neighbourhood_check delta negative", lambda: neighbourhood_check(F.three_minima, [0.0], -0.5), V, r"^delta must be in")
add("neighbourhood_check delta inf", lambda: neighbourhood_check(F.three_minima, [0.0], inf), V, r"^delta must be in")
add("neighbourhood_check delta list", lambda: neighbourhood_check(F.three_minima, [0.0], [0.5, 1.0]), V, r"^delta must be one positive number")
add("neighbourhood_check delta str", lambda: neighbourhood_check(F.three_minima, [0.0], "0.5"), T, r"^delta must be a real number")
add("neighbourhood_check samples 2", lambda: neighbourhood_check(F.three_minima, [0.0], 0.5, samples=2), V, r"^samples must be at least 3")
add("neighbourhood_check samples huge", lambda: neighbourhood_check(F.three_minima, [0.0], 0.5, samples=10**9), V, r"^samples must be at least 3 and samples\*\*1 at most")
add("neighbourhood_check samples huge 2-D", lambda: neighbourhood_check(F.saddle, [0.0, 0.0], 0.5, samples=10**4), V, r"^samples must be at least 3 and samples\*\*2 at most")
add("neighbourhood_check samples float", lambda: neighbourhood_check(F.three_minima, [0.0], 0.5, samples=401.0), T, r"^samples must be a whole number")

# --- exact ---------------------------------------------------------------------------------------
from gdlib.exact import solve_with_limit  # noqa: E402

add("solve_with_limit solver misspelt", lambda: solve_with_limit("Solve", [x + y], (x, y)), V, r"^solver must be one of")
add("solve_with_limit solver function", lambda: solve_with_limit(sp.solve, [x + y], (x, y)), V, r"^solver must be one of")
add("solve_with_limit one equation, not a list", lambda: solve_with_limit("solve", x + y, (x, y)), T, r"^equations must be a non-empty list")
add("solve_with_limit equations empty", lambda: solve_with_limit("solve", [], (x, y)), T, r"^equations must be a non-empty list")
add("solve_with_limit equations str", lambda: solve_with_limit("solve", "x + y", (x, y)), T, r"^equations must be a non-empty list")
add("solve_with_limit equation str", lambda: solve_with_limit("solve", ["x + y"], (x, y)), T, r"^each equation must be a SymPy expression")
add("solve_with_limit equation Eq", lambda: solve_with_limit("solve", [sp.Eq(x, 1)], (x,)), T, r"^each equation must be a SymPy expression")
add("solve_with_limit symbols single", lambda: solve_with_limit("solve", [x - 1], x), T, r"^symbols must be a non-empty sequence")
add("solve_with_limit symbols str", lambda: solve_with_limit("solve", [x - 1], ("x",)), T, r"^symbols must be a non-empty sequence")
add("solve_with_limit symbols plain", lambda: solve_with_limit("solve", [x + y], (px, py)), V, r"^the equations use symbols that only look like those in symbols")
add("solve_with_limit symbols missing", lambda: solve_with_limit("solve", [x + y], (x,)), V, r"symbols")
add("solve_with_limit seconds zero", lambda: solve_with_limit("solve", [x - 1], (x,), seconds=0), V, r"^seconds must be a number in")
add("solve_with_limit seconds huge", lambda: solve_with_limit("solve", [x - 1], (x,), seconds=1e9), V, r"^seconds must be a number in")
add("solve_with_limit seconds nan", lambda: solve_with_limit("solve", [x - 1], (x,), seconds=nan), V, r"^seconds must be a number in")
add("solve_with_limit seconds str", lambda: solve_with_limit("solve", [x - 1], (x,), seconds="20"), V, r"^seconds must be a number in")

# --- plot.zero_curves ----------------------------------------------------------------------------
from gdlib.functions import StationaryPoint  # noqa: E402

ZL = (-2.0, 2.0)
add("plot.zero_curves fn=lambda", lambda: plot.zero_curves(lambda p: p, ZL, ZL), T, r"^fn must be a gdlib.functions.Function")
add("plot.zero_curves fn=sympy expr", lambda: plot.zero_curves(x**2 + y**2, ZL, ZL), T, r"^fn must be a gdlib.functions.Function")
add("plot.zero_curves fn 1-D", lambda: plot.zero_curves(F.square, ZL, ZL), V, r"^zero_curves needs a function of 2 variables")
add("plot.zero_curves xlim one value", lambda: plot.zero_curves(F.saddle, (2.0,), ZL), V, r"^xlim must be a pair")
add("plot.zero_curves xlim reversed", lambda: plot.zero_curves(F.saddle, (2.0, -2.0), ZL), V, r"^xlim must have low < high")
add("plot.zero_curves ylim nan", lambda: plot.zero_curves(F.saddle, ZL, (nan, 2.0)), V, r"^ylim\[0\] must be finite")
add("plot.zero_curves ylim str", lambda: plot.zero_curves(F.saddle, ZL, "-2..2"), T, r"^ylim must be a pair")
add("plot.zero_curves n huge", lambda: plot.zero_curves(F.saddle, ZL, ZL, n=10**6), V, r"^n must be a whole number from")
add("plot.zero_curves n=1", lambda: plot.zero_curves(F.saddle, ZL, ZL, n=1), V, r"^n must be a whole number")
add("plot.zero_curves n negative", lambda: plot.zero_curves(F.saddle, ZL, ZL, n=-5), V, r"^n must be a whole number")
add("plot.zero_curves n float", lambda: plot.zero_curves(F.saddle, ZL, ZL, n=400.0), T, r"^n must be a whole number")
add("plot.zero_curves points tuples", lambda: plot.zero_curves(F.saddle, ZL, ZL, points=[(0.0, 0.0)]), T, r"^points must hold gdlib.functions.StationaryPoint")
add("plot.zero_curves points one point", lambda: plot.zero_curves(F.saddle, ZL, ZL, points=StationaryPoint((0.0, 0.0), "saddle")), T, r"^points must be a sequence")
add("plot.zero_curves title number", lambda: plot.zero_curves(F.saddle, ZL, ZL, title=3), T, r"^title must be a string")
add("plot.zero_curves ax str", lambda: plot.zero_curves(F.saddle, ZL, ZL, ax="left"), T, r"^ax must be a matplotlib Axes")

# --- plot.mark_stationary ------------------------------------------------------------------------
add("plot.mark_stationary kind plural", lambda: plot.mark_stationary(ax2d(), [(0.0, 0.0)], "minima"), V, r"^kind must be one of \['minimum', 'maximum', 'saddle', 'degenerate'\], got 'minima'")
add("plot.mark_stationary kind None", lambda: plot.mark_stationary(ax2d(), [(0.0, 0.0)], None), T, r"^kind must be one of .*, got None")
add("plot.mark_stationary kind capitalised", lambda: plot.mark_stationary(ax2d(), [(0.0, 0.0)], "Saddle"), V, r"^kind must be one of .*, got 'Saddle'")
add("plot.mark_stationary one point flat", lambda: plot.mark_stationary(ax2d(), [0.0, 0.0], "saddle"), V, r"^points must have shape \(k, 2\).*got shape \(2,\)")
add("plot.mark_stationary points 3-D", lambda: plot.mark_stationary(ax2d(), [(0.0, 0.0, 1.0)], "saddle"), V, r"^points must have shape \(k, 2\)")
add("plot.mark_stationary points nan", lambda: plot.mark_stationary(ax2d(), [(0.0, nan)], "saddle"), V, r"^points must be finite")
add("plot.mark_stationary points str", lambda: plot.mark_stationary(ax2d(), "origin", "saddle"), T, r"^points must be an array of points")
add("plot.mark_stationary StationaryPoint objects", lambda: plot.mark_stationary(ax2d(), [StationaryPoint((0.0, 0.0), "saddle")], "saddle"), T, r"^points must be coordinates.*StationaryPoint objects: pass \[p\.x for p in found")
add("plot.mark_stationary points complex", lambda: plot.mark_stationary(ax2d(), [(0.0, 1j)], "saddle"), T, r"^points must be real")
add("plot.mark_stationary label number", lambda: plot.mark_stationary(ax2d(), [(0.0, 0.0)], "saddle", label=3), T, r"^label must be a string or None")
add("plot.mark_stationary ax str", lambda: plot.mark_stationary("left", [(0.0, 0.0)], "saddle"), T, r"^ax must be a matplotlib Axes")

# --- selfcheck: more answers, and Answer itself --------------------------------------------------
from gdlib.selfcheck import Answer  # noqa: E402

add("check answer complex array", lambda: check("ex-tour-second-step", np.array([1.31, 2.12j])), V, r"^answer must be real")
add("check answer dict", lambda: check("ex-tour-second-step", {"x": 1.31, "y": 2.12}), T, r"^answer must be a number or a sequence of numbers")
add("check label with spaces", lambda: check(" ex-tour-largest-eta", 0.1), V, r"^label must be one of the exercise labels")
add("Answer rtol negative", lambda: Answer(1.0, rtol=-1e-6), V, r"^rtol must be in")
add("Answer atol nan", lambda: Answer(1.0, atol=nan), V, r"^atol must be finite")
add("Answer unordered str", lambda: Answer([1, 2], unordered="yes"), T, r"^unordered must be True or False")
add("Answer hint number", lambda: Answer(1.0, hint=3), T, r"^hint must be a string or None")
add("Answer value str", lambda: Answer("3*x**2"), T, r"^value must be a number, a sequence of numbers or a SymPy expression")

# --- basins: where gradient descent ends up ------------------------------------------------------
from gdlib.basins import at_least_one, basins, escape_time, groups_with_success  # noqa: E402

VALLEYS = {"A": [-2.0], "B": [0.0], "C": [2.5]}
add("basins f=str", lambda: basins("three_minima", [[0.0]], VALLEYS, eta=0.1), T, r"^f must be a gdlib.functions.Function")
add("basins starts wrong n", lambda: basins(F.three_minima, [[0.0, 1.0]], VALLEYS, eta=0.1), V, r"^starts must have shape \(B, 1\)")
add("basins starts nan", lambda: basins(F.three_minima, [[nan]], VALLEYS, eta=0.1), V, r"^starts must be finite")
add("basins starts huge", lambda: basins(F.three_minima, np.zeros((10**6, 1)), VALLEYS, eta=0.1), V, r"^starts must hold at most")
add("basins minima list", lambda: basins(F.three_minima, [[0.0]], [[0.0]], eta=0.1), T, r"^minima must be a non-empty dict")
add("basins minima wrong n", lambda: basins(F.three_minima, [[0.0]], {"A": [0.0, 1.0]}, eta=0.1), V, r"^minima must have shape")
add("basins minima reserved name", lambda: basins(F.three_minima, [[0.0]], {"elsewhere": [0.0]}, eta=0.1), V, r"^a name in minima must not be")
add("basins eta negative", lambda: basins(F.three_minima, [[0.0]], VALLEYS, eta=-0.1), V, r"^eta must be in")
add("basins radius zero", lambda: basins(F.three_minima, [[0.0]], VALLEYS, eta=0.1, radius=0.0), V, r"^radius must be in")
add("escape_time saddle wrong n", lambda: escape_time(F.saddle, [[0.0, 1e-3]], saddle=[0.0], radius=1.0, eta=0.1), V, r"^saddle must have shape")
add("escape_time radius negative", lambda: escape_time(F.saddle, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=-1.0, eta=0.1), V, r"^radius must be in")
add("escape_time eta array", lambda: escape_time(F.saddle, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=1.0, eta=[0.1, 0.2]), V, r"^eta must be one positive number")
add("escape_time steps negative", lambda: escape_time(F.saddle, [[0.0, 1e-3]], saddle=[0.0, 0.0], radius=1.0, eta=0.1, steps=-1), V, r"^steps must be a whole number")
add("at_least_one p > 1", lambda: at_least_one(1.5, 2), V, r"^p must be in \[0, 1\]")
add("at_least_one k = 0", lambda: at_least_one(0.5, 0), V, r"^k must be a whole number >= 1")
add("groups_with_success ints", lambda: groups_with_success([1, 0, 1], 1), T, r"^successes must be a non-empty 1-D array")
add("groups_with_success length", lambda: groups_with_success([True, False, True], 2), V, r"^the length of successes")

# --- plateau: the time to escape a plateau ------------------------------------------------------
from gdlib.plateau import escape_epochs, first_below  # noqa: E402


def esc(**kwargs):
    """escape_epochs(NEURON, [[-2, -2]], 1.0, epochs=10, threshold=0.05) with some arguments replaced."""
    args = dict(model=NEURON, starts=[[-2.0, -2.0]], etas=1.0, epochs=10, threshold=0.05) | kwargs
    return lambda: escape_epochs(**args)


add("first_below losses empty", lambda: first_below([], 0.1), V, r"^losses must have one row per epoch")
add("first_below losses scalar", lambda: first_below(0.3, 0.1), V, r"^losses must have one row per epoch.*got shape \(\)")
add("first_below losses str", lambda: first_below("loss", 0.1), T, r"^losses must be an array of losses")
add("first_below losses complex", lambda: first_below([0.3j], 0.1), T, r"^losses must be real")
add("first_below threshold nan", lambda: first_below([0.3], nan), V, r"^threshold must be finite, got nan")
add("first_below threshold list", lambda: first_below([0.3], [0.1]), T, r"^threshold must be one real number")
add("escape_epochs model str", esc(model="neuron"), T, r"^model must be a gdlib.models model such as SigmoidNeuron")
add("escape_epochs model function", esc(model=F.bowl), T, r"^model must be a gdlib.models model")
add("escape_epochs starts one point", esc(starts=[-2.0, -2.0]), V, r"^starts must be a list of starting points \(w, b\), shape \(S, 2\), got shape \(2,\)")
add("escape_epochs starts three numbers", esc(starts=[[1.0, 2.0, 3.0]]), V, r"^starts must have shape \(\.\.\., 2\)")
add("escape_epochs starts nan", esc(starts=[[nan, 0.0]]), V, r"^starts must be finite")
add("escape_epochs starts complex", esc(starts=[[1j, 0.0]]), T, r"^starts must be real")
add("escape_epochs etas zero", esc(etas=0.0), V, r"^etas must be in \(0, inf\), got 0.0")
add("escape_epochs etas negative element", esc(etas=[1.0, -0.5]), V, r"^etas must be in \(0, inf\), got -0.5 \(element 1\)")
add("escape_epochs etas str", esc(etas="fast"), T, r"^etas must be a real number")
add("escape_epochs epochs 0", esc(epochs=0), V, r"^epochs must be a whole number >= 1, got 0")
add("escape_epochs epochs float", esc(epochs=10.0), T, r"^epochs must be a whole number >= 1, got 10.0")
add("escape_epochs epochs huge", esc(starts=np.zeros((2000, 2)), epochs=10**6), V, r"exceeds descend's budget")
add("escape_epochs threshold 0", esc(threshold=0.0), V, r"^threshold must be in \(0, inf\), got 0.0")
add("escape_epochs threshold inf", esc(threshold=inf), V, r"^threshold must be")
add("escape_epochs threshold array", esc(threshold=[0.1, 0.2]), V, r"^threshold must be one positive number")

# --- gdlib.direction: a step along a direction (the chapter on the negative gradient) ---
from gdlib.direction import change_along, direction_at_angle  # noqa: E402

add("change_along f=lambda", lambda: change_along(lambda p: p @ p, [1.0, 2.0], [1.0, 0.0], 0.1), T, r"^f must be a gdlib.functions.Function")
add("change_along theta wrong length", lambda: change_along(F.bowl, [1.0], [1.0, 0.0], 0.1), V, r"^theta must have shape \(2,\)")
add("change_along theta nan", lambda: change_along(F.bowl, [nan, 1.0], [1.0, 0.0], 0.1), V, r"^theta must be finite")
add("change_along u wrong length", lambda: change_along(F.bowl, [1.0, 2.0], [1.0, 0.0, 0.0], 0.1), V, r"^u must have shape \(2,\)")
add("change_along u inf", lambda: change_along(F.bowl, [1.0, 2.0], [inf, 0.0], 0.1), V, r"^u must be finite")
add("change_along u complex", lambda: change_along(F.bowl, [1.0, 2.0], [1j, 0.0], 0.1), T, r"^u must be real")
add("change_along u str", lambda: change_along(F.bowl, [1.0, 2.0], "east", 0.1), T, r"^u must be")
add("change_along eta negative", lambda: change_along(F.bowl, [1.0, 2.0], [1.0, 0.0], -0.1), V, r"^eta must be in \(0, inf\)")
add("change_along eta 2-D", lambda: change_along(F.bowl, [1.0, 2.0], [1.0, 0.0], [[0.1]]), V, r"^eta must be a number or a 1-D array")
add("change_along eta huge array", lambda: change_along(F.bowl, [1.0, 2.0], [1.0, 0.0], np.full(100_001, 0.1)), V, r"^eta must hold at most")
add("change_along eta str", lambda: change_along(F.bowl, [1.0, 2.0], [1.0, 0.0], "0.1"), T, r"^eta must be a real number")
add("direction_at_angle g zero", lambda: direction_at_angle([0.0, 0.0], 30), V, r"^g must not be the zero vector")
add("direction_at_angle g 3-D", lambda: direction_at_angle([1.0, 2.0, 3.0], 30), V, r"^g must have shape \(2,\)")
add("direction_at_angle beta nan", lambda: direction_at_angle([1.0, 2.0], nan), V, r"^beta must be finite")
add("direction_at_angle beta str", lambda: direction_at_angle([1.0, 2.0], "90"), T, r"^beta must be a real number")
add("direction_at_angle beta list", lambda: direction_at_angle([1.0, 2.0], [90, 180]), T, r"^beta must be one real number")

# --- linesearch: backtracking (Armijo), and convergence.contraction_rate ----------------------------
from gdlib.convergence import contraction_rate  # noqa: E402
from gdlib.linesearch import backtracking  # noqa: E402

add("backtracking c 0", lambda: backtracking(F.bowl, [1.0, 2.0], c=0.0), V, r"^c must be in \(0, 1\), got 0.0")
add("backtracking c 1", lambda: backtracking(F.bowl, [1.0, 2.0], c=1.0), V, r"^c must be in \(0, 1\), got 1.0")
add("backtracking c str", lambda: backtracking(F.bowl, [1.0, 2.0], c="0.5"), T, r"^c must be a real number")
add("backtracking tau 1", lambda: backtracking(F.bowl, [1.0, 2.0], tau=1.0), V, r"^tau must be in \(0, 1\), got 1.0")
add("backtracking tau nan", lambda: backtracking(F.bowl, [1.0, 2.0], tau=nan), V, r"^tau must be finite, got nan")
add("backtracking eta0 negative", lambda: backtracking(F.bowl, [1.0, 2.0], eta0=-1.0), V, r"^eta0 must be in \(0, inf\), got -1.0")
add("backtracking eta0 complex", lambda: backtracking(F.bowl, [1.0, 2.0], eta0=1j), T, r"^eta0 must be a real number, got complex")
add("backtracking max_evals 0", lambda: backtracking(F.bowl, [1.0, 2.0], max_evals=0), V, r"^max_evals must be a whole number >= 1, got 0")
add("backtracking max_evals huge", lambda: backtracking(F.bowl, [1.0, 2.0], max_evals=10**9), V, r"^max_evals must be a whole number from 1 to")
add("backtracking max_shrinks float", lambda: backtracking(F.bowl, [1.0, 2.0], max_shrinks=5.5), T, r"^max_shrinks must be a whole number")
add("backtracking max_shrinks huge", lambda: backtracking(F.bowl, [1.0, 2.0], max_shrinks=10**6), V, r"^max_shrinks must be a whole number from 0 to 200")
add("backtracking steps negative", lambda: backtracking(F.bowl, [1.0, 2.0], steps=-1), V, r"^steps must be a whole number >= 0")
add("backtracking tol 0", lambda: backtracking(F.bowl, [1.0, 2.0], tol=0.0), V, r"^tol must be in \(0, inf\)")
add("backtracking x0 batch", lambda: backtracking(F.bowl, [[1.0, 2.0]]), V, r"^x0 must be one point of shape \(n,\)")
add("backtracking x0 nan", lambda: backtracking(F.bowl, [1.0, nan]), V, r"^x0 must be finite")
add("backtracking x0 complex", lambda: backtracking(F.bowl, [1.0, 2j]), T, r"^x0 must be real, got complex")
add("backtracking no grad", lambda: backtracking(lambda p: 0.0, [1.0]), T, r"^grad must be a function x -> gradient, got None")
add("backtracking f number", lambda: backtracking(3.0, [1.0], grad=lambda p: p), T, r"^f must be a function x -> value")
add("backtracking f sympy", lambda: backtracking(x**2, [1.0], grad=lambda p: p), T, r"^f must be a function x -> value")
add("backtracking f returns vector", lambda: backtracking(lambda p: p, [1.0, 2.0], grad=lambda p: p), V, r"^f must return one real number")
add("backtracking grad wrong shape", lambda: backtracking(F.bowl.value, [1.0, 2.0], grad=lambda p: np.zeros(3)), V, r"^grad returned an array of shape \(3,\), but x0 has shape \(2,\)")
add("contraction_rate one value", lambda: contraction_rate([1.0]), V, r"^errors must hold at least 2 distances")
add("contraction_rate zero", lambda: contraction_rate([1.0, 0.0]), V, r"^errors must hold positive finite numbers, got 0.0 at index 1")
add("contraction_rate nan", lambda: contraction_rate([1.0, nan]), V, r"^errors must hold positive finite numbers, got nan")
add("contraction_rate str", lambda: contraction_rate("1 2"), T, r"^errors must be a 1-D array of numbers")
add("contraction_rate 2-D", lambda: contraction_rate([[1.0, 2.0]]), V, r"^errors must be a 1-D array, got shape")
add("contraction_rate complex", lambda: contraction_rate([1.0, 2j]), V, r"^errors must be real")

# --- step_sizes (the adaptive-rates chapter) ----------------------------------------------------
from gdlib.step_sizes import AdaGradInside, RMSPropInside, effective_steps, fewest_steps  # noqa: E402

add("effective_steps Adam", lambda: effective_steps(F.bowl.grad, [1.0, 1.0], Adam()), T,
    r"^optimizer must be GD, AdaGrad, RMSProp, AdaDelta, AdaGradInside or RMSPropInside")
add("effective_steps class", lambda: effective_steps(F.bowl.grad, [1.0, 1.0], AdaGrad), T, r"^optimizer must be GD, AdaGrad")
add("effective_steps batch", lambda: effective_steps(F.bowl.grad, [1.0, 1.0], AdaGrad(eta=np.array([0.1, 0.2]))), V,
    r"^optimizer must describe one run")
add("effective_steps x0 batch", lambda: effective_steps(F.bowl.grad, [[1.0, 1.0]], AdaGrad()), V, r"^x0 must be one point of shape \(n,\)")
add("effective_steps x0 nan", lambda: effective_steps(F.bowl.grad, [1.0, nan], AdaGrad()), V, r"^x0 must be finite")
add("effective_steps steps 0", lambda: effective_steps(F.bowl.grad, [1.0, 1.0], AdaGrad(), steps=0), V, r"^steps must be a whole number >= 1, got 0")
add("effective_steps steps float", lambda: effective_steps(F.bowl.grad, [1.0, 1.0], AdaGrad(), steps=2.5), T, r"^steps must be a whole number")
add("effective_steps grad not callable", lambda: effective_steps(3.0, [1.0], AdaGrad()), T, r"^grad must be a function x -> gradient")
add("effective_steps grad wrong shape", lambda: effective_steps(lambda p: np.zeros(3), [1.0, 1.0], AdaGrad()), V,
    r"^grad returned an array of shape \(3,\), but x0 has shape \(2,\)")
add("effective_steps grad diverges", lambda: effective_steps(lambda p: p * 1e300, [1.0], GD(eta=10.0), steps=5), V,
    r"^grad\(x\) is not finite at update")
add("AdaGradInside eps 0", lambda: AdaGradInside(eps=0.0), V, r"^eps must be in \(0, inf\), got 0.0")
add("RMSPropInside rho 1", lambda: RMSPropInside(rho=1.0), V, r"^rho must be in \[0, 1\)")
add("fewest_steps one eta", lambda: fewest_steps(F.bowl.grad, [1.0, 1.0], GD(eta=0.1), steps=10, tol=1e-6), T,
    r"^optimizer must be a gdlib optimizer with an array of learning rates")
add("fewest_steps tol 0", lambda: fewest_steps(F.bowl.grad, [1.0, 1.0], GD(eta=np.array([0.1, 0.2])), steps=10, tol=0.0), V,
    r"^tol must be in \(0, inf\)")
add("fewest_steps tol str", lambda: fewest_steps(F.bowl.grad, [1.0, 1.0], GD(eta=np.array([0.1, 0.2])), steps=10, tol="1e-6"), T,
    r"^tol must be a real number")
# --- race: the optimizers' race and Reddi et al.'s online problem ------------------------------
from gdlib.race import PROBLEMS as _RACE_PROBLEMS  # noqa: E402
from gdlib.race import AMSGrad, online_descent, race, reddi_gradient, sweep  # noqa: E402

add("sweep problem unknown", lambda: sweep("bowel", GD), T, r"^problem must be a Problem or one of .*got 'bowel'")
add("sweep optimizer instance", lambda: sweep("bowl", GD(eta=0.1)), T, r"^optimizer must be a gdlib optimizer class")
add("sweep etas negative", lambda: sweep("bowl", GD, [-0.1, 0.1]), V, r"^etas must be in \(0, inf\)")
add("sweep etas str", lambda: sweep("bowl", GD, "fast"), T, r"^etas must")
add("race optimizers list", lambda: race("bowl", [GD, Adam]), T, r"^optimizers must be a non-empty dict")
add("race optimizers empty", lambda: race("bowl", {}), T, r"^optimizers must be a non-empty dict")
add("race optimizer not a class", lambda: race("bowl", {"GD": "GD"}), T, r"^optimizers\['GD'\] must be a gdlib optimizer class")
add("done values empty", lambda: _RACE_PROBLEMS["bowl"].done([]), V, r"^values must have one row per step")
add("done values str", lambda: _RACE_PROBLEMS["bowl"].done("low"), T, r"^values must be an array of values")
add("reddi C negative", lambda: reddi_gradient(-3.0), V, r"^C must be in")
add("reddi C str", lambda: reddi_gradient("3"), T, r"^C must be a real number, got .3.")
add("online optimizer class", lambda: online_descent(Adam, reddi_gradient(), [0.0], 10), T, r"^optimizer must be a gdlib optimizer")
add("online grad not callable", lambda: online_descent(Adam(), 3.0, [0.0], 10), T, r"^grad must be a function")
add("online x0 batch", lambda: online_descent(Adam(), reddi_gradient(), [[0.0], [1.0]], 10), V, r"^x0 must be one point")
add("online steps negative", lambda: online_descent(Adam(), reddi_gradient(), [0.0], -1), V, r"^steps must be")
add("online low above high", lambda: online_descent(Adam(), reddi_gradient(), [0.0], 10, low=1, high=-1), V,
    r"^low must be below high, got low=1, high=-1")
add("online grad wrong shape", lambda: online_descent(Adam(), lambda t, x: np.ones(2), [0.0], 10), V,
    r"^grad returned an array of shape \(2,\), but x0 has shape \(1,\)")
add("amsgrad beta2 above 1", lambda: AMSGrad(beta2=1.5), V, r"^beta2 must be in")
add("amsgrad update another state", lambda: AMSGrad().update(np.zeros(1), np.zeros(1), Adam().init(np.zeros(1))), T,
    r"^state must be the AMSGradState")
from gdlib.race import fastest, uncorrected_step  # noqa: E402

add("uncorrected beta1 one", lambda: uncorrected_step(1.0, 0.999, [1]), V, r"^beta1 must be in \[0, 1\), got 1")
add("uncorrected beta2 str", lambda: uncorrected_step(0.9, "0.999", [1]), T, r"^beta2 must be a real number")
add("uncorrected t zero", lambda: uncorrected_step(0.9, 0.999, [0, 1]), V, r"^t must be whole step numbers of at least 1")
add("uncorrected t fraction", lambda: uncorrected_step(0.9, 0.999, 1.5), V, r"^t must be whole step numbers")
add("fastest entries list", lambda: fastest([], ["GD"]), T, r"^entries must be a race's non-empty dict")
add("fastest names str", lambda: fastest(race("bowl", {"GD": GD}), "GD"), T, r"^names must be a non-empty list")
add("fastest name unknown", lambda: fastest(race("bowl", {"GD": GD}), ["Adam"]), V,
    r"^names must be names of the race's entries \['GD'\], got \['Adam'\]")

# --- gdlib.sampling (stochastic_gradient.ipynb) ---
from gdlib.sampling import batch_means, batch_variance, noise_floor, sampled_grad, sampled_gradients  # noqa: E402
from gdlib.sampling import minibatches as sampling_minibatches  # noqa: E402

_sgd_model = LinearRegression([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 8.0])
add("sampling minibatches scheme typo", lambda: sampling_minibatches(10, 2, rng(), scheme="shuffle"), V,
    r"^scheme must be one of 'epoch', 'fresh', 'replacement', got 'shuffle'")
add("sampling minibatches rng seed", lambda: sampling_minibatches(10, 2, 0), T, r"^rng must be a numpy.random.Generator")
add("sampled_grad not a model", lambda: sampled_grad(np.zeros(3), 1, rng()), T, r"^model must be a gdlib.models.LinearRegression")
add("sampled_grad batch_size too big", lambda: sampled_grad(_sgd_model, 5, rng()), V, r"^batch_size must be None or a whole number from 1 to 4, got 5")
add("sampled_grad batch_size float", lambda: sampled_grad(_sgd_model, 2.0, rng()), T, r"^batch_size must be None or a whole number from 1 to 4, got 2.0")
add("sampled_grad runs 0", lambda: sampled_grad(_sgd_model, 2, rng(), runs=0), V, r"^runs must be a whole number >= 1, got 0")
add("sampled_grad wrong theta shape", lambda: sampled_grad(_sgd_model, 2, rng(), runs=3)(np.zeros((2, 2))), V, r"^theta must have shape \(3, 2\)")
add("sampled_gradients theta scalar", lambda: sampled_gradients(_sgd_model, 1.0, 2, 10, rng()), V, r"^theta")
add("sampled_gradients draws 0", lambda: sampled_gradients(_sgd_model, [0.0, 0.0], 2, 0, rng()), V, r"^draws must be a whole number >= 1, got 0")
add("batch_means batch_size too big", lambda: batch_means([1.0, 2.0], 3), V, r"^batch_size must be a whole number from 1 to 2, got 3")
add("batch_means too many batches", lambda: batch_means(np.arange(60.0), 30), V, r"^batch_size 30 out of 60 samples gives")
add("batch_means 3-D", lambda: batch_means(np.zeros((2, 2, 2)), 1), V, r"^values must have shape \(N,\) or \(N, d\)")
add("batch_means strings", lambda: batch_means(["a", "b"], 1), T, r"^values must be")
add("batch_variance one sample", lambda: batch_variance([1.0], 1), V, r"^values must be finite, with shape \(N,\) or \(N, d\) and N >= 2")
add("batch_variance nan", lambda: batch_variance([1.0, nan], 1), V, r"^values must be finite")
add("batch_variance replacement str", lambda: batch_variance([1.0, 2.0], 1, replacement="yes"), T, r"^replacement must be True or False, got 'yes'")
add("noise_floor eta 0", lambda: noise_floor(0.0, 1.0), V, r"^eta must be")
add("noise_floor s negative", lambda: noise_floor(0.1, -1.0), V, r"^s must be")
add("noise_floor too large a step", lambda: noise_floor(1.5, 1.0, curvature=2.0), V, r"^eta \* curvature must be below 2 for the run to settle, got eta = 1.5")
add("noise_floor curvature str", lambda: noise_floor(0.1, 1.0, curvature="2"), T, r"^curvature must be a real number, got")
# --- rates: gradient descent, heavy ball and Nesterov on a quadratic ---------------------------------
from gdlib.rates import (gd_best, gd_rate, heavy_ball_best, heavy_ball_rate, iteration_matrix,  # noqa: E402
                         measure_rate, spectral_radius)

add("gd_rate kappa below 1", lambda: gd_rate(0.5), V, r"^kappa must be in \[1, inf\), got 0.5")
add("gd_rate kappa str", lambda: gd_rate("10"), T, r"^kappa must be a real number")
add("heavy_ball_rate kappa nan", lambda: heavy_ball_rate(nan), V, r"^kappa must be finite")
add("heavy_ball_rate kappa list", lambda: heavy_ball_rate([4.0]), T, r"^kappa must be one real number")
add("gd_best lambda_min 0", lambda: gd_best(0.0, 1.0), V, r"^lambda_min must be in \(0, inf\), got 0.0")
add("heavy_ball_best swapped", lambda: heavy_ball_best(4.0, 1.0), V, r"^lambda_max must be at least lambda_min = 4.0, got 1.0")
add("heavy_ball_best lambda_max inf", lambda: heavy_ball_best(1.0, inf), V, r"^lambda_max must be finite")
add("iteration_matrix mu 1", lambda: iteration_matrix(0.1, 1.0, 2.0), V, r"^mu must be in \[0, 1\), got 1.0")
add("iteration_matrix eta negative", lambda: iteration_matrix(-0.1, 0.5, 2.0), V, r"^eta must be in \(0, inf\), got -0.1")
add("iteration_matrix lam complex", lambda: iteration_matrix(0.1, 0.5, 2j), T, r"^lam must be a real number, got complex")
add("iteration_matrix nesterov str", lambda: iteration_matrix(0.1, 0.5, 2.0, "yes"), T, r"^nesterov must be True or False, got 'yes'")
add("spectral_radius mu negative", lambda: spectral_radius(0.1, -0.5, 2.0), V, r"^mu must be in \[0, 1\), got -0.5")
add("measure_rate class", lambda: measure_rate(GD, [1.0]), T, r"^optimizer must be one gdlib optimizer")
add("measure_rate batch", lambda: measure_rate(GD(eta=[0.1, 0.2]), [1.0]), T, r"^optimizer must be one gdlib optimizer")
add("measure_rate eigenvalue 0", lambda: measure_rate(GD(eta=0.1), [0.0, 1.0]), V, r"^eigenvalues must be a 1-D list of positive numbers")
add("measure_rate eigenvalues 2-D", lambda: measure_rate(GD(eta=0.1), [[1.0, 2.0]]), V, r"^eigenvalues must be a 1-D list of positive numbers")
add("measure_rate steps 1", lambda: measure_rate(GD(eta=0.1), [1.0], steps=1), V, r"^steps must be a whole number >= 2, got 1")
add("measure_rate floor 1", lambda: measure_rate(GD(eta=0.1), [1.0], floor=1.0), V, r"^floor must be in \(0, 1\), got 1.0")
add("measure_rate diverges", lambda: measure_rate(GD(eta=3.0), [1.0]), V, r"^the run of GD\(eta=3.0\) diverged")

# --- gdlib.digits: the shipped handwritten digits -------------------------------------------------
from gdlib import digits as digits_data  # noqa: E402

_dX, _dy = np.zeros((10, 2)), np.arange(10) % 2
add("digits load images str", lambda: digits_data.load(images="yes"), T, r"^images must be True or False, got 'yes'")
add("digits split test_fraction 0", lambda: digits_data.split(_dX, _dy, 0.0, 0), V, r"^test_fraction must be in \(0, 1\), got 0.0")
add("digits split test_fraction 1", lambda: digits_data.split(_dX, _dy, 1.0, 0), V, r"^test_fraction must be in \(0, 1\), got 1.0")
add("digits split test_fraction percent", lambda: digits_data.split(_dX, _dy, 20, 0), V, r"^test_fraction must be in \(0, 1\), got 20")
add("digits split test_fraction str", lambda: digits_data.split(_dX, _dy, "0.2", 0), T, r"^test_fraction must be a real number")
add("digits split seed float", lambda: digits_data.split(_dX, _dy, 0.2, 0.5), T, r"^seed must be a whole number >= 0, got 0.5")
add("digits split seed negative", lambda: digits_data.split(_dX, _dy, 0.2, -1), V, r"^seed must be a whole number >= 0, got -1")
add("digits split seed None", lambda: digits_data.split(_dX, _dy, 0.2, None), T, r"^seed must be a whole number >= 0, got None")
add("digits split y too short", lambda: digits_data.split(_dX, _dy[:5], 0.2, 0), V, r"^y must have one label per row of X \(10\), got 5")
add("digits split y float labels", lambda: digits_data.split(_dX, _dy * 1.0, 0.2, 0), T, r"^y must hold whole-number class labels")
add("digits split y 2-D", lambda: digits_data.split(_dX, _dy[:, None], 0.2, 0), V, r"^y must be a 1-D array of labels")
add("digits split X strings", lambda: digits_data.split(["a"] * 10, _dy, 0.2, 0), T, r"^X must be")
add("digits split one sample", lambda: digits_data.split(np.zeros((1, 2)), [0], 0.5, 0), V, r"^X must have one row per sample and at least 2 rows")
add("digits split stratified str", lambda: digits_data.split(_dX, _dy, 0.2, 0, stratified="no"), T, r"^stratified must be True or False")
add("digits split swapped X and y", lambda: digits_data.split(_dy, _dX, 0.2, 0), V, r"^y must be a 1-D array of labels")

# --- gdlib.network: the two-layer network and the deep stack -------------------------------------
from gdlib import network as nw  # noqa: E402

_np = nw.init((2, 3, 2), seed=0)
_nX, _ny = np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([0, 1])
add("network init sizes two", lambda: nw.init((2, 3)), T, r"^sizes must be three layer sizes \(n0, n1, n2\)")
add("network init sizes int", lambda: nw.init(64), T, r"^sizes must be three layer sizes")
add("network init size zero", lambda: nw.init((2, 0, 2)), V, r"^sizes\[1\] must be a whole number >= 1, got 0")
add("network init size float", lambda: nw.init((2, 3.0, 2)), T, r"^sizes\[1\] must be a whole number")
add("network init scale negative", lambda: nw.init((2, 3, 2), scale=-1.0), V, r"^scale must be in \[0, inf\), got -1.0")
add("network init seed float", lambda: nw.init((2, 3, 2), seed=1.5), T, r"^seed must be a whole number >= 0, got 1.5")
add("network loss params tuple", lambda: nw.loss_and_gradients(tuple(_np), _nX, _ny), T, r"^params must be a gdlib.network.Params")
add("network loss params shapes", lambda: nw.loss_and_gradients(_np._replace(b1=np.zeros(2)), _nX, _ny), V,
    r"^params must have shapes W1 \(n0, n1\), b1 \(n1,\)")
add("network loss X wrong width", lambda: nw.loss_and_gradients(_np, np.zeros((2, 3)), _ny), V, r"^X must have shape \(N, 2\)")
add("network loss X one sample 1-D", lambda: nw.loss_and_gradients(_np, np.zeros(2), _ny[:1]), V, r"^X must have shape \(N, 2\)")
add("network loss X nan", lambda: nw.loss_and_gradients(_np, np.array([[nan, 0.0], [0.0, 0.0]]), _ny), V, r"^X must be finite")
add("network loss label too large", lambda: nw.loss_and_gradients(_np, _nX, np.array([0, 2])), V, r"^y must hold class labels 0 to 1 \(one per output\), got 2")
add("network loss label negative", lambda: nw.loss_and_gradients(_np, _nX, np.array([0, -1])), V, r"^y must hold class labels 0 to 1")
add("network loss labels float", lambda: nw.loss_and_gradients(_np, _nX, np.array([0.0, 1.0])), T, r"^y must be a 1-D array of whole-number class labels")
add("network loss labels one-hot", lambda: nw.loss_and_gradients(_np, _nX, np.eye(2)), T, r"^y must be a 1-D array of whole-number class labels")
add("network loss labels too few", lambda: nw.loss_and_gradients(_np, _nX, np.array([0])), V, r"^y must have one label per row of X \(2\), got 1")
add("network loss activation typo", lambda: nw.loss_and_gradients(_np, _nX, _ny, "ReLU"), V,
    r"^activation must be one of \['sigmoid', 'tanh', 'relu'\], got 'ReLU'")
add("network loss activation function", lambda: nw.loss_and_gradients(_np, _nX, _ny, np.tanh), T, r"^activation must be one of")
add("network loss name typo", lambda: nw.loss_and_gradients(_np, _nX, _ny, loss="mse"), V,
    r"^loss must be one of \['cross_entropy', 'squared'\], got 'mse'")
add("network squared targets shape", lambda: nw.loss_and_gradients(_np, _nX, _ny, loss="squared"), V,
    r"^y must have shape \(2, 2\) for the squared loss")
add("network forward X list of str", lambda: nw.forward(_np, [["a", "b"]]), T, r"^X must be")
add("network predict params None", lambda: nw.predict(None, _nX), T, r"^params must be a gdlib.network.Params")
add("network accuracy labels wrong length", lambda: nw.accuracy(_np, _nX, np.array([0, 1, 1])), V, r"^y must have one label per row of X \(2\), got 3")
add("network one_hot classes 0", lambda: nw.one_hot([0, 1], 0), V, r"^classes must be a whole number >= 1, got 0")
add("network one_hot label out of range", lambda: nw.one_hot(np.array([0, 3]), 3), V, r"^y must hold class labels 0 to 2")
add("network unflatten wrong length", lambda: nw.unflatten(np.zeros(5), (2, 3, 2)), V, r"^theta must have shape \(17,\) for sizes \(2, 3, 2\), got shape \(5,\)")
add("network unflatten sizes str", lambda: nw.unflatten(np.zeros(17), "2,3,2"), T, r"^sizes must be three layer sizes")
add("network clip max_norm 0", lambda: nw.clip_by_norm(np.ones(3), 0.0), V, r"^max_norm must be in \(0, inf\), got 0.0")
add("network clip max_norm str", lambda: nw.clip_by_norm(np.ones(3), "1"), T, r"^max_norm must be a real number")
add("network clip grads inf", lambda: nw.clip_by_norm(np.array([inf, 1.0]), 1.0), V, r"^grads must be finite to be clipped")
add("network clip grads str", lambda: nw.clip_by_norm("g", 1.0), T, r"^grads must be a Params or an array of real numbers")
add("network deep_init depth 0", lambda: nw.deep_init(0), V, r"^depth must be a whole number >= 1, got 0")
add("network deep_init width float", lambda: nw.deep_init(3, width=2.5), T, r"^width must be a whole number")
add("network deep_gradients empty", lambda: nw.deep_gradients([], np.zeros((2, 2)), np.zeros((2, 2))), T, r"^weights must be a non-empty list")
add("network deep_gradients not square", lambda: nw.deep_gradients([np.eye(2), np.zeros((2, 3))], np.zeros((2, 2)), np.zeros((2, 2))), V,
    r"^weights\[1\] must be a 2 x 2 matrix like weights\[0\], got shape \(2, 3\)")
add("network deep_gradients Y shape", lambda: nw.deep_gradients([np.eye(2)], np.zeros((2, 2)), np.zeros((2, 3))), V, r"^Y must have the shape of X, \(2, 2\)")
add("network deep_gradient_norms scale inf", lambda: nw.deep_gradient_norms(5, scale=inf), V, r"^scale must be finite, got inf")
add("network init size huge", lambda: nw.init((2, 10**6, 2)), V, r"^sizes\[1\] must be a whole number from 1 to 100000, got 1000000")
add("network deep_gradient_norms activation", lambda: nw.deep_gradient_norms(5, activation="linear"), V, r"^activation must be one of")
add("network deep_gradient_norms seed str", lambda: nw.deep_gradient_norms(5, seed="0"), T, r"^seed must be a whole number >= 0, got '0'")
add("network deep_gradient_norms samples 0", lambda: nw.deep_gradient_norms(5, samples=0), V, r"^samples must be a whole number >= 1, got 0")
add("network deep_gradient_norms overflow", lambda: nw.deep_gradient_norms(1000, scale=8.0, activation="relu"), V,
    r"^the stack of 1000 layers overflowed float64")
add("network softmax strings", lambda: nw.softmax([["a", "b"]]), T, r"^Z must be")
add("network softmax nan", lambda: nw.softmax([[nan, 0.0]]), V, r"^Z must be a finite array")
# --- gdlib.autodiff: reverse mode (Tensor) and forward mode (Dual) --------------------------------
from gdlib import autodiff as AD  # noqa: E402

_logits = lambda: AD.Tensor(np.zeros((2, 3)))  # noqa: E731
add("autodiff Tensor nan", lambda: AD.Tensor([1.0, nan]), V, r"^value must be finite, got nan at index 1")
add("autodiff Tensor inf 2-D", lambda: AD.Tensor([[1.0, 2.0], [inf, 1.0]]), V, r"^value must be finite, got inf at index \(1, 0\)")
add("autodiff Tensor str", lambda: AD.Tensor("3"), T, r"^value must be a real number or an array of real numbers, got '3'")
add("autodiff Tensor complex", lambda: AD.Tensor([1j]), T, r"^value must be real, got complex value 1j")
add("autodiff Tensor of a Dual", lambda: AD.Tensor(AD.Dual(1.0)), T, r"^value must be a number or an array, got the Dual number Dual\(1, 0\)")
add("autodiff Tensor + nan", lambda: AD.Tensor(1.0) + nan, V, r"^the other operand of \+ must be finite, got nan")
add("autodiff Tensor + Dual", lambda: AD.Tensor(1.0) + AD.Dual(1.0, 1.0), T, r"^the other operand of \+ must be a number or an array, got the Dual number Dual\(1, 1\)")
add("autodiff Tensor ** Tensor", lambda: AD.Tensor(1.0) ** AD.Tensor(2.0), T, r"^the exponent of \*\* \(a constant\) must be a real number, got Tensor")
add("autodiff Tensor ** str", lambda: AD.Tensor(1.0) ** "2", T, r"^the exponent of \*\* \(a constant\) must be a real number, got '2'")
add("autodiff Tensor @ inner sizes", lambda: AD.Tensor(np.ones((2, 3))) @ np.ones((2, 3)), V,
    r"^@ needs vectors or matrices with matching inner sizes, got shapes \(2, 3\) and \(2, 3\)")
add("autodiff Tensor @ 3-D", lambda: AD.Tensor(np.ones((2, 2, 2))) @ np.ones((2, 2)), V, r"^@ needs vectors or matrices.*\(2, 2, 2\)")
add("autodiff backward non-scalar", lambda: AD.Tensor([1.0, 2.0]).exp().backward(), V,
    r"^seed must be given for a Tensor of shape \(2,\)")
add("autodiff backward seed shape", lambda: AD.Tensor([1.0, 2.0]).exp().backward(seed=[1.0]), V,
    r"^seed must have the Tensor's shape \(2,\), got shape \(1,\)")
add("autodiff backward seed nan", lambda: AD.Tensor([1.0, 2.0]).exp().backward(seed=[1.0, nan]), V, r"^seed must be finite, got nan at index 1")
add("autodiff cross_entropy float labels", lambda: AD.cross_entropy(_logits(), [0.0, 1.0]), V,
    r"^labels must be 2 whole-number class indices, shape \(2,\), got \[0.0, 1.0\] of dtype float64")
add("autodiff cross_entropy labels length", lambda: AD.cross_entropy(_logits(), [0, 1, 2]), V, r"^labels must be 2 whole-number class indices.*\[0, 1, 2\]")
add("autodiff cross_entropy one-hot labels", lambda: AD.cross_entropy(_logits(), np.eye(3, dtype=int)[[0, 1]]), V,
    r"^labels must be 2 whole-number class indices.*shape \(2, 3\)")
add("autodiff cross_entropy boolean labels", lambda: AD.cross_entropy(_logits(), [True, False]), V, r"^labels must be .*dtype bool")
add("autodiff cross_entropy label too large", lambda: AD.cross_entropy(_logits(), [0, 3]), V, r"^labels must be class indices from 0 to 2, got 3")
add("autodiff cross_entropy label negative", lambda: AD.cross_entropy(_logits(), [-1, 0]), V, r"^labels must be class indices from 0 to 2, got -1")
add("autodiff cross_entropy logits array", lambda: AD.cross_entropy(np.zeros((2, 3)), [0, 1]), T, r"^logits must be a Tensor of shape \(N, C\)")
add("autodiff cross_entropy logits 1-D", lambda: AD.cross_entropy(AD.Tensor(np.zeros(3)), [0]), V, r"^logits must have shape \(N, C\).*got shape \(3,\)")
add("autodiff cross_entropy no samples", lambda: AD.cross_entropy(AD.Tensor(np.zeros((0, 3))), []), V, r"^logits must have shape \(N, C\) with N >= 1")
add("autodiff log_softmax array", lambda: AD.log_softmax(np.zeros(3)), T, r"^z must be a Tensor, got array of shape \(3,\)")
add("autodiff exp float", lambda: AD.exp(2.0), T, r"^x must be a Tensor or a Dual, got 2.0")
add("autodiff sin Tensor", lambda: AD.sin(AD.Tensor(1.0)), T, r"^x must be a Dual, got Tensor")
add("autodiff grad f not callable", lambda: AD.grad(3), T, r"^f must be a function \(a callable\), got 3")
add("autodiff grad argument nan", lambda: AD.grad(lambda x, y: x * y)(1.0, nan), V, r"^y must be finite, got nan")
add("autodiff grad argument str", lambda: AD.value_and_grad(lambda x: x)("a"), T, r"^x must be a real number or an array of real numbers, got 'a'")
add("autodiff grad f returns float", lambda: AD.grad(lambda x: 3.0)(1.0), T, r"^f must return one number computed from its arguments.*got 3.0")
add("autodiff grad f returns vector", lambda: AD.grad(lambda x: x * 2)([1.0, 2.0]), V, r"^f must return one number \(a Tensor of size 1\), got a Tensor of shape \(2,\)")
add("autodiff grad no arguments", lambda: AD.grad(lambda: 3.0)(), T, r"^value_and_grad\(f\) needs at least one argument")
add("autodiff tape float", lambda: AD.tape(3.0), T, r"^out must be a Tensor, got 3.0")
add("autodiff Dual nan", lambda: AD.Dual(nan), V, r"^value must be finite, got nan")
add("autodiff Dual derivative str", lambda: AD.Dual(1.0, "1"), T, r"^derivative must be a real number, got '1'")
add("autodiff Dual + array", lambda: AD.Dual(1.0, 1.0) + np.array([1.0, 2.0]), T, r"^the other operand of \+ must be a Dual or a single number, got array of shape \(2,\)")
add("autodiff array + Dual", lambda: np.array([1.0, 2.0]) + AD.Dual(1.0, 1.0), T, r"^the other operand of \+ must be a Dual or a single number, got array")
add("autodiff Dual * list", lambda: AD.Dual(1.0, 1.0) * [1.0], T, r"^the other operand of \* must be a Dual or a single number, got \[1.0\]")
add("autodiff Dual + Tensor", lambda: AD.Dual(1.0, 1.0) + AD.Tensor(1.0), T, r"^the other operand of \+ must be a Dual or a single number, got Tensor")
add("autodiff Dual ** Dual", lambda: AD.Dual(2.0) ** AD.Dual(1.0), T, r"^the exponent of \*\* \(a constant\) must be a real number, got Dual\(1, 0\)")
add("autodiff Tensor log of 0", lambda: AD.log(AD.Tensor([1.0, 0.0])), V, r"^log needs positive values, got 0.0")
add("autodiff Dual log 0", lambda: AD.log(AD.Dual(0.0, 1.0)), V, r"^log needs a positive value, got 0.0")
add("autodiff directional_derivative f", lambda: AD.directional_derivative(3, [1.0], [1.0]), T, r"^f must be a function \(a callable\), got 3")
add("autodiff directional_derivative shapes", lambda: AD.directional_derivative(lambda p: p[0], [1.0, 2.0], [1.0]), V,
    r"^x and v must be two points of the same shape \(n,\), got shapes \(2,\) and \(1,\)")
add("autodiff directional_derivative f returns float", lambda: AD.directional_derivative(lambda p: 1.0, [1.0], [1.0]), T,
    r"^f must return a Dual computed from its argument, got 1.0")
add("autodiff forward_gradient x nan", lambda: AD.forward_gradient(lambda p: p[0], [nan]), V, r"^x must be finite")
add("autodiff forward_gradient x 2-D", lambda: AD.forward_gradient(lambda p: p[0], [[1.0, 2.0]]), V, r"^x must be one point of shape \(n,\), got shape \(1, 2\)")
# --- gdlib.autodiff: drawing and counting (the automatic-differentiation chapter) --------------------
def _example_tape():
    x, y = AD.Tensor(2.0, "x"), AD.Tensor(1.0, "y")
    return AD.tape(x**2 + x * y + y**2)


add("autodiff graph_layout not a tape", lambda: AD.graph_layout([1, 2]), T, r"^entries must be the list that tape\(out\) returns")
add("autodiff operation_counts f not callable", lambda: AD.operation_counts(3, [1.0]), T, r"^f must be a function")
add("autodiff operation_counts x 2-D", lambda: AD.operation_counts(lambda p: p[0], [[1.0]]), V,
    r"^x must be one point of shape \(n,\), got shape \(1, 1\)")
add("autodiff operation_counts x nan", lambda: AD.operation_counts(lambda p: p[0], [nan]), V, r"^x must be finite")
add("plot.computation_graph not a tape", lambda: plot.computation_graph(Figure().add_subplot(), "tape"), T,
    r"^entries must be the list that autodiff.tape\(out\) returns, got 'tape'")
add("plot.computation_graph values too many", lambda: plot.computation_graph(Figure().add_subplot(), _example_tape(), values=8), V,
    r"^values must be")
add("plot.computation_graph grads negative", lambda: plot.computation_graph(Figure().add_subplot(), _example_tape(), grads=-1), V,
    r"^grads must be")


# --- the backpropagation chapter: moons, the deep stack's data, training loops ---------------------
from gdlib.datasets import moons  # noqa: E402

add("moons n 3", lambda: moons(3), V, r"^n must be a whole number >= 4, got 3")
add("moons n float", lambda: moons(10.5), T, r"^n must be a whole number")
add("moons noise negative", lambda: moons(10, noise=-0.1), V, r"^noise must be in \[0, inf\), got -0.1")
add("moons seed str", lambda: moons(10, seed="1"), T, r"^seed must be a whole number >= 0, got '1'")
add("deep_data width 0", lambda: nw.deep_data(0), V, r"^width must be a whole number")
add("deep_data samples float", lambda: nw.deep_data(4, 2.5), T, r"^samples must be a whole number")
add("deep_backward weights empty", lambda: nw.deep_backward([], np.zeros((2, 2)), np.zeros((2, 2))), T,
    r"^weights must be a non-empty list of square matrices")
add("deep_train eta negative", lambda: nw.deep_train(nw.deep_init(2, 2), np.zeros((3, 2)), np.zeros((3, 2)), eta=-1.0), V,
    r"^eta must be in \(0, inf\), got -1.0")
add("deep_train steps 0", lambda: nw.deep_train(nw.deep_init(2, 2), np.zeros((3, 2)), np.zeros((3, 2)), steps=0), V,
    r"^steps must be a whole number >= 1, got 0")
add("deep_train max_norm 0", lambda: nw.deep_train(nw.deep_init(2, 2), np.ones((3, 2)), np.zeros((3, 2)), max_norm=0.0), V,
    r"^max_norm must be in \(0, inf\), got 0.0")
add("network train optimizer str", lambda: nw.train(_np, _nX, _ny, "GD", 3), T, r"^optimizer must be a gdlib optimizer")
add("network train epochs negative", lambda: nw.train(_np, _nX, _ny, __import__("gdlib").GD(eta=0.1), -1), V,
    r"^epochs must be a whole number")
# --- gdlib.training: the digits classifier's training loop ----------------------------------------
from gdlib import training as TR  # noqa: E402

_tX, _ty = np.random.default_rng(0).random((12, 4)), np.arange(12) % 10
_tp = nw.init((4, 3, 10))
add("training train optimizer class", lambda: TR.train(GD, _tX, _ty, _tX, _ty), T, r"^optimizer must be a gdlib optimizer")
add("training train optimizer str", lambda: TR.train("adam", _tX, _ty, _tX, _ty), T, r"^optimizer must be a gdlib optimizer.*got 'adam'")
add("training train X_train 1-D", lambda: TR.train(GD(eta=0.1), _tX[0], _ty, _tX, _ty), V, r"^X_train must be a finite array of shape \(N, n0\)")
add("training train X_train nan", lambda: TR.train(GD(eta=0.1), _tX * nan, _ty, _tX, _ty), V, r"^X_train must be a finite array")
add("training train X_train str", lambda: TR.train(GD(eta=0.1), "pixels", _ty, _tX, _ty), T, r"^X_train must be")
add("training train y_train short", lambda: TR.train(GD(eta=0.1), _tX, _ty[:5], _tX, _ty), V, r"^y must have one label per row of X \(12\), got 5")
add("training train y_train label 10", lambda: TR.train(GD(eta=0.1), _tX, _ty + 1, _tX, _ty), V, r"^y must hold class labels 0 to 9 \(one per output\), got 10")
add("training train y_train float", lambda: TR.train(GD(eta=0.1), _tX, _ty * 1.0, _tX, _ty), T, r"^y must be a 1-D array of whole-number class labels")
add("training train X_test columns", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX[:, :3], _ty), V, r"^X must have shape \(N, 4\)")
add("training train hidden 0", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, hidden=0), V, r"^hidden must be a whole number")
add("training train epochs 0", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, epochs=0), V, r"^epochs must be a whole number")
add("training train epochs float", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, epochs=2.5), T, r"^epochs must be a whole number")
add("training train epochs huge", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, epochs=10**9), V, r"^epochs must be a whole number from 1 to 10000")
add("training train batch_size 0", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, batch_size=0), V, r"^batch_size must be None or a whole number from 1 to 12, got 0")
add("training train batch_size too big", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, batch_size=13), V, r"^batch_size must be None or a whole number from 1 to 12, got 13")
add("training train batch_size float", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, batch_size=4.0), T, r"^batch_size must be None or a whole number")
add("training train activation", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, batch_size=4, activation="softplus"), V, r"^activation must be one of \['sigmoid', 'tanh', 'relu'\], got 'softplus'")
add("training train seed negative", lambda: TR.train(GD(eta=0.1), _tX, _ty, _tX, _ty, batch_size=4, seed=-1), V, r"^seed must be a whole number >= 0, got -1")
add("training train diverges", lambda: TR.train(GD(eta=1e300), _tX * 1e3, _ty, _tX, _ty, batch_size=4, activation="relu"), FloatingPointError,
    r"^the weights overflowed in epoch 1 with GD\(eta=1e\+300\): choose a smaller learning rate eta")
add("training loss params tuple", lambda: TR.loss(tuple(_tp), _tX, _ty), T, r"^params must be a gdlib.network.Params")
add("training loss X columns", lambda: TR.loss(_tp, _tX[:, :2], _ty), V, r"^X must have shape \(N, 4\)")
add("training loss labels 2-D", lambda: TR.loss(_tp, _tX, _ty[:, None]), T, r"^y must be a 1-D array of whole-number class labels")
add("training loss activation None", lambda: TR.loss(_tp, _tX, _ty, None), T, r"^activation must be one of")
add("training loss_and_gradient theta short", lambda: TR.loss_and_gradient(np.zeros(5), _tX, _ty, (4, 3, 10)), V, r"^theta must have shape \(55,\) for sizes \(4, 3, 10\), got shape \(5,\)")
add("training loss_and_gradient sizes int", lambda: TR.loss_and_gradient(np.zeros(55), _tX, _ty, 4), T, r"^sizes must be three layer sizes")
add("training loss_and_gradient theta nan", lambda: TR.loss_and_gradient(np.full(55, nan), _tX, _ty, (4, 3, 10)), V, r"^params.W1 must be finite")
add("training confusion_matrix lengths", lambda: TR.confusion_matrix([0, 1, 2], [0, 1]), V, r"^y must have one label per row of X \(3\), got 2")
add("training confusion_matrix label 10", lambda: TR.confusion_matrix([0, 10], [0, 1]), V, r"^y must hold class labels 0 to 9")
add("training confusion_matrix classes 0", lambda: TR.confusion_matrix([0], [0], classes=0), V, r"^classes must be a whole number")
add("autodiff local_slopes not a Tensor", lambda: AD.local_slopes(3.0), T, r"^out must be a Tensor, got 3.0")
add("autodiff local_slopes arrays", lambda: AD.local_slopes(AD.Tensor([1.0, 2.0]).sum()), V,
    r"^out must be computed from single numbers only \(a slope per arrow\), got a node of shape \(2,\)")
add("plot.computation_graph slopes not an arrow", lambda: plot.computation_graph(Figure().add_subplot(), _example_tape(), slopes={(0, 6): "1"}), V,
    r"^slopes must map arrows \(node, input\) of the tape to labels, got \[\(0, 6\)\]")
add("plot.computation_graph highlight not an arrow", lambda: plot.computation_graph(Figure().add_subplot(), _example_tape(), highlight={(0, 6)}), V,
    r"^highlight must list arrows \(node, input\) of the tape, got \[\(0, 6\)\]")
