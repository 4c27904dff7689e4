"""Every static figure of the book goes through gdlib.plot.show and has a text alternative.

Read from the notebooks' JSON, nothing executed: a code cell with a PNG output must call
``show(fig)`` (``gdlib.plot.show``, which refuses a figure whose text is under 8 CSS px on a
phone or a desktop, so the check ran when nbval and the build executed the chapter) and give
the picture an alt text in its cell metadata, ``"mystnb": {"image": {"alt": "..."}}``, which
myst-nb writes into the page's ``<img alt>`` (myst_nb/core/render.py, ``render_image``, reads
the cell-level option ``render_image_options`` under the key ``image``). Without it the alt
text is the image's file path, which tells a screen-reader user nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
ALT_WORDS = 5

# show( called as show(...), plot.show(...) or gdlib.plot.show(...); not plt.show() nor fig.show().
SHOW = re.compile(r"(?<![\w.])(?:(?:gdlib\.)?plot\.)?show\(")
FILE_NAME = re.compile(r"[\w-]+\.(?:png|jpe?g|svg|gif|webp)\b|/|\\", re.I)


def static_figures(path: Path) -> list[tuple[int, str, dict]]:
    """(cell number, source, metadata) of each code cell with a PNG output."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, "".join(c["source"]), c.get("metadata", {})) for i, c in enumerate(cells)
            if c["cell_type"] == "code" and any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]


def alt_problem(alt: object) -> str | None:
    """Why ``alt`` is no text alternative, or None when it is one."""
    if not isinstance(alt, str) or not alt.strip():
        return "no alt text"
    if FILE_NAME.search(alt):
        return f"an alt text that looks like a file name: {alt!r}"
    if len(re.findall(r"[^\W\d_]+", alt)) < ALT_WORDS:
        return f"an alt text of fewer than {ALT_WORDS} words: {alt!r} (say what the figure shows, in a sentence)"
    return None


@pytest.mark.parametrize("alt, problem", [
    (None, "no alt text"), ("  ", "no alt text"), ("figure_3.png", "file name"),
    ("_build/jupyter_execute/abc.png", "file name"), ("Loss per step", "fewer than 5 words"),
])
def test_alt_problem_recognises_what_is_no_text_alternative(alt, problem):
    assert problem in alt_problem(alt)
    assert alt_problem("The loss falls by half at every step until it reaches the floor.") is None


def test_show_matches_the_book_s_show_only():
    assert SHOW.search("plot.show(fig)") and SHOW.search("show(fig)") and SHOW.search("gdlib.plot.show(fig)")
    assert not SHOW.search("plt.show()") and not SHOW.search("fig.show()") and not SHOW.search("slideshow(x)")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_static_figure_is_checked_and_described(path):
    problems = []
    for i, source, metadata in static_figures(path):
        first = source.strip().splitlines()[0] if source.strip() else ""
        where = f"cell {i} ({first[:50]!r})"
        if not SHOW.search(source):
            problems.append(f"{where}: shows a figure without gdlib.plot.show(fig), which checks its text size")
        alt = metadata.get("mystnb", {}).get("image", {}).get("alt")
        if (why := alt_problem(alt)) is not None:
            problems.append(f'{where}: {why}; add "mystnb": {{"image": {{"alt": "..."}}}} to its metadata')
    assert not problems, "\n".join(problems)
