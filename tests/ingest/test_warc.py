"""Reading WARC files: which records are articles, revisits resolved, damaged records located and skipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.ingest.warc import read_warc
from generator.ingest.urls import normalise_url, outlet_domain, url_article_id
from tests.ingest.warcfiles import URL, write_sample


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_and_revisits_are_captures_the_rest_is_counted(tmp_path: Path, name: str):
    path = tmp_path / name
    offsets = write_sample(path)
    read = read_warc(path, f"seeds/{name}", 5_000_000)
    assert [c.offset for c in read.captures] == [offsets["first"], offsets["second"], offsets["revisit"]]
    assert [c.captured.isoformat() for c in read.captures] == [
        "2024-05-01T10:00:00+00:00", "2024-05-01T18:00:05+00:00", "2024-05-02T09:00:00+00:00"]
    assert {c.key for c in read.captures} == {normalise_url(URL)}  # utm_*, fbclid, fragment, slash dropped
    first, second, revisit = read.captures
    assert "At least 12 people" in first.document.content() and "At least 15 people" in second.document.content()
    assert revisit.document.content() == second.document.content()  # the payload the revisit refers to
    assert all(c.document.kind == "html" for c in read.captures)
    assert dict(read.skipped) == {"not HTML": 1, "redirect": 1, "error page": 1, "not a response": 1}
    [problem] = read.problems  # the record cut short at the end of the file
    assert not problem.is_error and problem.loc.path == f"seeds/{name}#offset={offsets['truncated']}"
    assert f"byte offset {offsets['truncated']}" in problem.message and "cut short" in problem.message


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_corrupt_record_mid_file_is_located_and_the_records_after_it_still_read(tmp_path: Path, name: str):
    path = tmp_path / name
    offsets = write_sample(path, truncate=False)
    data = bytearray(path.read_bytes())
    at = offsets["second"] + (20 if name.endswith(".gz") else 0)  # inside the gzip member / the header line
    data[at:at + 30] = b"\x00" * 30 if name.endswith(".gz") else b"GARBAGE/9.9 not a warc header\n"
    path.write_bytes(bytes(data))
    read = read_warc(path, f"seeds/{name}", 5_000_000)
    assert [c.offset for c in read.captures] == [offsets["first"], offsets["truncated"]]
    assert "A third version" in read.captures[1].document.content()  # read at its offset, after the resync
    [problem] = read.problems
    assert problem.loc.path.endswith(f"#offset={offsets['second']}") and problem.message.isprintable()
    assert read.skipped["revisit of a payload not in the file"] == 1  # it pointed at the damaged record


def test_a_payload_over_the_limit_is_a_warning_not_a_capture(tmp_path: Path):
    path = tmp_path / "crawl.warc"
    write_sample(path, truncate=False)
    read = read_warc(path, "seeds/crawl.warc", 500)
    assert not [c for c in read.captures if c.document.payload]  # every page is over 500 bytes
    assert read.skipped["too large"] == 3 and all("over the limit" in p.message for p in read.problems)


@pytest.mark.parametrize("a, b", [
    ("https://www.example.org/a/b/?utm_source=x&utm_medium=y#top", "http://example.org/a/b"),
    ("https://example.org/a?gclid=1&id=7&fbclid=2", "https://EXAMPLE.org:443/a?id=7"),
    ("https://example.org/a/index.html", "https://example.org/a/"),
])
def test_one_article_whatever_the_tracking_parameters(a: str, b: str):
    assert normalise_url(a) == normalise_url(b) and url_article_id(a) == url_article_id(b)


def test_real_parameters_make_other_articles_and_ids_are_safe():
    assert url_article_id("https://example.org/a?page=2") != url_article_id("https://example.org/a?page=3")
    article_id = url_article_id("https://www.example.org/" + "very-long-path/" * 20 + "?q=%E2%9C%93")
    assert len(article_id) <= 128 and article_id.startswith("example-org-very-long-path")
    assert outlet_domain("https://www.Example.org/x") == "example.org"


@pytest.mark.parametrize("how", ["build --strict", "validate --strict", "mkdocs.yml strict"])
def test_strict_mode_makes_a_damaged_record_an_error_and_changes_nothing(tmp_path: Path, capsys, how: str):
    from generator.app.cli import main
    from tests.helpers import tree_digest
    from tests.ingest.warcfiles import ARTICLE_ID, captured_archive

    root = captured_archive(tmp_path / "archive")  # its WARC ends in a record cut short, written by warcio
    assert main(["build", "--root", str(root)]) == 0  # a warning only: the rest of the file builds
    before = {name: tree_digest(root / name) for name in ("docs", "site")}
    note = root / "annotations" / "articles" / f"{ARTICLE_ID}.yml"  # an edit a build would write out
    note.write_text(note.read_text(encoding="utf-8").replace("three neighbouring", "four neighbouring"),
                    encoding="utf-8")
    capsys.readouterr()
    if how == "mkdocs.yml strict":
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert not re.search(r"^extra:", text, re.M)  # else the setting below would be a second key
        config.write_text(text + "extra:\n  archive:\n    strict: true\n", encoding="utf-8")
        args = ["build", "--root", str(root)]
    else:
        args = [*how.split(), "--root", str(root)]
    assert main(args) != 0
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if "cut short" in line]
    assert line.startswith("seeds/flood.warc.gz#offset=") and ": error: " in line
    assert {name: tree_digest(root / name) for name in ("docs", "site")} == before


def test_a_capture_holds_no_html_and_reads_it_at_its_offset_when_cleaned(tmp_path: Path):
    path = tmp_path / "crawl.warc.gz"
    offsets = write_sample(path)
    first, second, revisit = read_warc(path, "seeds/crawl.warc.gz", 5_000_000).captures
    assert first.document.text == "" and first.document.payload.offset == offsets["first"]
    assert revisit.document.payload == second.document.payload  # the response it refers to, read from there
    assert "At least 12 people" in first.document.content()
    # the same captures read again are equal (serve's memo, the cleaning cache): their place and digest match
    assert read_warc(path, "seeds/crawl.warc.gz", 5_000_000).captures[0].document == first.document
    data = path.read_bytes()  # rewritten meanwhile, another page at that offset: said, naming the record
    path.write_bytes(data[:offsets["second"]] + data[offsets["first"]:offsets["request"]] + data[offsets["second"]:])
    with pytest.raises(OSError) as raised:
        second.document.content()
    assert raised.value.filename.endswith(f"crawl.warc.gz#offset={offsets['second']}")
    assert "changed since the WARC file was read" in raised.value.strerror
