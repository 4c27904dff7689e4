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
import re
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


def _open(browser, url: str, root: str, theme: str = "light", width: int = 1280, responses: list | None = None):
    page = browser.new_page(viewport={"width": width, "height": 900})
    if responses is not None:
        page.on("response", lambda r: responses.append(r))
    # The theme's switch stores the reader's choice here; set it before the page loads.
    page.add_init_script(f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
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


def _check_math(page) -> None:
    """Every formula typeset, no TeX error, no raw TeX left in the prose."""
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
    assert math["unrendered"] == [], f"TeX left unrendered: {math['unrendered']}"
    assert math["errors"] == [], f"TeX errors: {math['errors']}"
    assert math["raw"] == [], f"raw TeX in the page text: {math['raw']}"


def _visible_frames(page) -> list[str]:
    """The sources of the frames each interactive currently shows, one per panel."""
    return page.evaluate("""() => [...document.querySelectorAll('.gd-interactive')].map(box => {
        const panels = [...box.querySelectorAll('.gd-panel')];
        const shown = panels.map(p => [...p.querySelectorAll('img.gd-frame')].filter(img => img.offsetParent !== null));
        const backgrounds = panels.map(p => p.querySelectorAll('img.gd-background').length);
        return panels.length > 0 && shown.every(s => s.length === 1) && backgrounds.every(n => n === 1)
            ? shown.map(s => s[0].src).join(' ')
            : `${shown.map(s => s.length)} frames and ${backgrounds} backgrounds shown in ${panels.length} panels`;
    })""")


@pytest.mark.parametrize("path", PAGES)
def test_widgets_render_and_every_slider_changes_its_figure_from_disk(site, browser, path):
    """Straight from disk (file://), with no network (from the local server, the test below
    moves every slider at both widths and in both themes)."""
    root = HTML.as_uri() + "/"
    page, log = _open(browser, root + path, root)
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if views == 0:
        page.close()
        pytest.skip("no widgets on this page")
    page.wait_for_function(f"() => document.querySelectorAll('.gd-interactive').length >= {views}",
                           timeout=20_000)
    before = _visible_frames(page)
    assert len(before) == views and all(src.startswith(("blob:", "data:")) for src in before), before
    assert all(src.split(" ")[-1].startswith(("blob:", "data:")) for src in before), before
    handles = page.locator(".gd-interactive input.gd-range")
    assert handles.count() >= views
    shown = _SHOWN
    for i in range(handles.count()):
        handle = handles.nth(i)
        first = handle.evaluate(shown)
        handle.focus()
        at_end = handle.input_value() == handle.get_attribute("max")
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        try:
            handle.evaluate(f"""(h, first) => new Promise((resolve, reject) => {{
                const started = Date.now();
                const poll = () => {{
                    const now = ({shown})(h);
                    if (now.length === first.length && now.join() !== first.join()) resolve();
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
        box = page.locator(".gd-interactive").filter(has=buttons.nth(i)).last
        handle = box.locator(".widget-hbox").filter(has=buttons.nth(i)).locator("input.gd-range")
        before = handle.input_value()
        frame = box.locator("img.gd-frame:visible").first.get_attribute("src")
        buttons.nth(i).locator("button").first.click()
        try:
            page.wait_for_function(
                """([h, before]) => h.value !== before""",
                arg=[handle.element_handle(), before], timeout=5000)
        except Exception:  # noqa: BLE001 - reported as the failure below
            pytest.fail(f"play button {i} on {path} did not move its slider")
        page.wait_for_timeout(150)
        assert box.locator("img.gd-frame:visible").first.get_attribute("src") != frame
        buttons.nth(i).locator("button").nth(1).click()  # stop


def _pixels(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def _layers_show_through(page, panel) -> float:
    """Of the pixels the background layer draws, the share still seen with the frame on top.

    An opaque frame (or one shifted off its background) hides most of them; a
    transparent, aligned one hides only what it draws itself.
    """
    import numpy as np

    frame = panel.locator("img.gd-frame:visible").element_handle()
    box = panel.locator("img.gd-background").bounding_box()
    frame.evaluate("f => f.style.visibility = 'hidden'")
    alone = _pixels(page.screenshot(clip=box))
    frame.evaluate("f => f.style.visibility = ''")
    both = _pixels(page.screenshot(clip=box))
    paper = np.median(alone.reshape(-1, 3), axis=0)
    drawn = np.abs(alone - paper).sum(axis=-1) > 60  # contours, ticks, labels
    kept = np.abs(both - alone).sum(axis=-1) < 30
    return float(kept[drawn].mean()) if drawn.any() else 1.0


CONFIGS = [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_both_themes_at_desktop_and_phone_width(site, browser, path):
    """One first visit of the page serves every check, in each theme at 1280 and 390 px (the
    theme and the width change on the loaded page, as a reader's switch and a turned phone
    change them): layers line up and show through; nothing overflows; formulas fit; text is
    readable and steps touchable; accessible; and the first visit's bytes stay small."""
    responses: list = []
    page, log = _open(browser, f"{site}/{path}", f"{site}/", responses=responses)
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    page.wait_for_function(f"() => document.querySelectorAll('.gd-interactive').length >= {views}", timeout=20_000)
    _check_first_visit(page, path, responses)
    # The theme fades colours when they change; checks must see the colours it settles on.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    for theme, width in CONFIGS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("""theme => {
            localStorage.setItem('mode', theme);
            localStorage.setItem('theme', theme);
            document.documentElement.dataset.mode = theme;
            document.documentElement.dataset.theme = theme;
        }""", theme)
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_timeout(50)
        _check_config(page, log, path, theme, width, views)
    page.close()
    assert log.problems == []


def _check_first_visit(page, path: str, responses: list) -> None:
    """Everything the page pulled in, every interactive's frames and every figure included,
    gzip-compressed as a web server would send it: at most 1.5 MB (the widget library and
    the theme's icon script once made the quick tour 3 MB)."""
    import gzip

    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images, if any
    page.wait_for_load_state("networkidle")
    sent = {r.url: len(gzip.compress(r.body(), 6)) for r in responses if r.status == 200}
    assert not any("fontawesome.js" in url for url in sent), "the theme's icon script is back"
    assert sum(sent.values()) <= 1_500_000, (path, sum(sent.values()), sorted(sent.items(), key=lambda kv: -kv[1])[:5])


def _check_config(page, log, path: str, theme: str, width: int, views: int) -> None:
    assert page.evaluate("() => document.documentElement.dataset.theme") == theme
    # No page-wide sideways scrolling, at any width, and no display equation cut off.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    wide = page.evaluate("""() => [...document.querySelectorAll('main div.math, main mjx-container[display="true"]')]
        .filter(m => m.scrollWidth > m.clientWidth + 1).map(m => m.textContent.slice(0, 60))""")
    assert wide == [], f"display equations wider than the page at {width} px: {wide}"
    _check_formulas_fit_and_keep_their_punctuation(page, f"{path} ({theme}, {width} px)")
    if width == 1280:  # one load of the page serves the accessibility checks too
        _check_accessible(page, path, theme)
    if width == 1280 and theme == "light":  # and, once a page, the typeset math and the Play buttons
        _check_math(page)
        _check_play_buttons(page, path)
        page.wait_for_timeout(300)  # late requests (fonts) show up here
    _check_room_for_figure_text(page, path, theme, width)
    if views == 0:
        return
    page.wait_for_function(f"() => document.querySelectorAll('.gd-interactive').length >= {views}",
                           timeout=20_000)
    report = page.evaluate("""() => [...document.querySelectorAll('.gd-interactive')].map(w => {
        const box = w.getBoundingClientRect();
        const area = w.closest('.cell_output') || w.parentElement;
        const outer = area.getBoundingClientRect();
        // A box that scrolls (on a real screen, a scrollbar) because its content is wider
        // than it is: inside the interactive or around it, up to the page's main column.
        const around = [];
        for (let e = w.parentElement; e && e.tagName !== 'MAIN'; e = e.parentElement) around.push(e);
        const overflowing = [w, ...w.querySelectorAll('*'), ...around].filter(e =>
            ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) &&
            e.scrollWidth > e.clientWidth + 1).map(e => e.className.slice(0, 60));
        const panels = [...w.querySelectorAll('.gd-panel')].map(p => {
            const bg = p.querySelector('img.gd-background');
            const shown = [...p.querySelectorAll('img.gd-frame')].filter(i => i.offsetParent !== null);
            const r = bg.getBoundingClientRect();
            const f = shown.length === 1 ? shown[0].getBoundingClientRect() : null;
            const style = shown.length === 1 ? getComputedStyle(shown[0]) : null;
            const bgStyle = getComputedStyle(bg);
            return {
                shown: shown.length,
                offset: f ? Math.max(Math.abs(f.left - r.left), Math.abs(f.top - r.top),
                                     Math.abs(f.width - r.width), Math.abs(f.height - r.height)) : null,
                frameBackground: style && style.backgroundColor,
                padding: style && [style.paddingTop, style.paddingLeft, bgStyle.paddingTop, bgStyle.paddingLeft],
                filters: style && [style.filter, bgStyle.filter],
                scale: r.width / bg.naturalWidth,
            };
        });
        // The thumb (about 16 px) travels the track less its own width.
        const steps = [...w.querySelectorAll('input.gd-range')].map(t =>
            (t.getBoundingClientRect().width - 16) / Math.max(Number(t.max) - Number(t.min), 1));
        return {inside: box.left >= outer.left - 1 && box.right <= outer.right + 1, overflowing, panels, steps};
    })""")
    for i, widget in enumerate(report):
        where = f"interactive {i} on {path} ({theme}, {width} px)"
        assert widget["inside"], f"{where} sticks out of its cell"
        assert widget["overflowing"] == [], f"{where}: these overflow their box: {widget['overflowing']}"
        for k, panel in enumerate(widget["panels"]):
            assert panel["shown"] == 1, f"{where}, panel {k}: {panel['shown']} frames shown"
            assert panel["offset"] < 0.5, f"{where}, panel {k}: frame off its background by {panel['offset']} px"
            assert panel["frameBackground"] in ("rgba(0, 0, 0, 0)", "transparent"), \
                f"{where}, panel {k}: the frame has background {panel['frameBackground']}"
            assert set(panel["padding"]) == {"0px"}, f"{where}, panel {k}: padding {panel['padding']}"
            assert panel["filters"][0] == panel["filters"][1], f"{where}, panel {k}: filters {panel['filters']}"
            # Frames are drawn with 9-12 pt text at 100 dpi: shown at 60 % or more, it stays >= 7.5 px.
            assert panel["scale"] >= 0.6, f"{where}, panel {k}: shown at {panel['scale']:.2f} of its size"
        # A step of a slider must be wide enough to hit with a finger or a mouse.
        assert min(widget["steps"]) >= 8, f"{where}: slider steps of {min(widget['steps']):.1f} px"
    panels = page.locator(".gd-panel")
    for k in range(panels.count()):
        panels.nth(k).scroll_into_view_if_needed()
        kept = _layers_show_through(page, panels.nth(k))
        assert kept > 0.6, f"panel {k} on {path} ({theme}, {width} px): the frame hides {1 - kept:.0%} of its background"
    # A read-out keeps its height whatever value it shows, so the picture never jumps.
    jumps = page.evaluate("""() => [...document.querySelectorAll('.gd-interactive')].flatMap(w =>
        [...w.querySelectorAll('input.gd-range')].map(s => {
            const start = s.value, heights = new Set();
            for (let v = Number(s.min); v <= Number(s.max); v++) {
                s.value = v;
                s.dispatchEvent(new Event('input'));
                heights.add(Math.round(w.getBoundingClientRect().height));
            }
            s.value = start;
            s.dispatchEvent(new Event('input'));
            return heights.size > 1 ? `${s.closest('.widget-slider').textContent.slice(0, 40)}: ${[...heights]}` : null;
        })).filter(Boolean)""")
    assert jumps == [], f"interactives on {path} ({theme}, {width} px) change height with the value: {jumps}"
    # Every slider still changes its figure here.
    for i in range(page.locator(".gd-interactive input.gd-range").count()):
        handle = page.locator(".gd-interactive input.gd-range").nth(i)
        before = handle.evaluate(_SHOWN)
        handle.focus()
        at_end = handle.input_value() == handle.get_attribute("max")
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        page.wait_for_timeout(100)
        assert handle.evaluate(_SHOWN) != before, f"slider {i} on {path} ({theme}, {width} px) changed nothing"


def _check_room_for_figure_text(page, path: str, theme: str, width: int) -> None:
    """Figures are shown at least as wide as gdlib's 8-px text check assumes (gdlib.plot's
    column widths), in both themes: static figures at min(natural, PHONE_FIGURE_PX or
    DESKTOP_COLUMN_PX), interactives in a column of PHONE_PANEL_PX or DESKTOP_COLUMN_PX."""
    from gdlib import plot

    shown = page.evaluate("""() => {
        const content = e => { const s = getComputedStyle(e);
            return e.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
                   - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth); };
        return {
            figures: [...document.querySelectorAll('main .cell_output img')].filter(i => !i.closest('.gd-interactive'))
                .map(i => [content(i), i.naturalWidth]),
            columns: [...document.querySelectorAll('.gd-interactive .gd-picture')].map(p => p.parentElement.getBoundingClientRect().width),
        };
    }""")
    figure_px, column_px = (plot.PHONE_FIGURE_PX, plot.PHONE_PANEL_PX) if width < 600 else (plot.DESKTOP_COLUMN_PX,) * 2
    narrow = [f"{w:.0f} of {n} px" for w, n in shown["figures"] if w < min(n, figure_px) - 1]
    assert narrow == [], f"static figures on {path} ({theme}, {width} px) shown narrower than gdlib's check assumes: {narrow}"
    narrow = [f"{c:.0f} px" for c in shown["columns"] if c < column_px - 1]
    assert narrow == [], f"interactives on {path} ({theme}, {width} px) in a column narrower than {column_px} px: {narrow}"


def _check_formulas_fit_and_keep_their_punctuation(page, where: str) -> None:
    """No formula, inline or displayed, reaches past its column (where nobody can scroll to
    it), and no punctuation after a formula starts a line of its own."""
    report = page.evaluate("""() => {
        const column = document.querySelector('main .bd-article') || document.querySelector('main');
        const edge = column.getBoundingClientRect();
        const past = [...column.querySelectorAll('mjx-container')].filter(m => {
            // The typeset formula itself: a displayed one's container is only as wide as the column.
            const r = (m.querySelector('mjx-math') || m).getBoundingClientRect();
            return r.width > 0 && (r.right > edge.right + 1 || r.left < edge.left - 1);
        }).map(m => m.textContent.slice(0, 50));
        const orphans = [];
        for (const m of column.querySelectorAll('mjx-container:not([display="true"])')) {
            let next = m.parentElement.classList.contains('math') ? m.parentElement.nextSibling : m.nextSibling;
            if (!next || next.nodeType !== Node.TEXT_NODE || !/^[.,;:!?)]/.test(next.textContent)) continue;
            const range = document.createRange();
            range.setStart(next, 0);
            range.setEnd(next, 1);
            const mark = range.getBoundingClientRect(), math = m.getBoundingClientRect();
            if (mark.width > 0 && mark.top >= math.bottom - 2) orphans.push(m.textContent.slice(0, 40) + next.textContent.slice(0, 1));
        }
        return {past, orphans};
    }""")
    assert report["past"] == [], f"formulas reach past the column on {where}: {report['past']}"
    assert report["orphans"] == [], f"punctuation starts a line after a formula on {where}: {report['orphans']}"


def _contrast(a: list[float], b: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted([luminance(a), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _check_accessible(page, path: str, theme: str) -> None:
    """axe-core finds nothing serious; formulas are not Tab stops; every picture has a text
    alternative; Play buttons have plain names; read-outs stay quiet; slider thumbs stand out."""
    from axe_playwright_python.sync_playwright import Axe

    where = f"{path} ({theme})"
    # No preload: axe would fetch the stylesheets' @import again, from the wrong folder (a 404).
    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False}).response
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], f"axe-core on {where}: {serious}"
    found = page.evaluate("""() => ({
        mathStops: document.querySelectorAll('main mjx-container[tabindex]:not([tabindex="-1"])').length,
        figures: [...document.querySelectorAll('main img')].filter(i => !i.closest('.gd-interactive'))
            .map(i => i.getAttribute('alt') || ''),
        frames: [...document.querySelectorAll('.gd-interactive img.gd-frame')].filter(i => i.offsetParent !== null)
            .map(i => i.getAttribute('alt') || ''),
        buttons: [...document.querySelectorAll('.gd-interactive button')].map(b => b.getAttribute('aria-label')),
        live: document.querySelectorAll('.gd-interactive output, .gd-interactive [aria-live], .gd-interactive [role=status]').length,
        sliders: [...document.querySelectorAll('.gd-interactive input.gd-range')].map(s => {
            // From the slider's box outwards (a range input's own background paints nothing).
            let e = s.parentElement, bg = 'rgba(0, 0, 0, 0)';
            while (e && /rgba[(].*, 0[)]|transparent/.test(bg)) { bg = getComputedStyle(e).backgroundColor; e = e.parentElement; }
            return [getComputedStyle(s).accentColor, bg];
        }),
    })""")
    assert found["mathStops"] == 0, f"{found['mathStops']} formulas are Tab stops on {where}"
    names = [alt for alt in found["figures"] if len(alt.split()) < 4 or re.search(r"\.(png|jpe?g|svg|webp)$", alt)]
    assert names == [], f"figures on {where} without a text alternative (alt is a file name or too short): {names}"
    assert all(found["frames"]), f"a frame on {where} has no text alternative"
    assert set(found["buttons"]) <= {"Play", "Pause", "Stop"}, found["buttons"]
    assert found["live"] == 0, f"a read-out on {where} is a live region"
    for accent, card in found["sliders"]:
        numbers = [[float(x) for x in re.findall(r"[\d.]+", c)] for c in (accent, card)]
        ratio = _contrast(*numbers)
        assert ratio >= 3, f"slider thumb {accent} on {card}: contrast {ratio:.1f}:1 on {where}"


_SHOWN = """h => [...h.closest('.gd-interactive').querySelectorAll('img.gd-frame')]
              .filter(img => img.offsetParent !== null).map(img => img.src)"""


def test_printed_an_interactive_stays_together_and_solutions_stay_hidden(site, browser):
    page, log = _open(browser, f"{site}/book/gradient_descent_2d.html", f"{site}/")
    page.wait_for_function("() => document.querySelectorAll('.gd-interactive').length > 0", timeout=20_000)
    page.emulate_media(media="print")
    printed = page.evaluate("""() => ({
        together: [...document.querySelectorAll('.gd-interactive')].map(w =>
            getComputedStyle(w.closest('.cell')).breakInside),
        solutions: [...document.querySelectorAll('div.solution')].map(s => getComputedStyle(s).display),
    })""")
    page.close()
    assert printed["together"] and set(printed["together"]) == {"avoid"}, printed
    assert printed["solutions"] and set(printed["solutions"]) == {"none"}, printed
    assert log.problems == []


def test_the_search_box_finds_a_chapter_and_chapters_skip_the_search_index(site, browser):
    # The search page defers Sphinx's search scripts like every other script; run in the
    # wrong order they once found nothing ("_ready is not defined").
    responses: list = []
    page, log = _open(browser, f"{site}/book/adam.html", site, responses=responses)
    # The index only serves search-as-you-type (off); a chapter need not load it.
    assert not [r.url for r in responses if "searchindex.js" in r.url]
    page.keyboard.press("Control+k")
    box = page.locator("#pst-search-dialog input[name=q]")
    box.fill("backpropagation")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=backpropagation")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0", timeout=20_000)
    found = page.locator("#search-results li").all_inner_texts()
    assert any("Backpropagation, layer by layer" in t for t in found), found
    assert log.problems == []
    page.close()
