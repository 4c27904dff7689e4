"""CI runs exactly the README's test command, and the README's commands use files that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", readme, re.S).group(1)
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_has_two_commands_build_then_test():
    build, test = quick_start()
    assert build.endswith("jupyter-book build .")
    assert test.endswith("python -m pytest")
    assert "pip install -r requirements.txt" in build and "pip install -r requirements.txt" in test


def test_ci_runs_the_readme_test_command_verbatim():
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert quick_start()[1] in ci


def test_how_to_use_page_gives_the_same_commands():
    page = (ROOT / "book" / "how_to_use.md").read_text().replace("\\\n  ", "")
    for command in quick_start():
        assert command in page
