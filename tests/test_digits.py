"""The shipped digits data (gdlib.digits): its file, its contents, and the fixed-seed split."""

from __future__ import annotations

import gzip
import hashlib
import subprocess
from pathlib import Path

import numpy as np
import pytest

from gdlib import digits

# Known counts of digits 0..9 in the UCI optdigits test part (optdigits.tes), from its description page.
KNOWN_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
SHA256 = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"  # of scikit-learn 1.9.1's copy


def test_the_file_is_the_documented_copy_and_is_tracked():
    data = digits.PATH.read_bytes()
    assert 50_000 < len(data) < 70_000
    assert hashlib.sha256(data).hexdigest() == SHA256
    readme = (digits.PATH.parent / "README.md").read_text()
    assert SHA256 in readme and "CC BY 4.0" in readme and "BSD-3-Clause" in readme
    root = Path(digits.__file__).parents[1]
    tracked = subprocess.run(["git", "ls-files", "gdlib/data"], cwd=root, capture_output=True, text=True).stdout
    if tracked:  # a git checkout (not an installed wheel): the data must be committed
        assert "gdlib/data/digits.csv.gz" in tracked.split()
    pyproject = root / "pyproject.toml"
    if pyproject.exists():
        assert '"data/*.csv.gz"' in pyproject.read_text()  # packaged with gdlib


def test_shapes_dtypes_and_range():
    X, y = digits.load()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert y.shape == (1797,) and y.dtype.kind == "i"
    assert X.min() == 0 and X.max() == 16 and np.all(X == np.round(X))
    images, y2 = digits.load(images=True)
    assert images.shape == (1797, 8, 8)
    np.testing.assert_array_equal(images.reshape(1797, 64), X)
    np.testing.assert_array_equal(y, y2)


def test_class_counts_match_the_uci_description():
    _, y = digits.load()
    assert np.bincount(y, minlength=10).tolist() == KNOWN_COUNTS


def test_load_agrees_with_a_plain_reading_of_the_file():
    # Read independently (the csv module, not numpy.loadtxt): the first image is a 0
    # whose top row is 0 0 5 13 9 1 0 0.
    import csv
    with gzip.open(digits.PATH, "rt") as f:
        rows = [list(map(int, r)) for r in csv.reader(f)]
    assert len(rows) == 1797 and {len(r) for r in rows} == {65}
    X, y = digits.load()
    np.testing.assert_array_equal(X, np.array([r[:64] for r in rows], dtype=float))
    np.testing.assert_array_equal(y, [r[64] for r in rows])
    assert rows[0][:8] == [0, 0, 5, 13, 9, 1, 0, 0] and y[0] == 0


def test_load_returns_fresh_arrays():
    X, y = digits.load()
    X[:] = -1
    y[:] = -1
    X2, y2 = digits.load()
    assert X2.min() == 0 and y2.min() == 0


@pytest.mark.parametrize("stratified", [True, False])
def test_split_is_deterministic_disjoint_and_complete(stratified):
    X, y = digits.load()
    ids = np.arange(len(y))
    # Carry each row's index in an extra column, to see where every sample went.
    Xi = np.column_stack([X, ids])
    a = digits.split(Xi, y, 0.25, 7, stratified=stratified)
    b = digits.split(Xi, y, 0.25, 7, stratified=stratified)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    X_train, X_test, y_train, y_test = a
    train, test = X_train[:, -1].astype(int), X_test[:, -1].astype(int)
    assert len(set(train) & set(test)) == 0
    assert sorted(np.concatenate([train, test]).tolist()) == ids.tolist()
    np.testing.assert_array_equal(y_train, y[train])  # labels travel with their images
    np.testing.assert_array_equal(y_test, y[test])
    assert abs(len(test) - 0.25 * 1797) <= 10
    other = digits.split(Xi, y, 0.25, 8, stratified=stratified)
    assert set(other[1][:, -1].astype(int)) != set(test)  # another seed, another split


def test_stratified_split_keeps_each_class_fraction():
    X, y = digits.load()
    _, _, _, y_test = digits.split(X, y, 0.2, 0)
    expected = [round(0.2 * c) for c in KNOWN_COUNTS]
    assert np.bincount(y_test, minlength=10).tolist() == expected


def test_split_shuffles_the_classes():
    X, y = digits.load()
    _, _, y_train, _ = digits.split(X, y, 0.2, 0)
    assert np.mean(np.diff(y_train) == 0) < 0.3  # not sorted in blocks of one class


def test_split_too_small_a_fraction_of_few_samples_is_refused():
    with pytest.raises(ValueError, match="leaves the test set empty"):
        digits.split(np.zeros((4, 2)), np.array([0, 1, 0, 1]), 0.1, 0)
