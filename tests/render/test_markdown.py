"""Escaped text renders, with the site's own Markdown extensions, as one paragraph of that text."""

from __future__ import annotations

from xml.etree import ElementTree

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render import markdown as md
from tests.helpers import site_markdown_extensions

NAMES, CONFIGS = site_markdown_extensions()
BLOCKY = st.sampled_from(["??? danger \"x\"", "???+ note", "!!! warning", "===", "---", "    code", "- item",
                          "1. item", "> quote", "| a | b |", "|---|---|", "```", "~~~", "<div>", "{: #x }",
                          "[^1]: foot", "*[HTML]: abbr", "term\n: definition", "# h", "\t", "\r", "\n", " "])
TEXTS = st.lists(st.one_of(BLOCKY, st.text()), max_size=8).map("".join)


def _render(source: str) -> ElementTree.Element:
    html = markdown.markdown(source, extensions=NAMES, extension_configs=CONFIGS)
    return ElementTree.fromstring(f"<root>{html}</root>")


def _normal(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example('??? danger "x"\n    body\n===')
def test_escaped_text_is_one_paragraph_of_that_text(value: str):
    value = "".join(ch for ch in value if ch.isprintable() or ch in " \t\r\n")  # XML cannot hold the rest
    root = _render("start " + md.text(value) + " end")
    assert [child.tag for child in root] == ["p"]
    assert list(root[0]) == []  # no inline element either
    assert _normal("".join(root[0].itertext())) == _normal("start " + value + " end")


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_escaped_text_opening_a_paragraph_keeps_its_anchor(value: str):
    value = "".join(ch for ch in value if ch.isprintable() or ch in " \t\r\n")
    root = _render(md.text("x" + value) + "\n{: #p-1 }")
    assert [child.tag for child in root] == ["p"] and root[0].get("id") == "p-1"
    root = _render(md.text('??? danger "x" ' + value) + "\n{: #p-1 }")
    assert [child.tag for child in root] == ["p"] and root[0].get("id") == "p-1"


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example('Says "hi" <script>x</script> {: .x } [a](javascript:b) *c* & `d` } onclick="e" (1) it\'s a/b?')
def test_an_attr_list_title_holds_its_text_and_nothing_else(value: str):
    value = "".join(ch for ch in value if ch.isprintable())  # XML cannot hold the rest
    root = _render(f'Go to [Name](x.md){{: .entity-link title="{md.attr_list_value(value)}" }} now.')
    links = root.findall(".//a")
    assert [child.tag for child in root] == ["p"] and len(links) == 1
    assert links[0].get("title") == _normal(value) and links[0].get("class") == "entity-link"
    assert "".join(root[0].itertext()) == "Go to Name now."


def test_an_attr_list_title_writes_plain_punctuation_as_itself():
    # every entity link of an article repeats its entity's hover title: a reference for a comma is five bytes
    title = "Person: Palestinian politician (born 1962), Hamas's leader; based in Doha/Cairo - since when?"
    assert md.attr_list_value(title) == title
    assert md.attr_list_value("Café – “Doha”") == "Café – “Doha”"
