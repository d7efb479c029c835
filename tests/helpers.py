"""Helpers shared by test modules (fixtures live in conftest.py): digests of a folder, a synthetic
archive, and the edits a contributor makes to an archive."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "screenshots"
FIXTURES = REPO / "tests" / "fixtures"
# Debian's Chromium where it is installed; else None: Playwright's own, where `playwright install chromium` put one
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM = CHROMIUM if Path(CHROMIUM).exists() else None
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under folder, by its path relative to it, to the SHA-256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def synth(out: Path, n: int = 20, seed: int = 7) -> Path:
    """A synthetic archive of n articles (bench/synth.py), deterministic for a seed."""
    subprocess.run([sys.executable, str(REPO / "bench" / "synth.py"), "--articles", str(n), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True)
    return out


# --- edits to a synthetic archive, each as a contributor would make it ---------------------------------------

def article_file(root: Path, n: int) -> Path:
    return sorted((root / "annotations" / "articles").glob("*.yml"))[n]


def edit_text(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")


def edit_note(root: Path) -> None:
    edit_text(article_file(root, 1), "note: \"", "note: \"Edited in the preview. ")


def add_tag(root: Path) -> None:
    edit_text(article_file(root, 2), "tags: [", "tags: [edited-tag, ")


def change_date(root: Path) -> None:
    path = article_file(root, 3)
    path.write_text(re.sub(r'date: "\d{4}-\d\d-\d\d"', 'date: "2019-01-02"', path.read_text("utf-8")), "utf-8")


def drop_fact_links(root: Path) -> None:
    path = next(p for p in sorted((root / "annotations" / "articles").glob("*.yml")) if "\nfacts:\n" in p.read_text("utf-8"))
    path.write_text(re.sub(r"\nfacts:\n(?:  .*\n|    .*\n)*", "\n", path.read_text("utf-8")), "utf-8")


def add_alias(root: Path) -> None:
    edit_text(root / "annotations" / "entities.yml", "aliases: [", "aliases: [\"province\", ")


def rename_entity(root: Path) -> None:
    edit_text(root / "annotations" / "entities.yml", "name: \"", "name: \"Renamed ")


def change_wikidata(root: Path) -> None:
    path = root / "annotations" / "entities.yml"
    path.write_text(re.sub(r"wikidata: Q\d+", "wikidata: Q1", path.read_text("utf-8"), count=1), "utf-8")


def rename_fact(root: Path) -> None:
    edit_text(root / "annotations" / "facts.yml", "title: \"", "title: \"Renamed: ")


def edit_seed(root: Path) -> None:
    seed = sorted((root / "seeds").glob("*.txt"))[4]
    text = seed.read_text("utf-8")
    paragraphs = [p for p in text.split("\n") if len(p.split()) > 30]
    seed.write_text(text.replace(paragraphs[-1], paragraphs[-1] + " A sentence added in the preview.", 1), "utf-8")


def remove_article(root: Path) -> None:
    seed = sorted((root / "seeds").glob("*.txt"))[5]
    (root / "annotations" / "articles" / f"{seed.stem}.yml").unlink(missing_ok=True)
    text = (root / "annotations" / "facts.yml").read_text("utf-8")
    (root / "annotations" / "facts.yml").write_text(text.replace(f'      - article: "{seed.stem}"\n', ""), "utf-8")
    seed.unlink()


def add_article(root: Path) -> None:
    first = sorted((root / "seeds").glob("*.txt"))[0]
    (root / "seeds" / "99999_new.txt").write_text(first.read_text("utf-8").replace("the", "a"), "utf-8")


EDITS = [edit_note, add_tag, change_date, drop_fact_links, add_alias, rename_entity, change_wikidata, rename_fact, edit_seed, remove_article, add_article]


def free_port() -> int:
    """A local port nothing listens on, for a preview server a test starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page at url, or None while the server is not up (or refuses)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> bool:
    """Poll predicate until it holds or seconds pass: a server's rebuild has no event a test can await."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def process_running(pid: int) -> bool:
    """True while the process exists and is not a zombie (a dead orphan whose new parent has not reaped it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def end_fork_test(parent: subprocess.Popen, workers: list[int], release: Path) -> None:
    """Whatever a fork test's outcome: let its children go, then kill the parent and every child left."""
    release.touch()
    if parent.poll() is None:
        parent.kill()
    for pid in workers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def site_markdown_extensions() -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions mkdocs.yml lists and their options, as Python-Markdown takes them: what a test
    converts with to see what the site's pages will be."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = (next(iter(item.items())) if isinstance(item, dict) else (item, {}))
        names.append(name)
        configs[name] = options or {}
    return names, configs


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site served over HTTP on a free local port, for a browser test: its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
