"""Turn a file into a Document: one module per format, chosen by extension and sniffed type.

Every failure is a LoadError whose message names the file and the reason in plain words.
"""

from caveat.loaders.errors import LoadError
from caveat.loaders.registry import DEFAULT_MAX_BYTES, load_document, supported_extensions

__all__ = ["DEFAULT_MAX_BYTES", "LoadError", "load_document", "supported_extensions"]
