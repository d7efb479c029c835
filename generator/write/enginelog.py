"""MkDocs' (and ProperDocs') strict warnings about links, traced to the Markdown line and column that wrote them,
and the warnings the archive's own plugin gives at their place (a marker in a hand-written page).

MkDocs names the page and the link as written, never the line: `Doc file 'index.md' contains a link
'missing.md', but ...`. The link is looked for in the page as written (after `](`, `]: `, or quoted in
raw HTML), so a contributor gets `docs/index.md:LINE:COL: error: ...` like every other problem.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.errors import Problem, error
from generator.core.model import Loc

WARNING = re.compile(r"^WARNING\s+-\s+(Doc file '([^'\n]+)' contains (?:an? [a-z ]*?)?link '([^'\n]*)'.*)$", re.M)
# A warning that names its place itself (render/includes.py, the archive's plugin: a marker in a hand-written page)
LOCATED = re.compile(r"^WARNING\s+-\s+docs/(\S+?):(\d+):(\d+): (.+)$", re.M)


def link_warnings(log: str, docs_dir: Path) -> list[Problem]:
    """A located error for each link warning in the engine's log (the page's first line when the link
    cannot be found as written)."""
    problems = []
    for match in WARNING.finditer(log):
        message, page, link = match.group(1).strip(), match.group(2), match.group(3)
        line, column = _find(docs_dir / page, link)
        problems.append(error(Loc(f"docs/{page}", line, column), message))
    for match in LOCATED.finditer(log):
        problems.append(error(Loc(f"docs/{match.group(1)}", int(match.group(2)), int(match.group(3))),
                              match.group(4).strip()))
    return problems


def _find(path: Path, link: str) -> tuple[int, int]:
    try:
        lines = path.read_text("utf-8", "replace").splitlines()
    except OSError:
        return 1, 1
    for before in ("](", "]: ", "]:", '"', "'", "<", ""):
        needle = before + link
        for number, text in enumerate(lines, 1):
            column = text.find(needle)
            if column >= 0 and link:
                return number, column + len(before) + 1
    return 1, 1
