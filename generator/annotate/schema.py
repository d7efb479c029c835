"""The JSON Schemas of the annotation files, and their verdicts as located problems in plain words.

generator/schemas/ holds one schema a kind of file; they are the single source of what a file may hold.
A verdict names the line and column of the key or value at fault and says what to do (an unknown key
gets a did-you-mean); the parts a schema refuses are dropped, so one bad item does not hide the rest.

Most files are valid, and jsonschema, which walks the schema anew for each file, was a large part of the
annotate stage. fastjsonschema compiles each schema to Python once and answers "valid or not" without
walking it again; jsonschema still writes every verdict, so a file fastjsonschema refuses gets the same
messages as before. Where the two read a keyword differently, fastjsonschema must be the stricter: its
"date" format is jsonschema's own checker here.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterator

import fastjsonschema
import jsonschema

from generator.annotate.yamlloc import Located
from generator.core.errors import Problem, error, quoted_value

SCHEMA_FOR_KIND = {"entities": "entities.schema.json", "facts": "facts.schema.json", "article": "article.schema.json",
                   "tags": "tags.schema.json"}


@lru_cache(maxsize=None)
def schema(kind: str) -> dict[str, Any]:
    text = resources.files("generator").joinpath("schemas", SCHEMA_FOR_KIND[kind]).read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def validator(kind: str) -> jsonschema.protocols.Validator:
    """One validator a kind, built once: building it costs more than checking a file."""
    return _Validator(schema(kind), format_checker=jsonschema.FormatChecker())


@lru_cache(maxsize=None)
def schema_regex(pattern: str) -> re.Pattern[str]:
    r"""A schema's "pattern", compiled to mean what JSON Schema means by it: its regexes are ECMA-262's, where `$`
    ends the text. Python's `$` also matches before a final newline, which let an id such as "abc\n" through
    (a YAML string can hold one). A `$` not after a backslash becomes `\Z`, as fastjsonschema compiles it, so
    the two agree; neither reads a `$` inside [...] (the schemas have none; "patternProperties" they do not use)."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _pattern(checker: jsonschema.protocols.Validator, pattern: str, instance: Any,
             _schema: dict[str, Any]) -> Iterator[jsonschema.ValidationError]:
    if checker.is_type(instance, "string") and not schema_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{quoted_value(instance)} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@lru_cache(maxsize=None)
def fast_check(kind: str) -> Callable[[Any], Any]:
    """The schema compiled to a function that raises fastjsonschema.JsonSchemaException on invalid data.
    It reads drafts 4-7 and passes over newer keywords: tests/test_properties.py holds the schemas to the
    keywords both libraries read alike. It fills in no defaults (the data is the file's) and does not
    describe what it refuses (jsonschema does)."""
    dates = jsonschema.FormatChecker(["date"])
    return fastjsonschema.compile(schema(kind), formats={"date": lambda value: dates.conforms(value, "date")},
                                  use_default=False, detailed_exceptions=False)


def is_valid(data: Any, kind: str) -> bool:
    try:
        fast_check(kind)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def valid_part(data: Any, checker: jsonschema.protocols.Validator) -> Any:
    """data without the keys and list items the schema refuses (an unknown key alone, not its parent)."""
    doomed: set[tuple[Any, ...]] = set()
    for err in checker.iter_errors(data):
        path = tuple(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = err.schema.get("properties", {})
            doomed.update(path + (key,) for key in err.instance if key not in allowed)
        else:
            doomed.add(path[:2] if len(path) >= 2 and isinstance(path[1], int) else path[:1])
    if () in doomed or not isinstance(data, dict):
        return {}

    def prune(value: Any, at: tuple[Any, ...]) -> Any:
        if isinstance(value, dict):
            return {k: prune(v, at + (k,)) for k, v in value.items() if at + (k,) not in doomed}
        if isinstance(value, list):  # a refused item becomes None, so later items keep their index (and line)
            return [None if at + (i,) in doomed else prune(v, at + (i,)) for i, v in enumerate(value)]
        return value

    return prune(data, ())


def schema_problems(located: Located, kind: str) -> list[Problem]:
    if is_valid(located.data, kind):
        return []
    problems: list[Problem] = []
    for err in validator(kind).iter_errors(located.data):
        problems += _describe(err, located)
    return problems


def _describe(err: jsonschema.ValidationError, located: Located) -> list[Problem]:
    path = tuple(err.absolute_path)
    where = "/".join(str(p) for p in path) or "the file"
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = sorted(err.schema.get("properties", {}))
        out = []
        for key in sorted(set(err.instance) - set(allowed)):
            hint = difflib.get_close_matches(key, allowed, n=1)
            fix = f"did you mean {quoted_value(hint[0])}?" if hint else f"allowed keys: {', '.join(allowed)}"
            out.append(error(located.key_loc(path + (key,)), f"unknown key {quoted_value(key)}; {fix}"))
        return out
    loc = located.loc(path)
    if err.validator == "required":
        return [error(loc, f"{where}: {err.message.replace('is a required property', 'is required')}; add it")]
    if err.validator == "enum":
        options = ", ".join(map(str, err.validator_value))
        return [error(loc, f"{where}: {quoted_value(err.instance)} is not allowed; use one of: {options}")]
    if err.validator == "format" and err.validator_value == "date":
        if isinstance(err.instance, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", err.instance):
            return [error(loc, f"{where}: {quoted_value(err.instance)} is written as a date, but no such day exists; "
                               "check the month and the day")]
        return [error(loc, f"{where}: {quoted_value(err.instance)} is not a date; "
                           "write it as YYYY-MM-DD, e.g. 2023-12-20")]
    if err.validator == "pattern":
        description = err.schema.get("description", "")
        return [error(loc, f"{where}: {quoted_value(err.instance)} is not valid here. {description}".strip())]
    if err.validator == "type":
        return [error(loc, f"{where}: expected {_type_name(err.validator_value)}, "
                           f"found {_type_name(type(err.instance).__name__)}")]
    if err.validator == "oneOf" and path and "evidence" in path:
        return [error(loc, f"{where}: an evidence item needs either url (an external source) "
                           "or article (an article id), not both")]
    return [error(loc, f"{where}: {_short_message(err)}")]


def _type_name(name: Any) -> str:
    names = {"object": "a mapping (key: value)", "dict": "a mapping (key: value)", "array": "a list",
             "list": "a list", "string": "text", "str": "text", "int": "a number", "float": "a number",
             "NoneType": "nothing", "bool": "true/false", "boolean": "true/false", "integer": "a whole number"}
    if isinstance(name, list):
        return " or ".join(names.get(n, n) for n in name)
    return names.get(name, str(name))


def _short_message(err: jsonschema.ValidationError) -> str:
    """jsonschema's own words quote the whole instance; a long one is cut like every quoted value."""
    whole = repr(err.instance)
    return err.message.replace(whole, quoted_value(err.instance)) if len(whole) > 80 else err.message
