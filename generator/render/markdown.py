"""Turn text that is data (article text, annotation text) into Markdown that shows it as written.

Nothing from a source file or an annotation may become markup: HTML is
escaped to entities, Markdown punctuation is backslash-escaped, so
`<script>`, `[x](javascript:...)` or `{: onclick=...}` in an article show as
text on the page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date

# Front matter for listing pages: Material's search leaves them out, since they repeat what article,
# entity and fact pages already put in the index, and the index stays small as the archive grows.
NOT_INDEXED = {"exclude": True}

# The same as html.escape(quote=False), then a backslash before each character Python-Markdown lets a
# backslash escape (markdown.Markdown.ESCAPED_CHARS), in one pass: the escaping
# runs on every word of every page. A pattern that finds the few special characters is faster than
# str.translate, which looks every character up in the table (bench/compare_pages.py times render).
#
# Block structure (details `???`, setext `===`, indented code, quotes, lists, tables, fences) starts only at
# the start of a line, so escaped text never starts one: every line break and every run of whitespace
# becomes one space (a browser shows them so anyway), hence no indented line and no second line to
# underline; and the characters that open a block without a backslash escape Python-Markdown knows
# (`?` `=` `~` `|`) are written as character references, which the block parsers do not match and the
# browser shows as the character. By construction, not by a list of extensions: a newly enabled
# extension's block marker is one of these characters or one already escaped.
_ESCAPES = ({ch: "\\" + ch for ch in "\\`*_{}[]()!#+-."} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
            | {ch: f"&#{ord(ch)};" for ch in "?=~|"})
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + r"]|\s{2,}|[^\S ]")


def _escape(found: re.Match) -> str:
    return _ESCAPES.get(found.group(), " ")


def text(value: str, in_table: bool = False) -> str:
    """Escape plain text for a Markdown paragraph, list item or (with in_table) a table cell: it shows as
    written (whitespace runs as one space) and never opens a block, whatever line it lands on."""
    return _SPECIAL.sub(_escape, value)


def attr(value: str) -> str:
    """Escape a value for an HTML attribute written inside Markdown."""
    return html.escape(value, quote=True)


# ASCII punctuation no inline pattern of Python-Markdown starts or ends on, and that cannot end a quoted
# attr_list value: written as itself in a hover title, which every entity link of an article repeats.
ATTR_LIST_PLAIN = frozenset(" .,:;'()-/?")


def attr_list_value(value: str) -> str:
    """A value for a quoted attribute in an attr_list `{: title="..." }`: whitespace runs as one space, every
    ASCII character other than a letter, digit or plain punctuation (ATTR_LIST_PLAIN) as a numeric character
    reference, so neither attr_list (braces, quotes) nor an inline pattern (brackets, stars, backticks, `<`, `&`)
    reads any of it; the browser shows the characters."""
    return "".join(ch if ch.isalnum() or ch in ATTR_LIST_PLAIN or ord(ch) > 127 else f"&#{ord(ch)};"
                   for ch in " ".join(value.split()))


def hover(value: str, limit: int = 80) -> str:
    """Text for a hover title: one line, cut at a word before `limit` characters."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def link(label_markdown: str, target: str) -> str:
    return f"[{label_markdown}]({target})"


def front_matter(**fields: object) -> str:
    """YAML front matter. MkDocs and the theme put these values into HTML unescaped (a page title is
    HTML to them), so text is HTML-escaped here; JSON strings are valid YAML whatever the text holds."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, str):
            value = html.escape(value, quote=True)
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def json_ld(data: dict) -> str:
    """A JSON-LD block; '<' is written as a JSON escape so no text can close the script element."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{payload}</script>'


def heading(level: int, value: str, anchor: str | None = None) -> str:
    suffix = f" {{ #{anchor} }}" if anchor else ""
    return f"{'#' * level} {text(value)}{suffix}"


def format_date(value: date | None) -> str:
    """As readers write it: 20 December 2023."""
    return f"{value.day} {value.strftime('%B')} {value.year}" if value else "undated"


@dataclass(frozen=True)
class Marked:
    """An inline range to wrap in HTML tags, with Markdown to add after it (a note number)."""

    start: int
    end: int
    open_tag: str
    close_tag: str
    after: str = ""
