"""Web pages: HTML in, the lines of the article region and the page's own metadata (JSON-LD, meta tags) out,
with a Removal for each part of the page left out."""
