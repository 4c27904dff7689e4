"""Generate the torch.optim golden trajectories in tests/golden/torch_trajectories.npz.

Run once, by hand, with torch installed (`pip install torch==2.13.0`):

    python tests/make_golden.py

The tests read the committed file and never import torch. The functions are
written here again in torch, independently of gdlib, and differentiated by
torch's autograd, so the golden files check gdlib's gradients too.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import torch

torch.set_default_dtype(torch.float64)

FUNCTIONS = {
    "square": (lambda p: p[0] ** 2, [3.0]),
    "bowl": (lambda p: p[0] ** 2 + p[0] * p[1] + p[1] ** 2, [3.0, 4.0]),
    "ill_conditioned": (lambda p: (p[0] ** 2 + 25 * p[1] ** 2) / 2, [4.0, 1.0]),
    "saddle": (lambda p: p[0] ** 2 - p[1] ** 2, [2.0, 0.01]),
    "rosenbrock": (lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2, [-1.5, 2.0]),
}

# gdlib name -> (torch class, how gdlib's hyper-parameters map to torch's)
TORCH = {
    "GD": (torch.optim.SGD, lambda h: dict(lr=h["eta"])),
    "Momentum": (torch.optim.SGD, lambda h: dict(lr=h["eta"], momentum=h["mu"])),
    "Nesterov": (torch.optim.SGD, lambda h: dict(lr=h["eta"], momentum=h["mu"], nesterov=True)),
    "AdaGrad": (torch.optim.Adagrad, lambda h: dict(lr=h["eta"], eps=h["eps"])),
    "RMSProp": (torch.optim.RMSprop, lambda h: dict(lr=h["eta"], alpha=h["rho"], eps=h["eps"])),
    "AdaDelta": (torch.optim.Adadelta, lambda h: dict(lr=h["eta"], rho=h["rho"], eps=h["eps"])),
    "Adam": (torch.optim.Adam, lambda h: dict(lr=h["eta"], betas=(h["beta1"], h["beta2"]), eps=h["eps"])),
}

# A stable and, where the rule can blow up, an unstable learning rate per function.
SMALL = {"square": 0.1, "bowl": 0.1, "ill_conditioned": 0.05, "saddle": 0.1, "rosenbrock": 0.001}
LARGE = {"square": 1.1, "bowl": 0.9, "ill_conditioned": 0.1, "saddle": 0.5, "rosenbrock": 0.01}


def cases():
    for fn in FUNCTIONS:
        small, large = SMALL[fn], LARGE[fn]
        yield "GD", fn, dict(eta=small)
        yield "GD", fn, dict(eta=large)
        yield "Momentum", fn, dict(eta=small / 2, mu=0.9)
        yield "Momentum", fn, dict(eta=large, mu=0.5)
        yield "Nesterov", fn, dict(eta=small / 2, mu=0.9)
        yield "Nesterov", fn, dict(eta=large, mu=0.5)
        yield "AdaGrad", fn, dict(eta=0.5, eps=1e-10)
        yield "RMSProp", fn, dict(eta=0.01, rho=0.99, eps=1e-8)
        yield "RMSProp", fn, dict(eta=0.1, rho=0.9, eps=1e-6)
        yield "AdaDelta", fn, dict(eta=1.0, rho=0.9, eps=1e-6)
        yield "AdaDelta", fn, dict(eta=10.0, rho=0.95, eps=1e-4)
        yield "Adam", fn, dict(eta=0.1, beta1=0.9, beta2=0.999, eps=1e-8)
        yield "Adam", fn, dict(eta=0.02, beta1=0.5, beta2=0.9, eps=1e-6)


# torch's state names -> gdlib's (see the optimizers' docstrings)
STATE = {"momentum_buffer": "m", "sum": "v", "square_avg": "v", "acc_delta": "u",
         "exp_avg": "m", "exp_avg_sq": "v"}
STATE_OF = {"GD": (), "Momentum": ("m",), "Nesterov": ("m",), "AdaGrad": ("v",),
            "RMSProp": ("v",), "AdaDelta": ("v", "u"), "Adam": ("m", "v")}


def trajectory(name: str, fn: str, hyper: dict, steps: int, x0: list[float]) -> dict[str, np.ndarray]:
    """Torch's iterates, and its optimizer state after each step (row 0: before the first)."""
    f = FUNCTIONS[fn][0]
    p = torch.tensor(x0, requires_grad=True)
    cls, kwargs = TORCH[name]
    opt = cls([p], **kwargs(hyper))
    rows = {"xs": [list(x0)], **{k: [[0.0] * len(x0)] for k in STATE_OF[name]}}
    for _ in range(steps):
        opt.zero_grad()
        f(p).backward()
        opt.step()
        rows["xs"].append(p.detach().tolist())
        for key, value in opt.state[p].items():
            if key in STATE:
                rows[STATE[key]].append(value.tolist())
        if not all(math.isfinite(v) for v in rows["xs"][-1]):
            break
    return {k: np.array(v) for k, v in rows.items()}


def horizon(name: str, fn: str, hyper: dict, steps: int, xs: np.ndarray) -> int:
    """How many steps torch reproduces itself (to 1e-12 of the scale) from a start moved by 1e-15.

    Some runs (adaptive steps bouncing in a valley) amplify rounding errors
    chaotically; beyond this horizon no float64 implementation, torch included,
    can be expected to follow the golden path, so the free-running comparison stops there.
    The step-by-step comparison, from torch's own state, covers every step.
    """
    x0 = xs[0] * (1 + 1e-15)
    other = trajectory(name, fn, hyper, steps, x0.tolist())["xs"]
    k = min(len(xs), len(other))
    scale = np.nanmax(np.abs(xs[np.isfinite(xs).all(axis=1)]))
    with np.errstate(invalid="ignore"):
        off = np.flatnonzero(~(np.abs(other[:k] - xs[:k]).max(axis=1) <= 1e-12 * scale))
    return int(off[0]) if off.size else k


DEFAULTS = {"optim": ("SGD", "Adagrad", "RMSprop", "Adadelta", "Adam"), "lr_scheduler": ("StepLR",)}


def defaults() -> None:
    """Write torch's documented default hyper-parameters to tests/golden/torch_defaults.json."""
    import inspect

    out = {"torch": torch.__version__.split("+")[0],
           "source": "the default arguments of torch.optim's constructors in torch "
                     f"{torch.__version__.split('+')[0]} (inspect.signature; tests/make_golden.py "
                     "writes this file when torch is installed)"}
    for module, names in DEFAULTS.items():
        out[module] = {}
        for name in names:
            cls = getattr(getattr(torch.optim, module) if module != "optim" else torch.optim, name)
            out[module][name] = {
                p.name: list(p.default) if isinstance(p.default, tuple) else p.default
                for p in inspect.signature(cls).parameters.values()
                if p.default is not inspect.Parameter.empty and isinstance(p.default, (int, float, bool, tuple))
                and p.kind is p.POSITIONAL_OR_KEYWORD and p.name not in ("last_epoch", "verbose")}
    path = Path(__file__).with_name("golden") / "torch_defaults.json"
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote torch {out['torch']}'s defaults to {path}")


def main() -> None:
    defaults()
    steps = 300
    arrays, meta = {}, []
    for i, (name, fn, hyper) in enumerate(cases()):
        rows = trajectory(name, fn, hyper, steps, FUNCTIONS[fn][1])
        xs = rows["xs"]
        diverged = bool((~np.isfinite(xs)).any() or (np.abs(xs[np.isfinite(xs)]) > 1e10).any())
        meta.append(dict(optimizer=name, function=fn, hyper=hyper, steps=steps,
                         diverged=diverged, horizon=horizon(name, fn, hyper, steps, xs)))
        for key, value in rows.items():
            arrays[f"{i}/{key}"] = value
    path = Path(__file__).with_name("golden") / "torch_trajectories.npz"
    np.savez_compressed(path, meta=np.array(json.dumps(dict(torch=torch.__version__, cases=meta))),
                        **arrays)
    chaotic = sum(m["horizon"] < steps for m in meta)
    print(f"wrote {len(meta)} trajectories to {path} ({chaotic} with a chaos horizon)")


if __name__ == "__main__":
    main()
