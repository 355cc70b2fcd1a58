"""`python -m advisor.cli` runs the `advisor` command."""

import sys

from advisor.cli import main

sys.exit(main())
