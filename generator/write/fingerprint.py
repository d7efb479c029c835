"""Tell, from file sizes and times alone, that nothing a build reads changed since the last build.

A build records the size, modification and change times and inode of every input (seeds/, annotations/,
mkdocs.yml, the generator's own code) and of every file in docs/, hand-written or generated. If none moved, a
rebuild would write nothing: it is skipped, at the cost of a few thousand stat calls. The change time catches
a save that kept the size and the modification time (a second save in one timestamp tick, a copy that
preserves times); the inode, an editor that saves by renaming a new file over the old one.
Any difference (or a missing record) means a real rebuild, which still writes only the
pages whose content changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.core.errors import WARNING, Problem
from generator.write.disk import disk_problem
from generator.write.plan import atomic_write

RECORD = ".build/inputs.json"
SITE_RECORD = ".build/site-inputs.json"
CODE = Path(__file__).resolve().parents[1]  # the whole generator package


def _stats(folder: Path, pattern: str = "**/*") -> dict[str, list[int]]:
    out = {}
    if folder.is_dir():
        for path in folder.glob(pattern):
            if path.is_file():
                st = path.stat()
                out[str(path)] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    return out


def current(root: Path, settings: dict[str, object] | None = None) -> dict[str, object]:
    """Sizes and times of every input and page, and the options it ran with (--max-bytes for generation, --engine for the site)."""
    root = root.resolve()
    stats = {**_stats(root / "seeds", "*"), **_stats(root / "annotations"), **_stats(CODE), **_stats(root / "docs")}
    config = root / "mkdocs.yml"
    stats.update(_stats(root, config.name) if config.exists() else {str(config): [-1]})
    return {"settings": settings or {}, "files": stats}


def up_to_date(root: Path, settings: dict[str, object] | None = None) -> bool:
    """True when the recorded generation saw exactly these inputs and docs/, with these settings (--max-bytes):
    generating again would write nothing."""
    recorded = _recorded(root / RECORD)
    return recorded is not None and recorded == current(root, settings)


def site_up_to_date(root: Path, settings: dict[str, object] | None = None) -> bool:
    """True when site/ was built from exactly the docs/ and mkdocs.yml there are now, with these settings
    (--engine): an edit that changes no page (a comment in an annotation, a quote moved to the same passage)
    needs no site build, and neither does a `build` after a `build --no-site` that wrote no page.

    Its own record (SITE_RECORD), written only when site/ is built: a docs-only build leaves it as it was."""
    recorded = _recorded(root / SITE_RECORD)
    if recorded is None or not (root / "site" / "index.html").is_file():
        return False
    now = current(root, settings)
    return recorded.get("settings") == now["settings"] and _site_inputs(root, recorded["files"]) == _site_inputs(
        root, now["files"])


def _site_inputs(root: Path, files: dict[str, list[int]]) -> dict[str, list[int]]:
    """docs/ without the change time, mkdocs.yml with it: staging hard-links every page of docs/, which moves
    the change time of pages no build rewrote (a rewritten page is a new file, a new inode)."""
    root = root.resolve()
    docs, config = f"{root / 'docs'}/", str(root / "mkdocs.yml")
    return {**{path: [*stat[:2], *stat[3:]] for path, stat in files.items() if path.startswith(docs)},
            config: files.get(config)}


def _recorded(path: Path) -> dict | None:
    try:
        recorded = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return recorded if isinstance(recorded, dict) and isinstance(recorded.get("files"), dict) else None


def record(root: Path, settings: dict[str, object] | None = None,
           site_settings: dict[str, object] | None = None) -> list[Problem]:
    """After docs/ is written: what generation read and wrote; with site_settings, after site/ is built, also
    the docs/ and mkdocs.yml it was built from (one walk of the files for both).

    The build is in place by then, so a disk that refuses the records is a warning, not a failed build: the
    records only let the next build skip, and it cannot (those left are removed where the disk allows: a
    record of older inputs never matches these, but none is surer)."""
    try:
        files = current(root)["files"]
        if site_settings is not None:  # first: should the second write not happen, the next build regenerates
            atomic_write(root / SITE_RECORD, json.dumps({"settings": site_settings, "files": files}))
        atomic_write(root / RECORD, json.dumps({"settings": settings or {}, "files": files}))
    except OSError as exc:
        for stale in (RECORD, SITE_RECORD):
            try:
                (root / stale).unlink(missing_ok=True)
            except OSError:
                pass
        return [disk_problem(exc, root, WARNING, then="and the next build cannot skip an unchanged archive; the "
                             "new docs/ and site/ are in place")]
    return []


def site_older_than_docs(root: Path) -> bool:
    """True when site/ was built (by a build that recorded it) from other docs/ or mkdocs.yml than there are
    now: `check` would judge an old site. Without a record (a site built some other way), the newest file of
    docs/ and mkdocs.yml against site/index.html's modification time."""
    recorded = _recorded(root / SITE_RECORD)
    if recorded is not None:
        return _site_inputs(root, recorded["files"]) != _site_inputs(root, current(root)["files"])
    index = root / "site" / "index.html"
    sources = [p for p in (root / "docs").rglob("*") if p.is_file()] + [root / "mkdocs.yml"]
    newest = max((p.stat().st_mtime_ns for p in sources if p.is_file()), default=0)
    return index.is_file() and newest > index.stat().st_mtime_ns
