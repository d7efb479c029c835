"""Find passages that two articles share verbatim or nearly: rewrites of one wire story.

Each sentence becomes a set of word 3-gram shingles (lowercased, quotes and
dashes normalised). An inverted index from shingle to sentences gives the
candidate sentence pairs in one pass; shingles that half the archive uses
("the united nations") are skipped, so the work stays linear in the size of
the archive rather than quadratic in the number of articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .anchor import normalise_text
from .model import Article, Related, SharedPassage, Span
from .sentences import sentence_spans

SHINGLE_WORDS = 3
MIN_SHARED_SHINGLES = 4  # a sentence pair must share at least this many 3-grams ...
MIN_CONTAINMENT = 0.3  # ... covering this share of the shorter sentence's 3-grams
MIN_PASSAGES = 2  # two articles are related coverage when they share this many passages
COMMON_SHINGLE_SHARE = 0.5  # skip shingles found in more than this share of articles
MAX_POSTING = 200  # and shingles found in more sentences than this
WORD = re.compile(r"\w+")


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = WORD.findall(normalise_text(text).lower())
    return frozenset(tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def find_related(articles: list[Article]) -> list[Related]:
    sentences: list[tuple[str, Span, frozenset]] = []
    whole: dict[str, set] = defaultdict(set)
    for article in articles:
        for b, block in enumerate(article.blocks):
            for start, end in sentence_spans(block.text):
                shingles = _shingles(block.text[start:end])
                if shingles:
                    sentences.append((article.id, Span(b, start, end), shingles))
                    whole[article.id].update(shingles)

    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, _, shingles) in enumerate(sentences):
        for shingle in shingles:
            postings[shingle].append(i)
    article_limit = max(2, int(len(articles) * COMMON_SHINGLE_SHARE))
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) > MAX_POSTING or len({sentences[i][0] for i in members}) > article_limit:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if sentences[i][0] != sentences[j][0]:
                    shared[(i, j)] += 1

    passages: dict[tuple[str, str], list[SharedPassage]] = defaultdict(list)
    for (i, j), count in shared.items():
        (a, span_a, sa), (b, span_b, sb) = sentences[i], sentences[j]
        containment = count / min(len(sa), len(sb))
        if count >= MIN_SHARED_SHINGLES and containment >= MIN_CONTAINMENT:
            if b < a:
                a, span_a, b, span_b = b, span_b, a, span_a
            passages[(a, b)].append(SharedPassage(a, span_a, b, span_b, round(containment, 2)))

    related = []
    for (a, b), found in passages.items():
        if len(found) >= MIN_PASSAGES:
            jaccard = len(whole[a] & whole[b]) / len(whole[a] | whole[b])
            ordered = tuple(sorted(found, key=lambda p: (p.span_a.block, p.span_a.start)))
            related.append(Related(a, b, round(jaccard, 3), ordered))
    return sorted(related, key=lambda r: (-r.similarity, r.article_a, r.article_b))
