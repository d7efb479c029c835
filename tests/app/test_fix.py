"""`generator fix` and `--strict` on a real archive copy: real YAML files with comments, edited byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPO = FIXTURES.parent.parent

ANNOTATION = """\
# Hand-written: the comments, blank lines and quoting below must survive a repair.
outlet: 'The Example Herald'   # single-quoted on purpose
tags: [bridge, council]

notes:
  # the approximate one
  - quote: "agreed on Tuesday to rebuild the old bridge across the river"
    note: One word differs from the text.

  - quote: 'the bridge was closed'
    suffix: 'to cars since then'   # stale context
    note: Context drifted.

  - quote: the bridge was closed
    prefix: The council said the work would take two years, and
    note: Exact; untouched.
"""


def archive(tmp_path: Path, text: str = ANNOTATION) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "base", root)
    (root / "annotations" / "articles" / "sample.yml").write_text(text, "utf-8")
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_fix_rewrites_only_the_selectors_that_warn_and_keeps_every_other_byte(tmp_path: Path):
    root = archive(tmp_path)
    path = root / "annotations" / "articles" / "sample.yml"
    before = run(root, "validate")
    assert before.stderr.count(": warning: ") == 2, before.stderr
    dry = run(root, "fix", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "-  - quote: \"agreed on Tuesday to rebuild the old bridge across the river\"" in dry.stdout
    assert path.read_text("utf-8") == ANNOTATION, "--dry-run writes nothing"
    done = run(root, "fix")
    assert done.returncode == 0 and done.stdout == dry.stdout, done.stderr
    old, new = ANNOTATION.encode().splitlines(keepends=True), path.read_bytes().splitlines(keepends=True)
    # Each rewritten selector also records where it was found (position:, after its other keys): two lines more.
    positions = [i for i, line in enumerate(new) if re.fullmatch(rb"    position: \d+\n", line)]
    assert positions == [7, 12], new
    kept = [line for i, line in enumerate(new) if i not in positions]
    assert len(old) == len(kept)
    changed = [i for i, (a, b) in enumerate(zip(old, kept)) if a != b]
    assert changed == [6, 10], new
    assert kept[6] == b'  - quote: "agreed on Tuesday to rebuild the old bridge over the river"\n'
    assert kept[10].startswith(b"    suffix: 'to' ") and kept[10].endswith(b"# stale context\n"), kept[10]
    after = run(root, "validate")
    assert ": warning: " not in after.stderr and after.returncode == 0, after.stderr
    assert run(root, "fix", "--dry-run").stdout == "", "a repaired archive has nothing left to repair"


def test_validate_strict_turns_the_warnings_into_errors(tmp_path: Path):
    root = archive(tmp_path)
    assert run(root, "validate").returncode == 0
    strict = run(root, "validate", "--strict")
    assert strict.returncode == 1 and strict.stderr.count(": error: ") == 2, strict.stderr
    (root / "mkdocs.yml").write_text("site_name: t\nextra:\n  archive:\n    strict: true\n", "utf-8")
    assert run(root, "validate").returncode == 1, "the archive's own setting asks for strict mode"


def test_build_strict_fails_and_writes_nothing(tmp_path: Path):
    root = archive(tmp_path)
    failed = run(root, "build", "--no-site", "--strict")
    assert failed.returncode == 1 and not (root / "docs" / "articles").exists(), failed.stderr


def test_spanning_and_empty_quotes_are_located_errors(tmp_path: Path):
    root = archive(tmp_path, "notes:\n  - quote: \"over the river, said Mayor Ana Silva. The bridge was closed\"\n"
                             "    note: two paragraphs\n  - quote: \"   \"\n    note: empty\n")
    result = run(root, "validate")
    assert result.returncode == 1
    assert "sample.yml:2:5: error: note quote runs over a paragraph boundary" in result.stderr, result.stderr
    assert "sample.yml:4:5: error: note has an empty quote" in result.stderr, result.stderr
