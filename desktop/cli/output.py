"""Printing a command's result: JSON with ``--json``, else the human text."""

from __future__ import annotations

import argparse
import json
import sys


def emit(args: argparse.Namespace, data: object, text: str | None = None) -> None:
    """Print ``data`` as JSON with --json, else ``text``."""
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif text is not None:
        print(text)
