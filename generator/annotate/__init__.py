"""Annotate: annotations/*.yml in, read, located and schema-checked (load.py), then merged with the cleaned
articles (merge.py): each quote anchored in the cleaned text (anchor.py). Out: Article values with their
notes and fact links, and the problems (unknown ids, quotes that do not anchor, keep/drop that changed nothing)."""
