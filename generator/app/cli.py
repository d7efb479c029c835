"""The command line: parse, call the pipeline, print what it did (problems through console.py), set the exit code."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Sequence

from generator.app.authoring import add_clean, add_new, add_suggest
from generator.app.console import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Subcommands,
    add_common_options,
    add_strict_option,
    print_problems,
    strict_mode,
)
from generator.app.serve import serve
from generator.core.errors import BuildFailed, counted, error, has_errors, strict
from generator.core.model import Loc, visible
from generator.ingest.tree import not_an_archive
from generator.pipeline import build, load_archive
from generator.render.includes import marker_problems
from generator.runtime.progress import Progress
from generator.write.commit import pending_commit_problems, raise_interrupted
from generator.write.disk import disk_problem
from generator.write.fingerprint import site_older_than_docs
from generator.write.site import ENGINES



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
        state = getattr(failed, "state", None) or "docs/ and site/ were not changed"  # commit.CommitPending's
        print(f"build failed: {counted(errors, 'error')}; {state}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt as stop:
        signum = getattr(stop, "signum", signal.SIGINT)
        done = ("the new docs/ and site/ were already in place" if getattr(stop, "committed", False)
                else "docs/ and site/ were not changed")
        print(f"interrupted ({signal.Signals(signum).name}); {done}", file=sys.stderr)
        return 128 + signum
    except OSError as exc:  # the disk refused something no stage could foresee: say what and where, not a traceback
        print_problems([disk_problem(exc, getattr(args, "root", None) or Path("."), then="then try again")],
                       getattr(args, "format", "text"))
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
    return f"{visible(str(root))}: error: {why}" if why else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build an annotated news archive into an MkDocs site.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_build, _add_validate, add_clean, add_new, add_suggest, _add_serve, _add_check, _add_fix):
        add(sub)
    return parser


def _add_build(sub: Subcommands) -> None:
    build = sub.add_parser("build", help="generate docs/ from seeds/ and annotations/, then build site/",
                           description="Read and clean seeds/, merge annotations/, write the generated pages "
                                       "into docs/ and run `mkdocs build --strict` into site/. Nothing is "
                                       "changed unless every step succeeds.")
    add_common_options(build)
    build.add_argument("--no-site", action="store_true", help="stop after writing docs/ (no mkdocs build)")
    build.add_argument("--engine", choices=sorted(ENGINES), default="mkdocs",
                       help="what builds site/ from docs/ and mkdocs.yml (default: %(default)s)")
    add_strict_option(build)
    build.add_argument("--no-wait", action="store_true",
                       help="if another build of this folder is running, stop at once instead of waiting for it")
    build.set_defaults(run=cmd_build)


def _add_validate(sub: Subcommands) -> None:
    validate = sub.add_parser("validate", help="check annotations and seeds without building",
                              description="Report every problem in seeds/ and annotations/ (YAML syntax, schema, "
                                          "references, quotes that do not anchor), one per line. Exit 1 on any "
                                          "error.")
    add_common_options(validate)
    validate.add_argument("--format", choices=("text", "github", "json"), default="text",
                          help="text (path:line:col: severity: message), github (workflow commands) or json")
    add_strict_option(validate)
    validate.set_defaults(run=cmd_validate)


def _add_serve(sub: Subcommands) -> None:
    serve_cmd = sub.add_parser("serve", help="live preview that regenerates when seeds or annotations change",
                               description="Generate docs/, start MkDocs' dev server, and regenerate the changed "
                                           "pages whenever a file under seeds/ or annotations/ changes.")
    serve_cmd.add_argument("--dev-addr", default="127.0.0.1:8000", help="IP:PORT to serve on (default: %(default)s)")
    add_common_options(serve_cmd)
    serve_cmd.set_defaults(run=cmd_serve)


def _add_fix(sub: Subcommands) -> None:
    fix_cmd = sub.add_parser("fix", help="rewrite quotes that anchor only with a warning to what the text says",
                             description="For every note, fact link, mention and unlink whose quote anchors only "
                                         "with a warning (context that drifted, an approximate quote, a close "
                                         "second place), rewrite its quote, prefix and suffix to the passage "
                                         "anchoring found, with the fewest words of context that decide. Prints "
                                         "the changes as a unified diff first; keeps comments, key order, quoting "
                                         "and blank lines; refuses a file that changed meanwhile. Never part of "
                                         "a build: review the diff.")
    fix_cmd.add_argument("--dry-run", action="store_true", help="print the diff only; write nothing")
    add_common_options(fix_cmd)
    fix_cmd.set_defaults(run=cmd_fix)


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    done = build(args.root, args.max_bytes, args.engine, site=not args.no_site, stages=Progress(sys.stderr),
                 note=lambda text: print(f"{visible(str(args.root))}: note: {text}", file=sys.stderr, flush=True),
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
        if not done.site.engine_ok:  # the engine's own log says why it failed
            sys.stderr.write(done.site.log)
        print_problems(list(done.site.problems), "text")  # the warnings above, at their Markdown line
        why = (f"{counted(len(done.site.problems), 'broken link')} in hand-written pages" if done.site.engine_ok
               else f"{args.engine} build --strict failed")
        print(f"{why} (above); docs/ and site/ were not changed", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{summary}; site built into {done.site.site_dir} ({seconds:.1f} s)")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    _, problems = load_archive(args.root, args.max_bytes, Progress(sys.stderr))
    problems += marker_problems(args.root)  # the hand-written pages' markers, as a build reports them
    problems = (strict(problems) if strict_mode(args) else problems) + pending_commit_problems(args.root)
    print_problems(problems, args.format)
    errors = sum(p.is_error for p in problems)
    if args.format == "text":
        warnings = len(problems) - errors
        print(f"{counted(errors, 'error')}, {counted(warnings, 'warning')}",
              file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


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


def _add_check(sub: Subcommands) -> None:
    check = sub.add_parser("check", help="check links and anchors of the built site, and the annotations",
                           description="Resolve every href, src and srcset of every HTML file in site/ (a folder "
                                       "URL serves its index.html) and every #fragment against the ids of its "
                                       "page; run the same annotation checks as `validate`. Problems point at the "
                                       "Markdown line where it can be traced, else the HTML file. Links leaving "
                                       "the site are checked only with --external. Exit 1 on any error.")
    add_common_options(check)
    check.add_argument("--build", action="store_true", help="run `build` first, then check the new site")
    check.add_argument("--external", action="store_true",
                       help="also request links that leave the site (HEAD then GET, cached; options under "
                            "`extra: link_check:` in mkdocs.yml)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (path:line:col: severity: message), github (workflow commands) or json")
    add_strict_option(check)
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
    pending = pending_commit_problems(args.root)
    if pending:  # the links of a half-moved site say nothing about either build
        print_problems(pending, args.format)
        return EXIT_PROBLEMS
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
