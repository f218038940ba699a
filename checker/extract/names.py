"""Personal names as news writes them, and when two spellings are one person.

"Antony Blinken", "KISHIDA Fumio", "Ahn Gyu-back", 'Joko "Jokowi" Widodo',
"Lloyd J. Austin III", "Teodoro Locsin, Jr.". Name order varies (Japanese and
Korean names often come family name first), so identity compares token sets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from ..programs import compiled

# Capitalised words that follow a title but are no part of a name.
NOT_NAME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "the", "a", "an", "and", "or", "but", "of", "on",
    "in", "at", "to", "for", "with", "from", "by", "said", "says", "told", "has", "had", "was", "is", "will", "would",
    "who", "which", "that", "this", "his", "her", "their", "its", "he", "she", "they", "we", "it", "as", "also",
    "left", "right", "center", "centre", "office", "ministry", "department", "government", "administration", "today",
    "yesterday", "tomorrow", "tonight", "during", "after", "before", "while", "since", "last", "next", "met",
    "general", "secretary", "minister", "president", "chairman", "chair", "state", "defense", "defence", "foreign",
    "embassy", "consulate", "mission", "command", "forces", "council", "committee", "agency", "headquarters",
    "parliament", "congress", "senate", "cabinet",
}
# Month abbreviations are names too ("Dong Jun"); they are dates only before a period or a day ("Jun. 5", "Jun 5").
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# One name token: "Blinken", "KISHIDA", "Gyu-back", "O'Brien", "MaryKay", "McDonald", "J.", "Locsin,"; a quoted nickname.
# An all-capitals token starts where its capitals start (a match starting inside the run could
# only end where one from its start does), and a token has at most three hyphens: otherwise
# every start inside "AAAA..." or "Aa-Bb-Cc-..." scans to the end of the run (quadratic).
NAME_TOKEN = (
    r"(?:Jr\.|[A-Z][a-zà-öø-ÿ]+(?:[A-Z][a-zà-öø-ÿ]+)?(?:['’][A-Z][a-zà-öø-ÿ]+)?(?:-[A-Za-zà-öø-ÿ]+){0,3}"
    r"|(?<![A-Z])[A-Z]{2,}(?![a-z])|[A-Z]\.|\"[A-Z][a-z]+\"|“[A-Z][a-z]+”|Jr\.?|III|II|IV)"
)
# Name parts are separated by spaces, never by a line break: a headline's last word is no first name.
NAME = compiled(rf"{NAME_TOKEN}(?:(?:[^\S\r\n]+|,[^\S\r\n]+(?=Jr\b)){NAME_TOKEN}){{0,4}}")
# Ranks and honorifics that stand before a name and are no part of it.
RANKS = [
    "Lieutenant General", "Lt. Gen.", "Major General", "Maj. Gen.", "Brigadier General", "Brig. Gen.", "General",
    "Gen.", "Vice Admiral", "Rear Admiral", "Admiral", "Adm.", "Air Chief Marshal", "Air Marshal", "Field Marshal",
    "Marshal", "Colonel", "Col.", "Commodore", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Dr.", "Dr", "Sir", "Dame",
    "H.E.",
]
RANK = "(?:" + "|".join(re.escape(r) for r in sorted(RANKS, key=len, reverse=True)) + r")(?![\w-])"


def split_rank(raw: str) -> int:
    """How many leading characters of a run of capitalised words are ranks ('Lieutenant General Kevin B. Schneider' -> 19)."""
    end = 0
    while True:
        found = re.match(rf"{RANK}[^\S\r\n]+", raw[end:])
        if not found:
            return end
        end += found.end()


@lru_cache(maxsize=65536)  # the same few names are compared again and again in one article
def name_tokens(name: str) -> tuple[str, ...]:
    """The comparable parts of a name: casefolded, accents, nicknames, initials and suffixes dropped."""
    name = re.sub(r"[\"“][^\"”]*[\"”]", " ", name)
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    tokens = []
    for token in re.split(r"[\s,]+", name.casefold()):
        token = token.strip(".")
        if not token or token in SUFFIXES or len(token) == 1:
            continue
        tokens.append(token)
    return tuple(tokens)


@lru_cache(maxsize=65536)
def _letters(token: str) -> Counter:
    return Counter(token)


@lru_cache(maxsize=65536)  # given names and family names recur across the names compared
def _similar(a: str, b: str) -> bool:
    """Equal, or SequenceMatcher's ratio at least 0.8 for tokens of four letters or more.

    Two upper bounds of that ratio (difflib's real_quick_ratio and quick_ratio, worked out
    here without building a matcher) settle most pairs cheaply; names are compared pairwise.
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    length = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / length < 0.8:
        return False
    if 2.0 * sum((_letters(a) & _letters(b)).values()) / length < 0.8:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.8


@lru_cache(maxsize=65536)  # offices are settled by comparing every pair of names in an article
def same_person(a: str, b: str) -> bool:
    """'Lloyd J. Austin III' = 'Lloyd Austin' = 'Austin'; 'Ahn Gyu-back' = 'Ahn Gyu-baek'; 'KISHIDA Fumio' = 'Fumio Kishida'."""
    left, right = name_tokens(a), name_tokens(b)
    if not left or not right:
        return False
    shorter, longer = sorted((left, right), key=len)
    return all(any(_similar(s, l) for l in longer) for s in shorter)


def person_key(name: str) -> str:
    """A stable key for a name: its tokens, sorted, so name order does not matter."""
    return " ".join(sorted(name_tokens(name)))
