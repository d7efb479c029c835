"""Write a synthetic archive in this project's own format, deterministic for a seed.

    python bench/synth.py --articles 1000 --out /tmp/archive-1k [--seed 7]

The archive has what a real one has: seeds/*.txt as scraped (menus, share
buttons, "Read more:" promos, photo credits, comment counters, cookie banners,
footers, date and byline lines), annotations/entities.yml (one entity per five
articles, with aliases), annotations/facts.yml, one annotation file per article
(outlet, date, tags, notes and fact links whose quotes occur exactly once in
the cleaned text), docs/ with the hand-written pages, and mkdocs.yml.
Names come from generated vocabularies, so no real person is named.

Popularity follows Zipf's law (a few entities, tags and facts are everywhere,
most are rare), so listing pages get as long as they would in a real archive.
Draws use precomputed cumulative weights: random.choices(weights=...) rebuilds
its table on each call, which made generation three times slower.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import subprocess
import sys
import time
from bisect import bisect
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the generator package of this checkout

from generator.write.plan import copy_hand_written  # noqa: E402

CONSONANTS = "b c d f g h k l m n p r s t v z br dr gr kr st tr sh kh".split()
VOWELS = "a e i o u a e i o ai ei ou".split()
ENDINGS = "n r s l k m d t th sk".split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

NOUNS = ("talks ceasefire proposal council delegation agreement statement ministry convoy border crossing aid "
         "shipment negotiators officials residents hospital report investigation budget election campaign "
         "coalition parliament court ruling protest strike harbour bridge district province agency committee "
         "envoy summit deal sanctions exports prices workers farmers families schools water supplies power "
         "network police army militia rebels observers journalists witnesses analysts economy markets").split()
VERBS = ("said announced confirmed denied warned suggested insisted reported argued claimed noted added "
         "acknowledged estimated signalled promised rejected welcomed criticised demanded urged").split()
ADJECTIVES = ("new fragile lengthy renewed limited major urgent cautious tense broad final early late "
              "public private regional national local foreign senior former interim joint separate").split()
ADVERBS = ("quickly slowly again publicly privately repeatedly reportedly formally cautiously finally "
           "openly").split()
CONNECTORS = ("on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|over the weekend|earlier this week|"
              "late on Sunday|after days of talks|in a written statement|in an interview|at a news conference|"
              "according to two people familiar with the matter|despite earlier objections|"
              "for the first time since the spring").split("|")
TAG_WORDS = ("ceasefire hostages mediation casualties security-council shipping politics elections economy "
             "energy health aid refugees courts protests diplomacy borders water trade labour media prisons "
             "agriculture education transport climate infrastructure housing police corruption sanctions "
             "reconstruction").split()
OUTLET_WORDS = "Herald Times Post Tribune Gazette Chronicle Observer Daily Monitor Journal Press Telegraph".split()
ORG_WORDS = "Authority Council Ministry Agency Front Movement Committee Union Brigade Commission".split()
EVENT_WORDS = "Summit Accord Conference Talks Agreement Forum".split()
FIGURE_QUALIFIERS = ["", "at least ", "more than ", "nearly ", "around ", "about ", "over "]
FACT_SUBJECTS = [("people were displaced", "displaced"), ("people were injured", "injured"),
                 ("buildings were damaged", "damaged buildings"), ("trucks of aid crossed", "aid trucks"),
                 ("workers were detained", "detained workers"), ("families were evacuated", "evacuated families"),
                 ("homes lost power", "homes without power"), ("people were killed", "deaths")]


class Draw:
    """Weighted choice with precomputed cumulative weights (Zipf's law with exponent s)."""

    def __init__(self, rng: random.Random, items: list, s: float = 1.0):
        self.rng, self.items = rng, items
        self.cum = list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(len(items))))
        self.total = self.cum[-1]

    def one(self):
        return self.items[bisect(self.cum, self.rng.random() * self.total)]

    def many(self, k: int) -> list:
        return self.rng.choices(self.items, cum_weights=self.cum, k=k)

    def distinct(self, k: int) -> list:
        chosen: dict = {}
        for _ in range(k * 8):
            if len(chosen) >= min(k, len(self.items)):
                break
            item = self.one()
            chosen[id(item)] = item
        return list(chosen.values())


class Names:
    """Pronounceable, capitalised words that never repeat."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set(w.capitalize() for w in NOUNS + VERBS + ADJECTIVES + ADVERBS)

    def word(self, syllables: int | None = None) -> str:
        while True:
            n = syllables or self.rng.choice((2, 2, 3))
            word = "".join(self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS) for _ in range(n))
            word = (word + self.rng.choice(ENDINGS)).capitalize()
            if word not in self.used and len(word) > 3:
                self.used.add(word)
                return word


def make_entities(rng: random.Random, names: Names, count: int) -> list[dict]:
    entities, ids = [], set()
    kinds = Draw(rng, ["person", "place", "organisation", "event"], s=0.6)
    for i in range(count):
        kind = kinds.one()
        if kind == "person":
            first, last = names.word(2), names.word()
            entity = {"name": f"{first} {last}", "type": kind, "aliases": [last]}
        elif kind == "place":
            place = names.word()
            entity = {"name": place, "type": kind, "aliases": []}
            if rng.random() < 0.3:
                entity["name"] = f"{place} {rng.choice(['Province', 'District', 'Valley', 'Port'])}"
                entity["aliases"] = [place]
        elif kind == "organisation":
            words = [names.word(2), rng.choice(ORG_WORDS)]
            if rng.random() < 0.5:
                words.insert(0, rng.choice(["National", "People's", "United", "Free", "Northern", "Southern"]))
            name = " ".join(words)
            acronym = "".join(w[0] for w in words).upper() + str(i)
            entity = {"name": name, "type": kind, "aliases": [words[-2] + " " + words[-1], acronym]}
        else:
            entity = {"name": f"{names.word()} {rng.choice(EVENT_WORDS)}", "type": kind, "aliases": []}
        slug = entity["name"].lower().replace("'", "").replace(" ", "-")
        while slug in ids:
            slug += "-x"
        ids.add(slug)
        entity["id"] = slug
        entity["description"] = (f"Synthetic {kind} number {i + 1}, invented for the benchmark archive; "
                                 f"no real {kind} is meant.")
        if rng.random() < 0.2:
            entity["wikidata"] = f"Q{rng.randrange(1, 10**7)}"
        entities.append(entity)
    return entities


def make_facts(rng: random.Random, names: Names, count: int) -> list[dict]:
    facts = []
    for i in range(count):
        phrase, label = rng.choice(FACT_SUBJECTS)
        place = names.word()
        value = rng.randrange(40, 90_000)
        facts.append({"id": f"{label.replace(' ', '-')}-{place.lower()}-{i}", "phrase": phrase, "place": place,
                      "value": value, "title": f"{label.capitalize()} in {place}",
                      "claim": f"How many {phrase} in {place}, as the outlets of the archive report it."})
    return facts


def figure_for(rng: random.Random, value: int) -> str:
    """The fact's figure as one outlet words it: mostly compatible, now and then not."""
    qualifier = rng.choice(FIGURE_QUALIFIERS)
    if rng.random() < 0.1:
        value = int(value * rng.choice((0.8, 1.3)))
    elif qualifier in ("nearly ", "around ", "about "):
        value = round(value, -1) or value
    return f"{qualifier}{value:,}"


class Writer:
    """One article: raw text with boilerplate, plus its annotation."""

    def __init__(self, rng: random.Random, entities: Draw, facts: Draw, tags: Draw, words: Draw):
        self.rng, self.entities, self.facts, self.tags, self.words = rng, entities, facts, tags, words

    def filler(self, n: int) -> str:
        return " ".join(self.words.many(n))

    def mention(self, entity: dict) -> str:
        names = [entity["name"], *entity["aliases"]]
        return names[0] if self.rng.random() < 0.6 else self.rng.choice(names)

    def sentence(self, cast: list[dict]) -> str:
        rng = self.rng
        who = self.mention(rng.choice(cast))
        shape = rng.randrange(9)  # shapes 4 and up name nobody: about 25 mentions an article
        if shape > 4:
            return (f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)} that the "
                    f"{rng.choice(NOUNS)} {self.filler(rng.randrange(6, 14))}, {rng.choice(CONNECTORS)}.")
        if shape == 0:
            text = (f"{who} {rng.choice(VERBS)} {rng.choice(CONNECTORS)} that the {rng.choice(ADJECTIVES)} "
                    f"{rng.choice(NOUNS)} would {self.filler(rng.randrange(4, 9))}")
        elif shape == 1:
            other = self.mention(rng.choice([e for e in cast if who not in e["name"]] or cast))
            text = (f"The {rng.choice(NOUNS)} between {who} and {other} {rng.choice(VERBS)} "
                    f"{rng.choice(ADVERBS)} as {self.filler(rng.randrange(5, 10))}")
        elif shape == 2:
            text = (f"In {self.mention(rng.choice(cast))}, the {rng.choice(NOUNS)} {rng.choice(VERBS)} that "
                    f"{self.filler(rng.randrange(6, 12))}")
        elif shape == 3:
            text = (f"\u201cWe {rng.choice(['will', 'cannot', 'must', 'did not'])} {self.filler(rng.randrange(3, 7))},"
                    f"\u201d {who} {rng.choice(VERBS)} {rng.choice(CONNECTORS)}")
        else:
            text = (f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)} "
                    f"{self.filler(rng.randrange(6, 12))}, {rng.choice(CONNECTORS)}")
        return text + "."

    def article(self, outlet: dict, day: date, others: list[str]) -> tuple[str, dict, str]:
        """The raw text of one article, its annotation and its headline (the random draws in a fixed order,
        so a seed gives the same archive)."""
        rng = self.rng
        cast = self.entities.distinct(rng.randrange(4, 9))
        headline = f"{self.mention(cast[0])} {rng.choice(VERBS)} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} " \
                   f"{self.filler(rng.randrange(2, 6))}"
        paragraphs, fact_sentences = self.paragraphs(cast, outlet, day)
        text = self.page_text(outlet, day, others, cast, headline, paragraphs)
        annotation = self.annotation(outlet, day, headline, paragraphs, fact_sentences)
        return text, annotation, headline

    def paragraphs(self, cast: list[dict], outlet: dict, day: date) -> tuple[list[str], list[tuple[dict, str, str]]]:
        """About 680 words of prose with the facts' sentences placed in it, and those sentences."""
        rng = self.rng
        facts = self.facts.distinct(rng.choice((0, 1, 1, 2, 2, 3)))
        paragraphs: list[str] = []
        fact_sentences: list[tuple[dict, str, str]] = []
        words = 0
        while words < 680:
            sentences = [self.sentence(cast) for _ in range(rng.randrange(2, 5))]
            paragraphs.append(" ".join(sentences))
            words += sum(s.count(" ") + 1 for s in sentences)
        for fact in facts:
            figure = figure_for(rng, fact["value"])
            sentence = (f"Officials in {fact['place']} {rng.choice(VERBS)} that {figure} {fact['phrase']} "
                        f"{rng.choice(CONNECTORS)}.")
            fact_sentences.append((fact, sentence, figure))
            at = rng.randrange(1, len(paragraphs))
            paragraphs[at] = paragraphs[at] + " " + sentence
        if rng.random() < 0.5:  # a dateline glued to the first paragraph
            paragraphs[0] = f"{outlet['city'].upper()}, {MONTHS[day.month - 1][:3]} {day.day} ({outlet['short']}) - " \
                            + paragraphs[0]
        return paragraphs, fact_sentences

    def page_text(self, outlet: dict, day: date, others: list[str], cast: list[dict], headline: str,
                  paragraphs: list[str]) -> str:
        """The prose inside the outlet's page furniture, as a scrape leaves it."""
        rng = self.rng
        lines = list(outlet["header"])
        lines += [headline, ""]
        meta = [outlet["name"], f"Published: {day.day} {MONTHS[day.month - 1]} {day.year}"]
        if rng.random() < 0.8:
            meta.append(f"By {rng.choice(outlet['staff'])}")
        lines += meta + [""]
        body: list[str] = []
        for i, paragraph in enumerate(paragraphs):
            body += [paragraph, ""]
            if i == 1 and rng.random() < 0.7:
                body += [f"Photo: {rng.choice(outlet['staff'])}/{outlet['short']}", ""]
            if i == 3 and others and rng.random() < 0.8:
                body += [f"Read more: {rng.choice(others)}", ""]
            if i == 5 and rng.random() < 0.5:
                body += ["Advertisement", ""]
            if i == 6 and rng.random() < 0.25:
                body += [self.subheading(cast), ""]
        lines += body + list(outlet["footer"])
        lines.append(f"{rng.randrange(0, 400)} Comments")
        return "\n".join(lines) + "\n"

    def annotation(self, outlet: dict, day: date, headline: str, paragraphs: list[str],
                   fact_sentences: list[tuple[dict, str, str]]) -> dict:
        """Outlet, date, tags, notes on quotes that occur once, and the fact links whose sentence does."""
        rng = self.rng
        annotation: dict = {"outlet": outlet["name"], "date": day.isoformat()}
        if rng.random() < 0.3:
            annotation["title"] = headline
        annotation["tags"] = sorted({self.tags.one() for _ in range(rng.randrange(1, 5))})
        searchable = "\n".join(paragraphs)
        notes = []
        for _ in range(rng.randrange(1, 5)):
            paragraph = rng.choice(paragraphs[1:])
            sentence = rng.choice(paragraph.split(". "))
            words_in = sentence.split()
            if len(words_in) < 6:
                continue
            start = rng.randrange(0, len(words_in) - 5)
            quote = " ".join(words_in[start:start + rng.randrange(5, 10)]).rstrip(".")
            if searchable.count(quote) == 1 and quote not in (n["quote"] for n in notes):
                notes.append({"quote": quote, "note": f"{self.filler(8).capitalize()}; {self.filler(10)}."})
        if notes:
            annotation["notes"] = notes
        links = [{"fact": fact["id"], "quote": sentence.rstrip("."), "figure": figure}
                 for fact, sentence, figure in fact_sentences if searchable.count(sentence.rstrip(".")) == 1]
        if links:
            annotation["facts"] = links
        return annotation

    def subheading(self, cast: list[dict]) -> str:
        return f"{self.rng.choice(ADJECTIVES).capitalize()} {self.rng.choice(NOUNS)} for {self.mention(cast[0])}"


def make_outlets(rng: random.Random, names: Names, count: int) -> list[dict]:
    outlets = []
    for _ in range(count):
        word = names.word(2)
        name = f"The {word} {rng.choice(OUTLET_WORDS)}" if rng.random() < 0.4 else f"{word} {rng.choice(OUTLET_WORDS)}"
        short = word[:4].upper()
        menu = rng.sample(["Home", "World", "Politics", "Business", "Opinion", "Sport", "Culture", "Video",
                           "Science", "Health", "Podcasts"], rng.randrange(4, 8))
        header = ["Skip to content", *menu, "Search", ""]
        if rng.random() < 0.5:
            header = ["We use cookies to improve your experience. Accept all cookies", *header]
        footer = ["Share this article", "Facebook", "Twitter", "WhatsApp", "",
                  f"Follow us on {rng.choice(['Twitter', 'Telegram', 'Facebook'])} for the latest updates", "",
                  f"\u00a9 {rng.randrange(2019, 2025)} {name}. All rights reserved.", "Privacy Policy",
                  "Terms of Use", ""]
        outlets.append({"name": name, "short": short, "city": names.word(2), "header": header, "footer": footer,
                        "staff": [f"{names.word(2)} {names.word()}" for _ in range(rng.randrange(3, 12))]})
    return outlets


def yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


def write_archive(out: Path, articles: int, seed: int) -> dict:
    rng = random.Random(seed)
    names = Names(rng)
    entities = make_entities(rng, names, max(1, articles // 5))
    facts = make_facts(rng, names, max(1, articles // 20))
    outlets = make_outlets(rng, names, max(3, min(60, articles // 40)))
    vocabulary = sorted(set(NOUNS + ADJECTIVES + ADVERBS + "the a of to in and for on with by from that this "
                            "was were is are had has have would could after before while under over into "
                            "their its new more than some most people city government".split()))
    rng.shuffle(vocabulary)
    writer = Writer(rng, Draw(rng, entities, s=1.0), Draw(rng, facts, s=0.8),
                    Draw(rng, TAG_WORDS, s=1.0), Draw(rng, vocabulary, s=0.5))
    outlet_draw = Draw(rng, outlets, s=0.7)

    for folder in ("seeds", "annotations", "docs"):
        shutil.rmtree(out / folder, ignore_errors=True)
    (out / "seeds").mkdir(parents=True)
    (out / "annotations" / "articles").mkdir(parents=True)
    start, days = date(2022, 1, 1), 3 * 365
    headlines: list[str] = []
    linked: dict[str, list[str]] = {}
    for n in range(articles):
        article_id = f"{n:05d}_{rng.getrandbits(40):010x}"
        day = start + timedelta(days=rng.randrange(days))
        text, annotation, headline = writer.article(outlet_draw.one(), day, headlines[-50:])
        headlines.append(headline)
        (out / "seeds" / f"{article_id}.txt").write_text(text, "utf-8")
        for link in annotation.get("facts", ()):
            linked.setdefault(link["fact"], []).append(article_id)
        (out / "annotations" / "articles" / f"{article_id}.yml").write_text(annotation_yaml(annotation), "utf-8")

    lines = ["# yaml-language-server: $schema=../generator/schemas/entities.schema.json",
             f"# Synthetic entity registry ({len(entities)} entities), written by bench/synth.py.", "entities:"]
    for e in entities:
        lines += [f"  - id: {e['id']}", f"    name: {yaml_string(e['name'])}", f"    type: {e['type']}"]
        if e["aliases"]:
            lines.append(f"    aliases: [{', '.join(yaml_string(a) for a in e['aliases'])}]")
        lines.append(f"    description: {yaml_string(e['description'])}")
        if "wikidata" in e:
            lines.append(f"    wikidata: {e['wikidata']}")
    (out / "annotations" / "entities.yml").write_text("\n".join(lines) + "\n", "utf-8")
    lines = ["# yaml-language-server: $schema=../generator/schemas/facts.schema.json",
             f"# Synthetic facts ({len(facts)}), written by bench/synth.py.", "facts:"]
    for f in facts:
        lines += [f"  - id: {f['id']}", f"    title: {yaml_string(f['title'])}", f"    claim: {yaml_string(f['claim'])}"]
        evidence = linked.get(f["id"], [])[:3]
        if evidence:
            lines.append("    evidence:")
            lines += [f"      - article: {yaml_string(a)}" for a in evidence]  # 00012_ab.. reads as a number
    (out / "annotations" / "facts.yml").write_text("\n".join(lines) + "\n", "utf-8")

    shutil.copy2(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    copy_hand_written(ROOT / "docs", out / "docs")
    return {"articles": articles, "entities": len(entities), "facts": len(facts), "outlets": len(outlets),
            "seed": seed}


def annotation_yaml(annotation: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../generator/schemas/article.schema.json"]
    for key in ("title", "outlet", "date"):
        if key in annotation:
            lines.append(f"{key}: {yaml_string(annotation[key])}")
    lines.append(f"tags: [{', '.join(annotation['tags'])}]")
    if annotation.get("notes"):
        lines.append("notes:")
        for note in annotation["notes"]:
            lines += [f"  - quote: {yaml_string(note['quote'])}", f"    note: {yaml_string(note['note'])}"]
    if annotation.get("facts"):
        lines.append("facts:")
        for link in annotation["facts"]:
            lines += [f"  - fact: {link['fact']}", f"    quote: {yaml_string(link['quote'])}",
                      f"    figure: {yaml_string(link['figure'])}"]
    return "\n".join(lines) + "\n"


def synthesise(articles: int, out: Path) -> None:
    """This script run in a child process, quietly: a benchmark that then times or measures in its own
    process carries none of the synthesis's objects."""
    subprocess.run([sys.executable, str(Path(__file__)), "--articles", str(articles), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the archive into")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    summary = write_archive(args.out, args.articles, args.seed)
    print(f"{args.out}: {summary['articles']} articles, {summary['entities']} entities, {summary['facts']} facts, "
          f"{summary['outlets']} outlets ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
