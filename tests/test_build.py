"""A full build of the seed archive with the real MkDocs, read back as HTML."""

from __future__ import annotations

import gc
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

import pytest

from generator.app.cli import main
from generator.pipeline import generate, load_archive
from generator.render.paths import GENERATED_DIRS
from generator.runtime.progress import Progress
from generator.write.plan import copy_hand_written
from generator.write.site import build_site
from tests.helpers import tree_digest

from .sitecheck import broken_links, page

REPO = Path(__file__).resolve().parent.parent


def test_site_has_every_page_kind(built_archive: Path):
    site = built_archive / "site"
    articles = [p for p in (site / "articles").iterdir() if p.is_dir()]
    entities = [p for p in (site / "entities").iterdir() if p.is_dir()]
    facts = [p for p in (site / "facts").iterdir() if p.is_dir()]
    assert len(articles) == 5
    assert len(entities) >= 25
    assert len(facts) >= 6
    for index in ("", "articles", "entities", "facts", "outlets", "tags"):
        assert (site / index / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(built_archive: Path):
    assert broken_links(built_archive / "site") == []


def test_every_entity_page_lists_its_mentions(built_archive: Path):
    archive, _ = load_archive(built_archive)
    site = built_archive / "site"
    articles = {a.id: a for a in archive.articles}
    for entity in archive.entities:
        soup = page(site, f"entities/{entity.id}")
        mentions = [m for m in archive.mentions if m.entity_id == entity.id]
        listed = soup.select("article li mark")
        assert len(listed) == len(mentions), entity.id
        for mention in mentions:
            article = articles[mention.article_id]
            href = f"../../articles/{article.slug}/#p-{mention.span.block + 1}"
            assert soup.select(f'a[href="{href}"]'), f"{entity.id}: no link to {href}"


def test_mention_links_land_on_the_paragraph_that_names_the_entity(built_archive: Path):
    archive, _ = load_archive(built_archive)
    site = built_archive / "site"
    articles = {a.id: a for a in archive.articles}
    for mention in archive.mentions[:60]:
        article = articles[mention.article_id]
        paragraph = page(site, f"articles/{article.slug}").find(id=f"p-{mention.span.block + 1}")
        assert paragraph is not None and mention.text in paragraph.get_text()


def test_every_article_links_its_entities(built_archive: Path):
    archive, _ = load_archive(built_archive)
    site = built_archive / "site"
    for article in archive.articles:
        soup = page(site, f"articles/{article.slug}")
        linked = {a["href"].split("/")[-2] for a in soup.select("a.entity-link")}
        expected = {m.entity_id for m in archive.mentions if m.article_id == article.id}
        assert expected and linked == expected, article.id


def test_no_boilerplate_survives_in_article_content(built_archive: Path):
    archive, _ = load_archive(built_archive)
    site = built_archive / "site"
    for article in archive.articles:
        soup = page(site, f"articles/{article.slug}")
        body = " ".join(el.get_text(" ") for el in soup.select('[id^="p-"]'))
        for removal in article.cleaned.removals:
            if removal.rule in ("title", "repeated-headline"):
                continue  # the headline is shown once, as the page title
            assert removal.text not in body, (article.id, removal.text)
        panel = soup.select_one("details")
        assert panel is not None and "What cleaning removed" in panel.get_text()


def test_notes_and_fact_links_are_marked(built_archive: Path):
    site = built_archive / "site"
    soup = page(site, "articles/001-a4029b8832b4861f")
    assert len(soup.select("mark.annotated")) >= 3
    assert soup.select("div.annotation-note[id^=note-]")
    fact_refs = [a["href"] for a in soup.select("sup.fact-ref a")]
    assert "../../facts/idf-soldiers-killed-ground-offensive-dec-2023/" in fact_refs


def test_note_and_fact_markers_stay_out_of_the_search_text(built_archive: Path):
    """The superscript "fact" and note numbers are links for the eye; in a search result they glue onto words."""
    index = json.loads((built_archive / "site" / "search" / "search_index.json").read_text("utf-8"))
    articles = [doc for doc in index["docs"] if doc["location"].startswith("articles/")]
    assert articles and not any("<sup>" in doc["text"] for doc in articles)
    html = (built_archive / "site" / "articles").rglob("index.html")
    assert any('class="fact-ref"' in page.read_text("utf-8") for page in html)  # still on the pages


def test_fact_page_shows_each_wording_and_flags_disagreement(built_archive: Path):
    soup = page(built_archive / "site", "facts/idf-soldiers-killed-ground-offensive-dec-2023")
    cells = [td.get_text(" ", strip=True) for td in soup.select("table td")]
    assert "131" in cells and "132" in cells
    assert "disagree" in soup.select_one(".admonition.warning").get_text()
    toll = page(built_archive / "site", "facts/gaza-death-toll-dec-2023")
    assert toll.select_one(".admonition.success") is not None, "19,667 / over 19,600 / nearly 20,000 are compatible"


def test_noop_rebuild_writes_nothing(built_archive: Path, capsys):
    docs_before = tree_digest(built_archive / "docs")
    assert main(["build", "--root", str(built_archive), "--no-site"]) == 0
    said = capsys.readouterr().out  # skipped on the record, or (should an earlier test have left it stale) re-run
    assert "nothing changed since the last build: docs/ is up to date" in said or "docs/: 0 written" in said
    assert tree_digest(built_archive / "docs") == docs_before


def test_failed_build_changes_nothing(archive: Path):
    assert main(["build", "--root", str(archive)]) == 0
    before = {name: tree_digest(archive / name) for name in ("docs", "site", "seeds", "annotations")}
    broken = archive / "annotations/articles/001_a4029b8832b4861f.yml"
    broken.write_text(broken.read_text("utf-8").replace("fact: november-2023-truce\n", "fact: no-such-fact\n", 1))
    before["annotations"] = tree_digest(archive / "annotations")
    assert main(["build", "--root", str(archive)]) == 1
    after = {name: tree_digest(archive / name) for name in before}
    assert after == before


def test_mkdocs_failure_leaves_docs_and_site(archive: Path):
    assert main(["build", "--root", str(archive)]) == 0
    (archive / "seeds/005_new.txt").write_text("A new headline for a new article\n\nA paragraph of the new article.\n")
    (archive / "docs/broken.md").write_text("# Broken\n\n[missing](nowhere.md)\n")
    before = {name: tree_digest(archive / name) for name in ("docs", "site")}
    assert main(["build", "--root", str(archive)]) == 1
    assert {name: tree_digest(archive / name) for name in before} == before



def test_a_failed_site_build_says_so_and_shows_the_engines_log_in_its_order(archive: Path):
    """The stage line must not read "done" when MkDocs failed, and its warnings must come before the
    "Aborted" line that counts them, then the generator's own last word."""
    (archive / "docs/broken.md").write_text("# Broken\n\n[missing](nowhere.md) and [other](gone.md#x)\n")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(archive)], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    err = result.stderr
    assert "site build: done" not in err and re.search(r"^site build: failed after [\d.]+ s$", err, re.M), err
    failed = err.index("site build: failed")
    warnings = [err.index("contains a link 'nowhere.md'"), err.index("contains a link 'gone.md#x'")]
    aborted = err.index("Aborted with")
    last = err.index("mkdocs build --strict failed (above); docs/ and site/ were not changed")
    assert failed < min(warnings) and max(warnings) < aborted < last, err
    assert err.rstrip("\n").endswith("docs/ and site/ were not changed"), err
    assert "DEBUG" not in err, err


def test_hand_written_file_in_the_way_is_not_overwritten(archive: Path):
    target = archive / "docs/entities/hamas.md"
    target.parent.mkdir(parents=True)
    target.write_text("# My own page\n")
    assert main(["build", "--root", str(archive), "--no-site"]) == 1
    assert target.read_text() == "# My own page\n"


def test_clean_command_prints_the_body(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "generator", "clean", "seeds/004_9d61dd4defbaf8ac.txt"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0
    for gone in ("Skip to content", "Generic selectors", "Photo Source", "Comments (0)"):
        assert gone not in result.stdout
    assert result.stdout.startswith("Ismail Haniyeh, the Chief of Hamas’s Political Bureau")
    assert "\n\n" in result.stdout


def _commands() -> list[str]:
    """The commands `python -m generator --help` lists, so that a new command is covered without editing this."""
    listed = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=REPO, capture_output=True, text=True)
    return re.findall(r"^    ([a-z]+)  ", listed.stdout, re.M)


def test_the_top_level_help_lists_every_command():
    assert _commands() == ["build", "validate", "clean", "new", "suggest", "serve", "check", "fix"]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str):
    result = subprocess.run([sys.executable, "-m", "generator", command, "--help"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith(f"usage: python -m generator {command}")
    assert "options:" in result.stdout and "--help" in result.stdout


def test_generated_pages_stay_in_generated_folders(built_archive: Path):
    generated = (built_archive / "docs/.generated.json").read_text()
    import json
    for path in json.loads(generated)["files"]:
        assert path.split("/")[0] in GENERATED_DIRS


def test_generated_folders_are_git_ignored_and_pages_readable(built_archive: Path):
    ignored = (REPO / ".gitignore").read_text("utf-8").splitlines()
    for folder in GENERATED_DIRS:
        assert f"docs/{folder}/" in ignored, f"docs/{folder}/ is generated: add it to .gitignore"
    page_file = built_archive / "docs/articles/001-a4029b8832b4861f.md"
    assert page_file.stat().st_mode & 0o044 == 0o044, "generated pages must be readable by others (web servers)"


def test_editing_a_hand_written_page_rebuilds_the_site(archive: Path):
    assert main(["build", "--root", str(archive)]) == 0
    home = archive / "docs/index.md"
    home.write_text(home.read_text("utf-8") + "\nA line a maintainer just added.\n", "utf-8")
    assert main(["build", "--root", str(archive)]) == 0
    assert "A line a maintainer just added." in (archive / "site/index.html").read_text("utf-8")


def test_hand_anchored_mention_links_the_entity(tmp_path: Path):
    root = tmp_path / "fixture"
    shutil.copytree(Path(__file__).parent / "fixtures" / "base", root)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written(REPO / "docs", root / "docs")
    assert main(["build", "--root", str(root)]) == 0
    page = (root / "site/articles/sample/index.html").read_text("utf-8")
    # "Ana Silva said ..., and the mayor thanked": the paragraph links the entity at its first mention only
    paragraph = next(p for p in BeautifulSoup(page, "html.parser").select("p") if "the mayor thanked" in p.get_text())
    assert [a.get_text() for a in paragraph.select('a.entity-link[href="../../entities/ana-silva/"]')] == ["Ana Silva"]
    entity = (root / "site/entities/ana-silva/index.html").read_text("utf-8")
    assert "<mark>the mayor</mark>" in entity


def test_an_articles_url_reaches_its_page_json_ld_and_archive_json(tmp_path: Path):
    """url: in an article file overrides the URL lifted from the page, as title: or date: do; a lifted URL
    that is not http(s) is not published."""
    root = tmp_path / "fixture"
    shutil.copytree(Path(__file__).parent / "fixtures" / "base", root)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written(REPO / "docs", root / "docs")
    page_html = (Path(__file__).parent / "fixtures" / "page_newsarticle.html").read_text("utf-8")
    lifted = "https://courier.example/news/2024/03/harbour-bridge-reopens"
    (root / "seeds/lifted.html").write_text(page_html, "utf-8")
    (root / "seeds/overridden.html").write_text(page_html, "utf-8")
    (root / "seeds/unsafe.html").write_text(page_html.replace(lifted, "javascript:alert(1)"), "utf-8")
    (root / "annotations/articles/overridden.yml").write_text("url: https://mirror.example/bridge\n", "utf-8")
    assert main(["build", "--root", str(root)]) == 0
    urls = {a["id"]: a["url"] for a in json.loads((root / "docs/data/archive.json").read_text("utf-8"))["articles"]}
    assert urls == {"sample": None, "lifted": lifted, "overridden": "https://mirror.example/bridge", "unsafe": None}
    for article_id, url in urls.items():
        html = (root / f"site/articles/{article_id}/index.html").read_text("utf-8")
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert script and json.loads(script.group(1)).get("url") == url
        assert (f'<a href="{url}">Original</a>' in html) == (url is not None)
        assert "javascript:alert" not in html


def test_public_entry_points_leave_nothing_frozen(archive: Path):
    """The stages freeze what they build (cycle_collector_paused); a caller that keeps the archive must get
    it back collectable, or it is never freed."""
    load_archive(archive)
    assert gc.get_freeze_count() == 0
    generate(archive)
    assert gc.get_freeze_count() == 0


def test_progress_lines_never_count_past_the_total(archive: Path):
    """The plain progress lines of a CI log: every page a stage renders (article and entity pages) is in its
    total, so a line never reads "render: 12/5"."""
    log = io.StringIO()
    generate(archive, stages=Progress(log, min_total=1, min_seconds=0))
    counts = re.findall(r"^(\w+): (\d+)/(\d+) ", log.getvalue(), re.M)
    assert any(name == "render" for name, _, _ in counts), log.getvalue()
    for name, done, total in counts:
        assert int(done) <= int(total), f"{name}: {done}/{total}"


def test_the_site_build_shows_its_progress_page_by_page(archive: Path):
    """MkDocs is most of a build's time: a CI log shows it going, two steps a page (read, then built), and
    the log kept for a failure holds none of the --verbose lines those steps come from."""
    result = generate(archive)
    log = io.StringIO()
    site = build_site(archive, result.changes, stages=Progress(log, min_total=1, min_seconds=0))
    assert site.ok, site.log
    pages = sum(1 for _ in (archive / "docs").rglob("*.md"))
    assert re.search(rf"^site build: {2 * pages} items$", log.getvalue(), re.M), log.getvalue()
    steps = [int(done) for done, total in re.findall(r"^site build: (\d+)/(\d+) ", log.getvalue(), re.M)
             if int(total) == 2 * pages]
    assert len(steps) >= 5 and steps == sorted(steps) and steps[-1] <= 2 * pages, log.getvalue()
    assert "DEBUG" not in site.log and "Documentation built in" in site.log, site.log


def test_a_ci_log_shows_progress_lines_only_once_a_stage_has_run_a_second(monkeypatch):
    """Progress is for long stages: one over within min_seconds shows its start and its end, no tenths."""
    now = [100.0]
    monkeypatch.setattr("generator.runtime.progress.time.perf_counter", lambda: now[0])
    log = io.StringIO()
    with Progress(log, min_total=1, min_seconds=1.0).stage("site build", total=10) as tick:
        for step in [0.125] * 5 + [0.5] * 5:  # five steps in the first 0.625 s, five later
            now[0] += step
            tick(1)
    assert log.getvalue().splitlines()[0] == "site build: 10 items", log.getvalue()
    shown = [int(done) for done in re.findall(r"^site build: (\d+)/10 ", log.getvalue(), re.M)]
    assert shown == [6, 7, 8, 9], log.getvalue()


def test_a_stage_that_raises_or_is_interrupted_is_not_reported_done():
    log = io.StringIO()
    progress = Progress(log)
    for raised, outcome in ((ValueError("bad"), "failed"), (KeyboardInterrupt(), "interrupted")):
        with pytest.raises(type(raised)):
            with progress.stage("render"):
                raise raised
        assert log.getvalue().splitlines()[-1].startswith(f"render: {outcome} after "), log.getvalue()
    assert "done" not in log.getvalue()
