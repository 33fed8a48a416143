"""thinc (spaCy's neural network library) for the bundle: data and submodules, minus its tests.

Replaces pyinstaller-hooks-contrib's hook, which collects `thinc.tests` too. spaCy's model config
names thinc's layers by registry strings, so every other submodule must be there.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _not_tests(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("thinc", excludes=["tests/**"])
hiddenimports = collect_submodules("thinc", filter=_not_tests)
