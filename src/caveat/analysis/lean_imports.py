"""Import spaCy and textstat without the parts of them Caveat never runs.

Every `caveat analyze` and every analysis process pays these imports before its first finding,
so they count towards the one-second start-up (measured here, CPU time per process start):

- `import spacy` imports spaCy's whole command line (typer, requests, weasel, httpx) only to
  export `spacy.info`: 0.14 s of the 0.55 s the import costs.
- textstat imports nltk (0.13 s, and 60 MB) for a pronunciation dictionary that readability
  would have to download, and which metrics.py therefore switches off anyway.

Each is stood in for by a small module registered before the real one is first imported, and
only if nothing imported the real one already. spaCy's own CLI modules stay importable by name
(`spacy.cli.download` ...), only `spacy.info` and the `spacy.cli` package's own names are absent.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def _stand_in(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(name, "Stood in for by caveat.analysis.lean_imports (not imported).")
    module.__dict__.update(attributes)
    return module


def _no_spacy_info(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("spaCy's command line is not loaded by Caveat: run `python -m spacy info`")


def lean_spacy() -> None:
    """Before spaCy is first imported: keep `import spacy` from importing its command line."""
    # WORKAROUND: spaCy 3.8 imports `spacy.cli` eagerly from its __init__ for `spacy.info`
    # (explosion/spaCy#12962 made it lazy once; it is eager again in 3.8, and #13933 proposes
    # a lazy CLI again).
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return  # no spaCy: the rule-based fallback's import error is reported where it happens
    folders = [f"{folder}/cli" for folder in spec.submodule_search_locations]
    sys.modules["spacy.cli"] = _stand_in("spacy.cli", __path__=folders)
    sys.modules["spacy.cli.info"] = _stand_in("spacy.cli.info", info=_no_spacy_info)


def _no_cmudict(lang: str) -> None:
    return None


def lean_textstat() -> None:
    """Before textstat is first imported: keep it from importing nltk for its cmudict."""
    # WORKAROUND: textstat 0.7.13 imports nltk at import time and calls nltk.download('cmudict')
    # the first time it counts syllables (textstat/backend/utils/_get_cmudict.py): offline that
    # raises, online it reaches the network from a desktop program. Without the dictionary
    # textstat counts syllables with Pyphen's hyphenation patterns (shipped inside pyphen), as
    # metrics.py also arranges when textstat was imported before this ran.
    name = "textstat.backend.utils._get_cmudict"
    if "textstat" in sys.modules or name in sys.modules:
        return
    sys.modules[name] = _stand_in(name, get_cmudict=_no_cmudict)


def grouped_entry_points() -> None:
    """Before a model loads: let spaCy's registries find plugins by group in a dict."""
    # WORKAROUND: catalogue 2.0.10 (spaCy's registries) filters every installed package's
    # entry points on each registry lookup (`_get_entry_points`): some 160 lookups to load a
    # model, 0.05-0.08 s measured here. Its code accepts a dict of groups as well, which
    # answers the same lookups at once.
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if not hasattr(found, "select"):
        return  # already a dict
    groups: dict[str, list[object]] = {}
    for entry_point in found:
        groups.setdefault(entry_point.group, []).append(entry_point)
    catalogue.AVAILABLE_ENTRY_POINTS = groups
