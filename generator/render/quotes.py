"""Show a sentence of an article as a quotation without doubling the quotation marks it has of its own.

Pages quote sentences in “…”. A sentence that is itself quoted speech already begins or ends with its
marks, and wrapping it again reads ““…””. The sentence splitter also cuts quoted passages of several
sentences, so a sentence can open a quotation it does not close, or close one it did not open: such a
sentence gets the missing mark, so each line reads as one balanced quotation.
"""

from __future__ import annotations

from generator.render import markdown as md

QUOTE_MARKS = frozenset("“”„‟«»‹›‘’‚‛\"'「」『』")
# Directional pairs, balanced by counting. “ opens a quotation, or closes one „ opened (German): then it
# is followed by a space or nothing.
_PAIRS = (("«", "»"), ("‹", "›"), ("「", "」"), ("『", "』"))
# Single quotes double as apostrophes ("won’t", "Hamas’"): only a mark at either end of the sentence counts.
_SINGLE = {"‘": "’", "‚": "‘", "'": "'", "’": "‘"}


def quoted(raw: str, markdown: str | None = None) -> str:
    """markdown (by default raw, escaped) as a quotation of raw: in “…”, or between raw's own marks."""
    body = md.text(raw.strip()) if markdown is None else markdown
    sentence = raw.strip()
    if not sentence.strip("".join(QUOTE_MARKS)):
        return f"“{body}”"  # nothing but marks (a removed line '“'): they are the text, not its quotation marks
    if _opens(sentence) and _closes(sentence):
        return body  # “A quotation.”, “A,” he said, “B.”, »Dansk.«: its own marks are the quotation marks
    before, after = missing_marks(sentence)
    if _opens(before + sentence) or _closes(sentence + after):
        return before + body + after  # “Quote,” he said.  /  He said: “We will go.”
    return f"“{body}”"


def _opens(sentence: str) -> bool:
    """Begins with a quotation mark, not with an elided letter ("’90s")."""
    return sentence[:1] in QUOTE_MARKS and not (sentence[:1] == "’" and sentence[1:2].isalnum())


def _closes(sentence: str) -> bool:
    """Ends with a quotation mark, not with a possessive ("the Smiths’")."""
    return sentence[-1:] in QUOTE_MARKS and not (sentence[-1:] in "’'" and sentence[-2:-1].isalnum())


def missing_marks(sentence: str) -> tuple[str, str]:
    """The marks that open what sentence closes without opening, and close what it opens without closing."""
    before, after = "", ""
    german = "„" in sentence or ("“" in sentence and any(
        ch == "“" and (i + 1 == len(sentence) or sentence[i + 1].isspace()) for i, ch in enumerate(sentence)))
    pairs = _PAIRS + ((("„", "“"),) if german else (("“", "”"),))
    for opener, closer in pairs:
        if opener not in sentence and closer not in sentence:
            continue  # most sentences hold no mark of most pairs: no walk over their characters
        depth = unopened = 0
        for ch in sentence:
            if ch == opener:
                depth += 1
            elif ch == closer and depth:
                depth -= 1
            elif ch == closer:
                unopened += 1
        before, after = opener * unopened + before, after + closer * depth
    straight = [i for i, ch in enumerate(sentence) if ch == '"'] if '"' in sentence else []
    if len(straight) % 2:  # the odd one out: an opener is followed by a word, a closer is not
        i = straight[0]
        opens = i + 1 < len(sentence) and not sentence[i + 1].isspace() and (i == 0 or sentence[i - 1].isspace())
        before, after = (before, after + '"') if opens else ('"' + before, after)
    first, last = sentence[:1], sentence[-1:]
    if first in _SINGLE and _opens(sentence) and not _single_closes(sentence[1:], _SINGLE[first]):
        after += _SINGLE[first]
    elif last in ("’", "'") and _closes(sentence) and _SINGLE[last] not in sentence[:-1]:
        before = _SINGLE[last] + before
    return before, after


def _single_closes(rest: str, closer: str) -> bool:
    """Whether rest has closer as a closing mark, not as an apostrophe inside a word ("won’t")."""
    return any(ch == closer and (i + 1 == len(rest) or not rest[i + 1].isalpha()) for i, ch in enumerate(rest))
