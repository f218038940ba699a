"""Deciding whether two written person names can be the same office holder.

Articles write one person many ways: family name first or last ("KISHIDA Fumio" / "Fumio Kishida"),
with initials and suffixes ("Lloyd J. Austin III"), with a nickname inside ('Joko "Jokowi" Widodo'),
with romanisation variants ("Ahn Gyu-back" / "Ahn Gyu-baek"), or by surname alone ("Secretary Blinken").
The benchmark only needs a lenient same-person test, so it compares normalised name tokens.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

# A nickname in quotes or brackets inside a name: 'Joko "Jokowi" Widodo', "Joko (Jokowi) Widodo".
NICKNAME = re.compile(r"""(?:^|\s)(?:"[^"]*"|“[^”]*”|‘[^’]*’|'[^']*'|\([^)]*\))(?=\s|$)""")
# Hyphens and apostrophes join the parts of one name ("Gyu-baek", "O'Brien"); other punctuation separates.
JOINERS = re.compile(r"[-‐‑–'’]")
SEPARATORS = re.compile(r"[^\w\s]|_")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

SHARED_TOKEN_MIN = 3  # "Li" (Li Qiang, Li Shangfu) is too common to identify anyone
NEAR_TOKEN_MIN = 4
NEAR_RATIO = 0.8


def name_tokens(name: str) -> list[str]:
    """Casefolded, accent-free name parts without nicknames, suffixes or initials."""
    text = NICKNAME.sub(" ", name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = SEPARATORS.sub(" ", JOINERS.sub("", text))
    return [tok for tok in text.split() if len(tok) > 1 and tok not in SUFFIXES]


def tokens_match(a: str, b: str) -> bool:
    if a == b:
        return len(a) >= SHARED_TOKEN_MIN
    if min(len(a), len(b)) < NEAR_TOKEN_MIN:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= NEAR_RATIO


def names_match(a: str, b: str) -> bool:
    """True when the two names share a name token, exactly or up to a small spelling difference.

    Lenient on purpose: it does not know which token is the family name, so two people who share
    a given name ("Mark Rutte", "Mark Esper") also match.
    """
    return any(tokens_match(x, y) for x in name_tokens(a) for y in name_tokens(b))


def person_id_matches(person_id: str, name: str) -> bool:
    """Whether a written name fits gold's canonical person id ("stoltenberg", "li_qiang", "marcos_jr").

    Every part of the id must appear among the name's tokens (exactly, or near for long parts), so
    "Mark Esper" does not pass for "rutte" and "Li Shangfu" does not pass for "li_qiang".
    """
    tokens = name_tokens(name)
    parts = [p for p in person_id.casefold().split("_") if p not in SUFFIXES]
    return bool(parts) and all(
        any(part == tok or (min(len(part), len(tok)) >= NEAR_TOKEN_MIN and tokens_match(part, tok)) for tok in tokens)
        for part in parts
    )
