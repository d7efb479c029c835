"""Properties over any input: the cleaner, the YAML loader and anchoring never raise, and keep their promises."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.annotate.anchor import FUZZY_BUDGET, anchor, normalise_text
from generator.annotate.load import AnnotationFile, load_file
from generator.annotate.schema import is_valid, schema, validator
from generator.annotate.yamlloc import load_yaml
from generator.clean.cleaner import clean, clean_text
from generator.core.errors import Problem
from generator.core.model import Block, RawDocument, Selector

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["the", "council", "said", "on", "Tuesday", "bridge", "Gaza", "Hamas", "talks", "Cairo", "By", "Share",
         "Comments", "(3)", "Read", "more:", "Photo:", "©", "2024", "March", "ceasefire", "«quoted»", "—", "…",
         "שלום", "עולם", "السلام", "عليكم", "中文", "日本語", "Ελληνικά", "naïve", "e\u0301", "\u200f", "\u202e",
         "\u00ad", "\ufeff", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "\x00", "\t"]
ENDINGS = ["", ".", ".", "!", "?", ":", ",", " —", "…", "”"]
SEPARATORS = ["\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\n \n", "\u2029"]


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """Scraped-article-like text: lines of words and noise, mixed scripts, any line ends, some very long lines."""
    lines = []
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(["words", "words", "words", "raw", "long"]))
        if kind == "words":
            line = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30)))
            line += draw(st.sampled_from(ENDINGS))
        elif kind == "raw":
            line = draw(st.text(max_size=60))
        else:
            line = draw(st.text(min_size=1, max_size=12)) * draw(st.integers(100, 2000))
        lines.append(line)
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, separators))


any_text = st.one_of(article_texts(), st.text(max_size=400))


@SETTINGS
@given(any_text)
@example("\u202eevil\u202c\n\n\x00\x01\x02")
@example("a" * 200_000)
def test_cleaner_never_raises(text: str):
    article = clean_text("x", Path("x.txt"), text)
    assert all(block.text and block.text == block.text.strip() for block in article.blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_cleaner_never_raises_on_pages(text: str):
    html = f"<html><head><title>{text[:80]}</title></head><body><article><p>{text}</p></article></body></html>"
    for page in (html, text):
        article = clean(RawDocument("x", Path("x.html"), page, "html"))
        assert all(block.text and block.text == block.text.strip() for block in article.blocks)


PROSE_WORDS = [w for w in WORDS if w not in ("By", "Share", "Comments", "(3)", "Read", "more:", "Photo:", "©")]


@st.composite
def prose_texts(draw: st.DrawFn) -> str:
    """Article-like text (no boilerplate words, no junk lines): where re-cleaning must change nothing."""
    lines = [" ".join(draw(st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=30)))
             + draw(st.sampled_from(ENDINGS)) for _ in range(draw(st.integers(1, 12)))]
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, separators))


@SETTINGS
@given(prose_texts())
def test_cleaning_is_idempotent_on_title_and_body(text: str):
    article = clean_text("x", Path("x.txt"), text)
    if not article.title:
        return
    again = clean_text("again", Path("again.txt"), article.title + "\n\n" + article.body)
    assert again.body == article.body
    assert again.title == article.title


YAMLISH = st.lists(st.sampled_from(["entities:", "facts:", "- id: a", "  name: A", "  aliases: [b, c]", "&x", "*x",
                                    "!!binary", "!!python/object:os.system", "? ", ": ", "{", "}", "[", "]", "- ",
                                    "  ", "\t", "'", '"', "#", "|", ">", "---", "...", "%YAML 1.1", "<<: *x",
                                    "\n", "date: 2023-02-30", "\ufeff", "\x00", "é"]),
                   max_size=40).map("".join)


def _is_located(problems: list[Problem], path: str) -> bool:
    return all(isinstance(p, Problem) and p.loc.path == path and p.message for p in problems)


@SETTINGS
@given(st.one_of(YAMLISH, st.text(max_size=300)))
@example("[" * 5000)
@example("&a [*a]")
@example("a: &a [*a, *a]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]")
def test_yaml_loader_gives_data_or_a_located_problem(text: str):
    located, problems = load_yaml(text, "a.yml")
    assert _is_located(problems, "a.yml")
    assert located is not None or problems


@SETTINGS
@given(st.one_of(st.binary(max_size=300), YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       st.sampled_from(["entities", "facts", "article"]))
def test_annotation_file_of_any_bytes_gives_data_or_a_located_problem(tmp_path_factory, data: bytes, kind: str):
    root = tmp_path_factory.getbasetemp() / "yaml-bytes"
    (root / "annotations").mkdir(parents=True, exist_ok=True)
    path = root / "annotations" / "file.yml"
    path.write_bytes(data)
    located, problems = load_file(AnnotationFile(path, kind), root)
    assert _is_located(problems, "annotations/file.yml")
    assert located is not None or problems


paragraphs = st.lists(article_texts().map(lambda t: " ".join(t.split())[:300]).filter(bool), min_size=1, max_size=4)


@SETTINGS
@given(paragraphs, st.data())
def test_anchor_never_raises_and_an_exact_anchor_is_the_quote(texts: list[str], data: st.DataObject):
    blocks = [Block("paragraph", t) for t in texts]
    block = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(block)))
    end = data.draw(st.integers(start, min(len(block), start + 80)))
    quote = data.draw(st.one_of(st.just(block[start:end]), st.text(max_size=40),
                                st.just(block[start:end].replace("'", "’").replace(" ", "  "))))
    prefix = data.draw(st.one_of(st.just(""), st.just(block[max(0, start - 10):start]), st.text(max_size=10)))
    suffix = data.draw(st.one_of(st.just(""), st.just(block[end:end + 10]), st.text(max_size=10)))
    found = anchor(Selector(quote, prefix, suffix), blocks)
    assert found.status in ("exact", "drifted", "fuzzy", "ambiguous", "orphan", "spanning", "empty")
    if found.span is not None:
        text = blocks[found.span.block].text
        assert 0 <= found.span.start < found.span.end <= len(text)
        if found.status in ("exact", "drifted"):
            assert normalise_text(text[found.span.start:found.span.end]) == normalise_text(quote)
        else:
            assert found.matched_text == text[found.span.start:found.span.end]
    if normalise_text(quote) and not prefix and not suffix and normalise_text(quote) in normalise_text(block):
        assert found.status in ("exact", "ambiguous"), "a quote that is there is found, maybe more than once"


# Inputs on which one cleaning pass was not idempotent; clean_text now repeats passes until one
# changes nothing, and these stay as regression tests.
FOUND_BY_THE_PROPERTY = {
    "\nthe\nthe 日本語.\nthe\nthe the the the the\n":
        "the prose run began with a line that ran on from a lead-in line; without the lead-in it reads as a label",
    "the.\nthe the the\r\n\r\nthe\nthe council the the the the the the the the\nthe…\nbridge Tuesday the the the\r"
    "council.\nthe ceasefire”\nthe council the the\nthe council the council the the Cairo on\u2029":
        "lines joined into one sentence on the first pass score differently on the second; its last line is cut",
    "the the the the the.\nthe the the the the.\n0\n":
        "a page that repeats its headline scores no line as prose, so nothing is cut; the cleaned text no "
        "longer repeats it, so the second pass cuts the rest",
    "the the\nPhoto:\nthe\n":
        "joining a split sentence makes 'Photo: the', which the caption rule removes on the second pass",
}


@pytest.mark.parametrize("text", sorted(FOUND_BY_THE_PROPERTY))
def test_idempotence_on_inputs_the_property_found(text: str):
    article = clean_text("x", Path("x.txt"), text)
    again = clean_text("again", Path("again.txt"), f"{article.title}\n\n{article.body}")
    assert again.body == article.body


def test_an_approximate_quote_is_found_in_a_paragraph_too_long_to_search_whole():
    """Past FUZZY_BUDGET the search looks only around the quote's rarest words; it still finds the passage."""
    target = "Maria Costa, the harbour master, told reporters the quay would open before summer."
    filler = " ".join(["the council said that a plan would be approved after a long debate"] * 3000)
    paragraph = f"{filler} {target} {filler}"
    quote = target.replace("reporters", "reportres").replace("summer", "sumer")
    assert len(quote) * len(paragraph) > FUZZY_BUDGET
    found = anchor(Selector(quote, "", ""), (Block("paragraph", paragraph, 1),))
    assert found.status == "fuzzy" and found.matched_text == target


# The fast schema check (fastjsonschema) decides whether jsonschema is asked for messages: it must refuse
# every file jsonschema refuses. It may refuse more (jsonschema's pattern "$" lets a trailing newline
# through, fastjsonschema's does not): jsonschema then finds nothing, and the file is valid as before.
# Real annotation files (the archive's, the fixtures'), changed at random.
REPO = Path(__file__).resolve().parent.parent


def _annotation_files() -> list[tuple[Path, str, object]]:
    found = []
    for path in sorted([*(REPO / "annotations").rglob("*.yml"), *(REPO / "tests" / "fixtures").rglob("*.yml")]):
        kind = {"entities.yml": "entities", "facts.yml": "facts"}.get(path.name)
        if kind is None and path.parent.name != "articles":
            continue
        located = load_yaml(path.read_text("utf-8", errors="replace"), str(path))[0]
        if located is not None and located.data is not None:
            found.append((path, kind or "article", located.data))
    return found


ANNOTATION_FILES = _annotation_files()
ODD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False), st.just(1.0),
                       st.sampled_from(["", "x", "x" * 301, "2024-02-30", "0000-01-01", "2024-1-1", "2024-01-01",
                                        "https://example.org/a", "mailto:a@b.c", "not a url", "a-tag", "A Tag",
                                        "Q42", "person", "place", "organisation", "Ünïcode”", "line\n"]),
                       st.lists(st.sampled_from(["a", "a", "b-c", "D"]), max_size=3),
                       st.dictionaries(st.sampled_from(["id", "name", "url", "article", "quote", "x"]),
                                       st.sampled_from(["a", "2024-01-01", "https://e.org"]), max_size=2))


def _paths(node: object, at: tuple = ()) -> list[tuple]:
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, at + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, at + (i,))
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ANNOTATION_FILES), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(
    ["set", "drop", "add key"]), ODD_VALUES), max_size=3))
def test_the_fast_schema_check_refuses_what_jsonschema_refuses(file, changes):
    path, kind, original = file
    data = copy.deepcopy(original)
    for pick, how, value in changes:
        places = _paths(data)
        where = places[pick % len(places)]
        parent = data
        for step in where[:-1]:
            parent = parent[step]
        if not where:
            data = value
        elif how == "set":
            parent[where[-1]] = value
        elif how == "drop":
            del parent[where[-1]]
        elif isinstance(parent[where[-1]], dict):
            parent[where[-1]]["unknown_key"] = value
    if any(True for _ in validator(kind).iter_errors(data)):
        assert not is_valid(data, kind), (path, data)


ODD_SCALARS = [None, True, 0, 1.0, "", "x", "x" * 3001, "2024-02-30", "0000-01-01", "2024-1-1", "2024-01-01",
               "https://example.org/a", "not a url", "a-tag", "A Tag", "Q42", "person", "line\n", [], {}, ["a", "a"]]


def _richest_items(node: object, keep: int = 3) -> object:
    if isinstance(node, dict):
        return {key: _richest_items(value, keep) for key, value in node.items()}
    if isinstance(node, list):
        return [_richest_items(item, keep) for item in sorted(node, key=lambda item: -len(_paths(item)))[:keep]]
    return node


@pytest.mark.parametrize("kind", ["article", "entities", "facts"])
def test_the_fast_schema_check_refuses_what_jsonschema_refuses_at_every_place(kind):
    """Every value of the kind's richest file replaced, in turn, by each odd value (what the random test above
    reaches only by chance, e.g. the year 0 that fastjsonschema's own date format lets through). The file as
    it is passes both: the fast check is what a valid file costs. Lists are cut to their three richest
    items (the registry lists hundreds of alike entities)."""
    path, _, whole = max((f for f in ANNOTATION_FILES if f[1] == kind), key=lambda f: len(_paths(f[2])))
    original = _richest_items(whole)
    assert is_valid(original, kind) and not any(True for _ in validator(kind).iter_errors(original))
    for where in _paths(original)[1:]:
        for value in ODD_SCALARS:
            data = copy.deepcopy(original)
            parent = data
            for step in where[:-1]:
                parent = parent[step]
            parent[where[-1]] = value
            if any(True for _ in validator(kind).iter_errors(data)):
                assert not is_valid(data, kind), (path, where, value)


# Keywords fastjsonschema (drafts 4-7) and jsonschema (2020-12) read alike: fastjsonschema passes over a
# keyword it does not know (prefixItems, $defs, unevaluatedProperties ...), and would let through what
# jsonschema refuses. A schema that needs another keyword needs the fast check looked at again.
KEYWORDS_READ_ALIKE = {"$schema", "$id", "title", "description", "type", "properties", "additionalProperties",
                       "required", "items", "minLength", "maxLength", "minimum", "pattern", "format", "enum",
                       "uniqueItems", "oneOf", "format: date"}  # the date format: the fast check is given jsonschema's


def _keywords(node: dict) -> set[str]:
    found = set(node) | ({f"format: {node['format']}"} if "format" in node else set())
    for sub in [*node.get("properties", {}).values(), *node.get("oneOf", []),
                *(value for key in ("items", "additionalProperties") if isinstance(value := node.get(key), dict))]:
        found |= _keywords(sub)
    return found


@pytest.mark.parametrize("kind", ["article", "entities", "facts"])
def test_the_schemas_use_only_keywords_both_checkers_read_alike(kind):
    assert _keywords(schema(kind)) <= KEYWORDS_READ_ALIKE
