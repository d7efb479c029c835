"""Find passages that two articles share verbatim or nearly: rewrites of one wire story.

Each sentence becomes a set of word 3-gram shingles (lowercased words; quotes
and dashes are not words), each shingle a stable 32-bit hash. Only shingles
whose hash is divisible by SAMPLE go into the inverted index (modulo
sampling: two copies of a sentence sample the same shingles), which keeps the
index a quarter of the size; a sampled shingle found in more than MAX_POSTING
sentences is a common phrase ("the united nations") and is skipped. The index
proposes candidate sentence pairs in one pass; each candidate is then checked
on its full shingle sets. So the work and memory grow with the archive's size,
not with the number of article pairs.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from generator.core.model import Article, Related, SharedPassage, Span
from generator.core.sentences import sentence_spans

SHINGLE_WORDS = 3
SAMPLE = 4  # index one shingle in SAMPLE (by hash)
MIN_SAMPLED = 2  # a candidate pair shares at least this many sampled shingles
MIN_SHARED_SHINGLES = 4  # a shared passage has at least this many 3-grams in common ...
MIN_CONTAINMENT = 0.3  # ... covering this share of the shorter sentence's 3-grams
MIN_PASSAGES = 2  # two articles are related coverage when they share this many passages
MAX_POSTING = 50  # a sampled 3-gram in more sentences than this is a common phrase
WORD = re.compile(r"\w+")
LOW_32 = 0xFFFFFFFF


def _shingles(text: str) -> frozenset[int]:
    """The CRC-32 of each run of SHINGLE_WORDS words joined by spaces, all in C-level iterators (map, zip)."""
    words = WORD.findall(text.lower())  # \w+ skips quotes and dashes: no other normalising needed
    runs = zip(*(words[i:] for i in range(SHINGLE_WORDS)))
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, runs))))


# (block, start, end, sampled shingles) of each sentence; the shingles as 4-byte numbers, not a list of int
# objects (~30 bytes each): an archive's samples, back from the workers, are all in memory at once
SentenceSamples = list[tuple[int, int, int, array]]


def sentence_samples(article: Article, spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> SentenceSamples:
    """The sampled shingles of each sentence that has enough of them: find_related's per-article half,
    which a process pool can run on every core (link/mentions.py). spans: each block's sentences, if known."""
    found = []
    for b, block in enumerate(article.blocks):
        for start, end in (spans[b] if spans is not None else sentence_spans(block.text)):
            sampled = array("I", (h for h in _shingles(block.text[start:end]) if h % SAMPLE == 0))
            if len(sampled) >= MIN_SAMPLED:
                found.append((b, start, end, sampled))
    return found


def find_related(articles: list[Article], samples: list[SentenceSamples] | None = None) -> list[Related]:
    """Pairs of articles sharing at least MIN_PASSAGES near-identical sentences, most similar first.

    samples: sentence_samples of each article, if already computed. A passage shared by more than
    MAX_POSTING sentences (a wire story reprinted that often) is not reported: past that, it is
    indistinguishable from a stock phrase at this cost.
    """
    if samples is None:
        samples = [sentence_samples(article) for article in articles]
    owner = array("I")  # sentence -> index of its article
    spans: list[Span] = []
    sizes = array("I")  # sentence -> how many shingles it sampled
    sampled_shingles = array("I")  # every sentence's sampled shingles, one after the other
    for a, found in enumerate(samples):
        for b, start, end, sampled in found:
            owner.append(a)
            spans.append(Span(b, start, end))
            sizes.append(len(sampled))
            sampled_shingles.extend(sampled)
    del samples
    candidates = _candidate_pairs(owner, sizes, sampled_shingles)

    cache: dict[int, frozenset[int]] = {}

    def full(i: int) -> frozenset[int]:
        if i not in cache:
            span = spans[i]
            cache[i] = _shingles(articles[owner[i]].blocks[span.block].text[span.start:span.end])
        return cache[i]

    passages: dict[tuple[int, int], list[SharedPassage]] = defaultdict(list)
    for i, j in candidates:
        common = len(full(i) & full(j))
        containment = common / min(len(full(i)), len(full(j)))
        if common >= MIN_SHARED_SHINGLES and containment >= MIN_CONTAINMENT:
            if articles[owner[j]].id < articles[owner[i]].id:
                i, j = j, i
            a, b = owner[i], owner[j]
            passages[(a, b)].append(SharedPassage(articles[a].id, spans[i], articles[b].id, spans[j],
                                                  round(containment, 2)))

    whole: dict[int, frozenset[int]] = {}  # an article in several related pairs is shingled once

    def of_article(a: int) -> frozenset[int]:
        if a not in whole:
            whole[a] = frozenset().union(*(_shingles(block.text) for block in articles[a].blocks))
        return whole[a]

    related = []
    for (a, b), found in passages.items():
        if len(found) >= MIN_PASSAGES:
            in_a = of_article(a)
            in_b = of_article(b)
            ordered = tuple(sorted(found, key=lambda p: (p.span_a.block, p.span_a.start, p.span_b.block,
                                                         p.span_b.start)))
            related.append(Related(articles[a].id, articles[b].id, round(len(in_a & in_b) / len(in_a | in_b), 3),
                                   ordered))
    return sorted(related, key=lambda r: (-r.similarity, r.article_a, r.article_b))


def _candidate_pairs(owner: array, sizes: array, sampled_shingles: array) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences of different articles that share at least MIN_SAMPLED sampled shingles
    held by at most MAX_POSTING sentences, in order.

    Done in numpy: the pairs grow faster than the archive until MAX_POSTING caps them (a phrase is shared by
    more sentences the larger the archive), and sorting and counting millions of them as Python ints made the
    link stage superlinear (bench/RESULTS.md, runs I and J).
    """
    article = np.frombuffer(owner, dtype=np.uint32)
    # each sampled shingle's sentence, in the order the shingles were listed
    sentence_of_shingle = np.repeat(np.arange(len(sizes), dtype=np.uint64), np.frombuffer(sizes, dtype=np.uint32))
    # (shingle << 32 | sentence), sorted: the sentences of a shingle are neighbours, in order
    postings = (np.frombuffer(sampled_shingles, dtype=np.uint32).astype(np.uint64) << np.uint64(32)
                | sentence_of_shingle)
    postings.sort()
    shingles, sentences = postings >> np.uint64(32), (postings & np.uint64(LOW_32)).astype(np.int64)
    run_starts = np.flatnonzero(np.concatenate(([True], shingles[1:] != shingles[:-1])))
    run_lengths = np.diff(np.append(run_starts, len(postings)))
    # each pair (i << 32 | j) once per sampled shingle the two share, taking runs of one length at a time
    pairs = [np.empty(0, dtype=np.uint64)]
    for length in range(2, MAX_POSTING + 1):
        starts = run_starts[run_lengths == length]
        if len(starts):
            first, second = np.triu_indices(length, 1)
            i = sentences[starts[:, None] + first].ravel()
            j = sentences[starts[:, None] + second].ravel()
            different_articles = article[i] != article[j]
            pairs.append(i[different_articles].astype(np.uint64) << np.uint64(32)
                         | j[different_articles].astype(np.uint64))
    shared = np.concatenate(pairs)
    shared.sort()
    if len(shared) < MIN_SAMPLED:
        return []
    # a pair found MIN_SAMPLED times has its first and (MIN_SAMPLED)th copies MIN_SAMPLED - 1 places apart
    gap = MIN_SAMPLED - 1
    repeated = np.unique(shared[gap:][shared[gap:] == shared[:len(shared) - gap]])
    return list(zip((repeated >> np.uint64(32)).tolist(), (repeated & np.uint64(LOW_32)).tolist()))
