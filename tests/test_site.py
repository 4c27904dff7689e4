"""The built site, in a real browser: every page, offline, with working sliders.

The session fixture builds the book with ``-W -n --keep-going`` (so a build warning
fails here), serves ``_build/html`` on 127.0.0.1 and opens each page in Debian's
headless Chromium through playwright. A page fails on a console error, a request
that leaves the site or fails, TeX left unrendered, a widget that does not render,
or a slider that does not change its figure when moved.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
PAGES = sorted(p.relative_to(ROOT).with_suffix(".html").as_posix()
               for p in (ROOT / "book").glob("*") if p.suffix in (".md", ".ipynb"))
# MathJax sets this once it has typeset the page (or found nothing to typeset).
MATH_DONE = "() => !window.MathJax || !window.MathJax.startup || window.__mathDone === true"


def _ensure_chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not Path(CHROMIUM).exists():
        pytest.fail("the browser test needs Debian's chromium at /usr/bin/chromium: "
                    "run `apt-get install chromium` as root")
    return CHROMIUM


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site():
    # Sphinx does not overwrite changed static files in an existing output folder, so
    # start the HTML afresh; executed notebooks come from the cache in _build/.
    shutil.rmtree(HTML, ignore_errors=True)
    build = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "-W", "-n", "--keep-going"],
        cwd=ROOT, capture_output=True, text=True)
    if build.returncode != 0:
        pytest.fail(f"jupyter-book build failed or warned:\n{build.stdout[-6000:]}\n{build.stderr[-3000:]}")
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = _ensure_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


class PageLog:
    """Everything a page did that a reader would call broken."""

    def __init__(self, page, root: str) -> None:
        self.problems: list[str] = []
        self.root = root
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))

    def _request(self, request) -> None:
        if urlparse(request.url).scheme in ("data", "blob", "about"):
            return
        if not request.url.startswith(self.root):
            self.problems.append(f"request leaves the site: {request.url}")


def _open(browser, url: str, root: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script("""
        window.addEventListener('load', () => {
          const wait = () => {
            if (window.MathJax && window.MathJax.startup && window.MathJax.startup.promise) {
              window.MathJax.startup.promise.then(() => { window.__mathDone = true; });
            } else { setTimeout(wait, 50); }
          };
          wait();
        });""")
    log = PageLog(page, root)
    page.goto(url, wait_until="load")
    page.wait_for_function(MATH_DONE, timeout=20_000)
    return page, log


def test_every_book_source_is_a_page():
    assert "book/gradient_descent_2d.html" in PAGES and "book/intro.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_is_self_contained_and_math_renders(site, browser, path):
    page, log = _open(browser, f"{site}/{path}", f"{site}/")
    math = page.evaluate("""() => {
        // Prose and widget labels, without code (whose strings may hold TeX) or typeset math.
        const rawTex = () => {
          const main = document.querySelector('main').cloneNode(true);
          main.querySelectorAll('pre, code, script, style, mjx-container').forEach(n => n.remove());
          return main.textContent.match(/\\$[^$\\n]{1,200}\\$|\\\\\\(|\\\\\\[|\\\\frac|\\\\nabla/g) || [];
        };
        const nodes = [...document.querySelectorAll('main .math, main span.math, main div.math')];
        return {
          total: nodes.length,
          unrendered: nodes.filter(n => !n.querySelector('mjx-container')).map(n => n.textContent.slice(0, 80)),
          errors: [...document.querySelectorAll('mjx-merror')].map(n => n.textContent.slice(0, 80)),
          raw: rawTex(),
        };
    }""")
    page.wait_for_timeout(300)  # late requests (fonts) show up here
    page.close()
    assert math["unrendered"] == [], f"TeX left unrendered: {math['unrendered']}"
    assert math["errors"] == [], f"TeX errors: {math['errors']}"
    assert math["raw"] == [], f"raw TeX in the page text: {math['raw']}"
    assert log.problems == []


def _visible_frames(page) -> list[str]:
    """The source of the one frame each interactive currently shows."""
    return page.evaluate("""() => [...document.querySelectorAll('.widget-vbox')].filter(
            box => box.querySelector('.widget-slider, .widget-hslider')).map(box => {
        const shown = [...box.querySelectorAll('img.gd-frame')].filter(img => img.offsetParent !== null);
        const background = box.querySelectorAll('img.gd-background').length;
        return shown.length === 1 && background === 1 ? shown[0].src
            : `${shown.length} frames and ${background} backgrounds shown`;
    })""")


@pytest.mark.parametrize("served", ["server", "file"])
@pytest.mark.parametrize("path", PAGES)
def test_widgets_render_and_every_slider_changes_its_figure(site, browser, path, served):
    """From the local server and straight from disk (file://), with no network either way."""
    root = f"{site}/" if served == "server" else HTML.as_uri() + "/"
    page, log = _open(browser, root + path, root)
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if views == 0:
        page.close()
        pytest.skip("no widgets on this page")
    page.wait_for_function(f"() => document.querySelectorAll('.jupyter-widgets.widget-vbox').length >= {views}",
                           timeout=20_000)
    before = _visible_frames(page)
    assert len(before) == views and all(src.startswith(("blob:", "data:")) for src in before), before
    handles = page.locator(".widget-vbox .noUi-handle")
    assert handles.count() >= views
    shown = """h => [...h.closest('.widget-vbox').querySelectorAll('img.gd-frame')]
                      .filter(img => img.offsetParent !== null).map(img => img.src)"""
    for i in range(handles.count()):
        handle = handles.nth(i)
        first = handle.evaluate(shown)
        handle.focus()
        at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        try:
            handle.evaluate(f"""(h, first) => new Promise((resolve, reject) => {{
                const started = Date.now();
                const poll = () => {{
                    const now = ({shown})(h);
                    if (now.length === 1 && now[0] !== first[0]) resolve();
                    else if (Date.now() - started > 5000) reject(new Error(String(now)));
                    else setTimeout(poll, 50);
                }};
                poll();
            }})""", first)
        except Exception as err:  # noqa: BLE001 - reported as the failure below
            pytest.fail(f"slider {i} on {path} did not change its figure: {err}")
    _check_play_buttons(page, path)
    page.close()
    assert log.problems == []


def _check_play_buttons(page, path: str) -> None:
    """Pressing play advances its slider, and the figure with it."""
    buttons = page.locator(".widget-play")
    for i in range(buttons.count()):
        box = page.locator(".jupyter-widgets.widget-vbox").filter(has=buttons.nth(i)).last
        handle = box.locator(".widget-hbox").filter(has=buttons.nth(i)).locator(".noUi-handle")
        before = handle.get_attribute("aria-valuenow")
        frame = box.locator("img.gd-frame:visible").get_attribute("src")
        buttons.nth(i).locator("button").first.click()
        try:
            page.wait_for_function(
                """([h, before]) => h.getAttribute('aria-valuenow') !== before""",
                arg=[handle.element_handle(), before], timeout=5000)
        except Exception:  # noqa: BLE001 - reported as the failure below
            pytest.fail(f"play button {i} on {path} did not move its slider")
        page.wait_for_timeout(150)
        assert box.locator("img.gd-frame:visible").get_attribute("src") != frame
        buttons.nth(i).locator("button").nth(1).click()  # stop
