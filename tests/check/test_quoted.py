"""A broken link's URL is quoted cut (core.errors.quoted_value): a 100,000-character href is not 100 kB of stderr."""

from __future__ import annotations

from pathlib import Path

from generator.check.links import check_site, load_config


def test_a_huge_broken_href_is_quoted_cut(tmp_path: Path):
    href = "missing-" + "x" * 100_000 + ".html"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(f'<html><body><a href="{href}">x</a></body></html>\n', "utf-8")
    (problem,) = check_site(load_config(tmp_path), tmp_path).problems
    assert len(problem.message) < 400 and "characters)" in problem.message
    assert problem.message.startswith("broken link 'missing-xxx")
