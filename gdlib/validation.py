"""Argument checks shared by the optimizers, schedules and `descend`.

Every message names the argument and the value it got, so that a reader who
mistypes a learning rate sees which one and why it was refused.
"""

from __future__ import annotations

import numbers

import numpy as np


def _describe(value: object) -> str:
    arr = np.asarray(value)
    if arr.ndim == 0:
        return repr(value.item() if isinstance(value, np.generic) else value)
    return f"array of shape {arr.shape}"


def hyper(name: str, value: object, *, low: float, high: float | None = None,
          low_open: bool = True, high_open: bool = True) -> float | np.ndarray:
    """Check a hyper-parameter: a real number, or a 1-D array of them (one per run).

    Returns a float, or a float array of shape ``(B, 1)`` that broadcasts
    against a batch of iterates of shape ``(B, n)``.
    """
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.ndarray, list, tuple)):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    arr = np.asarray(value, dtype=float)
    if arr.ndim > 1 or arr.size == 0:
        raise ValueError(f"{name} must be a number or a 1-D array of numbers, got {_describe(value)}")
    bad_low = (arr <= low) if low_open else (arr < low)
    bad_high = np.zeros_like(arr, dtype=bool)
    if high is not None:
        bad_high = (arr >= high) if high_open else (arr > high)
    bad = ~np.isfinite(arr) | bad_low | bad_high
    if np.any(bad):
        lo = "(" if low_open else "["
        hi = (")" if high_open else "]") if high is not None else ")"
        rng = f"{lo}{low:g}, {high:g}{hi}" if high is not None else f"{lo}{low:g}, inf)"
        shown = float(arr[bad].flat[0])
        where = "" if arr.ndim == 0 else f" (element {int(np.flatnonzero(bad)[0])})"
        raise ValueError(f"{name} must be in {rng}, got {shown!r}{where}")
    if arr.ndim == 0:
        return float(arr)
    return arr[:, None]


def point(name: str, value: object) -> np.ndarray:
    """Check a starting point: a finite 1-D vector, or a 2-D batch of them."""
    try:
        arr = np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be an array of real numbers, got {value!r}") from None
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim > 2 or arr.shape[-1] == 0:
        raise ValueError(f"{name} must have shape (n,) or (batch, n) with n >= 1, "
                         f"got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return arr


def count(name: str, value: object) -> int:
    """Check a whole number >= 0 (a step count)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    return int(value)
