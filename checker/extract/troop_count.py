"""Troop-count claims: how many of one country's troops are stationed in another.

"28,500 American troops", "some 28,500 U.S. service members", "about 28,000
troops", "more than 28,500 troops", "28.5 thousand", "the 36,000-strong U.S.
contingent in Germany". Sizes of withdrawals, relocations and targets
("withdraw about 12,000 troops", "take 12,000 troops out of Germany", "the
12,000 troops leaving", "reduced to 25,000") are not claims.
"""

from __future__ import annotations

import re

from ..models import Qualifier
from ..numbers import GROUPED_DIGITS
from ..programs import compiled
from .context import Draft, DocContext

KIND = "troop_count"
QUALIFIERS = {
    "some": Qualifier.approximate, "about": Qualifier.approximate, "around": Qualifier.approximate,
    "approximately": Qualifier.approximate, "roughly": Qualifier.approximate, "nearly": Qualifier.at_most,
    "almost": Qualifier.at_most, "over": Qualifier.at_least, "more than": Qualifier.at_least,
    "at least": Qualifier.at_least, "fewer than": Qualifier.at_most, "less than": Qualifier.at_most,
    "up to": Qualifier.at_most, "at most": Qualifier.at_most, "an estimated": Qualifier.approximate,
}
_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_NUMBER = rf"(?P<number>{GROUPED_DIGITS}|\d{{1,3}}(?:\.\d+)?\s+(?:thousand|million)|\d{{4,7}})"
_NATIONALITY = r"(?P<nationality>(?:U\.S\.|US|American|United\s+States|[A-Z][a-z]+(?:an|ese|ish|ian|i))\s+)?"
_NOUN = r"(?:military\s+)?(?:troops|soldiers|service\s?members|servicemembers|military\s+personnel|personnel|forces|employees|marines|sailors|airmen|contingent|force|GIs)"
TROOPS = compiled(
    rf"\b(?:(?P<qualifier>{_QUALIFIER})\s+)?{_NUMBER}(?:-strong)?\s+{_NATIONALITY}(?:(?:troops?|forces?)\s+)?{_NOUN}\b",
    re.I,
)
# Words before the number that make it a movement or a target, not a stationed size.
MOVEMENT = compiled(
    r"\b(?:withdraw\w*|pull\w*|cut\w*|reduc\w*|relocat\w*|mov\w+|redeploy\w*|reposition\w*|rotat\w*|send\w*|sent|deploy\w*\s+(?:an?\s+)?additional|"
    r"bring\w*\s+home|transfer\w*|shift\w*|adding|extra|additional|remov\w*|drawdown)\s+(?:\w+\s+){0,3}$",
    re.I,
)
# No force has a billion troops; a longer "count" is no troop count.
MAX_COUNT_DIGITS = 9
# Words after the count that make it a movement: "take 12,000 troops out of Germany", "the 12,000 troops leaving".
MOVEMENT_AFTER = compiled(
    r"\s+(?:(?:that|who|which)\s+(?:are|were|will|would)\s+)?(?:out\s+of|leaving|(?:to|will|would)\s+(?:leave|move|return|be\s+(?:withdrawn|moved|relocated|cut|pulled))"
    r"|being\s+(?:withdrawn|moved|relocated|pulled)|returning|headed\s+home|(?:back\s+)?home\b)",
    re.I,
)
HOST_AFTER = compiled(r"\s*(?:(?:stationed|based|deployed)\s+)?(?:in|on|to)\s+(?:the\s+)?(?P<place>[A-Z][\w.'’ -]{2,40})")


def _count(text: str) -> int | None:
    """The number of troops, or None for a number too long to count troops (it would overflow a float)."""
    text = text.lower().replace(",", "")
    for word, factor in (("thousand", 1_000), ("million", 1_000_000)):
        if word in text:
            return round(float(text.replace(word, "").strip()) * factor)
    return int(text) if len(text) <= MAX_COUNT_DIGITS else None


def _force(ctx: DocContext, match: re.Match) -> str | None:
    """The force counted: its country from the nationality word, its host from the words after or the sentence."""
    vocab = ctx.vocabulary
    nationality = (match.group("nationality") or "").strip()
    country = vocab.country_by_word.get(nationality) if nationality else None
    sentence_start, sentence_end = ctx.sentence_at(match.start())
    after = HOST_AFTER.match(ctx.text, match.end(), sentence_end)
    hosts: list[str] = []
    if after:
        hosts = [key for _, _, key in vocab.countries_in(after.group("place"))]
        if re.match(r"Korean\s+Peninsula", after.group("place")):
            hosts = ["kr"]
    sentence = ctx.text[sentence_start:sentence_end]
    if not hosts:
        # The country named closest to the count ("54,000 in Japan and 2,500 through the Philippines").
        named = [(abs(sentence_start + start - match.start()), key) for start, _, key in vocab.countries_in(sentence)]
        hosts = [key for _, key in sorted(named) if key != country]
    if not hosts and country:
        hosts = [host for host, _ in ctx.country_counts.most_common() if host != country]
    for host in hosts:
        forces = sorted(k for k, f in vocab.forces.items() if f.host == host and (country is None or f.country == country))
        if forces:
            return forces[0]
    return None


def extract(ctx: DocContext) -> list[Draft]:
    drafts = []
    for match in ctx.finditer(TROOPS):
        before = ctx.text[max(0, match.start() - 40):match.start()]
        # "the 36,000-strong contingent" is the force's own size even after "cut".
        if MOVEMENT.search(before) and "-strong" not in match.group(0):
            continue
        if MOVEMENT_AFTER.match(ctx.text, match.end()):
            continue
        count = _count(match.group("number"))
        force = _force(ctx, match) if count is not None else None
        if force is None:
            continue
        word = (match.group("qualifier") or "").lower()
        qualifier = QUALIFIERS.get(re.sub(r"\s+", " ", word), Qualifier.exact)
        time = ctx.nearest_time(match.start(), match.end())
        when, note = (time.value, f"“{time.phrase}”") if time else (ctx.published_iso, "article date")
        drafts.append(Draft(KIND, f"forces:{force}", count, match.start(), match.end(),
                            qualifier, when, "count", time_note=note))
    return drafts
