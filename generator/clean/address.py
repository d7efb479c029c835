"""Lines that speak to their reader: the page asking for a donation, a subscription, a click, a login.

An article reports on third persons; the page around it talks to the reader ("you can support us", "sign up
for our newsletter", "please log in"). Such lines are sentences full of stop words, so the run-of-prose search
(clean/linescore.py) would count them as prose: a cookie notice, a login form's help and a newsletter pitch
under the article add up to a run that can outscore a short article. What gives them away in any language is
their grammar, not their words: the reader is addressed in the second person, and the line quotes no one (a
quoted speaker may say "you"). The pronouns below are the closed class of each language's second-person forms
(grammar, written for this module, not any page's wording); a language without an entry is left alone.
"""

from __future__ import annotations

import re

SECOND_PERSON: dict[str, frozenset[str]] = {
    "en": frozenset("you your yours yourself yourselves you're you’re you'll you’ll you've you’ve".split()),
    "de": frozenset("du dich dir dein deine deinen deinem deiner deines euch euer eure euren eurem eurer".split()),
    "fr": frozenset("vous votre vos tu toi ton ta tes".split()),
    "es": frozenset("usted ustedes tú tus ti contigo vosotros vosotras vuestro vuestra os".split()),
    "it": frozenset("tu tuo tua tuoi tue voi vostro vostra vostri vostre".split()),
    "pt": frozenset("você vocês teu tua teus tuas".split()),
    "nl": frozenset("je jij jou jouw jullie uw".split()),
    "pl": frozenset("ty ciebie tobie twój twoja twoje wasz wasza wasze".split()),
    "ru": frozenset("вы вас вам ваш ваша ваше ваши ты тебя тебе твой твоя твоё твои".split()),
    "uk": frozenset("ви вас вам ваш ваша ваше ваші ти тебе тобі твій твоя твоє твої".split()),
    "sv": frozenset("du dig din ditt dina ni er ert era".split()),
    "da": frozenset("du dig din dit dine jer jeres".split()),
    "no": frozenset("du deg din ditt dine dere deres".split()),
    "ar": frozenset("أنت أنتم أنتن لك لكم".split()),
    "he": frozenset("אתה אתם אתן לך לכם שלך שלכם".split()),
}
# German addresses a reader it does not know with the third person plural written with a capital letter:
# "Sie", "Ihnen", "Ihr" in the middle of a sentence are "you" (after a word and a space that ends no sentence);
# at a sentence's start they tell nothing.
FORMAL_CAPITALISED: dict[str, re.Pattern[str]] = {
    "de": re.compile(r"(?<=[^\s.!?:…]\s)(?:Sie|Ihnen|Ihre?[mnrs]?)\b"),
}
ADDRESS_WEIGHT = 0.5  # share of its score in the run search that a line keeps when it speaks to the reader
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# quotation marks; an apostrophe only where it stands beside no letter ("you’re" is no quotation)
QUOTATION = re.compile(r"[\"“”„«»‚‹›‘]|(?<![^\W\d_])['’]|['’](?![^\W\d_])")


def addresses_reader(text: str, language: str | None) -> bool:
    """True when the line speaks to its reader in the second person and quotes no one."""
    if language not in SECOND_PERSON:
        return False
    formal = FORMAL_CAPITALISED.get(language)
    addressed = not SECOND_PERSON[language].isdisjoint(WORD.findall(text.casefold())) or (
        formal is not None and formal.search(text) is not None)
    return addressed and QUOTATION.search(text) is None


def reader_share(text: str, language: str | None) -> float:
    """The share of its prose score a line keeps in the run search (clean/linescore.py): ADDRESS_WEIGHT when
    it speaks to the reader, all of it otherwise. An appeal is a sentence, but the page's, not the article's."""
    return ADDRESS_WEIGHT if addresses_reader(text, language) else 1.0
