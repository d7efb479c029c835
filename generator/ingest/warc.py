"""Web-archive captures (ISO 28500 WARC, as Webrecorder, Browsertrix, ArchiveBox, wget --warc write) as sources.

Every HTML response with status 200 is a capture of an article: a RawDocument cleaned by the HTML path as a
page in seeds/ is, with the URL it was captured at and the time (WARC-Date). A revisit record (the crawler saw
the same payload again and did not store it twice) is a capture too, of the payload it points to. Everything
else (images, scripts, redirects, error pages, request and metadata records) is counted, not read.

The file is read record by record (warcio), and no payload is held: a capture's document says where its
HTML is (core/model.Payload: the record's offset and the digest of its text) and cleaning reads it there when
it needs it (read_payload), so memory follows the pages being cleaned, never the size of the WARC file or the
number of its captures. A record cut short (a crawl stopped mid-write) or that cannot be parsed is a warning
at its byte offset, and reading goes on at the next record the file holds.
"""

from __future__ import annotations

import errno
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Callable

from bs4.dammit import UnicodeDammit
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from generator.core.errors import Problem, error, warning
from generator.core.model import Loc, RawDocument
from generator.core.payload import Payload
from generator.ingest.urls import normalise_url, url_article_id

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
RESYNC_CHUNK = 1 << 16
CAPTURE_NAME = re.compile(r"^(.+\.warc(?:\.gz)?)(?:#offset=(\d+))?$", re.I)
# What the build's summary says of each record skipped
SKIPPED_NOT_HTML, SKIPPED_REDIRECT, SKIPPED_ERROR, SKIPPED_OTHER = ("not HTML", "redirect", "error page",
                                                                   "not a response")
SKIPPED_TOO_LARGE, SKIPPED_UNRESOLVED = "too large", "revisit of a payload not in the file"


@dataclass(frozen=True)
class Capture:
    """One HTML page as a crawler captured it."""

    document: RawDocument  # article_id: url_article_id(url); path: the WARC file and the record's offset
    url: str  # the target URI as captured
    key: str  # normalise_url(url): the article it is a version of
    captured: datetime  # WARC-Date, in UTC: when it was captured, not when it was published
    warc: str  # the WARC file as a contributor names it (seeds/x.warc.gz)
    offset: int  # where its record starts in the file, in bytes


@dataclass
class WarcRead:
    captures: list[Capture] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # reason -> records


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def capture_path(path: Path, offset: int) -> Path:
    """A capture's own path (memo and cleaning cache key, problems' location): the file and the record offset."""
    return path.with_name(f"{path.name}#offset={offset}")


def split_capture_path(given: str) -> tuple[Path, int | None] | None:
    """A WARC file as a command names it, with the record it means when the name says one
    (seeds/x.warc.gz#offset=123: as problems and the versions section name a capture); None for no WARC."""
    named = CAPTURE_NAME.match(given)
    if named is None:
        return None
    return Path(named.group(1)), int(named.group(2)) if named.group(2) is not None else None


def read_warc(path: Path, shown: str, max_bytes: int) -> WarcRead:
    """Every capture of one WARC file, the records skipped by reason, a warning for each damaged record."""
    result = WarcRead()
    by_digest: dict[str, tuple[str, Payload]] = {}  # WARC-Payload-Digest -> (url, payload) of an HTML capture
    by_capture: dict[tuple[str, str], Payload] = {}  # (url, WARC-Date) -> payload
    try:
        with path.open("rb") as handle:
            start = 0
            while start is not None:
                start = _read_from(handle, start, path, shown, max_bytes, result, by_digest, by_capture)
    except OSError as exc:
        result.problems.append(error(Loc.whole(shown), f"cannot read ({exc.strerror or exc}); check its permissions"))
    return result


def _read_from(handle: BinaryIO, start: int, path: Path, shown: str, max_bytes: int, result: WarcRead,
               by_digest: dict, by_capture: dict) -> int | None:
    """Records from byte start on; the offset to go on at after a damaged record, or None at the end."""
    handle.seek(start)
    records = ArchiveIterator(handle)

    def where() -> int:  # asked once the record is read: the iterator reads a record through to know it
        return records.get_record_offset()  # from the file's start, where the iterator began

    try:
        for record in records:
            kept = _take(record, where, path, shown, max_bytes, result, by_digest, by_capture)
            if kept is not None:
                return _next_record(handle, kept + 1, _compressed(path))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:  # zlib.error is not an OSError: below
        offset = max(start, records.offset)  # where the record that failed began: the end of the last one read
        result.problems.append(_damaged(shown, offset, f"cannot be parsed ({_first_line(exc)})"))
        return _next_record(handle, offset + 1, _compressed(path))
    except Exception as exc:  # noqa: BLE001 - zlib.error and other decoder failures: a damaged record
        if type(exc).__module__ != "zlib":
            raise
        offset = max(start, records.offset)
        result.problems.append(_damaged(shown, offset, f"cannot be decompressed ({_first_line(exc)})"))
        return _next_record(handle, offset + 1, _compressed(path))
    return None


def _take(record, where: Callable[[], int], path: Path, shown: str, max_bytes: int, result: WarcRead,
          by_digest: dict, by_capture: dict) -> bool:
    """One record: kept, skipped or resolved. Its offset when it was cut short (reading resumes after it)."""
    kind = record.rec_type
    if kind not in ("response", "revisit") or record.http_headers is None:
        result.skipped[SKIPPED_OTHER] += 1
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or ""
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status.startswith("3"):
        result.skipped[SKIPPED_REDIRECT] += 1
        return None
    if status != "200":
        result.skipped[SKIPPED_ERROR] += 1
        return None
    if content_type and not content_type.split(";")[0].strip() in HTML_TYPES:
        result.skipped[SKIPPED_NOT_HTML] += 1
        return None
    captured = _capture_time(headers.get_header("WARC-Date"))
    if captured is None or not url.startswith(("http://", "https://")):
        result.problems.append(warning(_at(shown, where()), "record has no usable WARC-Target-URI or WARC-Date; "
                                       "it is left out"))
        return None
    if kind == "revisit":
        referred = (headers.get_header("WARC-Refers-To-Target-URI"), headers.get_header("WARC-Refers-To-Date"))
        payload = by_capture.get(referred) if all(referred) else None  # type: ignore[arg-type]
        if payload is None:
            payload = (by_digest.get(headers.get_header("WARC-Payload-Digest") or "") or (None, None))[1]
        if payload is None:
            result.skipped[SKIPPED_UNRESOLVED] += 1
            return None
    else:
        body = record.content_stream().read(max_bytes + 1)
        cut_short = len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0  # under Content-Length
        offset = where()
        if len(body) > max_bytes:
            result.skipped[SKIPPED_TOO_LARGE] += 1
            result.problems.append(warning(_at(shown, offset), f"HTML payload over the limit of {max_bytes:,} "
                                           "bytes; left out (raise --max-bytes to keep it)"))
            return None
        if cut_short:
            result.problems.append(_damaged(shown, offset, "is cut short (the file ends, or the next record "
                                            "starts, before its Content-Length)"))
            return offset
        text = _decode(body, content_type)
        if not text.strip():
            result.skipped[SKIPPED_ERROR] += 1
            return None
        payload = Payload(path, offset, _digest(text), read_payload)  # the text is read again when cleaned
        by_digest[headers.get_header("WARC-Payload-Digest") or f"offset:{offset}"] = (url, payload)
        by_capture[(url, headers.get_header("WARC-Date"))] = payload
    offset = offset if kind != "revisit" else where()
    key = normalise_url(url)
    document = RawDocument(url_article_id(url), capture_path(path, offset), "", "html", payload)
    result.captures.append(Capture(document, url, key, captured, shown, offset))
    return None


def read_payload(payload: Payload) -> str:
    """The HTML of a capture, read from its record now, as read_warc decoded it. An OSError (named after the
    record) when the file no longer holds it: it changed since it was read (build again)."""
    shown = capture_path(payload.file, payload.offset)
    try:
        with payload.file.open("rb") as handle:
            handle.seek(payload.offset)
            record = next(iter(ArchiveIterator(handle)), None)
            if record is not None and record.http_headers is not None:
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                text = _decode(record.content_stream().read(), content_type)
                if _digest(text) == payload.digest:
                    return text
    except (ArchiveLoadFailed, EOFError, ValueError):
        pass
    except OSError as exc:
        raise OSError(exc.errno, f"cannot read the capture ({exc.strerror or exc})", str(shown)) from None
    raise OSError(errno.ESTALE, "the capture changed since the WARC file was read", str(shown))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _decode(body: bytes, content_type: str) -> str:
    """The page's text in the charset its headers or its markup declare (UnicodeDammit), else UTF-8."""
    declared = CHARSET.search(content_type)
    dammit = UnicodeDammit(body, [declared.group(1)] if declared else [], is_html=True)
    text = dammit.unicode_markup if dammit.unicode_markup is not None else body.decode("utf-8", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _capture_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def _compressed(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _next_record(handle: BinaryIO, after: int, compressed: bool) -> int | None:
    """Where the next record starts after a damaged one: the next gzip member, or the next "WARC/1." line."""
    marker = b"\x1f\x8b\x08" if compressed else b"\nWARC/1."
    handle.seek(after)
    position, tail = after, b""
    while chunk := handle.read(RESYNC_CHUNK):
        data = tail + chunk
        found = data.find(marker)
        if found >= 0:
            return position - len(tail) + found + (0 if compressed else 1)
        tail = data[-(len(marker) - 1):]
        position += len(chunk)
    return None


def _first_line(exc: BaseException) -> str:
    """What the reader said, as one printable line: a damaged header holds binary bytes."""
    said = (str(exc).splitlines() or [type(exc).__name__])[0]
    return "".join(ch if ch.isprintable() else "?" for ch in said)[:100]


def _damaged(shown: str, offset: int, what: str) -> Problem:
    return warning(_at(shown, offset), f"record at byte offset {offset} {what}; it is left out and the file's "
                   "other records are read (re-capture the page, or cut the record out with warcio)")


def _at(shown: str, offset: int) -> Loc:
    """A record's place: the file, line 1, and the byte offset in the message (a WARC has no useful lines)."""
    return Loc.whole(f"{shown}#offset={offset}")
