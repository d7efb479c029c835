"""Bad source files under seeds/: each case gives one exact located message and exit 1, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from generator.app.cli import main
from tests.helpers import FIXTURES, REPO

ARTICLE = "A headline for a second article\n\nThe second article has a paragraph of its own, long enough.\n"
UNSAFE_NAME = ("error: file name is not a safe article id: use letters, digits, '-', '_' or '.' (no '..', spaces "
               "or '%'), starting with a letter or digit; rename the file")


def _write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def make(seeds: Path) -> None:
        path = seeds / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return make


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda seeds: (seeds / name).symlink_to(target)


def _pair(first: str, second: str) -> Callable[[Path], None]:
    def make(seeds: Path) -> None:
        (seeds / first).write_text(ARTICLE)
        (seeds / second).write_text(ARTICLE)
    return make


# case -> (how to make it, extra CLI arguments, the exact message)
CASES: dict[str, tuple[Callable[[Path], None], tuple[str, ...], str]] = {
    "empty": (_write("empty.txt", b""), (),
              "seeds/empty.txt:1:1: error: empty file; remove it or paste the article text into it"),
    "whitespace": (_write("blank.txt", b" \r\n\t\n"), (),
                   "seeds/blank.txt:1:1: error: file holds only whitespace; remove it or paste the article text into it"),
    "binary": (_write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), (),
               "seeds/photo.txt:3:1: error: binary file (NUL byte at byte offset 8); save the article as UTF-8 "
               "text or HTML"),
    "not-utf8": (_write("latin1.txt", "A headline\r\n\r\nCafé au lait".encode("latin-1")), (),
                 "seeds/latin1.txt:3:4: error: not valid UTF-8 at byte offset 17 (byte 0xe9); re-save the file "
                 "as UTF-8"),
    "too-large": (_write("long.txt", ARTICLE * 5), ("--max-bytes", "400"),
                  "seeds/long.txt:1:1: error: file is 465 bytes, over the limit of 400; split it or raise --max-bytes"),
    "same-page-suffix": (_pair("second.html", "second.txt"), (),
                         "seeds/second.txt:1:1: error: maps to the same article page (articles/second.md) as "
                         "seeds/second.html; rename or remove one of them"),
    "same-page-case": (_pair("Second.txt", "second.txt"), (),
                       "seeds/second.txt:1:1: error: maps to the same article page (articles/second.md) as "
                       "seeds/Second.txt; rename or remove one of them"),
    "same-page-slug": (_pair("a.b.txt", "a-b.txt"), (),
                       "seeds/a.b.txt:1:1: error: maps to the same article page (articles/a-b.md) as seeds/a-b.txt; "
                       "rename or remove one of them"),
    "name-dotdot": (_write("a..b.txt", ARTICLE), (), f"seeds/a..b.txt:1:1: {UNSAFE_NAME}"),
    "name-space": (_write("my article.txt", ARTICLE), (), f"seeds/my article.txt:1:1: {UNSAFE_NAME}"),
    "name-percent": (_write("100%.txt", ARTICLE), (), f"seeds/100%.txt:1:1: {UNSAFE_NAME}"),
    "name-hidden": (_write(".hidden.txt", ARTICLE), (), f"seeds/.hidden.txt:1:1: {UNSAFE_NAME}"),
    "name-newline": (_write("two\nlines.txt", ARTICLE), (), f"seeds/two\\nlines.txt:1:1: {UNSAFE_NAME}"),
    "name-reserved": (_write("index.txt", ARTICLE), (),
                      "seeds/index.txt:1:1: error: 'index' is reserved for the list of articles; rename the file"),
    "folder": (lambda seeds: (seeds / "folder.txt").mkdir(), (),
               "seeds/folder.txt:1:1: error: a folder, not an article; move it out of seeds/"),
    "fifo": (lambda seeds: os.mkfifo(seeds / "pipe.txt"), (),
             "seeds/pipe.txt:1:1: error: not a regular file, not an article; move it out of seeds/"),
    "symlink-loop": (_symlink("loop.txt", "loop.txt"), (),
                     "seeds/loop.txt:1:1: error: a symbolic link (to loop.txt): the build follows no links"),
    "symlink-dangling": (_symlink("gone.txt", "nowhere.txt"), (),
                         "seeds/gone.txt:1:1: error: a symbolic link (to nowhere.txt): the build follows no links"),
}


def make_case(tmp_path: Path, case: str) -> Path:
    root = tmp_path / case
    shutil.copytree(FIXTURES / "base", root)
    CASES[case][0](root / "seeds")
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_source_gives_one_located_error(tmp_path: Path, case: str, capsys):
    root = make_case(tmp_path, case)
    _, extra, expected = CASES[case]
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root), *extra],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert expected in result.stderr
    assert result.stderr.count(": error: ") == 1, result.stderr

    assert main(["build", "--root", str(root), *extra]) == 1
    err = capsys.readouterr().err
    assert expected in err and err.count(": error: ") == 1, err
    assert not (root / "docs").exists() and not (root / "site").exists()


def test_unreadable_source_is_located(tmp_path: Path, monkeypatch, capsys):
    """Running as root, chmod cannot make a file unreadable; make open() refuse instead."""
    root = make_case(tmp_path, "empty")
    (root / "seeds" / "empty.txt").write_text(ARTICLE)
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):
        if self.name == "empty.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    assert main(["validate", "--root", str(root)]) == 1
    assert ("seeds/empty.txt:1:1: error: cannot read (Permission denied); check the file's permissions"
            in capsys.readouterr().err)


def test_unreadable_annotation_is_located(tmp_path: Path, monkeypatch, capsys):
    root = make_case(tmp_path, "empty")
    (root / "seeds" / "empty.txt").write_text(ARTICLE)
    real_read = Path.read_bytes

    def refusing_read(self: Path) -> bytes:
        if self.name == "sample.yml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refusing_read)
    assert main(["validate", "--root", str(root)]) == 1
    assert ("annotations/articles/sample.yml:1:1: error: cannot read (Permission denied); check the file's permissions"
            in capsys.readouterr().err)


def test_any_disk_error_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch, capsys):
    """A failure no stage foresaw (here: the folder of seeds cannot be listed) still ends in one line and exit 1."""
    root = make_case(tmp_path, "empty")
    (root / "seeds" / "empty.txt").write_text(ARTICLE)

    def refusing_iterdir(self: Path):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refusing_iterdir)
    assert main(["validate", "--root", str(root)]) == 1
    assert "seeds: error: cannot list the folder (Permission denied); check its permissions" in capsys.readouterr().err


def test_a_second_source_for_an_article_is_the_only_problem_reported(archive: Path):
    """An .html saved beside the article's .txt: the clash is the one thing to fix. Cleaning and anchoring
    either source would report it again as quotes the page left out and an empty article."""
    (archive / "seeds/004_9d61dd4defbaf8ac.html").write_text(
        (archive / "seeds/004_9d61dd4defbaf8ac.txt").read_text("utf-8"), "utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(archive)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    problems = [line for line in result.stderr.splitlines() if ": error: " in line or ": warning: " in line]
    assert problems == ["seeds/004_9d61dd4defbaf8ac.txt:1:1: error: maps to the same article page "
                        "(articles/004-9d61dd4defbaf8ac.md) as seeds/004_9d61dd4defbaf8ac.html; rename or remove "
                        "one of them"], result.stderr
    assert result.returncode == 1 and "1 error, 0 warnings" in result.stderr


def test_a_problem_with_a_whole_file_is_at_its_line_1_column_1(tmp_path: Path):
    """The README promises path:line:col on every problem: editors and CI problem matchers parse that form,
    so a problem with a file as a whole (empty, misplaced, named for no article, left without text) says 1:1."""
    root = make_case(tmp_path, "empty")
    (root / "seeds" / "menu.txt").write_text("Home\nNews\nSport\nWeather\n")
    (root / "annotations" / "articles" / "menu.yml").write_text("title: Menu\n")
    (root / "annotations" / "notes.yml").write_text("a: b\n")
    (root / "annotations" / "articles" / "sampel.yml").write_text("tags: [bridge]\n")
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root)],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    problems = [line for line in result.stderr.splitlines() if ": error: " in line or ": warning: " in line]
    assert {line.split(": ", 1)[0] for line in problems} == {
        "seeds/empty.txt:1:1", "seeds/menu.txt:1:1", "annotations/notes.yml:1:1",
        "annotations/articles/sampel.yml:1:1"}, result.stderr
