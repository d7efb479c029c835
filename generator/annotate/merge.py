"""Merge each cleaned article with its annotation file: metadata, anchored notes and fact links."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.annotate.anchor import Anchor, anchor, normalise_text, words_before
from generator.annotate.context import deciding_context, repaired_selector
from generator.annotate.overrides import unused_override_problems
from generator.annotate.schema import schema
from generator.core.errors import Problem, error, quoted_value, warning
from generator.core.model import (
    AnchoredFact,
    AnchoredNote,
    Annotations,
    Article,
    ArticleAnnotation,
    Block,
    CleanedArticle,
    Loc,
    Removal,
    Selector,
    Span,
)
from generator.core.sentences import sentence_around
from generator.ingest.read import display_path, slugify
from generator.runtime import parallel
from generator.runtime.memo import NO_MEMO, Memo

UNIDENTIFIED_OUTLET = "Outlet not identified"
# The URLs an annotation's url: may hold; a URL lifted from a page (its canonical link, og:url) is used
# only if it is one too, since pages link to it and a page's markup may say anything ("javascript:...").
PUBLISHED_URL = re.compile(schema("article")["properties"]["url"]["pattern"])


def annotate(cleaned: Iterable[CleanedArticle], annotations: Annotations, memo: Memo = NO_MEMO,
             workers: int | None = None) -> tuple[list[Article], list[Problem]]:
    """Each article merged with its annotation, on every core; with a memo, only those whose inputs changed.

    An article without an annotation file is merged with an empty one located at its seed (the file to
    write does not exist yet). One whose file could not be parsed is too, and the warnings about what that
    empty one lacks (a title) are left out: they would contradict the file, whose own error is reported."""
    pairs = [(article, annotations.articles.get(article.article_id)
              or ArticleAnnotation(article.article_id, Loc.whole(seed_of(article)))) for article in cleaned]
    merged = parallel.map_unless_known(memo.table("annotate"), [article.article_id for article, _ in pairs], pairs,
                                       _merge_one, pairs, workers,
                                       completed=lambda i, done: (replace(done[0], cleaned=pairs[i][0]), done[1]))
    problems = [problem for article, found in merged if article.id not in annotations.unread_articles
                for problem in found]
    return [article for article, _ in merged], problems


def seed_of(cleaned: CleanedArticle) -> str:
    """The article's seed as a contributor names it from the archive's root (sources lie in seeds/ itself)."""
    return f"seeds/{cleaned.source.name}"


def empty_text_warnings(cleaned: Iterable[CleanedArticle], root: Path) -> list[Problem]:
    """Articles that cleaning left without text: each would build as a page with nothing under its title,
    and nothing else would say so. A warning, not an error: the rest of the archive still builds."""
    problems = []
    for article in cleaned:
        if article.blocks:
            continue
        seed = display_path(article.source, root)
        dropped = any(r.rule == "override-drop" for r in article.removals)
        problems.append(warning(Loc.whole(seed), "the cleaned article has no text, so its page would be empty; "
                                f"see what removed each line with `python -m generator clean --explain {seed}`, "
                                "and keep those that belong to the article with `cleaning: {keep: [\"words of the "
                                f"line\"]}}` in annotations/articles/{article.article_id}.yml"
                                + (" (or remove the `drop:` value that matches them)" if dropped else "")))
    return problems


def _merge_one(pairs: list[tuple[CleanedArticle, ArticleAnnotation]], i: int) -> tuple[Article, list[Problem]]:
    """merge() without the cleaned article in the answer: the caller has it (annotate puts it back).

    The Article without it is incomplete only on its way back from the worker, never seen by a stage."""
    article, problems = merge(*pairs[i])
    return replace(article, cleaned=None), problems  # type: ignore[arg-type]


def merge(cleaned: CleanedArticle, note: ArticleAnnotation) -> tuple[Article, list[Problem]]:
    """Hand-written metadata wins over what cleaning detected; every quote must anchor."""
    problems: list[Problem] = []
    anchored_notes = []
    for item in note.notes:
        span = _anchor_or_report(item.selector, cleaned, item.loc, "note", problems)
        if span is not None:
            anchored_notes.append(AnchoredNote(item, span))
    anchored_facts = []
    for link in note.facts:
        span = _anchor_or_report(link.selector, cleaned, link.loc, "fact link", problems)
        if span is not None:
            sentence = sentence_around(cleaned.blocks[span.block].text, span.start, span.end)
            anchored_facts.append(AnchoredFact(link, span, sentence))
    extra_mentions = []
    for mention in note.mentions:
        span = _anchor_or_report(mention.selector, cleaned, mention.loc, "mention", problems)
        if span is not None:
            extra_mentions.append((mention.entity_id, span))
    unlinked: list[tuple[str, Span | None]] = []
    for unlink in note.unlinks:
        if unlink.selector is None:
            unlinked.append((unlink.entity_id, None))
        elif (span := _anchor_or_report(unlink.selector, cleaned, unlink.loc, "unlink", problems)) is not None:
            unlinked.append((unlink.entity_id, span))
    seed = seed_of(cleaned)
    problems += unused_override_problems(cleaned, note.cleaning_values, seed)
    title = note.title or cleaned.title
    if not title:
        fix = (f"write annotations/articles/{cleaned.article_id}.yml with 'title:' (`python -m generator new {seed}` "
               "writes one pre-filled)" if note.loc.path == seed else "add 'title:' to this file")
        problems.append(warning(note.loc, f"article '{cleaned.article_id}' has no title: cleaning found no "
                                f"headline; {fix}"))
    article = Article(
        id=cleaned.article_id,
        slug=slugify(cleaned.article_id),
        cleaned=cleaned,
        title=title or cleaned.article_id,
        outlet=note.outlet or cleaned.outlet or UNIDENTIFIED_OUTLET,
        outlet_known=bool(note.outlet or cleaned.outlet),
        date=note.date or cleaned.date,
        dateline=note.dateline or cleaned.dateline,
        byline=note.byline or cleaned.byline,
        url=note.url or (cleaned.url if cleaned.url and PUBLISHED_URL.fullmatch(cleaned.url) else None),
        tags=note.tags,
        notes=tuple(anchored_notes),
        facts=tuple(anchored_facts),
        extra_mentions=tuple(extra_mentions),
        unlinked=tuple(unlinked),
    )
    return article, problems


def _where(blocks: tuple[Block, ...], span: Span) -> str:
    """An occurrence as a contributor finds it: its paragraph, and the words before it there."""
    before = words_before(blocks, span)
    return f"paragraph {span.block + 1} " + (f"after {quoted_value(before)}" if before else "at its start")


def _anchor_or_report(selector: Selector, cleaned: CleanedArticle, loc: Loc, what: str,
                      problems: list[Problem]):
    blocks = cleaned.blocks
    result: Anchor = anchor(selector, blocks)
    if result.certain:
        return result.span
    if result.status == "empty":
        problems.append(error(loc, f"{what} has an empty quote; quote the passage it is about"))
        return None
    if result.status == "spanning":
        problems.append(error(loc, f"{what} quote runs over a paragraph boundary; a quote must lie within one "
                              "paragraph: shorten it to the part in one paragraph"))
        return None
    if result.span is not None:
        problems.append(warning(loc, _anchored_warning(what, result, selector, blocks)))
        return result.span
    if result.status == "ambiguous":
        places = "; ".join(_where(blocks, s) for s in result.candidates[:PLACES_LISTED])
        if len(result.candidates) > PLACES_LISTED:  # a short quote can occur thousands of times
            places += f"; and {len(result.candidates) - PLACES_LISTED:,} more"
        decider = deciding_context(selector, blocks, result.candidates[0])
        hint = (f"add a {decider[0]} that decides it, e.g. {decider[0]}: {_yaml_string(decider[1])}" if decider
                else "quote a longer passage, one that occurs once")
        problems.append(error(loc, f"{what} quote occurs {len(result.candidates)} times ({places}); {hint}"))
        return None
    if result.candidates:
        problems.append(error(loc, f"{what} quote is found, but not with the given prefix/suffix; "
                              "correct or remove prefix/suffix"))
        return None
    removed = _removed_line_quoting(selector, cleaned)
    if removed is not None and removed.left_out_of_page:
        problems.append(error(loc, f"{what} quotes line {removed.line_no} of the page, which the extractor left out "
                              f"of the article ({removed.reason}); if it belongs to the article, add to this "
                              f"file: cleaning: {{keep: [{_yaml_string(selector.quote)}]}}"))
        return None
    if removed is not None and removed.rule in HEADLINE_RULES:
        problems.append(error(loc, f"{what} quotes the article's headline (line {removed.line_no} of the source), "
                              "which is its title, not its text; quote a passage of the body instead (see "
                              "`python -m generator clean`)"))
        return None
    if removed is not None:
        problems.append(error(loc, f"{what} quotes line {removed.line_no} of the source, which cleaning removed "
                              f"(rule {removed.rule}); if it belongs to the article, add to this file: "
                              f"cleaning: {{keep: [{_yaml_string(selector.quote)}]}}"))
        return None
    problems.append(error(loc, f"{what} quote cannot be anchored (orphan): no passage of the cleaned article "
                          "is close to it; copy the passage from `python -m generator clean` output"))
    return None


def _anchored_warning(what: str, result: Anchor, selector: Selector, blocks: tuple[Block, ...]) -> str:
    """Why an anchor is not certain, where it went, and the selector that makes it certain."""
    assert result.span is not None
    reason = {"exact": "quote and context found",
              "drifted": "quote found, but its prefix/suffix no longer fit the text around it",
              "fuzzy": f"quote not found exactly; anchored to the closest passage "
                       f"{quoted_value(result.matched_text, limit=300)}"}
    message = f"{what} {reason[result.status]} ({_where(blocks, result.span)})"
    if result.runner_up is not None:
        message += f"; another place is nearly as close ({_where(blocks, result.runner_up)}): check the note is on the right one"
    fixed = repaired_selector(selector, blocks, result.span)
    if fixed is not None:
        paste = ", ".join(f"{key}: {_yaml_string(value)}" for key, value in
                          (("quote", fixed.quote), ("prefix", fixed.prefix), ("suffix", fixed.suffix)) if value)
        paste += "" if fixed.position is None else f", position: {fixed.position}"
        message += f". To silence this, write {{{paste}}} (or run `python -m generator fix`)"
    return message


PLACES_LISTED = 5  # the places an ambiguous quote occurs at, named in its error
HEADLINE_RULES = frozenset({"title", "repeated-headline"})  # keep: would print the headline twice, as title and text


def _removed_line_quoting(selector: Selector, cleaned: CleanedArticle) -> Removal | None:
    """The removed line that holds the quote: cleaning must never drop quoted text silently."""
    quote = normalise_text(selector.quote)
    return next((r for r in cleaned.removals if quote and quote in normalise_text(r.text)), None)


def _yaml_string(text: str) -> str:
    """text as a YAML double-quoted value to paste: JSON's escapes are YAML's, so a control character in the
    text (a line break, an escape sequence) is written as its escape, never raw into the message."""
    return json.dumps(text, ensure_ascii=False)
