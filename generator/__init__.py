"""Static site generator for an annotated news archive.

The pipeline, one module a stage: read -> clean -> annotate (annotations, anchor)
-> link -> render -> write -> site; pipeline.py shows it on one screen.
"""
