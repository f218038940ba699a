"""A regex's matches in a long text, found without trying the regex at every position.

Python's `re` tries a pattern such as `\\b(?:first|second|...|\\d+th)[- ]anniversary`
at every position of the text: about a millisecond per pattern over a 5 KB
article, and the extractors have a dozen. Most patterns contain a *required
word* ("anniversary", a series name, an office title) that `str.find` locates
in microseconds. `Text.finditer` looks for the word first and tries the
pattern only just before each place it occurs.

It yields exactly the matches of `pattern.finditer(text)`:
- The word is read from the pattern's parse tree: literal text (or an
  alternation of literal texts) that every match contains, starting at most
  `reach` characters after the match's start. So no match starts more than
  `reach` before the first place of the word at or after the scan position.
- `reach` adds up the pattern's bounded parts and, for each unbounded repeat
  such as `\\s+`, the longest run of whitespace (or of other characters) in
  the text: a repeat can consume no more than one such run. A pattern with an
  unbounded part that spans both kinds gets no bound and runs the plain way.
- Near a place, the pattern's *head* (its parts up to the one holding the word)
  is searched first: every match of the pattern begins with a match of its head.
  The head is searched with an `endpos` past which none of its attempts that
  matter can read, and each head match is confirmed by matching the whole
  pattern on the whole text.
- A word that opens every match (its reach is 0: a series name, "Since")
  needs no head search: the pattern is matched at each of its places.
- A pattern with a part made of digits ("28,500 troops", "the 1953 treaty")
  has a digit at most that part's reach after its start: no head search starts
  before the next digit less that reach, and none is needed where no digit is
  near. Digits are found by `str.find`, one digit at a time (digits.py).
"""

from .bounds import EXOTIC_CASES, SPACE_RUN, TOKEN_RUN, Unbounded, Width, fold, longest_runs, lookahead, width
from .text import _TUNERS, ANALYSE_AFTER, Text, Tuner, _near_places, tuner_of
from .words import STRIDE, Shape, Word, required_words, shape

__all__ = ["EXOTIC_CASES", "SPACE_RUN", "TOKEN_RUN", "Unbounded", "Width", "fold", "longest_runs", "lookahead", "width",
           "_TUNERS", "ANALYSE_AFTER", "Text", "Tuner", "_near_places", "tuner_of", "STRIDE", "Shape", "Word", "required_words", "shape"]
