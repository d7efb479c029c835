"""Anchoring under drift: perturb every article's source the ways text really drifts, re-anchor, count.

    python bench/drift.py [--synthetic 40] [--seed 7]

For the seed archive (this repository) and a synthetic one (bench/synth.py), each perturbation is applied to
every source at once in a copy of the archive, which is then cleaned and anchored as `build` does (the
generate step; no MkDocs). Sources of each kind: the text seeds as they are; the same articles as HTML pages
(bench/drift_html.py: each cleaned article written as a page with a site's furniture, then drifted as pages
do: a changed word, a re-scraped page with other furniture, a corrected sentence, moved paragraphs); and the
same pages as web-archive captures (bench/drift_warc.py: a WARC file an article, the drifted page a second,
later capture of the URL, the annotations carried to it from the capture they were written against).
Every note, fact link and mention is counted as: right (anchored on the passage it anchored before; silent
or with a warning), wrong (anchored elsewhere; with or without a warning), orphan, ambiguous, lost (a
capture's passage the carrying found gone) or another error (a quote now across a paragraph boundary).
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

from drift_html import html_archive, html_perturbations  # noqa: E402
from drift_warc import anchored as warc_anchored, place_of, warc_archive, warc_perturbations  # noqa: E402
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


Place = tuple[str, str, str, int, bool]  # passage, 40 characters before and after it, its count in the text, certain


def _anchored(root: Path) -> dict[tuple[str, int], Place | str]:
    """Each item: where it anchored (its passage, the text either side, how often the passage occurs, whether
    the anchor was certain), or the status that says why it did not."""
    archive, _ = load_archive(root, clean_cache=False)
    annotations, _ = load_annotations(root, [a.id for a in archive.articles])
    out: dict[tuple[str, int], Place | str] = {}
    for article in archive.articles:
        note = annotations.articles.get(article.id)
        blocks = article.cleaned.blocks
        whole = normalise_text(" ".join(b.text for b in blocks))
        for i, selector in enumerate(_selectors(note) if note else ()):
            found = anchor(selector, blocks)
            if found.span is None:
                out[(article.id, i)] = found.status
                continue
            out[(article.id, i)] = place_of(found, blocks, whole)
    return out


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def same_place(was: Place, now: Place) -> bool:
    """The passage anchored after the drift is the one anchored before: its words alike, and the text on one
    side of it alike, or (a paragraph moved whole, both sides changed) the very words, found once in each."""
    if _alike(was[0], now[0]) < 0.8:
        return False
    return (_alike(was[1], now[1]) >= 0.6 or _alike(was[2], now[2]) >= 0.6
            or (was[0] == now[0] and was[3] == now[3] == 1))


COLUMNS = ("right", "right, warned", "wrong, warned", "wrong, silent", "orphan", "ambiguous", "lost", "other error")


def measure(name: str, kind: str, root: Path, scratch: Path, perturbations: dict[str, Callable[[Path, Path], None]],
            anchored: Callable[[Path], dict] | None = None) -> list[list[str]]:
    """One row a perturbation: perturb(source root, copy) drifts the copy's sources, which is then anchored,
    compared with root's anchoring, fixed and anchored again."""
    anchored = anchored or _anchored
    baseline = anchored(root)
    rows = []
    for label, perturb in perturbations.items():
        copy = scratch / f"{name}-{kind}-{label.split()[0]}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".build", "site", ".venv", ".git"))
        perturb(root, copy)
        after = anchored(copy)
        counts = dict.fromkeys(COLUMNS, 0)
        for key, was in baseline.items():
            now = after.get(key, "missing")
            if isinstance(was, str):
                continue  # did not anchor before the drift either
            if isinstance(now, str):
                counts[now if now in counts else "other error"] += 1
                continue
            same = same_place(was, now)
            counts[("right" if same else "wrong") + ("" if now[4] and same else ", warned" if not now[4]
                                                      else ", silent")] += 1
        with contextlib.redirect_stdout(io.StringIO()):  # the diff it prints
            fix(copy, dry_run=False)
        left = sum(1 for v in anchored(copy).values() if not isinstance(v, str) and not v[4])
        total = sum(counts.values())
        right = counts["right"] + counts["right, warned"]
        rows.append([kind, name, label, str(total), *map(str, counts.values()),
                     f"{100 * right / total:.1f}" if total else "-", str(left)])
    return rows


def text_perturbations(root: Path) -> dict[str, Callable[[Path, Path], None]]:
    """Each text perturbation as a change to every .txt seed of a copy of root."""
    quotes = _quotes(root)

    def applying(perturb: Callable[[str, list], str]) -> Callable[[Path, Path], None]:
        def apply(_root: Path, copy: Path) -> None:
            for seed in (copy / "seeds").glob("*.txt"):
                seed.write_text(perturb(seed.read_text("utf-8"), quotes.get(seed.stem, [])), "utf-8")
        return apply
    return {label: applying(perturb) for label, perturb in PERTURBATIONS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=40, help="articles in the synthetic archive")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        synth = scratch / "synth"
        write_archive(synth, args.synthetic, args.seed)
        for name, root in (("seeds", REPO), ("synthetic", synth)):
            rows += measure(name, "text", root, scratch, text_perturbations(root))
        for name, root in (("seeds", REPO), ("synthetic", synth)):
            pages = scratch / f"{name}-as-html"
            html_archive(root, pages)
            rows += measure(name, "html", pages, scratch, html_perturbations(pages, _quotes(pages)))
            captures = scratch / f"{name}-as-warc"
            warc_archive(pages, captures)
            rows += measure(name, "warc", captures, scratch,
                            warc_perturbations(pages, html_perturbations(pages, _quotes(pages)), scratch),
                            warc_anchored)
    rows.sort(key=lambda row: ("text", "html", "warc").index(row[0]))  # stable: seeds, then synthetic
    header = ["source", "archive", "drift", "items", "right", "right,warned", "wrong,warned", "wrong,silent",
              "orphan", "ambiguous", "lost", "other error", "% right", "warn after fix"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
