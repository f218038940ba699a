"""JSON: the contract other tools read (documents, claims, findings); sorted and stable."""

from __future__ import annotations

import json

from ..engine import CheckResult
from .records import report_record


def render(result: CheckResult) -> str:
    return json.dumps(report_record(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
