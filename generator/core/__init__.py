"""Core: what every stage shares. model.py holds the plain frozen data passed between stages (archive.py the linked
whole that render reads), errors.py the
problems as values with a location (file, line, column), sentences.py sentence boundaries. Imports no stage."""
