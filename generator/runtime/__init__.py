"""Runtime: machinery the stages run on, not a step of the flow. parallel.py spreads per-item work over the
cores, memo.py keeps results between the builds of one process (serve), progress.py names the stages and
prints their progress lines."""
