"""Rules about lines that are pieces of one another: a menu printed one entry a line, and a sentence that links
or an emphasis broke into lines (which looks like a menu, its linked words as short as menu entries).

Both read the blank lines of the text: a page's text parts its blocks with them, and a sentence a link broke
comes on lines with none between (linescore.py same_block).
"""

from __future__ import annotations

from generator.clean.context import Line
from generator.clean.linescore import SENTENCE_END, continues, same_block
from generator.clean.lineshape import (ends_unfinished, is_link_inside_sentence, is_menu_like, is_sentence_fragment,
                                       menu_items, split_sentence_blocks)

NAV_RUN_MIN = 3
JOINED = "joined"  # not a removal: the line's text went into the line before it


def split_sentence_lines(lines: list[Line]) -> frozenset[int]:
    """The numbers of the lines that are pieces of one sentence which links broke up (lineshape.py
    split_sentence_blocks): no blank line parts them, and one of them goes on with the words before it."""
    texts = [line.text for line in lines]
    flags = split_sentence_blocks(texts, same_block([line.number for line in lines]))
    return frozenset(line.number for line, flag in zip(lines, flags) if flag)


def remove_navigation_runs(lines: list[Line], in_sentence: frozenset[int] = frozenset()) -> None:
    """Three or more menu-like lines in a row are a menu, wherever they stand, and so is one line that lists
    three or more labels between separators.

    A piece of a sentence ("and", ", or") is not a menu entry: it tells that the short lines around it
    are links inside a sentence, so it breaks the run; so is a line of a block that reads as one sentence
    broken by links (in_sentence: line numbers), whatever its language's little words; and so is a line
    that stops on a word no label ends with ("liegt seit der"), and the linked words after it: where the
    text has no blank lines to part its blocks by, they tell a sentence from a menu.
    """
    run: list[Line] = []
    after_unfinished = False  # the kept line before ends on such a word: this one is the link's text

    def close_run() -> None:
        if len(run) >= NAV_RUN_MIN:
            for item in run:
                item.remove("navigation", f"one of {len(run)} menu-like lines in a row")
        run.clear()

    for line in lines:
        if not line.kept:
            continue  # lines already removed neither extend nor break a run
        items = menu_items(line.text)
        if items:
            line.remove("navigation", f"a menu of {items} entries between separators")
            continue
        unfinished = ends_unfinished(line.text)
        linked, after_unfinished = unfinished or after_unfinished, unfinished
        if is_menu_like(line.text) and not is_sentence_fragment(line.text) and line.number not in in_sentence \
                and not linked:
            run.append(line)
        else:
            close_run()
    close_run()


def join_split_sentences(lines: list[Line], in_sentence: frozenset[int] = frozenset()) -> None:
    """A sentence split over several lines (a link or an emphasis broke it) becomes one line again; so do the
    lines of a block that reads as one sentence broken by links (in_sentence), each right after the one before:
    read apart, as the confirming pass reads the cleaned text, its linked words would pass for a menu."""
    previous: Line | None = None
    last_number = 0  # the number of the last line that went into previous
    for line in lines:
        if not line.kept:
            continue
        same_sentence = line.number in in_sentence and previous is not None and previous.number in in_sentence \
            and line.number == last_number + 1
        if previous is not None and not SENTENCE_END.search(previous.text) and (
                continues(line.text) or is_link_inside_sentence(previous.text, line.text) or same_sentence):
            glue = "" if line.text.startswith(tuple(",.;:!?)]’”%…")) else " "
            previous.text = previous.text + glue + line.text
            line.remove(JOINED, "joined to the line before")
        else:
            previous = line
        last_number = line.number
