"""A message that names a value of an annotation file (a quote, an id, a key, a tag, a reference) names it
through quoted_value: a 100,000-character value is cut, and an escape sequence or a line break in one is
shown escaped, so no value can flood the terminal, colour it, or print a line that reads as another error.
Run through the real command line, `python -m generator validate`, as a contributor's CI runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HUGE = "w" * 100_000
# Red text, then a line that would read as an error of another file
SPOOF = "x\x1b[31mRED\nannotations/articles/forged.yml:1:1: error: forged"
LINE_LIMIT = 600  # longer than any message's own words, far shorter than a value


def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(REPO / "tests" / "fixtures" / "base", root, ignore=shutil.ignore_patterns(".build"))
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def hostile(root: Path) -> None:
    """Every place of the fixture archive a value reaches a message, given the huge and the spoofing value."""
    article = root / "annotations" / "articles" / "sample.yml"
    text = article.read_text("utf-8")
    text = text.replace("notes:\n", "tags: [" + json.dumps(SPOOF) + ", " + json.dumps(HUGE) + "]\nnotes:\n"
                        f"  - quote: {json.dumps(HUGE)}\n    note: too long a quote\n"
                        "  - quote: \"the old bridge\"\n    note: "
                        + json.dumps(f"See [[article:{HUGE[:2000]}]] and [[fact:x\x1bOwned]]") + "\n", 1)
    text = text.replace("mentions:\n", f"mentions:\n  - entity: {json.dumps(HUGE)}\n    quote: \"the mayor\"\n"
                        f"  - entity: {json.dumps(SPOOF)}\n    quote: \"the mayor\"\n", 1)
    text += f"{json.dumps(SPOOF)}: 1\n{json.dumps('k' * 1000)}: 2\n"
    text += f"cleaning:\n  keep: [{json.dumps(SPOOF.replace(chr(10), ' '))}]\n"
    article.write_text(text, "utf-8")
    entities = root / "annotations" / "entities.yml"
    entities.write_text(entities.read_text("utf-8").replace(
        "    description: Mayor of the city.",
        "    description: " + json.dumps(f"Mayor of [[entity:{HUGE[:400]}]] and [[article:a\x1bOb]] too."), 1), "utf-8")


def test_values_in_messages_are_cut_and_escaped(tmp_path: Path):
    root = archive(tmp_path)
    hostile(root)
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    err = result.stderr
    lines = err.splitlines()
    assert "\x1b" not in err and "\x1b" not in result.stdout
    assert all(len(line) <= LINE_LIMIT for line in lines), max(lines, key=len)[:300]
    assert not any(line.startswith("annotations/articles/forged.yml") for line in lines), err
    # each hostile value was reported, escaped or cut, where it stands
    reported = [line for line in lines if "\\x1b[31mRED\\nannotations/articles/forged.yml" in line]
    assert any("unknown key" in line for line in reported), err
    assert any("unknown entity" in line for line in reported), err
    assert any(line.startswith("annotations/articles/sample.yml:") and "tags/0" in line for line in reported), err
    cut = [line for line in lines if "(100,000 characters)" in line]
    assert any("unknown entity" in line and "sample.yml" in line for line in cut), err
    assert any("quote" in line for line in cut), err
    assert any("entities.yml" in line and "unknown entity" in line and "(400 characters)" in line
               for line in lines), err
    assert any("unknown key" in line and "(1,000 characters)" in line for line in lines), err
    assert any("entities.yml" in line and "\\x1bOb" in line for line in lines), err
    assert any("notes/0" in line and "(2,000 characters)" in line for line in lines), err
    assert any("notes/0" in line and "unknown fact 'x\\x1bOwned'" in line for line in lines), err
