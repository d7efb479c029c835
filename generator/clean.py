"""Remove the page leftovers a scraper left in an article and lift its metadata.

The decisions are line by line, from evidence in the line and its neighbours:
known boilerplate phrasings (several languages), shape (length, punctuation,
position), runs of menu-like lines, and repetition across the archive. The
phrase rules are data (BOILERPLATE_RULES); the structural rules are the
functions below. Every removed line is kept in the article's removal record
with the rule that removed it, so a reader can audit the cleaner.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Mapping

from . import dates
from .model import Block, CleanedArticle, CleaningOverrides, RawDocument, Removal


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# (rule name, pattern matched against the whole normalised line, why it is boilerplate)
BOILERPLATE_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("skip-link", _rule(r"^\W*(skip|jump) to (the )?(main |primary )?(content|navigation|main|menu|search|footer)\b.*$"
                        r"|^\W*(aller au contenu|zum inhalt springen|saltar al contenido|vai al contenuto)\b.*$"),
     "accessibility link of the page template"),
    ("search-widget", _rule(r"^(search|search for:?|search the site|search in (title|content|excerpt|posts|pages|comments)|"
                            r"generic selectors|exact matches only|post type selectors|filter by (post type|category)|"
                            r"search (results|here|\.\.\.|…)|type (your search|to search).*|press enter to search.*|"
                            r"rechercher|recherche|suche|suchen|buscar|cerca)$"),
     "label of a search form"),
    ("menu-label", _rule(r"^(menu|main menu|open menu|close( menu)?|toggle navigation|navigation|back to top|"
                         r"top of page|scroll to top|sections|more sections|log ?in|sign ?in|register|my account)$"),
     "navigation control"),
    ("promo", _rule(r"^(read more|read also|also read|related( articles| stories| posts| content| coverage| news)?|"
                    r"see also|recommended( for you| stories| articles)?|more (from|on|stories|news)( \w+)?|"
                    r"you (may|might) also like|trending( now)?|most (read|popular|viewed|shared)|editor'?s picks|"
                    r"don'?t miss|watch|listen|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|"
                    r"leer más|lee también|te puede interesar|leia (também|mais)|continue reading)"
                    r"(\s*[:：»>|–—-].*|\s*…?)$"),
     "promotion of another page"),
    ("comment-counter", _rule(r"^((\d+|no)\s+)?comments?\s*(\(\d+\)|:\s*\d+)?$|^(leave|add|post|write) a (comment|reply)$|"
                              r"^(show|view|hide|load)( all)? comments?$|^(\d+\s+)?repl(y|ies)$|"
                              r"^(commentaires?|kommentare|comentarios)\s*(\(\d+\))?$"),
     "comment counter or comment-form label"),
    ("share", _rule(r"^((share|tweet|print|email|e-mail|mail|copy link|facebook|twitter|x|whatsapp|linkedin|pinterest|"
                    r"reddit|telegram|messenger|flipboard|partager|teilen|compartir|condividi)"
                    r"( (this|the) (article|story|post|page))?( on \w+)?[\s|·•,/]*)+$"),
     "share, print or e-mail button"),
    ("subscribe", _rule(r"^(subscribe|sign up|newsletter|get (our|the) .{0,40}newsletter|follow us( on .{0,40})?|"
                        r"join (us|our .{0,40})|download (our|the) app|get the app|abonnez-vous|abonnieren|suscríbete)"
                        r"\b.{0,100}$"),
     "subscription or follow prompt"),
    ("photo-credit", _rule(r"^\(?(photo|image|picture|photograph|pic|video|graphic|illustration|credit|foto|bild)s?"
                           r"( source| credit| courtesy| by)?\s*[:：|]\s*.{1,100}$|"
                           r"^.{0,60}\b(getty images|shutterstock|ap photo|afp photo|reuters photo|epa-efe|"
                           r"anadolu agency|via getty images)\)?$"),
     "photo caption credit"),
    ("cookie-banner", _rule(r"^.{0,200}\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|"
                            r"cookie (policy|settings|preferences)|manage (your )?consent)\b.{0,200}$"),
     "cookie banner"),
    ("footer", _rule(r"^(©|\(c\)\s|(copyright|all rights reserved|terms (of|and) (use|service|conditions)|"
                     r"privacy (policy|notice)|contact us|about us|advertise with us|site ?map)\b).{0,120}$"),
     "page footer"),
    ("advertisement", _rule(r"^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|"
                            r"publicité|anzeige|publicidad|pubblicità)$"),
     "advertising label"),
]

BYLINE = re.compile(r"^(?i:by|von|par|por|di)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
                    r"((,| and| &)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})*(\s*[,|–—-]\s*.{0,60})?$")
OUTLET_WORDS = re.compile(r"\b(media|news|press|times|post|group|network|agency|journal|daily|herald|tribune|gazette|"
                          r"chronicle|broadcasting|tv|radio|wire|observer|telegraph|magazine|monitor|review|"
                          r"report|today|online|presse|zeitung|diario|noticias)\b", re.I)
# "DEIR AL-BALAH, Gaza Strip –", "WASHINGTON (AP) —", "CAIRO, Jan 31 (Reuters) -"
DATELINE = re.compile(r"^(?P<dateline>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
                      r"(?:,\s+\w+\.?\s+\d{1,2})?(?:\s+\([A-Za-z. ]+\))?)\s+[–—-]{1,2}\s+(?=\S)")
GLUED_DATE = re.compile(r"^\s*(?:" + dates.DATE_LABEL + r")(?P<date>\d{4}-\d{2}-\d{2})\s+")
TERMINAL = tuple(".!?…:;\"'”’»)")
WORD = re.compile(r"\w+(?:['’]\w+)*")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
HAS_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 12
NAV_RUN_MIN = 3
ARCHIVE_REPEAT_MAX_WORDS = 8
WORD_COUNT_CAP = 40  # above every word limit here; counting stops there (a speed-up on long paragraphs)


@dataclass(frozen=True)
class CleanContext:
    """What cleaning learns from the whole archive: short lines and how many articles carry each."""

    short_line_counts: Mapping[str, int] = field(default_factory=dict)

    def seen_elsewhere(self, line: str) -> bool:
        return self.short_line_counts.get(_key(line), 0) >= 2


def archive_context(texts: Iterable[str]) -> CleanContext:
    """Count, once per article, every short line: page chrome repeats, article text does not."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({_key(line) for line in normalise_lines(text) if line and _is_short(line)})
    return CleanContext({line: n for line, n in counts.items() if n >= 2})


def normalise_line(line: str) -> str:
    """Unicode NFC, no invisible characters, one space between words."""
    if not line.isascii():  # ASCII is already NFC and has no invisible characters
        line = unicodedata.normalize("NFC", line)
        if HAS_INVISIBLE.search(line):
            line = line.translate(INVISIBLE)
    return " ".join(line.split())


def normalise_lines(text: str) -> list[str]:
    return [normalise_line(line) for line in text.split("\n")]


@dataclass
class _Line:
    number: int
    text: str
    removed_by: str | None = None
    reason: str = ""
    heading: bool = False

    def remove(self, rule: str, reason: str) -> None:
        self.removed_by, self.reason = rule, reason

    @property
    def kept(self) -> bool:
        return self.removed_by is None


def clean(doc: RawDocument, context: CleanContext | None = None,
          overrides: CleaningOverrides | None = None) -> CleanedArticle:
    """Clean one plain-text article. HTML is first reduced to such text by extract.py."""
    return clean_text(doc.article_id, doc.path, doc.text, context, overrides)


def clean_text(article_id: str, source, text: str, context: CleanContext | None = None,
               overrides: CleaningOverrides | None = None, metadata: Mapping[str, object] | None = None
               ) -> CleanedArticle:
    context = context or CleanContext()
    overrides = overrides or CleaningOverrides()
    meta: dict[str, object] = dict(metadata or {})
    lines = [_Line(n, t) for n, t in enumerate(normalise_lines(text), start=1) if t]

    _remove_phrase_boilerplate(lines)
    _remove_navigation_runs(lines)
    _lift_metadata_lines(lines, meta)
    _lift_title(lines, meta, context)
    _remove_archive_repeats(lines, context, meta.get("title"))
    first_body = next((line for line in lines if line.kept), None)
    if first_body is not None:
        _lift_glued_date_and_dateline(first_body, meta)
    _mark_headings(lines)
    _apply_overrides(lines, overrides)

    blocks = tuple(Block("heading" if line.heading else "paragraph", line.text, line.number)
                   for line in lines if line.kept and line.text)
    removals = tuple(Removal(line.number, line.text, line.removed_by or "", line.reason)
                     for line in lines if not line.kept)
    glued = tuple(meta.pop("_glued", ()))  # type: ignore[arg-type]
    return CleanedArticle(
        article_id=article_id,
        source=source,
        blocks=blocks,
        title=meta.get("title"),  # type: ignore[arg-type]
        date=meta.get("date"),  # type: ignore[arg-type]
        outlet=meta.get("outlet"),  # type: ignore[arg-type]
        dateline=meta.get("dateline"),  # type: ignore[arg-type]
        byline=meta.get("byline"),  # type: ignore[arg-type]
        url=meta.get("url"),  # type: ignore[arg-type]
        language=meta.get("language"),  # type: ignore[arg-type]
        removals=tuple(sorted(removals + glued, key=lambda r: r.line_no)),
    )


def _remove_phrase_boilerplate(lines: list[_Line]) -> None:
    for line in lines:
        stripped = line.text.strip("/|·•>»« ")
        for name, pattern, why in BOILERPLATE_RULES:
            if pattern.match(stripped):
                line.remove(name, why)
                break


def _remove_navigation_runs(lines: list[_Line]) -> None:
    """Three or more menu-like lines in a row are a menu, wherever they stand."""
    run: list[_Line] = []

    def close_run() -> None:
        if len(run) >= NAV_RUN_MIN:
            for item in run:
                item.remove("navigation", f"one of {len(run)} menu-like lines in a row")
        run.clear()

    for line in lines:
        if not line.kept:
            continue  # lines already removed neither extend nor break a run
        if _is_menu_like(line.text):
            run.append(line)
        else:
            close_run()
    close_run()


def _lift_metadata_lines(lines: list[_Line], meta: dict[str, object]) -> None:
    """Date, byline and outlet lines near the top become metadata."""
    kept_seen = 0
    for line in lines:
        if not line.kept:
            continue
        kept_seen += 1
        if kept_seen > 8:
            break
        found = dates.date_line(line.text)
        if found:
            meta.setdefault("date", found)
            line.remove("date-line", "publication date (lifted into metadata)")
        elif BYLINE.match(line.text) and _word_count(line.text) <= 12:
            meta.setdefault("byline", re.sub(r"^\w+\s+", "", line.text, count=1))
            line.remove("byline", "author line (lifted into metadata)")
        elif 1 < kept_seen <= 3 and _looks_like_outlet(line.text):
            meta.setdefault("outlet", line.text)
            line.remove("publisher-line", "publisher name (lifted into metadata)")


def _lift_title(lines: list[_Line], meta: dict[str, object], context: CleanContext) -> None:
    """The first kept line is the title if it reads like a headline; later copies of it go."""
    first = next((line for line in lines if line.kept), None)
    if first is None or "title" in meta and meta["title"]:
        title = meta.get("title")
    elif _is_headline_like(first.text):
        title = first.text
        meta["title"] = title
        first.remove("title", "headline (lifted into metadata)")
    else:
        title = None
    if not title:
        return
    key = _key(str(title))
    for line in lines:
        if line.kept and _key(line.text) == key:
            line.remove("repeated-headline", "the headline again")


def _remove_archive_repeats(lines: list[_Line], context: CleanContext, title: object) -> None:
    for line in lines:
        if (line.kept and _word_count(line.text) <= ARCHIVE_REPEAT_MAX_WORDS and context.seen_elsewhere(line.text)
                and not line.text.endswith(TERMINAL)):
            line.remove("repeated-across-archive", "short line that other articles of the archive carry too")


def _lift_glued_date_and_dateline(line: _Line, meta: dict[str, object]) -> None:
    glued = GLUED_DATE.match(line.text)
    if glued:
        meta.setdefault("date", dates.parse_date(glued.group("date")))
        meta.setdefault("_glued", []).append(  # type: ignore[union-attr]
            Removal(line.number, glued.group(0).strip(), "glued-date", "date glued to the first line (lifted)"))
        line.text = line.text[glued.end():]
    dateline = DATELINE.match(line.text)
    if dateline and _word_count(dateline.group("dateline")) <= 8:
        meta.setdefault("dateline", dateline.group("dateline"))
        meta.setdefault("_glued", []).append(  # type: ignore[union-attr]
            Removal(line.number, dateline.group(0).strip(), "dateline", "dateline (lifted into metadata)"))
        line.text = line.text[dateline.end():]


def _mark_headings(lines: list[_Line]) -> None:
    """Short lines inside the body that introduce what follows are subheadings, not boilerplate."""
    kept = [line for line in lines if line.kept]
    for i, line in enumerate(kept):
        if 0 < i < len(kept) - 1 and _is_heading(line.text, kept[i - 1].text, kept[i + 1].text):
            line.heading = True


def _apply_overrides(lines: list[_Line], overrides: CleaningOverrides) -> None:
    for line in lines:
        if not line.kept and any(_key(q) in _key(line.text) for q in overrides.keep):
            line.removed_by, line.reason = None, ""
        elif line.kept and any(_key(q) in _key(line.text) for q in overrides.drop):
            line.remove("override-drop", "dropped by the article's annotation (cleaning.drop)")


# --- evidence about one line -------------------------------------------------------------------------

def _word_count(text: str) -> int:
    """Words in text, counted up to WORD_COUNT_CAP: every rule compares with fewer, and paragraphs are long."""
    if len(text) > 400:  # words in a prefix are never more than in the whole: often enough to decide
        head = len(WORD.findall(text, 0, 400))
        if head >= WORD_COUNT_CAP:
            return WORD_COUNT_CAP
    return min(len(WORD.findall(text)), WORD_COUNT_CAP)


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _is_short(line: str) -> bool:
    return _word_count(line) <= ARCHIVE_REPEAT_MAX_WORDS


def _is_menu_like(text: str) -> bool:
    return len(text) <= 30 and 0 < _word_count(text) <= 3 and not text.endswith(TERMINAL) and not any(
        ch.isdigit() for ch in text[:1])


def _looks_like_outlet(text: str) -> bool:
    words = text.split()
    return (1 <= len(words) <= 6 and not text.endswith(TERMINAL) and OUTLET_WORDS.search(text) is not None
            and all(w[:1].isupper() or not w[:1].isalpha() for w in words))


def _is_headline_like(text: str) -> bool:
    return 2 <= _word_count(text) <= HEADLINE_MAX_WORDS and len(text) <= 200 and not text.endswith((":", ","))


def _content_stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in WORD.findall(text) if len(w) > 3}


def _is_heading(text: str, previous: str, following: str) -> bool:
    words = _word_count(text)
    if not 1 <= words <= HEADING_MAX_WORDS or len(text) > 90:
        return False
    if not text.endswith(TERMINAL):
        return text[:1].isupper() or text[:1].isdigit()
    if text[:1] in "“\"«" and text.endswith(("”", "\"", "»")):
        return words <= 10  # a pull quote standing alone
    if text.endswith(".") and text.count(".") == 1 and words <= 10:
        # a one-sentence summary of the paragraph that follows it, not a continuation of the one before
        stems = _content_stems(text)
        ahead, behind = len(stems & _content_stems(following)), len(stems & _content_stems(previous))
        return ahead >= 2 and ahead > behind
    return False
