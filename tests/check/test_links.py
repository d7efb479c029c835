"""`check` on real MkDocs builds: a small site with planted breakage, and the seed archive."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.app.cli import main
from generator.check.links import check_site, load_config

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

MKDOCS_YML = """\
site_name: Broken on purpose
theme:
  name: material
  features: [navigation.instant]
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Guide: guide.md
  - About: about.md
  - Deep: sub/page.md
"""

PAGES = {
    # line numbers matter: the test expects problems on these exact lines
    "index.md": """\
# Home

See the [setup](guide.md#setup), the [team](about.md#team) and the [old anchor](about.md#legacy).

A [deleted page](gone.md) is linked here.

![logo](img/logo.png){ width=1 }

![missing](img/missing.png)

An [outside file](../outside.html) and a <a href="guide">folder URL without its slash</a>.

<img src="img/logo.png" srcset="img/logo.png 1x, img/logo.png 2x" alt="">

[external](https://example.invalid/page), [mail](mailto:someone@example.invalid), [top](#top).
""",
    "guide.md": """\
# Guide

## Setup

Some text.

## Installing

This heading was called "Install" before.
""",
    "about.md": """\
# About

## Our team { #team }

<a name="legacy"></a>Read how to [install](guide.md#install).
""",
    "sub/page.md": """\
# Deep page

Back to [the people](../about.md#people) and [home](../index.md).

<a href="../../../escape.html">a raw link out of the site</a>
""",
}


def write_site(root: Path, pages: dict[str, str] = PAGES, config: str = MKDOCS_YML) -> Path:
    """An MkDocs project in root, built with the real mkdocs (not --strict: it is broken on purpose)."""
    (root / "docs" / "img").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    (root / "docs" / "img" / "logo.png").write_bytes(PNG)
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, "utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return root


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("broken"))


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(["check", "--format", "json", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_broken_site_reports_each_planted_problem_once_with_its_markdown_line(broken_site, capsys):
    code, problems, err = run_json(capsys, "--root", str(broken_site))
    found = sorted((p["path"], p["line"], p["message"]) for p in problems)
    assert code == 1
    assert [(path, line) for path, line, _ in found] == [
        ("docs/about.md", 5),      # renamed heading: guide.md#install is now #installing
        ("docs/index.md", 5),      # deleted page
        ("docs/index.md", 9),      # missing image
        ("docs/index.md", 11),     # relative link escaping the site root
        ("docs/sub/page.md", 3),   # anchor that does not exist in a hand-written page
        ("docs/sub/page.md", 5),   # raw HTML link escaping the site root
    ]
    messages = [message for _, _, message in found]
    assert "no anchor '#install' in guide/index.html" in messages[0]
    assert "'gone.md'" in messages[1] and "not in the site" in messages[1]
    assert "broken src 'img/missing.png'" in messages[2]
    assert "'../outside.html': escapes the site root" in messages[3]
    assert "no anchor '#people' in about/index.html" in messages[4]
    assert "escapes the site root" in messages[5]
    assert all(p["severity"] == "error" and p["column"] > 0 for p in problems)
    assert "6 broken" in err and "external URLs not checked" in err


def test_text_and_github_formats_name_file_and_line(broken_site, capsys):
    assert main(["check", "--root", str(broken_site)]) == 1
    err = capsys.readouterr().err
    assert "docs/index.md:5:" in err and "error: broken link 'gone.md'" in err
    assert main(["check", "--root", str(broken_site), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=docs/about.md,line=5,col=" in out


def test_a_theme_link_on_every_page_is_reported_once_at_the_html_file(tmp_path, capsys):
    config = MKDOCS_YML + "extra_css:\n  - stylesheets/missing.css\n"
    root = write_site(tmp_path / "site", {"index.md": "# Home\n", "guide.md": "# Guide\n", "about.md": "# About\n",
                                          "sub/page.md": "# Deep\n"}, config)
    code, problems, _ = run_json(capsys, "--root", str(root))
    assert code == 1 and len(problems) == 1
    (problem,) = problems
    assert problem["path"].startswith("site/") and problem["path"].endswith(".html") and problem["line"] > 0
    assert "stylesheets/missing.css" in problem["message"] and "other files" in problem["message"]


def test_fixing_the_markdown_makes_check_pass(tmp_path, capsys):
    pages = {"index.md": "# Home\n\n[Installing](guide.md#installing) and [team](about.md#team).\n",
             "guide.md": PAGES["guide.md"], "about.md": "# About\n\n## Team {#team}\n", "sub/page.md": "# Deep\n"}
    root = write_site(tmp_path / "fixed", pages)
    assert main(["check", "--root", str(root)]) == 0
    assert "0 broken" in capsys.readouterr().err


def test_seed_archive_builds_and_checks_clean(archive, capsys):
    code, problems, err = run_json(capsys, "--root", str(archive), "--build")  # stdout stays pure JSON
    assert (code, problems) == (0, [])
    assert "site built into" in err and "annotations: 0 errors" in err and "0 broken" in err


def test_no_site_is_an_error_not_a_pass(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert "no built site" in capsys.readouterr().err


def page(root: Path, name: str, body: str) -> None:
    path = root / "site" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head></head><body>\n{body}\n</body></html>\n", "utf-8")


def test_resolution_rules_as_a_web_server_serves_files(tmp_path):
    """Hand-written HTML (no MkDocs): the rules one by one, reported at the HTML line."""
    page(tmp_path, "index.html", '<a href="a%20b/">space</a> <a href="a%20b">no slash</a> <a href="#top">top</a>\n'
                                 '<a href="/a%20b/#x">absolute</a> <a href="?q=1">query</a> <a href="">self</a>\n'
                                 '<a href="a%20b/index.html#nope">bad anchor</a>\n'
                                 '<link rel="preconnect" href="https://fonts.example"><a href="//cdn.example/x">cdn</a>')
    page(tmp_path, "a b/index.html", '<h2 id="x">x</h2><a href="..">up</a><a href="../style.css">css</a>'
                                     '<a href="../index.html/">file as folder</a>')
    (tmp_path / "site" / "style.css").write_text("a {\n background: url('img/bg.png');\n}\n"
                                                 "b { background: url(data:image/png;base64,AAAA) }\n", "utf-8")
    report = check_site(load_config(tmp_path), tmp_path)
    assert [(p.loc.path, p.loc.line, p.loc.column) for p in report.problems] == [
        ("site/a b/index.html", 2, 76), ("site/index.html", 4, 10), ("site/style.css", 2, 19)]
    assert "no 'index.html/index.html'" in report.problems[0].message
    assert "#nope" in report.problems[1].message
    assert "img/bg.png" in report.problems[2].message
    assert [link.url for link in report.external] == ["//cdn.example/x"]


def test_the_column_is_the_link_s_own_when_another_url_on_the_line_holds_it(tmp_path):
    page(tmp_path, "index.html", '<p><a href="other.html">Other</a> <a href="r.html">R</a> <a href="r.html">R</a></p>')
    page(tmp_path, "other.html", "<p>Other</p>")
    report = check_site(load_config(tmp_path), tmp_path)
    assert [(p.loc.line, p.loc.column) for p in report.problems] == [(2, 44)]
    assert "r.html" in report.problems[0].message


def test_site_url_with_a_path_is_the_base_of_absolute_links(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://example.org/archive/\n"
                                         "extra:\n  link_check: {timeout: 3}\n"
                                         "markdown_extensions:\n  - pymdownx.emoji:\n"
                                         "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    page(tmp_path, "index.html", '<a href="/archive/">home</a><a href="/other/">outside</a>')
    config = load_config(tmp_path)
    assert config.base_path == "/archive/" and config.link_check == {"timeout": 3}
    (problem,) = check_site(config, tmp_path).problems
    assert "'/other/'" in problem.message and "outside the site's base path /archive/" in problem.message


@pytest.mark.parametrize("config, where, says", [
    ("site_name: x\nnav:\n  - a: b\n - c\n", "mkdocs.yml:4:2: error:", "is not valid YAML"),
    ("- a\n- b\n", "mkdocs.yml:1:1: error:", "must be a mapping of settings"),
])
def test_a_broken_mkdocs_yml_is_a_located_error_not_a_traceback(tmp_path, capsys, config, where, says):
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert where in err and says in err and "Traceback" not in err
