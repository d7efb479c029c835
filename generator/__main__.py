"""`python -m generator COMMAND`: see generator/cli.py."""

import sys

from .cli import main

sys.exit(main())
