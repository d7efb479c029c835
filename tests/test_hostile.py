"""Article and annotation text is data: whatever it holds, the site runs no script of its making."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from generator.app.cli import main

from .conftest import copy_archive

FIXTURE = Path(__file__).parent / "fixtures" / "hostile"
THEME_SCRIPT_PREFIXES = ("assets/javascripts/", "javascripts/", "search/")


def test_hostile_inputs_publish_no_live_markup(tmp_path: Path):
    root = copy_archive(tmp_path / "archive")
    shutil.copytree(FIXTURE / "seeds", root / "seeds", dirs_exist_ok=True)
    shutil.copytree(FIXTURE / "annotations", root / "annotations", dirs_exist_ok=True)
    assert main(["build", "--root", str(root)]) == 0
    site = root / "site"
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text("utf-8"), "html.parser")
        where = html_file.relative_to(site)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # our structured data: must be data, and well-formed
                continue
            if script.get("id") == "__config" or script.get("type") == "application/json":
                continue
            src = script.get("src", "")
            if src:
                assert src.lstrip("./").startswith(THEME_SCRIPT_PREFIXES), f"{where}: unexpected script {src}"
            else:
                assert _from_theme(script.string or ""), f"{where}: inline script not from the theme: {script}"
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), f"{where}: event handler {attribute} on <{element.name}>"
                values = value if isinstance(value, list) else [value]
                for item in values:
                    lowered = str(item).strip().lower()
                    if attribute in ("href", "src", "action", "formaction", "data"):
                        assert not lowered.startswith(("javascript:", "data:", "vbscript:")), f"{where}: {item}"
        assert not soup.find_all(["iframe", "object", "embed"]), f"{where}: embedded content"

    page = BeautifulSoup((site / "articles/evil/index.html").read_text("utf-8"), "html.parser")
    text = page.get_text(" ")
    assert '<script>alert(document.cookie)</script>' in text, "the script shows as text"
    assert '<iframe src="https://evil.example/"></iframe>' in text
    assert "[a Markdown link](javascript:alert(2))" in text
    assert '{: onclick="alert(3)" }' in text
    assert "# Not a heading" in text and "*not emphasis*" in text and "`not code`" in text
    assert "&lt;script&gt; stays text" in text
    assert "<img src=x onerror=alert(9)>" in text, "the note shows as text"


@functools.lru_cache(maxsize=1)
def _theme_sources() -> str:
    import material

    root = Path(material.__file__).parent / "templates"
    return "\n".join(p.read_text("utf-8", errors="replace") for p in root.rglob("*.html"))


def _from_theme(body: str) -> bool:
    """An inline script the theme's own templates hold (its opening words tell; the rest may be templated)."""
    head = body.strip()[:20]
    return bool(head) and head in _theme_sources()
