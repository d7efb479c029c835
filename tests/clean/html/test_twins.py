"""Prose the extractor left out of boxes built like the one it kept (clean/html/twins.py): a story told in
twin sections comes out whole, in page order; teasers, asides and short labels of the same page stay out."""

from __future__ import annotations

import pytest

from generator.clean.html import extract as extract_module
from generator.clean.html.pagelines import page_lines, text_blocks
from generator.clean.html.twins import twin_blocks, with_twins

SECTIONS = {
    "en": [["The first runner set a world lead of six metres in the indoor meeting on Saturday night.",
            "He said the crowd had carried him over the bar at the third attempt of the evening."],
           ["The hurdles champion opened his season with a win in seven and a half seconds flat.",
            "After a year of injuries he was glad to race again without pain in front of his family."],
           ["The sprinter from the north broke the national record twice within one single afternoon.",
            "Her coach said that the summer championships in the city were now her only goal."]],
    "ar": [["سجل العداء الأول أفضل رقم عالمي هذا العام في اللقاء الداخلي مساء يوم السبت الماضي.",
            "وقال إن الجمهور حمله فوق العارضة في المحاولة الثالثة من تلك الأمسية الرائعة جدا."],
           ["افتتح بطل الحواجز موسمه بفوز في سبع ثوان ونصف الثانية أمام منافسين أقوياء جدا.",
            "وبعد عام من الإصابات كان سعيدا بالعودة إلى السباق دون ألم أمام عائلته وأصدقائه."],
           ["حطمت العداءة القادمة من الشمال الرقم الوطني مرتين في عصر يوم واحد فقط هذا الأسبوع.",
            "وقال مدربها إن بطولات الصيف في المدينة أصبحت الآن هدفها الوحيد في هذا الموسم."]],
}
TEASER = "Read how the season of the winter meetings began for the athletes of the whole country."


def page(language: str) -> str:
    direction = ' dir="rtl"' if language == "ar" else ""
    sections = "".join(
        f'<section class="band"><article class="story-part"><div class="rich">'
        f'{"".join(f"<p>{line}</p>" for line in lines)}</div></article></section>'
        for lines in SECTIONS[language])
    return (f'<html lang="{language}"{direction}><head><title>Meeting</title></head><body>'
            f'<nav><a href="/">Home</a></nav><main><h1>Athletes in form</h1>{sections}'
            f'<div class="rich"><p><a href="/other">{TEASER}</a></p></div>'
            f'<aside><article class="story-part"><div class="rich"><p>{TEASER}</p></div></article></aside>'
            f'<article class="story-part"><div class="rich"><p>Share this story.</p></div></article>'
            f'</main></body></html>')


def first_section(language: str) -> str:
    return "\n".join(SECTIONS[language][0])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_twin_sections_the_extractor_left_out_are_found_and_put_back_in_page_order(language):
    html = page(language)
    blocks = text_blocks(html)
    placed = page_lines(html, first_section(language), "test", blocks)
    twins = twin_blocks(blocks)
    assert [block.text for block in twins] == [*SECTIONS[language][1], *SECTIONS[language][2]]
    whole = with_twins(first_section(language), placed.source_lines, twins)
    assert whole.split("\n") == [line for lines in SECTIONS[language] for line in lines]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_extract_returns_the_whole_story_once_and_the_same_twice(language, monkeypatch):
    """The extractor (stood in for here) keeps one section; extract() gives the story whole, deterministically,
    with a source line for each line."""
    monkeypatch.setattr(extract_module, "_trafilatura", lambda html, recall=False: first_section(language))
    monkeypatch.setattr(extract_module, "_readability", lambda html: "")
    html = page(language)
    first, again = extract_module.extract(html), extract_module.extract(html)
    assert first == again
    lines = first.text.split("\n")
    assert lines == [line for part in SECTIONS[language] for line in part]
    assert TEASER not in first.text and "Share this story." not in first.text
    source = html.split("\n")
    assert all(line.split()[0] in source[number - 1] for line, number in zip(lines, first.source_lines))

