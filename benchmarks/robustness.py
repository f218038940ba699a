"""Time grows linearly with input, even for text written to make the extractors misbehave.

    python -m benchmarks.robustness [--max-kb N] [--big]

Each case builds one article at doubling sizes and times the whole per-document
path: decoding the bytes, dating the document and extracting its claims
(sentences, date phrases, numbers, names, line/column). Linear time doubles
with the size ("growth" about 2x); quadratic time quadruples. `--big` also
reads a 50 MB article from disk and checks it end to end.

This is a benchmark, not a test: timings depend on the machine. The tests in
tests/robustness/ check behaviour; this shows the cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from checker.corpus import date_document, load_corpus
from checker.decoding import decode
from checker.extract import extract_document
from checker.models import Document
from checker.rules import load_rules
from checker.vocabulary import Vocabulary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = dt.date(2024, 9, 25)
# A doubling in size that more than this multiplies the time is flagged: linear is ~2x, quadratic ~4x.
SUPERLINEAR_GROWTH = 3.0


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


def random_unicode(size: int) -> str:
    rng = random.Random(size)
    alphabet = "aZ 9\t\r\n\x00\x07\x1b\u00e9\u00fc\u2014\u201c\u201d\u2019\u0301\ufeff\u2028\U0001f600\u4e2d"
    return "".join(rng.choice(alphabet) for _ in range(size))


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[int], str]


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
    decoded = decode(data)
    published, source = date_document("bench.txt", decoded, {})
    doc = Document(id="bench.txt", published=published or PUBLISHED, date_source=source, text=decoded)
    extract_document(doc, vocabulary)
    return time.perf_counter() - started


def run_cases(vocabulary: Vocabulary, sizes: list[int]) -> bool:
    """Print a table of sizes and seconds; return whether every case grew linearly."""
    all_linear = True
    print(f"{'case':40} " + " ".join(f"{s // 1024:>7}K" for s in sizes) + "   growth per doubling")
    for case in cases(seeds_text()):
        seconds = [time_document(case.make(size), vocabulary) for size in sizes]
        growth = [later / max(earlier, 1e-6) for earlier, later in zip(seconds, seconds[1:])]
        # Small sizes are noisy; judge on the last doubling, where a quadratic term would show.
        linear = growth[-1] < SUPERLINEAR_GROWTH if growth else True
        all_linear &= linear
        print(f"{case.name:40} " + " ".join(f"{s:7.3f}s" for s in seconds)
              + "   " + " ".join(f"{g:.1f}x" for g in growth) + ("" if linear else "   SUPERLINEAR"))
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
    parser.add_argument("--big", action="store_true", help="also check a 50 MB article end to end")
    parser.add_argument("--big-mb", type=int, default=50, help="size of the --big article in MB (default 50)")
    args = parser.parse_args(argv)
    vocabulary = load_rules().vocabulary
    largest = args.max_kb * 1024
    sizes = [largest >> step for step in range(args.steps, -1, -1)]
    time_document("warm up the caches and lazy imports: 54th SCM yesterday", vocabulary)
    linear = run_cases(vocabulary, sizes)
    if args.big:
        run_big(vocabulary, args.big_mb)
    print("every case linear" if linear else "some case grew faster than linearly")
    return 0 if linear else 1


if __name__ == "__main__":
    sys.exit(main())
