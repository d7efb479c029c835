"""Texts and checks the clean tests share: an article to wrap lines in, the phrase rules' own verdict."""

from __future__ import annotations

from generator.clean.rules.phrases import BOILERPLATE_RULES, phrase_rule

ARTICLE_START = ("Harbour bridge plan returns to the council\n\nThe city council met again on Tuesday to discuss the "
                 "harbour bridge, which has been delayed for years by the cost of its foundations.\n\n")

ARTICLE_END = ("\n\nThe mayor said that the vote would be held in the spring, after the engineers have finished "
               "the survey of the old piers and the council has read it.")

LONG_ARTICLE = "".join(f"Paragraph {n} of the report on the harbour piers says what the engineers found there.\n\n"
                       for n in range(12))

PROSE = ("Egyptian officials hosted a new round of talks in the capital on Thursday, a day after the delegation "
         "arrived, according to two officials familiar with the meetings.\n"
         "The talks focused on a possible pause in the fighting and on the release of the hostages, the officials "
         "said, and a second delegation is expected to arrive in the coming days.\n"
         "No agreement had been reached by the evening, one of the officials said, adding that the talks would "
         "resume on Friday morning after the delegations had consulted their leaders.\n")


def numbered(blocks: list[list[str]]) -> tuple[list[str], list[int]]:
    """The blocks' lines and each line's number in a text that parts the blocks with one blank line."""
    lines, numbers, number = [], [], 1
    for block in blocks:
        for line in block:
            lines.append(line)
            numbers.append(number)
            number += 1
        number += 1
    return lines, numbers


def every_rule_in_order(line: str):
    stripped = line.strip("/|·•>»« ")
    return next(((name, why) for name, pattern, why in BOILERPLATE_RULES if pattern.match(stripped)), None)


def phrase_rules_decide(line: str, removed: bool) -> None:
    """The line is removed by a phrase rule or not, and the keyword prefilter answers as the regexes do."""
    assert (phrase_rule(line) is not None) == removed
    assert phrase_rule.__wrapped__(line) == every_rule_in_order(line)
