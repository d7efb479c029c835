"""Core: what every stage shares. model.py holds the plain frozen data passed between stages, errors.py the
problems as values with a location (file, line, column), sentences.py sentence boundaries. Imports no stage."""
