"""The syntax by which contributor text (a note) links another article, an entity or a fact:
[[kind:id]], or [[kind:id|words shown]].

Double square brackets with a kind and a colon do not occur in ordinary prose in any language, and they
are found in the text as the contributor wrote it, before any Markdown escaping, so the escaping of the
text around them can change without changing what they mean. annotate/references.py checks them,
render/references.py turns them into links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

KINDS = ("article", "entity", "fact")
# [[kind:id]] shows the target's title; [[kind:id|words]] shows the words instead (the title of an article
# is often too long for the sentence it sits in).
REFERENCE = re.compile(r"\[\[(article|entity|fact):([^\[\]\s|]+)(?:\|([^\[\]|]+))?\]\]")


@dataclass(frozen=True)
class Reference:
    kind: str   # one of KINDS
    id: str     # as written
    start: int  # the [[...]] in the text
    end: int
    label: str = ""  # the words after |, shown instead of the title


def references(text: str) -> list[Reference]:
    return [Reference(m.group(1), m.group(2), m.start(), m.end(), (m.group(3) or "").strip())
            for m in REFERENCE.finditer(text)]


def article_id(written: str, article_ids: Iterable[str]) -> str | None:
    """The article an [[article:...]] names: its id, or the number its id starts with ("001" for
    001_a4029b8832b4861f) when one article only has it; None when it names none."""
    ids = set(article_ids)
    if written in ids:
        return written
    matches = [i for i in ids if i.split("_", 1)[0] == written]
    return matches[0] if len(matches) == 1 else None
