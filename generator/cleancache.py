"""Cleaned articles kept on disk between builds, so that a build cleans only the sources that changed.

Cleaning is half of what the generator does in a build, and its result depends on four things only: the
source file, the article's cleaning overrides, the code (the generator's and its libraries'), and which of
the article's short lines other articles print too (the archive's context, context.py). An entry is found by
a hash of the first two; the code's hash names the whole cache, so a new version of either empties it; and
each entry lists the short lines its cleaning asked the context about, with the answers, so it is used only
while the archive gives the same answers (a second article from a new outlet turns the first one's menu
lines into chrome, and that one article is cleaned again).

The file is .build/clean-cache.sqlite and holds the entries of the archive's current sources only. It is a
cache and nothing more: a missing, outdated, locked or damaged file means the articles are cleaned again,
never a failed build. `make clean-build` removes it with the rest of .build/.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .context import CleanContext
from .model import CleaningOverrides, RawDocument

FILE = ".build/clean-cache.sqlite"
FORMAT = 1  # of the entries; a change here, as any change of the code, empties the cache
BATCH = 500  # keys a query asks for at once (SQLite limits the parameters of one statement)
CODE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Entry:
    """One source's cleaning, and what it read of the archive besides the source."""

    short_lines: frozenset[str]  # the source's share of the context (context.short_lines)
    asked: frozenset[str]        # the short lines its cleaning asked the context about ...
    repeated: frozenset[str]     # ... and those of them that the archive repeated then
    cleaned: dict[str, Any] | None = None  # as pipeline._as_plain sends it; None until fetched

    def holds_in(self, context: CleanContext) -> bool:
        """True when the context answers every question of this cleaning as it did then."""
        return self.asked & context.repeated_lines == self.repeated


class CleanCache:
    """The cache of one archive; NO_CACHE (no file) stores nothing and finds nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    @classmethod
    def of_archive(cls, root: Path) -> CleanCache:
        return cls(root / FILE)

    def key(self, document: RawDocument, overrides: CleaningOverrides) -> str:
        """What an entry is found by: the source's kind and text and the article's overrides ("" without a file)."""
        if self.path is None:
            return ""
        digest = hashlib.sha256()
        for part in (document.kind, json.dumps([overrides.keep, overrides.drop]), document.text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def entries(self, keys: Sequence[str]) -> dict[str, Entry]:
        """The entries stored for these keys, without their cleaned articles (fetch() reads those)."""
        return {key: Entry(*meta) for key, meta in _loaded(self._select("meta", keys))
                if isinstance(meta, tuple) and len(meta) == 3}

    def fetch(self, keys: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """The cleaned articles stored for these keys (as pipeline._as_plain sends them), a batch read at a
        time: never all of the stored bytes in memory at once."""
        return _loaded(self._select("cleaned", keys))

    def store(self, key: str, entry: Entry) -> None:
        """Write one new entry (in a transaction keep() ends). Written as it comes, so that no cleaning is
        held twice in memory: left for the end, 10,000 of them raised the build's peak by a sixth."""
        db = self._open()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)", (
                key, pickle.dumps((entry.short_lines, entry.asked, entry.repeated), protocol=pickle.HIGHEST_PROTOCOL),
                pickle.dumps(entry.cleaned, protocol=pickle.HIGHEST_PROTOCOL)))
        except sqlite3.Error as error:
            self._give_up(error)

    def keep(self, keys: Iterable[str]) -> None:
        """Drop the entries of sources the archive no longer has (keys: all it has), and commit what store() wrote."""
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
        db.execute("PRAGMA synchronous = OFF")  # a cache: losing the last writes costs a cleaning, no more
        db.execute("CREATE TABLE IF NOT EXISTS about (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, meta BLOB, cleaned BLOB)")
        with db:
            found = db.execute("SELECT value FROM about WHERE name = 'version'").fetchone()
            if found is None or found[0] != code_version():
                db.execute("DELETE FROM entry")
                db.execute("INSERT OR REPLACE INTO about VALUES ('version', ?)", (code_version(),))

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
    """A hash of everything besides its inputs that a cleaning's result depends on: the generator's code,
    the versions of the libraries it requires, Python's and its Unicode tables'."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {unicodedata.unidata_version}".encode())
    for path in sorted(CODE.rglob("*.py")):
        digest.update(str(path.relative_to(CODE)).encode() + b"\0" + path.read_bytes())
    for name in sorted(_required_libraries()):
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    return digest.hexdigest()


def _required_libraries() -> list[str]:
    try:
        required = metadata.requires("news-archive-generator") or []
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return []
    names = []
    for requirement in required:
        if "extra ==" in requirement:
            continue
        name = requirement.split(";")[0].strip()
        for mark in "<>=!~[ (":
            name = name.split(mark)[0]
        names.append(name)
    return names
