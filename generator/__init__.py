"""Static site generator for an annotated news archive.

One package a stage, in the order the build runs them (pipeline.py is the whole flow on one screen):

    ingest -> clean -> annotate -> link -> render -> write -> check

core/ holds the plain frozen data the stages pass on (model) and the located problems (errors); runtime/ the
machinery every stage may use (process pool, memo, progress lines); app/ the commands. A stage imports only
the stages before it, core/ and runtime/.
"""
