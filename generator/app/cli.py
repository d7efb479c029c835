"""The command line. The only module that prints problems and decides exit codes."""

from __future__ import annotations

import argparse
import difflib
import json
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from generator.annotate.load import YAML_SUFFIXES, load_annotations
from generator.annotate.overrides import unused_override_problems
from generator.annotate.tags import vocabulary_path
from generator.app.scaffold import new_annotation_text, suggest_entities, write_new
from generator.app.serve import serve
from generator.clean.stage import clean_one
from generator.clean.linescore import ends_the_article
from generator.core.errors import BuildFailed, Problem, counted, error, has_errors, strict
from generator.core.model import Annotations, Archive, Article, Loc, RawDocument
from generator.ingest.tree import not_an_archive
from generator.ingest.read import DEFAULT_MAX_BYTES, display_path, read_document, read_sources, seed_named
from generator.pipeline import build, load_archive
from generator.runtime.progress import Progress
from generator.write.commit import raise_interrupted
from generator.write.fingerprint import site_older_than_docs
from generator.write.site import ENGINES

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    in_main = threading.current_thread() is threading.main_thread()
    previous_term = signal.signal(signal.SIGTERM, raise_interrupted) if in_main else None
    try:
        refused = _root_refused(args)
        if refused:
            print(refused, file=sys.stderr)
            return EXIT_PROBLEMS
        return args.run(args)
    except BuildFailed as failed:
        print_problems(failed.problems, getattr(args, "format", "text"))
        errors = sum(p.is_error for p in failed.problems)
        print(f"build failed: {counted(errors, 'error')}; docs/ and site/ were not changed",
              file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt as stop:
        signum = getattr(stop, "signum", signal.SIGINT)
        done = ("the new docs/ and site/ were already in place" if getattr(stop, "committed", False)
                else "docs/ and site/ were not changed")
        print(f"interrupted ({signal.Signals(signum).name}); {done}", file=sys.stderr)
        return 128 + signum
    except OSError as exc:  # the disk refused something no stage could foresee: say what, not a traceback
        where = exc.filename or getattr(args, "root", ".")
        print(f"{where}: error: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous_term)


def _root_refused(args: argparse.Namespace) -> str | None:
    """Said before anything is read or written: a --root that is no archive (ingest/tree.py)."""
    root = getattr(args, "root", None)
    if root is None:
        return None
    why = not_an_archive(root)
    return f"{root}: error: {why}" if why else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build an annotated news archive into an MkDocs site.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="generate docs/ from seeds/ and annotations/, then build site/",
                           description="Read and clean seeds/, merge annotations/, write the generated pages "
                                       "into docs/ and run `mkdocs build --strict` into site/. Nothing is "
                                       "changed unless every step succeeds.")
    _common(build)
    build.add_argument("--no-site", action="store_true", help="stop after writing docs/ (no mkdocs build)")
    build.add_argument("--engine", choices=sorted(ENGINES), default="mkdocs",
                       help="what builds site/ from docs/ and mkdocs.yml (default: %(default)s)")
    _strict(build)
    build.add_argument("--no-wait", action="store_true",
                       help="if another build of this folder is running, stop at once instead of waiting for it")
    build.set_defaults(run=cmd_build)

    validate = sub.add_parser("validate", help="check annotations and seeds without building",
                              description="Report every problem in seeds/ and annotations/ (YAML syntax, schema, "
                                          "references, quotes that do not anchor), one per line. Exit 1 on any "
                                          "error.")
    _common(validate)
    validate.add_argument("--format", choices=("text", "github", "json"), default="text",
                          help="text (path:line:col: severity: message), github (workflow commands) or json")
    _strict(validate)
    validate.set_defaults(run=cmd_validate)

    clean_cmd = sub.add_parser("clean", help="print the cleaned body of one article",
                               description="Print the article body without page boilerplate, title or metadata, "
                                           "paragraphs separated by blank lines. A file in an archive's seeds/ "
                                           "is cleaned as the build cleans it: beside the other seeds (lines "
                                           "they repeat) and with its annotation's cleaning: keep/drop.")
    clean_cmd.add_argument("file", type=Path, help="a source file, e.g. seeds/004_9d61dd4defbaf8ac.txt")
    clean_cmd.add_argument("--explain", action="store_true", help="also list each removed line, its rule and "
                                                                  "line score (on stderr), at its line in FILE "
                                                                  "(the HTML source, for a web page)")
    clean_cmd.add_argument("--json", action="store_true", help="print body, metadata and removals as JSON")
    clean_cmd.set_defaults(run=cmd_clean)

    new = sub.add_parser("new", help="write a pre-filled annotation file for an article",
                         description="Write annotations/articles/<article id>.yml pre-filled with what cleaning "
                                     "detected (title, date, outlet, dateline) and the known entities the article "
                                     "mentions. Refuses to overwrite an existing file.")
    new.add_argument("file", help="the article: its seed (seeds/005_example.txt), the seed's file name or its id "
                                   "(005_example)")
    _common(new)
    new.set_defaults(run=cmd_new)

    suggest = sub.add_parser("suggest", help="list recurring names that are not entities yet",
                             description="List names that recur across the archive (or twice in ARTICLE) but are "
                                         "neither entities nor aliases, with counts and an example sentence, as "
                                         "YAML to paste into annotations/entities.yml.")
    suggest.add_argument("article", nargs="?", help="limit to one article: its id (a seed's file name without "
                                                    "extension), the seed's file name or its path")
    _common(suggest)
    suggest.set_defaults(run=cmd_suggest)

    serve_cmd = sub.add_parser("serve", help="live preview that regenerates when seeds or annotations change",
                               description="Generate docs/, start MkDocs' dev server, and regenerate the changed "
                                           "pages whenever a file under seeds/ or annotations/ changes.")
    serve_cmd.add_argument("--dev-addr", default="127.0.0.1:8000", help="IP:PORT to serve on (default: %(default)s)")
    _common(serve_cmd)
    serve_cmd.set_defaults(run=cmd_serve)
    _add_check(sub)
    fix_cmd = sub.add_parser("fix", help="rewrite quotes that anchor only with a warning to what the text says",
                             description="For every note, fact link, mention and unlink whose quote anchors only "
                                         "with a warning (context that drifted, an approximate quote, a close "
                                         "second place), rewrite its quote, prefix and suffix to the passage "
                                         "anchoring found, with the fewest words of context that decide. Prints "
                                         "the changes as a unified diff first; keeps comments, key order, quoting "
                                         "and blank lines; refuses a file that changed meanwhile. Never part of "
                                         "a build: review the diff.")
    fix_cmd.add_argument("--dry-run", action="store_true", help="print the diff only; write nothing")
    _common(fix_cmd)
    fix_cmd.set_defaults(run=cmd_fix)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the archive folder holding seeds/, annotations/, docs/ and mkdocs.yml (default: .)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"largest source file accepted (default: {DEFAULT_MAX_BYTES:,})")


def _strict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="treat every warning as an error, e.g. a quote anchored only approximately "
                             "(the default when mkdocs.yml has `extra: {archive: {strict: true}}`)")


def strict_mode(args: argparse.Namespace) -> bool:
    """--strict, or the archive's own setting: CI and `make check` then follow the archive without a flag."""
    from generator.check.links import load_config

    return bool(getattr(args, "strict", False)) or load_config(args.root).strict


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    done = build(args.root, args.max_bytes, args.engine, site=not args.no_site, stages=Progress(sys.stderr),
                 note=lambda text: print(f"{args.root}: note: {text}", file=sys.stderr, flush=True),
                 strict_mode=strict_mode(args), wait=not getattr(args, "no_wait", False))
    seconds = time.perf_counter() - started
    if done.result is None:
        print(f"nothing changed since the last build: {'docs/ is' if args.no_site else 'docs/ and site/ are'} "
              f"up to date ({seconds:.2f} s)")
        return EXIT_OK
    result, changes = done.result, done.result.changes
    print_problems(result.problems, "text")
    summary = (f"{len(result.archive.articles)} articles, {len(result.archive.entities)} entities, "
               f"{len(result.archive.facts)} facts, {len(result.archive.mentions)} mentions; "
               f"docs/: {len(changes.write)} written, {changes.unchanged} unchanged, {len(changes.remove)} removed")
    if result.skipped:
        summary += "; web-archive records skipped: " + ", ".join(f"{n} {why}" for why, n in result.skipped)
    if done.site is None:
        already = "" if args.no_site else "; site/ was already built from these pages"
        print(f"{summary}{already} ({seconds:.1f} s)")
        return EXIT_OK
    if not done.site.ok:
        sys.stderr.write(done.site.log)
        print_problems(list(done.site.problems), "text")  # the warnings above, at their Markdown line
        print(f"{args.engine} build --strict failed (above); docs/ and site/ were not changed", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{summary}; site built into {done.site.site_dir} ({seconds:.1f} s)")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    _, problems = load_archive(args.root, args.max_bytes, Progress(sys.stderr))
    problems = strict(problems) if strict_mode(args) else problems
    print_problems(problems, args.format)
    errors = sum(p.is_error for p in problems)
    if args.format == "text":
        warnings = len(problems) - errors
        print(f"{counted(errors, 'error')}, {counted(warnings, 'warning')}",
              file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"{path}: error: no such file", file=sys.stderr)
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
    article = clean_one(document, siblings, annotations)
    annotation = annotations.articles.get(document.article_id)
    if annotation is not None:  # a keep/drop value that changed nothing: said here too, where it is tried out
        print_problems(unused_override_problems(article, annotation.cleaning_values, str(path)), "text")
    if args.json:
        print(json.dumps({
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
            print(f"{path}:{removal.line_no}: removed by {removal.rule}{score} ({removal.reason}): "
                  f"{removal.text}", file=sys.stderr)
    return EXIT_OK


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
        print(f"{given}: error: {shown} is not an article the build can read (see above)", file=sys.stderr)
        return None
    if Path(given).is_file():
        print(f"{given}: error: not in {root / 'seeds'}; put the file in seeds/ first", file=sys.stderr)
        return None
    names = sorted({a.id for a in archive.articles} | {a.cleaned.source.name for a in archive.articles})
    close = difflib.get_close_matches(Path(given).name, names, n=3, cutoff=0.6)
    print(f"{given}: error: no article of that name in {root / 'seeds'}; name it by its id (the seed's file name "
          "without extension), its file name or its path" + (f"; did you mean {', '.join(close)}?" if close else ""),
          file=sys.stderr)
    return None


def cmd_fix(args: argparse.Namespace) -> int:
    from generator.app.fix import fix

    changed, problems = fix(args.root, args.dry_run, args.max_bytes)
    print_problems(problems, "text")
    verb = "would change" if args.dry_run else "changed"
    print(f"fix: {changed} {'file' if changed == 1 else 'files'} {verb}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    return serve(args.root, args.dev_addr, lambda message: print(message, file=sys.stderr, flush=True),
                 lambda problems: print_problems(problems, "text"))


def _add_check(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="check links and anchors of the built site, and the annotations",
                           description="Resolve every href, src and srcset of every HTML file in site/ (a folder "
                                       "URL serves its index.html) and every #fragment against the ids of its "
                                       "page; run the same annotation checks as `validate`. Problems point at the "
                                       "Markdown line where it can be traced, else the HTML file. Links leaving "
                                       "the site are checked only with --external. Exit 1 on any error.")
    _common(check)
    check.add_argument("--build", action="store_true", help="run `build` first, then check the new site")
    check.add_argument("--external", action="store_true",
                       help="also request links that leave the site (HEAD then GET, cached; options under "
                            "`extra: link_check:` in mkdocs.yml)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (path:line:col: severity: message), github (workflow commands) or json")
    _strict(check)
    check.set_defaults(run=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    import contextlib

    from generator.check.external import ExternalConfig, check_external
    from generator.check.links import check_site, load_config

    started = time.perf_counter()
    if args.build:
        with contextlib.redirect_stdout(sys.stderr):  # stdout is for the problems (json, github) only
            if cmd_build(argparse.Namespace(root=args.root, max_bytes=args.max_bytes, no_site=False, engine="mkdocs",
                                            strict=args.strict)):
                return EXIT_PROBLEMS
    config = load_config(args.root)
    if not (config.site_dir / "index.html").is_file():
        print(f"{config.site_dir}: error: no built site here; run `python -m generator build` or pass --build",
              file=sys.stderr)
        return EXIT_PROBLEMS
    site = check_site(config, args.root)
    problems, parts = list(site.problems), [f"{counted(site.pages, 'page')}, {counted(site.links, 'link')}, {len(site.problems)} broken"]
    if site_older_than_docs(args.root):  # the links checked are not those of the pages there are now
        problems.append(error(Loc.whole("site"), "was built from an older docs/ or mkdocs.yml: these links are the "
                              "old site's; run `python -m generator build`, or check with --build"))
        parts.append("site/ older than docs/")
    if (args.root / "annotations").is_dir() or (args.root / "seeds").is_dir():
        annotation_problems = load_archive(args.root, args.max_bytes)[1]
        annotation_problems = strict(annotation_problems) if args.strict or config.strict else annotation_problems
        problems += annotation_problems
        errors = sum(p.is_error for p in annotation_problems)
        parts.append(f"annotations: {counted(errors, 'error')}, {counted(len(annotation_problems) - errors, 'warning')}")
    urls = len({link.url for link in site.external})
    if args.external:
        try:
            external_config = ExternalConfig.from_mapping(config.link_check)
        except ValueError as bad:
            print(f"mkdocs.yml: error: {bad}", file=sys.stderr)
            return EXIT_USAGE
        external = check_external(site.external, external_config, args.root)
        problems += external.problems
        parts.append(f"external: {counted(external.urls, 'URL')}, {external.requested} requested, {external.cached} cached, "
                     f"{external.skipped} skipped, {len(external.problems)} broken")
    else:
        parts.append(f"{urls} external URLs not checked (--external)")
    print_problems(problems, args.format)
    print(f"check: {'; '.join(parts)} ({time.perf_counter() - started:.2f} s)", file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def print_problems(problems: Sequence[Problem], fmt: str) -> None:
    problems = sorted(problems)
    if fmt == "json":
        print(json.dumps([{"path": p.loc.path, "line": p.loc.line, "column": p.loc.column,
                           "severity": p.severity, "message": p.message} for p in problems], indent=2))
        return
    for p in problems:
        if fmt == "github":
            print(p.github_command())
        else:
            print(str(p), file=sys.stderr)

