"""`python -m saiken.cli` runs the command line."""

import sys

from saiken.cli import main

sys.exit(main())
