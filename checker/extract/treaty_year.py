"""Treaty-year claims: the year an alliance's founding treaty was signed.

"signed the Mutual Defense Treaty in 1953", "the 1953 Mutual Defense Treaty",
"an alliance forged in 1953", "signed on April 4, 1949", "Since 1949".
Years of other events in the same sentence ("the Korean War, which began in
1950") are not claims: the year must be tied to a treaty or alliance word or
to a founding verb whose object is one (or a pronoun for the treaty the
sentence before names: "The pact ... Kishi signed it on 19 January, 1960").
"""

from __future__ import annotations

import re

from ..programs import compiled
from .context import Draft, DocContext

KIND = "treaty_year"
_YEAR = r"(?P<year>1[89]\d\d|20[0-4]\d)"
_DATE_BEFORE_YEAR = r"(?:(?:on\s+)?(?:\d{1,2}\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+\d{1,2})?,?\s+)"
FOUNDING_VERB = r"(?:signed|forged|founded|formed|established|created|concluded|inked)"
TREATY_NOUN = r"(?:treaty|alliance|pact|accord|agreement)"

PATTERNS = [
    # "the 1953 Mutual Defense Treaty", "the 1951 treaty"
    compiled(rf"\b{_YEAR}\s+(?:[A-Z][\w.-]*\s+){{0,5}}?{TREATY_NOUN}\b", re.I),
    # "signed the Mutual Defense Treaty in 1953", "signed it on 19 January, 1960", "signed on April 4, 1949"
    compiled(rf"\b{FOUNDING_VERB}\b(?:\s+(?!in\b|on\b)[\w.'’-]+){{0,7}}?\s+(?:in|on)\s+{_DATE_BEFORE_YEAR}?{_YEAR}\b", re.I),
    # "Signed Sept. 1, 1951", "forged in 1953"
    compiled(rf"\b{FOUNDING_VERB}\s+(?:in\s+)?{_DATE_BEFORE_YEAR}?{_YEAR}\b", re.I),
    # "Since 1949" when the sentence is about the alliance
    compiled(rf"\bSince\s+{_YEAR}\b"),
]
ABOUT_TREATY = compiled(rf"\b{TREATY_NOUN}\b|\bNATO\b|\bANZUS\b|\ballies\b", re.I)
SINCE_NEEDS = compiled(r"\b(?:alliance|allies|NATO|ANZUS|treaty)\b", re.I)


def extract(ctx: DocContext) -> list[Draft]:
    text = ctx.text
    drafts: list[Draft] = []
    seen_years: set[int] = set()
    for index, pattern in enumerate(PATTERNS):
        for match in ctx.finditer(pattern):
            year_start = match.start("year")
            if year_start in seen_years:
                continue
            # "Kishi signed it on 19 January, 1960": "it" is the treaty the sentence before names.
            window_start, window_end = ctx.topic_window(match.start())
            sentence = text[window_start:window_end]
            if index in (1, 2) and not ABOUT_TREATY.search(sentence):
                continue
            if index == 3 and not SINCE_NEEDS.search(sentence):
                continue
            subject = ctx.alliance_at(match.start())
            if subject is None:
                continue
            seen_years.add(year_start)
            year = int(match.group("year"))
            drafts.append(Draft(KIND, f"alliance:{subject}", year, match.start(), match.end(), time=str(year), form="treaty"))
    return drafts
