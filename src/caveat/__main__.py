"""Allow `python -m caveat`."""

from caveat.cli import main

# Guarded: a spawned helper process imports this module again and must not start Caveat.
if __name__ == "__main__":
    raise SystemExit(main())
