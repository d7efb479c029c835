"""The fact page: the claim, and each article's wording and figure side by side."""

from __future__ import annotations

from generator.core.archive import Archive
from generator.core.model import AnchoredFact, Article, Fact
from generator.render import markdown as md
from generator.render import paths
from generator.render.article import block_anchor
from generator.render.charts.coverage import cell_states, columns_of, coverage_grid
from generator.render.charts.facts import fact_charts
from generator.render.charts.svg import esc, href
from generator.render.numbers import Figure, disagreements, parse_figure
from generator.render.quotes import quoted
from generator.render.references import plain_text, with_references
from generator.render.timeline import WIDE
from generator.render.versions import fact_revisions, revisions_section

# Past this many reports the table leaves the search index: each wording is an article's sentence, found on
# its article's page, and a search engine indexes one section up to a bound (Zensical refuses a section of
# more than 32,768 words, which a fact reported a thousand times passes).
REPORTS_SEARCHED = 200


def reports_of(fact: Fact, archive: Archive) -> list[tuple[Article, AnchoredFact]]:
    rows = archive.fact_links.get(fact.id, [])  # indexed once, not a scan of every article a fact
    return sorted(rows, key=lambda r: (r[0].date is None, r[0].date, r[0].outlet, r[0].title))


def figure_verdict(rows: list[tuple[Article, AnchoredFact]]) -> tuple[str, list[tuple[Figure, Figure]]]:
    """'agree', 'approximate', 'disagree' or 'single', and the pairs that cannot both hold."""
    figures = [f for f in (parse_figure(link.link.figure) for _, link in rows if link.link.figure) if f]
    if len(figures) < 2:
        return "single", []
    clashes = disagreements(figures)
    if clashes:
        return "disagree", clashes
    if len({(f.value, f.qualifier) for f in figures}) == 1:
        return "agree", []
    return "approximate", []


def render_fact(fact: Fact, archive: Archive) -> str:
    page = paths.fact(fact.id)
    rows = reports_of(fact, archive)
    out = [md.front_matter(title=fact.title, description=plain_text(fact.claim, archive), hide=WIDE),
           md.heading(1, fact.title), "", with_references(fact.claim, page, archive), "{: .fact-claim-text }", ""]
    verdict, clashes = figure_verdict(rows)
    if verdict == "disagree":
        pairs = "; ".join(f"{quoted(a.wording)} vs {quoted(b.wording)}" for a, b in clashes)
        out += ['!!! warning "The figures disagree"', "",
                f"    The articles give figures that cannot all be right: {pairs}.", ""]
    elif verdict == "approximate":
        out += ['!!! success "The figures agree, within their wording"', "",
                "    The articles round or bound the figure differently, but every wording is compatible "
                "with the others.", ""]
    elif verdict == "agree":
        out += ['!!! success "The figures agree"', "", "    Every article gives the same figure.", ""]
    # Two lists that can differ by design: reports are every sentence an article's annotation links to the fact;
    # evidence is what facts.yml cites for the claim, chosen by hand and possibly outside the archive.
    out += ["## As reported { #as-reported }", ""]
    if not rows:
        out += ["No article of the archive is linked to this fact yet.", ""]
    else:
        count = len({article.id for article, _ in rows})
        unsearched = " data-search-exclude" if len(rows) > REPORTS_SEARCHED else ""
        out += [fact_charts(rows, "chart-figures"),
                "Every sentence of the archive's articles that states this claim, as each article words it: "
                f"{_count(len(rows), 'sentence')} in {_count(count, 'article')}.", "",
                # a card a report on a phone, as revisions
                f'<div class="stacked-table reports-table" markdown{unsearched}>', "",
                "| Article | Outlet | Date | Wording | Figure |", "|---|---|---|---|---|"]
        for article, link in rows:
            target = paths.relative(page, paths.article(article.slug), block_anchor(link.span.block))
            out.append(f"| {md.link(md.text(article.title, in_table=True), target)} "
                       f"| {md.text(article.outlet, in_table=True)} | {md.format_date(article.date)} "
                       f"| {quoted(link.sentence, md.text(link.sentence.strip(), in_table=True))} "
                       f"| **{md.text(link.link.figure or '—', in_table=True)}** |")
        out += ["", "</div>", ""]
    revised = fact_revisions(fact.id, archive.articles)  # a removed fact link's article is in no row
    out += revisions_section(revised, page)
    if fact.evidence:
        articles = archive.articles_by_id
        out += ["## Evidence { #evidence }", "",
                "The sources the archive cites for the claim itself, chosen by hand: articles of the archive or "
                "pages outside it. They are not the list above, which is every article that states the claim: "
                "an article can state it without being cited as evidence.", ""]
        for evidence in fact.evidence:
            if evidence.article and evidence.article in articles:
                article = articles[evidence.article]
                out.append(f"- {md.link(md.text(article.title), paths.relative(page, paths.article(article.slug)))}"
                           f" ({md.text(article.outlet)}, {md.format_date(article.date)})")
            elif evidence.url:
                out.append(f"- [{md.text(evidence.title or evidence.url)}](<{evidence.url}>)")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def coverage_page(archive: Archive) -> str:
    """Outlets x facts: who reported what, with the figure each gave, as a coloured grid and as a table."""
    page = paths.coverage()
    # One column an outlet; an article whose outlet is not known gets a column of its own, so
    # unrelated publishers are never merged into one.
    columns, column_of = columns_of(archive.articles)
    out = [md.front_matter(title="Coverage matrix", hide=[*WIDE, "toc"]), "# Coverage matrix", "",
           "Which outlet reported which fact, and whether its figure fits the others'. "
           "Unattributed articles (no outlet named) each have a column of their own.", ""]
    if not archive.facts:
        return "\n".join(out + ["No facts yet."]) + "\n"
    states = {fact.id: cell_states(reports_of(fact, archive), column_of) for fact in archive.facts}
    out += [coverage_grid(archive.facts, states, columns, page), "## As a table { #table }", "",
            "The figure each outlet gave; ≠ marks one that cannot hold with another outlet's.", ""]
    # Short headers, each a link (the outlet's page, or the unattributed article), the full name as hover text.
    heads = [f'<a href="{href(page, c.page)}" title="{esc(c.full)}" class="{"outlet" if c.known else "unattributed"}">'
             f'{esc(c.label)}</a>' for c in columns]
    # Out of search: every cell is a fact page's figure, searchable there, and a matrix of a large archive
    # passes what a search engine indexes of one section (Zensical's 32,768 words). HTML, not a Markdown
    # table: each cell carries its outlet's name, so that a phone shows a fact as a card of the outlets that
    # reported it (archive.css) rather than a matrix scrolling in its box.
    out += ['<div class="stacked-table coverage-table" data-search-exclude>',
            "<table><thead><tr><th>Fact</th>" + "".join(f'<th class="cell">{h}</th>' for h in heads) + "</tr></thead><tbody>"]
    for fact in sorted(archive.facts, key=lambda f: f.title.casefold()):
        cells = states[fact.id]
        row = [f'<td data-label="Fact"><a href="{href(page, paths.fact(fact.id))}">{esc(fact.title)}</a></td>']
        for column in columns:
            state, figures = cells.get(column.key, ("none", []))
            said = esc(", ".join(figures) or ("✓" if state != "none" else ""))
            said = f'<span class="clash">{said} ≠</span>' if state == "clash" else said
            row.append(f'<td class="cell" data-label="{esc(column.full)}">{said}</td>' if said else '<td class="cell"></td>')
        out.append("<tr>" + "".join(row) + "</tr>")
    out += ["</tbody></table>", "</div>", ""]
    return "\n".join(out).rstrip() + "\n"
