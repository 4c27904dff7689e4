r"""The UCI handwritten digits: 1,797 images of 8 x 8 pixels, each labelled 0 to 9.

Each pixel counts how many of the 16 dots of a 4 x 4 block of a 32 x 32 bitmap of the
handwritten digit are inked, so it is a whole number from 0 to 16 (Alpaydin and Kaynak,
1998; UCI Machine Learning Repository, "Optical Recognition of Handwritten Digits",
CC BY 4.0). The file ``gdlib/data/digits.csv.gz`` ships with gdlib, copied from
scikit-learn's wheel (see ``gdlib/data/README.md``); nothing is downloaded.

>>> X, y = load()
>>> X.shape, y.shape, int(X.max()), int(y[0])
((1797, 64), (1797,), 16, 0)
>>> X_train, X_test, y_train, y_test = split(X, y, test_fraction=0.2, seed=0)
>>> len(y_train), len(y_test)
(1438, 359)
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

import numpy as np

from . import validation

PATH = Path(__file__).parent / "data" / "digits.csv.gz"
"""The data file: one image a line, 64 pixel counts row by row, then the label."""
N_SAMPLES, SIDE, N_CLASSES = 1797, 8, 10
MAX_PIXEL = 16
"""A pixel counts inked dots in a 4 x 4 block, so it is at most 16."""


@functools.lru_cache(maxsize=1)
def _read() -> tuple[np.ndarray, np.ndarray]:
    with gzip.open(PATH, "rt") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.int64)
    table.setflags(write=False)  # the cache hands out copies; this one is never changed
    return table[:, :-1], table[:, -1]


def load(*, images: bool = False) -> tuple[np.ndarray, np.ndarray]:
    r"""The digits: pixels ``X`` as float64, shape ``(1797, 64)`` (or ``(1797, 8, 8)`` with ``images=True``),
    and labels ``y``, int64 of shape ``(1797,)`` with values 0 to 9.

    The 64 pixels of a row of ``X`` are the image read row by row, top to bottom, so
    ``X.reshape(-1, 8, 8)`` gives the images. Each call returns fresh arrays.
    """
    if not isinstance(images, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"images must be True or False, got {validation.describe(images)}")
    pixels, labels = _read()
    X = pixels.astype(np.float64)
    return (X.reshape(-1, SIDE, SIDE) if images else X), labels.copy()


def split(X: np.ndarray, y: np.ndarray, test_fraction: float = 0.2, seed: int = 0, *,
          stratified: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Split ``(X, y)`` into ``X_train, X_test, y_train, y_test``, the same for the same ``seed``.

    With ``stratified=True`` (the default), each class gives the same fraction of its
    samples to the test set: of the :math:`n_c` samples of class :math:`c`,
    :math:`\operatorname{round}(f\, n_c)` chosen at random go to the test set, so
    both sets keep the classes' proportions. With ``stratified=False``, all
    :math:`N` samples are shuffled and the first :math:`\operatorname{round}(f N)` are
    the test set. Either way every sample lands in exactly one set, both sets are shuffled,
    and ``numpy.random.default_rng(seed)`` makes the choice.
    """
    X = validation._numeric_array("X", X, "an array of real numbers (one row per sample)")
    if X.ndim < 1 or X.shape[0] < 2:
        raise ValueError(f"X must have one row per sample and at least 2 rows, got shape {X.shape}")
    if isinstance(y, (str, bytes)) or np.ndim(y) != 1:
        raise ValueError(f"y must be a 1-D array of labels, got {validation.describe(y)}")
    y = np.asarray(y)
    if y.dtype.kind not in "iu":
        raise validation.ArgumentTypeError(f"y must hold whole-number class labels, got dtype {y.dtype}")
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y must have one label per row of X ({X.shape[0]}), got {y.shape[0]}")
    f = validation.real("test_fraction", test_fraction, low=0.0, high=1.0)
    seed = validation.count("seed", seed)
    if not isinstance(stratified, (bool, np.bool_)):
        raise validation.ArgumentTypeError(f"stratified must be True or False, got {validation.describe(stratified)}")
    rng = np.random.default_rng(seed)
    n = y.shape[0]
    if stratified:
        test = np.concatenate([rng.permutation(idx)[:round(f * idx.size)]
                               for idx in (np.flatnonzero(y == c) for c in np.unique(y))])
    else:
        test = rng.permutation(n)[:round(f * n)]
    is_test = np.zeros(n, dtype=bool)
    is_test[test] = True
    if is_test.all() or not is_test.any():
        raise ValueError(f"test_fraction = {f:g} of {n} samples leaves the "
                         f"{'training' if is_test.all() else 'test'} set empty: choose a fraction further from 0 and 1")
    # Shuffle each set, so that neither lists the classes in blocks.
    train, test = rng.permutation(np.flatnonzero(~is_test)), rng.permutation(np.flatnonzero(is_test))
    return X[train], X[test], y[train], y[test]
