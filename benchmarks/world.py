"""The small world the generator writes about: alliances, meeting series, forces, offices.

Every claim sentence the generator writes is checked against these facts at the
article's date, so they are the ground truth of a generated corpus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FIRST_DAY = dt.date(2021, 1, 1)
LAST_DAY = dt.date(2025, 10, 31)


@dataclass(frozen=True)
class Alliance:
    key: str
    founded: int
    treaty: str  # "the Mutual Defense Treaty"
    signers: str  # "the United States and South Korea"
    names: tuple[str, ...]  # each names the alliance (or both members) on its own
    adjective: str  # "U.S.-South Korea", as in "the 70-year-old U.S.-South Korea alliance"


@dataclass(frozen=True)
class Meeting:
    number: int
    date: dt.date  # the day it opens


@dataclass(frozen=True)
class Series:
    key: str
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class Force:
    key: str
    size: int
    host: str  # "South Korea"


@dataclass(frozen=True)
class Tenure:
    name: str
    start: dt.date
    end: dt.date | None  # None: still in office


@dataclass(frozen=True)
class Office:
    key: str
    titles: tuple[str, ...]  # each names the country as well as the role
    holders: tuple[Tenure, ...]


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _meetings(*pairs: tuple[int, str]) -> tuple[Meeting, ...]:
    return tuple(Meeting(number, _date(day)) for number, day in pairs)


def _tenures(*rows: tuple[str, str, str | None]) -> tuple[Tenure, ...]:
    return tuple(Tenure(name, _date(start), _date(end) if end else None) for name, start, end in rows)


ALLIANCES = {
    "us-rok": Alliance(
        "us-rok", 1953, "the Mutual Defense Treaty", "the United States and South Korea",
        ("the alliance between the U.S. and South Korea", "the South Korea-U.S. alliance", "the U.S.-South Korea alliance"),
        "U.S.-South Korea",
    ),
    "nato": Alliance(
        "nato", 1949, "the North Atlantic Treaty", "the founding members of NATO",
        ("NATO", "the North Atlantic Treaty Organization", "the North Atlantic Alliance"),
        "NATO",
    ),
    "us-japan-1960": Alliance(
        "us-japan-1960", 1960, "the Treaty of Mutual Cooperation and Security", "Japan and the United States",
        ("the U.S.-Japan alliance", "the Japan-U.S. alliance", "the alliance between Japan and the United States"),
        "U.S.-Japan",
    ),
    "anzus": Alliance(
        "anzus", 1951, "the ANZUS Treaty", "Australia, New Zealand and the United States",
        ("the ANZUS alliance", "ANZUS"),
        "ANZUS",
    ),
    "us-philippines": Alliance(
        "us-philippines", 1951, "the Mutual Defense Treaty", "the United States and the Philippines",
        ("the U.S.-Philippines alliance", "the alliance between the United States and the Philippines"),
        "U.S.-Philippines",
    ),
}

# Numbers follow each series' cadence: SCM = year - 1968, G7 = year - 1974,
# ASEAN Summits twice a year with the 43rd in 2023. Dates are opening days.
SERIES = {
    "scm": Series("scm", _meetings(
        (52, "2020-10-14"), (53, "2021-12-02"), (54, "2022-11-03"),
        (55, "2023-11-13"), (56, "2024-10-30"), (57, "2025-11-04"),
    )),
    "g7": Series("g7", _meetings(
        (47, "2021-06-11"), (48, "2022-06-26"), (49, "2023-05-19"),
        (50, "2024-06-13"), (51, "2025-06-15"), (52, "2026-06-14"),
    )),
    "asean-summit": Series("asean-summit", _meetings(
        (38, "2021-10-26"), (39, "2021-10-27"), (40, "2022-11-11"), (41, "2022-11-12"),
        (42, "2023-05-10"), (43, "2023-09-05"), (44, "2024-10-09"), (45, "2024-10-10"),
        (46, "2025-05-26"), (47, "2025-10-26"),
    )),
}

FORCES = {
    "usfk": Force("usfk", 28_500, "South Korea"),
    "us-japan": Force("us-japan", 54_000, "Japan"),
    "us-germany": Force("us-germany", 35_000, "Germany"),
}

OFFICES = {
    "us-secretary-of-defense": Office(
        "us-secretary-of-defense",
        ("U.S. Secretary of Defense", "U.S. Defense Secretary", "American Defense Secretary"),
        _tenures(
            ("Ash Carter", "2015-02-17", "2017-01-20"),
            ("Jim Mattis", "2017-01-20", "2018-12-31"),
            ("Mark Esper", "2019-07-23", "2020-11-09"),
            ("Lloyd Austin", "2021-01-22", "2025-01-20"),
            ("Pete Hegseth", "2025-01-25", None),
        ),
    ),
    "kr-defense-minister": Office(
        "kr-defense-minister",
        ("South Korean Defense Minister", "South Korea's Defense Minister", "South Korean Minister of National Defense"),
        _tenures(
            ("Jeong Kyeong-doo", "2018-09-21", "2020-09-17"),
            ("Suh Wook", "2020-09-18", "2022-05-09"),
            ("Lee Jong-sup", "2022-05-10", "2023-10-06"),
            ("Shin Won-sik", "2023-10-07", "2024-09-05"),
            ("Kim Yong-hyun", "2024-09-06", "2024-12-05"),
            ("Ahn Gyu-back", "2025-07-25", None),
        ),
    ),
    "nato-secretary-general": Office(
        "nato-secretary-general",
        ("NATO Secretary General", "NATO Secretary-General"),
        _tenures(
            ("Anders Fogh Rasmussen", "2009-08-01", "2014-09-30"),
            ("Jens Stoltenberg", "2014-10-01", "2024-09-30"),
            ("Mark Rutte", "2024-10-01", None),
        ),
    ),
    "jp-prime-minister": Office(
        "jp-prime-minister",
        ("Japanese Prime Minister", "Japan's Prime Minister"),
        _tenures(
            ("Shinzo Abe", "2012-12-26", "2020-09-16"),
            ("Yoshihide Suga", "2020-09-16", "2021-10-03"),
            ("Fumio Kishida", "2021-10-04", "2024-09-30"),
            ("Shigeru Ishiba", "2024-10-01", "2025-10-20"),
            ("Sanae Takaichi", "2025-10-21", None),
        ),
    ),
}

# A true office claim is written only this many days or more inside a tenure, so
# true claims about different holders are always more than a month apart.
OFFICE_MARGIN_DAYS = 16
# A wrongly named holder's tenure is at least this far from the claim's date.
WRONG_HOLDER_DAYS = 730


def holder_at(office: Office, day: dt.date, margin: int = OFFICE_MARGIN_DAYS) -> Tenure | None:
    """Who held the office on `day`, if `day` is at least `margin` days inside a tenure."""
    slack = dt.timedelta(days=margin)
    for tenure in office.holders:
        if tenure.start + slack <= day and (tenure.end is None or day <= tenure.end - slack):
            return tenure
    return None


def days_outside(tenure: Tenure, day: dt.date) -> int:
    """How many days `day` lies before or after a tenure (0 inside it)."""
    if day < tenure.start:
        return (tenure.start - day).days
    if tenure.end is not None and day > tenure.end:
        return (day - tenure.end).days
    return 0


def wrong_holders(office: Office, day: dt.date) -> list[Tenure]:
    """Real holders of the office whose tenure is at least two years away from `day`."""
    return [t for t in office.holders if days_outside(t, day) >= WRONG_HOLDER_DAYS]
