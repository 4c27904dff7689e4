"""Every bad input of the battery (tests/battery.py) gives a clear error, and only that.

Clear means: the exception type the battery expects (TypeError for a wrong kind of value,
ValueError for a value out of range), raised at once, with a message in gdlib's own words
that names the argument, and no warning on the way.
"""

from __future__ import annotations

import re
import warnings

import matplotlib.pyplot as plt
import pytest

from battery import BATTERY


def test_the_battery_is_large_and_covers_every_module():
    assert len(BATTERY) >= 200
    prefixes = {name.split()[0].split(".")[0] for name, *_ in BATTERY}
    for public in ("descend", "GD", "Adam", "Step", "gradient", "taylor_nd", "classify", "Function", "bowl",
                   "LinearRegression", "SigmoidNeuron", "minibatches", "sigmoid", "plot", "Param",
                   "interactive", "check", "result"):
        assert public in prefixes, public


@pytest.mark.parametrize("call, exc, pattern", [entry[1:] for entry in BATTERY], ids=[e[0] for e in BATTERY])
def test_bad_input_gives_a_clear_error(call, exc, pattern):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(exc) as err:
            call()
    if exc is ValueError:  # a value of the right kind: not also a TypeError
        assert not isinstance(err.value, TypeError), f"{type(err.value).__name__}: {err.value}"
    assert re.search(pattern, str(err.value)), str(err.value)
    plt.close("all")
