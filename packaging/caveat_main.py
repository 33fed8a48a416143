"""The bundle's entry point: PyInstaller freezes this script, which runs `caveat.cli.main`."""

import multiprocessing
import sys

from caveat.cli import main

if __name__ == "__main__":
    # A frozen program has no Python to re-run for `spawn` workers (batch mode's pool on
    # platforms without fork); freeze_support makes the bundled executable act as one.
    multiprocessing.freeze_support()
    sys.exit(main())
