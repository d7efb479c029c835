"""The link patterns of render/linkscan.py: the same HTML as Python-Markdown's own, without its scan of the
whole text node for every link (the largest cost of the site build on article pages)."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import inlinepatterns

from tests.helpers import site_markdown_extensions

NAMES, CONFIGS = site_markdown_extensions()
STOCK = [name for name in NAMES if name != "generator.render.linkscan"]
TRICKY = [
    "[a](x.md) and [b](y.md \"Title\"){: .entity-link title=\"T\" } then [c [nested]](z.md)",
    "[open without close (x.md) [later](y.md) ] stray",
    "![img](p.png \"t\") ![alt [in] it](q.png) [![inner](i.png)](outer.md)",
    "[ref][r] and [short] and [r] and ![iref][r]\n\n[r]: target.md \"Ref title\"",
    "\\[escaped\\](not-a-link) [real](a.md) \\[ [x](b.md) \\]",
    "[a]](x.md) [[b](y.md) []() [x]",
    "<span title=\"[x]\">[in span](a.md)</span> `[code](c.md)` [after](d.md)",
]


def _html(source: str, names: list) -> str:
    return markdown.markdown(source, extensions=names, extension_configs=CONFIGS)


@pytest.mark.parametrize("source", TRICKY)
def test_same_html_as_the_stock_patterns(source: str) -> None:
    assert _html(source, NAMES) == _html(source, STOCK)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "(", ")", "!", "a", " ", "x.md", "\"t\"", "\\[", "\\]", "\n", "[r]: u\n",
                                 "{: .c }", "<", ">"]), max_size=30).map("".join))
def test_same_html_on_any_brackets(source: str) -> None:
    assert _html(source, NAMES) == _html(source, STOCK)


def test_a_paragraph_of_links_is_never_scanned_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stock scan runs over the whole text node once per link; with the site's extensions, labels
    without a nested bracket never reach it (fails if mkdocs.yml does not name the extension)."""
    monkeypatch.setattr(inlinepatterns.LinkInlineProcessor, "getText",
                        lambda self, data, index: (_ for _ in ()).throw(AssertionError("stock scan")))
    paragraph = " ".join(f"word [Name {i}](../entities/n{i}.md){{: .entity-link title=\"Person {i}\" }}"
                         for i in range(50))
    html = _html(paragraph, NAMES)
    assert html.count("<a ") == 50 and 'title="Person 49"' in html
