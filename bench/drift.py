"""Anchoring under drift: perturb every article's source the ways text really drifts, re-anchor, count.

    python bench/drift.py [--synthetic 40] [--seed 7]

For the seed archive (this repository) and a synthetic one (bench/synth.py), each perturbation is applied to
every text source at once in a copy of the archive, which is then cleaned and anchored as `build` does (the
generate step; no MkDocs). Every note, fact link and mention is counted as: right (anchored on the passage it
anchored before; silent or with a warning), wrong (anchored elsewhere; with or without a warning) or error.
Then `fix` runs on the copy and the selectors that still warn are counted: the repair should leave none.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from synth import write_archive  # noqa: E402
from generator.annotate.anchor import anchor, normalise_text  # noqa: E402
from generator.annotate.load import load_annotations  # noqa: E402
from generator.app.fix import fix  # noqa: E402
from generator.pipeline import load_archive  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ADDED = "A further sentence was added here by the editors. "


def _quotes(root: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Each article's selectors as (quote, prefix, suffix), from its annotation file."""
    archive, _ = load_archive(root, clean_cache=False)
    annotations, _ = load_annotations(root, [a.id for a in archive.articles])
    return {aid: [(s.quote, s.prefix, s.suffix) for s in _selectors(note)]
            for aid, note in annotations.articles.items()}


def _selectors(note):
    return [*(n.selector for n in note.notes), *(f.selector for f in note.facts),
            *(m.selector for m in note.mentions)]


def curly(text: str, _q) -> str:
    swapped = text.replace("'", "\u2019").replace(" - ", " \u2013 ")
    return swapped if swapped != text else text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def whitespace(text: str, _q) -> str:
    return re.sub(r"(?<=[a-z,]) (?=[a-z])", lambda m: "  " if m.start() % 7 else "\n", text)


def _around_quotes(text: str, quotes, change: Callable[[str, int, int, str, str], str]) -> str:
    for quote, prefix, suffix in quotes:
        at = text.find(quote)
        if at != -1:
            text = change(text, at, at + len(quote), prefix, suffix)
    return text


def sentence_before(text: str, quotes) -> str:
    def insert(t, start, end, p, s):
        cut = max(t.rfind(". ", 0, start) + 2, t.rfind("\n", 0, start) + 1)
        return t[:cut] + ADDED + t[cut:]
    return _around_quotes(text, quotes, insert)


def sentence_after(text: str, quotes) -> str:
    def insert(t, start, end, p, s):
        cut = t.find(". ", end)
        return t if cut == -1 or "\n" in t[end:cut] else t[:cut + 2] + ADDED + t[cut + 2:]
    return _around_quotes(text, quotes, insert)


def context_word(text: str, quotes) -> str:
    """One word of the prefix (else the suffix) edited where the text holds it."""
    def edit(t, start, end, p, s):
        if p and t[:start].rstrip().endswith(p):
            at = t.rfind(p, 0, start)
            return t[:at] + re.sub(r"\w+", "changed", p, count=1) + t[at + len(p):]
        if s and t[end:].lstrip().startswith(s):
            at = t.find(s, end)
            return t[:at] + re.sub(r"\w+(?=\W*$)", "changed", s, count=1) + t[at + len(s):]
        return t
    return _around_quotes(text, quotes, edit)


def split_paragraphs(text: str, _q) -> str:
    return re.sub(r"(?<=\w\.) (?=[A-Z])", lambda m: "\n\n" if m.start() % 3 == 0 else " ", text)


def join_paragraphs(text: str, _q) -> str:
    parts = text.split("\n\n")
    return "\n\n".join(parts[i] + (" " + parts[i + 1] if i + 1 < len(parts) and i % 4 == 2 else "")
                       for i in range(len(parts)) if not (i % 4 == 3 and (i - 1) % 4 == 2))


def leftover_line(text: str, _q) -> str:
    parts = text.split("\n\n")
    return "\n\n".join([*parts[:2], "Advertisement", *parts[2:]])


PERTURBATIONS = {"quotes and dashes": curly, "whitespace, line breaks": whitespace,
                 "sentence before quote": sentence_before, "sentence after quote": sentence_after,
                 "word in prefix/suffix": context_word, "paragraph split": split_paragraphs,
                 "paragraph joined": join_paragraphs, "leftover line": leftover_line}


def _anchored(root: Path) -> dict[tuple[str, int], tuple[str, int] | str]:
    """Each item: (its passage's normalised text, how many times that text occurs before it), or the status."""
    archive, _ = load_archive(root, clean_cache=False)
    annotations, _ = load_annotations(root, [a.id for a in archive.articles])
    out: dict[tuple[str, int], tuple[str, int, bool] | str] = {}
    for article in archive.articles:
        note = annotations.articles.get(article.id)
        blocks = article.cleaned.blocks
        for i, selector in enumerate(_selectors(note) if note else ()):
            found = anchor(selector, blocks)
            if found.span is None:
                out[(article.id, i)] = found.status
                continue
            text = normalise_text(blocks[found.span.block].text[found.span.start:found.span.end])
            before = normalise_text(" ".join(b.text for b in blocks[:found.span.block]) + " "
                                    + blocks[found.span.block].text[:found.span.start])
            out[(article.id, i)] = (text, before.count(text[:12]), found.certain)
    return out


def run(name: str, root: Path, scratch: Path) -> list[list[str]]:
    baseline = _anchored(root)
    quotes = _quotes(root)
    rows = []
    for label, perturb in PERTURBATIONS.items():
        copy = scratch / f"{name}-{label.split()[0]}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".build", "site", ".venv", ".git"))
        for seed in (copy / "seeds").glob("*.txt"):
            seed.write_text(perturb(seed.read_text("utf-8"), quotes.get(seed.stem, [])), "utf-8")
        after = _anchored(copy)
        counts = dict.fromkeys(("right", "right, warned", "wrong, warned", "wrong, silent", "error"), 0)
        for key, was in baseline.items():
            now = after.get(key, "missing")
            if isinstance(was, str):
                continue  # did not anchor before the drift either
            if isinstance(now, str):
                counts["error"] += 1
                continue
            same = difflib.SequenceMatcher(None, was[0], now[0]).ratio() >= 0.8 and was[1] == now[1]
            counts[("right" if same else "wrong") + ("" if now[2] and same else ", warned" if not now[2]
                                                      else ", silent")] += 1
        with contextlib.redirect_stdout(io.StringIO()):  # the diff it prints
            fix(copy, dry_run=False)
        left = sum(1 for v in _anchored(copy).values() if not isinstance(v, str) and not v[2])
        total = sum(counts.values())
        right = counts["right"] + counts["right, warned"]
        rows.append([name, label, str(total), *map(str, counts.values()),
                     f"{100 * right / total:.1f}" if total else "-", str(left)])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=40, help="articles in the synthetic archive")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        synth = scratch / "synth"
        write_archive(synth, args.synthetic, args.seed)
        rows = run("seeds", REPO, scratch) + run("synthetic", synth, scratch)
    header = ["archive", "drift", "items", "right", "right,warned", "wrong,warned", "wrong,silent", "error",
              "% right", "warn after fix"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
