"""Check: the built site/ in, problems out: every internal link and #anchor resolved against the pages
(links.py), traced back to the Markdown line that wrote it, and links leaving the site on request (external.py)."""
