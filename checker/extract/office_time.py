"""When a named holder held the office: the article's date, unless the text places the person in the past.

- "then-Prime Minister Shinzo Abe in 2015", "organised by then president Bill Clinton" (the sentence's past
  date nearest the holder);
- a past date in the holder's own clause: the holder is the subject of a dated act of office ("Prime Minister
  Nobusuke Kishi, signed it on 19 January, 1960"), or is attached to the dated event by "between", "with" or
  "by" without a new verb in between ("on 19 January, 1960, together with US President Dwight Eisenhower", "the
  2019 Hanoi summit between U.S. President Donald Trump"; "In 1960, the treaty was signed by ..." when the date
  opens the sentence). A title is otherwise as of the article's date: "President Biden said in 2020" keeps it;
- the signatories of a treaty with no date of their own ("how President Eisenhower and Prime Minister Kishi
  signed the treaty") held office when the treaty was signed: the founding year the same article gives or
  implies for it (`date_signatories`), else no time at all, so they are never compared.
"Since 2014" says when a tenure began, not a time; a date that a second verb separates from the holder ("Abe
praised the treaty signed in 1960") is not the holder's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..programs import compiled
from ..timeparse import TimeRef, date_range
from .context import DocContext, Draft
from .office_forms import Mention

SIGNATORY_NOTE = "signatory of "
FINITE = compiled(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|shall|should|may|might|said|says|say|told|tells)\b", re.I)
# Acts a person performs in office: a date they carry is the holder's time. Speech ("said in 2020") is not
# such an act: news gives a title as of its own date even for what the person said years before.
OFFICE_ACT = compiled(
    r"(?:signed|ratified|concluded|inked|sealed|negotiated|hosted|chaired|presided|opened|inaugurated|launched|proclaimed)$",
    re.I,
)
# Words that attach a holder to the dated event before it: "the 2019 summit between", "1960, together with".
LINKER_END = compiled(r"\b(?:between|with|alongside|by)\s+(?:then[\s-]+)?$", re.I)
# After the holder: an appositive or "who", then the verb the date belongs to.
VERB_AFTER = compiled(
    r"^(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*){1,3})?\s*(?:,[^,.;]{0,60},)?\s*,?\s*(?:who\s+)?(?:had\s+)?"
    r"(?P<verb>[A-Za-z]+)\b(?P<rest>[^.;:!?]*)$"
)
SIGNED_AFTER = compiled(
    r"(?:\s+and\s+(?:(?:[A-Z][\w.'’-]*|of|for|the)\s+){1,8}?)?\s*,?\s*(?:jointly\s+|together\s+)?(?:signed|concluded|inked)\s+"
    r"(?:it|the\s+(?:[\w.'’-]+\s+){0,5}?(?:treaty|pact))\b",
    re.I,
)


def _is_past(ctx: DocContext, time: TimeRef) -> bool:
    return ctx.published is not None and date_range(time.value)[1] < ctx.published


def _then_time(ctx: DocContext, mention: Mention) -> tuple[str | None, str]:
    """The past time of the sentence nearest to a "then" holder, else of the sentence before; else none."""
    for window in (ctx.sentence_at(mention.start), ctx.previous_sentence(mention.start)):
        if window is None:
            continue
        times = [t for t in ctx.times_in_sentence(window[0]) if _is_past(ctx, t) or ctx.published is None]
        if times:
            near = min(times, key=lambda t: abs(t.start - mention.start))
            return near.value, f"“then” … “{near.phrase}”"
    return None, "“then” without a time"


def _linked_past_date(ctx: DocContext, mention: Mention) -> TimeRef | None:
    """A past date with its year written that belongs to the holder's own clause (see the module docstring)."""
    near = ctx.nearest_time(mention.start, mention.end)
    if near is None or not near.names_year or near.is_start or not _is_past(ctx, near):
        return None
    text = ctx.text
    sentence_start, _ = ctx.sentence_at(mention.start)
    if near.end <= mention.start:
        between = text[near.end:mention.start]
        if len(between) > 80 or re.search(r"[.;:!?]", between) or not LINKER_END.search(between):
            return None
        # "In 1951, the treaty was signed by X": a date opening the sentence dates its whole event.
        opens_sentence = not text[sentence_start:near.start].strip(" \"“‘'") or re.fullmatch(
            r"\s*(?:in|on|during)\s*", text[sentence_start:near.start], re.I)
        return near if opens_sentence or not FINITE.search(between) else None
    after = VERB_AFTER.match(text[mention.end:near.start])
    if not after or not OFFICE_ACT.match(after.group("verb")) or len(after.group("rest").split()) > 6:
        return None
    if any(FINITE.match(w) or re.fullmatch(r"\w+ed", w) for w in after.group("rest").split()):
        return None
    return near


def holder_time(ctx: DocContext, mention: Mention) -> tuple[str | None, str]:
    if mention.then:
        return _then_time(ctx, mention)
    linked = _linked_past_date(ctx, mention)
    if linked:
        return linked.value, f"past date of its clause “{linked.phrase}”"
    signed = SIGNED_AFTER.match(ctx.text, mention.end)
    # "signed the treaty on Tuesday" is a signing now, not the founding.
    if signed and not any(0 <= t.start - signed.end() <= 15 for t in ctx.times_in_sentence(mention.start)):
        alliance = ctx.alliance_at(mention.start)
        return None, SIGNATORY_NOTE + (f"alliance:{alliance}" if alliance else "a treaty not named")
    return ctx.published_iso, "article date"


def implied_founding_years(drafts: list[Draft], subject: str) -> Counter:
    """Founding years the document's own claims give for an alliance: treaty years, and ordinal anniversaries."""
    years: Counter = Counter()
    for draft in drafts:
        if draft.subject != subject or draft.time is None:
            continue
        if draft.kind == "treaty_year":
            years[int(draft.value)] += 2
        elif draft.kind == "anniversary" and draft.form == "ordinal":
            years[int(draft.time[:4]) - int(draft.value)] += 1
    return years


def date_signatories(drafts: list[Draft]) -> list[Draft]:
    """Signatories of a treaty hold office in the year the same document says or implies it was signed."""
    dated = []
    for draft in drafts:
        if draft.kind == "office_holder" and draft.time is None and draft.time_note.startswith(SIGNATORY_NOTE):
            subject = draft.time_note[len(SIGNATORY_NOTE):]
            years = implied_founding_years(drafts, subject)
            if years:
                year = max(sorted(years), key=lambda y: years[y])
                draft = replace(draft, time=str(year), time_note=f"signatory of {subject}, founded {year}")
        dated.append(draft)
    return dated
