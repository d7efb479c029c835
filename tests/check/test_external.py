"""The external checker against a local server on 127.0.0.1: the tests never reach the network."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from generator.app.cli import main
from generator.check.external import ExternalConfig, check_external, parse_duration
from generator.check.links import ExternalLink
from generator.core.model import Loc


class Handler(BaseHTTPRequestHandler):
    """/ok: 200; /no-head: HEAD refused, GET fine; /gone: 404; /busy: 429; /slow: answers after 1 s."""

    requests: list[tuple[str, str]] = []

    def _answer(self, body: bool) -> None:
        self.requests.append((self.command, self.path))
        status = {"/ok": 200, "/gone": 404, "/busy": 429, "/slow": 200}.get(self.path, 404)
        if self.path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        if self.path == "/slow":
            time.sleep(1.0)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def links(base: str, *paths: str) -> list[ExternalLink]:
    return [ExternalLink(f"{base}{path}", Loc("docs/index.md", n, 1)) for n, path in enumerate(paths, 1)]


def test_head_then_get_timeout_and_one_request_per_url(server, tmp_path):
    config = ExternalConfig(timeout=0.3, concurrency=4)
    report = check_external(links(server, "/ok", "/ok#part", "/no-head", "/gone", "/busy", "/slow"), config, tmp_path)
    assert (report.urls, report.requested, report.cached) == (5, 5, 0)
    found = {(p.loc.line, p.severity): p.message for p in report.problems}
    assert set(found) == {(4, "error"), (5, "warning"), (6, "error")}
    assert "HTTP 404" in found[4, "error"]
    assert "429" in found[5, "warning"]
    assert "no answer within 0.3 s" in found[6, "error"]
    assert Handler.requests.count(("HEAD", "/ok")) == 1 and ("GET", "/ok") not in Handler.requests
    assert ("GET", "/no-head") in Handler.requests


def test_successes_are_cached_for_max_age_failures_are_not(server, tmp_path):
    config = ExternalConfig(timeout=2, cache="cache/links.json", max_age=parse_duration("1d"))
    check_external(links(server, "/ok", "/gone"), config, tmp_path, now=lambda: 1000.0)
    assert list(json.loads((tmp_path / "cache/links.json").read_text())) == [f"{server}/ok"]
    Handler.requests.clear()
    again = check_external(links(server, "/ok", "/gone"), config, tmp_path, now=lambda: 1000.0 + 3600)
    assert (again.cached, again.requested, len(again.problems)) == (1, 1, 1)
    assert Handler.requests == [("HEAD", "/gone"), ("GET", "/gone")]
    Handler.requests.clear()
    stale = check_external(links(server, "/ok"), config, tmp_path, now=lambda: 1000.0 + 86400 + 1)
    assert (stale.cached, stale.requested) == (0, 1)


def test_allow_and_deny_patterns(server, tmp_path):
    config = ExternalConfig.from_mapping({"allow": [f"{server}/*"], "deny": ["*/gone"], "timeout": 2})
    report = check_external(links(server, "/ok", "/gone") + links("https://example.invalid", "/x"), config, tmp_path)
    assert (report.urls, report.requested, report.skipped, report.problems) == (3, 1, 2, [])
    assert Handler.requests == [("HEAD", "/ok")]


def test_an_unreachable_network_is_one_problem_not_one_per_link(tmp_path):
    """Offline, every URL fails to connect: say that once, not once per link."""
    config = ExternalConfig(timeout=0.5)
    refused = [ExternalLink(f"http://127.0.0.1:9/page{n}", Loc("docs/index.md", n, 1)) for n in range(1, 5)]
    report = check_external(refused, config, tmp_path)
    assert len(report.problems) == 1 and report.problems[0].severity == "error"
    assert "none of the 4 external URLs could be reached" in report.problems[0].message
    assert "offline" in report.problems[0].message


def test_one_unreachable_host_among_working_links_is_a_broken_link(server, tmp_path):
    config = ExternalConfig(timeout=0.5)
    unreachable = ExternalLink("http://127.0.0.1:9/x", Loc("docs/a.md", 9, 1))
    report = check_external(links(server, "/ok", "/no-head") + [unreachable], config, tmp_path)
    assert [(p.loc.path, p.loc.line) for p in report.problems] == [("docs/a.md", 9)]
    assert "cannot connect" in report.problems[0].message


def test_config_errors_are_reported():
    with pytest.raises(ValueError, match="unknown keys"):
        ExternalConfig.from_mapping({"timout": 3})
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("one day")
    assert parse_duration("12h") == 43200 and parse_duration(90) == 90


def test_cli_external_reports_the_markdown_line(server, tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra:\n  link_check:\n    timeout: 2\n"
                                         "    cache: .build/ext.json\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Home\n\n[fine]({server}/ok)\n\n[gone]({server}/gone)\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(f'<p><a href="{server}/ok">fine</a></p>\n'
                                                  f'<p><a href="{server}/gone">gone</a></p>\n')
    assert main(["check", "--root", str(tmp_path)]) == 0
    assert Handler.requests == []
    assert main(["check", "--root", str(tmp_path), "--external"]) == 1
    err = capsys.readouterr().err
    assert f"docs/index.md:5:8: error: broken external link '{server}/gone': HTTP 404" in err
    assert "external: 2 URLs, 2 requested, 0 cached" in err
    assert (tmp_path / ".build" / "ext.json").is_file()
