"""Shared fixtures: a copy of the repository's archive in a temporary folder, built for real."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.write.plan import copy_hand_written
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, served

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def copy_archive(target: Path) -> Path:
    """seeds/, annotations/, the hand-written docs/ and mkdocs.yml: an archive to build without touching the repo."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", target / "seeds")
    shutil.copytree(REPO / "annotations", target / "annotations")
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    copy_hand_written(REPO / "docs", target / "docs")
    return target


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return copy_archive(tmp_path / "archive")


@pytest.fixture(scope="session")
def built_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed archive built once for the session (mkdocs build --strict included)."""
    from generator.app.cli import main

    root = copy_archive(tmp_path_factory.mktemp("built") / "archive")
    assert main(["build", "--root", str(root)]) == 0
    return root


@pytest.fixture(scope="module")
def site_url(built_archive: Path):
    """The built seed site served over HTTP on a free local port."""
    with served(built_archive / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through Playwright; skipped, with the reason, where either is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"no Chromium to drive: install Debian's chromium package (make test does, as root) "
                        f"or run `python -m playwright install chromium` ({str(exc).splitlines()[0]})")
        yield instance
        instance.close()
