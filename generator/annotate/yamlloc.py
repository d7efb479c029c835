"""Load YAML into plain Python data and remember where every key and value stood.

PyYAML's safe_load forgets positions, so schema errors could not name a line.
Here the node tree from yaml.compose is turned into dicts, lists and scalars
while a side table maps each path (("entities", 3, "aliases") ...) to the
line and column of its key and of its value, and, for a text holding [[kind:id]]
references, to where each reference itself stands in the file (whatever the
scalar's style: plain, quoted, block). Duplicate keys, alias bombs and
syntax errors become located problems, never tracebacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.core.errors import Problem, error, quoted_value
from generator.core.model import Loc
from generator.core.references import references

Path_ = tuple[Any, ...]
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 200_000  # far above any real annotation file; stops "billion laughs" alias expansion
# Plain words for PyYAML's commonest complaints.
YAML_HINTS = [
    ("expected <block end>", "check the indentation: the keys of one item must start in the same column"),
    ("mapping values are not allowed here", "put text that holds ': ' in quotes, or fix the indentation"),
    ("found unexpected end of stream", "a quote or bracket opened where the construct began is never closed"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("could not find expected ':'", "each line of a mapping is `key: value`; check the line above too"),
]
MAX_DEPTH = 64  # annotation files nest 4 levels; stops deep nesting and aliases that contain themselves


@dataclass
class Located:
    """Parsed data plus positions: value_locs[path] and key_locs[path] are Locs."""

    data: Any
    path: str
    value_locs: dict[Path_, Loc] = field(default_factory=dict)
    key_locs: dict[Path_, Loc] = field(default_factory=dict)
    # reference_locs[path]: one Loc a [[kind:id]] of the text at path, in the order references() finds them
    reference_locs: dict[Path_, tuple[Loc, ...]] = field(default_factory=dict)

    def loc(self, path: Path_ = ()) -> Loc:
        """The value at path, or the nearest enclosing one that has a position."""
        path = tuple(path)
        while path not in self.value_locs and path:
            path = path[:-1]
        return self.value_locs.get(path, Loc.whole(self.path))

    def key_loc(self, path: Path_) -> Loc:
        return self.key_locs.get(tuple(path)) or self.loc(path)


class _TooLarge(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def load_yaml(text: str, path: str) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML document; on failure return the parser's own line and column."""
    try:
        try:  # libyaml when present: several times faster; the Python parser words its errors best
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        unclosed = unclosed_quote(text, exc)
        if unclosed is not None:
            return None, [error(Loc(path, unclosed[0], unclosed[1]), f"YAML syntax: {unclosed[2]}")]
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(path, mark.line + 1, mark.column + 1) if mark else Loc.whole(path)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        started = exc.context_mark
        if started and mark and (started.line, started.column) != (mark.line, mark.column):
            what += f" (the construct began at line {started.line + 1}, column {started.column + 1})"
        hint = next((h for key, h in YAML_HINTS if key in what), "fix the syntax there")
        return None, [error(loc, f"YAML syntax: {what}; {hint}")]
    except yaml.YAMLError as exc:  # e.g. a second document in the stream
        return None, [error(Loc.whole(path), f"YAML: {exc}")]
    except RecursionError:  # PyYAML composes nested collections recursively
        return None, [error(Loc.whole(path), f"YAML nested far deeper than {MAX_DEPTH} levels; "
                            "annotation files need only a few levels, so flatten it")]
    located = Located(None, path)
    if node is None:
        return located, []
    problems: list[Problem] = []
    builder = _Builder(located, problems, text)
    try:
        located.data = builder.build(node, ())
    except _TooLarge:
        return None, [error(Loc(path, node.start_mark.line + 1, node.start_mark.column + 1),
                            _too_large(builder.aliases, len(text.encode("utf-8"))))]
    except _TooDeep as deep:
        return None, [error(Loc(path, deep.node.start_mark.line + 1, deep.node.start_mark.column + 1),
                            f"nested more than {MAX_DEPTH} levels deep (the limit is {MAX_DEPTH} levels, or an "
                            "alias that contains itself); annotation files need only a few levels, so flatten it")]
    return located, problems


def _too_large(aliases: int, size: int) -> str:
    """Name the limit passed: alias expansion (a "billion laughs" bomb) is told apart from a plain big file."""
    if aliases:
        return (f"document expands to more than {MAX_NODES:,} values with {aliases:,} of them repeated through YAML "
                f"aliases (*name) in a {size:,}-byte file (the limit is {MAX_NODES:,} values); write the values out "
                "instead of repeating aliases, or split the file")
    return (f"document holds more than {MAX_NODES:,} values (the limit is {MAX_NODES:,} values; the file has "
            f"{size:,} bytes and no aliases); split it into smaller annotation files")


QUOTES = {'"': "double", "'": "single"}
_NEVER_CLOSED = ("found unexpected end of stream", "found unexpected document separator")


def unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """Line, column and plain words for a quoted value left open, or None when the error is not that.

    An open quote runs on to the next quote of the file, however far; the parser then trips over what
    follows that one, far from the cause ("while parsing a block mapping ... expected <block end>"). So
    the error is laid to an open quote when the scanner ran out of text inside a quoted value, or when
    the token just before the parser's complaint is a quoted value that spans lines (values in these
    files are written on one line; a long one may wrap, and then the words still name it).
    """
    if exc.context == "while scanning a quoted scalar" and exc.context_mark and exc.problem in _NEVER_CLOSED:
        start = exc.context_mark
        quote = text[start.index] if start.index < len(text) and text[start.index] in QUOTES else '"'
        return (start.line + 1, start.column + 1,
                f"the {QUOTES[quote]}-quoted value that opens here is never closed; close it with {quote} where "
                f"the value ends, or remove the opening {quote}")
    if exc.problem_mark is None:
        return None
    before = [t for t in _tokens(text) if t.start_mark.index < exc.problem_mark.index]
    last = before[-1] if before else None
    if (not isinstance(last, yaml.ScalarToken) or last.style not in QUOTES
            or last.start_mark.line == last.end_mark.line):
        return None
    quote, start, end = last.style, last.start_mark, last.end_mark
    return (start.line + 1, start.column + 1,
            f"the {QUOTES[quote]}-quoted value that opens here is not closed on its line: it runs on to the next "
            f"{quote} (line {end.line + 1}, column {end.column}), and what follows that cannot be read; close it "
            f"with {quote} where the value ends, or remove the opening {quote}")


def _tokens(text: str) -> list[yaml.Token]:
    """The tokens the scanner makes of text, up to where it fails (the parser's errors come later)."""
    scanner = yaml.SafeLoader(text)
    tokens: list[yaml.Token] = []
    try:
        while scanner.check_token():
            tokens.append(scanner.get_token())
    except yaml.YAMLError:
        tokens += scanner.tokens  # made before the failure, not handed out yet
    finally:
        scanner.dispose()
    return tokens


class _Builder:
    def __init__(self, located: Located, problems: list[Problem], source: str = ""):
        self.located = located
        self.source = source
        self.problems = problems
        self.count = 0
        self.aliases = 0  # a node met again is an alias expanded once more
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def _loc(self, node: yaml.Node) -> Loc:
        return Loc(self.located.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        if len(path) > MAX_DEPTH:
            raise _TooDeep(node)
        if id(node) in self.seen:
            self.aliases += 1
        self.seen.add(id(node))
        self._check_tag(node)
        self.located.value_locs[path] = self._loc(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                if not isinstance(key, str):
                    key = str(key)
                if key in result:
                    self.problems.append(error(self._loc(key_node),
                                               f"duplicate key {quoted_value(key)} (first at line "
                                               f"{self.located.key_locs[path + (key,)].line}); remove one of them"))
                    continue
                self.located.key_locs[path + (key,)] = self._loc(key_node)
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        value = self._scalar(node)
        if isinstance(value, str) and "[[" in value:
            self.located.reference_locs[path] = self._reference_locs(node, value)
        return value

    def _reference_locs(self, node: yaml.Node, value: str) -> tuple[Loc, ...]:
        """Where each [[kind:id]] of a scalar's text is written in the file. The opening "[[kind:id" holds no
        space, so no style folds or escapes it in the common case: it is looked for, in order, in the scalar's
        own source (from its quote or block indicator to its end). One written otherwise (an escape sequence
        in a double-quoted value) is located at the scalar."""
        start, end = node.start_mark.index, node.end_mark.index
        source = self.source[start:end] if self.source else ""
        # Line and line start carried from one reference to the next: a text of many references in a long
        # scalar is read once, not once a reference.
        locs, cursor = [], 0
        line, line_start = node.start_mark.line + 1, start - node.start_mark.column
        for ref in references(value):
            at = source.find(f"[[{ref.kind}:{ref.id}", cursor)
            if at == -1:
                locs.append(self._loc(node))
                continue
            line += source.count("\n", cursor, at)
            if (newline := source.rfind("\n", cursor, at)) != -1:
                line_start = start + newline + 1
            cursor = at + 1
            locs.append(Loc(self.located.path, line, start + at - line_start + 1))
        return tuple(locs)

    def _check_tag(self, node: yaml.Node) -> None:
        """A tag safe loading does not know (!foo, !!python/object) is reported: dropping it would silently
        read the value as something its writer did not mean."""
        if node.tag in self.constructor.yaml_constructors and node.tag is not None:
            return
        self.problems.append(error(self._loc(node), f"unknown YAML tag {quoted_value(node.tag)}; annotation "
                                   "files use plain values only, so remove the tag (or quote the text)"))

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, TypeError):
            return node.value  # e.g. 2023-02-30: keep the text; the schema reports it as a bad date
        if hasattr(value, "isoformat"):
            return value.isoformat()[:10]  # dates stay text, checked by the schema's "date" format
        return value
