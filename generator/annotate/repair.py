"""Rewrite annotation files' selectors to what anchoring found: the repair a contributor would type by hand.

Only a selector that anchored with a warning (drifted context, approximate quote, a close second place) is
rewritten, to the quote as the text has it, the fewest words of context that decide (repaired_selector) and
the position it was found at (a tie-breaker for later drift: anchor.py).
The file is edited with ruamel.yaml's round-trip mode, which keeps comments, key order, quoting style and
blank lines; the result is then compared line by line with the original, and a file whose lines outside the
edited items would change is refused rather than reformatted. A build never calls this module.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from generator.annotate.anchor import anchor, position_of
from generator.annotate.context import repaired_selector
from generator.core.errors import Problem, error
from generator.core.model import ArticleAnnotation, CleanedArticle, Loc, Selector

SECTIONS = ("notes", "facts", "mentions", "unlink")
KEYS = ("quote", "prefix", "suffix", "position")


@dataclass(frozen=True)
class Repair:
    loc: Loc            # the item in its annotation file (line of its first key)
    old: Selector
    new: Selector


@dataclass(frozen=True)
class FileEdit:
    path: Path
    original: bytes
    text: str           # the file as it will be written
    diff: str           # unified diff, original -> text


def plan_repairs(cleaned: CleanedArticle, annotation: ArticleAnnotation) -> list[Repair]:
    """The selectors of one article that anchor only with a warning, and what makes each certain."""
    selectors = [*(n.selector for n in annotation.notes), *(f.selector for f in annotation.facts),
                 *(m.selector for m in annotation.mentions), *(u.selector for u in annotation.unlinks)]
    locs = [*(n.loc for n in annotation.notes), *(f.loc for f in annotation.facts),
            *(m.loc for m in annotation.mentions), *(u.loc for u in annotation.unlinks)]
    repairs = []
    for selector, loc in zip(selectors, locs):
        if selector is None:
            continue
        found = anchor(selector, cleaned.blocks)
        if found.span is None or found.certain:
            continue
        fixed = repaired_selector(selector, cleaned.blocks, found.span)
        if fixed is not None:  # with the place recorded, for the day the words no longer decide
            fixed = replace(fixed, position=position_of(cleaned.blocks, found.span))
        if fixed is not None and fixed != selector:
            repairs.append(Repair(loc, selector, fixed))
    return repairs


def edit_file(path: Path, display: str, repairs: Iterable[Repair]) -> tuple[FileEdit | None, list[Problem]]:
    """The file with each repair applied, or why it cannot be edited without touching anything else."""
    original = path.read_bytes()
    text = original.decode("utf-8")
    _, indent, offset = load_yaml_guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line the contributor wrote on one
    # The guess is the sequence's indent and its dash's offset: a mapping inside sits at the same step.
    indent, offset = indent or 2, offset or 0
    yaml.indent(mapping=max(2, indent - offset), sequence=indent, offset=offset)
    data = yaml.load(text)
    items = _items_by_line(data, text.count("\n") + 1)
    edited_lines: set[int] = set()
    problems: list[Problem] = []
    for repair in repairs:
        found = items.get(repair.loc.line)
        if found is None:
            problems.append(error(repair.loc, "cannot find this item in the file to repair it; edit it by hand"))
            continue
        item, first, last = found
        edited_lines.update(range(first, last + 1))
        _set_selector(item, repair.new)
    out = io.StringIO()
    yaml.dump(data, out)
    new_text = out.getvalue()
    if new_text == text:
        return None, problems
    before, after = text.splitlines(keepends=True), new_text.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        outside = [line for line in range(i1 + 1, max(i2, i1 + 1) + 1) if line not in edited_lines]
        if tag != "equal" and outside:
            return None, [*problems, error(Loc(display, outside[0], 1),
                                           "repairing this file would also reformat this line; edit the selectors "
                                           "by hand (see `python -m generator validate`)")]
    diff = "".join(difflib.unified_diff(before, after, f"a/{display}", f"b/{display}"))
    return FileEdit(path, original, new_text, diff), problems


def write_edit(edit: FileEdit, display: str) -> Problem | None:
    """Write one edited file, unless it changed since it was read (an editor saved it meanwhile)."""
    if hashlib.sha256(edit.path.read_bytes()).digest() != hashlib.sha256(edit.original).digest():
        return error(Loc.whole(display), "the file changed since it was read; nothing written, run the repair again")
    temporary = edit.path.with_name(f".{edit.path.name}.repair")
    temporary.write_text(edit.text, "utf-8", newline="")
    os.replace(temporary, edit.path)
    return None


def _items_by_line(data: object, line_count: int) -> dict[int, tuple[CommentedMap, int, int]]:
    """Each selector-holding item by the 1-based line it starts at, with the lines it covers (to the next
    item or section), so the edit can be checked to stay inside them."""
    found: dict[int, tuple[CommentedMap, int, int]] = {}
    if not isinstance(data, CommentedMap):
        return found
    starts = sorted(data.lc.key(k)[0] + 1 for k in data)
    for section in SECTIONS:
        seq = data.get(section)
        if not isinstance(seq, CommentedSeq):
            continue
        section_line = data.lc.key(section)[0] + 1
        section_end = next((line - 1 for line in starts if line > section_line), line_count)
        lines = [seq.lc.item(i)[0] + 1 for i in range(len(seq))]
        for i, item in enumerate(seq):
            if isinstance(item, CommentedMap):
                last = lines[i + 1] - 1 if i + 1 < len(lines) else section_end
                found[lines[i]] = (item, lines[i], last)
                found.setdefault(item.lc.line + 1, (item, lines[i], last))
    return found


def _set_selector(item: CommentedMap, new: Selector) -> None:
    after = list(item).index("quote") if "quote" in item else -1
    for key in KEYS:
        value = getattr(new, key)
        if key in item:
            after = list(item).index(key)
        if value is None or value == "":  # position 0 is a place
            if key in item and key != "quote":
                del item[key]
            continue
        old = item.get(key)
        if old == value:
            continue
        styled = value if isinstance(value, int) else type(old)(value) if isinstance(old, ScalarString) else (
            value if key in item else DoubleQuotedScalarString(value))
        if key in item:
            item[key] = styled
        else:
            after += 1
            item.insert(after, key, styled)
