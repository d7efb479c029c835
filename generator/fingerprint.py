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

from .write import atomic_write

RECORD = ".build/inputs.json"
CODE = Path(__file__).resolve().parent


def _stats(folder: Path, pattern: str = "**/*") -> dict[str, list[int]]:
    out = {}
    if folder.is_dir():
        for path in folder.glob(pattern):
            if path.is_file():
                st = path.stat()
                out[str(path)] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    return out


def current(root: Path, settings: dict[str, object] | None = None) -> dict[str, object]:
    """Sizes and times of every input and page, and the options the build ran with (--max-bytes, --engine)."""
    root = root.resolve()
    stats = {**_stats(root / "seeds", "*"), **_stats(root / "annotations"), **_stats(CODE), **_stats(root / "docs")}
    config = root / "mkdocs.yml"
    stats.update(_stats(root, config.name) if config.exists() else {str(config): [-1]})
    return {"settings": settings or {}, "files": stats}


def up_to_date(root: Path, settings: dict[str, object] | None = None) -> bool:
    """True when the recorded build saw exactly these inputs and outputs (and site/ exists)."""
    try:
        recorded = json.loads((root / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return (root / "site" / "index.html").is_file() and recorded == current(root, settings)


def record(root: Path, settings: dict[str, object] | None = None) -> None:
    atomic_write(root / RECORD, json.dumps(current(root, settings)))
