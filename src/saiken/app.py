"""GUI entry point: `saiken-desk [--vault DIR] [--demo] [--screenshot PATH --view NAME]`."""

from __future__ import annotations

import sys


def main() -> int:
    from saiken.ui.shell.main import run

    return run(sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
