"""Generate a deterministic synthetic news corpus with known contradictions.

    python -m benchmarks.generate --articles N --seed S [--contradict-rate R] OUT/

writes OUT/articles/NNN/NNNNNN.txt (1000 files per directory), OUT/corpus.toml
(publication dates) and OUT/expected.json (the planted contradictions and the
number of claim sentences of each kind). Every claim sentence is true at its
article's date except one claim in each of a known share of articles.
The same arguments always give byte-identical output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import templates as T
from .world import (
    ALLIANCES, FIRST_DAY, FORCES, LAST_DAY, OFFICES, SERIES, Meeting, holder_at, wrong_holders,
)

KINDS = ("anniversary", "treaty_year", "meeting_number", "troop_count", "office_holder")
KIND_WEIGHTS = (22, 16, 22, 20, 20)
SUBJECT_PREFIX = {
    "anniversary": "alliance", "treaty_year": "alliance", "meeting_number": "series",
    "troop_count": "forces", "office_holder": "office",
}
CLAIMS_PER_ARTICLE = (1, 2, 3, 4, 5)
CLAIMS_WEIGHTS = (30, 30, 20, 12, 8)
OFF_TOPIC_SHARE = 0.15  # claims about a series, force or office outside the article's topic
NEAR_MEETING_SHARE = 0.3  # articles published within days of a meeting of their topic
MEETING_HORIZON_DAYS = 400  # how far from publication a mentioned meeting may be
OPENER_SHARE = 0.35  # filler sentences that start with "Analysts said" and the like
SIZE_RANGE = (2400, 7600, 3600)  # low, high, mode of an article's target size in characters
SHARD_SIZE = 1000
MAX_ARTICLES = 1_000_000
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


@dataclass(frozen=True)
class Topic:
    key: str
    alliance: str
    series: tuple[str, ...]
    forces: tuple[str, ...]
    offices: tuple[str, ...]
    weight: int


TOPICS = [
    Topic("korea", "us-rok", ("scm",), ("usfk",), ("kr-defense-minister", "us-secretary-of-defense"), 35),
    Topic("japan", "us-japan-1960", ("g7",), ("us-japan",), ("jp-prime-minister", "us-secretary-of-defense"), 20),
    Topic("nato", "nato", ("g7",), ("us-germany",), ("nato-secretary-general", "us-secretary-of-defense"), 25),
    Topic("anzus", "anzus", ("asean-summit",), (), ("us-secretary-of-defense",), 10),
    Topic("philippines", "us-philippines", ("asean-summit",), (), ("us-secretary-of-defense",), 10),
]
ALL_KEYS = {"meeting_number": tuple(SERIES), "troop_count": tuple(FORCES), "office_holder": tuple(OFFICES)}


@dataclass(frozen=True)
class Claim:
    kind: str
    key: str
    true_value: int | str
    written_value: int | str
    sentence: str
    falsified: bool = False  # written_value may differ from true_value in an approximation too


@dataclass(frozen=True)
class Context:
    """What a claim writer needs to know about the article it writes for."""

    rng: random.Random
    published: dt.date
    falsify: bool  # write this claim false
    has_meetings: bool  # the article has a numbered meeting (so no "anniversary summit")


# --- small helpers -------------------------------------------------------------

def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fill(template: str, **fields) -> str:
    text = template.format(**fields)
    return text[0].upper() + text[1:]


def month_year(day: dt.date) -> str:
    return f"in {MONTHS[day.month - 1]} {day.year}"


def full_date(day: dt.date) -> str:
    return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"


def random_day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def when_phrase(rng: random.Random, day: dt.date, published: dt.date) -> tuple[str, bool]:
    """A phrase for `day` as written on `published`, and whether it lies in the future."""
    delta = (day - published).days
    weekday = f"on {WEEKDAYS[day.weekday()]}"
    if delta == 0:
        return "today", False
    if -6 <= delta <= 6:
        near = {-1: ["yesterday", weekday], 1: ["tomorrow", weekday]}.get(delta, [weekday])
        return rng.choice(near), delta > 0
    future = delta > 0
    options = [month_year(day), full_date(day)]
    if day.year == published.year:
        options.append("later this year" if future else "earlier this year")
    elif day.year == published.year + 1:
        options.append("next year")
    elif day.year == published.year - 1:
        options.append("last year")
    return rng.choice(options), future


# --- claim writers: each returns a Claim true at the article's date, or falsified ---

def alliance_fields(rng: random.Random, key: str, bare: bool) -> dict:
    alliance = ALLIANCES[key]
    fields = {"signers": alliance.signers, "treaty": alliance.treaty, "treaty_bare": alliance.treaty.removeprefix("the ")}
    if bare:
        return fields | {"name": "the alliance", "adj": ""}
    return fields | {"name": rng.choice(alliance.names), "adj": alliance.adjective + " "}


def round_age(age: int, step: int) -> int | None:
    """The multiple of `step` within a year of `age`, if there is one."""
    nearest = (age + step // 2) // step * step
    return nearest if abs(nearest - age) <= 1 else None


def loose_anniversary(ctx: Context, key: str, age: int) -> tuple[str, int] | None:
    rng = ctx.rng
    fields = alliance_fields(rng, key, bare=rng.random() < 0.5)
    decades = round_age(age, 10)
    if decades and rng.random() < 0.6:
        template = rng.choice(T.ANNIVERSARY_DECADES)
        return fill(template, decades=T.DECADE_WORDS[decades // 10], **fields), decades
    rounded = round_age(age, 5)
    if rounded:
        return fill(rng.choice(T.ANNIVERSARY_ROUND_AGE), r=rounded, **fields), rounded
    return None


def nato_summit(ctx: Context, age: int) -> str | None:
    """NATO's anniversary summit in Washington, July 2024; never next to a numbered summit."""
    if ctx.published.year != 2024 or ctx.has_meetings:
        return None
    future = ctx.published < dt.date(2024, 7, 9)
    return fill(ctx.rng.choice(T.NATO_SUMMIT_FUTURE if future else T.NATO_SUMMIT_PAST), nth=ordinal(age))


def write_anniversary(ctx: Context, key: str) -> Claim:
    rng = ctx.rng
    age = ctx.published.year - ALLIANCES[key].founded
    if not ctx.falsify:
        if rng.random() < 0.5:
            loose = loose_anniversary(ctx, key, age)
            if loose:
                return Claim("anniversary", key, age, loose[1], loose[0])
        if key == "nato" and rng.random() < 0.3:
            summit = nato_summit(ctx, age)
            if summit:
                return Claim("anniversary", key, age, age, summit)
    written = age + rng.choice((-1, 1)) * rng.randint(3, 8) if ctx.falsify else age
    fields = alliance_fields(rng, key, bare=False)
    sentence = fill(rng.choice(T.ANNIVERSARY_EXACT), nth=ordinal(written), n=written, **fields)
    return Claim("anniversary", key, age, written, sentence, ctx.falsify)


def write_treaty_year(ctx: Context, key: str) -> Claim:
    rng = ctx.rng
    year = ALLIANCES[key].founded
    written = year + rng.choice((-1, 1)) * rng.randint(2, 5) if ctx.falsify else year
    sentence = fill(rng.choice(T.TREATY_YEAR), year=written, **alliance_fields(rng, key, bare=False))
    return Claim("treaty_year", key, year, written, sentence, ctx.falsify)


def pick_meeting(rng: random.Random, key: str, published: dt.date) -> Meeting | None:
    near = [m for m in SERIES[key].meetings if abs((m.date - published).days) <= MEETING_HORIZON_DAYS]
    if not near:
        return None
    if rng.random() < 0.6:
        return min(near, key=lambda m: (abs((m.date - published).days), m.number))
    return rng.choice(near)


def write_meeting_number(ctx: Context, key: str) -> Claim | None:
    rng = ctx.rng
    meeting = pick_meeting(rng, key, ctx.published)
    if meeting is None:
        return None
    when, future = when_phrase(rng, meeting.date, ctx.published)
    written = meeting.number + rng.choice((-1, 1)) * rng.randint(2, 3) if ctx.falsify else meeting.number
    template = rng.choice((T.MEETING_FUTURE if future else T.MEETING_PAST)[key])
    sentence = fill(template, nth=ordinal(written), when=when)
    return Claim("meeting_number", key, meeting.number, written, sentence, ctx.falsify)


def approximations(size: int) -> list[int]:
    """Round figures news uses for `size`, each within 10% of it."""
    found = [size]
    for step in (1000, 5000, 10000):
        for value in (size // step * step, (size + step // 2) // step * step):
            if value not in found and abs(value - size) <= size // 10:
                found.append(value)
    return found


def troop_figure(rng: random.Random, size: int, falsify: bool) -> tuple[int, str]:
    if falsify:
        factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.32, 0.58)
        value = int(size * factor / 100 + 0.5) * 100
        return value, rng.choice(T.APPROX_FALSE)
    value = size if rng.random() < 0.5 else rng.choice(approximations(size))
    words = T.APPROX_SAME if value == size else T.APPROX_BELOW if value < size else T.APPROX_ABOVE
    return value, rng.choice(words)


def write_troop_count(ctx: Context, key: str) -> Claim:
    rng = ctx.rng
    force = FORCES[key]
    value, word = troop_figure(rng, force.size, ctx.falsify)
    q = f"{word} {value:,}".strip()
    sentence = fill(rng.choice(T.TROOP_COUNT), q=q, host=force.host)
    return Claim("troop_count", key, force.size, value, sentence, ctx.falsify)


def write_office_holder(ctx: Context, key: str) -> Claim | None:
    rng = ctx.rng
    office = OFFICES[key]
    days_before = rng.choice((0, 0, 1, 2, 3, 4, 5, 6))
    day = ctx.published - dt.timedelta(days=days_before)
    holder = holder_at(office, day)
    if holder is None or holder_at(office, ctx.published) != holder:
        return None
    person = rng.choice(wrong_holders(office, day)).name if ctx.falsify else holder.name
    when = f" on {WEEKDAYS[day.weekday()]}" if days_before else ""
    template = rng.choice(T.OFFICE_HOLDER + ([] if when else T.OFFICE_HOLDER_UNDATED))
    sentence = fill(template, title=rng.choice(office.titles), person=person, when=when,
                    remark=rng.choice(T.OFFICE_REMARKS))
    return Claim("office_holder", key, holder.name, person, sentence, ctx.falsify)


WRITERS = {
    "anniversary": write_anniversary,
    "treaty_year": write_treaty_year,
    "meeting_number": write_meeting_number,
    "troop_count": write_troop_count,
    "office_holder": write_office_holder,
}


# --- one article ---------------------------------------------------------------

def pick_topic(rng: random.Random) -> Topic:
    return rng.choices(TOPICS, [t.weight for t in TOPICS])[0]


def pick_published(rng: random.Random, topic: Topic) -> dt.date:
    """Most articles fall on any day; some within days of one of their topic's meetings."""
    if rng.random() < NEAR_MEETING_SHARE:
        meetings = [m for key in topic.series for m in SERIES[key].meetings if FIRST_DAY <= m.date <= LAST_DAY]
        day = rng.choice(meetings).date + dt.timedelta(days=rng.randint(-4, 5))
        return min(max(day, FIRST_DAY), LAST_DAY)
    return random_day(rng)


def pick_subjects(rng: random.Random, topic: Topic, count: int) -> list[tuple[str, str]]:
    """Up to `count` distinct (kind, key) pairs; alliance claims are about the topic's alliance."""
    plan: list[tuple[str, str]] = []
    for _ in range(count):
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        if kind in ("anniversary", "treaty_year"):
            key = topic.alliance
        else:
            keys = {"meeting_number": topic.series, "troop_count": topic.forces, "office_holder": topic.offices}[kind]
            if not keys or rng.random() < OFF_TOPIC_SHARE:
                keys = ALL_KEYS[kind]
            key = rng.choice(keys)
        if (kind, key) not in plan:
            plan.append((kind, key))
    return plan


def write_claims(rng: random.Random, topic: Topic, published: dt.date, falsify: bool) -> list[Claim]:
    """1-5 claim sentences about distinct subjects; if `falsify`, exactly one of them is false."""
    plan = pick_subjects(rng, topic, rng.choices(CLAIMS_PER_ARTICLE, CLAIMS_WEIGHTS)[0])
    has_meetings = any(kind == "meeting_number" for kind, _ in plan)
    false_index = rng.randrange(len(plan)) if falsify else -1
    claims: list[Claim] = []
    for index, (kind, key) in enumerate(plan):
        claim = WRITERS[kind](Context(rng, published, index == false_index, has_meetings), key)
        if claim is not None:  # None: no meeting or office holder fits this date
            claims.append(claim)
    if not claims or (falsify and not any(c.falsified for c in claims)):
        # The topic's anniversary fits every date.
        claims.append(write_anniversary(Context(rng, published, falsify, has_meetings), topic.alliance))
    return claims


def filler_sentences(rng: random.Random, budget: int) -> list[str]:
    """Distinct filler sentences adding up to about `budget` characters.

    Clauses are visited from a random start with a random stride; the pool's size
    is prime, so every stride visits every clause once.
    """
    clauses = T.FILLER_CLAUSES
    count = len(clauses)
    start, stride = rng.randrange(count), rng.randrange(1, count)
    sentences: list[str] = []
    used = 0
    for step in range(count):
        if used >= budget:
            break
        clause = clauses[(start + step * stride) % count]
        if rng.random() < OPENER_SHARE and " said" not in clause:
            clause = T.FILLER_OPENERS[int(rng.random() * len(T.FILLER_OPENERS))] + " " + clause
        sentences.append(clause[0].upper() + clause[1:] + ".")
        used += len(sentences[-1]) + 1
    return sentences


def compose(rng: random.Random, topic: Topic, claims: list[Claim]) -> str:
    """Headline, a topic lead, filler paragraphs with the claim sentences spread through them."""
    headline = rng.choice(T.HEADLINES[topic.key])
    lead, echo = rng.sample(T.TOPIC_SENTENCES[topic.key], 2)
    fixed = [lead, echo] + [c.sentence for c in claims]
    target = int(rng.triangular(*SIZE_RANGE))
    budget = target - len(headline) - sum(len(s) + 2 for s in fixed)
    body = filler_sentences(rng, budget)
    for sentence in fixed[1:]:
        body.insert(rng.randint(0, len(body)), sentence)
    body.insert(0, lead)
    paragraphs = []
    while body:
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(body[:size]))
        body = body[size:]
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


# --- the corpus ------------------------------------------------------------------

def article_path(index: int) -> str:
    return f"articles/{index // SHARD_SIZE:03d}/{index:06d}.txt"


def contradiction_record(path: str, published: dt.date, claim: Claim) -> dict:
    return {
        "file": path,
        "kind": claim.kind,
        "subject": f"{SUBJECT_PREFIX[claim.kind]}:{claim.key}",
        "published": published.isoformat(),
        "true_value": claim.true_value,
        "written_value": claim.written_value,
        "sentence": claim.sentence,
    }


def generate(out: Path, articles: int, seed: int, contradict_rate: float = 0.02) -> dict:
    """Write the corpus under `out`; returns the expected.json document."""
    rng = random.Random(seed)
    falsified = set(rng.sample(range(articles), round(articles * contradict_rate)))
    counts = dict.fromkeys(KINDS, 0)
    contradictions = []
    with open(out / "corpus.toml", "w", encoding="utf-8", newline="\n") as manifest:
        manifest.write(f"# Generated by benchmarks.generate: {articles} articles, seed {seed}.\n\n")
        for index in range(articles):
            path = article_path(index)
            if index % SHARD_SIZE == 0:
                (out / path).parent.mkdir(parents=True, exist_ok=True)
            topic = pick_topic(rng)
            published = pick_published(rng, topic)
            claims = write_claims(rng, topic, published, index in falsified)
            text = compose(rng, topic, claims)
            (out / path).write_text(text, encoding="utf-8", newline="\n")
            manifest.write(f'[files."{path}"]\npublished = {published.isoformat()}\n\n')
            for claim in claims:
                counts[claim.kind] += 1
                if claim.falsified:
                    contradictions.append(contradiction_record(path, published, claim))
    contradictions.sort(key=lambda c: (c["file"], c["kind"], c["sentence"]))
    expected = {
        "articles": articles,
        "seed": seed,
        "contradict_rate": contradict_rate,
        "claim_sentences": counts,
        "contradictions_by_kind": {k: sum(c["kind"] == k for c in contradictions) for k in KINDS},
        "contradictions": contradictions,
    }
    (out / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8", newline="\n")
    return expected


def prepare_output(out: Path, force: bool) -> None:
    """Create OUT; with --force, remove what an earlier run wrote there (and only that)."""
    owned = [out / "articles", out / "corpus.toml", out / "expected.json"]
    existing = [p for p in owned if p.exists()]
    if existing and not force:
        raise SystemExit(f"{out}: already holds a corpus ({existing[0].name}); use --force to replace it")
    for path in existing:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    out.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="output directory")
    parser.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--contradict-rate", type=float, default=0.02,
                        help="share of articles with exactly one false claim (default 0.02)")
    parser.add_argument("--force", action="store_true", help="replace a corpus already in OUT")
    args = parser.parse_args(argv)
    if not 1 <= args.articles <= MAX_ARTICLES:
        parser.error(f"--articles must be between 1 and {MAX_ARTICLES}")
    if not 0.0 <= args.contradict_rate <= 1.0:
        parser.error("--contradict-rate must be between 0 and 1")
    prepare_output(args.out, args.force)
    started = time.perf_counter()
    expected = generate(args.out, args.articles, args.seed, args.contradict_rate)
    seconds = time.perf_counter() - started
    print(f"wrote {args.articles} articles to {args.out} in {seconds:.2f}s; "
          f"{len(expected['contradictions'])} planted contradictions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
