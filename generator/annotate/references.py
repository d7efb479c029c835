"""Check the [[article:id]], [[entity:id]] and [[fact:id]] references in notes, entity descriptions and fact
claims (core/references.py), like every other reference between files: an unknown id is a located error with
a suggestion."""

from __future__ import annotations

import difflib
from typing import Iterable

from generator.core.errors import Problem, error
from generator.core.model import Annotations, Loc
from generator.core.references import article_id, references


def reference_problems(annotations: Annotations, article_ids: Iterable[str], check_fact_ids: bool = True,
                       check_entity_ids: bool = True) -> list[Problem]:
    article_ids = set(article_ids)
    known = {"article": article_ids, "entity": {e.id for e in annotations.entities},
             "fact": {f.id for f in annotations.facts}}
    checked = {"article": True, "entity": check_entity_ids, "fact": check_fact_ids}
    # Where each text is and what its message names it: a note's text has its own place; an entity's
    # description and a fact's claim are located at their item (the message names the key).
    texts = [(note.text_loc or note.loc, note.text, f"notes/{i}")
             for annotation in annotations.articles.values() for i, note in enumerate(annotation.notes)]
    texts += [(entity.loc, entity.description, f"entity '{entity.id}': description") for entity in
              annotations.entities if entity.description]
    texts += [(fact.loc, fact.claim, f"fact '{fact.id}': claim") for fact in annotations.facts]
    problems: list[Problem] = []
    for loc, text, what in texts:
        for ref in references(text):
            if not checked[ref.kind]:
                continue
            found = article_id(ref.id, article_ids) if ref.kind == "article" else \
                (ref.id if ref.id in known[ref.kind] else None)
            if found is None:
                at = _at(loc, text, ref.start) if what.startswith("notes/") else loc
                problems.append(error(at, f"{what}: {_unknown(ref.kind, ref.id, known[ref.kind])} in "
                                          f"[[{ref.kind}:{ref.id}]]"))
    return problems


def _at(loc: Loc, text: str, offset: int) -> Loc:
    """The reference's own column when the note's text before it is on the note's first line (exact for a
    plain scalar; a quoted one counts from its opening quote); else the start of the note."""
    if not loc.line or not loc.column or "\n" in text[:offset]:
        return loc
    return Loc(loc.path, loc.line, loc.column + offset)


def _unknown(kind: str, value: str, known: set[str]) -> str:
    candidates = sorted(known)
    if kind == "article":  # "001" is written for 001_a4029b8832b4861f: suggest by the number too
        candidates += sorted({i.split("_", 1)[0] for i in known})
    hint = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f"unknown {kind} '{value}'" + (f"; did you mean '{hint[0]}'?" if hint else "")
