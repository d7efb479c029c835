"""HTML sources for bench/drift.py: an archive's articles written as web pages, and the ways pages drift.

html_archive() writes every cleaned article of an archive as seeds/<id>.html (the article in <article>, with
a site's navigation, promos and footer around it, as a saved page has) in place of its text seed, so the
HTML path (trafilatura, clean/html/) cleans it. Each perturbation rewrites every page of a copy from the same
paragraphs, drifted: the page saved again with its typography as entities, a changed word next to a quote,
the page re-scraped with other furniture (a cookie banner, share buttons, an advertisement between
paragraphs, a newsletter box, other wrappers), a sentence the outlet corrected beside a quote or a word
corrected inside a long quote, and paragraphs moved.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from generator.pipeline import load_archive

MODEL = "drift-pages.json"  # the paragraphs each page is written from, beside seeds/ in the copy
Paragraphs = list[tuple[str, str]]  # (kind, text): "heading" or "paragraph"
Quotes = dict[str, list[tuple[str, str, str]]]


def _first(title: str, outlet: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | {outlet}</title>"
            f"<meta property=\"og:site_name\" content=\"{outlet}\"><meta property=\"og:title\" content=\"{title}\">"
            "</head><body><header><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">"
            "Politics</a> <a href=\"/contact\">Contact us</a></header><main><article>"
            f"<h1>{title}</h1>\n{body}</article><aside><h3>Read more</h3><ul><li><a href=\"/a\">Markets close "
            "higher after a quiet week</a></li><li><a href=\"/b\">Ten recipes for the weekend</a></li></ul>"
            f"</aside></main><footer>&copy; {outlet}. All rights reserved. <a href=\"/privacy\">Privacy</a>"
            "</footer></body></html>\n")


def _rescraped(title: str, outlet: str, body: str) -> str:
    """The same article as a later scrape finds it: the site redesigned around it."""
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"og:site_name\" content=\"{outlet}\"></head><body>"
            "<div id=\"cookie-consent\"><p>We use cookies to improve your experience. <button>Accept all"
            "</button> <button>Manage settings</button></p></div><nav class=\"menu\"><ul><li><a href=\"/\">"
            "Front page</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
            "<li><a href=\"/login\">Sign in</a></li></ul></nav><div class=\"wrapper\"><div class=\"content\">"
            f"<article class=\"story\"><header><h1 class=\"headline\">{title}</h1><ul class=\"share\">"
            "<li><a href=\"#\">Share on Facebook</a></li><li><a href=\"#\">Share on X</a></li><li><a href=\"#\">"
            f"Email</a></li></ul></header><div class=\"story-body\">\n{body}</div></article>"
            "<section class=\"newsletter\"><h2>Get our morning briefing</h2><p>Sign up for the newsletter "
            "and never miss a story.</p><form><input type=\"email\"><button>Subscribe</button></form></section>"
            "<section class=\"related\"><h2>More from the newsroom</h2><ul><li><a href=\"/c\">Storm warning "
            "issued for the coast</a></li><li><a href=\"/d\">Local team wins the cup final</a></li></ul>"
            f"</section></div></div><footer><p>{outlet} &middot; <a href=\"/terms\">Terms</a> &middot; "
            "<a href=\"/cookies\">Cookie policy</a></p></footer></body></html>\n")


def _body(paragraphs: Paragraphs, advert_every: int = 0, entities: bool = False) -> str:
    out = []
    for i, (kind, text) in enumerate(paragraphs):
        text = html.escape(text, quote=False)
        if entities:  # as a CMS saves typography: named and numeric references instead of the characters
            text = (text.replace("\u2019", "&rsquo;").replace("\u201c", "&ldquo;").replace("\u201d", "&#8221;")
                    .replace("\u2013", "&ndash;").replace("\u2014", "&#x2014;").replace("'", "&#39;"))
        out.append(f"<h2>{text}</h2>" if kind == "heading" else f"<p>{text}</p>")
        if advert_every and i % advert_every == advert_every - 1:
            out.append("<div class=\"ad\"><p>Advertisement</p></div>")
    return "\n".join(out) + "\n"


def html_archive(root: Path, dest: Path) -> None:
    """A copy of root whose text seeds are web pages of their cleaned articles (and the model they are
    written from, for the perturbations)."""
    import shutil

    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(".build", "site", ".venv", ".git"))
    archive, _ = load_archive(root, clean_cache=False)
    model = {}
    for article in archive.articles:
        cleaned = article.cleaned
        paragraphs = [(b.kind, b.text) for b in cleaned.blocks]
        title = cleaned.title or paragraphs[0][1][:60]
        model[article.id] = {"title": title, "outlet": cleaned.outlet or "The Daily Example",
                             "paragraphs": paragraphs}
        for old in (dest / "seeds").glob(f"{article.id}.*"):
            old.unlink()
        _write(dest, article.id, model[article.id], _first, _body(paragraphs))
    (dest / MODEL).write_text(json.dumps(model), "utf-8")


def _write(root: Path, article_id: str, page: dict, frame: Callable[[str, str, str], str], body: str) -> None:
    title, outlet = html.escape(page["title"]), html.escape(page["outlet"])
    (root / "seeds" / f"{article_id}.html").write_text(frame(title, outlet, body), "utf-8")


def _quoted(paragraphs: Paragraphs, quotes: list[tuple[str, str, str]]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of each quote where a paragraph holds it as typed."""
    found = []
    for quote, _prefix, _suffix in quotes:
        for i, (_kind, text) in enumerate(paragraphs):
            at = text.find(quote)
            if at != -1:
                found.append((i, at, at + len(quote)))
                break
    return found


def changed_word(paragraphs: Paragraphs, quotes) -> Paragraphs:
    """The word just before each quote (else just after it) edited, never a word another quote holds: the
    context a selector recorded drifts, the quoted words do not."""
    out = list(paragraphs)
    for quote, _prefix, _suffix in quotes:
        for i, (kind, text) in enumerate(out):
            start = text.find(quote)
            if start == -1:
                continue
            taken = _quoted(out, quotes)
            free = [w for w in re.finditer(r"\w{3,}", text)
                    if not any(b == i and s < w.end() and w.start() < e for b, s, e in taken)]
            before = [w for w in free if w.end() <= start]
            after = [w for w in free if w.start() >= start + len(quote)]
            word = before[-1] if before else after[0] if after else None
            if word is not None:
                out[i] = (kind, text[:word.start()] + "changed" + text[word.end():])
            break
    return out


def corrected_sentence(paragraphs: Paragraphs, quotes) -> Paragraphs:
    """In each quoted paragraph, a sentence holding no quote corrected (a figure or a word changed, a clause
    added), as an outlet corrects a story."""
    out = list(paragraphs)
    spans: dict[int, list[tuple[int, int]]] = {}
    for i, start, end in _quoted(out, quotes):
        spans.setdefault(i, []).append((start, end))
    for i, quoted in spans.items():
        kind, text = out[i]
        for sentence in re.finditer(r"[^.!?]+[.!?]", text):
            if any(s < sentence.end() and sentence.start() < e for s, e in quoted):
                continue
            fixed = re.sub(r"\w{4,}", "amended", sentence.group(0), count=1).rstrip(".!?") + ", it was corrected."
            out[i] = (kind, text[:sentence.start()] + fixed + text[sentence.end():])
            break
    return out


def corrected_quote(paragraphs: Paragraphs, quotes) -> Paragraphs:
    """One word inside every quote of eight words or more corrected: the quoted words themselves changed."""
    out = list(paragraphs)
    for quote, _prefix, _suffix in quotes:
        for i, (kind, text) in enumerate(out):
            start = text.find(quote)
            if start == -1:
                continue
            words = list(re.finditer(r"\w{4,}", quote))
            if len(quote.split()) >= 8 and len(words) >= 3:
                word = words[len(words) // 2]
                out[i] = (kind, text[:start + word.start()] + "revised" + text[start + word.end():])
            break
    return out


def moved_paragraphs(paragraphs: Paragraphs, _quotes) -> Paragraphs:
    """Neighbouring paragraphs swapped two by two, and the last one moved to the top."""
    out = list(paragraphs)
    for i in range(0, len(out) - 1, 2):
        out[i], out[i + 1] = out[i + 1], out[i]
    return out[-1:] + out[:-1] if len(out) > 2 else out


def html_perturbations(pages: Path, quotes: Quotes) -> dict[str, Callable[[Path, Path], None]]:
    """Each perturbation as a rewrite of every page of a copy of pages (html_archive's output)."""
    model = json.loads((pages / MODEL).read_text("utf-8"))

    def rewriting(change: Callable[[Paragraphs, list], Paragraphs], frame=_first, advert_every: int = 0,
                  entities: bool = False) -> Callable[[Path, Path], None]:
        def apply(_root: Path, copy: Path) -> None:
            for article_id, page in model.items():
                paragraphs = change([tuple(p) for p in page["paragraphs"]], quotes.get(article_id, []))
                _write(copy, article_id, page, frame, _body(paragraphs, advert_every, entities))
        return apply

    same = lambda paragraphs, _quotes: paragraphs  # noqa: E731
    return {"typography as entities": rewriting(same, entities=True),
            "changed word by quote": rewriting(changed_word),
            "re-scraped, new furniture": rewriting(same, frame=_rescraped, advert_every=3),
            "corrected sentence": rewriting(corrected_sentence),
            "corrected word in quote": rewriting(corrected_quote),
            "moved paragraphs": rewriting(moved_paragraphs)}
