"""Which office a mention names: its role and country (or host, or force), decided across the whole article.

In order: the mention's own words ("Japanese Defence Minister", "Prime Minister X of the Lao PDR", "Charge
d'Affaires of the U.S. Embassy in Japan", "Commander, U.S. Forces Japan"); the country of a person whose title it
is ("Putin's foreign policy adviser"); the same person named with a country elsewhere in the article; the only
country the title belongs to; else the country the article is most about among those the title allows, adding
for each of the article's other office holders (and an envoy's host) as many points as the article names them
(one when that holder's country is itself a guess)
(two more when listed with it, "Secretary X, Secretary Y and President Z"; two fewer when named with a country
in the same sentence but not in its list, "President Z welcomed Indian Prime Minister Y") and one for the place
the story happens in, and leaving out an office another person in the article holds ("Ukrainian President Zelensky" keeps "President Joe Biden" from being Ukraine's). "his counterpart
from China" holds, in China, the portfolio of the person named just before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..programs import compiled
from .context import DocContext
from .names import SUFFIXES, same_person
from .office_forms import Mention


@dataclass
class Holder:
    mention: Mention
    name: str
    role: str
    country: str
    office: str   # "jp-defense-minister", "us-ambassador-ph", "us-japan-commander"
    person: str = ""  # the fullest spelling of the same person in the article


def _role(ctx: DocContext, mention: Mention, country: str | None) -> str | None:
    role = ctx.vocabulary.role_for(mention.title, country)
    if role and ctx.vocabulary.roles[role].of_force and mention.force is None:
        return None
    return role


def _own_country(ctx: DocContext, mention: Mention) -> str | None:
    if mention.country:
        return mention.country
    if mention.force:
        return ctx.vocabulary.forces[mention.force].country
    if mention.host and _role(ctx, mention, mention.host) and not _posted(ctx, _role(ctx, mention, mention.host)):
        return mention.host  # "Prime Minister in Japan X": for an unposted role the place is the country
    return None


def _posted(ctx: DocContext, role: str) -> bool:
    return ctx.vocabulary.roles[role].posted


def _office(ctx: DocContext, mention: Mention, role: str, country: str) -> str | None:
    spec = ctx.vocabulary.roles[role]
    if spec.of_force:
        return f"{mention.force}-{role}"
    if spec.posted:
        host = mention.host or _host(ctx, mention, country)
        return f"{country}-{role}-{host}" if host else None
    return f"{country}-{role}"


def _host(ctx: DocContext, mention: Mention, country: str) -> str | None:
    """Where an envoy without a 'to X' serves: the other country of the sentence, else of the article."""
    start, end = ctx.sentence_at(mention.start)
    in_sentence = [key for _, _, key in ctx.vocabulary.countries_in(ctx.text[start:end]) if key != country]
    if in_sentence:
        return Counter(in_sentence).most_common(1)[0][0]
    ranked = sorted((c for c in ctx.country_counts if c != country), key=lambda c: (-ctx.country_counts[c], c))
    return ranked[0] if ranked else None


def resolve_offices(ctx: DocContext, mentions: list[Mention]) -> list[Holder]:
    if not mentions:
        return []  # most articles: no need to weigh the article's countries at all
    text = ctx.text
    names = [text[m.name_start:m.name_end] for m in mentions]
    decided: dict[int, tuple[str, str]] = {}  # mention index -> (role, country)

    def settle(index: int, country: str | None) -> None:
        role = _role(ctx, mentions[index], country) if country else None
        if role:
            decided[index] = (role, country)

    titled = [i for i, m in enumerate(mentions) if m.title]
    for i in titled:
        settle(i, _own_country(ctx, mentions[i]))
        if i in decided and _posted(ctx, decided[i][0]) and mentions[i].host is None:
            mentions[i].host = _host(ctx, mentions[i], decided[i][1])
    explicit = dict(decided)
    for i in titled:
        if i in decided:
            continue
        owner = mentions[i].owner
        if owner:
            settle(i, next((c for j, (_, c) in explicit.items() if same_person(names[j], owner)), None))
        if i not in decided:
            settle(i, _same_person_country(ctx, mentions, names, i, explicit))
        if i not in decided:
            role = ctx.vocabulary.role_for(mentions[i].title, None)
            if role and ctx.vocabulary.roles[role].countries:
                settle(i, ctx.vocabulary.roles[role].countries[0])
    # Twice: the second round sees every other holder the first one decided, later ones included.
    guessed = [i for i in titled if i not in decided]
    article = ArticleFacts(ctx, mentions) if guessed else None
    for _ in range(2 if guessed else 0):
        for i in guessed:
            decided.pop(i, None)
            same = _same_person_country(ctx, mentions, names, i, decided)
            settle(i, same or _likeliest_country(article, names, i, explicit, decided))
    for i, mention in enumerate(mentions):
        if mention.form == "counterpart":
            found = _counterpart(ctx, mentions, i, decided)
            if found:
                decided[i] = found
    holders = []
    for i in sorted(decided):
        role, country = decided[i]
        office = _office(ctx, mentions[i], role, country)
        if office:
            holders.append(Holder(mentions[i], names[i], role, country, office))
    _name_people(holders)
    return holders


def _same_person_country(ctx: DocContext, mentions, names, index: int, settled: dict[int, tuple[str, str]]) -> str | None:
    """The country of the first settled mention of the same person whose country the title allows."""
    return next((c for j, (_, c) in settled.items() if same_person(names[j], names[index]) and _role(ctx, mentions[index], c)), None)


def _name_people(holders: list[Holder]) -> None:
    """Each holder's fullest spelling among the holders of the same office who are the same person.

    Compared once per distinct name of an office, not once per pair of holders: an article naming
    one minister thousands of times must not cost millions of comparisons.
    """
    names_by_office: dict[str, dict[str, None]] = {}
    for holder in holders:
        names_by_office.setdefault(holder.office, {})[holder.name] = None
    fullest: dict[tuple[str, str], str] = {}
    for holder in holders:
        key = (holder.office, holder.name)
        if key not in fullest:
            same = [n for n in names_by_office[holder.office] if same_person(n, holder.name)]
            fullest[key] = max(same, key=lambda n: (len(n.split()), len(n)))
        holder.person = fullest[key]


class ArticleFacts:
    """What every guess about one article's offices asks again: mentions in text order, how often
    the article names a person. Worked out once, so guessing stays cheap with many mentions."""

    def __init__(self, ctx: DocContext, mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self.position = {index: at for at, index in enumerate(self.order)}
        self._prominence: dict[str, int] = {}
        self.lead_location = lead_location(ctx)

    def prominence(self, name: str) -> int:
        if name not in self._prominence:
            self._prominence[name] = _prominence(self.ctx, name)
        return self._prominence[name]


def _likeliest_country(article: ArticleFacts, names, index: int, explicit, decided) -> str | None:
    """The country the article is most about among those the title allows (see the module docstring)."""
    ctx, mentions = article.ctx, article.mentions
    mention, name = mentions[index], names[index]
    sentence = ctx.sentence_at(mention.start)
    listed = _list_of(article, index)
    taken = set()
    evidence: Counter = Counter()
    for j, (role, country) in decided.items():
        if same_person(names[j], name):
            continue
        # A holder whose country is itself a guess counts once, so that guesses do not feed on each other.
        weight = article.prominence(names[j]) if j in explicit else 1
        evidence[country] += weight
        if mentions[j].host:
            evidence[mentions[j].host] += weight  # an envoy's host country is as much part of the story
        if j in listed:
            evidence[country] += 2  # "Secretary X, Secretary Y and President Z": one delegation
        elif j in explicit and ctx.sentence_at(mentions[j].start) == sentence:
            evidence[country] -= 2  # "President Z welcomed Indian Prime Minister Y": the qualified one is foreign
        # A "then" holder held the office at another time than the article's holders.
        if mentions[j].then == mention.then and (j in explicit or ctx.sentence_at(mentions[j].start) == sentence):
            taken.add((role, country))
    where = article.lead_location
    scores = Counter()
    for country in set(ctx.country_counts) | set(evidence):
        role = _role(ctx, mention, country)
        if role is None or (role, country) in taken:
            continue
        scores[country] = ctx.country_counts[country] + evidence[country] + (country == where)
    if not scores:
        return None
    # Ties go to a country the sentence itself names.
    in_sentence = Counter(key for _, _, key in ctx.vocabulary.countries_in(ctx.text[sentence[0]:sentence[1]]))
    return max(sorted(scores), key=lambda c: (scores[c], in_sentence[c]))


LIST_GAP = compiled(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _list_of(article: ArticleFacts, index: int) -> set[int]:
    """The mentions joined to this one by commas and "and" alone: one list of names."""
    ctx, mentions, order = article.ctx, article.mentions, article.order
    position = article.position[index]
    members = set()
    for step in (-1, 1):
        at = position
        while 0 <= at + step < len(order):
            a, b = sorted((order[at], order[at + step]), key=lambda i: mentions[i].start)
            if not LIST_GAP.fullmatch(ctx.text, mentions[a].end, mentions[b].start):
                break
            at += step
            members.add(order[at])
    return members


def _prominence(ctx: DocContext, name: str) -> int:
    """How often the article names a person: the most frequent part of the name, as a whole word."""
    counts = [
        len(re.findall(rf"\b{re.escape(token)}\b", ctx.text, re.I))
        for token in name.replace(",", " ").split() if len(token) >= 3 and token.rstrip(".").lower() not in SUFFIXES
    ]
    return max(counts, default=1)


def lead_location(ctx: DocContext) -> str | None:
    """Where the article's story happens: the first country (or its capital, city) named after "in" or "at"
    in the lead, the first paragraph below the headline."""
    line_break = re.search(r"[\r\n]", ctx.text)
    if line_break is None:
        return None
    headline_end = line_break.start()
    lead = re.search(r"\S[^\r\n]*", ctx.text[headline_end:])
    if lead is None:
        return None
    start = headline_end + lead.start()
    for at, end, country in ctx.vocabulary.countries_in(ctx.text[start:start + len(lead.group(0))]):
        if ctx.text[start + at:start + end] in ctx.vocabulary.country_names and re.search(
                r"\b(?:in|at)\s+(?:the\s+)?$", ctx.text[max(0, start + at - 8):start + at]):
            return country
    return None


def _counterpart(ctx: DocContext, mentions, index: int, decided) -> tuple[str, str] | None:
    """'He will meet his counterpart from China': the role with the same portfolio as the last office
    holder named in this or the previous sentence, in the country named."""
    mention = mentions[index]
    window_start = (ctx.previous_sentence(mention.start) or ctx.sentence_at(mention.start))[0]
    before = [j for j in decided if window_start <= mentions[j].start < mention.start]
    if not before or mention.country is None:
        return None
    portfolio = ctx.vocabulary.roles[decided[max(before, key=lambda j: mentions[j].start)][0]].portfolio
    for role in ctx.vocabulary.roles_with_portfolio(portfolio):
        if ctx.vocabulary.roles[role].allows(mention.country):
            return role, mention.country
    return None
