"""Turn a file or a web address into a Document: one module per format, chosen by extension
and sniffed type.

Every failure is a LoadError whose message names the file and the reason in plain words.
"""

from caveat.loaders.errors import LoadError
from caveat.loaders.registry import (
    DEFAULT_MAX_BYTES,
    is_web_address,
    load_document,
    load_source,
    supported_extensions,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LoadError",
    "is_web_address",
    "load_document",
    "load_source",
    "supported_extensions",
]
