"""`mkdocs serve`, made quick to show an edit: told of changed pages by the operating system, templates compiled once.

MkDocs' dev server finds changes by scanning its watched folders twice a second, which
adds up to half a second to every preview update and costs more as the archive grows;
and each rebuild compiles the theme's Jinja templates again (a large share of a dirty
rebuild). This runs the same command (`python -m generator.app.devserver
serve --dirty ...` takes mkdocs' own options) with watchdog's native observer (inotify on
Linux), keeping only events that change a file (a build reads every page, and "opened"
events would otherwise rebuild forever), and with an in-memory Jinja bytecode cache that
outlives the rebuilds (Jinja checks each template's source checksum, so an edited
template is compiled again).
"""

from __future__ import annotations

import os
import sys

import jinja2
import mkdocs.commands.serve
import watchdog.observers
from mkdocs.__main__ import cli
from mkdocs.livereload import LiveReloadServer
from mkdocs.theme import Theme
from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch

CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}


class _ChangesOnly(FileSystemEventHandler):
    """Passes on events that change a file (of one file only, when `only` is given)."""

    def __init__(self, handler: FileSystemEventHandler, only: str | None = None):
        self.handler, self.only = handler, only

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES or event.is_directory:
            return
        if self.only is None or self.only in (os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")):
            self.handler.dispatch(event)


class _NativeObserver(watchdog.observers.Observer):  # type: ignore[misc, valid-type]
    def schedule(self, event_handler: FileSystemEventHandler, path: str,  # type: ignore[override]
                 **kwargs: object) -> ObservedWatch:
        if os.path.isfile(path):
            # inotify watches a file's inode, which an editor's save-by-rename replaces: watch its folder.
            path = os.path.abspath(path)
            return super().schedule(_ChangesOnly(event_handler, only=path), os.path.dirname(path), recursive=False)
        return super().schedule(_ChangesOnly(event_handler), path, **kwargs)


class NotifiedLiveReloadServer(LiveReloadServer):
    """MkDocs' server with the native observer in place of its PollingObserver."""

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.observer = _NativeObserver()


class _CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _theme_env_keeping(compiled: jinja2.BytecodeCache):
    get_env = Theme.get_env

    def get_env_with_cache(theme: Theme) -> jinja2.Environment:
        env = get_env(theme)
        env.bytecode_cache = compiled
        return env
    return get_env_with_cache


def main(argv: list[str]) -> None:
    mkdocs.commands.serve.LiveReloadServer = NotifiedLiveReloadServer  # type: ignore[misc]
    Theme.get_env = _theme_env_keeping(_CompiledTemplates())  # type: ignore[method-assign]
    cli(argv, prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
