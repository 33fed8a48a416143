"""spaCy for the bundle: its data files and every submodule except its test suite.

Replaces pyinstaller-hooks-contrib's hook, which collects `spacy.tests` too (pulling in pytest
and hundreds of test modules). Registered functions are looked up by name from config strings,
so the other submodules must all be there.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _not_tests(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("spacy", excludes=["tests/**"])
hiddenimports = collect_submodules("spacy", filter=_not_tests)
