"""The package layout's rules (generator/README.md), checked on the source so that a change breaking one fails
CI instead of waiting for a reviewer: a stage imports only the stages before it, core/ and runtime/ import no
stage, no private name is imported from another package, every package says what comes in and goes out, and
no module grows past what one sitting can read.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
STAGES = ("ingest", "clean", "annotate", "link", "render", "write", "check")
FOUNDATIONS = ("core", "runtime")
MAX_MODULE_LINES = 400


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def package_of(module: Path) -> str:
    """The top-level package a module belongs to ('pipeline' and '__main__' for the modules at the root)."""
    parts = module.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else module.stem


def imports(module: Path, text: str | None = None) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, imported package under generator, names taken) for every import of the generator in a module
    (its file, or `text` read as if it were that file); relative imports resolved against its package."""
    here = module.relative_to(PACKAGE).parent.parts
    found = []
    for node in ast.walk(ast.parse(text if text is not None else module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[1], ()) for alias in node.names
                      if alias.name.startswith("generator.")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x / from ..core import y
                base = here[: len(here) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("generator."):
                target = node.module.split(".")[1:]
            elif node.module == "generator":
                target = []
            else:
                continue
            names = tuple(alias.name for alias in node.names)
            if target:
                found.append((node.lineno, target[0], names))
            else:  # from generator import clean: each name is a package
                found += [(node.lineno, name, ()) for name in names]
    return found


def allowed(importer: str) -> set[str]:
    """The packages a module of `importer` may import besides its own."""
    if importer in FOUNDATIONS:
        return set(FOUNDATIONS)
    if importer in STAGES:
        return set(FOUNDATIONS) | set(STAGES[: STAGES.index(importer)])
    return set(STAGES) | set(FOUNDATIONS) | {"pipeline", "app"}  # app/, pipeline.py, __main__.py: everything


def test_no_import_goes_up_the_pipeline() -> None:
    wrong = [f"{m.relative_to(PACKAGE.parent)}:{line} imports generator.{target}"
             for m in modules() for line, target, _ in imports(m)
             if target != package_of(m) and target in {*STAGES, *FOUNDATIONS, "pipeline", "app"}
             and target not in allowed(package_of(m))]
    assert not wrong, "a stage imports only the stages before it, core/ and runtime/:\n" + "\n".join(wrong)


def test_no_private_name_crosses_a_package() -> None:
    wrong = [f"{m.relative_to(PACKAGE.parent)}:{line} takes {name} from generator.{target}"
             for m in modules() for line, target, names in imports(m) if target != package_of(m)
             for name in names if name.startswith("_")]
    assert not wrong, "give the name a public spelling where it belongs:\n" + "\n".join(wrong)


@pytest.mark.parametrize("package", [*STAGES, *FOUNDATIONS, "app"])
def test_every_package_says_what_comes_in_and_goes_out(package: str) -> None:
    docstring = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 12, f"generator/{package}/__init__.py needs its docstring"


def test_no_module_is_longer_than_one_sitting() -> None:
    long = [f"{m.relative_to(PACKAGE.parent)}: {n} lines" for m in modules()
            if (n := len(m.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, f"split these modules (over {MAX_MODULE_LINES} lines):\n" + "\n".join(long)


def test_the_checks_see_a_violation() -> None:
    """The import reader is what the rules rest on: an upward, a relative and a private import are all seen."""
    as_if = PACKAGE / "clean" / "probe.py"  # read as if it lived in clean/, never written there
    source = "from generator.render import markdown\nfrom ..link.mentions import _private\nimport generator.write.plan\n"
    assert sorted(imports(as_if, source)) == [(1, "render", ("markdown",)), (2, "link", ("_private",)), (3, "write", ())]
    assert not {"render", "link", "write"} & allowed("clean")
