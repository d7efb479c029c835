"""What every command shares: the options every command takes, how problems print, the exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from generator.core.errors import Problem
from generator.ingest.read import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# argparse's type for the object add_subparsers() returns, which each command's add_* function extends
Subcommands = argparse._SubParsersAction


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the archive folder holding seeds/, annotations/, docs/ and mkdocs.yml (default: .)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"largest source file accepted (default: {DEFAULT_MAX_BYTES:,})")


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="treat every warning as an error, e.g. a quote anchored only approximately "
                             "(the default when mkdocs.yml has `extra: {archive: {strict: true}}`)")


def strict_mode(args: argparse.Namespace) -> bool:
    """--strict, or the archive's own setting: CI and `make check` then follow the archive without a flag."""
    from generator.check.links import load_config

    return bool(getattr(args, "strict", False)) or load_config(args.root).strict


def print_problems(problems: Sequence[Problem], fmt: str) -> None:
    problems = sorted(problems)
    if fmt == "json":
        print(json.dumps([{"path": p.loc.path, "line": p.loc.line, "column": p.loc.column,
                           "severity": p.severity, "message": p.message} for p in problems], indent=2))
        return
    for p in problems:
        if fmt == "github":
            print(p.github_command())
        else:
            print(str(p), file=sys.stderr)

