"""Read the book's pages, and so execute its notebooks, in parallel: one process per core.

Executing the notebooks is nearly all of a clean build's time, one notebook after another
on one core. ``jupyter-book build`` has no ``-j`` option, so this extension sets Sphinx's
number of processes itself, for the HTML builder only. Every extension the book uses
declares itself safe for a parallel read except two of jupyter-book's own, which say
nothing: ``sphinx_multitoc_numbering`` 0.1.3 only replaces how the main process numbers
the chapters once the pages are read, and ``sphinx_jupyterbook_latex`` 1.0.0 only sets
LaTeX options before reading and rewrites LaTeX output. Both are declared safe here, for
those versions (checked by reading them); ``GDBOOK_BUILD_JOBS=1`` builds serially again.
The notebooks' execution cache is created before the processes start (see below).
"""

from __future__ import annotations

import os

from sphinx.application import Sphinx

CHECKED = {"sphinx_multitoc_numbering": "0.1.3", "sphinx_jupyterbook_latex": "1.0.0"}


def jobs() -> int:
    """The number of build processes: ``GDBOOK_BUILD_JOBS``, or the usable cores (at most 4)."""
    wanted = os.environ.get("GDBOOK_BUILD_JOBS")
    if wanted is not None:
        if not wanted.isdigit() or int(wanted) < 1:
            raise ValueError(f"GDBOOK_BUILD_JOBS must be a whole number >= 1, got {wanted!r}")
        return int(wanted)
    return max(1, min(4, len(os.sched_getaffinity(0))))


def _read_in_parallel(app: Sphinx) -> None:
    if app.builder.format != "html" or app.parallel > 1:
        return
    for name, version in CHECKED.items():
        extension = app.extensions.get(name)
        if extension is not None and getattr(extension.module, "__version__", None) != version:
            return  # a version nobody has read: stay serial
    for name in CHECKED:
        if name in app.extensions:
            app.extensions[name].parallel_read_safe = True
    app.parallel = jobs()
    config = getattr(app.env, "mystnb_config", None)
    if app.parallel > 1 and config is not None and config.execution_mode == "cache":
        # jupyter-cache makes its folder and database on first use, without a lock: two
        # processes reading their first notebook at once race to create them (and one
        # fails on a clean build). Make them here, before the processes start.
        from jupyter_cache import get_cache

        get_cache(config.execution_cache_path).db


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _read_in_parallel)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
