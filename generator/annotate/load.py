"""Load the hand-written YAML under annotations/, check it, and turn it into model objects.

Three kinds of file, each with a JSON Schema shipped in generator/schemas/:
entities (annotations/entities.yml, annotations/entities/*.yml), facts
(annotations/facts.yml, annotations/facts/*.yml) and one file per article
(annotations/articles/<article id>.yml). The schema is the single source of
what a file may hold (annotate/schema.py turns its verdicts into located problems);
this module adds the checks a schema cannot make (references between files).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from generator.annotate.schema import schema_problems, valid_part, validator
from generator.annotate.references import reference_problems
from generator.annotate.tags import load_vocabulary, tag_problems
from generator.annotate.yamlloc import Located, load_yaml
from generator.clean.lineshape import line_key
from generator.core.errors import Problem, error, quoted_value, warning
from generator.core.model import (
    EARLIEST_DATE,
    Annotations,
    ArticleAnnotation,
    Entity,
    Evidence,
    Fact,
    FactLink,
    Loc,
    MentionLink,
    Note,
    OverrideValue,
    Selector,
    Unlink,
)
from generator.ingest.read import decode, display_path, slugify, unless_unchanged
from generator.runtime import parallel
from generator.runtime.memo import NO_MEMO, Memo

YAML_SUFFIXES = (".yml", ".yaml")
RESERVED_ENTITY_IDS = {"index"}  # pages the generator writes beside entity and fact pages
RESERVED_FACT_IDS = {"index", "coverage"}
RESERVED_TAGS = {"index"}  # tags/index.md is the list of tags


@dataclass(frozen=True)
class AnnotationFile:
    path: Path
    kind: str  # "entities", "facts" or "article"


def annotation_files(root: Path) -> tuple[list[AnnotationFile], list[Problem]]:
    """Every annotation file by kind; a YAML file in no known place is reported, not ignored."""
    base = root / "annotations"
    files: list[AnnotationFile] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return files, problems
    # by depth, then by path: sorted on the parts (strings), which spares 10,000 Path comparisons their cost
    found = [(path.relative_to(base).parts, path) for path in base.rglob("*") if path.suffix in YAML_SUFFIXES]
    for parts, path in sorted(found, key=lambda item: (len(item[0]), item[0])):
        # a link (or a file in a linked folder) is never read; ingest/tree.py reports it
        if any((base / Path(*parts[:i])).is_symlink() for i in range(1, len(parts) + 1)) or not path.is_file():
            continue
        if parts == ("tags.yml",):
            continue  # the tag vocabulary: annotate/tags.py reads it
        if len(parts) == 1 and path.stem in ("entities", "facts"):
            files.append(AnnotationFile(path, path.stem))
        elif len(parts) == 2 and parts[0] in ("entities", "facts"):
            files.append(AnnotationFile(path, parts[0]))
        elif len(parts) == 2 and parts[0] == "articles":
            files.append(AnnotationFile(path, "article"))
        else:
            problems.append(warning(Loc.whole(display_path(path, root)), "not read: annotation files are "
                                    "annotations/entities.yml, annotations/facts.yml and "
                                    "annotations/articles/<article id>.yml"))
    files, clashes = _one_file_an_article(files, root)
    return files, problems + clashes


def _one_file_an_article(files: list[AnnotationFile], root: Path) -> tuple[list[AnnotationFile], list[Problem]]:
    """articles/a.yml and articles/a.yaml both annotate article a, and one would silently replace the
    other: the .yml (the documented name) is read, the other is reported and not read."""
    chosen: dict[str, AnnotationFile] = {}
    for file in files:
        if file.kind == "article":
            other = chosen.get(file.path.stem)
            if other is None or YAML_SUFFIXES.index(file.path.suffix) < YAML_SUFFIXES.index(other.path.suffix):
                chosen[file.path.stem] = file
    refused = [f for f in files if f.kind == "article" and chosen[f.path.stem] is not f]
    problems = [error(Loc.whole(display_path(f.path, root)),
                      f"annotates the same article {quoted_value(f.path.stem)} as "
                      f"{display_path(chosen[f.path.stem].path, root)}, "
                      "and only that file is read; move what this file holds into it and remove this one")
                for f in refused]
    return [f for f in files if f.kind != "article" or chosen[f.path.stem] is f], problems


def load_annotations(root: Path, article_ids: Iterable[str], memo: Memo = NO_MEMO, workers: int | None = None
                     ) -> tuple[Annotations, list[Problem]]:
    """Every annotation file, checked against its schema and against each other."""
    files, problems = annotation_files(root)
    entities: list[Entity] = []
    facts: list[Fact] = []
    articles: dict[str, ArticleAnnotation] = {}
    unreadable: set[str] = set()
    unread_articles: set[str] = set()
    read_before = memo.table("annotation bytes", root)  # with a memo (serve), an unchanged file is not read again
    inputs = [(file.kind, unless_unchanged(read_before, file.path, lambda path=file.path: _read(path)))
              for file in files]
    read_before.forget_others({file.path for file in files})
    # Parsing and schema checks are per file: on every core (a worker gets a file's bytes and returns the
    # plain data found in it); with a memo, only the files whose bytes changed.
    all_loaded = parallel.map_unless_known(memo.table("annotation files"), [file.path for file in files], inputs,
                                           _load_nth, _FilesRead(files, inputs, root), workers)
    for file, loaded in zip(files, all_loaded):
        problems += loaded.problems
        if loaded.unreadable:
            unreadable.add(file.kind)
        if file.kind == "article" and loaded.article is None:
            unread_articles.add(file.path.stem)
        entities += loaded.entities
        facts += loaded.facts
        if loaded.article is not None:
            articles[file.path.stem] = loaded.article
    vocabulary, vocabulary_problems = load_vocabulary(root)
    annotations = Annotations(tuple(entities), tuple(facts), articles, frozenset(unread_articles), vocabulary)
    article_ids = set(article_ids)  # read twice below
    problems += cross_reference_problems(annotations, set(article_ids), check_fact_ids="facts" not in unreadable,
                                         check_entity_ids="entities" not in unreadable)
    problems += vocabulary_problems + tag_problems(annotations)
    problems += reference_problems(annotations, article_ids, check_fact_ids="facts" not in unreadable,
                                   check_entity_ids="entities" not in unreadable)
    return annotations, problems


def _read(path: Path) -> bytes | OSError:
    try:
        return path.read_bytes()
    except OSError as exc:
        return exc


@dataclass(frozen=True)
class _FilesRead:
    """What the workers parse: the annotation files, (kind, bytes or the error reading them) of each, the root."""
    files: Sequence[AnnotationFile]
    inputs: Sequence[tuple[str, bytes | OSError]]
    root: Path


def _load_nth(read: _FilesRead, n: int) -> _Loaded:
    return _load_one(read.files[n], read.inputs[n][1], read.root)


@dataclass(frozen=True)
class _Loaded:
    """What one annotation file contributes, and the problems found in it alone."""

    problems: list[Problem]
    unreadable: bool = False
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    article: ArticleAnnotation | None = None


def _load_one(file: AnnotationFile, data: bytes | OSError, root: Path) -> _Loaded:
    located, problems = load_file(file, root, data)
    if located is None:
        return _Loaded(problems, unreadable=True)
    broken = any(p.is_error for p in problems)
    if broken:
        # Keep what is valid, so quotes and references in the rest of the file are checked in the
        # same run; ids defined by a broken file are not checked against (they would all look unknown).
        located.data = valid_part(located.data, validator(file.kind))
    if file.kind == "entities":
        return _Loaded(problems, broken, entities=tuple(_entities(located)))
    if file.kind == "facts":
        return _Loaded(problems, broken, facts=tuple(_facts(located)))
    problems += cleaning_override_problems(located) + reserved_tag_problems(located) + date_range_problems(located)
    return _Loaded(problems, broken, article=_article(file.path.stem, located))


def load_file(file: AnnotationFile, root: Path, data: bytes | OSError | None = None
              ) -> tuple[Located | None, list[Problem]]:
    """The file's YAML with line numbers, and its syntax and schema problems (data: its bytes, if already read)."""
    rel = display_path(file.path, root)
    if data is None:
        try:
            data = file.path.read_bytes()
        except OSError as exc:
            data = exc
    if isinstance(data, OSError):
        return None, [error(Loc.whole(rel), f"cannot read ({data.strerror or data}); check the file's permissions")]
    text, problem = decode(data, Loc.whole(rel))
    if problem:
        return None, [problem]
    assert text is not None
    located, problems = load_yaml(text, rel)
    if located is None:
        return None, problems
    if located.data is None:
        located.data = {}
    return located, problems + schema_problems(located, file.kind)


def cross_reference_problems(annotations: Annotations, article_ids: set[str],
                             check_fact_ids: bool = True, check_entity_ids: bool = True) -> list[Problem]:
    """What no single file's schema can see: ids that clash or point nowhere.

    With a facts (entities) file that could not be read, fact (entity) ids are not checked:
    every reference would look unknown, and the real problem is already reported.
    """
    problems: list[Problem] = []
    problems += _duplicates("entity id", ((e.id, e.loc) for e in annotations.entities))
    problems += _duplicates("fact id", ((f.id, f.loc) for f in annotations.facts))
    owners: dict[str, Entity] = {}
    for entity in annotations.entities:
        for name in entity.names:
            other = owners.setdefault(name, entity)
            if other.id != entity.id:
                problems.append(error(entity.loc, f"name or alias {quoted_value(name)} of {quoted_value(entity.id)} "
                                      f"is already used by {quoted_value(other.id)} ({other.loc}); a spelling can "
                                      "link to one entity only"))
    problems += [error(e.loc, f"entity id '{e.id}' is reserved (entities/{e.id}.md is the list of entities); "
                      "choose another id") for e in annotations.entities if e.id in RESERVED_ENTITY_IDS]
    problems += [error(f.loc, f"fact id '{f.id}' is reserved (facts/{f.id}.md is a generated list); "
                      "choose another id") for f in annotations.facts if f.id in RESERVED_FACT_IDS]
    fact_ids = {f.id for f in annotations.facts}
    entity_ids = {e.id for e in annotations.entities}
    for fact in annotations.facts:
        for evidence in fact.evidence:
            if evidence.article and evidence.article not in article_ids:
                problems.append(error(evidence.loc or fact.loc, _unknown("article", evidence.article, article_ids)))
    for article_id, annotation in annotations.articles.items():
        if article_id not in article_ids:
            problems.append(error(Loc.whole(annotation.loc.path), _unknown("article", article_id, article_ids)
                                  + "; the file name must be a seed's name without extension"))
        for link in annotation.facts:
            if check_fact_ids and link.fact_id not in fact_ids:
                problems.append(error(link.loc, _unknown("fact", link.fact_id, fact_ids)))
            if link.figure and link.figure not in link.selector.quote:
                problems.append(error(link.loc, f"figure {quoted_value(link.figure)} is not part of the quote; "
                                      "copy the figure as the quoted sentence words it"))
        for mention in (*annotation.mentions, *annotation.unlinks):
            if check_entity_ids and mention.entity_id not in entity_ids:
                problems.append(error(mention.loc, _unknown("entity", mention.entity_id, entity_ids)))
    return problems


def _unknown(kind: str, value: str, known: Iterable[str]) -> str:
    hint = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f"unknown {kind} {quoted_value(value)}" + (f"; did you mean {quoted_value(hint[0])}?" if hint else "")


def _duplicates(what: str, items: Iterable[tuple[str, Loc]]) -> list[Problem]:
    first: dict[str, Loc] = {}
    problems = []
    for key, loc in items:
        if key in first:
            problems.append(error(loc, f"duplicate {what} {quoted_value(key)} (first defined at {first[key]}); "
                                  "rename one of them"))
        else:
            first[key] = loc
    return problems


def matches_every_line(override: str) -> bool:
    """A keep/drop value without words: clean/cleaner.py matches lines by line_key, and an empty key is in every line's."""
    return not line_key(override)


def cleaning_override_problems(located: Located) -> list[Problem]:
    """cleaning.keep/drop values that would match every line (the schema's minLength lets "---" through)."""
    cleaning = located.data.get("cleaning") if isinstance(located.data, dict) else None
    if not isinstance(cleaning, dict):
        return []
    problems = []
    for which in ("keep", "drop"):
        for i, value in enumerate(cleaning.get(which) or ()):
            if isinstance(value, str) and matches_every_line(value):
                problems.append(error(located.loc(("cleaning", which, i)),
                                      f"cleaning/{which}/{i}: {quoted_value(value)} has no words, and lines are "
                                      f"matched by their words, so it would {which} every line of the article; "
                                      f"quote some "
                                      f"words of the line to {which} instead"))
    return problems


def date_range_problems(located: Located) -> list[Problem]:
    """A date the schema reads as one but before EARLIEST_DATE: a typo far more often than a medieval report,
    and the pages sort and label dates by four-digit years."""
    value = located.data.get("date") if isinstance(located.data, dict) else None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return []
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return []  # the schema says it is not a date
    if day >= EARLIEST_DATE:
        return []
    return [error(located.loc(("date",)), f"date: {value} is before {EARLIEST_DATE.isoformat()}, the earliest date "
                  "an archive accepts; check the year (written as YYYY-MM-DD, e.g. 2023-12-20)")]


def is_reserved_tag(tag: str) -> bool:
    """A tag whose page name is that of the list of tags: one page would silently replace the other.

    By slug, not by the exact text: a spelling the schema may let through one day ("Index") is still
    the same file on a case-insensitive disk."""
    return slugify(tag) in RESERVED_TAGS


def reserved_tag_problems(located: Located) -> list[Problem]:
    """Tags that would take the page of the list of tags (the tags index is written last, and wins)."""
    tags = located.data.get("tags") if isinstance(located.data, dict) else None
    return [error(located.loc(("tags", i)), f"tags/{i}: tag '{tag}' is reserved (tags/index.md is the list of "
                  "tags); choose another tag")
            for i, tag in enumerate(tags if isinstance(tags, list) else ())
            if isinstance(tag, str) and is_reserved_tag(tag)]


# --- from checked data to model objects ---------------------------------------------------------------

def _entities(located: Located) -> list[Entity]:
    return [
        Entity(id=item["id"], name=item["name"], type=item["type"], aliases=tuple(item.get("aliases", ())),
               description=item.get("description", ""), wikidata=item.get("wikidata"),
               loc=located.loc(("entities", i)),
               reference_locs=located.reference_locs.get(("entities", i, "description"), ()))
        for i, item in enumerate(located.data.get("entities") or []) if item is not None
    ]


def _facts(located: Located) -> list[Fact]:
    facts = []
    for i, item in enumerate(located.data.get("facts") or []):
        if item is None:
            continue
        evidence = tuple(Evidence(title=e.get("title"), url=e.get("url"), article=e.get("article"),
                                  loc=located.loc(("facts", i, "evidence", j)))
                         for j, e in enumerate(item.get("evidence", ())) if e is not None)
        title = item.get("title") or item["id"].replace("-", " ").capitalize()
        facts.append(Fact(item["id"], title, item["claim"], evidence, located.loc(("facts", i)),
                          located.reference_locs.get(("facts", i, "claim"), ())))
    return facts


def _selector(item: dict[str, Any]) -> Selector:
    position = item.get("position")  # the schema allows 12.0 as a whole number: kept as one
    return Selector(item["quote"], item.get("prefix", ""), item.get("suffix", ""),
                    None if position is None else int(position))


def _article(article_id: str, located: Located) -> ArticleAnnotation:
    data = located.data
    cleaning = data.get("cleaning", {})
    values = tuple(OverrideValue(which, i, v, located.loc(("cleaning", which, i))) for which in ("keep", "drop")
                   for i, v in enumerate(cleaning.get(which, ())) if v is not None and not matches_every_line(v))
    return ArticleAnnotation(
        article_id=article_id,
        loc=Loc.whole(located.path),
        title=data.get("title"),
        outlet=data.get("outlet"),
        date=date.fromisoformat(data["date"]) if data.get("date") else None,
        dateline=data.get("dateline"),
        byline=data.get("byline"),
        url=data.get("url"),
        version=str(data["version"]) if data.get("version") else None,
        tags=tuple(t for t in data.get("tags", ()) if t is not None and not is_reserved_tag(t)),
        tag_locs=tuple(located.loc(("tags", i)) for i, t in enumerate(data.get("tags", ()))
                       if t is not None and not is_reserved_tag(t)),
        notes=tuple(Note(_selector(n), n["note"], located.loc(("notes", i)),
                         located.reference_locs.get(("notes", i, "note"), ()))
                    for i, n in enumerate(data.get("notes", ())) if n is not None),
        facts=tuple(FactLink(f["fact"], _selector(f), f.get("figure", ""), located.loc(("facts", i)))
                    for i, f in enumerate(data.get("facts", ())) if f is not None),
        mentions=tuple(MentionLink(m["entity"], _selector(m), located.loc(("mentions", i)))
                       for i, m in enumerate(data.get("mentions", ())) if m is not None),
        unlinks=tuple(Unlink(u["entity"], _selector(u) if "quote" in u else None, located.loc(("unlink", i)))
                      for i, u in enumerate(data.get("unlink", ())) if u is not None),
        cleaning_values=values,
    )

