"""Measure the cleaner on the shared boilerplate corpus: P/R/F1 from HTML pages and from leftover text.

Runs the corpus's own score.py (the benchmark's metric) over both inputs, each page cleaned
alone, exactly as `python -m generator clean FILE` prints it. Prints dev, heldout and all
splits beside the issue's targets. Where ../shared/corpus/boilerplate is absent (a clone
without the shared folder) it says so and exits 0.

--archive cleans the pages as `build` cleans an archive's articles: with the context of the
short lines other articles carry too. Each split is one archive (a heldout page never sees a
dev page's lines); "all" scores both splits' pages so cleaned.

    python bench/clean_bench.py [--input html|text] [--corpus DIR] [--without phrase-rules] [--archive]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import types
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "boilerplate"
TARGETS = {"html": 0.965, "text": 0.90}
REFERENCES = {"html": "trafilatura 2.3.1 = .955", "text": "unchanged .683, jusText line by line .747"}
SPLITS = ("dev", "heldout", "all")

sys.path.insert(0, str(REPO))


def clean_html(page: str) -> str:
    """The body the project prints for a web page (score.py --func entry point)."""
    return _body(page, "html")


def clean_plain(text: str) -> str:
    """The body the project prints for leftover-laden text (score.py --func entry point)."""
    return _body(text, "text")


ABLATION = "CLEAN_BENCH_WITHOUT"  # set by --without: score.py runs the cleaner in its own process


def _body(source: str, kind: str) -> str:
    from generator.clean import cleaner as clean_module
    from generator.clean.cleaner import clean
    from generator.core.model import RawDocument

    if os.environ.get(ABLATION) == "phrase-rules":  # every line as if no phrase rule knew it
        clean_module.phrase_rule = lambda line: None

    return clean(RawDocument("bench", Path(f"bench.{kind}"), source, kind)).body


def score(corpus: Path, kind: str, as_archive: bool = False) -> dict[str, str]:
    """score.py's closing line for each split; the pages are cleaned once, then scored per split."""
    script = corpus / "score.py"
    func = f"{Path(__file__).resolve()}:{'clean_html' if kind == 'html' else 'clean_plain'}"
    lines: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        predictions = Path(tmp) / f"{kind}.json"
        if as_archive:
            predictions.write_text(json.dumps(_cleaned_as_archives(corpus, kind)), encoding="utf-8")
            source = ["--pred", str(predictions)]
        else:
            source = ["--func", func, "--pythonpath", str(REPO), "--save-pred", str(predictions)]
        lines["all"] = _run([sys.executable, str(script), *source, "--input", kind, "--data", str(corpus),
                             "--split", "all"])
        for split in ("dev", "heldout"):
            lines[split] = _run([sys.executable, str(script), "--pred", str(predictions), "--input", kind,
                                 "--data", str(corpus), "--split", split])
    return lines


def _cleaned_as_archives(corpus: Path, kind: str) -> dict[str, dict[str, str]]:
    """Every page's body, each split's pages cleaned together as the articles of one archive (as pipeline.py
    does: the context is the short lines of the text the rules see, a web page's extracted text)."""
    from generator.clean.cleaner import clean, extract_page, source_text
    from generator.clean.context import archive_context
    from generator.core.model import RawDocument

    split_ids = _load_module(corpus / "score.py").split_ids
    folder, suffix = (corpus / "html", "html") if kind == "html" else (corpus / "text", "txt")
    ids = [path.stem for path in folder.glob(f"*.{suffix}")]
    bodies: dict[str, dict[str, str]] = {}
    for split in ("dev", "heldout"):
        documents = [RawDocument(i, Path(f"{i}.{suffix}"), (folder / f"{i}.{suffix}").read_text(encoding="utf-8"),
                                 kind) for i in split_ids(ids, split)]
        pages = [extract_page(d) for d in documents]
        context = archive_context(source_text(d, page) for d, page in zip(documents, pages))
        for document, page in zip(documents, pages):
            bodies[document.article_id] = {"articleBody": clean(document, context, extracted=page).body}
    return bodies


def _load_module(path: Path) -> types.ModuleType:
    """The corpus's score.py as a module: its split_ids() says which pages are dev and which heldout."""
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"score.py failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=("html", "text"), action="append",
                        help="which variant to score (default: both)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the corpus folder (default: {CORPUS})")
    parser.add_argument("--without", choices=("phrase-rules",),
                        help="an ablation: score the cleaner with its phrase rules switched off (what the line "
                             "score alone does, as on a site whose boilerplate no rule knows)")
    parser.add_argument("--archive", action="store_true",
                        help="clean each split's pages together as one archive's articles, as `build` does")
    args = parser.parse_args(argv)
    if args.without:
        os.environ[ABLATION] = args.without
    if not (args.corpus / "score.py").is_file():
        print(f"skipped: boilerplate corpus not found at {args.corpus} (it lives in ../shared beside the repo, "
              "not in it; point to a copy with: python bench/clean_bench.py --corpus DIR)")
        return 0
    failed, heldout_below = False, []
    for kind in args.input or ("html", "text"):
        target = TARGETS[kind]
        mode = ", each split cleaned as one archive" if args.archive else ""
        print(f"{kind}: target F1 >= {target:.3f}{mode}  (reference: {REFERENCES[kind]})")
        results = score(args.corpus, kind, args.archive)
        for split in SPLITS:
            line = results[split]
            f1 = float(line.split()[1])
            mark = "ok" if f1 >= target else "below target"
            print(f"  {split:8} {line}   [{mark}]")
        failed = failed or float(results["all"].split()[1]) < target
        if float(results["heldout"].split()[1]) < target:
            heldout_below.append(kind)
    print("targets met on all pages (see the heldout line for unseen sites)" if not failed else "some targets not met on all pages (see above)")
    if heldout_below:
        print(f"heldout split (not used for tuning) below target for: {', '.join(heldout_below)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
