"""Every chapter in a live JupyterLab, as a reader who runs it locally sees it.

Starts JupyterLab from this environment (as the README says) on 127.0.0.1, on a copy
of book/, and opens each chapter notebook in Debian's headless Chromium. Before any
cell runs, the MyST markup must be rendered by jupyterlab-myst (no raw roles,
directives or labels; exercises as boxes, solutions folded; math typeset) and each
interactive must say how to get its sliders. After Run All, every slider must change
its figure in the live kernel.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from test_site import _ensure_chromium

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
TOKEN = "gd-book-test"
# Markup that only shows when jupyterlab-myst did not render it.
RAW = ["{doc}", "{eq}", "{ref}", "{numref}", ":::{", "```{", ":label:", ":class: dropdown", "$$"]
LABEL = re.compile(r"\([a-z][\w-]*\)=")  # a target such as (tour-derivative)=


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("lab")
    book = home / "book"
    shutil.copytree(ROOT / "book", book, ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    # Render every cell, not only those in view, so that the whole notebook can be read here.
    settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    port = _free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings")}
    command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={book}",
               "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()[-3000:]}")
            time.sleep(0.2)
    yield base
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_ensure_chromium(), args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


SHOWN = """h => [...h.closest('.gd-interactive').querySelectorAll('img.gd-frame')]
              .filter(img => img.offsetParent !== null).map(img => img.src)"""


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_chapter_reads_and_its_sliders_work_in_jupyterlab(lab, chromium, notebook):
    page = chromium.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{lab}/lab/tree/{notebook}?token={TOKEN}&reset")
    page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", timeout=60_000)
    page.wait_for_function("""() => [...document.querySelectorAll('.jp-Notebook .jp-MarkdownCell')]
        .every(c => c.querySelector('.jp-RenderedMarkdown, .jp-MarkdownOutput, .myst'))""", timeout=30_000)
    page.wait_for_timeout(1000)
    before = page.evaluate("""() => {
        const cells = [...document.querySelectorAll('.jp-Notebook .jp-MarkdownCell')];
        // The prose a reader sees, without typeset math (whose text is its TeX source).
        const hide = document.createElement('style');
        hide.textContent = '.katex, mjx-container { display: none !important; }';
        document.head.appendChild(hide);
        const text = cells.map(c => c.innerText);
        hide.remove();
        return {
            text: text.join('\\n'),
            math: document.querySelectorAll('.jp-Notebook .jp-MarkdownCell .katex, .jp-Notebook .jp-MarkdownCell mjx-container').length,
            exercises: new Set(text.join(' ').match(/Exercise \\d+/g) || []).size,
            folded: [...document.querySelectorAll('.jp-Notebook details')].filter(d => !d.open && /Solution/.test(d.innerText)).length,
            unfolded: [...document.querySelectorAll('.jp-Notebook details')].filter(d => d.open && /Solution/.test(d.innerText)).length,
            widgets: [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')]
                .map(o => o.innerText).filter(t => t.startsWith('Interactive(')),
        };
    }""")
    raw = [token for token in RAW if token in before["text"]] + LABEL.findall(before["text"])
    assert raw == [], f"{notebook}: raw markup in JupyterLab: {raw}"
    assert before["math"] > 0, f"{notebook}: no typeset math in JupyterLab"
    source = (ROOT / "book" / notebook).read_text()
    exercises = source.count(":::{exercise}")
    assert before["exercises"] >= exercises > 0, f"{notebook}: exercises not shown as boxes: {before['exercises']}"
    assert before["folded"] == source.count(":::{solution}") and before["unfolded"] == 0, before
    interactives = source.count("run this cell to get its sliders")
    assert len(before["widgets"]) == interactives and all(
        w.endswith("run this cell to get its sliders") for w in before["widgets"]), before["widgets"]

    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(f"() => document.querySelectorAll('.gd-interactive').length >= {interactives}",
                           timeout=120_000)
    page.wait_for_function("""() => ![...document.querySelectorAll('.jp-InputPrompt')]
        .some(e => e.textContent.includes('*'))""", timeout=120_000)
    handles = page.locator(".gd-interactive .noUi-handle")
    assert handles.count() >= interactives
    for i in range(handles.count()):
        handle = handles.nth(i)
        handle.scroll_into_view_if_needed()
        first = handle.evaluate(SHOWN)
        handle.click()
        at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        try:
            page.wait_for_function(f"([h, first]) => ({SHOWN})(h).join() !== first.join()",
                                   arg=[handle.element_handle(), first], timeout=5000)
        except Exception:  # noqa: BLE001 - reported as the failure below
            pytest.fail(f"slider {i} in {notebook} did not change its figure in JupyterLab")
    errors = [e for e in errors if "ResizeObserver" not in e]
    page.close()
    assert errors == []
