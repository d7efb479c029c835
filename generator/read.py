"""Find the source articles under seeds/ and decode them, refusing what is not text."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Problem, error
from .model import Loc, RawDocument

READERS = {".txt": "text", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


def source_files(seeds_dir: Path) -> list[Path]:
    """Source files in a stable order; other files (README, .DS_Store) are ignored."""
    if not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix.lower() in READERS)


def decode(data: bytes, loc: Loc) -> tuple[str | None, Problem | None]:
    """UTF-8 with or without BOM; LF, CRLF or CR line ends all become LF."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        return None, error(loc, f"binary file (NUL byte at offset {offset}); "
                           "save the article as UTF-8 text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, error(loc, f"not valid UTF-8 at byte offset {exc.start} "
                           f"(byte 0x{data[exc.start]:02x}); re-save the file as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def read_document(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[RawDocument | None, Problem | None]:
    loc = Loc(display_path(path, root))
    article_id = path.stem
    if not SAFE_ID.match(article_id):
        return None, error(loc, "file name is not a safe article id: use letters, digits, '-', '_' or '.', "
                           "starting with a letter or digit")
    size = path.stat().st_size
    if size == 0:
        return None, error(loc, "empty file; remove it or paste the article text into it")
    if size > max_bytes:
        return None, error(loc, f"file is {size:,} bytes, over the limit of {max_bytes:,}; "
                           "split it or raise --max-bytes")
    text, problem = decode(path.read_bytes(), loc)
    if problem:
        return None, problem
    if not text.strip():
        return None, error(loc, "file holds only whitespace; remove it or paste the article text into it")
    return RawDocument(article_id, path, text, READERS[path.suffix.lower()]), None


def read_sources(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[RawDocument], list[Problem]]:
    """Every readable source under root/seeds, and a problem for each one that is not."""
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in source_files(root / "seeds"):
        doc, problem = read_document(path, root, max_bytes)
        if problem:
            problems.append(problem)
            continue
        assert doc is not None
        key = doc.article_id.lower()
        if key in seen:
            problems.append(error(Loc(display_path(path, root)),
                                  f"maps to the same article page as {display_path(seen[key], root)}; "
                                  "rename or remove one of them"))
            continue
        seen[key] = path
        documents.append(doc)
    return documents, problems


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor sees it: relative to the archive root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
