"""repair.py on real files: a file changed since it was read is refused, nothing else in the file moves."""

from __future__ import annotations

from pathlib import Path

from generator.annotate.repair import Repair, edit_file, write_edit
from generator.core.model import Loc, Selector

TEXT = """\
# comment kept
notes:
    -   quote: 'old words'   # why
        note: plain

    -   quote: untouched
        note: x
"""


def test_a_file_changed_since_it_was_read_is_refused(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_text(TEXT, "utf-8")
    edit, problems = edit_file(path, "a.yml", [Repair(Loc("a.yml", 3, 9), Selector("old words"), Selector("new words"))])
    assert edit is not None and not problems
    path.write_text(TEXT + "# added meanwhile\n", "utf-8")
    refused = write_edit(edit, "a.yml")
    assert refused is not None and "changed since it was read" in refused.message
    assert path.read_text("utf-8").endswith("# added meanwhile\n")


def test_an_unusual_indent_and_a_comment_are_kept_byte_for_byte(tmp_path: Path):
    path = tmp_path / "a.yml"
    path.write_text(TEXT, "utf-8")
    edit, problems = edit_file(path, "a.yml", [Repair(Loc("a.yml", 3, 9), Selector("old words"), Selector("new words"))])
    assert edit is not None and not problems
    assert write_edit(edit, "a.yml") is None
    old, new = TEXT.splitlines(keepends=True), path.read_text("utf-8").splitlines(keepends=True)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [2] and len(old) == len(new)
    assert new[2] == "    -   quote: 'new words'   # why\n"
