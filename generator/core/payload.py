"""Where a source's text is read when it is needed (a RawDocument's payload), rather than held."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Payload:
    """Where a source's text is read when cleaning needs it, rather than held from reading to the end of the
    build: one record of a web-archive file (ingest/warc.py), so memory follows the pages being cleaned, not
    every capture of the file. Compared by its place and digest, never by the reader."""

    file: Path
    offset: int  # the record that holds the payload (a revisit's: the response it refers to)
    digest: str  # SHA-256 of the decoded text: what serve's memo and the cleaning cache compare
    read: Callable[[Payload], str] = field(compare=False, repr=False)  # the text, read from file now
