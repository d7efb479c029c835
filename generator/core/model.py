"""Plain data passed between the pipeline stages. No I/O here.

Every stage takes and returns these frozen dataclasses, so a stage can be read
(and tested) on its own: read -> RawDocument; annotate/load.py -> Annotations (the
YAML); clean -> CleanedArticle; annotate (quotes anchored) -> Article; link ->
Archive (core/archive.py: mentions, related coverage); render -> pages (bytes); write -> docs/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # core/versions.py holds an article's versions; it imports Loc from here
    from generator.core.payload import Payload
    from generator.core.versions import LostNote, Version



# The dates an archive accepts: four-digit years, which the pages sort and label by (date.max is 9999-12-31).
EARLIEST_DATE = date(1000, 1, 1)


def accepted_date(day: date | None) -> date | None:
    """day, unless it is outside the range an archive accepts (a date read from a page or a line of text)."""
    return day if day is not None and day >= EARLIEST_DATE else None


# Control characters and bidirectional marks in a path or value would move the cursor or forge a line.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, keep_newlines: bool = False) -> str:
    """text with every control character shown as its escape (a newline as \\n unless keep_newlines)."""
    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        if keep_newlines and char == "\n":
            return char
        return char.encode("unicode_escape").decode("ascii")
    return _INVISIBLE.sub(escaped, text)


@dataclass(frozen=True, order=True)
class Loc:
    """Where something came from: a file, and a 1-based line and column when known."""

    path: str
    line: int = 0
    column: int = 0

    @classmethod
    def whole(cls, path: str) -> Loc:
        """A problem with a file as a whole (empty, misplaced, one of two sources for a page): at line 1,
        column 1, so that every problem reads path:line:col, the form editors and CI problem matchers parse."""
        return cls(path, 1, 1)

    def __str__(self) -> str:
        path = visible(self.path)
        if self.line and self.column:
            return f"{path}:{self.line}:{self.column}"
        if self.line:
            return f"{path}:{self.line}"
        return path


@dataclass(frozen=True)
class RawDocument:
    """A source article as decoded from disk, before any cleaning."""

    article_id: str
    path: Path
    text: str  # "" when payload says where to read it: content() gives the text either way
    kind: str = "text"  # "text" or "html"
    payload: Payload | None = None

    def content(self) -> str:
        """The source's text: held, or read from its payload now (read again at each call)."""
        return self.text if self.payload is None else self.payload.read(self.payload)


LEFT_OUT_OF_PAGE = "outside-article"  # the rule of a Removal the HTML extractor made


@dataclass(frozen=True)
class Removal:
    """One line the cleaner took out, the rule that did it and why."""

    line_no: int
    text: str
    rule: str
    reason: str = ""
    score: float | None = None  # the line score that decided, for rules that weigh evidence

    @property
    def left_out_of_page(self) -> bool:
        """Left out with the page's furniture by the HTML extractor, not by a rule on the article's lines."""
        return self.rule == LEFT_OUT_OF_PAGE


@dataclass(frozen=True)
class Block:
    """A paragraph or subheading of the cleaned body."""

    kind: str  # "paragraph" or "heading"
    text: str
    source_line: int = 0


@dataclass(frozen=True)
class CleanedArticle:
    """An article after cleaning: body blocks, detected metadata and the removal record."""

    article_id: str
    source: Path
    blocks: tuple[Block, ...]
    title: str | None = None
    date: date | None = None
    outlet: str | None = None
    dateline: str | None = None
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    removals: tuple[Removal, ...] = ()
    # the cleaning: keep/drop values that changed a line, as ("keep" or "drop", value)
    overrides_used: frozenset[tuple[str, str]] = frozenset()

    @property
    def body(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    description: str
    wikidata: str | None
    loc: Loc
    reference_locs: tuple[Loc, ...] = ()  # where each [[kind:id]] of its description is written, for their errors

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that counts as a mention."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class Evidence:
    title: str | None = None
    url: str | None = None
    article: str | None = None
    loc: Loc | None = None


@dataclass(frozen=True)
class Fact:
    id: str
    title: str
    claim: str
    evidence: tuple[Evidence, ...]
    loc: Loc
    reference_locs: tuple[Loc, ...] = ()  # where each [[kind:id]] of its claim is written, for their errors


@dataclass(frozen=True)
class Selector:
    """A W3C TextQuoteSelector (the exact quote, optional context around it) and where it was last found."""

    quote: str
    prefix: str = ""
    suffix: str = ""
    position: int | None = None  # a TextPositionSelector's start, in the text `clean` prints; it only breaks ties


@dataclass(frozen=True)
class Note:
    selector: Selector
    text: str
    loc: Loc
    reference_locs: tuple[Loc, ...] = ()  # where each [[kind:id]] of its text is written, for their errors


@dataclass(frozen=True)
class FactLink:
    fact_id: str
    selector: Selector
    figure: str
    loc: Loc


@dataclass(frozen=True)
class MentionLink:
    """A passage that names an entity without using one of its aliases ("the Hamas leader")."""

    entity_id: str
    selector: Selector
    loc: Loc


@dataclass(frozen=True)
class Unlink:
    """An automatic entity link that is wrong in one article ("Abbas" in "Abbas Kamel"): none in the quoted
    passage, or, without a quote, none to that entity anywhere in the article."""

    entity_id: str
    selector: Selector | None
    loc: Loc


@dataclass(frozen=True)
class CleaningOverrides:
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()


@dataclass(frozen=True)
class OverrideValue:
    """One cleaning: keep or drop value where its file holds it, to say so when it changes no line."""

    which: str  # "keep" or "drop"
    index: int
    text: str
    loc: Loc


@dataclass(frozen=True)
class Tag:
    """An entry of annotations/tags.yml: the id articles write, and what its tag page shows."""

    id: str
    label: str
    description: str
    loc: Loc


@dataclass(frozen=True)
class ArticleAnnotation:
    article_id: str
    loc: Loc
    title: str | None = None
    outlet: str | None = None
    date: date | None = None
    dateline: str | None = None
    byline: str | None = None
    url: str | None = None
    version: str | None = None  # the capture the quotes were written against (its date), when there are several
    tags: tuple[str, ...] = ()
    tag_locs: tuple[Loc, ...] = ()  # where each of tags is written, for the vocabulary's errors
    notes: tuple[Note, ...] = ()
    facts: tuple[FactLink, ...] = ()
    mentions: tuple[MentionLink, ...] = ()
    unlinks: tuple[Unlink, ...] = ()
    cleaning_values: tuple[OverrideValue, ...] = ()  # cleaning: keep/drop, each value with its place in the file

    @property
    def cleaning(self) -> CleaningOverrides:
        """The keep and drop values as the cleaner takes them (their places are for the warnings)."""
        return CleaningOverrides(*(tuple(v.text for v in self.cleaning_values if v.which == which)
                                   for which in ("keep", "drop")))


@dataclass(frozen=True)
class Annotations:
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    articles: dict[str, ArticleAnnotation]
    # ids whose annotation file could not be parsed (its error is reported): no warning about what it lacks
    unread_articles: frozenset[str] = frozenset()
    tags: tuple[Tag, ...] | None = None  # annotations/tags.yml; None: the archive has no tag vocabulary


@dataclass(frozen=True, slots=True)  # slots: an archive holds tens of mentions per article, each with a span
class Span:
    """A character range [start, end) inside one block of an article."""

    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    entity_id: str
    article_id: str
    span: Span
    text: str


@dataclass(frozen=True)
class AnchoredNote:
    note: Note
    span: Span


@dataclass(frozen=True)
class AnchoredFact:
    link: FactLink
    span: Span
    sentence: str


@dataclass(frozen=True)
class Article:
    """A cleaned article merged with its annotation: what the pages show."""

    id: str
    slug: str
    cleaned: CleanedArticle
    title: str
    outlet: str
    date: date | None
    dateline: str | None
    byline: str | None
    tags: tuple[str, ...]
    notes: tuple[AnchoredNote, ...]
    facts: tuple[AnchoredFact, ...]
    extra_mentions: tuple[tuple[str, Span], ...] = ()  # (entity id, span) anchored by hand
    unlinked: tuple[tuple[str, Span | None], ...] = ()  # (entity id, span or the whole article): no automatic link
    outlet_known: bool = True  # False: `outlet` is only the "not identified" label, not a publisher
    url: str | None = None  # where the article was published, when known
    versions: tuple[Version, ...] = ()  # oldest first, the shown one last; () for a single source
    lost: tuple[LostNote, ...] = ()  # annotations whose passage a later version removed

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.cleaned.blocks


@dataclass(frozen=True)
class SharedPassage:
    article_a: str
    span_a: Span
    article_b: str
    span_b: Span
    similarity: float  # share of the shorter sentence's shingles found in the other


@dataclass(frozen=True)
class Related:
    article_a: str
    article_b: str
    similarity: float  # Jaccard similarity of the two articles' shingle sets
    passages: tuple[SharedPassage, ...]
