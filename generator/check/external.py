"""Optional check of links that leave the site (`check --external`).

Off by default: CI on a closed network must pass, and other people's servers
are slow and flaky. When on, each distinct URL is asked once (HEAD, then GET
for servers that refuse HEAD), a few at a time, with a timeout; successes are
cached in a JSON file for `max_age`, so a rerun in CI costs almost nothing.
Failures are never cached: a fixed link is seen as fixed on the next run.

Configured in mkdocs.yml under `extra: link_check:` (see README):
timeout, concurrency, max_age (seconds or 30m/12h/1d), cache, allow, deny.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urldefrag

from generator.check.links import ExternalLink
from generator.core.errors import Problem, error, quoted_value, warning
from generator.core.model import Loc

USER_AGENT = "news-archive-generator link check (+python urllib)"
DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class ExternalConfig:
    timeout: float = 10.0
    concurrency: int = 8
    max_age: float = 86400.0
    cache: str = ".build/external-links.json"
    allow: tuple[str, ...] = ()  # if any: only URLs matching one of these globs are requested
    deny: tuple[str, ...] = ()  # URLs matching one of these globs are never requested

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ExternalConfig:
        """The `extra: link_check:` mapping of mkdocs.yml; unknown keys are an error, not silently ignored."""
        unknown = set(data) - {"timeout", "concurrency", "max_age", "cache", "allow", "deny"}
        if unknown:
            raise ValueError(f"extra.link_check: unknown keys {sorted(unknown)}")
        return cls(timeout=float(data.get("timeout", cls.timeout)),
                   concurrency=max(1, int(data.get("concurrency", cls.concurrency))),
                   max_age=parse_duration(data.get("max_age", cls.max_age)),
                   cache=str(data.get("cache", cls.cache)),
                   allow=tuple(str(p) for p in data.get("allow") or ()),
                   deny=tuple(str(p) for p in data.get("deny") or ()))

    def wants(self, url: str) -> bool:
        if any(fnmatch.fnmatchcase(url, pattern) for pattern in self.deny):
            return False
        return not self.allow or any(fnmatch.fnmatchcase(url, pattern) for pattern in self.allow)


def parse_duration(value: Any) -> float:
    """Seconds from a number or '90', '30m', '12h', '1d'."""
    if isinstance(value, (int, float)):
        return float(value)
    match = DURATION.match(str(value))
    if not match:
        raise ValueError(f"extra.link_check.max_age: not a duration: {quoted_value(value)} (e.g. 3600, 30m, 12h, 1d)")
    return float(match.group(1)) * UNITS[match.group(2)]


@dataclass(frozen=True)
class Outcome:
    ok: bool
    status: int = 0
    reason: str = ""
    transient: bool = False  # rate limited or similar: a warning, never cached


@dataclass
class ExternalReport:
    urls: int = 0
    requested: int = 0
    cached: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)


Probe = Callable[[str, float], Outcome]


def probe(url: str, timeout: float) -> Outcome:
    """HEAD first (cheap); many servers refuse or mishandle HEAD, so any failure is retried with GET."""
    first = _request(url, "HEAD", timeout)
    return first if first.ok else _request(url, "GET", timeout)


def _request(url: str, method: str, timeout: float) -> Outcome:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)
            return Outcome(True, response.status)
    except urllib.error.HTTPError as failure:
        return Outcome(False, failure.code, f"HTTP {failure.code} {failure.reason}",
                       transient=failure.code in (429, 503))
    except urllib.error.URLError as failure:
        if isinstance(failure.reason, TimeoutError):
            return Outcome(False, 0, f"no answer within {timeout:g} s")
        return Outcome(False, 0, f"cannot connect: {failure.reason}")
    except TimeoutError:
        return Outcome(False, 0, f"no answer within {timeout:g} s")
    except (OSError, ValueError) as failure:
        return Outcome(False, 0, f"{type(failure).__name__}: {failure}")


def check_external(links: Iterable[ExternalLink], config: ExternalConfig, root: Path,
                   probe_url: Probe = probe, now: Callable[[], float] = time.time) -> ExternalReport:
    """Ask every distinct wanted URL once (cache first); one problem per place a broken URL is linked from."""
    by_url: dict[str, list[ExternalLink]] = {}
    for link in links:
        by_url.setdefault(urldefrag(link.url)[0], []).append(link)
    report = ExternalReport(urls=len(by_url))
    cache_path = root / config.cache
    cache = _load_cache(cache_path, now() - config.max_age)
    todo = []
    for url in sorted(by_url):
        if not config.wants(url):
            report.skipped += 1
        elif url in cache:
            report.cached += 1
        else:
            todo.append(url)
    report.requested = len(todo)
    with ThreadPoolExecutor(max_workers=config.concurrency) as pool:
        outcomes = dict(zip(todo, pool.map(lambda u: probe_url(u, config.timeout), todo)))
    if _offline(outcomes):
        reason = next(iter(outcomes.values())).reason
        report.problems.append(error(Loc.whole("mkdocs.yml"), f"none of the {len(outcomes)} external URLs could be "
                                     f"reached ({reason}): this machine looks offline; run `check` without "
                                     "--external, or where the sites can be reached"))
        return report
    for url, outcome in outcomes.items():
        if outcome.ok:
            cache[url] = {"checked": now(), "status": outcome.status}
        else:
            report.problems.extend(_problems(by_url[url], url, outcome))
    _save_cache(cache_path, cache)
    report.problems.sort()
    return report


OFFLINE_MIN_URLS = 3  # one or two unreachable hosts are broken links; every one of many is the network


def _offline(outcomes: Mapping[str, Outcome]) -> bool:
    """No URL answered and none could be connected to: the network, not the links, is what failed."""
    return len(outcomes) >= OFFLINE_MIN_URLS and all(
        not o.ok and o.status == 0 and o.reason.startswith(("cannot connect", "no answer")) for o in outcomes.values())


def _problems(places: list[ExternalLink], url: str, outcome: Outcome) -> list[Problem]:
    """One per traced source line; the same theme link on every page once, with a count."""
    make = warning if outcome.transient else error
    message = f"broken external link {quoted_value(url)}: {outcome.reason}"
    traced = sorted({p.loc for p in places if p.traced})
    problems = [make(loc, message) for loc in traced]
    untraced = sorted({p.loc for p in places if not p.traced})
    if untraced:
        others = len({loc.path for loc in untraced}) - 1
        problems.append(make(untraced[0], message + (f" (same link in {others} other files)" if others else "")))
    return problems


def _load_cache(path: Path, oldest: float) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {url: entry for url, entry in data.items()
            if isinstance(entry, dict) and isinstance(entry.get("checked"), (int, float)) and entry["checked"] >= oldest}


def _save_cache(path: Path, cache: dict[str, dict]) -> None:
    """Write-then-rename, so a run killed halfway leaves the previous cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(cache, indent=1, sort_keys=True), "utf-8")
    os.replace(partial, path)
