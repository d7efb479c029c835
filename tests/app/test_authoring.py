"""`clean` on web-archive captures: a WARC file lists its captures, FILE#offset=N cleans one as the build does."""

from __future__ import annotations

import json
from pathlib import Path

from generator.app.cli import main
from tests.ingest.warcfiles import ARTICLE_ID, ADDED, REMOVED, URL, WEATHER, captured_archive, write_sample


def test_a_warc_lists_its_captures_and_one_is_cleaned_by_its_offset(tmp_path: Path, capsys, monkeypatch):
    root = captured_archive(tmp_path / "archive")
    offsets = write_sample(root / "seeds" / "flood.warc.gz")  # the same file again: its offsets
    note = root / "annotations" / "articles" / f"{ARTICLE_ID}.yml"  # the article's cleaning applies to each capture
    note.write_text(note.read_text(encoding="utf-8") + 'cleaning:\n  drop: ["Forecasters expect more rain"]\n', encoding="utf-8")
    monkeypatch.chdir(root)

    assert main(["clean", "seeds/flood.warc.gz"]) == 0
    out, err = capsys.readouterr()
    listed = [line.split("\t") for line in out.splitlines()]
    assert [row[0] for row in listed] == [f"seeds/flood.warc.gz#offset={offsets[name]}"
                                         for name in ("first", "second", "revisit")]
    assert listed[0][1:] == ["2024-05-01T10:00:00Z", URL, ARTICLE_ID]
    assert f"seeds/flood.warc.gz#offset={offsets['truncated']}:1:1: warning:" in err and "3 HTML captures" in err

    assert main(["clean", "--explain", f"seeds/flood.warc.gz#offset={offsets['second']}"]) == 0
    out, err = capsys.readouterr()
    assert ADDED in out and REMOVED not in out and "At least 15 people" in out
    assert WEATHER not in out  # dropped by the article's cleaning: as the build cleans it
    assert f"seeds/flood.warc.gz#offset={offsets['second']}:" in err and "removed by override-drop" in err

    assert main(["clean", "--json", f"seeds/flood.warc.gz#offset={offsets['first']}"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["capture"] == {"url": URL, "captured": "2024-05-01T10:00:00+00:00", "offset": offsets["first"],
                               "article": ARTICLE_ID}
    assert REMOVED in data["body"] and data["metadata"]["title"] == "River flood kills 12 in Riverton"


def test_an_offset_that_is_no_capture_says_which_are(tmp_path: Path, capsys):
    path = tmp_path / "crawl.warc"  # outside an archive: read alone
    offsets = write_sample(path)
    assert main(["clean", f"{path}#offset={offsets['truncated']}"]) == 1
    err = capsys.readouterr().err
    assert "cut short" in err  # why that record is none
    assert f"no HTML capture starts at byte offset {offsets['truncated']}" in err
    assert f"start at: {offsets['first']}, {offsets['second']}, {offsets['revisit']}" in err
    assert main(["clean", f"{path}#offset={offsets['revisit']}"]) == 0  # a revisit: the payload it refers to
    assert "At least 15 people" in capsys.readouterr().out
    assert main(["clean", f"{tmp_path / 'missing.warc.gz'}#offset=0"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_a_hostile_name_given_to_clean_or_new_prints_escaped(tmp_path: Path, capsys, monkeypatch):
    """A file name is a user value too: a name with an escape sequence and a line break must not colour the
    terminal or print a second, forged line."""
    root = captured_archive(tmp_path / "archive")
    monkeypatch.chdir(root)
    hostile = "x\x1b[31m\nseeds/forged.txt:1:1: error: forged"
    for command in (["clean", hostile], ["new", hostile], ["clean", f"{hostile}.warc.gz#offset=0"]):
        assert main(command) != 0
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err
        assert not any(line.startswith("seeds/forged.txt") for line in (out + err).splitlines()), command
