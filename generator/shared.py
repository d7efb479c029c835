"""Find passages that two articles share verbatim or nearly: rewrites of one wire story.

Each sentence becomes a set of word 3-gram shingles (lowercased words; quotes
and dashes are not words). An inverted index from shingle to sentences gives the
candidate sentence pairs in one pass; a shingle found in more than MAX_POSTING
sentences is a common phrase ("the united nations") and is skipped, so the work
stays linear in the size of the archive rather than quadratic in its articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .model import Article, Related, SharedPassage, Span
from .sentences import sentence_spans

SHINGLE_WORDS = 3
MIN_SHARED_SHINGLES = 4  # a sentence pair must share at least this many 3-grams ...
MIN_CONTAINMENT = 0.3  # ... covering this share of the shorter sentence's 3-grams
MIN_PASSAGES = 2  # two articles are related coverage when they share this many passages
MAX_POSTING = 50  # a 3-gram in more sentences than this is a common phrase, not a shared passage
WORD = re.compile(r"\w+")


def _shingles(text: str) -> frozenset[str]:
    words = WORD.findall(text.lower())  # \w+ skips quotes and dashes: no other normalising needed
    return frozenset(" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def find_related(articles: list[Article]) -> list[Related]:
    """Pairs of articles sharing at least MIN_PASSAGES near-identical sentences, most similar first.

    Work is bounded by MAX_POSTING pairs per 3-gram, so it grows with the archive's size; a passage
    shared by more than MAX_POSTING sentences (a wire story reprinted that often) is not reported.
    """
    owner: list[int] = []  # sentence -> index of its article
    spans: list[Span] = []
    sets: list[frozenset[str]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    ranges: list[range] = []  # article -> its sentences (contiguous, as they are numbered in order)
    for a, article in enumerate(articles):
        first = len(sets)
        for b, block in enumerate(article.blocks):
            for start, end in sentence_spans(block.text):
                shingles = _shingles(block.text[start:end])
                if len(shingles) < MIN_SHARED_SHINGLES:
                    continue
                i = len(sets)
                owner.append(a)
                spans.append(Span(b, start, end))
                sets.append(shingles)
                for shingle in shingles:
                    postings[shingle].append(i)
        ranges.append(range(first, len(sets)))

    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if not 1 < len(members) <= MAX_POSTING:
            continue
        for x, i in enumerate(members):
            first = owner[i]
            shared.update((i, j) for j in members[x + 1:] if owner[j] != first)

    passages: dict[tuple[int, int], list[SharedPassage]] = defaultdict(list)
    for (i, j), count in shared.items():
        if count < MIN_SHARED_SHINGLES:
            continue
        containment = count / min(len(sets[i]), len(sets[j]))
        if containment >= MIN_CONTAINMENT:
            if articles[owner[j]].id < articles[owner[i]].id:
                i, j = j, i
            a, b = owner[i], owner[j]
            passages[(a, b)].append(SharedPassage(articles[a].id, spans[i], articles[b].id, spans[j],
                                                  round(containment, 2)))

    related = []
    for (a, b), found in passages.items():
        if len(found) >= MIN_PASSAGES:
            in_a = frozenset().union(*(sets[i] for i in ranges[a]))
            in_b = frozenset().union(*(sets[i] for i in ranges[b]))
            ordered = tuple(sorted(found, key=lambda p: (p.span_a.block, p.span_a.start)))
            related.append(Related(articles[a].id, articles[b].id, round(len(in_a & in_b) / len(in_a | in_b), 3),
                                   ordered))
    return sorted(related, key=lambda r: (-r.similarity, r.article_a, r.article_b))
