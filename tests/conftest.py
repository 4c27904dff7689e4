"""Shared test set-up."""

collect_ignore = ["make_golden.py", "battery.py"]  # make_golden needs torch (run by hand); battery is data
