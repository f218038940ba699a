"""Office-holder claims: which person holds which office, at what time.

Forms: title + name ("South Korean Foreign Minister Park Jin", "U.S. Secretary
of State Antony Blinken", "Prime Minister Sonexay Siphandone of the Lao PDR"),
name + appositive title ("Percy Spender, Australia's Minister for External
Affairs"), title + surname ("Secretary Blinken", "Minister Ahn"), and the
bare surnames of a series' participants ("Austin and Lee met for the 54th SCM").
The country comes from the title's own words, then the words after the name,
then the article. "former", "-elect" and "next" holders are no claims;
"then-" holders hold the office at the time their sentence gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Qualifier
from ..vocabulary import Vocabulary, alternation
from .context import Draft, DocContext
from .names import NAME, NOT_NAME_WORDS, name_length, same_person

KIND = "office_holder"
NEGATING_BEFORE = re.compile(r"\b(?:former|ex|late|next|incoming|future|would-be|then-candidate|outgoing\s+and\s+next|a\s+former)[\s-]+(?:\w+\s+){0,2}$", re.I)
THEN_BEFORE = re.compile(r"\bthen[\s-]+(?:\w+\s+){0,2}$", re.I)
ACTING_BEFORE = re.compile(r"\b(?:acting|interim)\s+(?:\w+\s+){0,2}$", re.I)
NEGATING_AFTER = re.compile(r"^[\s-]*(?:-?elect|designate|nominee|candidate)\b", re.I)
PARTIAL_TITLES = ("Minister", "Secretary")


@dataclass(frozen=True)
class Patterns:
    titled: re.Pattern       # [country modifier] TITLE NAME
    appositive: re.Pattern   # NAME, [country's] TITLE
    partial: re.Pattern      # Minister NAME / Secretary NAME


@lru_cache(maxsize=8)
def patterns(vocabulary: Vocabulary) -> Patterns:
    titles = alternation(vocabulary.roles_by_title)
    modifier = alternation(vocabulary.country_by_word, case_sensitive=True)
    country_mod = rf"(?:(?P<modifier>{modifier})(?:['’]s)?\s+)?"
    # Titles match in any case ("defense minister"); names and countries only capitalised.
    return Patterns(
        titled=re.compile(rf"{country_mod}(?P<title>(?i:{titles}))\s+(?P<name>{NAME.pattern})"),
        appositive=re.compile(
            rf"(?P<name>{NAME.pattern}),\s+(?:the\s+)?{country_mod}(?P<title>(?i:{titles}))(?:\s+of\s+(?:the\s+)?(?P<of>{modifier}))?"
        ),
        partial=re.compile(rf"\b(?P<title>{'|'.join(PARTIAL_TITLES)})\s+(?P<name>{NAME.pattern})"),
    )


def _name_span(match: re.Match) -> tuple[int, int] | None:
    start = match.start("name")
    length = name_length(match.group("name"))
    if length == 0 or not match.group("name")[:1].isupper():
        return None
    return start, start + length


@lru_cache(maxsize=8)
def _of_country(vocabulary: Vocabulary) -> re.Pattern:
    return re.compile(rf"\s+of\s+(?:the\s+)?(?P<place>{alternation(vocabulary.country_by_word, case_sensitive=True)})")


def _country_after(ctx: DocContext, end: int) -> str | None:
    """'Prime Minister Sonexay Siphandone of the Lao PDR' -> la."""
    found = _of_country(ctx.vocabulary).match(ctx.text[end:end + 60])
    return ctx.vocabulary.country_by_word[found.group("place")] if found else None


def _article_country(ctx: DocContext, title: str, exclude: set[str]) -> str | None:
    """The country the article mentions most that the title allows (not one another title in the sentence took)."""
    for country, _ in sorted(ctx.country_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if country not in exclude and ctx.vocabulary.role_for(title, country):
            return country
    return None


def _time(ctx: DocContext, start: int, end: int) -> tuple[str | None, str]:
    """A holder holds office at the article's date, unless marked "then" with a time in the sentence."""
    if THEN_BEFORE.search(ctx.text[max(0, start - 20):start]):
        time = ctx.nearest_time(start, end)
        if time:
            return time.value, f"“then” … “{time.phrase}”"
    return ctx.published_iso, "article date"


def _negated(ctx: DocContext, start: int, name_end: int, title_end: int) -> bool:
    before = ctx.text[max(0, start - 25):start]
    return bool(NEGATING_BEFORE.search(before) or NEGATING_AFTER.match(ctx.text[title_end:title_end + 12]))


def extract(ctx: DocContext) -> list[Draft]:
    vocab = ctx.vocabulary
    found = patterns(vocab)
    text = ctx.text
    drafts: list[Draft] = []
    known: list[tuple[str, str, str]] = []  # (full name, role, country) seen in this article

    def add(start: int, end: int, name: str, title: str, country: str | None, title_start: int) -> None:
        role = vocab.role_for(title, country)
        if role is None:
            return
        if country is None:
            country = (vocab.roles[role].countries or [None])[0]
        if country is None:
            return
        time, note = _time(ctx, start, end)
        acting = ACTING_BEFORE.search(text[max(0, title_start - 20):title_start])
        person = next((full for full, r, c in known if r == role and c == country and same_person(full, name)), name)
        known.append((person, role, country))
        drafts.append(Draft(KIND, f"office:{country}-{role}", name, start, end,
                            Qualifier.acting if acting else Qualifier.exact, time, "title", person, note))

    taken_countries: dict[int, set[str]] = {}
    titled = list(ctx.finditer(found.titled))
    titles_with_names = {m.start("title") for m in titled}
    # "Percy Spender, Australia's Minister ..." only where the title is not followed by a name of its own
    # ("in Washington, U.S. Secretary of State Antony Blinken" is a titled name, not an appositive).
    appositive = [
        m for m in ctx.finditer(found.appositive)
        if m.start("title") not in titles_with_names and m.group("name") not in vocab.country_by_word
    ]
    matches = sorted([("titled", m) for m in titled] + [("appositive", m) for m in appositive], key=lambda item: item[1].start())
    used: list[tuple[int, int]] = []
    pending = []
    for form, match in matches:
        name_span = _name_span(match)
        if name_span is None or any(s < match.end() and match.start() < e for s, e in used):
            continue
        if _negated(ctx, match.start(), name_span[1], match.end("title")):
            continue
        modifier = match.group("modifier")
        country = vocab.country_by_word.get(modifier) if modifier else None
        if country is None and form == "appositive" and match.group("of"):
            country = vocab.country_by_word[match.group("of")]
        if country is None and form == "titled":
            country = _country_after(ctx, name_span[1])
        end = name_span[1] if form == "titled" else match.end()
        if form == "appositive":
            end = match.end("of") if match.group("of") else match.end("title")
        used.append((match.start(), end))
        sentence = ctx.sentence_at(match.start())
        if country:
            taken_countries.setdefault(sentence[0], set()).add(country)
        pending.append((match.start(), end, text[name_span[0]:name_span[1]], match.group("title"), country, match.start("title"), sentence[0]))

    # Titles without a country of their own: the same person earlier, then the title's only country, then the article.
    for start, end, name, title, country, title_start, sentence_start in pending:
        if country is None:
            country = next((c for full, _, c in known if same_person(full, name) and vocab.role_for(title, c)), None)
        if country is None and vocab.role_for(title, None) is None:
            country = _article_country(ctx, title, taken_countries.get(sentence_start, set()))
        add(start, end, name, title, country, title_start)

    _partial_titles(ctx, found, known, used, add)
    _participants(ctx, known, drafts, add)
    return drafts


def _partial_titles(ctx: DocContext, found: Patterns, known, used, add) -> None:
    """'Minister Ahn' / 'Secretary Blinken': the office of the same person named in full earlier,
    else the one office of the article's meeting participants whose title ends that way."""
    vocab = ctx.vocabulary
    for match in ctx.finditer(found.partial):
        if any(s <= match.start() < e for s, e in used):
            continue
        name_span = _name_span(match)
        if name_span is None or _negated(ctx, match.start(), name_span[1], match.end("title")):
            continue
        name = ctx.text[name_span[0]:name_span[1]]
        if name.lower() in NOT_NAME_WORDS:
            continue
        title = match.group("title")
        same = [(r, c) for full, r, c in known if same_person(full, name)]
        candidates = same or [
            (role, country) for role, country in _participant_offices(ctx)
            if any(t.lower().endswith(title.lower()) or t.lower().startswith(title.lower()) for t in vocab.roles[role].titles)
        ]
        if len(set(candidates)) == 1:
            role, country = candidates[0]
            add(match.start(), name_span[1], name, vocab.roles[role].titles[0], country, match.start())


def _participant_offices(ctx: DocContext) -> list[tuple[str, str]]:
    """Offices whose holders meet in the series this article names (`participants` in rules/series.toml)."""
    offices = []
    lowered = ctx.text.lower()
    for key, series in sorted(ctx.vocabulary.series.items()):
        if any(name.lower() in lowered for name in series.names):
            for office in series.participants:
                for role in sorted(ctx.vocabulary.roles, key=len, reverse=True):
                    if office.endswith("-" + role):
                        offices.append((role, office[: -len(role) - 1]))
                        break
    return offices


PAIR_MEETING = re.compile(r"\b(?P<a>[A-Z][a-z]+)\s+and\s+(?P<b>[A-Z][a-z]+)\s+(?:met|held|hold|will\s+meet|meet)\b")


def _participants(ctx: DocContext, known, drafts: list[Draft], add) -> None:
    """'Austin and Lee met ... for the 54th SCM': two bare surnames are the series' two participants.
    One whose office the article gives elsewhere keeps it; the other takes the remaining one."""
    offices = _participant_offices(ctx)
    if len(offices) != 2:
        return
    vocab = ctx.vocabulary
    series_names = [n.lower() for s in vocab.series.values() if s.participants for n in s.names]
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
            add(start, start + len(name), name, vocab.roles[role].titles[0], country, start)
