"""Meeting-number claims: the ordinal of a meeting in a named series.

"54th Security Consultative Meeting", "the 56th Korea-U.S. SCM", "the 44th and
45th ASEAN Summits", "the 48th G7 (Group of Seven) meeting", and a short name
("the 45th Summit") in an article that names the series in full elsewhere.
The meeting's time is the date phrase of its sentence ("Yesterday", "later this
year", "from the 23rd to the 24th"), else the article's date.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..numbers import ORDINAL, TENS, TENS_ORDINALS, UNIT_ORDINALS, parse_ordinal
from ..programs import compiled
from ..vocabulary import Vocabulary, alternation
from .context import Draft, DocContext

KIND = "meeting_number"
ORDINALS = rf"(?P<ordinals>{ORDINAL}(?:\s*,\s*{ORDINAL}){{0,6}}(?:,?\s+(?:and|&|or)\s+{ORDINAL})?)"
# Words that may stand between the ordinal and the series name: "Korea-U.S.", "annual", "(KIDD)".
MODIFIER = r"(?:(?:[A-Z][\w.'’-]*|annual|regular|bilateral|joint|ministerial|leaders['’]?)\s+)"


# The full form is searched for just before each series name (_full_forms), not by Text.finditer, so it
# takes here the look at its first character that Text gives a pattern it runs the plain way: a digit or
# an ordinal word's first letter, which turns away most word starts where `\b` lets each one in. Written
# out rather than worked out by checker/scan/first.py, which would parse this long pattern a second time
# on every run (tests/test_scan.py checks it is the look first.py gives).
_ORDINAL_INITIALS = "".join(sorted({word[0] for word in (*UNIT_ORDINALS[1:], *TENS_ORDINALS, *TENS, "hundredth")}))
FULL_LOOK = rf"(?=(?i:[\d{_ORDINAL_INITIALS}]))"

# How far before its series name a meeting's ordinals may start: eight ordinals and three words
# between them and the name fit in well under this.
REACH = 400


@lru_cache(maxsize=8)
def patterns(vocabulary: Vocabulary) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The full form, the short form ("the 45th Summit") and the series names alone."""
    full = alternation(vocabulary.series_by_name)
    short = alternation(vocabulary.series_by_short_name)
    return (
        compiled(rf"{FULL_LOOK}\b{ORDINALS}[ -]{MODIFIER}{{0,3}}?(?P<name>{full})", re.I),
        compiled(rf"\b{ORDINALS}[ -]{MODIFIER}{{0,2}}?(?P<name>{short})", re.I),
        compiled(full, re.I),
    )


def _full_forms(text: str, full: re.Pattern, names: list[re.Match]) -> list[re.Match]:
    """The matches of `full`, each of which ends with a series name: looked for just before each
    name rather than tried at every word of the article (ordinals are common, series names rare)."""
    found = []
    after = 0
    for name in names:
        match = full.search(text, max(after, name.start() - REACH), name.end())
        while match is not None and match.end() < name.end():  # one ending at an earlier name
            found.append(match)
            after = match.end()
            match = full.search(text, after, name.end())
        if match is not None:
            found.append(match)
            after = match.end()
    return found


def _drafts(ctx: DocContext, match: re.Match, series: str) -> list[Draft]:
    drafts = []
    time = ctx.nearest_time(match.start(), match.end())
    when, note = (time.value, f"“{time.phrase}”") if time else (ctx.published_iso, "article date")
    ordinals = list(re.finditer(ORDINAL, match.group("ordinals"), re.I))
    for position, found in enumerate(ordinals):
        number = parse_ordinal(found.group(0))
        if not number:
            continue
        start = match.start("ordinals") + found.start()
        # The last ordinal of a list carries the series name in its span.
        end = match.end() if position == len(ordinals) - 1 else match.start("ordinals") + found.end()
        if position == 0:
            start = match.start()
        drafts.append(Draft(KIND, f"series:{series}", number, start, end, time=when, time_note=note))
    return drafts


def extract(ctx: DocContext) -> list[Draft]:
    full, short, name_only = patterns(ctx.vocabulary)
    names = ctx.finditer(name_only)
    if not names:
        return []  # both forms need the series named in full somewhere in the article
    drafts: list[Draft] = []
    covered: set[int] = set()
    for match in _full_forms(ctx.text, full, names):
        series = ctx.vocabulary.series_by_name[match.group("name").lower()]
        drafts.extend(_drafts(ctx, match, series))
        covered.add(match.start())
    named = Counter(ctx.vocabulary.series_by_name[name.group(0).lower()] for name in names)
    for match in ctx.finditer(short):
        if match.start() in covered:
            continue
        candidates = [k for k in ctx.vocabulary.series_by_short_name[match.group("name").lower()] if k in named]
        if not candidates:
            continue
        series = max(candidates, key=lambda k: (named[k], k))
        drafts.extend(_drafts(ctx, match, series))
    return drafts
