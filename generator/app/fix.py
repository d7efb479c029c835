"""`python -m generator fix`: rewrite the selectors that anchor only with a warning, after showing the diff."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from generator.annotate.load import load_annotations
from generator.annotate.repair import Repair, edit_file, plan_repairs, write_edit
from generator.core.errors import Problem
from generator.core.model import visible
from generator.ingest.read import DEFAULT_MAX_BYTES
from generator.pipeline import load_archive


def fix(root: Path, dry_run: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[int, list[Problem]]:
    """Print the unified diff of every file to repair, then (unless dry_run) write them; the number of
    files changed (or that would change) and the problems that kept any repair from being made."""
    archive, _ = load_archive(root, max_bytes)
    annotations, _ = load_annotations(root, [a.id for a in archive.articles])
    by_file: dict[str, list[Repair]] = defaultdict(list)
    for article in archive.articles:
        annotation = annotations.articles.get(article.id)
        if annotation is None:
            continue
        for repair in plan_repairs(article.cleaned, annotation):
            by_file[repair.loc.path].append(repair)
    problems: list[Problem] = []
    changed = 0
    for display in sorted(by_file):
        edit, found = edit_file(root / display, display, by_file[display])
        problems += found
        if edit is None:
            continue
        sys.stdout.write(visible(edit.diff, keep_newlines=True))  # the file's own control characters, escaped
        changed += 1
        if not dry_run and (refused := write_edit(edit, display)) is not None:
            problems.append(refused)
            changed -= 1
    return changed, problems
