"""What a chapter's main line is, read off its notebook: shared by the tests and the closing counts.

The main line is every markdown cell from the title up to the first optional section
("## Going further: ...") or the exercises, whichever comes first; its words are what a
learner reads on a first pass (display math and MyST labels are not counted as words).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GOING_FURTHER = re.compile(r"^## Going further\b", re.M)
EXERCISES = re.compile(r"^## Exercises\b", re.M)
_DISPLAY_MATH = re.compile(r"\$\$.*?\$\$(?:\s*\([^)\n]*\))?", re.S)
_LABEL = re.compile(r"^\([\w-]+\)=\s*$", re.M)


def markdown_cells(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(Path(path).read_text())["cells"]
            if c["cell_type"] == "markdown"]


def main_line(path: Path) -> str:
    """The markdown of the main line, cut at the first 'Going further' or 'Exercises' heading."""
    text = "\n\n".join(markdown_cells(path))
    ends = [m.start() for pattern in (GOING_FURTHER, EXERCISES) for m in [pattern.search(text)] if m]
    return text[:min(ends)] if ends else text


def words(markdown: str) -> int:
    return len(_LABEL.sub("", _DISPLAY_MATH.sub("", markdown)).split())


def main_line_words(path: Path) -> int:
    return words(main_line(path))


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{Path(name).stem:24} {main_line_words(Path(name)):6d}")
