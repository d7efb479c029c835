"""Write: the rendered pages in, files on disk out. plan.py works out what changes under docs/, site.py runs
the MkDocs build into a staging folder, commit.py swaps docs/ and site/ in at once (and recovers an
interrupted swap), fingerprint.py records the inputs so that an unchanged archive is not built again."""
