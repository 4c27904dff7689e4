"""What every chapter notebook must be, checked on its source (the built pages have their own test)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
TOC = (ROOT / "_toc.yml").read_text()


def _cells(path: Path, kind: str) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_is_in_the_table_of_contents(path):
    assert f"file: book/{path.stem}\n" in TOC


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_prose_names_its_sources_not_the_projects_word_for_them(path):
    # "seed 003" is the project's name for a source article; a reader needs the article.
    # (A random generator's seed is another matter, and allowed.)
    jargon = r".{0,40}(\bseed\s*0\d\d|\bthe seeds?(?:'s?)?\b|\bseed articles?\b|\bseed's\b).{0,20}"
    found = [m.group(0) for text in _cells(path, "markdown") for m in re.finditer(jargon, text, re.I)]
    assert found == [], f"{path.name} says 'seed': {found}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_stored_outputs_hold_no_errors_and_no_widget_state(path):
    nb = json.loads(path.read_text())
    errors = [o.get("ename") for c in nb["cells"] if c["cell_type"] == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert "widgets" not in nb["metadata"], "store outputs with scripts/store_outputs.py (it drops the widget state)"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", [*CHAPTERS, *sorted((ROOT / "book").glob("*.md")), ROOT / "README.md"],
                         ids=lambda p: p.name)
def test_no_page_says_it_is_unfinished(path):
    # A reader who finds "being written" on a page of a finished book stops trusting the rest.
    text = path.read_text() if path.suffix == ".md" else "\n".join(_cells(path, "markdown"))
    found = re.findall(r".{0,40}\b(?:in preparation|being written|coming soon|to be written)\b.{0,20}", text, re.I)
    assert found == [], f"{path.name} says it is unfinished: {found}"
