"""Comparison types: one module per `comparison` a rule may name in rules/*.toml.

Each module has `compare(rule, claims) -> list[Outcome]` for the claims of one
subject. A new comparison type is a module here, registered in COMPARISONS,
plus its pydantic model in checker/rules.py.
"""

from __future__ import annotations

from . import founding, office, quantity, series_cadence
from .outcome import Outcome

COMPARISONS = {
    "founding_year": founding.compare,
    "series_cadence": series_cadence.compare,
    "quantity": quantity.compare,
    "office_holder": office.compare,
}

__all__ = ["COMPARISONS", "Outcome"]
