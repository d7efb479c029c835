"""Python-Markdown's link patterns with a label scan that costs the label, not the paragraph.

The Python-Markdown this project installs (pyproject.toml) finds a link's closing `]` by computing, in a Python loop over every character of
the text node, the closing bracket of every index of it, and caches that for the one string it saw last.
Each link it turns into a placeholder makes a new string, so a paragraph with k links is scanned k times
whole, once more by each of the reference patterns: the archive's article paragraphs carry an entity link,
with its hover title, every few words, and that loop was the largest single cost of the site build.

Here the common case is found with two `str.find` calls: when no `[` comes before the next `]`, that `]`
closes the label (exactly what the stock scan returns for it). Anything else (a nested bracket, no
closing bracket) goes to the stock code, so the HTML is the same as without this extension. Escaped
brackets of article text (render/markdown.py escapes them) are placeholders by the time these patterns run.

It is an extension (`- generator.render.linkscan` in mkdocs.yml's `markdown_extensions`), so MkDocs and
Zensical, which both run the extensions that list names, load it in the engine's own process.
"""

from __future__ import annotations

from markdown import Markdown
from markdown import inlinepatterns as stock
from markdown.extensions import Extension


class LabelScan:
    """getText for every pattern that reads a `[label]`: the label's own length when it holds no `[`."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 - Python-Markdown's name
        close = data.find("]", index)
        if close != -1 and data.find("[", index, close) == -1:
            return data[index:close], close + 1, True
        return super().getText(data, index)  # type: ignore[misc]


class Link(LabelScan, stock.LinkInlineProcessor):
    pass


class Image(LabelScan, stock.ImageInlineProcessor):
    pass


class Reference(LabelScan, stock.ReferenceInlineProcessor):
    pass


class ShortReference(LabelScan, stock.ShortReferenceInlineProcessor):
    pass


class ImageReference(LabelScan, stock.ImageReferenceInlineProcessor):
    pass


class ShortImageReference(LabelScan, stock.ShortImageReferenceInlineProcessor):
    pass


# The stock patterns' names, expressions and priorities (markdown.inlinepatterns.build_inlinepatterns):
# registering under a name already taken replaces that pattern in place.
PATTERNS = (
    (Reference, stock.REFERENCE_RE, "reference", 170),
    (Link, stock.LINK_RE, "link", 160),
    (Image, stock.IMAGE_LINK_RE, "image_link", 150),
    (ImageReference, stock.IMAGE_REFERENCE_RE, "image_reference", 140),
    (ShortReference, stock.REFERENCE_RE, "short_reference", 130),
    (ShortImageReference, stock.IMAGE_REFERENCE_RE, "short_image_ref", 125),
)


class LinkScanExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        for processor, expression, name, priority in PATTERNS:
            md.inlinePatterns.register(processor(expression, md), name, priority)


def makeExtension(**kwargs: object) -> LinkScanExtension:  # noqa: N802 - the name Python-Markdown looks up
    return LinkScanExtension(**kwargs)
