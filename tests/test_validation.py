"""The argument checks themselves: boundaries and the exact words of their messages."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from gdlib import validation
from gdlib.validation import ArgumentTypeError


def message(call):
    with pytest.raises((TypeError, ValueError)) as err:
        call()
    return str(err.value)


def test_an_argument_type_error_is_both_a_type_error_and_a_value_error():
    assert issubclass(ArgumentTypeError, TypeError) and issubclass(ArgumentTypeError, ValueError)


def test_interval_boundaries_and_messages():
    assert validation.interval("xlim", (0, 1)) == (0.0, 1.0)
    assert message(lambda: validation.interval("xlim", (1, 1))) == "xlim must have low < high, got (1, 1)"
    assert message(lambda: validation.interval("xlim", [0, 1, 2])) == \
        "xlim must be a pair (low, high) of numbers, got 3 values: [0, 1, 2]"
    assert message(lambda: validation.interval("xlim", {"low": 0})) == \
        "xlim must be a pair (low, high) of numbers, got {'low': 0}"


def test_figsize_boundaries_and_messages():
    assert validation.figsize("figsize", (12, 0.5)) == (12.0, 0.5)
    assert message(lambda: validation.figsize("figsize", (560, 350))) == (
        "figsize is in inches, got (560, 350): at most 12 inches a side "
        "(at 100 dots an inch, 560 inches would be 56,000 pixels)")
    assert message(lambda: validation.figsize("figsize", "5x3")) == "figsize must be (width, height) in inches, got '5x3'"
    assert message(lambda: validation.figsize("figsize", (5, 0))) == "figsize[1] must be in (0, inf), got 0.0"


def test_real_ranges_and_sympy_numbers():
    assert validation.real("a", sp.Rational(1, 2)) == 0.5
    assert validation.real("a", np.float32(0.25)) == 0.25
    assert validation.real("a", 1, low=1, low_open=False) == 1.0
    assert validation.real("a", 1, high=1, high_open=False) == 1.0
    assert message(lambda: validation.real("a", 1, high=1)) == "a must be in (-inf, 1), got 1.0"
    assert message(lambda: validation.real("a", sp.Symbol("t"))) == "a must be a real number, got t"
    assert message(lambda: validation.real("a", [1.0])) == "a must be one real number, got [1.0]"


def test_describe_shortens_long_values():
    assert validation.describe(np.zeros((2, 3))) == "array of shape (2, 3)"
    assert validation.describe(np.float64(1.5)) == "1.5"
    assert validation.describe("x" * 100) == repr("x" * 100)[:77] + "..."


def test_numbers_in_objects_and_nested_lists():
    np.testing.assert_array_equal(validation.point("x0", [np.float32(1.0), 2]), [1.0, 2.0])
    np.testing.assert_array_equal(validation.point("x0", np.array([1, 2], dtype=object)), [1.0, 2.0])
    assert message(lambda: validation.point("x0", np.array([1, None], dtype=object))) == \
        "x0 must be an array of real numbers, got value None at index 1"
    assert message(lambda: validation.point("x0", [[1.0, 2.0], [3.0, 4j]])) == \
        "x0 must be real, got complex value 4j at index (1, 1)"
    assert message(lambda: validation.point("x0", np.array([1.0, 2.0 + 0j]))) == (
        "x0 must be real, got a complex array array of shape (2,): pass its .real part if that is what you mean")


def test_points_keep_their_shape():
    assert validation.points("point", [[1, 2], [3, 4]], 2).shape == (2, 2)
    assert message(lambda: validation.points("point", [1, 2, 3], 2)) == "point must have shape (..., 2), got shape (3,)"


def test_count_ranges():
    assert validation.count("n", 5, low=5, high=5) == 5
    assert message(lambda: validation.count("n", 6, low=5, high=5)) == "n must be a whole number from 5 to 5, got 6"
    assert message(lambda: validation.count("n", 4, low=5)) == "n must be a whole number >= 5, got 4"
    assert validation.count("n", np.int64(3)) == 3


def test_budget_counts_the_iterates_and_their_overhead():
    validation.budget(10**6, 1, 2, single=True)  # 1e6 steps of one run: about 128 MB
    assert message(lambda: validation.budget(2 * 10**6, 1, 2, single=True)) == (
        "steps x runs = 2,000,000 x 1 = 2,000,001 iterates of 2 numbers (about 256 MB) exceeds descend's "
        "budget of 250 MB: use at most steps=1,953,124 for 1 run")
    validation.budget(15_624, 1000, 2, single=False)
    with pytest.raises(ValueError, match=r"use at most steps=15,624 for 1,000 runs"):
        validation.budget(15_625, 1000, 2, single=False)


def test_symbols_and_expressions():
    x, y = sp.symbols("x y", real=True)
    assert validation.symbols("symbols", [x, y]) == (x, y)
    assert validation.symbols("symbols", sp.Matrix([x, y])) == (x, y)
    assert validation.expression("expr", 2) == 2 and validation.expression("expr", 0.5) == 0.5
    assert message(lambda: validation.expression("expr", sp.oo)) == "expr must be finite, got oo"
    assert message(lambda: validation.expression("expr", 1 + 2j)) == "expr must be real, got (1+2j)"
    assert message(lambda: validation.expression("expr", 2 * sp.I)) == "expr must be real, got 2*I"
    validation.in_symbols(x**2 + sp.Symbol("a"), (x,), strict=False)  # a parameter is fine here
    assert message(lambda: validation.in_symbols(x**2 + sp.Symbol("a"), (x,), strict=True)) == \
        "expr uses symbols {a} that are not in symbols (x)"
    plain = sp.Symbol("x")
    assert message(lambda: validation.in_symbols(plain**2, (x,), strict=False)) == (
        "expr uses symbols that only look like those in symbols: x (no assumptions) is not the symbol x (real) "
        "of symbols. Make every symbol once, e.g. x, y = sp.symbols('x y', real=True), and use those")
    assert message(lambda: validation.in_symbols(x**2, (plain,), strict=False)) .startswith(
        "expr uses symbols that only look like those in symbols: x (real) is not the symbol x (no assumptions)")


def test_text_and_function():
    assert validation.text("label", None, optional=True) is None
    assert message(lambda: validation.text("label", None)) == "label must be a string, got None"
    assert message(lambda: validation.function("grad", sp.Symbol("x") ** 2, "x -> gradient")) == \
        "grad must be a function x -> gradient, got x**2: lambdify it, or use a gdlib.functions.Function"


def test_describe_of_arrays_and_numpy_scalars():
    assert validation.describe(np.zeros(3)) == "array of shape (3,)"
    assert validation.describe(np.array(2.0)) == "array(2.)"
    assert validation.describe(np.int64(3)) == "3"
    assert validation.describe("x" * 80) == repr("x" * 80)[:77] + "..."
    assert validation.describe("x" * 78) == repr("x" * 78)


def test_path_messages():
    assert message(lambda: validation.path("run", "abc", 2)) == "run must be an array of iterates (or a Result), got 'abc'"
    assert message(lambda: validation.path("run", np.zeros((3, 3)), 2)) == \
        "run must have shape (k, 2) with k >= 1 (one row per iterate), got shape (3, 3)"


def test_validation_imports_no_module_of_gdlib():
    # Validation is the ground floor: every module of gdlib imports it, so it may import none of
    # them, not even lazily inside a function (that was the circle validation -> functions -> calculus).
    tree = ast.parse(Path(validation.__file__).read_text())
    imported = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__"):
            imported.append(ast.unparse(node))
    assert imported and all(not name.startswith(".") and "gdlib" not in name for name in imported), imported


def test_a_class_where_a_function_is_expected_says_how_to_make_one():
    class Line:
        def __init__(self, x, y, *args, unit, scale=1.0, **kwargs): ...

    assert message(lambda: validation.function("grad", Line, "x -> gradient")) == \
        "grad must be a function x -> gradient, got the class Line: instantiate it first, e.g. Line(x, y, unit=unit)"
    assert message(lambda: validation.function("f", int, "x -> value")).endswith("got the class int: instantiate it first, e.g. int(...)")
