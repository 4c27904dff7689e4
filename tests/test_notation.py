"""One symbol, one meaning: every Greek letter a chapter uses is registered on the notation page.

The notation page's table "Greek letters" gives each letter its one meaning and the pages
that use it. This test reads every page's prose, its code (titles, labels, legends) and
the SymPy symbols it displays, and asserts that each letter is used on exactly the pages
its row lists. A new use of a letter (say σ for a noise level in a new chapter) therefore
fails until someone edits that letter's row, where its one meaning is written.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTATION = (ROOT / "book" / "notation.md").read_text()
PAGES = sorted([*(ROOT / "book").glob("*.ipynb"), *(ROOT / "book").glob("*.md")])
# The notation page and the crosswalk are where letters are translated: the crosswalk
# quotes other books' symbols (Ruder's gamma is momentum, D2L's beta too), not the book's.
PAGES = [p for p in PAGES if p.name not in ("notation.md", "crosswalk.md")]

_NAMES = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma "
          "tau upsilon phi chi psi omega").split()
_GREEK = {name: unicodedata.lookup("GREEK SMALL LETTER " + name.upper().replace("LAMBDA", "LAMDA"))
          for name in _NAMES}
_GREEK.update({"var" + n: _GREEK[n] for n in ("epsilon", "phi", "theta", "rho", "sigma", "pi")})
_GREEK.update({name.capitalize(): _GREEK[name].upper() for name in _NAMES})
_VARIANTS = {"ϕ": "φ", "ϵ": "ε", "ϑ": "θ", "ς": "σ", "ϱ": "ρ", "ϖ": "π"}
_SUBSCRIPT = {"₁": "1", "₂": "2"}

_LATEX = re.compile(r"\\(" + "|".join(sorted(_GREEK, key=len, reverse=True)) + r")(?![A-Za-z])(?:_\{?([12])\b)?")
_UNICODE = re.compile(r"([\u0391-\u03a9\u03b1-\u03c9ϕϵϑςϱϖ])([₁₂])?")
_SYMPY = re.compile(r"\bsp\.(?:symbols|Symbol)\(\s*r?[\"']([^\"']+)[\"']")
_SYMPY_NAME = re.compile(r"^\\?(" + "|".join(sorted(_GREEK, key=len, reverse=True)) + r")(?:_\{?([12])\b)?")


def _letter(char: str, sub: str | None) -> str:
    char = _VARIANTS.get(char, char)
    if unicodedata.category(char) not in ("Ll", "Lu"):
        raise ValueError(char)
    # beta_1 and beta_2 (Adam's decay rates) are symbols of their own; other subscripts are not.
    return char + _SUBSCRIPT.get(sub, sub) if char == "β" and sub else char


def letters_used(path: Path) -> set[str]:
    if path.suffix == ".md":
        sources = [path.read_text()]
    else:
        sources = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    found: set[str] = set()
    for text in sources:
        found |= {_letter(_GREEK[m[1]], m[2]) for m in _LATEX.finditer(text)}
        found |= {_letter(m[1], m[2] and _SUBSCRIPT[m[2]]) for m in _UNICODE.finditer(text)}
        for names in _SYMPY.findall(text):
            for name in re.split(r"[\s,]+", names.strip()):
                if m := _SYMPY_NAME.match(name):
                    found.add(_letter(_GREEK[m[1]], m[2]))
    return found


def registry() -> dict[str, set[str]]:
    """Letter -> the pages that may use it, from the notation page's 'Greek letters' table."""
    table = NOTATION.split("## Greek letters", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("$"):
            continue
        symbol = cells[0].strip("$")
        m = _LATEX.fullmatch(symbol) or _UNICODE.fullmatch(symbol)
        assert m, f"the notation page's row {cells[0]} is not one Greek letter"
        letter = _letter(_GREEK[m[1]], m[2]) if symbol.startswith("\\") else _letter(m[1], m[2])
        assert letter not in rows, f"{cells[0]} has two rows on the notation page"
        rows[letter] = set(re.findall(r"`([\w]+)`", cells[2]))
    return rows


def test_the_notation_page_registers_each_letter_once_with_pages_that_exist():
    names = {p.stem for p in PAGES}
    rows = registry()
    assert len(rows) >= 10
    for letter, pages in rows.items():
        assert pages <= names, f"{letter}: no such page {pages - names}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_greek_letter_on_a_page_is_registered_for_that_page(path):
    rows = registry()
    used = letters_used(path)
    unregistered = sorted(l for l in used if path.stem not in rows.get(l, set()))
    assert unregistered == [], (
        f"{path.name} uses {unregistered}, which the notation page's 'Greek letters' table does not list "
        f"for it: use the letter with its one meaning and add the page to its row, or choose another symbol")


def test_every_page_listed_for_a_letter_still_uses_it():
    by_page = {p.stem: letters_used(p) for p in PAGES}
    stale = [(letter, page) for letter, pages in registry().items() for page in pages
             if page in by_page and letter not in by_page[page]]
    assert stale == [], f"the notation page lists pages that no longer use these letters: {stale}"
