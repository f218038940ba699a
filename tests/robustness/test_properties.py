"""Properties over arbitrary text, checked with hypothesis: extraction never raises, spans are exact,
line and column point at the span, and the JSON report depends on nothing but the corpus.

Examples are kept small and few (a few seconds per property); the adversarial sizes are in
test_adversarial_text.py and benchmarks/robustness.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.decoding import NotText, decode_article
from checker.engine import check
from checker.extract import extract_document
from checker.models import Document
from checker.report import FORMATS
from checker.rules import load_rules
from robust_helpers import ROOT, run_cli

VOCABULARY = load_rules().vocabulary
SEEDS = ROOT / "seeds"
# A few dozen examples keep each property to seconds; FACTCHECK_HYPOTHESIS_EXAMPLES=2000 searches harder.
EXAMPLES = int(os.environ.get("FACTCHECK_HYPOTHESIS_EXAMPLES", "40"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of the sentences the extractors look for, so that random text makes them fire.
FRAGMENTS = [
    "the 54th Security Consultative Meeting", "the 56th Korea-U.S. SCM", "the 44th and 45th ASEAN Summits",
    "the 70th anniversary of the alliance", "the seven-decade-long alliance", "formed seven decades ago",
    "for over seventy years", "the ANZUS Treaty", "NATO", "the U.S.-Japan alliance", "signed the Mutual Defense Treaty in 1953",
    "the 1951 Security Treaty", "Since 1949", "28,500 U.S. troops", "about 28.5 thousand troops", "in South Korea",
    "the 36,000-strong U.S. contingent in Germany", "South Korean Foreign Minister Park Jin", "Minister Ahn",
    "Secretary Austin", "U.S. Secretary of State Antony Blinken", "Prime Minister Kishida Fumio of Japan",
    "Percy Spender, Australia's Minister for External Affairs", "then-Prime Minister Shinzo Abe", "Austin and Lee met",
    "former President Moon", "yesterday", "later this year", "last Tuesday", "two weeks ago", "on July 17, 2024",
    "from the 23rd to the 24th", "Seoul", "Washington", "(KIDD)", "“quoted”", "Mr.", "U.S.", "1953", "70th",
]
SEPARATORS = [" ", ". ", ", ", "\n", "\r\n", "\r", " \u2014 ", "\t", "", "; ", ".\n\n", " and "]
ODD_CHARACTERS = st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf"])

claim_like_text = st.lists(
    st.tuples(st.one_of(st.sampled_from(FRAGMENTS), st.text(ODD_CHARACTERS, max_size=8)), st.sampled_from(SEPARATORS)),
    max_size=30,
).map(lambda parts: "".join(piece + separator for piece, separator in parts))
long_token_text = st.builds(
    lambda before, token, count, after: before + token * count + after,
    st.sampled_from(FRAGMENTS + [""]), st.text(ODD_CHARACTERS, min_size=1, max_size=3), st.integers(0, 3000),
    st.sampled_from(FRAGMENTS + [""]),
)
any_text = st.one_of(st.text(ODD_CHARACTERS, max_size=400), claim_like_text, long_token_text)
publication_dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def line_start_offsets(text: str) -> list[int]:
    """Where each line starts, with CRLF, CR and LF as line breaks: worked out afresh, not by LineIndex."""
    pieces = re.split(r"(\r\n|\r|\n)", text)
    starts, offset = [0], 0
    for index in range(0, len(pieces) - 1, 2):
        offset += len(pieces[index]) + len(pieces[index + 1])
        starts.append(offset)
    return starts


@BOUNDED
@given(text=any_text, published=publication_dates)
def test_extraction_never_raises_and_every_span_is_exact(text, published):
    claims = extract_document(Document(id="a.txt", published=published, text=text), VOCABULARY)
    starts = line_start_offsets(text)
    for claim in claims:
        span = claim.span
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        # line and column point at the span's first character
        assert 1 <= span.line <= len(starts) and span.column >= 1
        assert starts[span.line - 1] + span.column - 1 == span.start
        assert span.line == len(starts) or span.start < starts[span.line]
    assert claims == sorted(claims, key=lambda c: (c.span.start, c.span.end, c.kind))
    assert len({c.id for c in claims}) == len(claims)


@BOUNDED
@given(text=claim_like_text, newline=st.sampled_from(["\r\n", "\r"]))
def test_line_endings_change_no_claim(text, newline):
    """The same text with CRLF or CR line endings gives the same claims on the same lines and columns."""
    published = dt.date(2024, 9, 25)
    as_lf = text.replace("\r\n", "\n").replace("\r", "\n")
    converted = as_lf.replace("\n", newline)

    def claims(body):
        found = extract_document(Document(id="a.txt", published=published, text=body), VOCABULARY)
        return [(c.kind, c.subject, c.value, c.time, c.span.line, c.span.column, c.span.text.replace(newline, "\n"))
                for c in found]

    assert claims(converted) == claims(as_lf)


@BOUNDED
@given(data=st.binary(max_size=600))
def test_decoding_never_raises_but_to_refuse_binary(data):
    try:
        decoded = decode_article(data)
    except NotText as refused:
        assert str(refused).startswith("binary file (")
        return
    assert "\udc80" not in decoded.text  # every undecodable byte became U+FFFD
    assert decoded.replaced <= len(data)


@BOUNDED
@given(text=st.text(ODD_CHARACTERS, max_size=300))
def test_utf8_text_decodes_to_itself_unless_refused(text):
    try:
        decoded = decode_article(text.encode("utf-8"))
    except NotText:
        return  # NUL bytes, or mostly control characters
    assert (decoded.text, decoded.replaced) in ((text, 0), (text.removeprefix("\ufeff"), 0))


# --- the report depends on the corpus alone -----------------------------------------------------

def write_corpus(directory: Path, articles: list[str]) -> list[Path]:
    paths = []
    manifest = []
    for number, text in enumerate(articles):
        path = directory / f"sub{number % 2}" / f"{number:02d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(path)
        manifest.append(f'[files."sub{number % 2}/{number:02d}.txt"]\npublished = 2024-0{1 + number % 9}-15\n')
    (directory / "corpus.toml").write_text("\n".join(manifest), encoding="utf-8")
    return paths


def json_report(paths: list[Path]) -> str:
    return FORMATS["json"](check(paths))


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles=st.lists(claim_like_text, min_size=2, max_size=5), data=st.data())
def test_the_json_report_is_the_same_for_every_order_of_the_files(articles, data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_corpus(root, articles)
        expected = json_report([root])
        assert json_report([root]) == expected  # twice the same run
        assert tmp not in expected  # report paths are relative
        order = data.draw(st.permutations(paths))
        # The files named one by one, in any order, are the same corpus as their directory.
        assert json_report(list(order)) == expected


def test_every_format_is_the_same_for_every_order_of_the_files(tmp_path):
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paths = write_corpus(tmp_path, articles)
    forward, backward = check(paths), check(list(reversed(paths)))
    for name, render in FORMATS.items():
        assert render(forward) == render(backward), name


def test_the_json_report_is_byte_identical_under_different_hash_seeds(tmp_path):
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paths = write_corpus(tmp_path, articles + ["Austin and Lee met for the 54th SCM in Seoul yesterday."])
    outputs = set()
    for seed, order in (("0", paths), ("1", list(reversed(paths))), ("4242", paths[1:] + paths[:1])):
        run = run_cli("check", *map(str, order), "--format", "json", env={"PYTHONHASHSEED": seed})
        assert run.code in (0, 1), run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
