"""A build stopped at any moment (SIGTERM, Ctrl-C, SIGKILL) leaves docs/ and site/ old or new, never a mix."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.pipeline import generate
from generator.render.paths import GENERATED_DIRS
from generator.runtime.memo import Memo
from generator.write import commit as commit_module
from generator.write import plan as write_module
from generator.write.commit import JOURNAL, WORK_DIR, Interrupted, recover, signals_deferred
from generator.write.plan import MANIFEST, apply, digest, read_manifest

from .helpers import add_article, synth, tree_digest

REPO = Path(__file__).resolve().parent.parent
ENTITY = "description: Senior Hamas official, often interviewed"
CHANGED = "description: A changed description, often interviewed"


def _state(root: Path) -> dict[str, dict[str, str]]:
    return {"docs": tree_digest(root / "docs"), "site": tree_digest(root / "site")}


def _change(root: Path) -> None:
    entities = root / "annotations/entities.yml"
    entities.write_text(entities.read_text("utf-8").replace(ENTITY, CHANGED, 1), "utf-8")


@pytest.fixture(scope="module")
def builds(built_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The session's built archive (old), and the state a complete build after the change gives (new)."""
    new = tmp_path_factory.mktemp("interrupt") / "new"
    shutil.copytree(built_archive, new, symlinks=True)
    _change(new)
    assert main(["build", "--root", str(new)]) == 0
    states = {"old": _state(built_archive), "new": _state(new)}
    assert states["old"] != states["new"]
    return {"template": built_archive, **states}


def _start(root: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(root)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _gone(pid: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        status = Path(f"/proc/{pid}/stat")
        if not status.exists() or status.read_text().split(") ")[-1].startswith("Z"):
            return True
        time.sleep(0.02)
    return False


# (signal, when): a delay in seconds after start, or "mkdocs" (as soon as the mkdocs child runs)
POINTS = [(signal.SIGTERM, 0.2), (signal.SIGTERM, 0.5), (signal.SIGTERM, 1.0), (signal.SIGTERM, 2.0),
          (signal.SIGTERM, "mkdocs"), (signal.SIGINT, 0.5), (signal.SIGINT, "mkdocs"),
          (signal.SIGKILL, 0.5), (signal.SIGKILL, "mkdocs")]
AND_REBUILD = {(signal.SIGTERM, 2.0), (signal.SIGKILL, "mkdocs")}  # a full build more each: only a few


@pytest.mark.parametrize("signum, when", POINTS, ids=[f"{signal.Signals(s).name}-{w}" for s, w in POINTS])
def test_stopped_build_leaves_old_or_new_never_a_mix(builds: dict, tmp_path: Path, signum: int, when):
    root = tmp_path / "archive"
    shutil.copytree(builds["template"], root, symlinks=True)
    _change(root)
    process = _start(root)
    child = None
    if when == "mkdocs":
        deadline = time.monotonic() + 30
        while not child and process.poll() is None and time.monotonic() < deadline:
            child = next(iter(_children(process.pid)), None)
            time.sleep(0.01)
        assert child, "the mkdocs child never started"
        time.sleep(0.3)  # well inside mkdocs' own build
    else:
        time.sleep(when)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in err, err
    state = _state(root)
    assert state in (builds["old"], builds["new"]), "docs/ and site/ are a mix of two builds"
    if when == "mkdocs":
        assert state == builds["old"], "stopped before the commit: the old build must stand"
        assert _gone(child), "the mkdocs child outlived the build"
    if signum != signal.SIGKILL and process.returncode != 0:
        # -signum: stopped while Python was still starting up, before the handlers were in place
        assert process.returncode in (128 + signum, -signum)
        assert "interrupted" in err or process.returncode == -signum
    assert not (root / "site.old").exists() or signum == signal.SIGKILL
    if (signum, when) not in AND_REBUILD:
        return
    # whatever was left, the next build finishes cleanly with the new state
    assert main(["build", "--root", str(root)]) == 0
    assert _state(root) == builds["new"]
    assert not (root / "site.old").exists() and not (root / WORK_DIR / JOURNAL).exists()


def test_signals_wait_for_the_commit_then_stop(tmp_path: Path):
    done = []
    with pytest.raises(Interrupted) as stopped:
        with signals_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            done.append("the block finished")
    assert done and stopped.value.committed and stopped.value.signum == signal.SIGTERM


@pytest.mark.parametrize("dies_after", [1, 1000])
def test_commit_killed_midway_is_finished_by_the_next_run(builds: dict, tmp_path: Path, monkeypatch,
                                                          dies_after: int):
    """SIGKILL inside the commit, simulated: the moving stops after some files, the journal stays behind."""
    root = tmp_path / "archive"
    shutil.copytree(builds["template"], root, symlinks=True)
    _change(root)
    real_copy, real_swap = commit_module._move_into, commit_module._swap
    copied = []

    class Killed(BaseException):
        pass

    def dying_copy(src: Path, dst: Path, folders: set[Path]) -> None:
        if len(copied) >= dies_after:
            raise Killed
        copied.append(dst)
        real_copy(src, dst, folders)

    def dying_swap(new: Path, target: Path, **_: object) -> None:  # dies between the two renames
        os.rename(target, target.with_name(target.name + ".old"))
        raise Killed

    monkeypatch.setattr(commit_module, "_move_into", dying_copy)
    monkeypatch.setattr(commit_module, "_swap", dying_swap)
    with pytest.raises(Killed):
        main(["build", "--root", str(root)])
    assert (root / WORK_DIR / JOURNAL).is_file()
    monkeypatch.setattr(commit_module, "_move_into", real_copy)
    monkeypatch.setattr(commit_module, "_swap", real_swap)
    assert "finished the commit" in (recover(root) or "")
    assert _state(root) == builds["new"]
    assert not (root / WORK_DIR / JOURNAL).exists() and not (root / "site.old").exists()


def test_site_old_left_by_an_interrupted_swap_is_put_back(builds: dict, tmp_path: Path):
    root = tmp_path / "archive"
    shutil.copytree(builds["template"], root, symlinks=True)
    os.rename(root / "site", root / "site.old")
    assert "put back site/" in (recover(root) or "")
    assert _state(root) == builds["old"]
    shutil.copytree(root / "site", root / "site.old")
    assert recover(root) is None and not (root / "site.old").exists()


def test_a_torn_journal_means_nothing_was_moved(builds: dict, tmp_path: Path):
    root = tmp_path / "archive"
    shutil.copytree(builds["template"], root, symlinks=True)
    (root / WORK_DIR / JOURNAL).write_text('{"docs": "')
    assert recover(root) is None
    assert _state(root) == builds["old"] and not (root / WORK_DIR / JOURNAL).exists()


def test_journal_cannot_remove_files_outside_the_generated_folders(builds: dict, tmp_path: Path):
    root = tmp_path / "archive"
    shutil.copytree(builds["template"], root, symlinks=True)
    (root / WORK_DIR / "docs").mkdir(exist_ok=True)
    (root / WORK_DIR / JOURNAL).write_text(json.dumps({
        "docs": str(root / "docs"), "staged_docs": str(root / WORK_DIR / "docs"), "write": [],
        "remove": ["index.md", "../mkdocs.yml", "articles/../../seeds/000.txt"], "site": None, "staged_site": None}))
    recover(root)
    assert (root / "docs/index.md").is_file() and (root / "mkdocs.yml").is_file()
    assert _state(root) == builds["old"]


NEW_SEED = "99999_new.txt"  # the article add_article makes


def _edit_new_article(root: Path) -> None:
    seed = root / "seeds" / NEW_SEED
    seed.write_text(seed.read_text("utf-8") + "\nA paragraph written after the preview was stopped, long enough "
                    "to be kept as a paragraph of the article.\n", "utf-8")


def _delete_new_article(root: Path) -> None:
    (root / "seeds" / NEW_SEED).unlink()


@pytest.mark.parametrize("then", [_edit_new_article, _delete_new_article])
def test_serve_stopped_after_writing_a_new_page_does_not_block_the_next_build(tmp_path: Path, monkeypatch, then):
    """serve applies straight to docs/ (no staging, no journal). Killed once a new page has landed but before
    the manifest is written, the page must still count as the generator's: the next build, after the article
    is edited or deleted, rewrites or removes it instead of refusing it as a hand-written file."""
    root = synth(tmp_path / "archive", n=6)
    docs = root / "docs"
    memo = Memo()
    apply(docs, generate(root, memo=memo).changes, memo)
    add_article(root)
    changes = generate(root, memo=memo).changes
    known = set(read_manifest(docs))
    real_write = write_module.atomic_write_bytes

    class Killed(BaseException):
        pass

    def killed_after_a_new_page(path: Path, data: bytes) -> None:
        real_write(path, data)
        written = path.relative_to(docs).as_posix()
        if written != MANIFEST and written not in known:
            raise Killed(written)

    monkeypatch.setattr(write_module, "atomic_write_bytes", killed_after_a_new_page)
    with pytest.raises(Killed):
        apply(docs, changes, memo)
    monkeypatch.setattr(write_module, "atomic_write_bytes", real_write)
    assert (docs / "articles" / "99999-new.md").is_file()
    then(root)

    assert main(["build", "--root", str(root), "--no-site"]) == 0
    pages = generate(root).pages
    on_disk = {p.relative_to(docs).as_posix(): p.read_bytes() for folder in GENERATED_DIRS
               for p in (docs / folder).rglob("*") if p.is_file()}
    assert on_disk == pages
    assert read_manifest(docs) == {path: digest(content) for path, content in pages.items()}
