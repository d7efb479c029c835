"""Time `python -m generator check` against LinkChecker on the same built site, and compare their verdicts.

    python bench/linkcheck_compare.py                  # the site already built in ./site
    python bench/linkcheck_compare.py --build          # build the seed archive first
    python bench/linkcheck_compare.py --synthetic 1000 # a generated MkDocs site of N cross-linked articles

LinkChecker (the `bench` extra: pip install -e '.[bench]') runs over the site as files, from
index.html, with its AnchorCheck plugin on. Without it installed this prints why and skips it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    process = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - started, process


def synthetic_site(root: Path, articles: int) -> Path:
    """A plain MkDocs (Material) project: N articles, each linking to its neighbours' headings and an index."""
    docs = root / "docs" / "articles"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Synthetic archive\ntheme:\n  name: material\n"
                                     "markdown_extensions:\n  - toc:\n      permalink: true\n"
                                     "nav:\n  - Home: index.md\n  - Articles: articles/index.md\n"
                                     "not_in_nav: |\n  /articles/a*.md\n", "utf-8")
    (root / "docs" / "index.md").write_text("# Synthetic archive\n\n[All articles](articles/index.md)\n", "utf-8")
    rows = []
    for n in range(articles):
        prev_, next_ = (n - 1) % articles, (n + 1) % articles
        paragraphs = "\n\n".join(f"## Section {s}\n\nText of section {s}, see [the next article](a{next_:04}.md#section-{s})"
                                 f" and [the previous one](a{prev_:04}.md#section-{s})." for s in range(1, 6))
        (docs / f"a{n:04}.md").write_text(f"# Article {n}\n\n[Index](index.md#article-list)\n\n{paragraphs}\n",
                                          "utf-8")
        rows.append(f"- [Article {n}](a{n:04}.md)")
    (docs / "index.md").write_text("# Articles\n\n## Article list\n\n" + "\n".join(rows) + "\n", "utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict"], cwd=root,
                           capture_output=True, text=True)
    if build.returncode:
        raise SystemExit(build.stderr)
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="project with mkdocs.yml and a built site/")
    parser.add_argument("--build", action="store_true", help="run `python -m generator build` first")
    parser.add_argument("--synthetic", type=int, metavar="N", help="generate and build a site of N articles")
    args = parser.parse_args()
    scratch = None
    root = args.root.resolve()
    if args.synthetic:
        scratch = Path(tempfile.mkdtemp(prefix="linkcheck-bench-"))
        scratch.chmod(0o755)  # LinkChecker run as root drops to user nobody, who must be able to read the site
        started = time.perf_counter()
        root = synthetic_site(scratch, args.synthetic)
        print(f"synthetic site: {args.synthetic} articles built in {time.perf_counter() - started:.1f} s")
    elif args.build:
        subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root)], cwd=REPO, check=True)
    try:
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        if not pages:  # nothing to compare: two failures timed against each other would say nothing
            print(f"{root / 'site'}: no built site to check; build it first, or pass --build or --synthetic N",
                  file=sys.stderr)
            return 1
        print(f"site: {root / 'site'} ({pages} HTML files)")
        ours, process = timed([sys.executable, "-m", "generator", "check", "--root", str(root)], REPO)
        summary = process.stderr.strip().splitlines()[-1] if process.stderr.strip() else ""
        print(f"generator check: {ours:.2f} s, exit {process.returncode}: {summary}")
        theirs = run_linkchecker(root)
        if theirs:
            print(f"linkchecker is {theirs / ours:.0f}x slower (target: check >= 10x faster)")
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


def run_linkchecker(root: Path) -> float | None:
    executable = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which("linkchecker")
    if not executable:
        print("linkchecker: skipped, not installed (pip install -e '.[bench]')")
        return None
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "linkcheckerrc"
        config.write_text("[AnchorCheck]\n", "utf-8")
        seconds, process = timed([executable, "-f", str(config), "--no-status", "--no-warnings",
                                  str(root / "site" / "index.html")], root)
    found = re.search(r"(\d+) links? in (\d+) URLs? checked\..*?(\d+) errors? found", process.stdout, re.S)
    verdict = f"{found.group(2)} URLs checked, {found.group(3)} errors" if found else process.stdout[-500:]
    print(f"linkchecker:     {seconds:.2f} s, exit {process.returncode}: {verdict}")
    if process.returncode:
        print(process.stdout[-3000:])
    return seconds


if __name__ == "__main__":
    sys.exit(main())
