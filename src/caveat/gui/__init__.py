"""The desktop window: the only package (with cli.py's launch) that imports PySide6."""
