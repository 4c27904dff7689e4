"""Run the bad-input battery (tests/battery.py) against a checkout of gdlib and count the outcomes.

    python scripts/measure_battery.py [PATH]   # PATH holds the gdlib/ to measure (default: this clone)

Each entry is counted as *clear* (the expected type of error, or the other of TypeError and
ValueError, with a message naming the argument as the battery's regex asks), *named* (an error that
starts with the argument's name but misses what the battery's regex asks for, such as "complex"),
*unclear* (any other error, or a message that does not name the argument), *silent* (no error: a result was
returned) or *hang* (still running after --timeout seconds, or more than 10 warnings).
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Timeout(BaseException):
    pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default=str(ROOT))
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--list", action="store_true", help="print every entry that is not clear")
    args = parser.parse_args()
    sys.path[:0] = [args.path, str(ROOT / "tests")]
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import gdlib
    from battery import BATTERY

    assert Path(gdlib.__file__).resolve().is_relative_to(Path(args.path).resolve()), gdlib.__file__

    def alarm(signum, frame):
        raise Timeout

    signal.signal(signal.SIGALRM, alarm)
    counts, notes = Counter(), []
    for name, call, exc, pattern in BATTERY:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                call()
                kind, why = "silent", "returned"
            except Timeout:
                kind, why = "hang", f"still running after {args.timeout:g} s"
            except (TypeError, ValueError) as err:
                kind = "clear" if re.search(pattern, str(err)) else "unclear"
                subject = re.match(r"\^([\w.\\\[\]']+)", pattern)
                if kind == "unclear" and subject and str(err).startswith(subject.group(1).replace("\\", "")):
                    kind = "named"  # names the argument, but not in the battery's words (e.g. drops "complex")
                why = f"{type(err).__name__}: {str(err)[:150]}"
            except Exception as err:  # noqa: BLE001 - anything else is unclear by definition
                kind, why = "unclear", f"{type(err).__name__}: {str(err)[:150]}"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        if len(caught) > 10:
            kind, why = "hang", f"{len(caught)} warnings ({caught[0].category.__name__})"
        counts[kind] += 1
        if kind != "clear":
            notes.append(f"{kind:8} {name}: {why}")
        plt.close("all")
    if args.list:
        print("\n".join(notes))
    total = sum(counts.values())
    print(f"{total} inputs: " + ", ".join(f"{counts[k]} {k}" for k in ("clear", "named", "unclear", "silent", "hang")))
    print("(named: an error that names the argument but says less than the battery asks, such as "
          "'must be a real number' for a complex value)")


if __name__ == "__main__":
    main()
