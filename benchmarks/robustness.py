"""Time grows linearly with input, even for text written to make the extractors misbehave.

    python -m benchmarks.robustness [--max-kb N] [--steps N] [--patterns] [--big]

Each case builds one article at doubling sizes and times the whole per-document
path: decoding the bytes, dating the document and extracting its claims
(sentences, date phrases, numbers, names, offices, line/column). Linear time
doubles with the size ("growth" about 2x); quadratic time quadruples.
`--patterns` also times every regular expression of checker/corpus.py,
timeparse.py, numbers.py and checker/extract/ on its own against each case,
which is where catastrophic backtracking would show. `--big` reads a 50 MB
article from disk and checks it end to end.

This is a benchmark, not a test: timings depend on the machine (and on what else
it runs; a single doubling can look worse than it is). The tests in
tests/robustness/ check behaviour; this shows the cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import itertools
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from checker.corpus import date_document, load_corpus
from checker.decoding import NotText, decode
from checker.extract import extract_document, meeting_number, office_forms
from checker.models import Document
from checker.rules import load_rules
from checker.vocabulary import Vocabulary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = dt.date(2024, 9, 25)
# A doubling in size that more than this multiplies the time is flagged: linear is ~2x, quadratic ~4x.
SUPERLINEAR_GROWTH = 3.0
# Patterns faster than this at the largest size are not judged: their timings are noise.
PATTERN_NOISE_SECONDS = 0.05
# Patterns the checker only ever applies at one position (pattern.match(text, pos)), right after a match of
# its own or a comma in a sentence of at most 2,000 characters. Run with finditer over a long run of spaces
# they would rescan the run from every space (quadratic), which the checker never does: they are left out.
ANCHORED = {"context.RELATIVE", "anniversary.OBJECT", "office_forms.LIST_AFTER"}
PATTERN_MODULES = ("checker.corpus", "checker.timeparse", "checker.numbers", "checker.extract.context",
                   "checker.extract.names", "checker.extract.anniversary", "checker.extract.meeting_number",
                   "checker.extract.office_forms", "checker.extract.office_holder", "checker.extract.office_country",
                   "checker.extract.office_time", "checker.extract.treaty_year", "checker.extract.troop_count")


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def seeds_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


# One long "sentence" of claims: no sentence end, no line break, so every claim shares one sentence.
CLAIM_FRAGMENTS = (
    "the 54th Security Consultative Meeting in Seoul yesterday, 28,500 U.S. troops in South Korea, "
    "South Korean Foreign Minister Park Jin, the 70th anniversary of the alliance, "
    "signed the Mutual Defense Treaty in 1953, Minister Ahn and Secretary Austin, for seven decades, "
)
SYLLABLES = ["Ka", "Lo", "Mi", "Nu", "Pe", "Ra", "Si", "To", "Va", "Ze", "Bo", "Du"]


def random_unicode(size: int) -> str:
    rng = random.Random(size)
    alphabet = "aZ 9\t\r\n\x00\x07\x1b\u00e9\u00fc\u2014\u201c\u201d\u2019\u0301\ufeff\u2028\U0001f600\u4e2d"
    return "".join(rng.choice(alphabet) for _ in range(size))


def distinct_office_holders(size: int) -> str:
    """Foreign ministers of no stated country, each with another name: every guess weighs all the others."""
    names = (a + b.lower() + " " + c + d.lower() for a, b, c, d in itertools.product(SYLLABLES, repeat=4))
    sentences = (f"Foreign Minister {name} met President Yoon in Seoul. " for name in names)
    text = ""
    for sentence in sentences:
        if len(text) + len(sentence) > size:
            break
        text += sentence
    return text


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[int], str]
    largest: int | None = None  # a known quadratic case stops here, or it would take an hour at 1 MB


def cases(prose: str) -> list[Case]:
    return [
        Case("news prose (seeds repeated)", lambda n: repeat_to(prose + "\n\n", n)),
        Case("one line of claims, no sentence end", lambda n: repeat_to(CLAIM_FRAGMENTS, n)),
        Case("news prose, CR line endings", lambda n: repeat_to(prose.replace("\n", "\r") + "\r\r", n)),
        Case("ordinals in a row", lambda n: repeat_to("54th 55th, 56th and 57th ", n)),
        Case("ordinal anniversaries in a row", lambda n: repeat_to("the 70th anniversary of the alliance ", n)),
        Case("ordinal meetings in a row", lambda n: repeat_to("the 54th SCM, 55th Security Consultative Meeting ", n)),
        Case("'Minister' repeated", lambda n: repeat_to("Minister ", n)),
        Case("'Foreign Minister Park Jin' repeated", lambda n: repeat_to("Foreign Minister Park Jin ", n)),
        Case("one office holder, many mentions", lambda n: repeat_to(
            "Foreign Minister Park Jin met President Yoon and Defense Minister Kim in Seoul. ", n)),
        Case("many office holders, no country", distinct_office_holders, largest=128 * 1024),
        Case("400-digit numbers", lambda n: repeat_to("1" * 400 + " troops ", n)),
        Case("one number, all digits", lambda n: "7" * n),
        Case("one number, comma groups", lambda n: "1" + repeat_to(",000", n - 1)),
        Case("comma groups before 'troops'", lambda n: repeat_to("1" + ",000" * 200 + " U.S. troops in Korea ", n)),
        Case("nested brackets", lambda n: "(" * (n // 2) + ")" * (n - n // 2)),
        Case("mixed brackets and periods", lambda n: repeat_to("([{.“‘", n // 2) + repeat_to("’”}]).", n - n // 2)),
        Case("one capitalised run", lambda n: "A" * n),
        Case("capitalised words", lambda n: repeat_to("Aaaa Bbbb-Cccc O'Dddd ", n)),
        Case("hyphenated capitalised chain", lambda n: repeat_to("Aa-Bb-", n)),
        Case("one long lowercase word", lambda n: "a" * n),
        Case("whitespace run", lambda n: "of" + " " * (n - 4) + "of"),
        Case("punctuation runs", lambda n: repeat_to("." * 997 + "-" * 997 + "'" * 997 + "1.", n)),
        Case("dates in a row", lambda n: repeat_to("on Monday, January 5, 2024 and last week ", n)),
        Case("periods and abbreviations", lambda n: repeat_to("U.S. Mr. . . ! ? ", n)),
        Case("front matter never closed", lambda n: "---\n" + repeat_to("published: 2024-01-01\n", n - 4)),
        Case("unicode and control characters", random_unicode),
    ]


def time_document(text: str, vocabulary: Vocabulary) -> float:
    """Seconds to decode, date and extract one article given as UTF-8 bytes."""
    data = text.encode("utf-8", errors="surrogatepass")
    started = time.perf_counter()
    try:
        decoded = decode(data)
    except NotText:
        decoded = text  # a file the corpus would skip; the extractors must still cope with its text
    published, source = date_document("bench.txt", decoded, {})
    doc = Document(id="bench.txt", published=published or PUBLISHED, date_source=source, text=decoded)
    extract_document(doc, vocabulary)
    return time.perf_counter() - started


def growth(seconds: list[float]) -> list[float]:
    return [later / max(earlier, 1e-6) for earlier, later in zip(seconds, seconds[1:])]


def row(name: str, seconds: list[float], flagged: bool, skipped: int = 0) -> str:
    return (f"{name:40} " + " ".join(f"{s:7.3f}s" for s in seconds) + "        -" * skipped + "   "
            + " ".join(f"{g:.1f}x" for g in growth(seconds)) + ("   SUPERLINEAR" if flagged else ""))


def run_cases(vocabulary: Vocabulary, sizes: list[int]) -> bool:
    """Print a table of sizes and seconds; return whether every case grew linearly."""
    all_linear = True
    print(f"{'case':40} " + " ".join(f"{s // 1024:>7}K" for s in sizes) + "   growth per doubling")
    for case in cases(seeds_text()):
        measured = [size for size in sizes if case.largest is None or size <= case.largest]
        seconds = [time_document(case.make(size), vocabulary) for size in measured]
        # Small sizes are noisy; judge on the last doubling, where a quadratic term would show.
        flagged = bool(growth(seconds)) and growth(seconds)[-1] >= SUPERLINEAR_GROWTH
        all_linear &= not flagged
        print(row(case.name, seconds, flagged, len(sizes) - len(measured)))
    return all_linear


def checker_patterns(vocabulary: Vocabulary) -> dict[str, re.Pattern]:
    """Every compiled regular expression of the modules that read article text, by name."""
    found: dict[str, re.Pattern] = {}
    for module_name in PATTERN_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for index, item in enumerate(values):
                pattern = item[0] if isinstance(item, tuple) and item else item
                if isinstance(pattern, re.Pattern):
                    found[f"{module_name.split('.')[-1]}.{name}" + (f"[{index}]" if len(values) > 1 else "")] = pattern
    full, short, _ = meeting_number.patterns(vocabulary)
    found |= {"meeting_number.patterns.full": full, "meeting_number.patterns.short": short,
              "vocabulary.country_pattern": vocabulary.country_pattern,
              "vocabulary.alliance_pattern": vocabulary.alliance_pattern}
    for name, pattern in vars(office_forms.patterns(vocabulary)).items():
        if isinstance(pattern, re.Pattern):
            found[f"office_forms.patterns.{name}"] = pattern
    return found


def run_patterns(vocabulary: Vocabulary, sizes: list[int]) -> bool:
    """Each pattern alone (finditer over the whole text) on each case: the ones that grow faster than linearly."""
    all_linear = True
    patterns = {name: p for name, p in checker_patterns(vocabulary).items() if name not in ANCHORED}
    print(f"\n{len(patterns)} patterns x {len(cases(''))} cases (left out, applied at one position only: "
          f"{', '.join(sorted(ANCHORED))}); listed: slower than {PATTERN_NOISE_SECONDS}s at "
          f"{sizes[-1] // 1024}K and growing faster than {SUPERLINEAR_GROWTH}x per doubling")
    for case in cases(seeds_text()):
        texts = [case.make(size) for size in sizes if case.largest is None or size <= case.largest]
        for name, pattern in patterns.items():
            seconds = []
            for text in texts:
                started = time.perf_counter()
                for _ in pattern.finditer(text):
                    pass
                seconds.append(time.perf_counter() - started)
            if seconds[-1] >= PATTERN_NOISE_SECONDS and growth(seconds)[-1] >= SUPERLINEAR_GROWTH:
                all_linear = False
                print(row(f"{case.name[:20]}: {name}"[:40], seconds, True))
    print("no pattern grows faster than linearly" if all_linear else "")
    return all_linear


def run_big(vocabulary: Vocabulary, megabytes: int) -> None:
    """A big article read from disk and checked end to end, against 1 MB of the same prose."""
    prose = seeds_text()
    with tempfile.TemporaryDirectory() as tmp:
        for size_mb in (1, megabytes):
            path = Path(tmp) / f"big{size_mb}.txt"
            path.write_text(repeat_to(prose + "\n\n", size_mb * 1024 * 1024), encoding="utf-8")
            started = time.perf_counter()
            corpus = load_corpus([path])
            claims = extract_document(corpus.documents[0], vocabulary)
            seconds = time.perf_counter() - started
            print(f"{size_mb:>3} MB article from disk: {seconds:7.2f}s, {len(claims)} claims, "
                  f"{size_mb / seconds:.2f} MB/s")
            path.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.robustness", description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1024, help="largest article in KB (default 1024)")
    parser.add_argument("--steps", type=int, default=4, help="number of doublings (default 4)")
    parser.add_argument("--patterns", action="store_true", help="also time every regular expression on its own")
    parser.add_argument("--big", action="store_true", help="also check a 50 MB article end to end")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the --big article in MB (default 50)")
    args = parser.parse_args(argv)
    vocabulary = load_rules().vocabulary
    largest = args.max_kb * 1024
    sizes = [largest >> step for step in range(args.steps, -1, -1)]
    time_document("warm up the caches and lazy imports: 54th SCM yesterday", vocabulary)
    linear = run_cases(vocabulary, sizes)
    if args.patterns:
        linear &= run_patterns(vocabulary, sizes)
    if args.big:
        run_big(vocabulary, args.big_mb)
    print("every case linear" if linear else "some case grew faster than linearly")
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
