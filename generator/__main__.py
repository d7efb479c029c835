"""`python -m generator COMMAND`: see generator/app/cli.py."""

import sys

try:
    from generator.app.cli import main
except KeyboardInterrupt:  # Ctrl-C while still importing: nothing was read or written yet
    print("interrupted; docs/ and site/ were not changed", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
