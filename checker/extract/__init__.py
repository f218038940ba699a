"""Claim extraction: one module per claim kind, each a function DocContext -> drafts.

A new claim kind is a new module here with `KIND` and `extract`, listed in
EXTRACTORS (claims.py, which runs them all over a document).
"""

from __future__ import annotations

# The extractor modules build and compile their patterns when imported, about a tenth of a
# second. A re-run whose articles all come from the cache, or a module that wants one helper
# of this package (names, context), should not pay for it: what runs the extractors is
# imported the first time one of its names is asked for.
_FROM_CLAIMS = ("EXTRACTORS", "KINDS", "claim_rows", "extract_document")


def __getattr__(name: str):
    if name in _FROM_CLAIMS:
        from . import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
