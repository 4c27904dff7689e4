"""Time gdlib's optimizers against torch.optim in the same run.

    python benchmarks/optimizers.py

Reports medians of repeated runs: one update step, a 1,000-step trajectory on the
2-D bowl x^2 + xy + y^2 (``descend``, with its divergence checks and bookkeeping),
and one call that sweeps 1,000 learning rates for 1,000 steps. torch is timed
only when it is installed (``pip install torch==2.13.0``).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

import gdlib
from gdlib import descend
from gdlib import functions as F

HYPER = {
    "GD": dict(eta=0.1), "Momentum": dict(eta=0.05, mu=0.9), "Nesterov": dict(eta=0.05, mu=0.9),
    "AdaGrad": dict(eta=0.5), "RMSProp": dict(eta=0.01), "AdaDelta": dict(eta=1.0), "Adam": dict(eta=0.1),
}
TORCH_NAMES = {
    "GD": ("SGD", lambda h: dict(lr=h["eta"])),
    "Momentum": ("SGD", lambda h: dict(lr=h["eta"], momentum=h["mu"])),
    "Nesterov": ("SGD", lambda h: dict(lr=h["eta"], momentum=h["mu"], nesterov=True)),
    "AdaGrad": ("Adagrad", lambda h: dict(lr=h["eta"])),
    "RMSProp": ("RMSprop", lambda h: dict(lr=h["eta"])),
    "AdaDelta": ("Adadelta", lambda h: dict(lr=h["eta"])),
    "Adam": ("Adam", lambda h: dict(lr=h["eta"])),
}


def median_time(fn, repeat: int = 15) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def gdlib_trajectory(name: str, steps: int = 1000):
    opt = getattr(gdlib, name)(**HYPER[name])
    return lambda: descend(F.bowl.grad, [3.0, 4.0], opt, steps=steps)


def gdlib_steps(name: str, steps: int = 1000):
    """The bare update loop (no descend bookkeeping), to time one step."""
    opt = getattr(gdlib, name)(**HYPER[name])

    def run():
        x = np.array([3.0, 4.0])
        state = opt.init(x)
        for _ in range(steps):
            x, state = opt.update(x, F.bowl.grad(x), state)
    return run


def torch_trajectory(name: str, steps: int = 1000):
    import torch
    cls_name, kwargs = TORCH_NAMES[name]

    def run():
        p = torch.tensor([3.0, 4.0], dtype=torch.float64, requires_grad=True)
        opt = getattr(torch.optim, cls_name)([p], **kwargs(HYPER[name]))
        xs = [p.detach().clone()]
        for _ in range(steps):
            opt.zero_grad()
            (p[0] ** 2 + p[0] * p[1] + p[1] ** 2).backward()
            opt.step()
            xs.append(p.detach().clone())
    return run


def main() -> None:
    try:
        import torch
        torch.set_num_threads(1)
        have_torch = True
    except ImportError:
        have_torch = False
    print(f"{'optimizer':10} {'step µs':>8} {'1000 steps ms':>14}", end="")
    print(f" {'torch 1000 ms':>14} {'speed-up':>9}" if have_torch else "")
    for name in HYPER:
        step = median_time(gdlib_steps(name)) / 1000 * 1e6
        traj = median_time(gdlib_trajectory(name)) * 1e3
        print(f"{name:10} {step:8.2f} {traj:14.2f}", end="")
        if have_torch:
            t = median_time(torch_trajectory(name), repeat=5) * 1e3
            print(f" {t:14.1f} {t / traj:8.1f}x")
        else:
            print()
    etas = np.geomspace(1e-4, 1.0, 1000)
    for name in ("GD", "Adam"):
        opt = getattr(gdlib, name)(eta=etas)
        sweep = median_time(lambda opt=opt: descend(F.bowl.grad, [3.0, 4.0], opt, steps=1000), repeat=5)
        print(f"sweep of 1,000 learning rates x 1,000 steps, {name}, one call: {sweep * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
