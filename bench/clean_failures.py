"""The worst pages of a corpus's TUNING half, cleaned from HTML: which must-keep passages were lost, which
furniture was kept, and at which step (the page extractor, or the text rules run on what it extracted).

The held-back half is never listed: look at tuning pages only, so the held-back figure of
bench/clean_bench.py stays a measure of sites the rules were not written for.

    python bench/clean_failures.py [--corpus snippets|boilerplate] [--worst 30] [--page ID ...]

For the snippets corpus each lost passage is marked "not in page" (the page's naive text lacks it too: no
cleaner could keep it), "extractor" (the extracted text lacks it) or "text rules" (extracted, then removed);
each kept piece of furniture "kept". For the boilerplate corpus (gold bodies) it prints each page's F1 and the
extractor used. Ends with the counts of each step, summed over the half. Skips, saying so, where the corpus
is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from clean_bench import SHARED, _load_module, _norm, _urls, half_of  # noqa: E402


def _cleaned(corpus: Path, page: str):
    from generator.clean.cleaner import clean
    from generator.clean.html.extract import extract
    from generator.core.model import RawDocument

    path = corpus / "html" / f"{page}.html"
    html = path.read_text(encoding="utf-8", errors="replace")
    extracted = extract(html)
    return extracted, clean(RawDocument(page, Path(path.name), html, "html"), extracted=extracted).body


def snippets(corpus: Path, pages: list[str], worst: int) -> None:
    gold = json.loads((corpus / "snippets.json").read_text(encoding="utf-8"))
    rows, steps = [], Counter()
    for page in pages:
        extracted, body = _cleaned(corpus, page)
        naive = _norm((corpus / "text" / f"{page}.txt").read_text(encoding="utf-8", errors="replace"))
        text, got = _norm(body), _norm(extracted.text)
        marks = []
        for passage in gold[page]["with"]:
            wanted = _norm(passage)
            if wanted in text:
                continue
            step = "not in page" if wanted not in naive else "extractor" if wanted not in got else "text rules"
            steps[f"lost: {step}"] += 1
            marks.append(f"    - lost ({step}): {passage[:100]}")
        for furniture in gold[page]["without"]:
            if _norm(furniture) in text:
                steps["furniture kept"] += 1
                marks.append(f"    + kept: {furniture[:100]}")
        if marks:
            rows.append((len(marks), page, extracted.method, len(text.split()), marks))
    rows.sort(key=lambda row: (-row[0], row[1]))
    for count, page, method, words, marks in rows[:worst]:
        print(f"{page} ({gold[page]['url']}): {count} wrong; {method}, {words} words kept")
        print("\n".join(marks))
    print(f"\n{len(pages)} tuning pages, {len(rows)} with a mistake: "
          + ", ".join(f"{step} {n}" for step, n in sorted(steps.items())))


def boilerplate(corpus: Path, pages: list[str], worst: int) -> None:
    metric = _load_module(corpus / "score.py")
    gold = metric.load_gold(corpus)
    rows = []
    for page in pages:
        extracted, body = _cleaned(corpus, page)
        tp, fp, fn = metric.tp_fp_fn(gold[page]["articleBody"], body)
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        rows.append((metric.doc_f1(tp, fp, fn), p, r, page, extracted.method))
    rows.sort()
    for f1, p, r, page, method in rows[:worst]:
        print(f"{page}: F1 {f1:.3f} P {p:.3f} R {r:.3f} ({method})")


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", message=".*XML document")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("snippets", "boilerplate"), default="snippets")
    parser.add_argument("--worst", type=int, default=30)
    parser.add_argument("--page", action="append", help="only these tuning pages")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    corpus = args.shared / args.corpus
    if not (corpus / "score.py").is_file():
        print(f"skipped: corpus not found at {corpus} (it lives in ../shared beside the repo)")
        return 0
    pages = sorted(i for i, url in _urls(corpus).items() if half_of(url) == "tuning")
    if args.page:
        pages = [p for p in pages if p in set(args.page)]
    (snippets if args.corpus == "snippets" else boilerplate)(corpus, pages, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
