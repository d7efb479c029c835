"""core.errors: a problem prints as one line in every format, whatever its path and message hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.core.errors import counted, error, warning
from generator.core.model import Loc, visible

from ..conftest import copy_archive

HOSTILE = [
    "seeds/a\n::error file=README.md,line=1::forged.txt",
    "seeds/a\r::warning::forged.txt",
    "seeds/100%25.txt",
    "seeds/a:b,c.txt",
    "seeds/\x1b[2J\x1b[31mred.txt",
    "seeds/\u202etxt.exe",
    "seeds/tab\there.txt",
]


@pytest.mark.parametrize("path", HOSTILE)
def test_github_command_is_one_line_and_decodes_back(path: str) -> None:
    problem = error(Loc(path, 3, 7), "bad quote:\n'x'\r100% sure")
    command = problem.github_command()
    assert "\n" not in command and "\r" not in command
    assert command.startswith("::error file=")
    properties, message = command[len("::error "):].split("::", 1)  # the first :: ends the properties
    assert properties.count(",") == 2 and properties.endswith(",line=3,col=7")
    file_value = properties[len("file="):-len(",line=3,col=7")]
    decoded = (file_value.replace("%3A", ":").replace("%2C", ",").replace("%0A", "\n").replace("%0D", "\r")
               .replace("%25", "%"))
    assert decoded == visible(path)
    assert message == "bad quote:%0A'x'\\r100%25 sure"  # a newline kept as GitHub's %0A, a CR shown escaped


@pytest.mark.parametrize("path", HOSTILE)
def test_text_format_shows_control_characters_escaped(path: str) -> None:
    line = str(warning(Loc(path, 1), "a\x1b[31m value"))
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E for c in line)
    assert line.endswith(": warning: a\\x1b[31m value")


def test_a_message_keeps_its_own_line_breaks_in_text() -> None:
    assert str(error(Loc("a.yml"), "first\nsecond")) == "a.yml: error: first\nsecond"


def test_counted() -> None:
    assert [counted(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]


def test_a_seed_named_with_a_newline_forges_no_workflow_command(tmp_path: Path) -> None:
    root = copy_archive(tmp_path / "archive")
    seed = next((root / "seeds").glob("*.txt"))
    hostile = root / "seeds" / "009_x\n::error file=mkdocs.yml,line=1::forged.txt"
    hostile.write_bytes(seed.read_bytes()[:40])  # too short an article: at least a warning about it
    done = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root), "--format", "github"],
                          capture_output=True, text=True, check=False)
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    assert all(line.startswith(("::error ", "::warning ")) for line in lines), lines
    assert not any(line.split("::")[1].startswith(("error file=mkdocs", "warning file=mkdocs")) for line in lines)
    assert any("009_x\\n%3A%3Aerror" in line for line in lines), lines
