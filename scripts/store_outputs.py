"""Execute chapter notebooks and store their outputs, as nbval expects them.

    python scripts/store_outputs.py book/gradient_descent_2d.ipynb [...]

Outputs are kept; the widget state that execution records is dropped, because the
build re-creates it and it would only bloat the repository.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def store(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return time.perf_counter() - started


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: executed in {store(Path(name)):.1f} s")
