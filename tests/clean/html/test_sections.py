"""Headings go with their sections and items with their lists (clean/html/sections.py): a section's heading the
extractor dropped above text it kept is put back, and so are the items it dropped of a list it kept in part or
that a kept line announces. Pages in English and Arabic (right to left); the extractor is stood in for, so
each test says what it kept."""

from __future__ import annotations

import pytest

from generator.clean.html import extract as extract_module

TEXT = {
    "en": {"first": ["The council voted on Monday evening to close the old market hall for two years of repairs.",
                     "Traders will move to a temporary site on the river bank, where the council promised stalls."],
           "second": ["Work on the roof starts in March and should be finished before the winter of next year.",
                      "The council will publish the plans for the new roof in the town hall during the spring."],
           "heading": "What happens to the roof",
           "teasers": ["New bus timetable for the summer months", "The library opens on Sundays again",
                       "Ten questions for the new mayor of the town"]},
    "ar": {"first": ["صوت المجلس البلدي مساء الاثنين على إغلاق السوق القديم لمدة عامين من أجل إصلاح سقفه.",
                     "سينتقل التجار إلى موقع مؤقت على ضفة النهر حيث وعد المجلس بتوفير أكشاك مجانية لهم."],
           "second": ["تبدأ الأعمال في شهر مارس ومن المتوقع أن تنتهي قبل حلول فصل الشتاء من العام التالي.",
                      "وسينشر المجلس خطط السقف الجديد في مبنى البلدية خلال فصل الربيع المقبل للجميع."],
           "heading": "ماذا يحدث للسقف",
           "teasers": ["جدول جديد للحافلات في أشهر الصيف", "المكتبة تفتح أيام الأحد من جديد",
                       "عشرة أسئلة لرئيس البلدية الجديد في المدينة"]},
}


def page(language: str, after_text: str) -> str:
    """An article in two sections with an <h2> between them; after_text stands below the second section,
    above a box of linked teasers (which stays out)."""
    t = TEXT[language]
    direction = ' dir="rtl"' if language == "ar" else ""
    paragraphs = lambda lines: "".join(f"<p>{line}</p>" for line in lines)  # noqa: E731
    teasers = "".join(f'<li><a href="/t{n}">{teaser}</a></li>' for n, teaser in enumerate(t["teasers"]))
    return (f'<html lang="{language}"{direction}><head><title>Market hall</title></head><body>'
            f'<nav><a href="/">Home</a></nav><article><h1>Market hall closes</h1>'
            f'{paragraphs(t["first"])}<h2>{t["heading"]}</h2>{paragraphs(t["second"])}'
            f'{after_text}<ul class="more">{teasers}</ul></article></body></html>')


def extracted(monkeypatch, html: str, kept: list[str]) -> list[str]:
    monkeypatch.setattr(extract_module, "_trafilatura", lambda html, recall=False: "\n".join(kept))
    monkeypatch.setattr(extract_module, "_readability", lambda html: "")
    first, again = extract_module.extract(html), extract_module.extract(html)
    assert first == again
    source = html.split("\n")
    assert all(line.split()[0] in source[number - 1] for line, number in zip(first.text.split("\n"), first.source_lines))
    return first.text.split("\n")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_section_heading_dropped_above_kept_text_is_put_back(language, monkeypatch):
    t = TEXT[language]
    html = page(language, "")
    assert extracted(monkeypatch, html, [*t["first"], *t["second"]]) == [*t["first"], t["heading"], *t["second"]]


def test_a_heading_outside_the_article_or_linked_is_not_put_back(monkeypatch):
    t = TEXT["en"]
    html = page("en", "").replace(f'<h2>{t["heading"]}</h2>', f'<h2><a href="/roof">{t["heading"]}</a></h2>')
    kept = [*t["first"], *t["second"]]
    assert extracted(monkeypatch, html, kept) == kept
    aside = html.replace("<article>", "<div>").replace("</article>", "</div>").replace(
        f'<h2><a href="/roof">{t["heading"]}</a></h2>', f'<aside><h2>{t["heading"]}</h2></aside>')
    assert extracted(monkeypatch, aside, kept) == kept


ITEMS = {"en": ["people who are curious and open", "people who want to change the world around them",
                "people who want more time for the ones they love"],
         "ar": ["الذين يحبون الاستطلاع والانفتاح", "الذين يريدون تغيير العالم من حولهم",
                "الذين يريدون وقتا أطول لمن يحبون"]}
CLOSING = {"en": "Sessions are held in the old school building every Tuesday and Thursday evening.",
           "ar": "تعقد الجلسات في مبنى المدرسة القديم كل مساء ثلاثاء وخميس من كل أسبوع."}
INTRO = {"en": "The best experiences with me are made by people who are ...", "ar": "أفضل التجارب معي يصنعها الناس:"}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_list_that_kept_text_announces_or_that_was_kept_in_part_is_put_back_whole(language, monkeypatch):
    t = TEXT[language]
    items = "".join(f"<li>{item}</li>" for item in ITEMS[language])
    html = page(language, f'<p>{INTRO[language]}</p><ul class="list">{items}</ul><p>{CLOSING[language]}</p>')
    kept = [*t["first"], t["heading"], *t["second"], INTRO[language], CLOSING[language]]
    whole = [*kept[:-1], *ITEMS[language], CLOSING[language]]
    assert extracted(monkeypatch, html, kept) == whole
    # a line that announces nothing, but the extractor kept the list's first item: the rest comes back too
    plain = html.replace(INTRO[language], t["first"][1])
    in_part = [*t["first"], t["heading"], *t["second"], t["first"][1], ITEMS[language][0], CLOSING[language]]
    assert extracted(monkeypatch, plain, in_part) == [*in_part[:-2], *ITEMS[language], CLOSING[language]]


def test_a_list_no_kept_line_announces_stays_out(monkeypatch):
    t = TEXT["en"]
    items = "".join(f"<li>{item}</li>" for item in ITEMS["en"])
    html = page("en", f'<p>{t["first"][1]}</p><ul class="list">{items}</ul><p>{CLOSING["en"]}</p>')
    kept = [*t["first"], t["heading"], *t["second"], t["first"][1], CLOSING["en"]]
    assert extracted(monkeypatch, html, kept) == kept
