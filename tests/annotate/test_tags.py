"""Tags as a vocabulary: annotations/tags.yml, the checks on article tags, `new`'s list and the tag pages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.app.cli import main
from tests.conftest import copy_archive
from tests.sitecheck import page, resolve

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "annotations/articles/001_a4029b8832b4861f.yml"

VOCABULARY = """\
# yaml-language-server: $schema=../generator/schemas/tags.schema.json
tags:
  - id: ceasefire-talks
    label: Ceasefire talks
    description: Negotiations over a pause in the fighting and its terms.
  - id: hostages
    label: Hostages
    description: People held in Gaza and the talks over their release.
  - id: egypt-mediation
    label: Egypt's mediation
  - id: casualties
    label: Casualties
  - id: un-security-council
    label: UN Security Council
    description: Resolutions and votes of the Council on the war.
  - id: red-sea-shipping
    label: Red Sea shipping
  - id: palestinian-politics
    label: Palestinian politics
  - id: paris-proposal
    label: Paris proposal
  - id: unrwa
    label: UNRWA
"""


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)


def misspell(root: Path, right: str, wrong: str) -> int:
    """Replace the tag in the article's tags line; the 1-based line it is on."""
    path = root / ARTICLE
    lines = path.read_text("utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.startswith("tags:"))
    lines[n] = lines[n].replace(right, wrong)
    path.write_text("".join(lines), "utf-8")
    return n + 1


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return copy_archive(tmp_path / "archive")


def test_with_a_vocabulary_an_unknown_tag_is_a_located_error_with_did_you_mean(archive: Path):
    (archive / "annotations" / "tags.yml").write_text(VOCABULARY, "utf-8")
    assert run(archive, "validate").returncode == 0
    line = misspell(archive, "hostages", "hostage")
    result = run(archive, "validate")
    assert result.returncode == 1
    column = (archive / ARTICLE).read_text("utf-8").splitlines()[line - 1].index("hostage") + 1
    assert (f"{ARTICLE}:{line}:{column}: error: tags/1: unknown tag 'hostage'; did you mean 'hostages'?"
            in result.stderr), result.stderr


def test_without_a_vocabulary_a_lone_near_tag_is_a_located_warning(archive: Path):
    line = misspell(archive, "casualties", "casualtie")
    result = run(archive, "validate")
    assert result.returncode == 0, result.stderr
    warnings = [w for w in result.stderr.splitlines() if ": warning: " in w]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith(f"{ARTICLE}:{line}:")
    assert "did you mean 'casualties'?" in warnings[0]


def test_distinct_tags_used_once_are_not_warned_about(archive: Path):
    # unrwa and paris-proposal are used by one article each, and are like no other tag
    assert "0 errors, 0 warnings" in run(archive, "validate").stderr


def test_a_broken_vocabulary_is_a_located_schema_error(archive: Path):
    (archive / "annotations" / "tags.yml").write_text("tags:\n  - id: Hostages\n    label: Hostages\n", "utf-8")
    result = run(archive, "validate")
    assert result.returncode == 1
    assert re.search(r"^annotations/tags\.yml:2:\d+: error: ", result.stderr, re.M), result.stderr


def test_new_lists_the_existing_tags(archive: Path):
    (archive / "annotations" / "tags.yml").write_text(VOCABULARY, "utf-8")
    (archive / ARTICLE).unlink()
    assert main(["new", "--root", str(archive), "seeds/" + Path(ARTICLE).stem + ".txt"]) == 0
    written = (archive / ARTICLE).read_text("utf-8")
    assert "#   hostages: Hostages — People held in Gaza and the talks over their release.\n" in written
    assert "#   unrwa: UNRWA\n" in written


def test_tag_pages_show_label_and_description(archive: Path):
    (archive / "annotations" / "tags.yml").write_text(VOCABULARY, "utf-8")
    assert main(["build", "--root", str(archive)]) == 0
    site = archive / "site"
    tag = page(site, "tags/hostages")
    assert tag.find("h1").get_text(strip=True).rstrip("¶") == "Tag: Hostages"  # less the headerlink
    assert tag.find(class_="tag-description").get_text(strip=True) == (
        "People held in Gaza and the talks over their release.")
    index = page(site, "tags")
    row = next(tr for tr in index.find_all("tr") if tr.find("a") and tr.find("a").get_text() == "Hostages")
    assert "People held in Gaza" in row.get_text()
    href = row.find("a")["href"]
    target, _ = resolve(site, site / "tags" / "index.html", href)
    assert target is not None and target.is_file() and target.parent.name == "hostages"
