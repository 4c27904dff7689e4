"""The notation crosswalk (book/crosswalk.md) against the notation page, gdlib and torch's signatures.

torch is not installed, so its constructor arguments and defaults are declared here, copied
from the signatures in torch.optim's documentation (torch 2.x: SGD, Adagrad, RMSprop,
Adadelta, Adam). The tests then check that the page, the notation page, gdlib's classes and
their docstrings all tell the same story: an argument added to a gdlib optimizer, a row
dropped from the notation page or a torch name mistyped on the page fails here.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import numpy as np
import pytest

from gdlib import optimizers
from gdlib.race import AMSGrad

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "book" / "crosswalk.md").read_text()
NOTATION = (ROOT / "book" / "notation.md").read_text()

# Constructor arguments and defaults as torch documents them, without `params` and the
# switches that only choose an implementation (foreach, fused, capturable, differentiable).
TORCH = {
    "SGD": {"lr": 1e-3, "momentum": 0, "dampening": 0, "weight_decay": 0, "nesterov": False,
            "maximize": False},
    "Adagrad": {"lr": 1e-2, "lr_decay": 0, "weight_decay": 0, "initial_accumulator_value": 0,
                "eps": 1e-10, "maximize": False},
    "RMSprop": {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0, "momentum": 0,
                "centered": False, "maximize": False},
    "Adadelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weight_decay": 0, "maximize": False},
    "Adam": {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0, "amsgrad": False,
             "maximize": False, "decoupled_weight_decay": False},
}
# Not mirrored by gdlib; only its row of the defaults table is checked against this.
TORCH_OTHERS = {
    "AdamW": {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 1e-2, "amsgrad": False,
              "maximize": False},
}

# The keys of ``optimizer.state[p]``, as torch's implementation names them (torch 2.x),
# besides "step": each must be named on the page, in quotes.
TORCH_STATE = {
    "SGD": {"momentum_buffer"},
    "Adagrad": {"sum"},
    "RMSprop": {"square_avg", "momentum_buffer", "grad_avg"},
    "Adadelta": {"square_avg", "acc_delta"},
    "Adam": {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"},
}

# torch.optim.lr_scheduler's rates as its documentation defines them, with ``e`` the
# scheduler's count (``last_epoch``): 0 before its first ``step()``. Stepped once after each
# ``optimizer.step()``, update t runs with e = t - 1.
TORCH_SCHEDULERS = {
    "StepLR": lambda lr, e, step_size, gamma: lr * gamma ** (e // step_size),
    "ExponentialLR": lambda lr, e, gamma: lr * gamma ** e,
    "LambdaLR": lambda lr, e, lr_lambda: lr * lr_lambda(e),
}

# Each gdlib optimizer as a torch call: the torch class, gdlib argument -> torch argument
# (``betas[0]`` is the first entry of the tuple), and the switches that select the variant.
_ADAM = {"eta": "lr", "beta1": "betas[0]", "beta2": "betas[1]", "eps": "eps"}
EQUIVALENT = {
    "GD": ("SGD", {"eta": "lr"}, {}),
    "Momentum": ("SGD", {"eta": "lr", "mu": "momentum"}, {}),
    "Nesterov": ("SGD", {"eta": "lr", "mu": "momentum"}, {"nesterov": True}),
    "AdaGrad": ("Adagrad", {"eta": "lr", "eps": "eps"}, {}),
    "RMSProp": ("RMSprop", {"eta": "lr", "rho": "alpha", "eps": "eps"}, {}),
    "AdaDelta": ("Adadelta", {"eta": "lr", "rho": "rho", "eps": "eps"}, {}),
    "Adam": ("Adam", _ADAM, {}),
    "AMSGrad": ("Adam", _ADAM, {"amsgrad": True}),
}
CLASSES = {cls.__name__: cls for cls in (*optimizers.ALL, AMSGrad)}
# The page says these four take torch's defaults (GD and Momentum choose their own).
SAME_DEFAULTS = ("AdaGrad", "RMSProp", "AdaDelta", "Adam", "AMSGrad")
# Rows of the notation page's first table that are not optimizer quantities.
NOT_OPTIMIZER_SYMBOLS = {r"\nabla^2 f", "s", r"\mathbb{E}[\cdot]",
                         # the backpropagation chapter's network (rows "$X$, $W_l$, $b_l$" and so on)
                         "X$, $W_l$, $b_l", "Z_l$, $A_l", "P$, $Y", "a",
                         # the automatic-differentiation chapter's tape values and adjoints
                         r"v_1, v_2, \dots", r"\bar v",
                         # the digits chapter's classifier
                         "p_k$, $\\ell", "C_{jk}"}


def _arguments(cls: type) -> list[str]:
    return [name for name in inspect.signature(cls.__init__).parameters if name != "self"]


def _torch_name(name: str) -> str:
    return name.split("[")[0]


def _section(title: str) -> str:
    """The text of the page from the heading that starts with ``title`` to the next heading of its level."""
    match = re.search(rf"^(#+) {re.escape(title)}.*$", PAGE, re.M)
    assert match, f"the crosswalk has no heading {title!r}"
    level = len(match[1])
    rest = PAGE[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[:end.start()] if end else rest


def _tables(text: str) -> list[list[list[str]]]:
    """The pipe tables in ``text``: a list of rows (header first, separator dropped) of cells."""
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


def _code(cell: str) -> str:
    """The code spans of a cell joined into one string (a long call is split over several)."""
    return " ".join(re.findall(r"`([^`]+)`", cell)).replace("( ", "(")


def _call(source: str) -> tuple[str, dict[str, str], dict[str, object]]:
    """``Name(a=x, b=(y, z), c=True)`` -> (Name, {x: a, y: b[0], z: b[1]}, {c: True})."""
    call = ast.parse(source, mode="eval").body
    assert isinstance(call, ast.Call), source
    mapping, switches = {}, {}
    for kw in call.keywords:
        if isinstance(kw.value, ast.Name):
            mapping[kw.value.id] = kw.arg
        elif isinstance(kw.value, ast.Tuple):
            for i, element in enumerate(kw.value.elts):
                mapping[element.id] = f"{kw.arg}[{i}]"
        else:
            switches[kw.arg] = ast.literal_eval(kw.value)
    return call.func.id, mapping, switches


def _page_mapping() -> dict[str, tuple[list[str], str, dict[str, str], dict[str, object]]]:
    (table,) = [t for t in _tables(_section("`gdlib` and `torch.optim`")) if t[0][0] == "`gdlib`"]
    rows = {}
    for gdlib_cell, torch_cell in table[1:]:
        ours = ast.parse(_code(gdlib_cell), mode="eval").body
        name, mapping, switches = _call(_code(torch_cell))
        rows[ours.func.id] = ([a.id for a in ours.args], name, mapping, switches)
    return rows


def test_every_optimizer_has_a_declared_torch_equivalent():
    assert set(EQUIVALENT) == set(CLASSES)


@pytest.mark.parametrize("name", sorted(EQUIVALENT))
def test_the_declared_equivalent_names_every_constructor_argument(name):
    torch_class, mapping, switches = EQUIVALENT[name]
    assert set(mapping) == set(_arguments(CLASSES[name])), (
        f"{name}'s arguments changed: map each to its torch name in EQUIVALENT and on the page")
    assert {_torch_name(t) for t in mapping.values()} | set(switches) <= set(TORCH[torch_class])


@pytest.mark.parametrize("name", sorted(EQUIVALENT))
def test_the_page_maps_each_optimizer_as_declared(name):
    rows = _page_mapping()
    assert name in rows, f"the crosswalk's gdlib/torch table has no row for {name}"
    arguments, torch_class, mapping, switches = rows[name]
    assert arguments == _arguments(CLASSES[name]), f"the page writes {name}({', '.join(arguments)})"
    assert (torch_class, mapping, switches) == EQUIVALENT[name]
    assert set(_torch_name(t) for t in mapping.values()) | set(switches) <= set(TORCH[torch_class])


@pytest.mark.parametrize("name", sorted(EQUIVALENT))
def test_the_docstring_states_the_same_torch_call_as_the_page(name):
    doc = " ".join(inspect.getdoc(CLASSES[name]).split())
    match = re.search(r"``torch\.optim\.(\w+)\(params, (.*?)\)``", doc)
    assert match, f"{name}'s docstring does not say which torch.optim call it equals"
    assert _call(f"{match[1]}({match[2]})") == EQUIVALENT[name]


def test_every_torch_argument_the_library_maps_appears_on_the_page_as_code():
    spans = " ".join(re.findall(r"`([^`]+)`", PAGE))
    names = {_torch_name(t) for _, mapping, _ in EQUIVALENT.values() for t in mapping.values()}
    names |= {s for _, _, switches in EQUIVALENT.values() for s in switches}
    missing = sorted(n for n in names if not re.search(rf"\b{n}\b", spans))
    assert missing == []


def test_every_torch_argument_the_library_leaves_out_is_explained():
    mapped = {_torch_name(t) for _, mapping, _ in EQUIVALENT.values() for t in mapping.values()}
    others = {arg for args in TORCH.values() for arg in args} - mapped
    section = _section("`gdlib` and `torch.optim`")
    explained = set(re.findall(r"^`(\w+)`(?:, `(\w+)`)?", section, re.M))
    explained = {name for pair in explained for name in pair if name}
    assert sorted(others - explained - {"nesterov"}) == []


@pytest.mark.parametrize("name", SAME_DEFAULTS)
def test_the_adaptive_optimizers_take_torchs_defaults(name):
    torch_class, mapping, _ = EQUIVALENT[name]
    defaults = {p.name: p.default for p in inspect.signature(CLASSES[name].__init__).parameters.values()
                if p.name != "self"}
    for ours, theirs in mapping.items():
        value = TORCH[torch_class][_torch_name(theirs)]
        if "[" in theirs:
            value = value[int(theirs[-2])]
        assert defaults[ours] == value, f"{name}({ours}={defaults[ours]}) but torch's {theirs} = {value}"


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_every_optimizer_has_an_update_rule_section(name):
    match = re.search(rf"^### .*: `{name}`$", PAGE, re.M)
    assert match, f"the crosswalk has no update-rule section for {name}"
    body = PAGE[match.end():].split("\n#", 1)[0]
    assert "$$" in body, f"the {name} section does not write its rule"
    torch_class = EQUIVALENT[name][0]
    assert f"`{torch_class}(" in body, f"the {name} section does not give its torch call"


def _notation_symbols() -> list[str]:
    table = _tables(NOTATION.split("## Conventions", 1)[0])[0]
    symbols = [row[0].strip("$").split(" =")[0].strip() for row in table[1:]]
    return [s for s in symbols if s not in NOT_OPTIMIZER_SYMBOLS]


def _here_columns() -> list[list[str]]:
    tables = [t for t in _tables(_section("Quantities")) if "Here" in t[0]]
    assert len(tables) == 3, "the Quantities section should have its three tables"
    columns = []
    for table in tables:
        i = table[0].index("Here")
        columns.append([", ".join(re.findall(r"\$([^$]+)\$", row[i])) for row in table[1:]])
    return columns


def test_the_here_column_has_every_optimizer_symbol_of_the_notation_page():
    first, *_ = _here_columns()
    assert len(_notation_symbols()) >= 15
    missing = [s for s in _notation_symbols() if s not in first]
    assert missing == [], f"the notation page's symbols {missing} have no row in the crosswalk"


def test_the_here_column_uses_no_symbol_the_notation_page_lacks():
    first, *_ = _here_columns()
    assert [s for s in first if s not in _notation_symbols()] == []


def test_the_quantity_tables_have_the_same_rows():
    first, *others = _here_columns()
    assert all(other == first for other in others)


def _first_step(optimizer, g: float) -> float:
    x0 = np.array([0.0])
    x, _ = optimizer.update(x0, np.array([g]), optimizer.init(x0))
    return float(x[0] - x0[0])


@pytest.mark.parametrize("name", ["AdaGrad", "RMSProp", "AdaDelta", "Adam"])
def test_the_epsilon_table_says_where_gdlib_puts_epsilon(name):
    # A large eps makes the two forms far apart: g / (|g| + eps) against g / sqrt(g^2 + eps).
    eps, g, rho = 16.0, 3.0, 0.5
    cls = CLASSES[name]
    kwargs = {"eta": 1.0, "eps": eps} | ({"rho": rho} if "rho" in _arguments(cls) else {})
    step = -_first_step(cls(**kwargs), g)
    v = {"AdaGrad": g**2, "RMSProp": (1 - rho) * g**2, "AdaDelta": (1 - rho) * g**2, "Adam": g**2}[name]
    top = {"inside": np.sqrt(eps), "outside": eps} if name == "AdaDelta" else {"inside": 1.0, "outside": 1.0}
    forms = {"inside": top["inside"] * g / np.sqrt(v + eps), "outside": top["outside"] * g / (np.sqrt(v) + eps)}
    (measured,) = [form for form, value in forms.items() if np.isclose(step, value)]
    (table,) = [t for t in _tables(_section("Where $\\varepsilon$ sits")) if t[0][0] == "Rule"]
    row = {r[0]: r for r in table[1:]}[name]
    assert {"in": "inside", "out": "outside"}[row[-1]] == measured, (
        f"the crosswalk says gdlib's {name} has eps {row[-1]}, but its first step is the {measured} form")


def test_links_and_labels_point_at_pages_and_sections_that_exist():
    for target in re.findall(r"\]\(([\w.]+\.(?:ipynb|md))\)", PAGE):
        assert (ROOT / "book" / target).exists(), target
    sources = "".join(p.read_text() for p in (ROOT / "book").glob("*.ipynb")) + PAGE
    labels = set(re.findall(r"\(([\w-]+)\)=", sources))
    used = set(re.findall(r"\{ref\}`[^`<]*<([\w-]+)>`", PAGE))
    assert used and used <= labels, sorted(used - labels)


def _defaults_table() -> dict[str, dict[str, object]]:
    """The Defaults table: torch class -> {argument: default}, ``lr`` included."""
    (table,) = [t for t in _tables(_section("Defaults")) if t[0][:2] == ["Class", "`lr`"]]
    rows = {}
    for cls, lr, others in table[1:]:
        values = {"lr": float(lr)}
        for span in re.findall(r"`([^`]+)`", others):
            if "=" in span:
                name, value = span.split("=", 1)
                values[name] = ast.literal_eval(value)
        rows[cls.strip("`")] = values
    return rows


def test_the_defaults_table_has_every_torch_class_and_its_documented_defaults():
    rows = _defaults_table()
    assert set(TORCH) <= set(rows)
    for cls, values in rows.items():
        documented = (TORCH | TORCH_OTHERS)[cls]
        assert {name: documented[name] for name in values} == values, f"the page's defaults of {cls}"


@pytest.mark.parametrize("name", sorted(EQUIVALENT))
def test_the_defaults_table_lists_every_argument_gdlib_maps(name):
    torch_class, mapping, _ = EQUIVALENT[name]
    listed = _defaults_table()[torch_class]
    assert {_torch_name(t) for t in mapping.values()} <= set(listed), (
        f"the defaults table's {torch_class} row lacks an argument {name} maps")


@pytest.mark.parametrize("name", SAME_DEFAULTS)
def test_the_page_says_which_gdlib_classes_take_torchs_defaults(name):
    section = " ".join(_section("Defaults").split())
    match = re.search(r"`gdlib`'s (.*?) take exactly these defaults", section)
    assert match and f"`{name}`" in match[1]
    # and each default the page shows for its torch class is gdlib's (the table against the signature)
    torch_class, mapping, _ = EQUIVALENT[name]
    defaults = {p.name: p.default for p in inspect.signature(CLASSES[name].__init__).parameters.values()}
    listed = _defaults_table()[torch_class]
    for ours, theirs in mapping.items():
        value = listed[_torch_name(theirs)]
        if "[" in theirs:
            value = value[int(theirs[-2])]
        assert defaults[ours] == value, f"{name}({ours}={defaults[ours]}) but the page shows {theirs} = {value}"


def test_the_page_gives_the_own_defaults_of_the_other_gdlib_classes():
    section = _section("Defaults")
    calls = dict(re.findall(r"`(\w+)\(((?:\w+=[^,)]+(?:, )?)+)\)`", section))
    others = sorted(set(CLASSES) - set(SAME_DEFAULTS))
    assert sorted(calls) == others
    for name, arguments in calls.items():
        stated = {k: ast.literal_eval(v) for k, v in (a.split("=") for a in arguments.split(", "))}
        defaults = {p.name: p.default for p in inspect.signature(CLASSES[name].__init__).parameters.values()
                    if p.name != "self"}
        assert stated == defaults, f"the page writes {name}'s defaults as {stated}, gdlib has {defaults}"


def test_every_letter_of_torchs_pseudocode_is_mapped():
    (table,) = [t for t in _tables(_section("The letters of torch's pseudocode")) if t[0][:2] == ["torch", "Here"]]
    written = " ".join(row[0] for row in table[1:])
    for letter in (r"\gamma", r"\lambda", r"\mu", r"\tau", r"\eta", r"\alpha", r"\rho", r"\mathbf{b}_t",
                   "state\\_sum", "g^{ave}", "u_t", r"\Delta x_t", r"\widehat{v_t}^{max}"):
        assert letter in written, letter


def test_the_optimizers_outside_the_book_are_listed():
    section = _section("Not in this book")
    for name in ("AdamW", "NAdam", "RAdam", "Adamax", "ASGD", "Rprop", "LBFGS"):
        assert re.search(rf"^`{name}`$", section, re.M), f"no line for torch.optim.{name}"


@pytest.mark.parametrize("torch_class", sorted(TORCH_STATE))
def test_every_state_key_of_torch_is_named_on_the_page(torch_class):
    missing = sorted(k for k in TORCH_STATE[torch_class] if f'"{k}"' not in PAGE)
    assert missing == [], f"the crosswalk does not name {torch_class}'s state keys {missing}"


def _scheduler_section() -> str:
    return " ".join(_section("Schedulers").split())


def test_the_schedulers_give_the_same_rates_as_gdlib_schedules():
    from gdlib import schedules

    eta, gamma, k = 0.3, 0.5, 4
    step, exponential = schedules.Step(eta, gamma, every=k), schedules.Exponential(eta, gamma)
    (source,) = re.findall(r"`LambdaLR\(lr_lambda=(lambda e: [^`]+)\)`", _scheduler_section())
    lr_lambda = eval(source, {"k": k})
    inverse = schedules.InverseTime(eta, k)
    for t in range(1, 40):
        e = t - 1
        assert np.isclose(step(t), TORCH_SCHEDULERS["StepLR"](eta, e, step_size=k, gamma=gamma))
        assert np.isclose(exponential(t), TORCH_SCHEDULERS["ExponentialLR"](eta, e, gamma=gamma))
        assert np.isclose(inverse(t), TORCH_SCHEDULERS["LambdaLR"](eta, e, lr_lambda=lr_lambda))


def test_the_page_says_which_update_gets_the_first_decayed_rate():
    from gdlib import schedules

    eta, gamma, k = 1.0, 0.5, 4
    first = {name: next(t for t in range(1, 100) if schedule(t) < eta)
             for name, schedule in (("ExponentialLR", schedules.Exponential(eta, gamma)),
                                    ("StepLR", schedules.Step(eta, gamma, every=k)))}
    assert first == {"ExponentialLR": 2, "StepLR": k + 1}
    section = _scheduler_section()
    assert "update 1 uses `lr` itself" in section
    assert "update 2 (`ExponentialLR`)" in section and "update $k+1$ (`StepLR`)" in section
