"""The trie-shaped alternation matches exactly what the flat longest-first list matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules import load_rules
from checker.vocabulary import alternation, flat_alternation

VOCABULARY = load_rules().vocabulary
WORD_SETS = {
    "countries": (list(VOCABULARY.country_by_word), 0),
    "alliances": (list(VOCABULARY.alliance_names), re.I),
    "series": (list(VOCABULARY.series_by_name), re.I),
    "titles": (list(VOCABULARY.roles_by_title), re.I),
}


def flat(words) -> str:
    return rf"(?<![\w.-])(?:{flat_alternation(words)})(?![\w-]|\.\w)"


def pieces() -> list[str]:
    found = {" ", ", ", ".", "-", "'s", "\n", "x"}
    for words, _ in WORD_SETS.values():
        for word in words:
            found |= {word, word.upper(), word[: len(word) // 2], word[len(word) // 2:]}
    return sorted(found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(pieces()), max_size=40))
def test_trie_and_flat_list_find_the_same_words(parts):
    text = "".join(parts)
    for words, flags in WORD_SETS.values():
        trie = re.compile(alternation(words, case_sensitive=not flags), flags)
        plain = re.compile(flat(words), flags)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_words_differing_only_in_case_keep_the_flat_list():
    words = ["G7", "g7 summit"]
    assert alternation(words) == flat(words)
    text = "the G7 Summit"
    assert re.search(alternation(words), text, re.I).group(0) == "G7 Summit"
