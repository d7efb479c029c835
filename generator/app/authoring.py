"""The commands a contributor runs while annotating: `clean` (one source as the build cleans it), `new`
(a pre-filled annotation file) and `suggest` (recurring names that are not entities yet)."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

from generator.annotate.load import YAML_SUFFIXES, load_annotations
from generator.annotate.overrides import unused_override_problems
from generator.annotate.tags import vocabulary_path
from generator.app.console import EXIT_OK, EXIT_PROBLEMS, Subcommands, add_common_options, print_problems
from generator.app.scaffold import new_annotation_text, suggest_entities, write_new
from generator.clean.linescore import ends_the_article
from generator.clean.stage import clean_one
from generator.core.archive import Archive
from generator.core.errors import Problem, plain_or_quoted
from generator.core.model import Annotations, Article, RawDocument
from generator.ingest.read import DEFAULT_MAX_BYTES, display_path, read_document, read_seeds, read_sources, seed_named
from generator.ingest.versions import group_versions
from generator.ingest.warc import WarcRead, read_warc, split_capture_path
from generator.pipeline import load_archive


def add_clean(sub: Subcommands) -> None:
    clean_cmd = sub.add_parser("clean", help="print the cleaned body of one article",
                               description="Print the article body without page boilerplate, title or metadata, "
                                           "paragraphs separated by blank lines. A file in an archive's seeds/ "
                                           "is cleaned as the build cleans it: beside the other seeds (lines "
                                           "they repeat) and with its annotation's cleaning: keep/drop.")
    clean_cmd.add_argument("file", type=Path, help="a source file, e.g. seeds/004_9d61dd4defbaf8ac.txt; one "
                                                 "capture of a WARC file as FILE.warc.gz#offset=N (a build's "
                                                 "problems and versions name it so); a WARC file alone lists "
                                                 "its captures")
    clean_cmd.add_argument("--explain", action="store_true", help="also list each removed line, its rule and "
                                                                  "line score (on stderr), at its line in FILE "
                                                                  "(the HTML source, for a web page)")
    clean_cmd.add_argument("--json", action="store_true", help="print body, metadata and removals as JSON")
    clean_cmd.set_defaults(run=cmd_clean)


def add_new(sub: Subcommands) -> None:
    new = sub.add_parser("new", help="write a pre-filled annotation file for an article",
                         description="Write annotations/articles/<article id>.yml pre-filled with what cleaning "
                                     "detected (title, date, outlet, dateline) and the known entities the article "
                                     "mentions. Refuses to overwrite an existing file.")
    new.add_argument("file", help="the article: its seed (seeds/005_example.txt), the seed's file name or its id "
                                   "(005_example)")
    add_common_options(new)
    new.set_defaults(run=cmd_new)


def add_suggest(sub: Subcommands) -> None:
    suggest = sub.add_parser("suggest", help="list recurring names that are not entities yet",
                             description="List names that recur across the archive (or twice in ARTICLE) but are "
                                         "neither entities nor aliases, with counts and an example sentence, as "
                                         "YAML to paste into annotations/entities.yml.")
    suggest.add_argument("article", nargs="?", help="limit to one article: its id (a seed's file name without "
                                                    "extension), the seed's file name or its path")
    add_common_options(suggest)
    suggest.set_defaults(run=cmd_suggest)


# a capture's URL is data the listing exists to show, so a long one is shown whole up to a point
URL_SHOWN = 2000

def cmd_clean(args: argparse.Namespace) -> int:
    path: Path = args.file
    capture = split_capture_path(str(path))
    if capture is not None:
        return clean_capture(args, *capture)
    if not path.is_file():
        print(f"{plain_or_quoted(str(path))}: error: no such file", file=sys.stderr)
        return EXIT_PROBLEMS
    document, problem = read_document(path, Path("."))
    if problem:
        print_problems([problem], "text")
        return EXIT_PROBLEMS
    assert document is not None
    siblings: list[RawDocument] = [document]
    annotations = Annotations((), (), {})
    if path.parent.name == "seeds":  # in an archive: cleaned as the build cleans it, so quotes copied from here anchor
        root = path.parent.parent
        siblings = read_sources(root)[0] or [document]
        annotations = load_annotations(root, [d.article_id for d in siblings])[0]
    siblings = [document if d.path.resolve() == path.resolve() else d for d in siblings]
    return print_cleaned(args, document, siblings, annotations, str(path))


def print_cleaned(args: argparse.Namespace, document: RawDocument, siblings: list[RawDocument],
                  annotations: Annotations, shown: str, extra: dict | None = None) -> int:
    """One document cleaned among its siblings, printed as `clean` prints it (extra: more keys for --json)."""
    article = clean_one(document, siblings, annotations)
    annotation = annotations.articles.get(document.article_id)
    if annotation is not None:  # a keep/drop value that changed nothing: said here too, where it is tried out
        print_problems(unused_override_problems(article, annotation.cleaning_values, shown), "text")
    if args.json:
        print(json.dumps({**(extra or {}),
            "body": article.body,
            "blocks": [{"kind": b.kind, "text": b.text} for b in article.blocks],
            "metadata": {"title": article.title, "date": article.date.isoformat() if article.date else None,
                         "outlet": article.outlet, "dateline": article.dateline, "byline": article.byline,
                         "url": article.url, "language": article.language},
            "removed": [{"line": r.line_no, "text": r.text, "rule": r.rule, "reason": r.reason, "score": r.score}
                        for r in article.removals],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    sys.stdout.write(article.body + "\n")
    if args.explain:
        for removal in article.removals:  # line numbers of the file itself, HTML source for a web page
            score = ("" if removal.score is None else ", the article ends here" if ends_the_article(removal.score)
                     else f", score {removal.score:+.1f}")
            print(f"{shown}:{removal.line_no}: removed by {removal.rule}{score} ({removal.reason}): "
                  f"{removal.text}", file=sys.stderr)
    return EXIT_OK


def clean_capture(args: argparse.Namespace, path: Path, offset: int | None) -> int:
    """`clean FILE.warc.gz#offset=N`: that capture cleaned as the build cleans it (in an archive's seeds/, beside
    the other sources and with its article's cleaning: keep/drop); `clean FILE.warc.gz`: the file's captures,
    each named as `clean` takes it, with the records skipped and the damaged ones."""
    if not path.is_file():
        print(f"{plain_or_quoted(str(path))}: error: no such file", file=sys.stderr)
        return EXIT_PROBLEMS
    annotations = Annotations((), (), {})
    if path.parent.name == "seeds":  # in an archive: grouped and cleaned as the build does
        root = path.parent.parent
        sources = read_seeds(root)
        shown = display_path(root / "seeds" / path.name, root)
        annotations = load_annotations(root, list(dict.fromkeys(d.article_id for d in sources.documents)))[0]
        siblings = group_versions(sources, annotations).documents
        read = WarcRead([c for c in sources.captures if c.warc == shown],
                        [p for p in sources.problems if p.loc.path.startswith(f"{shown}#") or p.loc.path == shown])
    else:
        shown = str(path)
        read = read_warc(path, shown, DEFAULT_MAX_BYTES)
        siblings = [c.document for c in read.captures]
    as_built = {d.path: d for d in siblings}  # a capture's article id is its article's (ingest/versions.py)
    if offset is None:
        print_problems(read.problems, "text")
        for capture in read.captures:
            print(f"{plain_or_quoted(shown)}#offset={capture.offset}\t{capture.captured:%Y-%m-%dT%H:%M:%SZ}\t"
                  f"{plain_or_quoted(capture.url, URL_SHOWN)}\t"
                  f"{as_built.get(capture.document.path, capture.document).article_id}")
        print(f"{plain_or_quoted(shown)}: {len(read.captures)} HTML captures; clean one with "
              f"`clean {plain_or_quoted(shown)}#offset=N`", file=sys.stderr)
        return EXIT_PROBLEMS if any(p.is_error for p in read.problems) else EXIT_OK
    capture = next((c for c in read.captures if c.offset == offset), None)
    if capture is None:
        print_problems([p for p in read.problems if p.loc.path == f"{shown}#offset={offset}"], "text")
        offsets = ", ".join(str(c.offset) for c in read.captures) or "none"
        print(f"{plain_or_quoted(shown)}#offset={offset}: error: no HTML capture starts at byte offset {offset}; the "
              f"file's captures start at: {offsets} (`clean {plain_or_quoted(shown)}` lists them)", file=sys.stderr)
        return EXIT_PROBLEMS
    document = as_built.get(capture.document.path, capture.document)
    return print_cleaned(args, document, siblings, annotations, f"{shown}#offset={offset}",
                         {"capture": {"url": capture.url, "captured": capture.captured.isoformat(),
                                      "offset": capture.offset, "article": document.article_id}})


def cmd_new(args: argparse.Namespace) -> int:
    root: Path = args.root
    archive, problems = load_archive(root, args.max_bytes)
    article = _named_article(args.file, root, archive, problems)
    if article is None:
        return EXIT_PROBLEMS
    target = root / "annotations" / "articles" / f"{article.id}.yml"
    # An article has one annotation file: a.yml beside an existing a.yaml would be a second one.
    existing = next((path for path in (target.parent / f"{article.id}{suffix}" for suffix in YAML_SUFFIXES)
                     if path.exists()), None)
    counts = Counter(m.entity_id for m in archive.mentions if m.article_id == article.id)
    used = Counter(tag for a in archive.articles for tag in a.tags)
    known = ([(t.id, t.label + (f" — {t.description}" if t.description else "")) for t in archive.tags]
             if vocabulary_path(root).is_file()
             else [(tag, f"{n} {'article' if n == 1 else 'articles'}") for tag, n in used.items()])
    text = new_annotation_text(article.cleaned, list(archive.entities), counts, known)
    if existing is None and write_new(target, text):
        print(f"wrote {target}; check it with `python -m generator validate`")
        return EXIT_OK
    print(f"{existing or target}: error: already exists; edit it, or move it away to start again", file=sys.stderr)
    return EXIT_PROBLEMS


def cmd_suggest(args: argparse.Namespace) -> int:
    archive, problems = load_archive(args.root, args.max_bytes)
    article = _named_article(args.article, args.root, archive, problems) if args.article else None
    if args.article and article is None:
        return EXIT_PROBLEMS
    suggestions = suggest_entities(archive, article.id if article else None)
    if not suggestions:
        print("# no recurring names outside the entity registry")
        return EXIT_OK
    print("# Names that recur but are not entities yet; paste what fits under `entities:`.")
    for suggestion in suggestions:
        sys.stdout.write(suggestion.as_yaml())
    return EXIT_OK


def _named_article(given: str, root: Path, archive: Archive, problems: Sequence[Problem]) -> Article | None:
    """The article a command-line argument names (read.seed_named), or None, having said why: the problems
    of its seed (empty, one of two for a page ...), or that seeds/ has no such article, with close names."""
    seed = seed_named(given, root)
    article = next((a for a in archive.articles if seed and a.cleaned.source.name == seed.name), None)
    if article is not None:
        return article
    if seed is not None:
        shown = display_path(seed, root)
        print_problems([p for p in problems if p.loc.path == shown or shown in p.message], "text")
        print(f"{plain_or_quoted(given)}: error: {plain_or_quoted(shown)} is not an article the build can read (see above)", file=sys.stderr)
        return None
    if Path(given).is_file():
        print(f"{plain_or_quoted(given)}: error: not in {root / 'seeds'}; put the file in seeds/ first", file=sys.stderr)
        return None
    names = sorted({a.id for a in archive.articles} | {a.cleaned.source.name for a in archive.articles})
    close = difflib.get_close_matches(Path(given).name, names, n=3, cutoff=0.6)
    print(f"{plain_or_quoted(given)}: error: no article of that name in {root / 'seeds'}; name it by its id (the seed's file name "
          "without extension), its file name or its path" + (f"; did you mean {', '.join(close)}?" if close else ""),
          file=sys.stderr)
    return None
