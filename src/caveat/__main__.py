"""Allow `python -m caveat`."""

from caveat.cli import main

raise SystemExit(main())
