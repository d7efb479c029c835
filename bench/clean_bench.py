"""Measure the cleaner on both shared cleaning corpora, from HTML pages and from leftover text.

- ../shared/corpus/boilerplate: 90 pages with gold bodies, scored with that corpus's score.py metric
  (token 4-gram shingles, P/R/F1 averaged over pages).
- ../shared/corpus/snippets: 495 pages with passages that must be kept and furniture that must go,
  scored with that corpus's metric (snippet counts summed over pages).

Each corpus is split by site into a tuning half and a held-back half: a page's half is fixed by a hash
of its site (the URL's host without "www."), so every page of one site falls on the same side and the
split never changes. Tune on the tuning half only; the held-back figure is the one that says whether
a change holds on sites it was not written for, and the gap between the two is the figure to watch.

Each page is cleaned alone, as `python -m generator clean FILE` prints it; --archive cleans each half
as one archive's articles, as `build` does (with the context of the short lines the other pages
carry). Pages of the boilerplate corpus whose F1 is 0 (the whole article lost) are listed by id.
Where a corpus is absent (a clone without ../shared) it says so and skips it.

    python bench/clean_bench.py [--input html|text] [--corpus boilerplate|snippets] [--archive]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
import types
import warnings
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
# the targets, on the held-back half
TARGETS = {("boilerplate", "html"): 0.975, ("boilerplate", "text"): 0.92,
           ("snippets", "html"): 0.95, ("snippets", "text"): 0.88}
HALVES = ("tuning", "held-back")

sys.path.insert(0, str(REPO))


def site_of(url: str) -> str:
    """The host a page came from, without "www.": the unit the halves are split by."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def half_of(url: str) -> str:
    """tuning or held-back, by a stable hash of the page's site (the same on every machine and run)."""
    return HALVES[hashlib.sha256(site_of(url).encode("utf-8")).digest()[0] % 2]


def _load_module(path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(f"corpus_{path.parent.name}_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _urls(corpus: Path) -> dict[str, str]:
    gold_file = corpus / ("ground-truth.json" if corpus.name == "boilerplate" else "snippets.json")
    return {i: entry["url"] for i, entry in json.loads(gold_file.read_text(encoding="utf-8")).items()}


def cleaned(corpus: Path, kind: str, ids: list[str], as_archive: bool) -> dict[str, str]:
    """Every page's body as the project cleans it: alone, or the pages given as one archive."""
    from generator.clean.cleaner import clean, extract_page, source_text
    from generator.clean.context import archive_context
    from generator.core.model import RawDocument

    folder, suffix = (corpus / "html", "html") if kind == "html" else (corpus / "text", "txt")
    documents = [RawDocument(i, Path(f"{i}.{suffix}"),
                             (folder / f"{i}.{suffix}").read_text(encoding="utf-8", errors="replace"), kind)
                 for i in ids]
    if not as_archive:
        return {d.article_id: clean(d).body for d in documents}
    pages = [extract_page(d) for d in documents]
    context = archive_context(source_text(d, page) for d, page in zip(documents, pages))
    return {d.article_id: clean(d, context, extracted=page).body for d, page in zip(documents, pages)}


def score_boilerplate(corpus: Path, bodies: dict[str, str]) -> tuple[str, list[str]]:
    """score.py's figures (F1, P, R of the page means) and the ids of pages whose F1 is 0."""
    metric = _load_module(corpus / "score.py")
    gold = metric.load_gold(corpus)
    counts = {i: metric.tp_fp_fn(gold[i]["articleBody"], body) for i, body in bodies.items()}
    f1, p, r = metric.aggregate(list(counts.values()))
    zeros = sorted(i for i, c in counts.items() if metric.doc_f1(*c) == 0 and gold[i]["articleBody"].strip())
    return f"F1 {f1:.3f} P {p:.3f} R {r:.3f} n={len(bodies)}", zeros


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def score_snippets(corpus: Path, bodies: dict[str, str]) -> tuple[str, list[str]]:
    """The snippet metric of the corpus's score.py (counts summed over pages), and pages that keep none of
    their passages."""
    gold = json.loads((corpus / "snippets.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    zeros = []
    for i, body in bodies.items():
        text = _norm(body)
        kept = sum(_norm(w) in text for w in gold[i]["with"])
        tp, fp, fn = tp + kept, fp + sum(_norm(w) in text for w in gold[i]["without"]), fn + len(gold[i]["with"]) - kept
        if gold[i]["with"] and not kept and _holds_a_passage(corpus, i, gold[i]["with"]):
            zeros.append(i)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f"F1 {f1:.3f} P {p:.3f} R {r:.3f} n={len(bodies)}", sorted(zeros)


def _holds_a_passage(corpus: Path, page: str, passages: list[str]) -> bool:
    """Whether the page's text input holds one of its passages at all (else no cleaner could keep it)."""
    text = _norm((corpus / "text" / f"{page}.txt").read_text(encoding="utf-8", errors="replace"))
    return any(_norm(w) in text for w in passages)


SCORERS: dict[str, Callable[[Path, dict[str, str]], tuple[str, list[str]]]] = {
    "boilerplate": score_boilerplate, "snippets": score_snippets}


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", message=".*XML document")  # a few corpus pages are XHTML feeds
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=("html", "text"), action="append", help="default: both")
    parser.add_argument("--corpus", choices=tuple(SCORERS), action="append", help="default: both")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"the corpora's folder (default: {SHARED})")
    parser.add_argument("--archive", action="store_true",
                        help="clean each half's pages together as one archive's articles, as `build` does")
    args = parser.parse_args(argv)
    below = []
    for name in args.corpus or tuple(SCORERS):
        corpus = args.shared / name
        if not (corpus / "score.py").is_file():
            print(f"skipped {name}: corpus not found at {corpus} (it lives in ../shared beside the repo)")
            continue
        halves: dict[str, list[str]] = {half: [] for half in HALVES}
        for i, url in sorted(_urls(corpus).items()):
            halves[half_of(url)].append(i)
        for kind in args.input or ("html", "text"):
            target = TARGETS[(name, kind)]
            mode = ", each half cleaned as one archive" if args.archive else ""
            print(f"{name} / {kind}: held-back target F1 >= {target:.3f}{mode}")
            for half in HALVES:
                line, zeros = SCORERS[name](corpus, cleaned(corpus, kind, halves[half], args.archive))
                sites = len({site_of(u) for i, u in _urls(corpus).items() if i in set(halves[half])})
                mark = ("ok" if float(line.split()[1]) >= target else "below target") if half == "held-back" else ""
                print(f"  {half:9} {line} sites={sites}  {mark}")
                if zeros:
                    what = "F1 = 0" if name == "boilerplate" else "no passage kept"
                    print(f"    {what}: {' '.join(zeros)}")
                if half == "held-back" and float(line.split()[1]) < target:
                    below.append(f"{name}/{kind}")
    if below:
        print(f"held-back half below target for: {', '.join(below)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
