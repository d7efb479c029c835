"""The worst-cleaned pages of a corpus's TUNING half, one line each: where to look when tuning the cleaner.

Only the tuning half is listed (bench/clean_bench.py decides the half by site): the held-back half is
for figures, never for reading pages. --show ID prints one tuning page's lines as the leftover-text
cleaner scored them (score, kept or the rule that removed it), marking the lines that hold a passage
the page must keep (+) or furniture it must drop (-) for the snippets corpus, or words of the gold body
(+) for the boilerplate corpus.

    python bench/clean_worst.py [--corpus boilerplate|snippets] [--input text|html] [--top 20]
    python bench/clean_worst.py --corpus snippets --show ID
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clean_bench import SHARED, _load_module, _norm, _urls, cleaned, half_of  # noqa: E402


def _tuning_ids(corpus: Path) -> list[str]:
    return sorted(i for i, url in _urls(corpus).items() if half_of(url) == "tuning")


def worst(corpus: Path, kind: str, top: int) -> list[str]:
    """One line a tuning page, worst first: its figure and how many words it keeps of its input."""
    ids = _tuning_ids(corpus)
    bodies = cleaned(corpus, kind, ids, as_archive=False)
    rows: list[tuple[float, str]] = []
    if corpus.name == "boilerplate":
        metric = _load_module(corpus / "score.py")
        gold = metric.load_gold(corpus)
        for i in ids:
            tp, fp, fn = metric.tp_fp_fn(gold[i]["articleBody"], bodies[i])
            f1 = metric.doc_f1(tp, fp, fn)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            rows.append((f1, f"{i}  F1 {f1:.3f} P {p:.3f} R {r:.3f}  words kept {len(bodies[i].split())}"
                             f" gold {len(gold[i]['articleBody'].split())}"))
    else:
        gold = json.loads((corpus / "snippets.json").read_text(encoding="utf-8"))
        for i in ids:
            text = _norm(bodies[i])
            kept = sum(_norm(w) in text for w in gold[i]["with"])
            bad = sum(_norm(w) in text for w in gold[i]["without"])
            total = len(gold[i]["with"]) + len(gold[i]["without"])
            loss = (len(gold[i]["with"]) - kept + bad) / total if total else 0.0
            rows.append((-loss, f"{i}  with {kept}/{len(gold[i]['with'])}  without kept {bad}/"
                                f"{len(gold[i]['without'])}  words kept {len(bodies[i].split())}"))
    rows.sort(key=lambda row: row[0])
    return [line for _, line in rows[:top]]


def show(corpus: Path, page: str) -> None:
    """A tuning page's lines as the leftover-text cleaner saw them."""
    from generator.clean.cleaner import clean
    from generator.core.model import RawDocument

    page = next((i for i in _tuning_ids(corpus) if i.startswith(page)), page)
    if page not in _tuning_ids(corpus):
        raise SystemExit(f"{page}: not a page of the tuning half of {corpus.name} (held-back pages are not shown)")
    path = corpus / "text" / f"{page}.txt"
    article = clean(RawDocument(page, path, path.read_text(encoding="utf-8", errors="replace"), "text"))
    removed = {r.line_no: r for r in article.removals}
    kept = {b.source_line for b in article.blocks}
    if corpus.name == "snippets":
        gold = json.loads((corpus / "snippets.json").read_text(encoding="utf-8"))[page]
        good, bad = [_norm(w) for w in gold["with"]], [_norm(w) for w in gold["without"]]
    else:
        body = _load_module(corpus / "score.py").load_gold(corpus)[page]["articleBody"]
        words = set(re.findall(r"\w+", body.casefold()))
        good, bad = [], []
    for number, text in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
        line = _norm(text)
        if not line:
            continue
        if corpus.name == "snippets":
            mark = "+" if any(w and (w in line or (len(line) >= 15 and line in w)) for w in good) else (
                "-" if any(w and (w in line or (len(line) >= 15 and line in w)) for w in bad) else " ")
        else:
            own = re.findall(r"\w+", line.casefold())
            mark = "+" if own and sum(w in words for w in own) >= 0.8 * len(own) else " "
        if number in kept:
            what = "KEPT"
        elif number in removed:
            r = removed[number]
            what = f"{r.rule}" + (f" {r.score:.1f}" if r.score is not None else "")
        else:
            what = "joined"
        print(f"{number:5} {mark} {what:28.28} {line[:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("boilerplate", "snippets"), default="snippets")
    parser.add_argument("--input", choices=("html", "text"), default="text")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", metavar="ID", help="one tuning page's lines, scored")
    args = parser.parse_args(argv)
    corpus = args.shared / args.corpus
    if not (corpus / "score.py").is_file():
        print(f"skipped {args.corpus}: corpus not found at {corpus}")
        return 0
    if args.show:
        show(corpus, args.show)
    else:
        print("\n".join(worst(corpus, args.input, args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
