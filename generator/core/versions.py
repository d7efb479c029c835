"""An article captured more than once: its versions, what changed between them, and the annotations a
later version no longer holds (ingest groups the captures, link compares them, render shows them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from generator.core.model import Loc


@dataclass(frozen=True)
class Change:
    """One paragraph that differs from the version before: added, removed, or edited (words: the word-level
    diff, as ("same" | "removed" | "added", words) runs)."""

    kind: str  # "added", "removed" or "edited"
    before: str
    after: str
    words: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Version:
    """One capture of an article, and what changed since the capture before it."""

    captured: datetime | None  # WARC-Date; None for a text or HTML seed (no capture time)
    source: str  # where it is read from: seeds/x.warc.gz#offset=123, or the seed
    title: str | None
    changes: tuple[Change, ...] = ()  # () for the first version, or when nothing in its text changed
    title_before: str | None = None  # the headline before, when it changed
    # (fact id, the sentence this version words the fact link's passage in, "" when the passage is not in it):
    # the shown version's fact links, then those lost (LostNote), in the same order in every version
    fact_sentences: tuple[tuple[str, str], ...] = ()
    url: str | None = None  # the URL it was captured at (None for a seed)


@dataclass(frozen=True)
class LostNote:
    """A note or fact link written against an earlier version whose passage the shown version no longer holds."""

    kind: str  # "note" or "fact link"
    quote: str
    text: str  # the note, or the fact id
    last_seen: datetime | None  # the last capture that still held the passage
    loc: Loc
