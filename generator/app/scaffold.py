"""Help contributors start: a pre-filled annotation file for a new article, and entity suggestions.

`new` writes what cleaning detected so a contributor only corrects it; `suggest`
lists recurring names that are not entities yet, as YAML ready to paste.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from generator.clean.linescore import detect_language
from generator.core.archive import Archive
from generator.core.model import CleanedArticle, Entity
from generator.core.sentences import sentence_around
from generator.ingest.read import slugify
from generator.link.mentions import EntityMatcher

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../generator/schemas/article.schema.json\n"
NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*[a-z][\w’'-]*(?:\s+(?:(?:al|el|bin|ibn|abu|de|da|van|von|of|the)\s+)?"
                  r"[A-Z][\w’'-]*[a-z][\w’'-]*)*")
NOT_NAMES = set("""The A An This That These Those It Its He She They We I You His Her Their Our My Your However
Meanwhile Despite Although Following Since After Before During While When Where What Who Why How Recently Several
Notably On In At As Of For From By With Without And But Or If Then Also Some Many Most Other Such Both Each Every
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Read More Share Comments One Two Three Four Five Six Seven Eight Nine Ten
Mr Mrs Ms Dr President Prime Minister Official Officials Residents Regarding According Amid Israeli Palestinian
Egyptian Qatari American British French German
Le La Les Un Une Des Du De Au Aux Et Ou Ce Cette Ces Il Elle Ils Selon Après Avant Pendant Mais
Der Die Das Den Dem Des Ein Eine Einen Und Oder Auch Nach Vor Bei Mit Laut Am Im Zum Zur Es Er Sie Wir
El Los Las Lo Una Unos Y Según Tras Durante Pero Os As Um Uma Segundo Gli Nel Della Secondo Het Een""".split())
# Calendar words of other languages are no names: "Ende März", "Mittwoch Abend". Not the ones that are also
# names ("Domingo", "Mayo", "Julio", "Avril") or English words ("Sun", "May", "March").
CALENDAR_WORDS = set("""Janvier Januar Jänner Enero Janeiro Gennaio Januari Février Februar Febrero Fevereiro Febbraio
Februari März Marzo Março Maart Abril Aprile Maggio Juin Junio Junho Giugno Juillet Julho Luglio Août Agosto Septembre
Septiembre Setembro Settembre Octobre Oktober Octubre Outubro Ottobre Novembre Noviembre Novembro Décembre Dezember
Diciembre Dezembro Dicembre Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Montag Dienstag Mittwoch Donnerstag
Freitag Samstag Sonntag Lunes Martes Miércoles Jueves Viernes Lunedì Martedì Mercoledì Giovedì Venerdì Domenica""".split())
# German capitalises every noun, so an article inside a sentence opens a noun ("die Stadt Sévrier"), unless
# the word ends as an inflected adjective may, part of the name ("der Vereinten Nationen", "der Deutschen Bahn").
GERMAN_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
ADJECTIVE_ENDING = re.compile(r"(?:e|em|en|er|es)$")
LOWER_COMPOUND = re.compile(r"-(?!(?:al|el|ad|ud|ul)-)[a-z]")
ORGANISATION_WORDS = re.compile(r"\b(Ministry|Council|Agency|Authority|Brigades|Forces|Army|Party|Movement|Group|"
                                r"Organi[sz]ation|Committee|Court|Bank|Fund|Office|Media|News|Union|Association|"
                                r"State|Front|Institute|University|Company|Corporation|Department|Government|"
                                r"Police|Guard|Hospital|Foundation|Commission|Parliament|Assembly)\b")
PLACE_WORDS = re.compile(r"\b(City|Strip|Camp|Province|Region|Valley|River|Sea|Islands?|Mountains?|Square|Street|"
                         r"Crossing|Border|Republic|Kingdom|County|District|Governorate)\b")
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish)$")  # "Syrian", "Lebanese", "Kurdish": adjectives before a noun


def new_annotation_text(article: CleanedArticle, entities: list[Entity], counts: Counter[str],
                        tags: Iterable[tuple[str, str]] = ()) -> str:
    """The annotation file for an article, from what cleaning detected; valid as written.

    tags: the archive's tags as (id, what it is), listed as a comment so a contributor picks an existing
    one rather than coining a near-duplicate."""
    lines = [SCHEMA_COMMENT, f"# Annotations for seeds/{article.source.name}, pre-filled by `python -m generator new`.\n",
             "# Correct what cleaning detected, then add notes and fact links. Quotes come from\n",
             f"# `python -m generator clean seeds/{article.source.name}`.\n"]
    lines.append(f"title: {json.dumps(article.title, ensure_ascii=False)}\n" if article.title
                 else "# title: \"...\"  # cleaning found no headline: write one\n")
    lines.append("# outlet: \"...\"  # cleaning found no outlet line: add the publisher\n" if not article.outlet
                 else f"outlet: {json.dumps(article.outlet, ensure_ascii=False)}\n")
    lines.append(f"date: {article.date.isoformat()}\n" if article.date
                 else "# date: YYYY-MM-DD  # no date in the text: infer it and say how in a comment\n")
    if article.dateline:
        lines.append(f"dateline: {json.dumps(article.dateline, ensure_ascii=False)}\n")
    if article.byline:
        lines.append(f"byline: {json.dumps(article.byline, ensure_ascii=False)}\n")
    lines.append("tags: []\n")
    known = sorted(tags)
    if known:
        lines.append("# Tags of the archive (use these ids; a new tag goes in annotations/tags.yml if it exists):\n")
        lines += [f"#   {tag_id}" + (f": {about}" if about and about != tag_id else "") + "\n"
                  for tag_id, about in known]
    if counts:
        names = {e.id: e.name for e in entities}
        lines.append("# Entities of annotations/entities.yml this article mentions (linked automatically):\n")
        for entity_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"#   {entity_id}: {names[entity_id]} ({count} {'mention' if count == 1 else 'mentions'})\n")
    lines.append("notes: []\n# notes:\n#   - quote: \"an exact passage of the cleaned text\"\n#     note: What a reader "
                 "should know about it.\n")
    lines.append("facts: []\n# facts:\n#   - fact: a-fact-id-from-facts-yml\n#     quote: \"the sentence or clause "
                 "that states it\"\n#     figure: \"the figure as worded here\"\n")
    return "".join(lines)


def write_new(path: Path, content: str) -> bool:
    """Write content to a file that must not exist yet; atomic, and never overwrites. False if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.link(tmp, path)  # fails if path exists, even if it appeared a moment ago
        return True
    except FileExistsError:
        return False
    finally:
        os.unlink(tmp)


@dataclass(frozen=True)
class Suggestion:
    name: str
    count: int
    articles: int
    example: str
    article_id: str
    type_guess: str
    aliases: tuple[str, ...] = ()

    def as_yaml(self) -> str:
        return (f"  # {self.count} mentions in {self.articles} "
                f"{'article' if self.articles == 1 else 'articles'}, e.g. in {self.article_id}: "
                f"{json.dumps(self.example, ensure_ascii=False)}\n"
                f"  - id: {slugify(self.name)}\n    name: {json.dumps(self.name, ensure_ascii=False)}\n"
                f"    type: {self.type_guess}  # guessed: check it\n"
                f"    aliases: {json.dumps(list(self.aliases), ensure_ascii=False)}\n"
                f"    description: \"\"  # one neutral line\n")


def suggest_entities(archive: Archive, article_id: str | None = None, minimum: int = 2) -> list[Suggestion]:
    """Names that recur (in two articles, or twice in the one asked about) and are not entities yet."""
    matcher = EntityMatcher(archive.entities)
    counts: Counter[str] = Counter()
    in_articles: dict[str, set[str]] = defaultdict(set)
    example: dict[str, tuple[str, str]] = {}
    not_first_word: set[str] = set()
    for article in archive.articles:
        if article_id and article.id != article_id:
            continue
        for block in article.blocks:
            text = block.text
            german = detect_language([text])[0] == "de"  # the paragraph's own: one report may quote another language
            for _, start, end in matcher.find(text):  # known names are not suggestions
                text = text[:start] + " " * (end - start) + text[end:]
            for match in NAME.finditer(text):
                name = match.group(0).rstrip("’'")
                words = name.split()
                while words and words[0] in NOT_NAMES:  # "Although Berm", "The Pentagon": the name is what follows
                    words.pop(0)
                if german and len(words) > 1 and _opens_with_a_noun(text, match.start(), words[0]):
                    words.pop(0)  # "die Stadt Sévrier": the noun an article opens; the name follows
                if not words or any(w in CALENDAR_WORDS for w in words):
                    continue
                name = " ".join(words)
                start = match.start() + match.group(0).find(name)
                if LOWER_COMPOUND.search(name):  # "Arab-sponsored" is an adjective, not a name
                    continue
                following = text[match.end():match.end() + 2]
                if following[:1] == "." and following[1:].isalpha():
                    continue  # "Polygraph.info": a web address, not a name
                if len(words) == 1 and DEMONYM.match(name) and following[:1] == " " and following[1:].islower():
                    continue  # "Syrian government": an adjective
                if name.endswith(("’s", "'s")):
                    name = name[:-2]
                counts[name] += 1
                in_articles[name].add(article.id)
                if not _sentence_start(text, start):
                    not_first_word.add(name)
                example.setdefault(name, (article.id, sentence_around(block.text, match.start(), match.end())))
    surnames = _surnames(counts)
    for surname, full in surnames.items():  # "Simpson" after "Jane Simpson": her, not a place called Simpson
        counts[full] += counts.pop(surname)
        in_articles[full] |= in_articles.pop(surname)
    suggestions = []
    for name, count in counts.items():
        spread = len(in_articles[name])
        enough = count >= minimum if article_id else spread >= minimum
        if not enough or (len(name.split()) == 1 and name not in not_first_word):
            continue
        source, sentence = example[name]
        aliases = tuple(sorted(s for s, full in surnames.items() if full == name))
        suggestions.append(Suggestion(name, count, spread, sentence, source, _guess_type(name), aliases))
    return sorted(suggestions, key=lambda s: (-s.articles, -s.count, s.name))


def _surnames(counts: Counter[str]) -> dict[str, str]:
    """One-word names that are the last word of exactly one longer name found, which reads as a person's
    (two or three words, no organisation or place word): the surname a report uses after the full name.
    Only where the word alone would be guessed a place ("Palestinians" after "Twelve Palestinians" is not)."""
    full_names: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        words = name.split()
        if 2 <= len(words) <= 3 and _guess_type(name) == "person":
            full_names[words[-1]].append(name)
    return {last: names[0] for last, names in full_names.items()
            if len(names) == 1 and last in counts and _guess_type(last) == "place"}


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before.endswith((".", "!", "?", "“", "\"", ":"))


def _guess_type(name: str) -> str:
    if ORGANISATION_WORDS.search(name) or name.isupper():
        return "organisation"
    if PLACE_WORDS.search(name):
        return "place"
    if len(name.split()) >= 2:
        return "person"
    return "organisation" if name.endswith("s") else "place"


def _opens_with_a_noun(text: str, start: int, word: str) -> bool:
    """Whether the capitalised word at start follows a German article and cannot be an inflected adjective."""
    before = text[max(0, start - 8):start].split()  # an article is under 8 letters: a cut word never equals one
    return bool(before) and before[-1] in GERMAN_ARTICLES and not ADJECTIVE_ENDING.search(word)
