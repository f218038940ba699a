"""Anniversary claims: an alliance's age or anniversary number.

"the 70th anniversary of the alliance", "the seven-decade-long alliance",
"formed seven decades ago", "the 70-year-old alliance", "for seven decades",
"over seventy years", "marks 70 years", "the alliance's 70th year".
The value is the age in years; `form` says how it was phrased, which decides
the founding years it admits (see compare/founding.py).
Anniversaries of other things ("the 75th anniversary of ROK's Armed Forces
Day"), durations that are no age ("the first such event in 10 years") and a
person's time in a post ("Luns, who headed the organisation for 12 years") are
not claims. A sentence that refers back with a pronoun ("We have done so for 75
years.") is about what the sentence before it names.
"""

from __future__ import annotations

import re

from ..models import Qualifier
from ..numbers import CARDINAL, ORDINAL, parse_cardinal, parse_ordinal
from ..programs import compiled
from .context import Draft, DocContext, TakenSpans

KIND = "anniversary"

# Words that make a nearby age about an alliance or a treaty.
ALLIANCE_WORD = compiled(r"\b(?:alliance|allies|treaty|pact|partnership|relationship|ties|NATO|ANZUS|MDT)\b", re.I)
# "anniversary of X": X must be the alliance or its treaty, not another event.
OBJECT = compiled(r"\s+of\s+(?P<object>[^,;:!?()\r\n]{1,80})")
OBJECT_IS_ALLIANCE = compiled(r"\b(?:alliance|treaty|pact|signing|NATO|ANZUS|MDT|partnership)\b", re.I)
LINE_BREAK = compiled(r"[\r\n]")
YEAR_BEFORE = compiled(r"\b(?P<year>1[89]\d\d|20\d\d)\s+$")

AGE_WORDS = rf"(?P<number>{CARDINAL})"
ORDINAL_ANNIVERSARY = compiled(rf"\b(?P<ordinal>{ORDINAL})[- ](?:anniversary|birthday)\b", re.I)
NTH_YEAR = compiled(rf"\b(?:its|their|alliance['’]s|treaty['’]s)\s+(?P<ordinal>{ORDINAL})\s+year\b", re.I)
# "seven-decade-long", "seven-decadelong", "70-year-old", "70-year"
AGE_ADJECTIVE = compiled(
    rf"\b(?P<number>{CARDINAL})[- ](?P<unit>decades?|years?)(?:[- ]?(?:long|old))?[- ](?=(?:old\s+)?(?:[\w.'’-]+\s+){{0,3}}?(?:alliance|treaty|pact|partnership)\b)",
    re.I,
)
# "for seven decades", "over seventy years", "marks 70 years", "formed seven decades ago", "at 60"
AGE_PHRASE = compiled(
    rf"\b(?P<lead>(?:for|over|more\s+than|nearly|almost|about|some|marks?|marking|marked|celebrat(?:es?|ing|ed)|commemorat(?:es?|ing|ed)|spanning|past|of)\s+(?:(?:more\s+than|over|nearly|almost|about|some)\s+)?)?"
    rf"(?P<number>{CARDINAL})\s+(?P<unit>decades?|years?)(?P<ago>\s+ago)?\b",
    re.I,
)
# A clause about a person's tenure: a personal pronoun or a verb of holding a post before the duration.
TENURE = compiled(
    r"\b(?:who|whom|whose|he|she|his|her|him)\b|(?<![\w-])(?:head(?:ed|s|ing)?|led|lead(?:s|ing)?|serv(?:ed|es|ing)|ran|run(?:s|ning)?"
    r"|chair(?:ed|s|ing)?|held|hold(?:s|ing)?|presid(?:ed|es|ing)|tenure|term|in\s+office|at\s+the\s+helm)\b",
    re.I,
)
FOUNDING_VERB = compiled(r"\b(?:formed|founded|forged|signed|established|created|born|began|launched|concluded)\s+(?:\w+\s+){0,2}$", re.I)
# A date that follows a founding verb gives the founding, not the time the anniversary is spoken of.
FOUNDING_BEFORE_TIME = compiled(
    r"\b(?:signed|founded|formed|forged|established|created|concluded|born|launched|began|inked|set\s+up)\b(?:\s+\S+){0,3}\s*$", re.I
)
HEADLINE_AT = compiled(rf"\bat\s+(?P<number>{CARDINAL})\s*$", re.I)
NOT_AN_AGE_BEFORE = compiled(r"\b(?:in|within|another|next|first|last|past\s+few|every|after|before|than|about\s+to|up\s+to|the)\s+(?:\w+\s+)?$", re.I)

QUALIFIER_WORDS = [
    (compiled(r"\b(?:over|more\s+than)\b", re.I), Qualifier.at_least),
    (compiled(r"\b(?:nearly|almost)\b", re.I), Qualifier.at_most),
    (compiled(r"\b(?:about|some|around|roughly)\b", re.I), Qualifier.approximate),
]


def _qualifier(lead: str) -> Qualifier:
    for pattern, qualifier in QUALIFIER_WORDS:
        if pattern.search(lead):
            return qualifier
    return Qualifier.exact


def _time(ctx: DocContext, start: int, end: int) -> tuple[str | None, str]:
    """An anniversary holds when its sentence says ("In 2019, ... marked NATO's 70th anniversary", "will mark
    its 75th anniversary next year"), else at the article's date. A year right before it ("the 1999 50th
    anniversary") wins; the founding date ("signed in 1949") and a start ("since 1949") are no such time."""
    before = YEAR_BEFORE.search(ctx.text[max(0, start - 12):start])
    if before:
        return before.group("year"), "year given before the anniversary"
    times = [
        t for t in ctx.times_in_sentence(start)
        if not t.is_start and not FOUNDING_BEFORE_TIME.search(ctx.text[max(0, t.start - 40):t.start])
    ]
    if times:
        near = min(times, key=lambda t: (t.start - end if t.start >= end else start - t.end, t.start))
        return near.value, f"“{near.phrase}”"
    return ctx.published_iso, "article date"


def _object_is_alliance(ctx: DocContext, words: str) -> bool:
    """Whether the X of "anniversary of X" is an alliance, read up to its first verb-like break."""
    head = re.split(r"\s(?:and|that|which|who|when|where|as|with|is|was|will)\s", words, maxsplit=1)[0]
    if OBJECT_IS_ALLIANCE.search(head) or ctx.vocabulary.alliance_pattern.search(head):
        return True
    countries = {key for _, _, key in ctx.vocabulary.countries_in(head)}
    return len(countries) >= 2 and not re.search(r"\b(?:day|war|relations|ties)\b", head, re.I)


def _is_tenure(ctx: DocContext, start: int) -> bool:
    """Whether a duration before which the clause names a person is that person's time in a post:
    "Luns, who headed the organisation for 12 years", "he served NATO for 40 years"."""
    sentence_start, _ = ctx.sentence_at(start)
    clause = re.split(r"[,;:()–—]|\s--\s", ctx.text[sentence_start:start])[-1]
    return bool(TENURE.search(clause))


def _near_alliance(ctx: DocContext, start: int, end: int, reach: int = 0) -> bool:
    """Whether the sentence (and the one it refers back to; for a headline, `reach` more characters)
    is about an alliance."""
    sentence_start, sentence_end = ctx.topic_window(start)
    window = ctx.text[sentence_start:min(len(ctx.text), sentence_end + reach)]
    return bool(ALLIANCE_WORD.search(window)) or bool(ctx.vocabulary.alliance_pattern.search(window))


def _draft(ctx: DocContext, start: int, end: int, age: int, form: str, qualifier: Qualifier) -> Draft | None:
    subject = ctx.alliance_at(start)
    if subject is None or not 1 <= age <= 300:
        return None
    time, note = _time(ctx, start, end)
    return Draft(KIND, f"alliance:{subject}", age, start, end, qualifier, time, form, time_note=note)


def extract(ctx: DocContext) -> list[Draft]:
    text = ctx.text
    drafts: list[Draft | None] = []
    taken = TakenSpans()

    def free(start: int, end: int) -> bool:
        return not taken.overlaps(start, end)

    for match in ctx.finditer(ORDINAL_ANNIVERSARY):
        anniversary_of = OBJECT.match(text, match.end(), ctx.sentence_at(match.start())[1])
        if anniversary_of and not _object_is_alliance(ctx, anniversary_of.group("object")):
            continue
        before = text[max(0, match.start() - 30):match.start()]
        if re.search(r"\b(?:accession|wedding|birth|death)\s*$", before, re.I):
            continue
        age = parse_ordinal(match.group("ordinal"))
        drafts.append(_draft(ctx, match.start(), match.end(), age, "ordinal", Qualifier.exact))
        taken.add(*match.span())

    for match in ctx.finditer(NTH_YEAR):
        if free(*match.span()):
            drafts.append(_draft(ctx, match.start(), match.end(), parse_ordinal(match.group("ordinal")), "nth_year", Qualifier.exact))
            taken.add(*match.span())

    for match in ctx.finditer(AGE_ADJECTIVE):
        number = parse_cardinal(match.group("number"))
        if not isinstance(number, int) or not free(*match.span()):
            continue
        # An adjective is hyphenated or ends in -long/-old; "70 years of ANZUS" is a phrase, below.
        if "-" not in match.group(0).strip("- ") and not re.search(r"(?:long|old)[- ]?$", match.group(0)):
            continue
        decades = match.group("unit").lower().startswith("decade")
        span_end = match.end() - 1 if text[match.end() - 1] in "- " else match.end()
        drafts.append(_draft(ctx, match.start(), span_end, number * 10 if decades else number,
                             "decades" if decades else "years", Qualifier.approximate if decades else Qualifier.exact))
        taken.add(match.start(), span_end)

    for match in ctx.finditer(AGE_PHRASE):
        number = parse_cardinal(match.group("number"))
        if not isinstance(number, int) or not free(*match.span()):
            continue
        lead = match.group("lead") or ""
        before = text[max(0, match.start() - 40):match.start()]
        if match.group("ago"):
            if not FOUNDING_VERB.search(before):
                continue
        elif not lead or lead.lower().startswith("of") and not re.search(r"\b(?:marks?|marking|celebrat\w+)\s+$", before, re.I):
            continue
        if NOT_AN_AGE_BEFORE.search(before) and not lead:
            continue
        if not _near_alliance(ctx, match.start(), match.end()) or _is_tenure(ctx, match.start()):
            continue
        decades = match.group("unit").lower().startswith("decade")
        age = number * 10 if decades else number
        qualifier = _qualifier(lead)
        if decades and qualifier is Qualifier.exact:
            qualifier = Qualifier.approximate
        start = match.start() if not match.group("ago") else match.start()
        drafts.append(_draft(ctx, start, match.end(), age, "decades" if decades else "years", qualifier))
        taken.add(*match.span())

    # A headline that gives the age alone: "... as a 'firm pillar' at 60".
    line_break = LINE_BREAK.search(text)
    headline = text[:line_break.start() if line_break else len(text)]
    found = HEADLINE_AT.search(headline)
    if found and _near_alliance(ctx, found.start(), found.end(), reach=300) and free(*found.span()):
        number = parse_cardinal(found.group("number"))
        if isinstance(number, int):
            drafts.append(_draft(ctx, found.start(), found.end(), number, "years", Qualifier.exact))
    return [d for d in drafts if d is not None]
