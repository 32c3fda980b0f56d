"""``python -m sco_site check``: validate data/ without MkDocs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .loader import load_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sco_site")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every file in data/ and report all problems")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)
    try:
        catalog = load_data(args.data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(entities)} {name}"
        for name, entities in (
            ("priorities", catalog.priorities),
            ("initiatives", catalog.initiatives),
            ("events", catalog.events),
            ("actors", catalog.actors),
            ("places", catalog.places),
            ("sources", catalog.sources),
        )
    )
    print(f"data/ is valid: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
