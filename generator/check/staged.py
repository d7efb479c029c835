"""The links of the hand-written pages of a site that is built but not yet in place: checked before commit.

MkDocs validates Markdown links and anchors, but not all of them, and not always: a link in raw HTML
is never checked, and MkDocs 1.6 drops its anchor validation when run with --verbose (the log our
progress counts pages from: `links_to_anchors` is only kept below DEBUG). So a build reads back the
HTML of every hand-written page, as `check` would, and a broken link or anchor there fails the build
at its Markdown line, before docs/ and site/ change. Generated pages are left to `check`: their links
are the generator's, not a contributor's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.check.links import check_site, load_config
from generator.core.errors import Problem
from generator.write.plan import read_manifest


def hand_written_links(root: Path, staged_docs: Path, staged_site: Path) -> list[Problem]:
    """Every broken link or anchor in a hand-written page of the staged site, at its line in docs/
    (the staged copy is docs/ with the new pages: paths are shown as docs/FILE.md)."""
    if not (staged_site / "index.html").is_file():
        return []
    generated = read_manifest(staged_docs)
    config = dataclasses.replace(load_config(root), docs_dir=staged_docs, site_dir=staged_site)
    report = check_site(config, staged_docs.parent,
                        sources=lambda md: md not in generated)
    # Only what traces to a hand-written page's Markdown: a theme link is on every page, and `check` has it.
    return [p for p in report.problems if p.loc.path.startswith("docs/")]
