"""Make the built book a self-contained site: no request leaves it.

* ``book/_assets`` (vendored MathJax 3, the book's stylesheet and ``gd-widgets.js``,
  which draws the interactives from their saved state) is added to the static path
  here, not through a ``_static`` folder, because Jupyter Book adds every ``.js`` file
  under ``_static`` to every page.
* Jupyter Book always adds sphinx-thebe, whose script points at a CDN (and is
  added twice, which is a script error); the book has no live-code button, so it is dropped.
* The theme's 1.5 MB Font Awesome script is left out of every page by
  ``book/_templates/layout.html``: the theme's stylesheet draws the same icons.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

ASSETS = Path(__file__).resolve().parent.parent / "_assets"


def _add_assets(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(ASSETS)]


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files", [])
    scripts[:] = [s for s in scripts
                  if "thebe" not in str(s) and "THEBE_JS_URL" not in getattr(s, "attributes", {}).get("body", "")]


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_assets)
    app.connect("html-page-context", _drop_thebe)
    app.add_css_file("gdbook.css")  # the book's own styles: interactives in both themes, phone, print
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
