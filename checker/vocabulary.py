"""Vocabulary from rules/: countries, alliances, meeting series, forces, offices.

All of it is data; this module only validates it and compiles the matchers the
extractors share.
"""

from __future__ import annotations

import re
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from .programs import compiled


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Country(Strict):
    names: list[str]
    adjectives: list[str] = []
    organisation: bool = False


class Alliance(Strict):
    members: list[str] = []
    names: list[str] = []


class Series(Strict):
    names: list[str]
    short_names: list[str] = []
    per_year: int = Field(default=1, ge=1, le=12)
    unnumbered_years: list[int] = []
    participants: list[str] = []


class Force(Strict):
    country: str
    host: str
    names: list[str] = []


class Role(Strict):
    titles: list[str]
    countries: list[str] = []
    not_countries: list[str] = []
    # What the office is in charge of ("defense"): "his counterpart from China" holds the role
    # with the same portfolio there.
    portfolio: str = ""
    # Held once per host country (ambassadors, chargés d'affaires): the office key names the host.
    posted: bool = False
    # Held once per force (a commander): the title counts only next to a force's name.
    of_force: bool = False

    def allows(self, country: str | None) -> bool:
        if country is None:
            return len(self.countries) == 1
        if self.countries:
            return country in self.countries
        return country not in self.not_countries


def alternation(words, flags: str = "", case_sensitive: bool = False) -> str:
    """A regex alternation of literal words, longest first, bounded by non-word characters.

    The words are laid out as a trie ("Korea(?:n)?" rather than "Korean|Korea"),
    which `re` rejects at a position after one character instead of one per
    word; it matches what the flat longest-first list matches (see flat_alternation).
    Say `case_sensitive` when the pattern does not ignore case: words that differ
    only in case ("UK", "Ukraine") then still get the trie.
    """
    unique = sorted(set(words))
    if unique and "" not in unique and case_sensitive:
        return rf"(?:{_bounded_trie(unique)})(?![\w-]|\.\w)"
    body = trie(unique) if unique and not _case_variants(unique) else flat_alternation(unique)
    # Ignoring case, re cannot skip ahead to a first letter; the opening assertion, failing
    # inside every word, is then the cheaper first test.
    return rf"(?<![\w.-])(?:{body})(?![\w-]|\.\w)"


def _bounded_trie(words: list[str]) -> str:
    r"""The trie with the left boundary checked after each word's first character.

    `(?<![\w.-][\s\S])` just past the first character looks at the character
    before the word, as `(?<![\w.-])` in front of it would; but a pattern that
    opens with literal characters lets `re` skip in C to the places one of them
    occurs, where an opening assertion makes it try every position.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first in sorted(by_first):
        rest = by_first[first]
        branches.append(re.escape(first) + r"(?<![\w.-][\s\S])" + (trie(rest) if rest != [""] else ""))
    return "|".join(branches)


def flat_alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _case_variants(words: list[str]) -> bool:
    """Whether some word equals, or starts, another but for case: in a pattern that ignores case the
    trie would then try them in another order than the flat list, so the flat list is used."""
    lowered = sorted(w.lower() for w in words)
    exact = set(words)
    for a in words:
        for b in words:
            if a != b and b.lower().startswith(a.lower()) and not b.startswith(a):
                return True
    return len(set(lowered)) != len(exact)


def trie(words: list[str]) -> str:
    """A regex for a set of words: a shared start once, then the ways on; a longer way before stopping."""
    ends = "" in words
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first in sorted(by_first):
        rest = by_first[first]
        branches.append(re.escape(first) + (trie(rest) if rest != [""] else ""))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


class Vocabulary(Strict):
    countries: dict[str, Country] = {}
    alliances: dict[str, Alliance] = {}
    series: dict[str, Series] = {}
    forces: dict[str, Force] = {}
    roles: dict[str, Role] = {}

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,), defer_build=True)

    def __hash__(self) -> int:
        # Identity hash, so extractors can cache patterns compiled from one vocabulary.
        return id(self)

    # --- countries -------------------------------------------------------
    @cached_property
    def country_by_word(self) -> dict[str, str]:
        table = {}
        for key in sorted(self.countries):
            for word in self.countries[key].names + self.countries[key].adjectives:
                table.setdefault(word, key)
        return table

    @cached_property
    def country_names(self) -> set[str]:
        """The words that name a country as a place ("Manila", "Japan"), not only modify a title ("Japanese")."""
        return {name for country in self.countries.values() for name in country.names}

    @cached_property
    def country_pattern(self) -> re.Pattern:
        return compiled(alternation(self.country_by_word, case_sensitive=True))

    def countries_in(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), self.country_by_word[m.group(0)]) for m in self.country_pattern.finditer(text)]

    # --- alliances -------------------------------------------------------
    @cached_property
    def alliance_names(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for key in sorted(self.alliances):
            for name in self.alliances[key].names:
                table.setdefault(name.lower(), []).append(key)
        return table

    @cached_property
    def alliance_pattern(self) -> re.Pattern:
        return compiled(alternation(self.alliance_names), re.I)

    # --- series ----------------------------------------------------------
    @cached_property
    def series_by_name(self) -> dict[str, str]:
        return {name.lower(): key for key in sorted(self.series) for name in self.series[key].names}

    @cached_property
    def series_by_short_name(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for key in sorted(self.series):
            for name in self.series[key].short_names:
                table.setdefault(name.lower(), []).append(key)
        return table

    # --- forces ----------------------------------------------------------
    @cached_property
    def force_by_name(self) -> dict[str, str]:
        return {name: key for key in sorted(self.forces) for name in self.forces[key].names}

    # --- offices ---------------------------------------------------------
    @cached_property
    def roles_by_title(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for key in sorted(self.roles):
            for title in self.roles[key].titles:
                table.setdefault(title.lower(), []).append(key)
        return table

    def roles_with_portfolio(self, portfolio: str) -> list[str]:
        return sorted(key for key, role in self.roles.items() if portfolio and role.portfolio == portfolio)

    def role_for(self, title: str, country: str | None) -> str | None:
        """The role a title names for a country, e.g. ('Defense Secretary', 'ph') -> 'defense-secretary'."""
        candidates = self.roles_by_title.get(title.lower(), [])
        for key in candidates:
            if country is not None and self.roles[key].allows(country):
                return key
        if country is None:
            unambiguous = [key for key in candidates if self.roles[key].allows(None)]
            if len(unambiguous) == 1:
                return unambiguous[0]
        return None
