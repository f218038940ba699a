"""Office-holder claims: which person holds which office, at what time.

Forms: title + name ("South Korean Foreign Minister Park Jin", "then-Prime Minister Shinzo Abe"), name +
appositive title ("Percy Spender, Australia's Minister for External Affairs"), title + comma + name ("The chief
of the Australian Defence Force, General Angus Campbell"), "his counterpart from China, Admiral Dong Jun"
(office_forms.py); title + surname ("Secretary Blinken", "Minister Ahn") and the bare surnames of a series'
participants ("Austin and Lee met for the 54th SCM") here. The office is decided across the article
(office_country.py), the time from the text around the holder (office_time.py). "former", "-elect" and "next"
holders are no claims; "acting" holders and chargés "ad interim" carry the qualifier `acting`.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import Qualifier
from ..programs import compiled
from ..scan.words import CASELESS
from ..vocabulary import Vocabulary
from .context import Coverage, Draft, DocContext
from .names import NAME, NOT_NAME_WORDS, same_person
from .office_country import resolve_offices
from .office_forms import SP, clean_name, find_mentions
from .office_time import holder_time

KIND = "office_holder"
PARTIAL = compiled(rf"\b(?P<title>Minister|Secretary){SP}(?P<name>{NAME.pattern})")
PAIR_MEETING = compiled(r"\b(?P<a>[A-Z][a-z]+)\s+and\s+(?P<b>[A-Z][a-z]+)\s+(?:met|held|hold|will\s+meet|meet)\b")


def extract(ctx: DocContext) -> list[Draft]:
    holders = resolve_offices(ctx, find_mentions(ctx.text, ctx.vocabulary, ctx.scan.folded))
    drafts = []
    for holder in holders:
        mention = holder.mention
        time, note = holder_time(ctx, mention)
        qualifier = Qualifier.acting if mention.acting else Qualifier.exact
        drafts.append(Draft(KIND, f"office:{holder.office}", holder.name, mention.start, mention.end,
                            qualifier, time, "title", holder.person, note))
    # (person, role, country), each once and in order: lookups take the first match, so a
    # repeat would add nothing but a longer scan for every later name.
    known = dict.fromkeys((h.person, h.role, h.country) for h in holders)
    used = Coverage([(h.mention.start, h.mention.end) for h in holders])
    participant_offices = _participant_offices(ctx)
    drafts += _partial_titles(ctx, known, used, participant_offices)
    drafts += _participants(ctx, known, participant_offices)
    return drafts


def _draft(ctx: DocContext, start: int, end: int, name: str, role: str, country: str, person: str) -> Draft:
    return Draft(KIND, f"office:{country}-{role}", name, start, end, Qualifier.exact, ctx.published_iso,
                 "title", person, "article date")


def _partial_titles(ctx: DocContext, known: dict, used: Coverage, participant_offices) -> list[Draft]:
    """'Minister Ahn' / 'Secretary Blinken': the office of the same person named in full in the article,
    else the one office of the article's meeting participants whose title ends that way."""
    vocab = ctx.vocabulary
    drafts = []
    for match in ctx.finditer(PARTIAL):
        if used.covers(match.start()):
            continue
        cleaned = clean_name(ctx.text, match.start("name"), match.group("name"), from_end=False)
        if cleaned is None:
            continue
        name = ctx.text[cleaned[0]:cleaned[1]]
        if name.lower() in NOT_NAME_WORDS:
            continue
        title = match.group("title")
        same = [(r, c, p) for p, r, c in known if same_person(p, name)]
        candidates = same or [
            (role, country, name) for role, country in participant_offices
            if any(t.lower().endswith(title.lower()) or t.lower().startswith(title.lower()) for t in vocab.roles[role].titles)
        ]
        if len({(r, c) for r, c, _ in candidates}) == 1:
            role, country, person = candidates[0]
            drafts.append(_draft(ctx, match.start(), cleaned[1], name, role, country, person))
            known.setdefault((person, role, country))
    return drafts


def _participant_offices(ctx: DocContext) -> list[tuple[str, str]]:
    """Offices whose holders meet in the series this article names (`participants` in rules/series.toml)."""
    offices = []
    for ascii_names, other_names, series_offices in _participant_series(ctx.vocabulary):
        # ASCII names in the folded text, where the meeting extractor has mostly found the places of their
        # starts already; folding keeps letters outside ASCII as they are, so other names in the text lower-cased.
        if ctx.scan.contains(ascii_names) or any(name in ctx.text.lower() for name in other_names):
            offices += series_offices
    return offices


@lru_cache(maxsize=8)
def _participant_series(vocabulary: Vocabulary) -> list[tuple[tuple[tuple[str, str], ...], tuple[str, ...], list[tuple[str, str]]]]:
    """Each series with participants, in key order: its names lower-cased (ASCII ones as Text.contains takes
    them, the others apart) and its participants' offices as (role, country). The same for every article."""
    found = []
    for _, series in sorted(vocabulary.series.items()):
        if not series.participants:
            continue
        names = [name.lower() for name in series.names]
        offices = []
        for office in series.participants:
            for role in sorted(vocabulary.roles, key=len, reverse=True):
                if office.endswith("-" + role):
                    offices.append((role, office[: -len(role) - 1]))
                    break
        found.append((tuple((name, CASELESS) for name in names if name.isascii()),
                      tuple(name for name in names if not name.isascii()), offices))
    return found


def _participants(ctx: DocContext, known, offices) -> list[Draft]:
    """'Austin and Lee met ... for the 54th SCM': two bare surnames are the series' two participants.
    One whose office the article gives elsewhere keeps it; the other takes the remaining one."""
    if len(offices) != 2:
        return []
    vocab = ctx.vocabulary
    series_names = [n.lower() for s in vocab.series.values() if s.participants for n in s.names]
    drafts = []
    for match in ctx.finditer(PAIR_MEETING):
        sentence_start, sentence_end = ctx.sentence_at(match.start())
        if not any(n in ctx.text[sentence_start:sentence_end].lower() for n in series_names):
            continue
        names = [match.group("a"), match.group("b")]
        if any(n.lower() in NOT_NAME_WORDS for n in names):
            continue
        assigned = {}
        for name in names:
            same = [(r, c) for full, r, c in known if same_person(full, name) and (r, c) in offices]
            if same:
                assigned[name] = same[0]
        free = [o for o in offices if o not in assigned.values()]
        unassigned = [n for n in names if n not in assigned]
        if len(unassigned) == 1 and len(free) == 1:
            name = unassigned[0]
            role, country = free[0]
            start = match.start("a") if name == names[0] else match.start("b")
            drafts.append(_draft(ctx, start, start + len(name), name, role, country, name))
    return drafts



