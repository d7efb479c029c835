"""Where each generated page lives under docs/, and relative links between them.

All generated pages sit in their own folders (GENERATED_DIRS) so hand-written
pages beside them are never touched.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from generator.ingest.read import slugify

GENERATED_DIRS = ("articles", "entities", "facts", "outlets", "tags", "timeline", "data")


def article(slug: str) -> str:
    return f"articles/{slug}.md"


def entity(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def fact(fact_id: str) -> str:
    return f"facts/{fact_id}.md"


def outlet(name: str) -> str:
    slug = slugify(name)
    return f"outlets/{slug}-outlet.md" if slug == "index" else f"outlets/{slug}.md"  # index.md lists them


def index(section: str) -> str:
    return f"{section}/index.md"


def coverage() -> str:
    return "facts/coverage.md"


def archive_data() -> str:
    return "data/archive.json"


def month(key: str) -> str:
    return f"timeline/{key}.md"


def tag(name: str) -> str:
    return f"tags/{name}.md"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link MkDocs resolves and validates: a relative path from one .md file to another."""
    to_dir, _, name = to_page.rpartition("/")
    prefix = _relative_dir(from_page.rpartition("/")[0], to_dir)
    return prefix + name + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=1024)
def _relative_dir(from_dir: str, to_dir: str) -> str:
    """posixpath.relpath between two folders of docs/ (few of them: cached), as a prefix ending in '/'."""
    target = posixpath.relpath(to_dir or ".", from_dir or ".")
    return "" if target == "." else target + "/"


INCLUDES = "data/includes"  # snippets for hand-written pages (render/home.py); never pages of their own


def include(name: str) -> str:
    return f"{INCLUDES}/{name}.include"
