"""An unknown [[kind:id]] is reported at the reference itself (FILE:LINE:COL), in a note, an entity's
description or a fact's claim, whatever the YAML style of the text: plain, quoted, literal or folded block."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.annotate.yamlloc import load_yaml
from tests.conftest import copy_archive

REPO = Path(__file__).resolve().parents[2]


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the nth needle in text: where a contributor's editor shows it."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def reference_locs(source: str, path: tuple) -> list[tuple[int, int]]:
    located, problems = load_yaml(source, "a.yml")
    assert located is not None and not problems
    return [(loc.line, loc.column) for loc in located.reference_locs[path]]


@pytest.mark.parametrize("source", [
    "note: See [[article:x]] and [[fact:y]] too\n",                       # plain
    "note: \"\\\"Quoted\\\" \\u00e9t\\u00e9, [[article:x]]\\t[[fact:y]]\"\n",  # double-quoted, escapes before
    "note: 'It''s [[article:x]] and it''s [[fact:y]]'\n",                 # single-quoted, '' before
    "note: |\n  First line.\n  Then [[article:x]],\n    indented [[fact:y]]\n",  # literal block
    "note: >-\n  Folded text that\n  runs on: [[article:x]]\n\n  [[fact:y]] after a blank line\n",  # folded
    "note: a plain text\n  that wraps [[article:x]] onto\n  more lines [[fact:y]]\n",  # plain, several lines
    "\u00e9: \u00e9\u00e9\nnote: \u00e9\u00e9 [[article:x]] \u00e9 [[fact:y]]\n",  # columns count characters
])
def test_each_reference_is_located_where_it_is_written(source: str):
    assert reference_locs(source, ("note",)) == [where(source, "[[article:x"), where(source, "[[fact:y")]


def test_the_same_reference_twice_is_located_twice():
    source = "notes:\n  - note: \"[[article:x]], again [[article:x]]\"\n"
    assert reference_locs(source, ("notes", 0, "note")) == [where(source, "[[article:x"),
                                                            where(source, "[[article:x", 1)]


def test_a_reference_written_with_an_escape_is_located_at_its_text():
    # "\x5b" is "[": the words of the reference are not in the file as they are in the text
    source = 'note: "ok [[article:x]] then \\x5b[fact:y]]"\n'
    assert reference_locs(source, ("note",)) == [where(source, "[[article:x"), (1, len("note: ") + 1)]


def validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)


def test_validate_names_the_line_and_column_of_each_unknown_reference(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    entities = root / "annotations" / "entities.yml"
    old = "    description: Palestinian politician who headed"
    text = entities.read_text("utf-8")
    assert old in text
    text = text.replace(old, "    description: >\n      Known from [[article:001]] and\n      [[article:no-such]],"
                             " a Palestinian politician who headed", 1)
    entities.write_text(text, "utf-8")
    facts = root / "annotations" / "facts.yml"
    old_claim = "    claim: Palestinians killed in Gaza since 7 October 2023,"
    claims = facts.read_text("utf-8")
    assert old_claim in claims
    claims = claims.replace(old_claim, "    claim: \"\\\"Killed\\\", see [[entity:nobody-known]]: Palestinians killed"
                                       " in Gaza since 7 October 2023,\"", 1)
    # the rest of the claim's line is inside the quotes now: close them at the line's end
    lines = claims.splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if "[[entity:nobody-known]]" in line)
    lines[n] = lines[n].replace('2023,"', "2023,", 1).rstrip("\n") + '"\n'
    facts.write_text("".join(lines), "utf-8")
    result = validate(root)
    assert result.returncode == 1
    errors = sorted(e for e in result.stderr.splitlines() if ": error: " in e)
    line, column = where(text, "[[article:no-such")
    fact_line, fact_column = where("".join(lines), "[[entity:nobody-known")
    assert errors == sorted([
        f"annotations/entities.yml:{line}:{column}: error: entity 'ismail-haniyeh': description: unknown "
        "article 'no-such' in [[article:no-such]]",
        f"annotations/facts.yml:{fact_line}:{fact_column}: error: fact 'gaza-death-toll-dec-2023': claim: unknown "
        "entity 'nobody-known' in [[entity:nobody-known]]"]), result.stderr
