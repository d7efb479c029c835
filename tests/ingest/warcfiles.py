"""Small WARC files written with warcio itself, as crawlers write them: several captures of one article with
edits, a revisit record, a redirect, a non-HTML response, an error page, a request record, and a record cut
short at the end of the file (a crawl stopped mid-write)."""

from __future__ import annotations

import html
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

URL = "https://www.example.org/news/river-flood"
LEAD = "The river burst its banks on Tuesday night and flooded the lower town of Riverton."
TOLL_FIRST = "At least 12 people were killed in the flood, the regional civil protection office said."
TOLL_LATER = "At least 15 people were killed in the flood, the regional civil protection office said."
RESCUE = "Rescue teams worked through the night with boats to reach families trapped on the roofs of their houses."
REMOVED = "The mayor blamed the dam operator for releasing water too late, a claim the operator denied."
ADDED = "The government declared a state of emergency in the region on Wednesday morning."
SHELTER = "About 300 residents spent the night in the sports hall, where volunteers served hot meals."
WEATHER = "Forecasters expect more rain over the weekend, and the river is still rising in the upper valley."

FIRST = (LEAD, TOLL_FIRST, RESCUE, REMOVED, SHELTER, WEATHER)
SECOND = (LEAD, TOLL_LATER, RESCUE, ADDED, SHELTER.replace("About 300", "More than 400"), WEATHER)


def page(title: str, paragraphs: tuple[str, ...]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<meta property=\"og:site_name\" content=\"Example Herald\"></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>{html.escape(title)}</h1>"
            f"<p class=\"byline\">By Maria Lopes</p>\n{body}</article><footer>© Example Herald</footer>"
            f"</body></html>").encode("utf-8")


def response(writer: WARCWriter, url: str, date: str, status: str, content_type: str, body: bytes,
             extra: list[tuple[str, str]] | None = None):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)
    return record


def write_sample(path: Path, truncate: bool = True) -> dict[str, int]:
    """The sample WARC at path (gzipped if its name ends .gz); the offsets of its records by name."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    offsets: dict[str, int] = {}

    def mark(name: str) -> None:
        offsets[name] = buffer.tell()

    mark("first")
    response(writer, URL, "2024-05-01T10:00:00Z", "200 OK", "text/html; charset=utf-8",
             page("River flood kills 12 in Riverton", FIRST))
    mark("request")
    writer.write_record(writer.create_warc_record(URL, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    mark("image")
    response(writer, "https://www.example.org/img/flood.png", "2024-05-01T10:00:01Z", "200 OK", "image/png",
             b"\x89PNG\r\n\x1a\n" + bytes(200))
    mark("redirect")
    response(writer, "http://example.org/news/river-flood", "2024-05-01T18:00:00Z", "301 Moved Permanently",
             "text/html", b"<a href=\"https://www.example.org/news/river-flood\">moved</a>",
             [("Location", URL)])
    mark("second")
    second = response(writer, URL + "/?utm_source=newsletter&fbclid=abc#comments", "2024-05-01T18:00:05Z",
                      "200 OK", "text/html; charset=utf-8", page("River flood kills 15 in Riverton", SECOND))
    mark("error")
    response(writer, "https://www.example.org/news/missing", "2024-05-01T18:00:06Z", "404 Not Found",
             "text/html", b"<html><body><p>Not found</p></body></html>")
    mark("revisit")
    revisit = writer.create_revisit_record(URL, second.rec_headers.get_header("WARC-Payload-Digest"),
                                           URL + "/?utm_source=newsletter&fbclid=abc#comments",
                                           "2024-05-01T18:00:05Z",
                                           http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                         protocol="HTTP/1.1"))
    revisit.rec_headers.replace_header("WARC-Date", "2024-05-02T09:00:00Z")
    writer.write_record(revisit)
    mark("truncated")
    response(writer, URL, "2024-05-03T09:00:00Z", "200 OK", "text/html; charset=utf-8",
             page("River flood: final toll", SECOND + ("A third version that never finished writing.",) * 40))
    data = buffer.getvalue()
    if truncate:
        data = data[:offsets["truncated"] + (len(data) - offsets["truncated"]) // 2]
    path.write_bytes(data)
    return offsets


ARTICLE_ID = "example-org-news-river-flood-42cfcdd774"  # url_article_id(URL), as the README explains it
ANNOTATION = """version: "2024-05-01T10:00:00Z"
notes:
  - quote: "The mayor blamed the dam operator"
    note: The operator published its release log the next day.
  - quote: "Rescue teams worked through the night"
    note: Boats came from three neighbouring towns.
facts:
  - fact: flood-deaths
    quote: "At least 12 people were killed in the flood"
    figure: "At least 12"
"""
FACT = """  - id: flood-deaths
    title: Deaths in the Riverton flood
    claim: People were killed when the river flooded Riverton.
"""


def captured_archive(root: Path) -> Path:
    """The test fixture archive (tests/fixtures/base) with the sample WARC in seeds/, an annotation written
    against its first capture, and a fact its figure is linked to."""
    import shutil

    from generator.write.plan import copy_hand_written

    repo = Path(__file__).resolve().parents[2]
    shutil.copytree(repo / "tests" / "fixtures" / "base", root)
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written(repo / "docs", root / "docs")
    write_sample(root / "seeds" / "flood.warc.gz")
    (root / "annotations" / "articles" / f"{ARTICLE_ID}.yml").write_text(ANNOTATION, encoding="utf-8")
    with (root / "annotations" / "facts.yml").open("a", encoding="utf-8") as facts:
        facts.write(FACT)
    return root


def write_many(path: Path, captures: int, edition: int = 1) -> None:
    """A WARC of `captures` articles, one capture each, every page the same length: an edition rewritten
    with another number has its records at the same offsets, each with other text (another digest)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    for n in range(captures):
        paragraphs = (f"Report {n:05d} of edition {edition:03d}: the river rose in the valley overnight.",
                      f"Officials counted {edition:03d} closed roads and asked drivers to stay at home.", RESCUE)
        response(writer, f"https://www.example.org/news/report-{n:05d}", "2024-05-01T10:00:00Z", "200 OK",
                 "text/html; charset=utf-8", page(f"Report {n:05d}", paragraphs))
    path.write_bytes(buffer.getvalue())
