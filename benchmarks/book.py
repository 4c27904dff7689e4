"""Measure the book: interactives, page sizes, build and test times.

    python benchmarks/book.py

1. Runs every chapter notebook with $GDLIB_WIDGET_LOG set and reports, per
   interactive, its frames, PNG bytes and precompute time.
2. Copies the tracked files to a temporary folder and times a clean build
   (every notebook executed) and a cached rebuild of it, then reports each page's
   bytes: its HTML (with the widget state embedded) plus the images it references.
3. Times nbval over the notebooks and the browser test (pytest, as the README runs them).
Goals: clean build <= 3 min on 2 cores, cached rebuild <= 15 s, <= 3 MB a page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def interactives() -> None:
    print("interactive                                              frames   KB/frame  total KB  seconds")
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as log:
            os.environ["GDLIB_WIDGET_LOG"] = log.name
            nb = nbformat.read(path, as_version=4)
            started = time.perf_counter()
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            elapsed = time.perf_counter() - started
            del os.environ["GDLIB_WIDGET_LOG"]
            for row in map(json.loads, Path(log.name).read_text().splitlines()):
                print(f"{row['widget'][:56]:56} {row['frames']:6} {row['bytes'] / row['frames'] / 1e3:10.1f}"
                      f" {row['bytes'] / 1e3:9.0f} {row['seconds']:8.2f}")
        print(f"{path.name}: the whole notebook executes in {elapsed:.1f} s")


def timed(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def builds() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="gd-book-"))
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp / name)
    build = [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    print(f"clean build:    {timed(build, tmp):6.1f} s  (goal <= 180 s)")
    (tmp / "book" / "intro.md").touch()
    print(f"cached rebuild: {timed(build, tmp):6.1f} s  (goal <= 15 s)")
    return tmp


def pages(site: Path) -> None:
    html = site / "_build" / "html"
    print("page                                   HTML KB  images KB  total KB  (goal <= 3000)")
    for page in sorted((html / "book").glob("*.html")):
        text = page.read_text()
        images = {m for m in re.findall(r'src="\.\./(_images/[^"]+)"', text)}
        image_bytes = sum((html / m).stat().st_size for m in images)
        print(f"{page.name:38} {len(text.encode()) / 1e3:8.0f} {image_bytes / 1e3:10.0f}"
              f" {(len(text.encode()) + image_bytes) / 1e3:9.0f}")


def tests() -> None:
    pytest = [str(BIN / "python"), "-m", "pytest", "-q"]
    print(f"nbval (pytest book/):            {timed(pytest + ['book'], ROOT):6.1f} s")
    print(f"browser test (cached build too): {timed(pytest + ['tests/test_site.py'], ROOT):6.1f} s")


if __name__ == "__main__":
    interactives()
    site = builds()
    pages(site)
    shutil.rmtree(site)
    tests()
