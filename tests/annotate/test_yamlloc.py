"""Problem messages stay short and name the right cause: huge values, YAML size limits, unknown tags.

Each test writes a real YAML file into a copied archive and runs the real command in a subprocess, so what is
checked is what a contributor reads on stderr.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.annotate.yamlloc import MAX_DEPTH, MAX_NODES
from generator.core.errors import quoted_value
from tests.conftest import REPO, copy_archive

ARTICLE = "annotations/articles/000_0d653554ecbc9289.yml"


def run(root: Path, command: str = "validate") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", command, "--root", str(root)],
                          capture_output=True, text=True, cwd=REPO, timeout=600)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_archive(tmp_path / "archive")


def test_quoted_value_keeps_a_prefix_and_the_length() -> None:
    assert quoted_value("short") == "'short'"
    cut = quoted_value("x" * 1000, limit=20)
    assert cut.startswith("'xxxx") and cut.endswith("… (1,000 characters)") and len(cut) < 60


@pytest.mark.parametrize("field", ["date", "entity"])
def test_a_5mb_value_does_not_flood_stderr(root: Path, field: str) -> None:
    path = root / ARTICLE
    huge = "z" * 5_000_000
    text = path.read_text(encoding="utf-8")
    if field == "date":
        text = text.replace("date: 2023-12-20", f'date: "{huge}"', 1)
    else:
        text = text.replace("entity: ismail-haniyeh", f"entity: {huge}", 1)
    path.write_text(text, encoding="utf-8")
    result = run(root)
    assert result.returncode != 0
    assert "(5,000,000 characters)" in result.stderr
    assert len(result.stderr) < 10_000


def test_a_large_plain_file_is_not_called_an_alias_bomb(root: Path) -> None:
    (root / ARTICLE).write_text("\n".join(f"k{i}: v" for i in range(MAX_NODES + 10)), encoding="utf-8")
    result = run(root)
    assert result.returncode != 0
    assert f"the limit is {MAX_NODES:,} values" in result.stderr
    assert "no aliases" in result.stderr and "bytes" in result.stderr and "split it" in result.stderr
    assert "laughs" not in result.stderr and "repeated through YAML aliases" not in result.stderr


def test_an_alias_bomb_is_named_as_aliases(root: Path) -> None:
    lines = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for name, prev in zip("bcdef", "abcde"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    (root / ARTICLE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(root)
    assert result.returncode != 0
    assert "repeated through YAML aliases" in result.stderr
    assert f"the limit is {MAX_NODES:,} values" in result.stderr
    assert "no aliases" not in result.stderr


def test_deep_nesting_names_the_depth_limit(root: Path) -> None:
    (root / ARTICLE).write_text("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", encoding="utf-8")
    result = run(root)
    assert result.returncode != 0
    assert f"the limit is {MAX_DEPTH} levels" in result.stderr


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("tag", ["!foo", "!!python/object:os.system"])
def test_an_unknown_tag_is_a_located_error(root: Path, command: str, tag: str) -> None:
    path = root / ARTICLE
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[number] = lines[number].replace("title: ", f"title: {tag} ", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(root, command)
    assert result.returncode != 0
    assert f"{ARTICLE}:{number + 1}:8: error: unknown YAML tag" in result.stderr, result.stderr[-2000:]
    assert not (root / "site").exists() or command == "validate"
