"""What the charts (generator/render/charts/) cost in a build: the chart functions timed inside one
`build --no-site` of a synthetic archive, on one core (GENERATOR_WORKERS=1, so the entity pages' charts,
drawn in workers otherwise, are counted too).

    python bench/charts_cost.py --articles 1000 [--out bench/.work/charts-1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ["GENERATOR_WORKERS"] = "1"
    out = args.out or REPO / "bench" / ".work" / f"charts-{args.articles}"
    from synth import synthesise  # bench/, beside this script
    synthesise(args.articles, out)
    shutil.rmtree(out / ".build", ignore_errors=True)

    import generator.render.entity as entity_page
    import generator.render.fact as fact_page
    import generator.render.timeline as timeline_page
    from generator.app.cli import main as cli

    spent = [0.0]

    def timed(fn):
        def wrapper(*a, **k):
            start = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += time.perf_counter() - start
        return wrapper

    for module, names in ((timeline_page, ("timeline_chart",)), (fact_page, ("fact_charts", "coverage_grid")),
                          (entity_page, ("sparkline", "neighbourhood"))):
        for name in names:
            setattr(module, name, timed(getattr(module, name)))
    start = time.perf_counter()
    assert cli(["build", "--root", str(out), "--no-site"]) == 0
    total = time.perf_counter() - start
    charts, pages = chart_bytes(out / "docs")
    print(f"\n| articles | build --no-site, 1 core | charts | share | chart bytes in docs/ | share |\n"
          f"|---:|---:|---:|---:|---:|---:|\n"
          f"| {args.articles:,} | {total:.2f} s | {spent[0]:.2f} s | {spent[0] / total:.1%} | {charts:,} | "
          f"{charts / pages:.1%} |")


def chart_bytes(docs: Path) -> tuple[int, int]:
    """Bytes of the charts' figures in the generated pages, and of all the pages: what the charts add to a page."""
    import re
    figure = re.compile(rb'<figure class="chart .*?</figure>', re.S)
    charts = pages = 0
    for page in docs.rglob("*.md"):
        text = page.read_bytes()
        pages += len(text)
        charts += sum(len(m.group()) for m in figure.finditer(text))
    return charts, pages


if __name__ == "__main__":
    main()
