"""Find publication dates written the ways news pages write them, in the languages the cleaner knows
(English, French, German, Spanish, Portuguese, Italian, Dutch): "December 21, 2023", "21 décembre 2023",
"21. Dezember 2023", "sexta-feira, 22 de outubro de 2010 às 20:13", "21.12.2023, 17:12 Uhr", "2023-12-21".

A slashed date ("03/04/2023") is read as the page's language writes it: the month first in English (US pages),
the day first elsewhere; date_line() says more.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from generator.clean.linescore import LINE_CACHE
from generator.core.model import accepted_date

# Each month's names and abbreviations; a name shared by two languages ("mar", "set") means one month in both.
_MONTH_NAMES = [
    "january jan janvier janv januar jänner enero ene janeiro gennaio gen januari",
    "february feb février févr fevrier februar febrero fevereiro fev febbraio februari",
    "march mar mars märz mär marzo março marco maart mrt",
    "april apr avril avr abril abr aprile",
    "may mai mayo maio maggio mag mei",
    "june jun juin juni junio junho giugno giu",
    "july jul juillet juil juli julio julho luglio lug",
    "august aug août aout agosto ago augustus",
    "september sep sept septembre septiembre setiembre setembro set settembre",
    "october oct octobre oktober okt octubre outubro out ottobre ott",
    "november nov novembre noviembre novembro",
    "december dec décembre déc decembre dezember dez diciembre dic dezembro dicembre",
]
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag "
    "sonnabend sonntag lunes martes miércoles miercoles jueves viernes sábado sabado domingo segunda-feira "
    "terça-feira terca-feira quarta-feira quinta-feira sexta-feira lunedì martedì mercoledì giovedì venerdì "
    "sabato domenica maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split())
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
# "at 5:12 p.m. ET", "à 17h12", "às 20:13", "um 17:12 Uhr", "- 10.30 CET"
_TIME = (r"(?:(?:,|\s+[-–|·])?\s*(?:(?:at|à|às|a las|a la|um|alle|om)\s+)?\d{1,2}(?:[:.h]\d{2}|h)\b"
         r"(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}\b|\s*(?:GMT|UTC)[+-]?\d*)?)?")
_DE = r"(?:de|del|of)\s+"  # "22 de outubro de 2010", "20 de diciembre del 2023", "21st of December 2023"
# A weekday and a clock time before the date: "Wed 9:15 AM, March 6, 2024", "5:12 PM EST, Wed December 20, 2023".
_LEAD = _WEEKDAY + r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}\b)?,?\s+)?" + _WEEKDAY

DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_LEAD + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:" + _DE + r")?" + _MONTH
               + r",?\s+(?:" + _DE + r")?(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})\.\s?(?P<mnum>\d{1,2})\.\s?(?P<year>\d{4})" + _TIME, re.I),
]

# Words that may stand before a date on a line of its own: "Published: 1 Feb 2024", "Publié le 21 décembre 2023".
DATE_LABEL = (r"(?:(?:first\s+)?published(?:\s+on)?|updated(?:\s+on)?|last\s+updated|posted(?:\s+on)?|date|"
              r"publié\s+le|mis\s+à\s+jour(?:\s+le)?|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|stand|"
              r"publicado(?:\s+el|\s+em)?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|pubblicato(?:\s+il)?|"
              r"aggiornato(?:\s+il)?|gepubliceerd(?:\s+op)?|bijgewerkt(?:\s+op)?)\s*:?\s*")
DATE_ONLY_LINE = re.compile(r"^\s*(?:" + DATE_LABEL + r")?(?P<date>.+?)\s*$", re.I)
# Words a line that only says when may hold besides its dates: "Published ..., updated ...", "Publié le ... à
# 10h15, mis à jour à 11h02", "Veröffentlicht am ..., 10:15 Uhr, aktualisiert 11:02 Uhr".
WHEN_WORDS = frozenset(
    "published publié publiée publicado publicada veröffentlicht pubblicato gepubliceerd posted updated update "
    "modified edited modifié modifiée mis à jour actualizado actualizada atualizado atualizada aktualisiert "
    "geändert aggiornato bijgewerkt stand last first on at am um le la el il em no na op de del der den dem das "
    "a às alle ore om uhr h et est edt cet cest gmt utc bst pst pdt ist and und y e ou o or".split())
CLOCK = re.compile(r"\d{1,2}(h\d{0,2})?|[ap]m")
SLASHED = re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b")
WHEN_LINE_MAX_CHARS = 160


def parse_date(text: str) -> date | None:
    """The date that text consists of, or None."""
    text = text.strip()
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _to_date(match)
    return None


def search_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first date written anywhere in text, with its match."""
    best = None
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            if _to_date(match):
                best = match
    if best is None:
        return None
    found = _to_date(best)
    assert found is not None
    return found, best


@lru_cache(maxsize=LINE_CACHE)  # the first lines of an article are asked again by the second cleaning pass
def date_line(line: str, day_first: bool = False) -> date | None:
    """The date if the line only says when: a date, perhaps labelled ("Published: ..."), perhaps with its
    time, and of a line that gives two (published, updated), the first.

    A slashed date ("03/04/2024") is the day first on a page in another language than English (day_first),
    else read only where it cannot be the other way round ("18/11/2024", "11/18/2024")."""
    found = _labelled_date(line)
    if found is not None or len(line) > WHEN_LINE_MAX_CHARS or not any(ch.isdigit() for ch in line):
        return found
    dates: list[tuple[int, date]] = []
    rest = line  # the line with each date found blanked out: what is left must only say when
    readers = [(pattern, _to_date) for pattern in DATE_PATTERNS] + [(SLASHED, lambda m: _slashed(m, day_first))]
    for pattern, read in readers:
        for match in pattern.finditer(rest):
            day = read(match)
            if day is not None:
                dates.append((match.start(), day))
                rest = rest[:match.start()] + " " * (match.end() - match.start()) + rest[match.end():]
    words = re.findall(r"\w+", rest.casefold())
    if dates and all(w in WHEN_WORDS or CLOCK.fullmatch(w) for w in words):
        return min(dates, key=lambda found: found[0])[1]
    return None


def _slashed(match: re.Match[str], day_first: bool) -> date | None:
    first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
    if not day_first and first <= 12 and second <= 12 and first != second:
        return None  # "03/04/2024": March 4 on a US page, 3 April elsewhere
    day, month = (first, second) if day_first or first > 12 else (second, first)
    try:
        return accepted_date(date(year, month, day))
    except ValueError:
        return None


def _labelled_date(text: str) -> date | None:
    match = DATE_ONLY_LINE.match(text)
    return parse_date(match.group("date").rstrip(" |·•")) if match else None


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
    try:
        return accepted_date(date(int(groups["year"]), month, int(groups["day"])))
    except ValueError:
        return None
