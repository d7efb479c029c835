"""Find the source articles under seeds/ and decode them, refusing what is not text.

Every way a source can be unusable (empty, binary, not UTF-8, too large, an
unsafe or reserved name, unreadable, not a regular file, two files for one
page) is a located problem, never a traceback: the contributor sees what to do.
"""

from __future__ import annotations

import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from anyascii import anyascii

from generator.core.errors import Problem, error, quoted_value
from generator.core.model import Loc, RawDocument
from generator.ingest.tree import link_message
from generator.runtime.memo import NO_MEMO, Memo, Table

READERS = {".txt": "text", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
RESERVED_IDS = {"index"}  # articles/index.md is the list of articles
UNSAFE_SLUG = re.compile(r"[^a-z0-9-]+")
T = TypeVar("T")
UNSETTLED_NS = 2_000_000_000  # FAT keeps times to 2 s; ext4 and others to a clock tick


def slugify(text: str) -> str:
    """A page's file name (an article id, an entity's name, a tag): lowercase ASCII words joined by '-', safe
    in a file name and a URL. Here because reading checks that no two seeds get the same one.

    Other letters are spelt in ASCII (anyascii), not dropped: "Le Dauphiné" is "le-dauphine" (not
    "le-dauphin"), "Новая газета" is "novaya-gazeta", and two names in other scripts are not both "untitled"."""
    slug = UNSAFE_SLUG.sub("-", anyascii(text).lower()).strip("-")
    return re.sub(r"-{2,}", "-", slug) or "untitled"


def source_files(seeds_dir: Path) -> list[Path]:
    """Everything under seeds/ with a source suffix, in a stable order; other files (README) are ignored."""
    if not seeds_dir.is_dir():
        return []
    return sorted((p for p in seeds_dir.iterdir() if p.suffix.lower() in READERS), key=lambda p: p.name)


def decode(data: bytes, loc: Loc) -> tuple[str | None, Problem | None]:
    """UTF-8 with or without BOM; LF, CRLF or CR line ends all become LF."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        return None, error(_at(data, offset, loc), f"binary file (NUL byte at byte offset {offset}); "
                           "save the article as UTF-8 text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, error(_at(data, exc.start, loc), f"not valid UTF-8 at byte offset {exc.start} "
                           f"(byte 0x{data[exc.start]:02x}); re-save the file as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def id_problem(article_id: str) -> str | None:
    """Why a file name cannot be an article id (it becomes a file name and a URL), or None."""
    if not SAFE_ID.match(article_id) or ".." in article_id:
        return ("file name is not a safe article id: use letters, digits, '-', '_' or '.' (no '..', spaces "
                "or '%'), starting with a letter or digit; rename the file")
    if slugify(article_id) in RESERVED_IDS:
        return f"'{article_id}' is reserved for the list of articles; rename the file"
    return None


def read_document(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[RawDocument | None, Problem | None]:
    """One source file decoded, or the reason it cannot be used."""
    loc = Loc.whole(display_path(path, root))
    unsafe = id_problem(path.stem)
    if unsafe:
        return None, error(loc, unsafe)
    if path.is_symlink():  # never followed: see ingest/tree.py
        return None, error(loc, link_message(path))
    try:
        info = path.stat()
    except OSError as exc:
        return None, error(loc, f"cannot read ({exc.strerror or exc}); replace it with the article file itself")
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        return None, error(loc, f"{what}, not an article; move it out of seeds/")
    if info.st_size == 0:
        return None, error(loc, "empty file; remove it or paste the article text into it")
    if info.st_size > max_bytes:
        return None, error(loc, f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,}; "
                           "split it or raise --max-bytes")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        return None, error(loc, f"cannot read ({exc.strerror or exc}); check the file's permissions")
    if len(data) > max_bytes:
        return None, error(loc, f"file is over the limit of {max_bytes:,} bytes; split it or raise --max-bytes")
    text, problem = decode(data, loc)
    if problem:
        return None, problem
    assert text is not None
    if not text.strip():
        return None, error(loc, "file holds only whitespace; remove it or paste the article text into it")
    return RawDocument(path.stem, path, text, READERS[path.suffix.lower()]), None


@dataclass(frozen=True)
class Sources:
    """What seeds/ holds: the articles, a problem for each file that is not one, and the ids of the sources
    that claim one page between them. Those are no article until the clash is resolved, and are checked no
    further: cleaning or anchoring one of them would only report the clash again in other words."""

    documents: list[RawDocument]
    problems: list[Problem]
    clashing: frozenset[str] = frozenset()
    # Web-archive captures (ingest/warc.py): their documents are in documents too, several a page
    captures: tuple = ()  # of ingest.warc.Capture
    skipped: tuple[tuple[str, int], ...] = ()  # (why, how many WARC records) left out, for the build's summary


def read_sources(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, memo: Memo = NO_MEMO
                 ) -> tuple[list[RawDocument], list[Problem]]:
    """Every readable source under root/seeds that is an article, and a problem for each one that is not."""
    sources = read_seeds(root, max_bytes, memo)
    return sources.documents, sources.problems


def read_seeds(root: Path, max_bytes: int = DEFAULT_MAX_BYTES, memo: Memo = NO_MEMO) -> Sources:
    """read_sources(), and the ids of the sources that clash (see Sources).

    With a memo (serve), a file whose status (size, times, inode) is unchanged since the last build is not
    read again: an edit re-reads one file, not the archive.
    """
    documents: list[RawDocument] = []
    problems: list[Problem] = []
    seen: dict[str, RawDocument] = {}
    clashing: set[str] = set()
    try:
        paths = source_files(root / "seeds")
    except OSError as exc:
        return Sources([], [error(Loc("seeds"), f"cannot list the folder ({exc.strerror or exc}); check its "
                                  "permissions")])
    read_before = memo.table("sources", (root, max_bytes))
    for path in paths:
        doc, problem = unless_unchanged(read_before, path, lambda: read_document(path, root, max_bytes))
        if problem:
            problems.append(problem)
            continue
        assert doc is not None
        key = slugify(doc.article_id)
        if key in seen:
            problems.append(error(Loc.whole(display_path(path, root)),
                                  f"maps to the same article page (articles/{key}.md) as "
                                  f"{display_path(seen[key].path, root)}; rename or remove one of them"))
            clashing.update((doc.article_id, seen[key].article_id))
            continue
        seen[key] = doc
        documents.append(doc)
    read_before.forget_others(set(paths))
    captures, skipped = _captures(root, max_bytes, memo, seen, problems)
    return Sources([d for d in documents if d.article_id not in clashing] + [c.document for c in captures],
                   problems, frozenset(clashing), tuple(captures), skipped)


def _captures(root: Path, max_bytes: int, memo: Memo, seen: dict[str, RawDocument],
              problems: list[Problem]) -> tuple[list, tuple[tuple[str, int], ...]]:
    """The captures of every WARC file in seeds/ (several a page: ingest/versions.py groups them), and the
    records skipped by reason. A capture whose id is a text or HTML seed's is refused: they would be one page."""
    from collections import Counter

    from generator.ingest.warc import is_warc, read_warc  # warc -> urls -> this module: imported when used

    captures: list = []
    skipped: Counter = Counter()
    table = memo.table("warc", (root, max_bytes))
    paths = sorted((p for p in (root / "seeds").iterdir() if is_warc(p)), key=lambda p: p.name) \
        if (root / "seeds").is_dir() else []
    for path in paths:
        shown = display_path(path, root)
        read = unless_unchanged(table, path, lambda: read_warc(path, shown, max_bytes))
        problems.extend(read.problems)
        skipped.update(read.skipped)
        for capture in read.captures:
            other = seen.get(slugify(capture.document.article_id))
            if other is not None:
                problems.append(error(Loc.whole(shown), f"a capture of {quoted_value(capture.url)} maps to the same "
                                      f"article page as {display_path(other.path, root)}; rename that file"))
                continue
            captures.append(capture)
    table.forget_others(set(paths))
    return captures, tuple(sorted(skipped.items()))


def seed_named(given: str, root: Path) -> Path | None:
    """The seed a command-line argument names, as the contributor may write it: the article id
    (004_9d61dd4defbaf8ac), the seed's file name (004_9d61dd4defbaf8ac.txt) or a path to it, from the current
    folder or from root (seeds/004_9d61dd4defbaf8ac.txt). None when no file of root/seeds is meant."""
    seeds = root / "seeds"
    path = Path(given)
    if path.suffix.lower() not in READERS:  # an id: the seed whose name it is, whatever its suffix
        if not given or path.name != given:
            return None
        named = [p for p in source_files(seeds) if p.stem == given] if seeds.is_dir() else []
        return named[0] if named else None
    for candidate in ([path] if path.is_absolute() else [path, root / path, seeds / path]):
        try:
            if candidate.is_file() and candidate.parent.resolve() == seeds.resolve():
                return seeds / candidate.name
        except OSError:  # a symlink loop, an unreadable folder: not a seed it can name
            continue
    return None


def unless_unchanged(table: Table, path: Path, read: Callable[[], T]) -> T:
    """read(), unless the file's status is what it was when the table last kept its result."""
    status = file_status(path)
    return read() if status is None else table.get(path, status, read)


def file_status(path: Path) -> tuple[int, ...] | None:
    """What changes whenever a file's content does (make and editors' reload prompts rely on it), or None.

    Modification and change times in nanoseconds, size, inode and device (an editor that saves by renaming
    a new file over the old one), mode. None, and the file read every time, when it cannot be stat'ed or
    changed less than UNSETTLED_NS ago: a second save within the same timestamp tick (coarse on some file
    systems) could leave every field as it was, as git's "racy" entries show.
    """
    try:
        info = path.stat()
    except OSError:
        return None
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < UNSETTLED_NS:
        return None
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino, info.st_dev, info.st_mode)


def _at(data: bytes, offset: int, loc: Loc) -> Loc:
    """Line and column (in characters) of a byte offset, counted over the valid text before it."""
    before = data[:offset].decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return Loc(loc.path, before.count("\n") + 1, len(before) - before.rfind("\n"))


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor sees it: relative to the archive root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
