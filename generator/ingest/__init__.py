"""Ingest: the archive folder in, RawDocument values out (seeds/ read, decoded and named, with a problem for
each file that cannot be read). Nothing is parsed beyond the bytes and their encoding."""
