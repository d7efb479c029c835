"""`validate` on broken annotation files: each fixture next to the exact messages it must produce."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.annotate.load import is_reserved_tag
from generator.annotate.schema import SCHEMA_FOR_KIND, schema
from generator.annotate.yamlloc import load_yaml

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def make_case(tmp_path: Path, case: str) -> Path:
    root = tmp_path / case
    shutil.copytree(FIXTURES / "base", root)
    shutil.copytree(FIXTURES / "invalid" / case / "annotations", root / "annotations", dirs_exist_ok=True)
    if (FIXTURES / "invalid" / case / "seeds").is_dir():
        shutil.copytree(FIXTURES / "invalid" / case / "seeds", root / "seeds", dirs_exist_ok=True)
    return root


def validate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--root", str(root), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("case", CASES)
def test_broken_annotation_gives_located_message(tmp_path: Path, case: str):
    result = validate(make_case(tmp_path, case))
    expected = (FIXTURES / "invalid" / case / "expected.txt").read_text("utf-8").splitlines()
    messages = [line for line in result.stderr.splitlines() if ": error: " in line or ": warning: " in line]
    assert messages == expected
    assert result.returncode == (1 if any(": error: " in line for line in expected) else 0)


@pytest.mark.parametrize("case", ["quote-ambiguous", "quote-ambiguous-at-paragraph-start"])
def test_the_context_suggested_for_an_ambiguous_quote_decides_it(tmp_path: Path, case: str):
    root = make_case(tmp_path, case)
    message = validate(root).stderr.splitlines()[0]
    suggested = re.search(r'^[^:]+:(\d+):\d+: error: .* e\.g\. (prefix|suffix): ("[^"]*")$', message)
    assert suggested, message
    sample = root / "annotations" / "articles" / "sample.yml"
    lines = sample.read_text("utf-8").splitlines()
    line = int(suggested.group(1))
    lines.insert(line, f"    {suggested.group(2)}: {suggested.group(3)}")
    sample.write_text("\n".join(lines) + "\n", "utf-8")
    assert not any(f"sample.yml:{line}:" in problem for problem in validate(root).stderr.splitlines())


def test_base_fixture_and_seed_archive_validate_clean(tmp_path: Path):
    assert validate(FIXTURES / "base").returncode == 0
    result = validate(REPO)
    assert result.returncode == 0, result.stderr
    assert "0 errors, 0 warnings" in result.stderr


def test_a_tag_is_reserved_by_its_page_name_not_its_exact_text():
    assert is_reserved_tag("index") and is_reserved_tag("Index") and is_reserved_tag("index-")
    assert not is_reserved_tag("indexes") and not is_reserved_tag("stock-index")


def test_github_and_json_formats(tmp_path: Path):
    root = make_case(tmp_path, "unknown-fact")
    github = validate(root, "--format", "github")
    assert github.stdout.strip() == ("::error file=annotations/articles/sample.yml,line=3,col=5::unknown fact "
                                     "'bridge-work-duration'; did you mean 'bridge-works-duration'?")
    assert github.returncode == 1
    listed = json.loads(validate(root, "--format", "json").stdout)
    assert listed == [{"path": "annotations/articles/sample.yml", "line": 3, "column": 5, "severity": "error",
                       "message": "unknown fact 'bridge-work-duration'; did you mean 'bridge-works-duration'?"}]


def test_every_problem_is_reported_in_one_run(tmp_path: Path):
    root = make_case(tmp_path, "unknown-key")
    shutil.copytree(FIXTURES / "invalid" / "invalid-date" / "annotations", root / "annotations", dirs_exist_ok=True)
    lines = [line for line in validate(root).stderr.splitlines() if ": error: " in line]
    assert len(lines) == 2 and lines == sorted(lines)


@pytest.mark.parametrize("kind", sorted(SCHEMA_FOR_KIND))
def test_schema_is_a_valid_schema_with_descriptions(kind: str):
    document = schema(kind)
    jsonschema.Draft202012Validator.check_schema(document)

    def walk(node: dict, where: str) -> None:
        for name, prop in node.get("properties", {}).items():
            assert prop.get("description"), f"{kind}: {where}{name} has no description"
            walk(prop, f"{where}{name}.")
        if isinstance(node.get("items"), dict):
            walk(node["items"], where + "[].")

    walk(document, "")


def test_every_annotation_file_names_its_schema():
    for path in (REPO / "annotations").rglob("*.yml"):
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), f"{path}: schema comment points at {target}"


@pytest.mark.parametrize("text, expected", [
    ("title: 'Egypt Hosts New Round\noutlet: x\nnotes:\n  - quote: 'the talks'\n",
     "a.yml:1:8: error: YAML syntax: the single-quoted value that opens here is not closed on its line"),
    ('notes:\n  - quote: "the talks\n    note: x\n', "a.yml:2:12: error: YAML syntax: the double-quoted value "
     "that opens here is never closed"),
    # not a quote left open: the parser's own words, as before
    ("title: x\n outlet: y: z\n", "a.yml:2:8: error: YAML syntax: mapping values are not allowed here; put text"),
    ('title: "Egypt"\noutlet: [x\n', "a.yml:3:1: error: YAML syntax: while parsing a flow sequence expected ',' or ']'"),
])
def test_an_open_quote_is_reported_where_it_opens(text: str, expected: str):
    """An open quote runs on to the next quote of the file; the parser then fails far away, in words about
    mappings. The contributor must be sent to the quote that is left open."""
    problems = load_yaml(text, "a.yml")[1]
    assert len(problems) == 1 and str(problems[0]).startswith(expected), problems


def test_a_quoted_value_wrapped_over_lines_is_still_valid():
    located, problems = load_yaml('notes:\n  - quote: "a long quote,\n      wrapped"\n    note: x\n', "a.yml")
    assert problems == [] and located.data == {"notes": [{"quote": "a long quote, wrapped", "note": "x"}]}


UNTITLED = ("The talks resumed after a short pause on Sunday afternoon, officials in Cairo told reporters, and both "
            "delegations were expected to stay in the city until at least the end of the week.\n\n"
            "Both delegations met again later in the evening.\n")


@pytest.mark.parametrize("annotation, expected", [
    (None, "seeds/plain.txt:1:1: warning: article 'plain' has no title: cleaning found no headline; write "
           "annotations/articles/plain.yml with 'title:' (`python -m generator new seeds/plain.txt` writes one "
           "pre-filled)"),
    ("tags: [talks]\n", "annotations/articles/plain.yml:1:1: warning: article 'plain' has no title: cleaning "
                        "found no headline; add 'title:' to this file"),
    ('title: "Talks Resume\ntags: ["talks"]\n', "annotations/articles/plain.yml:1:8: error: YAML syntax: the "
     "double-quoted value that opens here is not closed on its line"),
])
def test_a_missing_title_is_reported_where_it_can_be_written(tmp_path: Path, annotation: str | None, expected: str):
    """Not at a file that does not exist, not with a `new` that refuses an existing file, and not at all when
    the file could not be parsed: its title may be in it (here, on the line with the open quote)."""
    root = make_case(tmp_path, "unknown-key")
    (root / "seeds" / "plain.txt").write_text(UNTITLED, "utf-8")
    if annotation is not None:
        (root / "annotations" / "articles" / "plain.yml").write_text(annotation, "utf-8")
    messages = [line for line in validate(root).stderr.splitlines() if "plain" in line]
    assert len(messages) == 1 and messages[0].startswith(expected), messages
