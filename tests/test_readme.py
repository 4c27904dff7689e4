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


def test_the_jupyterlab_command_opens_a_chapter_that_exists_from_the_same_environment():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Run a chapter in JupyterLab.*?```bash\n(.*?)```", readme, re.S).group(1).strip()
    assert block.startswith(".venv/bin/jupyter lab book/")
    assert (ROOT / block.split()[-1]).exists()
    assert block in (ROOT / "book" / "how_to_use.md").read_text()
    pinned = (ROOT / "requirements.txt").read_text()
    assert re.search(r"^jupyterlab==", pinned, re.M) and re.search(r"^jupyterlab-myst==", pinned, re.M)
