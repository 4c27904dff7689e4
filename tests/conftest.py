"""Shared test set-up."""

collect_ignore = ["make_golden.py"]  # needs torch; run by hand to regenerate the golden files
