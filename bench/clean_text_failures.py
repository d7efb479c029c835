"""Where the leftover-text cleaner fails on the snippets corpus's TUNING half, by class: each lost passage with
what lost it, each kept piece of furniture with where it stands in the body.

A lost passage is marked "absent" (not in the page's text: no cleaner could keep it), "confirming pass" (the
first pass kept it, a later one of clean_text's passes did not), or the rule of the removal that holds it.
A kept piece of furniture is "before", "inside" or "after" the passages the page must keep (after: the run
of prose ran on past the article's end). Held-back pages are never listed: that half is for figures only.

    python bench/clean_text_failures.py [--summary] [--shared DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clean_bench import SHARED, _norm, _urls, half_of  # noqa: E402


def _lost_by(passage: str, text: str, first_body: str, removals: list[tuple[str, str]]) -> str:
    """What lost a passage the page must keep (see the module's docstring)."""
    if passage not in _norm(text):
        return "absent"
    if passage in first_body:
        return "confirming pass"
    return next((rule for rule, line in removals if line and (line in passage or passage[:30] in line)), "?")


def _where(passage: str, blocks: list[str], wanted: list[str]) -> str:
    """Where a kept piece of furniture stands against the passages the page must keep."""
    at = next((i for i, block in enumerate(blocks) if passage in block), None)
    if at is None:
        return "across blocks"
    holding = [i for i, block in enumerate(blocks) if any(w in block for w in wanted)]
    if not holding:
        return "no passage kept"
    return "before" if at < holding[0] else "after" if at > holding[-1] else "inside"


def failures(corpus: Path) -> list[tuple[str, str, str, str]]:
    """(page, "lost" or "kept", class, passage) for every failure on the tuning half."""
    from generator.clean.cleaner import clean
    from generator.core.model import RawDocument

    gold = json.loads((corpus / "snippets.json").read_text(encoding="utf-8"))
    rows = []
    for page, url in sorted(_urls(corpus).items()):
        if half_of(url) != "tuning":
            continue
        path = corpus / "text" / f"{page}.txt"
        text = path.read_text(encoding="utf-8", errors="replace")
        article = clean(RawDocument(page, path, text, "text"))
        blocks = [_norm(block.text) for block in article.blocks]
        body = " ".join(blocks)
        first_body = _norm(_first_pass_body(page, path, text))
        removals = [(r.rule, _norm(r.text)) for r in article.removals]
        wanted = [_norm(w) for w in gold[page]["with"]]
        for passage in wanted:
            if passage not in body:
                rows.append((page, "lost", _lost_by(passage, text, first_body, removals), passage))
        for passage in map(_norm, gold[page]["without"]):
            if passage in body:
                rows.append((page, "kept", _where(passage, blocks, wanted), passage))
    return rows


def _first_pass_body(page: str, path: Path, text: str) -> str:
    """The body clean_text makes in its first pass alone (as bench/profile/clean_cpu.py --max-passes 1)."""
    import generator.clean.cleaner as cleaner

    saved = cleaner.MAX_PASSES
    cleaner.MAX_PASSES = 1
    try:
        return cleaner.clean_text(page, path, text).body
    finally:
        cleaner.MAX_PASSES = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--summary", action="store_true", help="only the count of each class")
    args = parser.parse_args(argv)
    corpus = args.shared / "snippets"
    if not (corpus / "snippets.json").is_file():
        print(f"skipped snippets: corpus not found at {corpus}")
        return 0
    rows = failures(corpus)
    if not args.summary:
        for page, kind, why, passage in rows:
            print(f"{kind} {page} [{why}] {passage[:110]}")
    for kind in ("lost", "kept"):
        counts = Counter(why for _, k, why, _ in rows if k == kind)
        print(f"{kind}: {sum(counts.values())} ({', '.join(f'{why} {n}' for why, n in counts.most_common())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
