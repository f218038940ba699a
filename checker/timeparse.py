"""Date phrases in a sentence -> dates, relative to the document's publication date.

Phrases are found with our own patterns (dateparser's search invents dates out of
"91.6%" or "the 70th"); the common forms are resolved here and the rest ("two
weeks ago") go to dateparser with the document date as its relative base.
Each result carries its precision: an ISO date, YYYY-MM, or YYYY.
"""

from __future__ import annotations

import calendar
import string
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .corpus import MONTHS
from .programs import compiled
from .scan import EXOTIC_CASES

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# "the 1951 treaty" names a document, not a time; "the 1999 commemoration" is a time.
_DOCUMENT = r"(?:treaty|treaties|pact|accord|agreement|alliance|constitution|act|law|charter)"
_NUMBER_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"


def _any_case(letters: str) -> str:
    """The letters in both cases and what else IGNORECASE equates with them, for a case-sensitive class."""
    return "".join(sorted({*letters.lower(), *letters.upper(), *(c for c, lower in EXOTIC_CASES.items() if lower in letters)}))


def _month_prefixes() -> str:
    """'jan', 'feb', ... as a case-sensitive class for the first letter, then the other two ignoring case."""
    rests: dict[str, list[str]] = {}
    for name in sorted(MONTHS):
        rests.setdefault(name[0], []).append(name[1:3])
    return "|".join(f"(?-i:[{_any_case(first)}])(?:{'|'.join(sorted(set(rest)))})" for first, rest in sorted(rests.items()))


# Named groups tell the resolver which form matched; order matters (longest forms first).
# Each form opens with a look at the one character it can start with: ignoring case, `re` would
# otherwise enter every form at every position (tests/test_timeparse.py checks the classes).
_MONTH_START = "JFMASOND"
# Every form starts at a digit, at the start of a word, or (the month forms have no \b) at a month's
# first three letters. Looked at once in front of the forms, this turns away the middle of most words,
# where `re` tried the fourteen forms one by one: half the time per sentence. Each case-sensitive class
# holds what IGNORECASE equates with its letters (EXOTIC_CASES), and lets `re` reject a position in one
# test; the rest is matched ignoring case, as the forms are.
_FORM_START = rf"(?=\b(?-i:[\d{_any_case(string.ascii_lowercase)}])|\d|{_month_prefixes()})"
DATE_PHRASE = compiled(
    rf"""
    {_FORM_START}(?:
    (?=[{_MONTH_START}])(?P<mdy>(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?,?\s+(?P<mdy_y>{_YEAR}))\b
  | (?=[\d])(?P<dmy>(?P<dmy_d>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+(?P<dmy_m>{_MONTH}),?\s+(?P<dmy_y>{_YEAR}))\b
  | (?=[{_MONTH_START}])(?P<my>(?P<my_m>{_MONTH})\s+(?:of\s+)?(?P<my_y>{_YEAR}))\b
  | (?=[{_MONTH_START}])(?P<md>(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?)(?:\s*[-–]\s*\d{{1,2}})?\b(?!,?\s*{_YEAR})
  | (?=[\d])(?P<dm>(?P<dm_d>\d{{1,2}})\s+(?P<dm_m>{_MONTH}))\b(?!,?\s*{_YEAR})
  | (?=[t])(?P<theday>\bthe\s+(?P<theday_d>\d{{1,2}})(?:st|nd|rd|th)\b)(?=\s+(?:to|and|through|[-–])\s+the\s+\d{{1,2}}(?:st|nd|rd|th)|\s+of\s+this\s+month)
  | (?=[eltn])(?P<rel_year>\b(?:(?P<ry_edge>earlier|later)\s+)?(?P<ry_which>this|last|next)\s+year\b)
  | (?=[eltn])(?P<rel_month>\b(?:(?P<rm_edge>earlier|later)\s+)?(?P<rm_which>this|last|next)\s+month\b)
  | (?=[ltn])(?P<rel_week>\b(?P<rw_which>this|last|next)\s+week\b)
  | (?=[ytl])(?P<rel_day>\b(?:yesterday|today|tonight|tomorrow|last\s+night)\b)
  | (?=[\dotfsena])(?P<ago>\b{_NUMBER_WORD}\s+(?:days?|weeks?|months?|years?)\s+ago\b)
  | (?=[lntomwfs])(?P<weekday>\b(?:(?P<wd_which>last|next|this|on)\s+)?(?P<wd_name>{_WEEKDAY})\b)
  | (?=[isfobdu])(?P<year>\b(?:in|since|from|of|by|during|until)\s+(?P<year_y>{_YEAR})\b(?![-–]\d))
  | (?=[t])(?P<theyear>\bthe\s+(?P<theyear_y>{_YEAR})\b(?![-–]\d)(?!(?:\s+[\w.'’-]+){{0,4}}?\s+{_DOCUMENT}\b))
    )""",
    re.X | re.I,
)
FUTURE_CUE = compiled(r"\b(?:will|to\s+(?:meet|hold|be\s+held|visit|attend)|expected|plans?|scheduled|upcoming|next)\b", re.I)


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    phrase: str
    form: str = ""  # the DATE_PHRASE group that matched: mdy, dmy, my, year, theyear, weekday...

    @property
    def names_year(self) -> bool:
        """Whether the phrase writes its year ("19 January, 1960", "in 2015", "the 1999"), so it needs no base date."""
        return self.form in ("mdy", "dmy", "my", "year", "theyear")

    @property
    def is_start(self) -> bool:
        """'since 2014' gives when a state began, not a time it held."""
        return self.phrase.lower().startswith(("since", "from"))

    @property
    def year(self) -> int:
        return int(self.value[:4])


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _nearest_year(base: dt.date, month: int, day: int) -> dt.date | None:
    """A month and day without a year: the occurrence closest to the base date."""
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - base).days) < abs((best - base).days):
            best = candidate
    return best


def _shift_month(base: dt.date, months: int) -> dt.date:
    index = base.year * 12 + base.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(base.day, calendar.monthrange(year, month + 1)[1]))


@lru_cache(maxsize=65536)
def dateparser_resolve(phrase: str, base: dt.date) -> dt.date | None:
    """Relative phrases our own code does not handle; each (phrase, base) is parsed once."""
    import dateparser  # imported lazily: it is slow to import and rarely needed

    found = dateparser.parse(
        phrase,
        languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"},
    )
    return found.date() if found else None


def resolve(match: re.Match, base: dt.date | None, future: bool = False) -> str | None:
    """The ISO value of one matched date phrase, or None when it needs a base we lack."""
    g = match.group
    try:
        if g("mdy"):
            return dt.date(int(g("mdy_y")), _month(g("mdy_m")), int(g("mdy_d"))).isoformat()
        if g("dmy"):
            return dt.date(int(g("dmy_y")), _month(g("dmy_m")), int(g("dmy_d"))).isoformat()
    except ValueError:
        return None
    if g("my"):
        return f"{int(g('my_y')):04d}-{_month(g('my_m')):02d}"
    if g("year"):
        return g("year_y")
    if g("theyear"):
        return g("theyear_y")
    if base is None:
        return None
    if g("md") or g("dm"):
        month, day = (g("md_m"), g("md_d")) if g("md") else (g("dm_m"), g("dm_d"))
        found = _nearest_year(base, _month(month), int(day))
        return found.isoformat() if found else None
    if g("theday"):
        day = int(g("theday_d"))
        anchor = base if day <= base.day or future else _shift_month(base.replace(day=1), -1)
        try:
            return anchor.replace(day=day).isoformat()
        except ValueError:
            return None
    if g("rel_year"):
        offset = {"this": 0, "last": -1, "next": 1}[g("ry_which").lower()]
        return str(base.year + offset)
    if g("rel_month"):
        offset = {"this": 0, "last": -1, "next": 1}[g("rm_which").lower()]
        return _shift_month(base, offset).isoformat()[:7]
    if g("rel_week"):
        offset = {"this": 0, "last": -7, "next": 7}[g("rw_which").lower()]
        return (base + dt.timedelta(days=offset)).isoformat()[:7]
    if g("rel_day"):
        word = re.sub(r"\s+", " ", g("rel_day").lower())
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}[word]
        return (base + dt.timedelta(days=offset)).isoformat()
    if g("weekday"):
        target = _WEEKDAYS.index(g("wd_name").lower())
        which = (g("wd_which") or "").lower()
        if which == "next" or (future and which != "last"):
            delta = (target - base.weekday()) % 7 or (7 if which == "next" else 0)
        else:
            delta = -((base.weekday() - target) % 7)
            if which == "last" and delta == 0:
                delta = -7
        return (base + dt.timedelta(days=delta)).isoformat()
    counted = _counted_ago(match.group(0), base)
    if counted is not None:
        return counted.isoformat()
    found = dateparser_resolve(match.group(0).lower(), base)
    return found.isoformat() if found else None


_AGO = compiled(r"(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago", re.I)
_COUNTS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])}


def _counted_ago(phrase: str, base: dt.date) -> dt.date | None:
    """'two weeks ago', '3 months ago' without dateparser: what it gives, at a thousandth of the cost
    (tests/test_timeparse_agreement.py checks that the two agree). 'A few days ago' still goes to dateparser."""
    found = _AGO.fullmatch(phrase.strip())
    if found is None:
        return None
    count = found.group("count").lower()
    count = int(count) if count.isdigit() else _COUNTS[count]
    unit = found.group("unit").lower()
    if unit in ("day", "week"):
        return base - dt.timedelta(days=count * (7 if unit == "week" else 1))
    try:
        return _shift_month(base, -count * (12 if unit == "year" else 1))
    except ValueError:
        return None


# The forms whose date depends on whether the sentence speaks of the future ("the 23rd", "Monday"):
# only a sentence with one of them is searched for FUTURE_CUE, a tenth of the time of the rest.
_TENSED_FORMS = ("theday", "weekday")


def find_times(text: str, start: int, end: int, base: dt.date | None) -> list[TimeRef]:
    """Every resolvable date phrase in text[start:end], in order."""
    window = text[start:end]
    future = None
    found = []
    for match in DATE_PHRASE.finditer(window):
        if future is None and match.lastgroup in _TENSED_FORMS:
            future = bool(FUTURE_CUE.search(window))
        value = resolve(match, base, bool(future))
        if value:
            found.append(TimeRef(start + match.start(), start + match.end(), value, match.group(0), match.lastgroup or ""))
    return found


@lru_cache(maxsize=16384)
def date_range(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a time value covers (cached: comparisons ask about the same few values often)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def days_apart(a: str, b: str) -> int:
    """The smallest number of days between two time values (0 if they overlap)."""
    a_lo, a_hi = date_range(a)
    b_lo, b_hi = date_range(b)
    if a_hi < b_lo:
        return (b_lo - a_hi).days
    if b_hi < a_lo:
        return (a_lo - b_hi).days
    return 0
