"""Measure the book: interactives, page sizes, build and test times.

    python benchmarks/book.py

1. Runs every chapter notebook with $GDLIB_WIDGET_LOG set and reports, per
   interactive, its frames, PNG bytes and precompute time.
2. Copies the tracked files to a temporary folder and times a clean build
   (every notebook executed) and a cached rebuild of it, then reports each page's
   bytes: its HTML (with the widget state embedded) plus the images it references.
3. Loads each page with interactives in headless Chromium from 127.0.0.1, several
   times, each in a fresh browser profile (a first visit): the bytes it transfers (raw,
   and gzip-compressed as a web server would send them) and the time from navigation
   until every slider works (every interactive drawn, its frame decoded, and its last
   slider, moved, showing another frame).
4. Times nbval over the notebooks and the browser test (pytest, as the README runs them).
Goals: clean build <= 3 min on 2 cores, cached rebuild <= 15 s, <= 3 MB a page;
a first visit <= 2 MB gzip, and sliders working within 1.5 s on 127.0.0.1.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
import threading
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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the browser moved on
            pass


# True once every interactive is drawn with a decoded frame; then its last slider is moved.
_READY = """() => {
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  const boxes = [...document.querySelectorAll('.gd-interactive')];
  return boxes.length >= views && boxes.every(b => b.querySelector('input.gd-range') &&
    [...b.querySelectorAll('img.gd-frame')].some(i => i.offsetParent !== null && i.complete));
}"""
_MOVED = """() => [...document.querySelectorAll('.gd-interactive')].every(b => {
  const shown = () => [...b.querySelectorAll('img.gd-frame')].filter(i => i.offsetParent !== null).map(i => i.src).join();
  const sliders = b.querySelectorAll('input.gd-range'), s = sliders[sliders.length - 1];
  const before = shown();
  s.value = Number(s.value) === Number(s.max) ? Number(s.value) - 1 : Number(s.value) + 1;
  s.dispatchEvent(new Event('input'));
  return shown() !== before;
})"""


def page_load(html: Path, loads: int = 7) -> None:
    """First-visit bytes and time until every slider works, for each page with interactives."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}"
    pages = [p for p in sorted((html / "book").glob("*.html")) if "widget-view+json" in p.read_text()]
    print("page (first visit)                     files   MB raw  MB gzip  sliders work after, ms (median)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for page_path in pages:
            url = f"{root}/{page_path.relative_to(html).as_posix()}"
            times, sizes = [], {}
            for k in range(loads):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                responses = []
                page.on("response", lambda r: responses.append(r))
                page.goto(url, wait_until="commit")
                page.wait_for_function(_READY, timeout=30_000, polling=10)
                if not page.evaluate(_MOVED):
                    raise SystemExit(f"{page_path.name}: a slider did not change its frame")
                times.append(page.evaluate("() => performance.now()"))
                if k == 0:
                    page.wait_for_load_state("networkidle")
                    for r in responses:
                        body = r.body() if r.status == 200 else b""
                        sizes[r.url] = (len(body), len(gzip.compress(body, 6)))
                context.close()
            raw, packed = (sum(s[i] for s in sizes.values()) / 1e6 for i in (0, 1))
            print(f"{page_path.name:38} {len(sizes):5} {raw:8.2f} {packed:8.2f}  "
                  f"{statistics.median(times):6.0f}  ({', '.join(f'{t:.0f}' for t in times)})")
        browser.close()
    server.shutdown()


def tests() -> None:
    pytest = [str(BIN / "python"), "-m", "pytest", "-q"]
    print(f"nbval (pytest book/):            {timed(pytest + ['book'], ROOT):6.1f} s")
    print(f"browser test (cached build too): {timed(pytest + ['tests/test_site.py'], ROOT):6.1f} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--page-load"]:  # only step 3, on an existing build
        page_load(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "_build" / "html")
        raise SystemExit
    interactives()
    site = builds()
    pages(site)
    page_load(site / "_build" / "html")
    shutil.rmtree(site)
    tests()
