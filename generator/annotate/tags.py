"""The tag vocabulary (annotations/tags.yml) and the checks on the tags articles use.

A misspelled tag is accepted by the article schema (any lowercase words) and makes a tag page of its
own with one article. With a vocabulary the archive says which tags exist, so an unknown one is an
error; without one, a tag that only one article uses and that is a small edit from another tag is
most likely that tag misspelled, and is a warning.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path

from generator.annotate.schema import schema_problems, valid_part, validator
from generator.annotate.yamlloc import load_yaml
from generator.core.errors import Problem, error, quoted_value, warning
from generator.core.model import Annotations, Loc, Tag
from generator.ingest.read import decode, display_path

VOCABULARY = Path("annotations") / "tags.yml"
# Tags this alike ("ceasefire-talk" and "ceasefire-talks") are one tag misspelled far more often than two
# topics: SequenceMatcher's ratio, the measure difflib's close matches use.
NEAR = 0.85


def vocabulary_path(root: Path) -> Path:
    return root / VOCABULARY


def load_vocabulary(root: Path) -> tuple[tuple[Tag, ...] | None, list[Problem]]:
    """The tags of annotations/tags.yml (None when the file does not exist), and its problems."""
    path = vocabulary_path(root)
    if not path.is_file():
        return None, []
    rel = display_path(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return (), [error(Loc.whole(rel), f"cannot read ({exc.strerror or exc}); check the file's permissions")]
    text, problem = decode(data, Loc.whole(rel))
    if problem:
        return (), [problem]
    assert text is not None
    located, problems = load_yaml(text, rel)
    if located is None:
        return (), problems
    if located.data is None:
        located.data = {}
    problems += schema_problems(located, "tags")
    if any(p.is_error for p in problems):
        located.data = valid_part(located.data, validator("tags"))
    tags: list[Tag] = []
    seen: dict[str, Loc] = {}
    for i, item in enumerate(located.data.get("tags") or [] if isinstance(located.data, dict) else []):
        if not isinstance(item, dict) or "id" not in item or "label" not in item:
            continue
        loc = located.loc(("tags", i))
        if item["id"] in seen:
            problems.append(error(loc, f"duplicate tag id {quoted_value(item['id'])} (first defined at "
                                  f"{seen[item['id']]}); "
                                  "remove one of them"))
            continue
        seen[item["id"]] = loc
        tags.append(Tag(item["id"], item["label"], item.get("description", ""), loc))
    return tuple(tags), problems


def tag_problems(annotations: Annotations) -> list[Problem]:
    """Unknown tags (with a vocabulary) or likely misspelled ones (without), each where it is written."""
    if annotations.tags is not None:
        known = sorted(t.id for t in annotations.tags)
        return [error(loc, f"tags/{i}: {_unknown(tag, known)}; add it to {VOCABULARY.as_posix()} or use a tag "
                      "listed there")
                for annotation in annotations.articles.values()
                for i, (tag, loc) in enumerate(zip(annotation.tags, _locs(annotation)))
                if tag not in set(known)]
    users: dict[str, list[Loc]] = defaultdict(list)
    for annotation in annotations.articles.values():
        for tag, loc in zip(annotation.tags, _locs(annotation)):
            users[tag].append(loc)
    problems = []
    for tag, locs in sorted(users.items()):
        if len(locs) != 1:
            continue
        others = [t for t in users if t != tag and len(users[t]) >= len(locs)]
        close = difflib.get_close_matches(tag, sorted(others), n=1, cutoff=NEAR)
        if close:
            problems.append(warning(locs[0], f"tag {quoted_value(tag)} is used by this article only and is close "
                                    f"to {quoted_value(close[0])} ({len(users[close[0]])} articles); did you mean "
                                    f"{quoted_value(close[0])}? (a list of tags in {VOCABULARY.as_posix()} turns this "
                                    "into a check)"))
    return problems


def _locs(annotation) -> tuple[Loc, ...]:  # type: ignore[no-untyped-def]
    """One place a tag; an annotation built without places (tests, old memo) points at its file."""
    if len(annotation.tag_locs) == len(annotation.tags):
        return annotation.tag_locs
    return tuple(annotation.loc for _ in annotation.tags)


def _unknown(tag: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(tag, known, n=1, cutoff=0.6)
    return f"unknown tag {quoted_value(tag)}" + (f"; did you mean {quoted_value(hint[0])}?" if hint else "")
