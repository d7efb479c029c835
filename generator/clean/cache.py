"""Cleaned articles kept on disk between builds, so that a build cleans only the sources that changed.

Cleaning is half of what the generator does in a build, and its result depends on four things only: the
source file, the article's cleaning overrides, the code (the generator's and its libraries'), and which of
the article's short lines other articles print too (the archive's context, clean/context.py). An entry is found by
a hash of the first two; the hash of the code names the whole cache, so any new version of the generator or of
a library it runs on empties it (the whole package is hashed, not only the cleaning modules); and
each entry lists the short lines its cleaning asked the context about, with the answers, so it is used only
while the archive gives the same answers (a second article from a new outlet turns the first one's menu
lines into chrome, and that one article is cleaned again).

The file is .build/clean-cache.sqlite and holds the entries of the archive's current sources only; every
command that cleans the archive (build, validate, check, serve, suggest) reads and writes it. It is a
cache and nothing more: a missing, outdated, locked or damaged file means the articles are cleaned again,
never a failed build. `make clean-build` removes it with the rest of .build/.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import re
import sqlite3
import sys
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from generator.clean.context import CleanContext
from generator.core.model import CleaningOverrides, RawDocument

FILE = ".build/clean-cache.sqlite"
FORMAT = 1  # of the entries; a change here, as any change of the code, empties the cache
BATCH = 500  # keys a query asks for at once (SQLite limits the parameters of one statement)
COMMIT_EVERY = 500  # new entries written in one transaction
CODE = Path(__file__).resolve().parents[1]  # the whole generator package
PACKAGE = "news-archive-generator"  # pyproject.toml's name: its requirements are the libraries hashed
REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclasses.dataclass(frozen=True)
class Entry:
    """One source's cleaning, and what it read of the archive besides the source."""

    short_lines: frozenset[str]  # the source's share of the context (context.short_lines)
    asked: frozenset[str]        # the short lines its cleaning asked the context about ...
    repeated: frozenset[str]     # ... and those of them that the archive repeated then

    def holds_in(self, context: CleanContext) -> bool:
        """True when the context answers every question of this cleaning as it did then."""
        return self.asked & context.repeated_lines == self.repeated


class CleanCache:
    """The cache of one archive; NO_CACHE (no file) stores nothing and finds nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._stored = 0

    @classmethod
    def of_archive(cls, root: Path) -> CleanCache:
        return cls(root / FILE)

    def key(self, document: RawDocument, overrides: CleaningOverrides) -> str:
        """What an entry is found by: every field of the source but its id and path (its kind and text), and the
        article's overrides ("" without a file)."""
        if self.path is None:
            return ""
        fields = {f.name: getattr(document, f.name) for f in dataclasses.fields(document)
                  if f.name not in ("article_id", "path", "payload")}  # id, path: labels of the result (stage.py)
        if document.payload is not None:  # a text read when needed (a web-archive record): its digest stands for it
            fields["payload"] = document.payload.digest
        fields["overrides"] = dataclasses.asdict(overrides)
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()

    def entries(self, keys: Sequence[str]) -> dict[str, Entry]:
        """The entries stored for these keys, without their cleaned articles (fetch() reads those)."""
        return {key: Entry(*meta) for key, meta in _loaded(self._select("meta", keys))
                if isinstance(meta, tuple) and len(meta) == 3}

    def fetch(self, keys: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """The cleaned articles stored for these keys (as clean/stage.py sends them), a batch read at a
        time: never all of the stored bytes in memory at once."""
        return _loaded(self._select("cleaned", keys))

    def store(self, key: str, entry: Entry, cleaned: dict[str, Any]) -> None:
        """Write one new entry, as it comes: held until the end of the stage, 10,000 cleanings raised the
        build's peak by a sixth. Committed every COMMIT_EVERY entries, so another build is not locked out
        of the file for a whole stage."""
        db = self._open()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)", (
                key, pickle.dumps((entry.short_lines, entry.asked, entry.repeated), protocol=pickle.HIGHEST_PROTOCOL),
                pickle.dumps(cleaned, protocol=pickle.HIGHEST_PROTOCOL)))
            self._stored += 1
            if self._stored % COMMIT_EVERY == 0:
                db.commit()
        except sqlite3.Error as error:
            self._give_up(error)

    def keep(self, keys: Iterable[str]) -> None:
        """Drop the entries of sources the archive no longer has (keys: all it has); commit what store() wrote."""
        db = self._open()
        if db is None:
            return
        wanted = set(keys)
        try:
            with db:
                stale = [(key,) for (key,) in db.execute("SELECT key FROM entry") if key not in wanted]
                db.executemany("DELETE FROM entry WHERE key = ?", stale)
        except sqlite3.Error as error:
            self._give_up(error)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _select(self, column: str, keys: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        """The rows of these keys, a batch at a time; the connection is closed after, since process pools fork
        after a read, and an SQLite connection must not cross a fork (store() opens it again)."""
        db = self._open()
        if db is None:
            return
        try:
            for start in range(0, len(keys), BATCH):
                batch = keys[start:start + BATCH]
                yield from db.execute(f"SELECT key, {column} FROM entry WHERE key IN ({','.join('?' * len(batch))})",
                                      batch).fetchall()
        except sqlite3.Error as error:
            self._give_up(error)
        finally:
            self.close()

    def _open(self) -> sqlite3.Connection | None:
        """The database, made or emptied as needed; None when there is none to use. A file that is not a
        database (damaged, or something else) is replaced once; a locked or unwritable one is left alone, and
        this build goes without."""
        if self._db is not None or self.path is None:
            return self._db
        for attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=2)
                self._prepare(self._db)
                return self._db
            except sqlite3.OperationalError:  # locked by another build, read-only, disk full
                break
            except sqlite3.DatabaseError:  # not a database, or a damaged one
                self.close()
                if attempt == 0 and self._remove():
                    continue
                break
            except OSError:
                break
        self._give_up()
        return None

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> None:
        """Settings, and the tables made afresh (an older layout's too) when the file is another version's."""
        db.execute("PRAGMA synchronous = OFF")  # a cache: losing the last writes costs a cleaning, no more
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS about (name TEXT PRIMARY KEY, value TEXT)")
            found = db.execute("SELECT value FROM about WHERE name = 'version'").fetchone()
            if found is None or found[0] != code_version():
                db.execute("DROP TABLE IF EXISTS entry")
                db.execute("INSERT OR REPLACE INTO about VALUES ('version', ?)", (code_version(),))
            db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, meta BLOB, cleaned BLOB)")

    def _remove(self) -> bool:
        try:
            if self.path is not None:
                self.path.unlink(missing_ok=True)
            return True
        except OSError:
            return False

    def _give_up(self, error: sqlite3.Error | None = None) -> None:
        """No cache for the rest of this build. A damaged file is removed, so that the next build starts
        afresh; one that another build has locked is left to it."""
        self.close()
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
            self._remove()
        self.path = None


NO_CACHE = CleanCache(None)


def _loaded(rows: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, Any]]:
    """Each row's value unpickled; a value that does not load is left out (cleaned again, stored anew)."""
    for key, blob in rows:
        try:
            yield key, pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged value can fail to load in any way pickle can
            continue


@lru_cache(maxsize=None)
def code_version() -> str:
    """A hash of everything besides its inputs that a cleaning's result depends on: the generator's code, the
    versions of the libraries it runs on (extraction goes through several layers of them) and libxml2's,
    Python's and its Unicode tables'."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {unicodedata.unidata_version}".encode())
    for path in sorted(CODE.rglob("*.py")):
        digest.update(str(path.relative_to(CODE)).encode() + b"\0" + path.read_bytes())
    digest.update("\n".join(libraries()).encode())
    try:
        from lxml import etree
        digest.update(repr(etree.LIBXML_VERSION).encode())
    except ImportError:  # pragma: no cover - lxml is a dependency
        pass
    return digest.hexdigest()


def libraries() -> list[str]:
    """"name==version" of each library the generator runs on: its requirements, theirs, and so on, as installed.

    Not every installed distribution: a new release of a test or benchmark tool (pip, pytest, hypothesis) would
    empty the cache, and so would a distribution found twice (an editable install's .egg-info beside its
    source, found again when the current folder is on sys.path). Where the generator is not installed (run
    from its source), every installed distribution, each once."""
    try:
        todo = list(metadata.requires(PACKAGE) or [])
    except metadata.PackageNotFoundError:
        return sorted({f"{_canonical(d.metadata['Name'])}=={d.version}" for d in metadata.distributions()})
    versions: dict[str, str | None] = {}
    while todo:
        requirement, _, marker = todo.pop().partition(";")
        if "extra" in marker:  # an optional feature of the library (requests[socks]): not installed for us
            continue
        found = REQUIREMENT_NAME.match(requirement.strip())
        if found is None or _canonical(found[0]) in versions:
            continue
        name = _canonical(found[0])
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # a requirement for another platform or Python
            versions[name] = None
            continue
        versions[name] = distribution.version
        todo += distribution.requires or []
    return sorted(f"{name}=={version}" for name, version in versions.items() if version is not None)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503: PyYAML, pyyaml and py_yaml are one
