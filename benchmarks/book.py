"""Measure the book: interactives, page sizes, build and test times.

    python benchmarks/book.py

1. Runs every chapter notebook with $GDLIB_WIDGET_LOG set and reports, per
   interactive, its frames, PNG bytes and precompute time.
2. Copies the tracked files to a temporary folder and times a clean build
   (every notebook executed) and a cached rebuild of it, then reports each page's
   bytes: its HTML (with the widget state embedded) plus the images it references.
3. Loads each page with interactives in headless Chromium, five times each in a fresh
   browser profile (a first visit), from a local server that gzips text as a web server
   would: on 127.0.0.1, and throttled to 9 Mbit/s with 60 ms latency. It reports the
   median time from navigation to the first paint, to the first slider that responds
   (drawn, and moved, showing another frame) and to every slider working, and the bytes
   of a first visit (every frame and figure included; raw, and gzip-compressed).
4. Times nbval over the notebooks and the browser test (pytest, as the README runs them).
Goals: clean build <= 3 min on 2 cores, cached rebuild <= 15 s; a first visit <= 1.5 MB
gzip; on 127.0.0.1 the first slider responds within 1.0 s; at 9 Mbit/s and 60 ms the
text is painted within 1.5 s and the first slider responds within 3 s.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
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
    print("page                                   HTML KB  images KB  widgets KB  total KB (raw)")
    for page in sorted((html / "book").glob("*.html")):
        text = page.read_text()
        images = {m for m in re.findall(r'src="\.\./(_images/[^"]+)"', text)}
        image_bytes = sum((html / m).stat().st_size for m in images)
        widget_bytes = sum(f.stat().st_size for f in (html / "_static" / "widgets" / "book" / page.stem).glob("*.js"))
        print(f"{page.name:38} {len(text.encode()) / 1e3:8.0f} {image_bytes / 1e3:10.0f} {widget_bytes / 1e3:11.0f}"
              f" {(len(text.encode()) + image_bytes + widget_bytes) / 1e3:9.0f}")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text, as a web server that compresses would."""

    def log_message(self, *args) -> None:
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the browser moved on
            pass

    def send_head(self):  # noqa: ANN201 - the base class's protocol
        path = Path(self.translate_path(self.path))
        text = path.suffix in (".html", ".js", ".css", ".json", ".svg", ".txt")
        if not (text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# The first interactive drawn with a decoded frame, or every one (ALL).
_FIRST = """() => [...document.querySelectorAll('.gd-interactive')].some(b => b.querySelector('input.gd-range') &&
    [...b.querySelectorAll('img.gd-frame')].some(i => i.offsetParent !== null && i.complete))"""
_ALL = """() => {
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  const boxes = [...document.querySelectorAll('.gd-interactive')];
  return boxes.length >= views && boxes.every(b => b.querySelector('input.gd-range') &&
    [...b.querySelectorAll('img.gd-frame')].some(i => i.offsetParent !== null && i.complete));
}"""
# Move the last slider of the first (or of every) interactive: does its picture change?
_MOVE = """(every) => [...document.querySelectorAll('.gd-interactive')].slice(0, every ? undefined : 1).every(b => {
  const shown = () => [...b.querySelectorAll('img.gd-frame')].filter(i => i.offsetParent !== null).map(i => i.src).join();
  const sliders = b.querySelectorAll('input.gd-range'), s = sliders[sliders.length - 1];
  const before = shown();
  s.value = Number(s.value) === Number(s.max) ? Number(s.value) - 1 : Number(s.value) + 1;
  s.dispatchEvent(new Event('input'));
  return shown() !== before;
})"""
THROTTLED = {"offline": False, "latency": 60, "downloadThroughput": 9e6 / 8, "uploadThroughput": 9e6 / 8}


def _visit(browser, url: str, throttle: bool) -> dict:
    """One first visit: ms to first paint, to the first slider responding, to every slider."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THROTTLED)
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url, wait_until="commit")
    page.wait_for_function(_FIRST, timeout=60_000, polling=10)
    if not page.evaluate(_MOVE, False):
        raise SystemExit(f"{url}: the first slider did not change its frame")
    first = page.evaluate("() => performance.now()")
    page.wait_for_function(_ALL, timeout=60_000, polling=10)
    if not page.evaluate(_MOVE, True):
        raise SystemExit(f"{url}: a slider did not change its frame")
    every = page.evaluate("() => performance.now()")
    paint = page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
    result = {"paint": paint, "first": first, "every": every, "sizes": {}}
    if not throttle:
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        for r in responses:
            body = r.body() if r.status == 200 else b""
            result["sizes"][r.url] = (len(body), len(gzip.compress(body, 6)))
    context.close()
    return result


def page_load(html: Path, loads: int = 5) -> None:
    """First paint, first responding slider, every slider, and first-visit bytes, per page."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}"
    pages = [p for p in sorted((html / "book").glob("*.html")) if "widget-view+json" in p.read_text()]
    print("median of", loads, "first visits, ms        127.0.0.1 (goal: slider 1000)   9 Mbit/s, 60 ms (paint 1500, slider 3000)")
    print("page                          MB gzip     paint  slider  all sliders     paint  slider  all sliders")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for page_path in pages:
            url = f"{root}/{page_path.relative_to(html).as_posix()}"
            row = []
            sizes = {}
            for throttle in (False, True):
                visits = [_visit(browser, url, throttle) for _ in range(loads)]
                sizes = sizes or visits[0]["sizes"]
                row += [statistics.median(v[k] for v in visits) for k in ("paint", "first", "every")]
            packed = sum(s[1] for s in sizes.values()) / 1e6
            print(f"{page_path.name:28} {packed:8.2f}  " + "  ".join(f"{t:7.0f}" for t in row[:3])
                  + "    " + "  ".join(f"{t:7.0f}" for t in row[3:]))
        browser.close()
    server.shutdown()


def tests() -> None:
    pytest = [str(BIN / "python"), "-m", "pytest", "-q"]
    print(f"nbval (pytest book/):            {timed(pytest + ['book'], ROOT):6.1f} s")
    print(f"browser test (cached build too): {timed(pytest + ['tests/test_site.py'], ROOT):6.1f} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--page-load"]:  # only step 3, on an existing build
        page_load(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "_build" / "html",
                  loads=int(os.environ.get("GDBOOK_LOADS", "5")))
        raise SystemExit
    interactives()
    site = builds()
    pages(site)
    page_load(site / "_build" / "html")
    shutil.rmtree(site)
    tests()
