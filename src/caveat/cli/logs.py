"""What reaches stderr: Caveat's own messages always; what libraries log only with --verbose.

Libraries report what they repaired in a damaged file through `logging` (pypdf: "incorrect
startxref pointer"); with no handler configured Python prints their warnings on stderr, mixed
with Caveat's one-line messages. `--verbose` shows them, and Caveat's own log, on stderr.
"""

from __future__ import annotations

import logging
import sys

_HANDLER_NAME = "caveat-cli"


def configure_logging(verbose: bool) -> None:
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)  # main() may run more than once in a process (the tests)
    if verbose:
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("caveat: %(levelname)s %(name)s: %(message)s"))
        root.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()  # so Python's last-resort printing never starts
    handler.set_name(_HANDLER_NAME)
    root.addHandler(handler)
