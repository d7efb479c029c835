"""The lead between headline and body, put back when the extractor dropped it (clean/html/lead.py); what stands
there that is no lead (byline, caption, linked teaser, subtitle, sidebar) stays out. Pages in English, German
and Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean.cleaner import clean
from generator.clean.html.extract import extract
from generator.clean.html.lead import with_lead
from generator.clean.html.pagelines import text_blocks
from generator.core.model import RawDocument

BODY = {
    "en": ["The council voted on Monday evening to close the old market hall for two years of repairs to its roof.",
           "Traders will move to a temporary site on the river bank, where the council has promised free stalls.",
           "Work on the roof starts in March and should be finished before the winter of the following year."],
    "de": ["Der Stadtrat hat am Montagabend beschlossen, die alte Markthalle für zwei Jahre zu schließen.",
           "Die Händler ziehen auf einen Platz am Flussufer, wo die Stadt ihnen kostenlose Stände verspricht.",
           "Die Arbeiten am Dach beginnen im März und sollen vor dem Winter des nächsten Jahres fertig sein."],
    "ar": ["صوت المجلس البلدي مساء الاثنين على إغلاق السوق القديم لمدة عامين من أجل إصلاح سقفه المتضرر.",
           "سينتقل التجار إلى موقع مؤقت على ضفة النهر حيث وعد المجلس بتوفير أكشاك مجانية لهم طوال فترة الإغلاق.",
           "تبدأ الأعمال في شهر مارس ومن المتوقع أن تنتهي قبل حلول فصل الشتاء من العام التالي بحسب المجلس."],
}
LEAD = {
    "en": "After years of complaints about leaks, the market hall closes: what this means for the traders, "
          "their customers and the neighbourhood around the square.",
    "de": "Nach jahrelangen Klagen über das undichte Dach schließt die Markthalle: was das für die Händler, "
          "ihre Kundschaft und das Viertel rund um den Platz bedeutet.",
    "ar": "بعد سنوات من الشكاوى بسبب تسرب المياه يغلق السوق القديم أبوابه فماذا يعني ذلك للتجار "
          "وزبائنهم وللحي المحيط بالساحة كله؟",
}


def page(language: str, between: str, summary: str | None = None) -> str:
    """A page whose <meta> description is the lead (or summary: a description cut short, or another one)."""
    direction = ' dir="rtl"' if language == "ar" else ""
    body = "".join(f"<p>{line}</p>" for line in BODY[language])
    described = LEAD[language] if summary is None else summary
    return (f'<html lang="{language}"{direction}><head><title>Market hall</title>'
            f'<meta property="og:description" content="{described}"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>'
            f'<header><h1>Market hall to close for repairs</h1>{between}</header>'
            f'<div class="body">{body}</div></article></main></body></html>')


def body_text(language: str) -> str:
    return "\n".join(BODY[language])


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_a_dropped_lead_is_put_back_before_the_body(language):
    html = page(language, f'<div class="intro"><p>{LEAD[language]}</p></div><p>By Ann Lee</p>')
    assert with_lead(text_blocks(html), body_text(language)).split("\n") == [LEAD[language], *BODY[language]]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_lead_is_known_by_a_summary_cut_short(language):
    """Pages often cut their description short; its opening is what is compared."""
    html = page(language, f"<p>{LEAD[language]}</p>", summary=LEAD[language][:90] + "…")
    assert with_lead(text_blocks(html), body_text(language)).split("\n")[0] == LEAD[language]


@pytest.mark.parametrize("language", ["en", "de"])
def test_prose_above_the_body_that_the_page_does_not_declare_as_its_summary_stays_out(language):
    """A box of prose under the headline that is not the page's summary: a disclaimer, an advert's text, a note."""
    other = "This post may contain affiliate links, and we may earn a commission when you buy through them today."
    for described in (other, ""):
        html = page(language, f"<p>{LEAD[language]}</p>", summary=described)
        assert with_lead(text_blocks(html), body_text(language)) == body_text(language)
    html = page(language, f"<p>{other}</p>")
    assert with_lead(text_blocks(html), body_text(language)) == body_text(language)


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_a_lead_the_extractor_kept_is_not_doubled(language):
    html = page(language, f"<p>{LEAD[language]}</p>")
    text = "\n".join([LEAD[language], *BODY[language]])
    assert with_lead(text_blocks(html), text) == text


@pytest.mark.parametrize("furniture", [
    '<p><a href="/other">{lead}</a></p>',  # a linked teaser of another article
    '<div><img src="a.jpg" alt=""><p>{lead}</p></div>',  # the lead photo's caption
    '<img src="a.jpg" alt=""><div><p>{lead}</p></div>',  # a caption in the box after the photo
    "<figure><figcaption>{lead}</figcaption></figure>",
    "<aside><p>{lead}</p></aside>",
    '<div role="complementary"><p>{lead}</p></div>',
    '<div style="display:none"><p>{lead}</p></div>',
    "<p>{short}</p>",  # a kicker, a date, a byline: too short to be a lead
    "<p>{unended}</p>",  # a line without a sentence's end (a list of tags)
])
@pytest.mark.parametrize("language", ["en", "de"])
def test_what_is_no_lead_stays_out(furniture, language):
    lead = LEAD[language]
    html = page(language, furniture.format(lead=lead, short=" ".join(lead.split()[:6]) + ".",
                                           unended=lead.rstrip(".?")))
    assert with_lead(text_blocks(html), body_text(language)) == body_text(language)


def test_more_prose_than_a_lead_above_the_body_is_left_as_the_extractor_chose():
    """Four paragraphs between headline and extracted text are a part of the page the extractor judged, not a lead."""
    between = "".join(f"<p>{LEAD['en']} ({n})</p>" for n in range(4))
    html = page("en", between)
    assert with_lead(text_blocks(html), body_text("en")) == body_text("en")


def test_no_headline_above_the_body_no_lead():
    html = page("en", f"<p>{LEAD['en']}</p>").replace("<h1>", "<div>").replace("</h1>", "</div>")
    assert with_lead(text_blocks(html), body_text("en")) == body_text("en")


def test_text_not_found_in_the_page_is_returned_as_it_is():
    html = page("en", f"<p>{LEAD['en']}</p>")
    assert with_lead(text_blocks(html), "Nothing of this stands in the page at all.") == \
        "Nothing of this stands in the page at all."


@pytest.mark.parametrize("language", ["en", "de"])
def test_extract_and_clean_keep_the_lead_once_and_are_idempotent(language):
    """Through the whole path: the lead is in the article once, at its source line, and cleaning twice is the same."""
    html = page(language, f'<div class="teaser-text"><p>{LEAD[language]}</p></div>')
    first, again = extract(html), extract(html)
    assert first == again
    assert first.text.count(LEAD[language]) == 1
    assert first.text.index(LEAD[language]) < first.text.index(BODY[language][0])
    article = clean(RawDocument("market", Path("market.html"), html, "html"))
    texts = [block.text for block in article.blocks]
    assert LEAD[language] in texts and BODY[language][0] in texts
    lead_line = next(block.source_line for block in article.blocks if block.text == LEAD[language])
    assert LEAD[language] in html.split("\n")[lead_line - 1]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_headline_set_as_another_heading_is_known_by_the_declared_title(language):
    """No <h1>: the page sets its headline in an <h3> whose words are its declared title."""
    html = page(language, f"<p>{LEAD[language]}</p>").replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    html = html.replace("<title>Market hall</title>",
                        '<title>Market hall to close for repairs | The Daily</title>'
                        '<meta property="og:title" content="Market hall to close for repairs">')
    assert with_lead(text_blocks(html), body_text(language)).split("\n") == [LEAD[language], *BODY[language]]


def test_a_block_of_a_few_title_words_is_no_headline():
    """A section's name that stands in the title ("Market hall") is not the headline the lead stands under."""
    html = page("en", f"<p>{LEAD['en']}</p>").replace("<h1>Market hall to close for repairs</h1>",
                                                      "<div>Market hall</div>")
    assert with_lead(text_blocks(html), body_text("en")) == body_text("en")


@pytest.mark.parametrize("language", ["en", "de"])
def test_when_the_text_opens_with_the_headline_the_lead_goes_below_it(language):
    html = page(language, f'<div class="teaser"><p>{LEAD[language]}</p></div>')
    text = "\n".join(["Market hall to close for repairs", *BODY[language]])
    assert with_lead(text_blocks(html), text).split("\n") == \
        ["Market hall to close for repairs", LEAD[language], *BODY[language]]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_lead_above_a_body_whose_opening_the_page_declares_as_its_summary_is_put_back(language):
    html = page(language, f'<div class="intro"><p>{LEAD[language]}</p></div>', summary=BODY[language][0])
    assert with_lead(text_blocks(html), body_text(language)).split("\n") == [LEAD[language], *BODY[language]]


def test_below_a_body_declared_as_summary_two_boxes_of_prose_are_no_lead():
    other = "This post may contain affiliate links, and we may earn a commission when you buy through them today."
    html = page("en", f"<p>{LEAD['en']}</p><p>{other}</p>", summary=BODY["en"][0])
    assert with_lead(text_blocks(html), body_text("en")) == body_text("en")


def test_a_short_lead_that_is_the_declared_summary_is_put_back():
    short = "The market hall closes for two years, and its traders move."
    html = page("en", f"<p>{short}</p>", summary=short)
    assert with_lead(text_blocks(html), body_text("en")).split("\n") == [short, *BODY["en"]]


@pytest.mark.parametrize("language", ["en", "de"])
def test_below_a_kept_headline_and_a_photo_credit_the_lead_goes_above_the_first_line_of_prose(language):
    html = page(language, f'<p>Photo: Ann Lee</p><div class="teaser"><p>{LEAD[language]}</p></div>')
    text = "\n".join(["Market hall to close for repairs", "Photo: Ann Lee", *BODY[language]])
    assert with_lead(text_blocks(html), text).split("\n") == \
        ["Market hall to close for repairs", "Photo: Ann Lee", LEAD[language], *BODY[language]]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_subtitle_set_as_a_heading_is_the_lead_when_it_is_the_declared_summary(language):
    html = page(language, f"<h2>{LEAD[language]}</h2><p>By Ann Lee</p>")
    assert with_lead(text_blocks(html), body_text(language)).split("\n") == [LEAD[language], *BODY[language]]
    other = page(language, f"<h2>{LEAD[language]}</h2>", summary=BODY[language][2])
    assert with_lead(text_blocks(other), body_text(language)) == body_text(language)
