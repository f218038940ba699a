"""The forms in which news names a person together with an office: where, which title, which words around it.

titled       [country/owner's] TITLE [post] [rank] NAME   "U.S. Secretary of State Antony Blinken", "then-Prime Minister
                                                          Shinzo Abe", "US Ambassador to the Philippines MaryKay Carlson"
appositive   [rank] NAME, [the] [country's] TITLE [post]  "Kihara Minoru, Japan's defense minister", "Lieutenant General
                                                          Kevin B. Schneider, Commander, U.S. Forces Japan"
title_comma  the TITLE, [rank] NAME                       "The chief of the Australian Defence Force, General Angus Campbell,"
counterpart  his counterpart from COUNTRY, [rank] NAME    "his counterpart from China, Admiral Dong Jun"

A title, its modifiers and the name never cross a line break: a headline's last word is no country for the
title that opens the next line. Which office a mention names is decided later (office_country.py).
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass
from functools import lru_cache

from ..programs import compiled
from ..scan import fold
from ..vocabulary import Vocabulary, alternation, trie
from .context import TakenSpans
from .names import MONTH_ABBREVIATIONS, NAME, NOT_NAME_WORDS, RANK, split_rank

SP = r"[^\S\r\n]+"  # spaces, but no line break (LF, CRLF or a lone CR)
NEGATING_BEFORE = compiled(r"\b(?:former|ex|late|next|incoming|future|would-be|then-candidate|outgoing\s+and\s+next|a\s+former)[\s-]+(?:\w+\s+){0,2}$", re.I)
# "then-Prime Minister", "organised by then president": a past holder. "and then President X spoke" is a sequence.
THEN_BEFORE = compiled(
    r"(?:\bthen-|\b(?:by|with|of|the|to|from|between|under|as|for|when|while|was|were|is)\s+then\s+)(?:[\w.]+\s+){0,2}$", re.I
)
ACTING_BEFORE = compiled(r"\b(?:acting|interim)\s+(?:\w+\s+){0,2}$", re.I)
NEGATING_AFTER = compiled(r"^[\s-]*(?:-?elect|designate|nominee|candidate)\b", re.I)
# After an appositive title, "and the Prime Minister of ..." makes it a list of attendees, not an apposition.
LIST_AFTER = compiled(r",?\s+and\s+the\s+[A-Z]")
# Words that may follow the name in "the TITLE, NAME ..." so that the name is the title's holder.
HOLDER_FOLLOWS = rf"(?=[^\S\r\n]*[,.;:]|{SP}(?:said|says|told|who|has|had|was|is|will|would|added|met|led)\b)"


@dataclass
class Mention:
    """One office-holder mention before its office is decided."""

    form: str
    start: int                # the claim's span
    end: int
    name_start: int
    name_end: int
    title: str                # "" for a counterpart: the office comes from the person referred to
    title_start: int
    country: str | None = None  # named by the mention's own words
    owner: str | None = None    # "Putin's foreign policy adviser": a person whose country the title takes
    host: str | None = None     # posted roles: "Ambassador to the Philippines", "Embassy in Japan"
    force: str | None = None    # "Commander, U.S. Forces Japan"
    acting: bool = False
    then: bool = False
    ranked: bool = False        # a rank or honorific stands before the name


def title_alternation(titles) -> str:
    """Titles in any case, also right after "then-" ("then-Prime Minister"); as a trie, which `re`
    rejects after a letter or two where it would try each title of a flat list."""
    return rf"(?:(?<=\bthen-)|(?<![\w.-]))(?i:{trie(sorted({t.lower() for t in titles}))})(?![\w-]|\.\w)"


def starts(vocabulary: Vocabulary) -> dict[str, str]:
    """A look at the characters each form can start with, which spares `re` trying every country, rank,
    name and title at most positions of a line. Written here rather than worked out by checker/scan/first.py,
    which would parse these long patterns a second time on every run (tests/test_scan.py checks they change no match)."""
    countries = "".join(sorted({word[0] for word in vocabulary.country_by_word} - set(string.ascii_uppercase)))
    title_letters = "".join(sorted({title[0].lower() for title in vocabulary.roles_by_title}))
    return {
        # a country word as written, an owner's capital, or a title's first letter in any case where a title
        # can start (title_alternation: after no letter, digit or period; "then-" ends in a hyphen), which
        # turns away the middle of most words: a fifth of the time on lines full of titles
        "titled": rf"(?=[A-Z{re.escape(countries)}]|(?<![\w.])(?i:[{re.escape(title_letters)}]))",
        "appositive": r'(?=[A-Z"“])',  # a rank or a name (names.RANK, names.NAME_TOKEN)
        "title_comma": r"(?=[A-Zt])",  # "The", "the", or an owner's capital
        "counterpart": r"(?=[ht])",  # his, her, their
    }


@dataclass(frozen=True)
class Patterns:
    titled: re.Pattern
    appositive: re.Pattern
    title_comma: re.Pattern
    counterpart: re.Pattern
    name_after: re.Pattern


@lru_cache(maxsize=8)
def patterns(vocabulary: Vocabulary) -> Patterns:
    titles = title_alternation(vocabulary.roles_by_title)
    country = alternation(vocabulary.country_by_word)
    force = alternation(vocabulary.force_by_name) if vocabulary.force_by_name else "(?!)"
    modifier = (
        rf"(?:(?:(?P<modifier>{country})(?:['’]s)?|(?P<owner>[A-Z][a-z]+)['’]s){SP}(?:Embassy{SP})?)?"
    )
    after = (
        rf"(?P<interim>{SP}ad{SP}interim)?"
        rf"(?:,?{SP}(?:of{SP})?(?:the{SP})?(?P<force>{force}))?"
        rf"(?:{SP}(?P<prep>of|to|in){SP}(?:the{SP})?"
        rf"(?:(?P<sender>{country}){SP}Embassy{SP}(?:in|to){SP}(?:the{SP})?(?P<post>{country})|(?P<place>{country})))?"
    )
    ranked_name = rf"(?:(?P<rank>{RANK}){SP})?(?P<name>{NAME.pattern})"
    start = starts(vocabulary)
    return Patterns(
        titled=compiled(rf"{start['titled']}{modifier}(?P<title>{titles}){after}{SP}{ranked_name}"),
        appositive=compiled(rf"{start['appositive']}{ranked_name},{SP}(?:(?:the|a|an){SP})?{modifier}(?P<title>{titles}){after}"),
        title_comma=compiled(
            rf"{start['title_comma']}(?<![\w'’])(?:[Tt]he{SP}(?={titles})|(?=[A-Z][\w.]*['’]s{SP})){modifier}(?P<title>{titles}){after},{SP}{ranked_name}{HOLDER_FOLLOWS}"
        ),
        counterpart=compiled(
            rf"{start['counterpart']}\b(?:his|her|their){SP}counterparts?{SP}(?:from|of|in){SP}(?:the{SP})?(?P<place>{country}),{SP}{ranked_name}"
        ),
        name_after=compiled(rf"{SP}of{SP}(?:the{SP})?(?P<place>{country})"),
    )


@dataclass(frozen=True)
class Keyword:
    """A title (or "counterpart") lower-cased, as lines_with looks for it."""

    text: str  # ASCII: `checker.scan.fold` lower-cases ASCII letters only, so "chargé" is cut to "charg"
    cut: bool  # cut before a letter outside ASCII, which must then follow it
    anchor_at: int  # where its longest word, by which it is found, starts in it


@lru_cache(maxsize=8)
def keywords(vocabulary: Vocabulary) -> dict[str, tuple[Keyword, ...]]:
    """One of these stands as words in every match of the four forms: each title and "counterpart" (a title
    that holds a shorter one as words adds no line), grouped by their longest word, or by the start such
    words share: a `str.find` for each, not for each title, and each place it occurs is checked against
    its titles."""
    words = {t.lower() for t in vocabulary.roles_by_title} | {"counterpart"}
    kept = {w for w in words if not any(o != w and re.search(rf"(?<!\w){re.escape(o)}(?!\w)", w) for o in words)}
    parts = {word: re.match(r"[\x00-\x7f]*", word).group(0) for word in kept}
    words_of = {word: set(re.findall(r"[a-z]+", part)) for word, part in parts.items() if part}
    # Anchors are the titles' longest words, the rarest; a title that holds another's as a word is found by
    # it too ("external affairs minister" by "minister"), so that as few words as cover every title are
    # looked for: each is a `str.find` over the whole text. Picked greedily, the word most titles hold first.
    candidates = sorted({max(sorted(held), key=len) for held in words_of.values()})
    uncovered = set(words_of)
    found: dict[str, set[Keyword]] = {}
    while uncovered:
        holders = {w: {word for word in uncovered if w in words_of[word]} for w in candidates}
        anchor = max(candidates, key=lambda w: (len(holders[w]), len(w)))
        for word in holders[anchor]:
            found.setdefault(anchor, set()).add(Keyword(parts[word], parts[word] != word, parts[word].index(anchor)))
        uncovered -= holders[anchor]
    found = _by_shared_starts(found)
    return {anchor: tuple(sorted(found[anchor], key=lambda k: (k.text, k.cut))) for anchor in sorted(found)}


# Anchors that start alike ("spokesman", "spokesperson", "spokeswoman"; "charg", "charge") are looked
# for once, by the start they share: each `str.find` reads the whole text, and a start this long is
# still rare in prose. A place of the start is a place of none, one or more of the anchors, and every
# title is checked where its anchor would stand, so the lines found are the same.
SHARED_START = 5


def _by_shared_starts(found: dict[str, set[Keyword]]) -> dict[str, set[Keyword]]:
    merged: dict[str, set[Keyword]] = {}
    for anchor in sorted(found):
        last = next(reversed(merged), None)
        shared = os.path.commonprefix([last, anchor]) if last is not None else ""
        if len(shared) >= SHARED_START:
            merged[shared] = merged.pop(last) | found[anchor]
        else:
            merged[anchor] = set(found[anchor])
    return merged


def clean_name(text: str, start: int, raw: str, from_end: bool) -> tuple[int, int, bool] | None:
    """The name inside a run of capitalised words: ranks dropped from its front, and cut at the first
    word that is no name ('Yesterday Kevin Smith' read from the end is 'Kevin Smith')."""
    rank = split_rank(raw)
    start, raw = start + rank, raw[rank:]
    tokens = list(re.finditer(r"\S+", raw))
    is_name = [_is_name_word(text, start + t.end(), t.group(0).strip(",").lower()) for t in tokens]
    if from_end:
        first = len(tokens)
        while first > 0 and is_name[first - 1]:
            first -= 1
        kept = tokens[first:]
    else:
        count = next((i for i, ok in enumerate(is_name) if not ok), len(tokens))
        kept = tokens[:count]
    if not kept or not kept[0].group(0)[:1].isupper():
        return None
    name_start = start + kept[0].start()
    name_end = start + kept[-1].end() - (1 if kept[-1].group(0).endswith(",") else 0)
    return name_start, name_end, rank > 0


def _is_name_word(text: str, end: int, word: str) -> bool:
    if word in MONTH_ABBREVIATIONS:
        return not re.match(r"\.|\s*\d", text[end:end + 3])
    return word not in NOT_NAME_WORDS


def _country(vocabulary: Vocabulary, word: str | None) -> str | None:
    return vocabulary.country_by_word.get(word) if word else None


def _mention(text: str, vocabulary: Vocabulary, form: str, match: re.Match, found: Patterns) -> Mention | None:
    groups = match.groupdict()
    name = clean_name(text, match.start("name"), match.group("name"), from_end=form == "appositive")
    if name is None:
        return None
    name_start, name_end, ranked = name
    title_start = match.start("title") if groups.get("title") else match.start()
    before = text[max(0, match.start() - 25):match.start()]
    title_end = match.end("title") if groups.get("title") else match.end()
    if NEGATING_BEFORE.search(before) or NEGATING_AFTER.match(text[title_end:title_end + 12]):
        return None
    mention = Mention(
        form=form, start=match.start(), end=match.end(), name_start=name_start, name_end=name_end,
        title=groups.get("title") or "", title_start=title_start, ranked=ranked or bool(groups.get("rank")),
        country=_country(vocabulary, groups.get("modifier")), owner=groups.get("owner"),
        force=vocabulary.force_by_name.get(groups.get("force") or ""),
        acting=bool(groups.get("interim")) or bool(ACTING_BEFORE.search(text[max(0, title_start - 20):title_start])),
        then=bool(THEN_BEFORE.search(text[max(0, title_start - 20):title_start])),
    )
    if groups.get("sender"):
        mention.country, mention.host = _country(vocabulary, groups["sender"]), _country(vocabulary, groups["post"])
    elif groups.get("place"):
        place = _country(vocabulary, groups["place"])
        if form == "counterpart" or groups.get("prep") == "of":
            mention.country = mention.country or place
        else:
            mention.host = place  # "Ambassador to the Philippines"; read as the country for unposted roles
    if form in ("titled", "title_comma", "counterpart"):
        mention.end = name_end
        after = found.name_after.match(text, name_end)
        if after and mention.country is None:
            mention.country = _country(vocabulary, after.group("place"))
    elif form == "appositive":
        mention.start = match.start("rank") if groups.get("rank") else name_start
    return mention


def lines_with(text: str, folded: str, words: dict[str, tuple[Keyword, ...]]) -> list[tuple[int, int]]:
    """The lines (start, end, without the line break) where one of `words` (see keywords) stands as words
    in `folded`, the text lower-cased by checker.scan.fold (same length); in order."""
    found = {}
    for anchor, titles in words.items():
        at = folded.find(anchor)
        while at != -1:
            # Most places are inside other words ("international", "spokesperson"): a loop that asks
            # `startswith` before calling _stands_at turns them away without a call per title.
            for title in titles:
                begin = at - title.anchor_at
                if begin >= 0 and folded.startswith(title.text, begin) and _stands_at(folded, title, begin):
                    break
            else:
                at = folded.find(anchor, at + 1)
                continue
            start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
            found[start] = end = min((e for e in (text.find("\n", at), text.find("\r", at)) if e != -1),
                                     default=len(text))
            at = folded.find(anchor, end)
    return sorted(found.items())


def _stands_at(folded: str, title: Keyword, begin: int) -> bool:
    """Whether `title` is in `folded` at `begin` as words (a cut one followed by a letter outside ASCII)."""
    if begin < 0 or not folded.startswith(title.text, begin) or _word_character(folded[begin - 1:begin]):
        return False
    after = folded[begin + len(title.text):begin + len(title.text) + 1]
    return after > "\x7f" if title.cut else not _word_character(after)


def _word_character(char: str) -> bool:
    """What `\\w` matches (a title's bounds exclude it on both sides)."""
    return char.isalnum() or char == "_"


def find_mentions(text: str, vocabulary: Vocabulary, folded: str | None = None) -> list[Mention]:
    """Every office-holder mention, leftmost first; a mention that overlaps an earlier one is dropped.
    `folded` is the text lower-cased by checker.scan.fold, if the caller has it."""
    # No form crosses a line break, so each runs over the lines that hold a title word only: the same
    # matches as over the whole text (lookbehinds still see the text before a line), at a fraction of the cost.
    lines = lines_with(text, fold(text) if folded is None else folded, keywords(vocabulary))
    if not lines:
        return []  # and the long patterns need not even be compiled (a re-run that extracts one article)
    found = patterns(vocabulary)

    def finditer(pattern: re.Pattern) -> list[re.Match]:
        return [match for start, end in lines for match in pattern.finditer(text, start, end)]

    titled = finditer(found.titled)
    titles_with_names = {
        m.start("title") for m in titled if clean_name(text, m.start("name"), m.group("name"), from_end=False)
    }
    candidates = [("titled", m) for m in titled]
    for match in finditer(found.appositive):
        # "in Washington, U.S. Secretary of State Antony Blinken" is a titled name, not an appositive.
        if match.start("title") in titles_with_names or LIST_AFTER.match(text, match.end()):
            continue
        candidates.append(("appositive", match))
    candidates += [("title_comma", m) for m in finditer(found.title_comma)]
    candidates += [("counterpart", m) for m in finditer(found.counterpart)]
    mentions: list[Mention] = []
    taken = TakenSpans()  # the kept mentions' spans, which never overlap
    for form, match in sorted(candidates, key=lambda item: (item[1].start(), item[0])):
        mention = _mention(text, vocabulary, form, match, found)
        if mention is None or taken.overlaps(mention.start, mention.end):
            continue
        if not _looks_like_a_person(text, vocabulary, mention):
            continue
        mentions.append(mention)
        taken.add(mention.start, mention.end)
    return mentions


def _looks_like_a_person(text: str, vocabulary: Vocabulary, mention: Mention) -> bool:
    """A country is never the holder; an appositive names a person in full ('Percy Spender, ...') or with a
    rank ('Admiral Bauer, ...'): a single word ('Myanmar, the Secretary-General of ASEAN ...') is too weak a sign."""
    name = text[mention.name_start:mention.name_end]
    if name in vocabulary.country_by_word:
        return False
    return mention.form != "appositive" or mention.ranked or len(name.split()) >= 2
