"""Run a chapter's code with its interactives replaced by the text of their frames.

nbval compares only ``Interactive(...; N frames)`` for an interactive cell, so the titles,
legends and numbers in its frames are checked by the chapters' frame tests. They run the
chapter's code cells as the notebook does, with ``interactive`` replaced by
:func:`gdlib.widgets.frame_texts` (the same calls of ``setup`` and ``frame``, no pictures).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import matplotlib.pyplot as plt

from gdlib import widgets

BOOK = Path(__file__).resolve().parent.parent / "book"


def chapter_frames(name: str, skip: Callable[[str], bool] = lambda source: False
                   ) -> tuple[dict[str, tuple[dict, dict]], dict[str, Any]]:
    """``({frame function name: (params, texts)}, namespace)`` for ``book/NAME.ipynb``.

    ``skip(source)`` names the code cells not to run (static figures, which cost time and
    show no frames); ``texts`` is keyed like :func:`gdlib.widgets.frame_texts`.
    """
    path = BOOK / f"{name}.ipynb"
    cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    shown: dict[str, tuple[dict, dict]] = {}

    def record(frame, params, *, setup=None, figsize=(5.6, 3.5), ncols=1, play=None, projections=None):
        shown[frame.__name__] = (params, widgets.frame_texts(frame, params, setup=setup, figsize=figsize,
                                                             ncols=ncols, projections=projections))

    namespace: dict[str, Any] = {}
    real = widgets.interactive
    # A cell that imports interactive (``from gdlib.widgets import interactive``) gets the
    # recorder too, whether the import stands in an earlier cell or in the cell itself.
    widgets.interactive = record
    try:
        for cell in cells:
            source = "".join(cell["source"])
            if skip(source):
                continue
            namespace["interactive"] = record
            exec(compile(source, str(path), "exec"), namespace)
    finally:
        widgets.interactive = real
    plt.close("all")
    return shown, namespace
