"""Score each line of leftover-laden text as prose or page chrome, and find the article's run of lines.

A scraped page is a long column of lines: menus, teasers and footers around one
run of prose. Each line gets a score from evidence any language shows: its
length, how many of its words are stop words of the page's language (prose is
full of "the", "of", "und"; menus and names are not), sentence punctuation, and
whether the page repeats it (menus are printed twice) or other articles of the
archive carry it too (an outlet's chrome; only short lines count). Like Finn's Body Text
Extraction, the article is the run of consecutive lines with the highest total
score: a few short fragments inside prose (a linked name, a caption) cost less
than the prose around them earns, while menus and lists of headlines around the
article add up to a loss.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from generator.clean.address import reader_share
from generator.clean.fallback import best_scoring_run, line_language, widened, with_a_sentence
from generator.clean.runtail import without_furniture_tail

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END = re.compile(r"[.!?…。！？؟۔।]['\"”’»)]*$")  # with the Arabic question mark, Urdu full stop, danda
CLAUSE_MARK = re.compile(r"[,;:，、；،؛]")

# The languages whose stop words are looked for; justext ships the lists.
LANGUAGES = {"English": "en", "French": "fr", "German": "de", "Spanish": "es", "Portuguese": "pt", "Italian": "it",
             "Dutch": "nl", "Russian": "ru", "Ukrainian": "uk", "Polish": "pl", "Czech": "cs", "Swedish": "sv",
             "Danish": "da", "Norwegian_Bokmal": "no", "Finnish": "fi", "Turkish": "tr", "Romanian": "ro",
             "Hungarian": "hu", "Greek": "el", "Indonesian": "id", "Arabic": "ar", "Persian": "fa",
             "Hebrew": "he", "Vietnamese": "vi", "Catalan": "ca", "Croatian": "hr", "Bulgarian": "bg"}
LINE_CACHE = 2048  # answers about one line kept (here, clean/lineshape.py, clean/rules/phrases.py): the rules ask about the same
# line several times, the second pass asks again, and boilerplate lines recur across an archive's articles
MIN_LANGUAGE_SHARE = 0.08  # below this share of stop words the page's language is not one we know

BLOCKED_COST = 1.0     # a line a phrase rule removes anyway: it hardly tells where the article ends
LINE_COST = 4.0        # what a line break costs: a line must carry this many words of prose to pay its way
PROSE_STOP_SHARE = 0.2  # a line with this share of stop words reads like running text
REPEAT_PENALTY = 3.0   # extra cost of a short line the page prints twice, or other articles print too (menus)
REPEAT_MAX_WORDS = 12
END_OF_ARTICLE = {"comment-counter", "footer"}  # phrase rules of lines that close an article
END_COST = 1e6           # crossing such a line: the article does not run past it
PROSE_BEFORE_END = 60.0  # ... and how much prose must come before it for it to close the article
ARTICLE_BEFORE_COMMENTS = 150.0  # prose of a run before the article's end that is a whole article
AFTER_END_WEIGHT = 0.3   # share of its score a line of prose keeps after the article closed
CONTINUATION_COST = 1.0  # what a line costs that goes on with the sentence of the line before it
LABEL_WEIGHT = 0.25    # share of its words a standalone line without a sentence end earns
LINK_MAX_UNITS = 12    # words of a link's text inside a sentence (inside_sentence): a name, a title
CONTINUATION_MARKS = tuple(",.;:!?()]’”%،؛")  # not dashes: "- item" starts a list entry; "(" after words that
# stop mid-sentence opens an aside inside it ("the Harbour Board (HB) said"), as a link prints it
# A line runs into a next line that continues it unless it closes with one of these (asking for an open end
# instead, a comma or a lower-case word, loses recall on sites the rules were not tuned on).
CLOSING_MARKS = frozenset("!#$%&’”…")


@dataclass(frozen=True)
class LineScore:
    """The evidence about one line and the score it adds to a run of lines."""

    units: float       # words, with CJK characters counted as half a word each
    stop_share: float  # share of words that are stop words of the page's language (0 when unknown)
    score: float


@dataclass(frozen=True)
class MainRun:
    """The article's run of lines (indexes into the scored list, end exclusive) and every line's score."""

    start: int
    end: int
    scores: tuple[LineScore, ...]
    language: str | None


def find_main_run(lines: Sequence[str], rules: Sequence[str | None] = (), blocks: Sequence[bool] = (),
                  elsewhere: Sequence[bool] = (), headline: int = 0) -> MainRun:
    """The best-scoring run of consecutive lines.

    rules[i] names the phrase rule that already marked line i as boilerplate (None if none did);
    such lines always cost. blocks[i] says line i is in the same block as the line before (same_block);
    elsewhere[i] that other articles of the archive carry it (CleanContext.seen_elsewhere). A footer or
    comment-section heading that comes after a good deal of prose ends the article: prose after it (readers'
    comments, legal text) counts for little. The prose before it is counted from the line at index headline
    (the article's headline printed above its text, clean/lineshape.py printed_headline): a cookie notice
    or a teaser above the headline is no article that a comment counter under the headline could end.
    """
    rules = list(rules) or [None] * len(lines)
    language = _language_name(lines)
    keys = [_key(line) for line in lines]
    counts = Counter(keys)
    cells = table_cells(lines, rules)
    plain: list[LineScore] = []
    for i, line in enumerate(lines):
        repeated = counts[keys[i]] > 1 or bool(elsewhere and elsewhere[i])
        scored = _scored(line, language, repeated, rules[i] is not None, _joined(lines, i, blocks),
                         runs_on(lines, i, blocks))
        if cells[i] and rules[i] is None:
            scored = LineScore(scored.units, scored.stop_share, 0.0)
        plain.append(scored)
    after = _prose_after(plain)
    scores: list[LineScore] = []
    prose, article, ended = 0.0, 0.0, False
    running = best_run = 0.0  # the best run of lines from the headline on, so far (Kadane, as best_scoring_run)
    for i, scored in enumerate(plain):
        if _closes(rules[i], article, best_run, after[i]):
            scored = LineScore(scored.units, scored.stop_share, -END_COST)
            ended = True
        elif ended and scored.score > 0:
            scored = LineScore(scored.units, scored.stop_share, round(scored.score * AFTER_END_WEIGHT, 2))
        prose += max(0.0, scored.score)
        if i >= headline:
            article += max(0.0, scored.score)
            running = 0.0 if ends_the_article(scored.score) else max(0.0, running + scored.score)
            best_run = max(best_run, running)
        scores.append(scored)
    values = tuple(s.score for s in scores)
    start, end = widened(values, *_best_run_before_the_end(values), prose, headline, -END_COST)  # clean/fallback.py
    end = without_furniture_tail(values, lambda i: values[i] < 0 and not SENTENCE_END.search(lines[i]),
                                 cells.__getitem__, start, end)  # clean/runtail.py
    start, end = with_a_sentence(lines, values, SENTENCE_END, -END_COST, start, end)  # clean/fallback.py
    return MainRun(start, end, tuple(scores), LANGUAGES[language] if language else None)


def _prose_after(scores: Sequence[LineScore]) -> list[float]:
    """For each line, the prose (positive scores) of the lines after it."""
    after, total = [0.0] * len(scores), 0.0
    for i in range(len(scores) - 1, -1, -1):
        after[i] = total
        total += max(0.0, scores[i].score)
    return after


def _closes(rule: str | None, before: float, run_before: float, after: float) -> bool:
    """Whether a line the rule marked ends the article; before: the prose above it (from the headline on),
    run_before: the best run of lines among it, after: the prose below it. A comment-section heading does
    once a whole run of prose came before it (the comments after it may be longer than the article), not
    prose scattered over teasers and notices. A copyright line does only when less prose follows it than
    came before: with more after it, it is a picture's credit inside the article, not the page's footer."""
    if rule not in END_OF_ARTICLE:
        return False
    if rule != "footer":
        return run_before >= PROSE_BEFORE_END
    return before >= PROSE_BEFORE_END and after < before


@lru_cache(maxsize=LINE_CACHE)
def _line_facts(line: str) -> tuple[int, int, int, tuple[str, ...]]:
    """What scoring and the language guess need of a line, found once: the same line recurs (a second pass,
    boilerplate on many pages). Its number of words; of words without CJK characters (stop words are looked
    for among those); of CJK characters; and those of its words that are a stop word of some language,
    case-folded. Counting them for each language is left to the page (_language_name), which counts each
    distinct word once: a common word is a stop word of dozens of languages."""
    words = WORD.findall(line)
    cjk = len(CJK.findall(line))
    spaced = [w for w in words if not CJK.search(w)] if cjk else words
    languages_of = _languages_by_stop_word()
    return len(words), len(spaced), cjk, tuple(w for w in map(str.casefold, spaced) if w in languages_of)


def stop_count(line: str, language: str | None) -> int:
    """How many of the line's words are stop words of the language (by its name in LANGUAGES)."""
    return 0 if language is None else sum(map(_stop_words(language).__contains__, _line_facts(line)[3]))


@lru_cache(maxsize=LINE_CACHE)
def _scored(line: str, language: str | None, repeated: bool, blocked: bool, joined: bool,
            continuation: bool) -> LineScore:
    """How much a line looks like running text, minus what a line costs; language: the page's, by its name
    in LANGUAGES (its stop words are counted, or a long line's own language's: clean/fallback.py). joined says the line is part of a sentence that runs on from or into its neighbours; a line that
    neither ends a sentence nor joins one is a label (a headline, a menu entry, a teaser) and earns little.
    continuation says it goes on with the sentence the line before began: that sentence paid for its line
    already (a link or an emphasis split it, not the writer).
    """
    words, spaced, cjk, stops = _line_facts(line)
    language = line_language(stops, spaced, language, _languages_by_stop_word(), PROSE_STOP_SHARE)
    scored = _score(line, words, spaced, cjk, stop_count(line, language), language is not None, repeated, blocked,
                    joined, continuation)
    share = reader_share(line, LANGUAGES[language]) if scored.score > 0 and language else 1.0  # clean/address.py
    return scored if share == 1.0 else LineScore(scored.units, scored.stop_share, round(scored.score * share, 2))


def _score(line: str, words: int, spaced: int, cjk: int, stops: int, known_language: bool, repeated: bool,
           blocked: bool, joined: bool, continuation: bool) -> LineScore:
    units = words + cjk / 2
    share = stops / spaced if spaced else 0.0
    if blocked:
        return LineScore(units, share, -BLOCKED_COST)
    if cjk >= words:  # a CJK line: punctuation, not stop words, tells prose from a label
        weight = 1.0 if CLAUSE_MARK.search(line) or SENTENCE_END.search(line) else 0.4
    elif not known_language:
        weight = 0.8 if SENTENCE_END.search(line) else 0.4
    else:
        weight = min(1.0, share / PROSE_STOP_SHARE) if spaced >= 3 else 0.3
    ends = SENTENCE_END.search(line) is not None
    if not ends and not joined:
        weight *= LABEL_WEIGHT
    gain = units * weight + (1.0 if ends else 0.0)
    if continuation:
        cost = CONTINUATION_COST
    else:
        cost = LINE_COST + (REPEAT_PENALTY if repeated and units <= REPEAT_MAX_WORDS else 0.0)
    return LineScore(units, share, round(gain - cost, 2))


TABLE_MIN_CELLS = 12     # a data table flattened one cell per line: at least this many cells in a row ...
TABLE_NUMBER_SHARE = 0.4  # ... this share of them numbers
TABLE_CELL_MAX_WORDS = 5
NUMBER_CELL = re.compile(r"^[-+–(]?[$€£]?\d[\d.,:/%'’ ]*[%)]?$")


def table_cells(lines: Sequence[str], rules: Sequence[str | None]) -> list[bool]:
    """Lines that are cells of a data table flattened one cell per line (scores, results, prices).

    Each cell alone looks like chrome (a number, a name), but a long run of short cells, many of them
    numbers, is a table: it costs nothing in the run search, so prose on both sides of it joins up.
    """
    flags = [False] * len(lines)
    start = 0
    for end in range(len(lines) + 1):
        is_cell = end < len(lines) and (rules[end] is not None or (
            len(lines[end]) <= 40 and _line_facts(lines[end])[0] <= TABLE_CELL_MAX_WORDS
            and not SENTENCE_END.search(lines[end].rstrip(".") or "")))
        if is_cell:
            continue
        run = range(start, end)
        numbers = sum(1 for i in run if NUMBER_CELL.match(lines[i]))
        if len(run) >= TABLE_MIN_CELLS and numbers >= TABLE_NUMBER_SHARE * len(run):
            for i in run:
                flags[i] = True
        start = end + 1
    return flags


def _joined(lines: Sequence[str], i: int, blocks: Sequence[bool] = ()) -> bool:
    """True when line i runs on from the line before it or into the line after it (a split sentence)."""
    line = lines[i]
    if runs_on(lines, i, blocks):
        return True
    return i + 1 < len(lines) and (
        (line[-1:] not in CLOSING_MARKS and continues(lines[i + 1])) or inside_sentence(lines, i + 1))


def runs_on(lines: Sequence[str], i: int, blocks: Sequence[bool] = ()) -> bool:
    """True when line i goes on with an unfinished sentence of the line before: it starts in lower case or
    with punctuation, or no blank line parts it from that line (blocks), or it is a link's words inside
    that sentence (inside_sentence); a link or an emphasis split that sentence, which paid for its line."""
    return (i > 0 and not SENTENCE_END.search(lines[i - 1])
            and (continues(lines[i]) or (bool(blocks) and blocks[i]) or inside_sentence(lines, i)))


def inside_sentence(lines: Sequence[str], i: int) -> bool:
    """True when line i is a link's text in the middle of a sentence: the line before stops without ending
    it and the line after goes on with it (", said the minister", ". Then"). A name or a title starts in
    upper case, so its own first letter does not tell; the lines around it do, in any script."""
    return (0 < i < len(lines) - 1 and continues(lines[i + 1]) and not SENTENCE_END.search(lines[i - 1])
            and not SENTENCE_END.search(lines[i]) and _line_facts(lines[i])[0] <= LINK_MAX_UNITS)


BLOCK_SHARE = 0.5  # at most this share of a text's lines follow the line before with no blank line between ...


def same_block(numbers: Sequence[int]) -> list[bool]:
    """For each non-blank line (by its line number in the text), whether it follows the line before with no
    blank line between, in a text that parts its blocks with blank lines (... BLOCK_SHARE): there, two such
    lines are one paragraph that a link or an emphasis split, as a page's text is printed (a name linked
    mid-sentence comes on a line of its own, capitalised). A text that hardly ever leaves a blank line
    (markup without line breaks, turned into text) tells nothing: all False."""
    adjacent = [False] + [later == earlier + 1 for earlier, later in zip(numbers, numbers[1:])]
    return adjacent if sum(adjacent) <= BLOCK_SHARE * (len(numbers) - 1) else [False] * len(numbers)


def continues(line: str) -> bool:
    """Starts in lower case or with punctuation: the rest of a sentence split by a link or an emphasis."""
    first = line[:1]
    return (first.isalpha() and first.islower()) or line.startswith(CONTINUATION_MARKS)


def detect_language(lines: Sequence[str]) -> tuple[str | None, frozenset[str]]:
    """The language whose stop words the text uses most, if it uses enough of them."""
    name = _language_name(lines)
    return (LANGUAGES[name], _stop_words(name)) if name else (None, frozenset())


def _language_name(lines: Sequence[str]) -> str | None:
    """detect_language's answer as its name in LANGUAGES (None if the text's language is not one we know)."""
    total = 0
    found: Counter[str] = Counter()
    for line in lines:
        _, words, _, stop_words = _line_facts(line)
        total += words
        found.update(stop_words)
    hits = dict.fromkeys(LANGUAGES, 0)
    languages_of = _languages_by_stop_word()
    for word, count in found.items():
        for name in languages_of[word]:
            hits[name] += count
    if not total:
        return None
    best, best_hits = None, 0
    for name in LANGUAGES:  # in the table's order, so a tie goes to the language listed first
        if hits[name] > best_hits:
            best, best_hits = name, hits[name]
    if best is None or best_hits / total < MIN_LANGUAGE_SHARE:
        return None
    return best


@lru_cache(maxsize=None)
def _languages_by_stop_word() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name in LANGUAGES:
        for word in _stop_words(name):
            table.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in table.items()}


@lru_cache(maxsize=None)
def _stop_words(name: str) -> frozenset[str]:
    import justext

    return frozenset(w.casefold() for w in justext.get_stoplist(name))


def _best_run_before_the_end(values: Sequence[float]) -> tuple[int, int]:
    """The best run; among the lines before the first line that ends the article when a run there holds
    a whole article's prose: readers' comments after it may add up to more."""
    first_end = next((i for i, v in enumerate(values) if ends_the_article(v)), len(values))
    if first_end < len(values):
        start, end = best_scoring_run(values[:first_end])
        if sum(values[start:end]) >= ARTICLE_BEFORE_COMMENTS:
            return start, end
    return best_scoring_run(values)


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def load_stop_words() -> None:
    """Read every language's stop words now: process-pool workers forked after this share the tables."""
    _languages_by_stop_word()


def ends_the_article(score: float) -> bool:
    """True for the score of a line the article does not run past (a comment section, the next article)."""
    return score <= -END_COST
