"""Make every page paint its text first and its sliders respond soon after.

* **The interactives' saved state leaves the page.** myst-nb puts a notebook's whole
  widget state (every frame of every interactive, up to 1.8 MB) in one script in the
  page's ``<head>``, so nothing paints until all of it has arrived. Here it is split by
  interactive into ``_static/widgets/PAGE/K.js``, one small script each, which
  ``gd-widgets.js`` loads after the text, the interactive nearest the reader first
  (the page's first interactive comes as a deferred script of the page, so its sliders
  work as soon as the text is parsed). A script, not JSON, so that it also loads from
  ``file://``. The state loses what the
  book's script never reads: unset (``null``) traits and module names, which were a
  quarter of it.
* **Scripts wait for the text.** Every script in the head is deferred except the one
  that the page's inline scripts need at once (``documentation_options.js``), and the
  book's two scripts run before MathJax: ``gd-widgets.js`` first, then ``gd-math.js``,
  which makes MathJax typeset the formulas on screen first, then the rest in pieces, so a
  slider never waits long behind it.
* **Punctuation stays with its formula.** A comma or full stop right after inline math
  could wrap to the start of the next line; formula and punctuation are kept together.
* **The bibliography is a list of list items** for screen readers (docutils marks its
  entries with a deprecated role that a list may not hold).
* **Smaller figures.** The cells' static figures are saved with at most 256 colours
  (as the interactives' frames are): the same picture, about half the bytes.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript

STATE = "application/vnd.jupyter.widget-state+json"
VIEW = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
REF = "IPY_MODEL_"
# Traits that gd-widgets.js never reads (it takes a model's kind from model_name).
UNREAD = ("_model_module", "_model_module_version", "_model_name", "_view_module",
          "_view_module_version", "_view_name", "_view_count")
# Inline math, with an opening bracket before it and punctuation after it.
INLINE_MATH = re.compile(r'([(\[]?)(<span class="math notranslate nohighlight">[^<]*</span>)([.,;:!?)\]]*)')
# Scripts that must run before the page's own inline scripts (which set their options).
KEEP_SYNC = ("documentation_options.js",)


def _refs(value: Any) -> list[str]:
    """The model ids that a trait's value points to."""
    if isinstance(value, str):
        return [value[len(REF):]] if value.startswith(REF) else []
    if isinstance(value, (list, tuple)):
        return [ref for item in value for ref in _refs(item)]
    if isinstance(value, dict):
        return [ref for item in value.values() for ref in _refs(item)]
    return []


def _lean(spec: dict) -> dict:
    """A model as gd-widgets.js needs it: its kind, its set traits, its binary buffers."""
    state = {k: v for k, v in spec["state"].items() if k not in UNREAD and v is not None
             and not (spec["model_name"] == "LayoutModel" and v == "")}
    lean = {"model_name": spec["model_name"], "state": state}
    if spec.get("buffers"):
        lean["buffers"] = spec["buffers"]
    return lean


def split_state(state: dict, view_ids: list[str]) -> list[dict]:
    """Each view's models: those it reaches through its traits, and the links between them."""
    links = {i: s for i, s in state.items() if s["model_name"] == "LinkModel"}
    parts = []
    for view in view_ids:
        seen: set[str] = set()
        todo = [view]
        while todo:
            model = todo.pop()
            if model in seen or model not in state:
                continue
            seen.add(model)
            todo.extend(_refs(state[model]["state"]))
        for link_id, link in links.items():
            ends = _refs([link["state"].get("source"), link["state"].get("target")])
            if any(end in seen for end in ends):
                seen.add(link_id)
                seen.update(ends)
        parts.append({model: _lean(state[model]) for model in sorted(seen) if model in state})
    return parts


def _move_widget_state(app: Sphinx, pagename: str, context: dict) -> None:
    scripts = context.get("script_files", [])
    saved = [s for s in scripts if getattr(s, "attributes", {}).get("type") == STATE]
    if not saved:
        return
    state = json.loads(saved[0].attributes["body"].replace("<\\/", "</"))["state"]
    views = [json.loads(m)["model_id"] for m in VIEW.findall(context.get("body", ""))]
    folder = Path(app.outdir) / "_static" / "widgets" / pagename
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for k, (view, models) in enumerate(zip(views, split_state(state, views))):
        text = json.dumps(models, separators=(",", ":")).replace("</", "<\\/")
        # Queued, so that a file may run before gd-widgets.js or after it.
        (folder / f"{k}.js").write_text(f"(window.gdWidgetStates = window.gdWidgetStates || []).push([{json.dumps(view)},"
                                        f"{text}]);\nif (window.gdWidgets) window.gdWidgets.drain();\n")
        files[view] = context["pathto"](f"_static/widgets/{pagename}/{k}.js", 1)
    # What stays in the page: where each interactive's state is.
    saved[0].attributes.update(type="application/json", id="gd-widget-files", body=json.dumps(files))
    for extra in saved[1:]:
        scripts.remove(extra)
    if views:
        # The first interactive's state is a deferred script of the page, so that its
        # sliders work as soon as gd-widgets.js has run; the others load after the text.
        scripts.append(_JavaScript(f"_static/widgets/{pagename}/0.js", priority=500, defer="defer",
                                   **{"data-gd-state": "first"}))


def _defer_scripts(context: dict) -> None:
    scripts = context.get("script_files", [])
    for script in scripts:
        name = str(getattr(script, "filename", "") or "")
        attributes = getattr(script, "attributes", None)
        if not name or attributes is None or name.endswith(KEEP_SYNC):
            continue
        if "async" not in attributes:
            attributes["defer"] = "defer"
    # The book's scripts first among the deferred ones, so that they run before MathJax.
    ours = [s for s in scripts if str(getattr(s, "filename", "") or "").endswith(("gd-widgets.js", "gd-math.js"))
            or getattr(s, "attributes", {}).get("data-gd-state")]
    order = {"state": 0, "gd-widgets.js": 1, "gd-math.js": 2}
    ours.sort(key=lambda s: order["state" if s.attributes.get("data-gd-state") else Path(str(s.filename)).name])
    rest = [s for s in scripts if s not in ours]
    first = next((i for i, s in enumerate(rest) if "defer" in getattr(s, "attributes", {})), len(rest))
    scripts[:] = rest[:first] + ours + rest[first:]


def _keep_punctuation(context: dict) -> None:
    def join(m: re.Match) -> str:
        before, math, after = m.groups()
        return f'<span class="gd-nobreak">{before}{math}{after}</span>' if before or after else math

    if "body" in context:
        context["body"] = INLINE_MATH.sub(join, context["body"])


def _list_citations(context: dict) -> None:
    # Docutils makes the bibliography a role="list" whose entries are role="doc-biblioentry",
    # a role that ARIA has deprecated and that no list may hold (axe-core: critical): list items.
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.format != "html":
        return
    _move_widget_state(app, pagename, context)
    _defer_scripts(context)
    _keep_punctuation(context)
    _list_citations(context)


def quantise_png(data: bytes) -> bytes:
    """The PNG with at most 256 colours, if that is smaller; pixels that differ are rare and slight."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    rgba = image.convert("RGBA")
    small = rgba.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue() if len(out.getvalue()) < len(data) else data


def _quantise_images(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in (Path(app.outdir) / "_images").glob("*.png"):
        data = path.read_bytes()
        if data[25:26] == b"\x03":  # already palette-coloured (colour type 3)
            continue
        path.write_bytes(quantise_png(data))


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _page, priority=900)  # after myst-nb has added the state
    app.connect("build-finished", _quantise_images)
    app.add_js_file("gd-math.js")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
