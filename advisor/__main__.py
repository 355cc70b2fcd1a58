"""`python -m advisor` runs the advisor command line (the same as the `advisor` script)."""

from advisor.cli import main

raise SystemExit(main())
