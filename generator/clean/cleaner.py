"""Remove the page leftovers a scraper left in an article and lift its metadata.

The decisions are line by line, from evidence in the line and its neighbours:
known boilerplate phrasings (several languages), shape (length, punctuation,
position), runs of menu-like lines, and repetition across the archive. The
phrase rules are data (BOILERPLATE_RULES); the structural rules are the
functions below; the lines that are metadata (date, byline, outlet, headline)
are lifted by clean/rules/lift.py. Every removed line is kept in the article's removal
record with the rule that removed it, so a reader can audit the cleaner.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Mapping, Sequence

from generator.clean.context import CleanContext, Line, normalise_lines
from generator.clean.html.extract import Extracted, extract
from generator.clean.linescore import detect_language, find_main_run, same_block
from generator.clean.lineshape import (holds_words, is_heading, is_timestamp, line_key, printed_headline,
                                       title_headlines, word_count)
from generator.clean.rules.lift import (BYLINE_MAX_WORDS, BYLINE_WORD, lift_glued_date_and_dateline,
                                        lift_metadata_lines, lift_title)
from generator.clean.rules.phrases import BYLINE, phrase_rule
from generator.clean.rules.sections import (author_box_at_end, captions_beside_credits, comment_section,
                                            is_teaser_item, next_article, teasers_after_labels)
from generator.clean.rules.splits import (JOINED, join_split_sentences, remove_navigation_runs,
                                          split_sentence_lines)
from generator.core.model import Block, CleanedArticle, CleaningOverrides, RawDocument, Removal

HEAD_WINDOW = 8  # lines before the prose run searched for headline, byline and date
ABOVE_BYLINE_MAX_LINES = 3  # a standfirst and a lead photo's caption fit above a byline or date; more is text
ABOVE_BYLINE_MAX_WORDS = 39  # ... each shorter than a paragraph (word_count stops counting at 40)
BELOW_BYLINE_MIN_LINES = 3  # the byline opens the article only when this many kept lines follow it
HEAD_PROSE_SCORE = 10.0  # ... but the first line above it, scoring this much as prose, is the article's lead
LEAD_IN_PROSE_WORDS = 10  # the lead-in line right above the prose run that holds this many words stays


def clean(doc: RawDocument, context: CleanContext | None = None,
          overrides: CleaningOverrides | None = None, extracted: Extracted | None = None) -> CleanedArticle:
    """Clean one article. A web page is first reduced to its article text and metadata by clean/html/extract.py;
    extracted is that reduction when the caller has it already (extract_page), so it is not done twice."""
    if doc.kind == "html":
        page = extracted if extracted is not None else extract(doc.content())
        brought_back: frozenset[tuple[str, str]] = frozenset()
        if overrides is not None and overrides.keep:
            page, used = with_kept_passages(page, overrides.keep)
            brought_back = frozenset(("keep", quote) for quote in used)
        metadata = dict(page.metadata)
        if not metadata.get("language"):  # the page did not say: the stop words of its text do
            metadata["language"] = detect_language(page.text.split("\n"))[0]
        article = clean_text(doc.article_id, doc.path, page.text, context, overrides, metadata, from_page=True)
        return replace(_on_page_lines(article, page), overrides_used=article.overrides_used | brought_back)
    return clean_text(doc.article_id, doc.path, doc.content(), context, overrides)


def with_kept_passages(page: Extracted, keep: Sequence[str]) -> tuple[Extracted, tuple[str, ...]]:
    """The page's article text with the passages the extractor left out that the annotation keeps (cleaning.keep),
    each put back as a paragraph where it stands on the page (after the last line of the text above it): keep
    brings back what the extractor took out as it does what a text rule took out. Also the keep values that
    brought something back (the others are reported if nothing else uses them)."""
    used = tuple(q for q in keep if any(holds_words(r.text, q) for r in page.left_out))
    back = [r for r in page.left_out if any(holds_words(r.text, q) for q in used)]
    if not back:
        return page, used
    lines = page.text.split("\n")
    sources = list(page.source_lines) if len(page.source_lines) == len(lines) else [0] * len(lines)
    for removal in back:  # in page order: each goes below the text that stands above it
        at = max((i + 1 for i, line_no in enumerate(sources) if line_no <= removal.line_no), default=0)
        lines.insert(at, removal.text)
        sources.insert(at, removal.line_no)
    return replace(page, text="\n".join(lines), source_lines=tuple(sources),
                   left_out=tuple(r for r in page.left_out if r not in back)), used


def _on_page_lines(article: CleanedArticle, page: Extracted) -> CleanedArticle:
    """The record of a page in the line numbers of its HTML file, with what the extractor left out beside what
    the text rules removed: the rules number the lines of the extracted text, which a reader cannot open."""
    def line(number: int) -> int:  # an Extracted made without source lines keeps the text's numbering
        return page.source_lines[number - 1] if 0 < number <= len(page.source_lines) else number

    blocks = tuple(replace(b, source_line=line(b.source_line)) for b in article.blocks)
    removals = page.left_out + tuple(replace(r, line_no=line(r.line_no)) for r in article.removals)
    return replace(article, blocks=blocks, removals=tuple(sorted(removals, key=lambda r: r.line_no)))


def extract_page(doc: RawDocument) -> Extracted | None:
    """What clean/html/extract.py makes of a web page (None for a text source). It is the costly part of cleaning a
    page and both source_text() and clean() need it: a caller with both extracts once and passes it on."""
    return extract(doc.content()) if doc.kind == "html" else None


def source_text(doc: RawDocument, extracted: Extracted | None = None) -> str:
    """The text the leftover rules see: the file itself, or the article text extracted from a page
    (extracted, when the caller has it already)."""
    if doc.kind != "html":
        return doc.content()
    return (extracted if extracted is not None else extract(doc.content())).text


MAX_PASSES = 3


def clean_text(article_id: str, source: Path, text: str, context: CleanContext | None = None,
               overrides: CleaningOverrides | None = None, metadata: Mapping[str, object] | None = None,
               from_page: bool = False) -> CleanedArticle:
    """Clean leftover-laden text; from_page says an extractor already used the page's structure.

    Cleaning cleaned text must change nothing. One pass does not always get there (a line joined or
    a lead-in dropped changes how the rest scores), so text is cleaned again, as title and body,
    until a pass changes nothing (one more pass on real pages; at most MAX_PASSES).
    """
    article = _clean_pass(article_id, source, text, context, overrides, metadata, from_page)
    if from_page:
        return article  # the page's structure decided; text rules on the extracted text are the last word
    for _ in range(MAX_PASSES - 1):
        again_text, origin = as_text(article)
        again = _clean_pass(article_id, source, again_text, context, overrides)
        if again.body == article.body and again.title == article.title:
            break
        article = _merged(article, again, origin)
    return article


def as_text(article: CleanedArticle) -> tuple[str, dict[int, int]]:
    """The article as plain text (title, blank line, blocks), and each line's line in the source."""
    lines: list[str] = []
    origin: dict[int, int] = {}
    if article.title:
        title_line = next((r.line_no for r in article.removals if r.rule == "title"), 0)
        lines += [article.title, ""]
        origin[1] = title_line
    for block in article.blocks:
        lines += [block.text, ""]
        origin[len(lines) - 1] = block.source_line
    return "\n".join(lines), origin


def _merged(first: CleanedArticle, again: CleanedArticle, origin: dict[int, int]) -> CleanedArticle:
    """A later pass's text, with line numbers and metadata traced back to the source."""
    blocks = tuple(replace(b, source_line=origin.get(b.source_line, b.source_line)) for b in again.blocks)
    removals = first.removals + tuple(
        replace(r, line_no=origin.get(r.line_no, r.line_no)) for r in again.removals
        if not (r.rule == "title" and r.text == first.title))
    return replace(again, blocks=blocks, removals=tuple(sorted(removals, key=lambda r: r.line_no)),
                   overrides_used=first.overrides_used | again.overrides_used,
                   **{name: getattr(again, name) or getattr(first, name)
                      for name in ("date", "outlet", "dateline", "byline", "url", "language")})


def _clean_pass(article_id: str, source: Path, text: str, context: CleanContext | None = None,
                overrides: CleaningOverrides | None = None, metadata: Mapping[str, object] | None = None,
                from_page: bool = False) -> CleanedArticle:
    context = context or CleanContext()
    overrides = overrides or CleaningOverrides()
    meta: dict[str, object] = dict(metadata or {})
    lines = [Line(n, t) for n, t in enumerate(normalise_lines(text), start=1) if t]

    _remove_phrase_boilerplate(lines)
    _remove_teaser_lists(lines)
    run_start = 0  # where the prose run starts; a page's text has no lead-in to measure, all of it is the run
    in_sentence: frozenset[int] = frozenset()  # numbers of lines that are pieces of one sentence broken by links
    if not from_page:  # on a page, the markup already told menus from lists better than line shape can
        in_sentence = split_sentence_lines(lines)
        remove_navigation_runs(lines, in_sentence)
        run_start = _remove_outside_main_run(lines, meta, context)
    _remove_comment_section(lines)  # after the prose run: the words before the posts are the article's
    _remove_next_article(lines)
    _remove_author_box(lines)
    lift_metadata_lines(lines, meta)
    lift_title(lines, meta, run_start)
    _remove_page_title_copies(lines)
    _remove_timestamps(lines)
    _remove_captions(lines)  # after the metadata: a date line above a credit is the page's date
    _remove_head(lines, run_start)  # nothing before run_start 0: a no-op on a page
    _remove_head_above_byline(lines)  # after the lead-in went: what is left above the byline is the head
    first_body = next((line for line in lines if line.kept), None)
    if first_body is not None:
        lift_glued_date_and_dateline(first_body, meta)
    if not from_page:
        join_split_sentences(lines, in_sentence)
    _mark_headings(lines)
    overrides_used = _apply_overrides(lines, overrides)

    blocks = tuple(Block("heading" if line.heading else "paragraph", line.text, line.number)
                   for line in lines if line.kept and line.text)
    removals = tuple(Removal(line.number, line.text, line.removed_by or "", line.reason, line.score)
                     for line in lines if not line.kept and line.removed_by != JOINED)
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
        overrides_used=overrides_used,
    )


def _remove_phrase_boilerplate(lines: list[Line]) -> None:
    for line in lines:
        found = phrase_rule(line.text)
        if found:
            line.remove(*found)


def _remove_teaser_lists(lines: list[Line]) -> None:
    """The headlines listed under a "Read more:" or "Related stories" label link to other articles."""
    for i in teasers_after_labels([line.text for line in lines], [line.removed_by for line in lines]):
        lines[i].remove("teaser", "headline listed under a promotion label" if is_teaser_item(lines[i].text)
                        else "summary of a headline listed under a promotion label")


def _remove_comment_section(lines: list[Line]) -> None:
    """Readers' posts under the article, found by their posting times, are not the article."""
    for i in comment_section([line.text for line in lines], [line.removed_by for line in lines]):
        lines[i].remove("comment-section", "a reader's post, under the article's comment section")


def _remove_next_article(lines: list[Line]) -> None:
    """A second article loaded under this one is not this one."""
    for i in next_article([line.text for line in lines], [line.removed_by for line in lines]):
        lines[i].remove("next-article", "another article (its headline, byline and date), after this one's text")


def _remove_captions(lines: list[Line]) -> None:
    """A photo's caption stands beside its credit line."""
    for i in captions_beside_credits([line.text for line in lines], [line.removed_by for line in lines]):
        lines[i].remove("caption", "photo caption beside its credit")


def _remove_outside_main_run(lines: list[Line], meta: dict[str, object], context: CleanContext) -> int:
    """Keep the best-scoring run of lines (clean/linescore.py) and the few lines that lead into it.

    The lead-in (headline, byline, date) is left for the metadata rules and removed after them
    (_remove_head). Returns the index where the run starts.
    """
    texts = [line.text for line in lines]
    run = find_main_run(texts, [line.removed_by for line in lines], same_block([line.number for line in lines]),
                        context.seen_elsewhere(texts), printed_headline(texts))
    if run.language:
        meta.setdefault("language", run.language)
    if run.end == 0:
        return 0  # no prose at all: nothing to measure the lines against
    for line, scored in zip(lines, run.scores):
        line.score = scored.score
    lead_in = [i for i in range(run.start) if lines[i].kept][-HEAD_WINDOW:]
    first = lead_in[0] if lead_in else run.start
    for i, line in enumerate(lines):
        if line.kept and (i < first or i >= run.end):
            where = "before" if i < first else "after"
            line.remove("outside-main-text", f"{where} the article's run of prose (lines {lines[run.start].number}"
                        f"-{lines[run.end - 1].number})")
    return run.start


def _remove_author_box(lines: list[Line]) -> None:
    """A box about the writer after the article is the page's, not the article's."""
    kept = [line for line in lines if line.kept]
    for i in author_box_at_end([line.text for line in kept]):
        kept[i].remove("author-box", "about the author, after the article")


def _remove_head_above_byline(lines: list[Line]) -> None:
    """The byline, date or posting time opens the article's text: the few short lines kept above it are the
    page's head (a label under the headline, the lead photo's caption), not the article. The first of them,
    right under the headline, stays when the run search scored it as a sentence or more of prose: that is
    the article's lead (a standfirst); a caption stands by the photo, next to the byline."""
    above: list[Line] = []
    for index, line in enumerate(lines):
        if line.kept:
            if len(above) == ABOVE_BYLINE_MAX_LINES or word_count(line.text) > ABOVE_BYLINE_MAX_WORDS:
                return
            above.append(line)
        elif above and _opens_article(line):
            if sum(1 for later in lines[index + 1:] if later.kept) >= BELOW_BYLINE_MIN_LINES:
                for head in above[1:] if above[0].score is not None and above[0].score >= HEAD_PROSE_SCORE else above:
                    head.remove("page-head", "standfirst or caption above the byline, date or posting time")
            return


BYLINE_RULES = frozenset({"byline", "date-line", "timestamp", "publisher-line"})


def _opens_article(line: Line) -> bool:
    """A removed line that said who wrote the article or when: a byline ("By" alone too, its linked name on the
    next line), a date, a posting time, the publisher."""
    return line.removed_by in BYLINE_RULES or BYLINE_WORD.match(line.text) is not None or (
        BYLINE.match(line.text) is not None and word_count(line.text) <= BYLINE_MAX_WORDS)


def _remove_timestamps(lines: list[Line]) -> None:
    """A line that only says when the page was posted or updated is the page's, wherever it stands."""
    for line in lines:
        if line.kept and is_timestamp(line.text):
            line.remove("timestamp", "publication or update time")


def _remove_head(lines: list[Line], run_start: int) -> None:
    """The lead-in left after the metadata went is the page's head; but its last line, right above the run,
    stays when it holds a sentence's words: the article's first line, which scored low alone (a link broke
    its sentence off), not a label."""
    before = [line for line in lines[:run_start] if line.kept]
    for line in before:
        if line is not before[-1] or word_count(line.text) < LEAD_IN_PROSE_WORDS:
            line.remove("outside-main-text", "lead-in line before the article's run of prose")


def _remove_page_title_copies(lines: list[Line]) -> None:
    """Text taken from a page opens with the page's title, "Headline - Site": a later line that is the headline
    alone (without the site's name) is the headline printed above the article, not its text."""
    if not lines:
        return
    headlines = title_headlines(lines[0].text)
    if not headlines:
        return
    for line in lines[1:]:
        if line.kept and line_key(line.text) in headlines:
            line.remove("repeated-headline", "the headline of the page's title again")


def _mark_headings(lines: list[Line]) -> None:
    """Short lines inside the body that introduce what follows are subheadings, not boilerplate."""
    kept = [line for line in lines if line.kept]
    for i, line in enumerate(kept):
        if 0 < i < len(kept) - 1 and is_heading(line.text, kept[i - 1].text, kept[i + 1].text):
            line.heading = True


def _apply_overrides(lines: list[Line], overrides: CleaningOverrides) -> frozenset[tuple[str, str]]:
    """Keep the removed lines and drop the kept lines that hold a value's words. Returns the ("keep" or
    "drop", value) pairs that changed a line: a value that changed none is a typo, or asks for what the
    cleaner does anyway, and validate says so (annotate/overrides.py)."""
    used: set[tuple[str, str]] = set()
    for line in lines:
        if not line.kept and line.removed_by != JOINED:
            found = [("keep", q) for q in overrides.keep if holds_words(line.text, q)]
            if found:
                line.removed_by, line.reason = None, ""
        elif line.kept:
            found = [("drop", q) for q in overrides.drop if holds_words(line.text, q)]
            if found:
                line.remove("override-drop", "dropped by the article's annotation (cleaning.drop)")
        else:
            found = []
        used.update(found)
    return frozenset(used)
