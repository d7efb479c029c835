"""Rules about groups of lines: boxes a page sets around or inside an article.

A single line often cannot tell boilerplate from text, but the line before it can: the items under
a "Read more:" label are other articles' headlines. Each rule here takes the kept lines of an article
(their texts, and the phrase rule that already marked each, if any) and returns the indexes of the
lines it removes. They look only at a line and its neighbours, so they cost linear time.
"""

from __future__ import annotations

import re
from typing import Sequence

from generator.clean.linescore import SENTENCE_END
from generator.clean.lineshape import is_timestamp, word_count
from generator.clean.rules.dates import date_line
from generator.clean.rules.lift import BYLINE_MAX_WORDS
from generator.clean.rules.phrases import BYLINE

TEASER_LABELS = {"promo"}  # phrase rules whose line introduces a list of links to other pages
TEASER_MAX_WORDS = 25
TEASER_MAX_ITEMS = 12


INNER_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*\s")  # a headline is one sentence: none ends inside it


def is_teaser_item(text: str) -> bool:
    """A headline or a name linking elsewhere: one sentence at most, which may ask or exclaim ("We got her!")
    but does not end with a full stop, and does not introduce what follows."""
    first = text[:1]
    ends = SENTENCE_END.search(text)
    return (0 < word_count(text) <= TEASER_MAX_WORDS
            and (not ends or (ends.group(0)[0] in "?!" and not INNER_SENTENCE_END.search(text)))
            and not text.endswith((":", ",", ";")) and (first.isupper() or first.isdigit() or first in "\"'“‘«¿¡"))


def teasers_after_labels(texts: Sequence[str], rules: Sequence[str | None]) -> list[int]:
    """The lines under a promotion label ("Read more:", "Most popular") that read as headlines, and the
    one-sentence summaries ("deks") some lists print under each.

    The list ends at the first line that is neither. A sentence under a headline is a dek only where the
    line after it is the next headline, and only in a list of two deks or more: under an inline "Related:"
    link, the article's own next paragraph is no dek, nor is the paragraph after a list's last headline.
    """
    removed: list[int] = []
    i = 0
    while i < len(texts):
        if rules[i] not in TEASER_LABELS:
            i += 1
            continue
        headlines, deks = [], []
        i = _next_unmarked(rules, i + 1)
        while i < len(texts) and rules[i] is None and len(headlines) < TEASER_MAX_ITEMS and is_teaser_item(texts[i]):
            headlines.append(i)
            i = _next_unmarked(rules, i + 1)
            if i < len(texts) and rules[i] is None and is_dek(texts[i]):
                after = _next_unmarked(rules, i + 1)
                if after < len(texts) and rules[after] is None and is_teaser_item(texts[after]):
                    deks.append(i)
                    i = after
        if len(deks) < TEASER_MIN_DEKS:  # no list of deks: the list ends at its first sentence, as it always did
            headlines = [h for h in headlines if not deks or h < deks[0]]
            deks = []
        removed += headlines + deks
    return sorted(removed)


TEASER_MIN_DEKS = 2
DEK_MAX_CHARS = 400


def is_dek(text: str) -> bool:
    """A short paragraph that could summarise a linked article: one to a few sentences, ending as one."""
    return (len(text) <= DEK_MAX_CHARS and word_count(text) >= 5 and SENTENCE_END.search(text) is not None
            and not is_teaser_item(text))  # a headline that asks ("Why is the road closed?") is a headline


def _next_unmarked(rules: Sequence[str | None], start: int) -> int:
    """The next line no rule marked, or the next promotion label, from start (len(rules) if none): a line
    another rule took neither ends nor extends a list, but a second label ends it (its own list follows)."""
    i = start
    while i < len(rules) and rules[i] is not None and rules[i] not in TEASER_LABELS:
        i += 1
    return i


AUTHOR_BOX_REACH = 3   # an author box is among the last lines of the article ...
AUTHOR_BIO_REACH = 10  # ... or, a name line over "<...> is a reporter", among the last lines of the page
ARTICLE_BEFORE_BOX = 3  # ... and comes after at least this many lines of it
NAME_LINE = re.compile(r"^(?-i:[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|da|do|dos|van|von|der|del|la|le|di|bin|al)){1,4})$")
BIO_SENTENCE = re.compile(
    r"^(?=.{0,600}$)(\(?@\w+\)?|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}|(?:he|she|they|er|sie|il|elle|ele|ela|él|ella))"
    r"\s+(is|was|ist|war|est|était|é|foi|es|era|è)\s+(a|an|the|ein|eine|un|une|um|uma|una|il|lo|la|le|o)?\s*"
    r"([\w'’-]+\s+){0,6}?(reporter|writer|editor|journalist|correspondent|contributor|columnist|author|producer|"
    r"photographer|critic|analyst|blogger|freelancer|intern|fellow|redakteur\w*|journalist\w*|autor\w*|korrespondent\w*|"
    r"journaliste|rédact\w*|correspondant\w*|jornalista|repórter|redator\w*|colunista|periodista|redactor\w*|"
    r"corresponsal|giornalista|redattore|corrispondente|founder|co-founder|gründer\w*|fondat\w*|fundador\w*)\b"
    # the writer of a blog introducing themselves by name ("I'm Jane, ...", "Ich bin Anna und ...")
    r"|^(?:(?:hi|hallo|hey|salut|hola|ciao|olá)\W+)?(?:i am|i['’]m|my name is|ich bin|ich heiße|mein name ist|je suis|"
    r"je m['’]appelle|soy|me llamo|sou|eu sou|sono|mi chiamo|ik ben)\s+(?-i:[A-Z][\w'’.-]+)\s*(?:[,!]|\s(?:and|und|et|y|e|en)\s)",
    re.I)


ABOUT_AUTHOR_LABEL = re.compile(r"^(?i:about the authors?|about (him|her|them)|à propos de l'auteur(e)?|"
                                r"über (den autor|die autorin|die autoren)|zum autor|zur autorin|"
                                r"sobre (el autor|la autora|los autores|o autor|a autora|os autores)|sull'autore)\W*$")


def author_box_at_end(texts: Sequence[str]) -> list[int]:
    """An author box after the article: a paragraph that opens "<name> is a reporter ...", or a name on its own
    line and a paragraph about that person; with the short label ("About", "Author") above it. A name line
    over a "... is a reporter" paragraph is a box even a little further up: the page's links and blurb that
    follow it go with it, as does whatever follows an "About the author" label there."""
    for i in range(max(ARTICLE_BEFORE_BOX, len(texts) - AUTHOR_BIO_REACH), len(texts)):
        if ABOUT_AUTHOR_LABEL.match(texts[i]):
            return list(range(i, len(texts)))
    for i in range(max(ARTICLE_BEFORE_BOX, len(texts) - AUTHOR_BIO_REACH), len(texts)):
        if BIO_SENTENCE.match(texts[i]) and NAME_LINE.match(texts[i - 1]):
            return _with_label(texts, i - 1, len(texts))
    for i in range(max(ARTICLE_BEFORE_BOX, len(texts) - AUTHOR_BOX_REACH), len(texts)):
        text = texts[i]
        if BIO_SENTENCE.match(text):
            start = i - 1 if NAME_LINE.match(texts[i - 1]) else i
            return _with_label(texts, start, len(texts))
        if NAME_LINE.match(texts[i - 1]) and texts[i - 1] in text and not text.startswith(texts[i - 1]) \
                and i - 1 >= ARTICLE_BEFORE_BOX:
            return _with_label(texts, i - 1, len(texts))
    return []


def _with_label(texts: Sequence[str], start: int, end: int) -> list[int]:
    before = start - 1
    if before >= 0 and word_count(texts[before]) <= 3 and not SENTENCE_END.search(texts[before]) \
            and not texts[before].endswith(","):
        start = before
    return list(range(start, end))


CAPTION_MAX_WORDS = 25
GALLERY_CAPTION_MAX_WORDS = 35       # a gallery's captions tell each photo's story at more length
CAPTION_LABEL = "photo-credit"       # "Image caption": the caption is the line after it
CREDIT_LINE = "photographer-credit"  # "Jane Doe/Agency": the caption is the line before it
GALLERY_CONTROL = "gallery-control"  # "Hide Caption" under a gallery's photo: the caption is the line before it
CAPTION_TOGGLE = re.compile(r"^(?i:(hide|show|toggle|close|open) (the )?captions?)$")
# "Credit...", "©", "Photo": a bare label some pages print between the caption and the photographer's name
BARE_CREDIT_LABEL = re.compile(r"^(?i:(photo |image )?credits?\W*|©|\(c\)|(photo|image|foto)s?:?)$")


def captions_beside_credits(texts: Sequence[str], rules: Sequence[str | None]) -> list[int]:
    """A photo's caption: the line just after an "Image caption" label, or just before a credit that names
    the photographer ("Jane Doe/Agency"), or before the bare label ("Credit", "©", "Photo") that some pages
    print between caption and name, or before a gallery's "Hide Caption". Other labels ("Image copyright",
    "Photo: X") may stand before their photo, so the line before them is text. Only a line short enough for
    a caption, never one another rule took."""
    removed: list[int] = []
    for i, rule in enumerate(rules):
        longest = CAPTION_MAX_WORDS
        if rule == CAPTION_LABEL and "caption" in texts[i].casefold():
            j = i + 1
        elif rule == CREDIT_LINE:
            j = i - 2 if i >= 1 and BARE_CREDIT_LABEL.match(texts[i - 1]) else i - 1
        elif rule == GALLERY_CONTROL and CAPTION_TOGGLE.match(texts[i].strip(" /|·•>»«-–—")):
            j, longest = i - 1, GALLERY_CAPTION_MAX_WORDS
        else:
            continue
        if 0 <= j < len(texts) and rules[j] is None and 3 <= word_count(texts[j]) <= longest:
            removed.append(j)
    return removed


COMMENT_TIME_RULE = "comment-meta"  # phrase rule of a reader comment's posting time ("3 hours ago")
COMMENT_SECTION_MIN_POSTS = 2  # one relative time may be the article's own; two or more are a thread of posts
COMMENT_NAME_MAX_WORDS = 4     # the commenter's name, on its own line above the posting time
ARTICLE_BEFORE_COMMENTS = 60   # words of kept text the article has before its readers' comments


def comment_section(texts: Sequence[str], rules: Sequence[str | None]) -> list[int]:
    """The readers' comments under an article: from the first of several posting times ("3 hours ago",
    "vor 2 Stunden") to the end, with the commenter's name above it. The posts are prose, so only the
    posting times tell them from the article; an article must come before them."""
    posts = [i for i, rule in enumerate(rules) if rule == COMMENT_TIME_RULE]
    if len(posts) < COMMENT_SECTION_MIN_POSTS:
        return []
    start = posts[0]
    before = start - 1
    if (before >= 0 and rules[before] is None and word_count(texts[before]) <= COMMENT_NAME_MAX_WORDS
            and not SENTENCE_END.search(texts[before])):
        start = before
    if sum(word_count(text) for text, rule in zip(texts[:start], rules) if rule is None) < ARTICLE_BEFORE_COMMENTS:
        return []
    return [i for i in range(start, len(texts)) if rules[i] is None]


ARTICLE_BEFORE_NEXT = 150  # words of this article's prose before another article's headline may start
NEXT_BYLINE_REACH = 3      # the other article's byline and date are among the lines just under its headline


def next_article(texts: Sequence[str], rules: Sequence[str | None]) -> list[int]:
    """Another article under this one (a page that loads the next story as the reader scrolls): a headline
    with a byline and a date just under it ("By Jane Doe", "March 4, 2024"), after this article's text.
    From that headline on, nothing is this article's. An article's own headline, byline and date stand above
    its text, not after it; a heading with a byline alone (a box by another writer, a book in a list) is
    the article's."""
    kept = [i for i, rule in enumerate(rules) if rule is None]
    prose = 0
    for n, i in enumerate(kept):
        if prose >= ARTICLE_BEFORE_NEXT and is_teaser_item(texts[i]) and word_count(texts[i]) >= 3:
            header = [texts[k] for k in kept[n + 1:n + 1 + NEXT_BYLINE_REACH]]
            if any(BYLINE.match(text) and word_count(text) <= BYLINE_MAX_WORDS for text in header) and any(
                    date_line(text) or is_timestamp(text) for text in header):
                return kept[n:]
        if SENTENCE_END.search(texts[i]):
            prose += word_count(texts[i])
    return []
