"""Where each generated page lives under docs/, and relative links between them.

All generated pages sit in their own folders (GENERATED_DIRS) so hand-written
pages beside them are never touched.
"""

from __future__ import annotations

import posixpath

from ..annotate import slugify

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


def tag_anchor(tag: str) -> str:
    return f"tag-{tag}"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link MkDocs resolves and validates: a relative path from one .md file to another."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")
