"""The contributor's loop: scaffold an annotation file, get suggestions, see edits live in the preview."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.app.cli import main

from tests.helpers import fetch, free_port, wait_for

REPO = Path(__file__).resolve().parent.parent


def test_new_writes_a_file_that_validates_and_refuses_to_overwrite(archive: Path, capsys):
    target = archive / "annotations/articles/004_9d61dd4defbaf8ac.yml"
    target.unlink()
    seed = archive / "seeds/004_9d61dd4defbaf8ac.txt"
    assert main(["new", str(seed), "--root", str(archive)]) == 0
    text = target.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../generator/schemas/article.schema.json")
    assert 'title: "Hamas Leader Visits Cairo for Truce Talks as Gaza Conflict Intensifies"' in text
    assert "date: 2024-02-01" in text
    assert "ismail-haniyeh: Ismail Haniyeh" in text
    assert main(["validate", "--root", str(archive)]) == 0
    assert main(["new", str(seed), "--root", str(archive)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text("utf-8") == text


def test_new_refuses_an_article_that_has_a_yaml_file(archive: Path, capsys):
    articles = archive / "annotations/articles"
    (articles / "004_9d61dd4defbaf8ac.yml").rename(articles / "004_9d61dd4defbaf8ac.yaml")
    assert main(["new", str(archive / "seeds/004_9d61dd4defbaf8ac.txt"), "--root", str(archive)]) == 1
    assert "004_9d61dd4defbaf8ac.yaml: error: already exists" in capsys.readouterr().err
    assert not (articles / "004_9d61dd4defbaf8ac.yml").exists()


def test_new_for_an_article_without_detected_metadata_still_validates(archive: Path):
    seed = archive / "seeds/010_plain.txt"
    seed.write_text("The talks resumed after a short pause on Sunday afternoon, officials in Cairo told reporters, "
                    "and both delegations were expected to stay in the city until at least the end of the week.\n\n"
                    "Both delegations met again later in the evening.\n")
    assert main(["new", str(seed), "--root", str(archive)]) == 0
    text = (archive / "annotations/articles/010_plain.yml").read_text("utf-8")
    assert "# date: YYYY-MM-DD" in text and "# title:" in text
    assert main(["validate", "--root", str(archive)]) == 0


def test_suggest_lists_recurring_names_not_yet_entities(archive: Path, capsys):
    registry = archive / "annotations/entities.yml"
    text = registry.read_text("utf-8")
    start = text.index("  - id: ismail-haniyeh")
    end = text.index("  - id:", start + 1)
    registry.write_text(text[:start] + text[end:])
    assert main(["suggest", "--root", str(archive)]) == 0
    out = capsys.readouterr().out
    assert 'name: "Ismail Haniyeh"' in out and "id: ismail-haniyeh" in out and "type: person" in out
    assert 'name: "Hamas"' not in out, "known entities are not suggested"



def test_suggest_and_new_take_an_article_as_its_id_its_file_name_or_its_path(archive: Path, capsys):
    """`clean` takes the seed's path; `suggest` took only the id, and said the article was not in seeds/ when
    given its file name. Each command that asks for an article takes it in every form."""
    registry = archive / "annotations/entities.yml"
    text = registry.read_text("utf-8")
    start = text.index("  - id: ismail-haniyeh")
    registry.write_text(text[:start] + text[text.index("  - id:", start + 1):])
    article = "001_a4029b8832b4861f"
    forms = [article, f"{article}.txt", f"seeds/{article}.txt", str(archive / "seeds" / f"{article}.txt")]
    outputs = []
    for form in forms:
        assert main(["suggest", form, "--root", str(archive)]) == 0, capsys.readouterr().err
        outputs.append(capsys.readouterr().out)
    assert 'Haniyeh"' in outputs[0] and all(out == outputs[0] for out in outputs)
    target = archive / "annotations/articles" / f"{article}.yml"
    for form in forms[:2]:
        target.unlink()
        assert main(["new", form, "--root", str(archive)]) == 0, capsys.readouterr().err
        assert target.is_file()


def test_an_article_name_that_names_nothing_gets_the_close_names(archive: Path, capsys):
    assert main(["suggest", "004_9d61dd4defbaf8ac.html", "--root", str(archive)]) == 1
    err = capsys.readouterr().err
    assert "004_9d61dd4defbaf8ac.html: error: no article of that name in " in err
    assert "name it by its id (the seed's file name without extension), its file name or its path" in err
    assert "did you mean 004_9d61dd4defbaf8ac.txt, 004_9d61dd4defbaf8ac?" in err


def test_clean_of_a_seed_applies_its_annotations_cleaning_overrides(tmp_path: Path, capsys):
    """Contributors copy quotes from `clean` output: it must be the text the build anchors them in."""
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path / "archive")
    seed = tmp_path / "archive" / "seeds" / "sample.txt"
    assert main(["clean", str(seed)]) == 0
    assert "Ana Silva said the work would start" in capsys.readouterr().out
    with (tmp_path / "archive" / "annotations" / "articles" / "sample.yml").open("a", encoding="utf-8") as yml:
        yml.write('cleaning:\n  drop: ["Ana Silva said the work would start"]\n')
    assert main(["clean", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "Ana Silva said the work would start" not in out and "The bridge was closed in March" in out



def test_clean_of_a_seed_warns_of_a_cleaning_value_that_changed_nothing(tmp_path: Path, capsys):
    """A contributor tries a keep: out with `clean`: a value that matches no removed line must say so there."""
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path / "archive")
    with (tmp_path / "archive" / "annotations" / "articles" / "sample.yml").open("a", encoding="utf-8") as yml:
        yml.write('cleaning:\n  keep: ["Comments (4)", "Eleven zebras"]\n')
    seed = tmp_path / "archive" / "seeds" / "sample.txt"
    assert main(["clean", str(seed)]) == 0
    out, err = capsys.readouterr()
    assert "Comments (4)" in out
    assert err.count("warning: ") == 1 and ("annotations/articles/sample.yml:14:26: warning: cleaning/keep/1: "
                                           "'Eleven zebras' matched no line the cleaner removed") in err, err


def test_serve_regenerates_when_an_annotation_changes(archive: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/articles/002-c3b61f25a628ea79/"
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(archive),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(lambda: fetch(url) is not None, 60), "the preview did not come up"
        annotation = archive / "annotations/articles/002_c3b61f25a628ea79.yml"
        text = annotation.read_text("utf-8")
        marker = "A contributor's edit shows in the preview."
        first_note = text.index("    note: ")
        end = text.index("\n", first_note)
        annotation.write_text(text[:first_note] + f"    note: {marker}" + text[end:], "utf-8")
        assert wait_for(lambda: marker in (fetch(url) or ""), 20), "the edited note did not appear"
        time.sleep(3)  # an idle preview must stay idle: reading files is no reason to regenerate
        annotation.write_text(text.replace("  - quote:", "  - quote: [", 1), "utf-8")  # broken YAML
        time.sleep(2)
        assert server.poll() is None, "a broken annotation must not stop the preview"
        assert marker in (fetch(url) or ""), "the last good page stays"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "002_c3b61f25a628ea79.yml:" in output and "error: YAML syntax" in output
    regenerations = output.count("regenerated:") + output.count("regeneration failed")
    assert regenerations <= 4, f"{regenerations} regenerations for a start and two edits: a rebuild loop"
    rebuilds = output.count("Detected file changes")  # MkDocs' server, told of changes by inotify
    assert 1 <= rebuilds <= 3, f"MkDocs rebuilt {rebuilds} times for one good edit: a rebuild loop or a missed change"


def test_suggest_folds_surnames_and_skips_adjectives_and_web_addresses(tmp_path: Path, capsys):
    """A surname used after the full name is the person's alias, not a place; "Syrian" before a noun is an
    adjective; "Polygraph.info" is a web address; "The"/"Although" before a name are not part of it."""
    out = _suggested_for_two_reports(tmp_path, capsys, "Aid reaches the desert camp", (
        "The camp lies near the border, where Jane Kowalczyk has worked for a decade.\n\n"
        "Kowalczyk said the Syrian government had not answered, according to Polygraph.info reporting.\n\n"
        "The Pentagon declined to comment. Although Rukban is remote, the Pentagon sends aid there.\n"))
    assert 'name: "Jane Kowalczyk"' in out and 'aliases: ["Kowalczyk"]' in out and 'name: "Kowalczyk"' not in out
    assert 'name: "Syrian"' not in out and 'name: "Polygraph"' not in out
    assert 'name: "Pentagon"' in out and 'name: "Rukban"' in out
    assert 'name: "The Pentagon"' not in out and 'name: "Although' not in out


def test_suggest_skips_articles_and_calendar_words_of_other_languages(tmp_path: Path, capsys):
    """"Le" opening a French sentence, "Ende März" (end of March) and the German noun an article opens ("die
    Stadt Sévrier") are no names; "Dreisam" and "Bernard Pellissier" are, and an accented name gets an ASCII id."""
    out = _suggested_for_two_reports(tmp_path, capsys, "Le lac déborde", (
        "Le niveau du lac a atteint un record, selon Bernard Pellissier, adjoint au maire de Sévrier.\n\n"
        "Le pont sur la Dreisam reste fermé jusqu'à Ende März, a indiqué Bernard Pellissier.\n\n"
        "Die Brücke über die Dreisam bleibt bis Ende März gesperrt, teilte die Stadt Sévrier mit.\n"))
    assert 'name: "Bernard Pellissier"' in out and 'name: "Dreisam"' in out
    assert "id: sevrier" in out and 'name: "Sévrier"' in out
    assert 'name: "Le"' not in out and 'name: "Ende März"' not in out and 'name: "März"' not in out
    assert 'name: "Stadt Sévrier"' not in out


def test_suggest_keeps_the_adjective_a_german_name_opens_with_and_leaves_other_languages_alone(tmp_path: Path,
                                                                                               capsys):
    """A German article before an inflected adjective opens the name ("der Vereinten Nationen"); the same
    words are no article in French ("des Nations Unies"), whose name stays whole."""
    out = _suggested_for_two_reports(tmp_path, capsys, "Hilfe für die Region", (
        "Ein Sprecher der Vereinten Nationen sagte, die Hilfe komme über die Brücke in die Stadt Sévrier.\n\n"
        "Le porte-parole des Nations Unies a confirmé que l'aide arrivera dans la ville de Sévrier demain.\n"))
    assert 'name: "Vereinten Nationen"' in out and 'name: "Nations Unies"' in out, out
    assert 'name: "Nationen"' not in out and 'name: "Unies"' not in out and 'name: "Stadt Sévrier"' not in out


def _suggested_for_two_reports(tmp_path: Path, capsys, headline: str, body: str) -> str:
    """What `suggest` prints for the base archive plus two reports of one body (names recur across two)."""
    root = tmp_path / "archive"
    shutil.copytree(REPO / "tests" / "fixtures" / "base", root)
    for n in (1, 2):
        (root / "seeds" / f"extra{n}.txt").write_text(f"{headline}, report {n}\n\n" + body, "utf-8")
    assert main(["suggest", "--root", str(root)]) == 0
    return capsys.readouterr().out
