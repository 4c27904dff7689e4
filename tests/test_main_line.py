"""Every chapter has a main line a learner can follow in about 20 minutes, then side roads.

The pattern (issue 16, and point 11 of the chapter checklist): the main-line sections, a
Summary whose every key result links to the section that derives it, optional sections
headed "Going further: ...", then the exercises; a check longer than a few lines is folded
under a caption that says what it checks, with its result shown.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from main_line import GOING_FURTHER, main_line_words, markdown_cells

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
MAIN_LINE_WORDS = 2200  # about 20 minutes with the code, figures and interactives between
FOLD_LINES = 4          # a check longer than this is folded
ids = lambda p: p.stem


def _text(path: Path) -> str:
    return "\n\n".join(markdown_cells(path))


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) for each '## ' section, in order."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return list(zip(parts[1::2], parts[2::2]))


def _code_lines(source: str) -> list[str]:
    return [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_main_line_is_short_enough_to_follow_in_twenty_minutes(path):
    assert main_line_words(path) <= MAIN_LINE_WORDS, (
        f"{path.name}: the main line has {main_line_words(path)} words; move side topics into "
        f"'## Going further: ...' sections after the Summary")


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_summary_then_going_further_then_exercises(path):
    headings = [h for h, _ in _sections(_text(path))]
    assert "Summary" in headings and headings[-1] == "Exercises", headings
    summary = headings.index("Summary")
    further = [i for i, h in enumerate(headings) if GOING_FURTHER.match("## " + h)]
    assert all(i > summary for i in further), f"a Going further section stands before the Summary: {headings}"
    assert further == list(range(summary + 1, summary + 1 + len(further))), (
        f"Going further sections come right after the Summary, before the exercises: {headings}")


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_going_further_sections_say_they_are_optional(path):
    for heading, body in _sections(_text(path)):
        if GOING_FURTHER.match("## " + heading):
            first = body.strip().splitlines()[0] if body.strip() else ""
            assert re.match(r"^\*Optional\b", first), f"{path.name}, '{heading}' opens with {first!r}"


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_every_summary_point_links_to_its_section(path):
    sections = dict(_sections(_text(path)))
    bullets = re.findall(r"^- (.+(?:\n  .+)*)", sections["Summary"], flags=re.M)
    assert len(bullets) >= 3, f"{path.name}: the Summary lists {len(bullets)} results"
    labels = set(re.findall(r"^\(([\w-]+)\)=\s*$", _text(path), flags=re.M))
    for bullet in bullets:
        refs = re.findall(r"\{ref\}`[^`<]*<([\w-]+)>`", bullet)
        assert refs, f"{path.name}: a Summary point links to no section: {bullet[:80]!r}"
        assert set(refs) & labels, f"{path.name}: a Summary point links to no section of this chapter: {refs}"


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_long_checks_are_folded_under_a_caption_with_their_result_shown(path):
    for cell in json.loads(path.read_text())["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or not re.search(r"^\s*assert\b", source, re.M):
            continue
        if len(_code_lines(source)) <= FOLD_LINES:
            continue
        where = f"{path.name}, the check starting {source[:60]!r}"
        assert "hide-input" in cell["metadata"].get("tags", []), f"{where} is not folded"
        caption = cell["metadata"].get("mystnb", {}).get("code_prompt_show", "")
        assert caption.startswith("Check:") and len(caption) > 12, f"{where} has no caption: {caption!r}"
        assert cell.get("outputs"), f"{where} shows no result"
