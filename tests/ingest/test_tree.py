"""No input is read through a symbolic link, and no command writes into a folder that is not an archive."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.app.cli import main
from tests.conftest import copy_archive


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:a secret line that must never be published\n" * 3, "utf-8")
    return secret


LINKS = {  # where a link is placed, relative to the archive -> what it points at (relative to tmp_path)
    "seed file": ("seeds/010_link.txt", "outside/secret.txt"),
    "seeds folder itself": ("seeds", "outside"),
    "hand-written page": ("docs/leak.md", "outside/secret.txt"),
    "page in a subfolder": ("docs/stylesheets/deep/leak.md", "outside/secret.txt"),
    "linked docs folder": ("docs/extra", "outside"),
    "page in a generated folder": ("docs/articles/leak.md", "outside/secret.txt"),
    "annotation file": ("annotations/articles/010_link.yml", "outside/secret.txt"),
    "annotation subfolder": ("annotations/entities", "outside"),
}


@pytest.mark.parametrize("kind", sorted(LINKS))
def test_a_symlink_among_the_inputs_fails_build_and_validate_located(tmp_path: Path, capsys, kind: str):
    root = copy_archive(tmp_path / "archive")
    _secret(tmp_path)
    where, target = LINKS[kind]
    link = root / where
    if where == "seeds":
        os.rename(root / "seeds", tmp_path / "real-seeds")
        (tmp_path / "outside" / "001_x.txt").write_text("An article.\n", "utf-8")
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(tmp_path / target)
    assert main(["validate", "--root", str(root)]) == 1
    assert f"{where}:1:1: error: a symbolic link" in capsys.readouterr().err
    assert main(["build", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"{where}:1:1: error: a symbolic link" in err and "Traceback" not in err
    assert not (root / "site").exists()
    published = [p for p in (root / "docs").rglob("*") if p.is_file() and not p.is_symlink()
                 and "must never be published" in p.read_text("utf-8", "replace")]
    assert published == []


def test_a_chain_of_links_inside_the_archive_is_refused_at_its_first_link(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    secret = _secret(tmp_path)
    (root / "docs" / "hop2.txt").symlink_to(secret)
    (root / "docs" / "hop1.md").symlink_to("hop2.txt")
    assert main(["build", "--root", str(root), "--no-site"]) == 1
    err = capsys.readouterr().err
    assert "docs/hop1.md:1:1: error: a symbolic link (to hop2.txt)" in err
    assert "docs/hop2.txt:1:1: error: a symbolic link" in err


def test_a_linked_mkdocs_yml_is_refused(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    os.rename(root / "mkdocs.yml", tmp_path / "real.yml")
    (root / "mkdocs.yml").symlink_to(tmp_path / "real.yml")
    assert main(["validate", "--root", str(root)]) == 1
    assert "mkdocs.yml:1:1: error: a symbolic link" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["build", "validate", "check", "new", "suggest", "serve"])
@pytest.mark.parametrize("kind", ["missing", "a file", "not an archive"])
def test_a_root_that_is_not_an_archive_is_refused_before_anything_is_written(tmp_path: Path, capsys,
                                                                              command: str, kind: str):
    root = tmp_path / "target"
    if kind == "a file":
        root.write_text("x", "utf-8")
    elif kind == "not an archive":
        root.mkdir()
        (root / "passwd").write_text("a system file\n", "utf-8")
    before = sorted(tmp_path.rglob("*"))
    args = [command] + (["001_x"] if command == "new" else []) + ["--root", str(root)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"{root}: error:" in err and "--root" in err
    assert sorted(tmp_path.rglob("*")) == before  # no .build/, no staged pages


def test_a_site_build_without_mkdocs_yml_is_refused_before_writing(tmp_path: Path, capsys):
    root = copy_archive(tmp_path / "archive")
    (root / "mkdocs.yml").unlink()
    assert main(["build", "--root", str(root)]) == 1
    assert "mkdocs.yml:1:1: error: no such file" in capsys.readouterr().err
    assert not (root / ".build" / "docs").exists() and not (root / "site").exists()
    assert not (root / "docs" / "articles").exists()
