"""Score a checker report against gold annotations: claims per kind, contradictions per file pair.

    python -m benchmarks.accuracy CORPUS GOLD [--report REPORT.json] [--markdown OUT.md] [--title TITLE]

Without --report the checker is run on CORPUS. The scoring rules are the ones in the development
corpus's README: a predicted claim matches a gold claim of the same file and kind whose value agrees
and whose quote its span overlaps (one-to-one); contradictions count as (family, file, file) pairs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from tabulate import tabulate

from .names import names_match, person_id_matches

# Gold kind names that differ from the checker's.
KIND_ALIASES = {"founding_year": "treaty_year", "meeting_ordinal": "meeting_number"}
# An anniversary and a treaty year both state when the alliance was founded, so they conflict as one family.
FOUNDING_KINDS = {"anniversary", "treaty_year"}
REPO_ROOT = Path(__file__).resolve().parents[1]


class ScoringError(Exception):
    """Bad input (corpus, gold, report) or a checker that cannot be run; the CLI prints it and exits 2."""


def our_kind(kind: str) -> str:
    return KIND_ALIASES.get(kind, kind)


def family_of(kind: str) -> str:
    kind = our_kind(kind)
    return "founding" if kind in FOUNDING_KINDS else kind


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# ---------------------------------------------------------------- articles and gold


def read_article(corpus_dir: Path, name: str) -> str:
    """The article text with the checker's offsets: BOM dropped, line endings kept as they are."""
    for path in (corpus_dir / name, corpus_dir / "articles" / name):
        if path.is_file():
            return path.read_bytes().decode("utf-8-sig")
    raise ScoringError(f"{name}: gold file not found in {corpus_dir}")


def quote_span(text: str, quote: str, file: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        raise ScoringError(f"{file}: gold quote {quote!r} is not in the article")
    return start, start + len(quote)


def gold_files(gold: dict) -> set[str]:
    return {c["file"] for c in gold["claims"]} | {f for pair in gold.get("contradictions", []) for f in pair["files"]}


def gold_file_of(doc_id: str, files: set[str]) -> str | None:
    """The gold file a report document is, or None; the checker may have been run on the folder above."""
    if doc_id in files:
        return doc_id
    name = PurePosixPath(doc_id).name
    return name if name in files else None


def check_shapes(report: dict, gold: dict) -> None:
    for what, data, keys in (("report", report, ("claims", "findings")), ("gold", gold, ("claims", "contradictions"))):
        if not isinstance(data, dict) or any(not isinstance(data.get(key), list) for key in keys):
            raise ScoringError(f"{what} must be a JSON object with lists {', '.join(keys)}")


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class KindScore:
    kind: str
    gold: int
    predicted: int
    matched: int

    @property
    def recall(self) -> float | None:
        return ratio(self.matched, self.gold)

    @property
    def precision(self) -> float | None:
        return ratio(self.matched, self.predicted)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.matched, self.gold + self.predicted)


@dataclass
class ClaimScores:
    rows: list[KindScore]  # one per kind, sorted, then "all"
    missed: list[dict] = field(default_factory=list)  # gold claims no prediction matched
    spurious: list[dict] = field(default_factory=list)  # predictions (in gold files) that matched nothing

    def row(self, kind: str) -> KindScore:
        return next(r for r in self.rows if r.kind == kind)


def as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(str(value).replace(",", ""))
    except ValueError:
        return None


def values_match(predicted: dict, gold_claim: dict) -> bool:
    if our_kind(gold_claim["kind"]) == "office_holder":
        names = [n for n in (predicted.get("value"), predicted.get("person")) if isinstance(n, str) and n]
        if gold_claim.get("person"):
            return any(person_id_matches(gold_claim["person"], name) for name in names)
        return any(names_match(name, str(gold_claim["value"])) for name in names)
    value = as_int(predicted.get("value"))
    return value is not None and value == as_int(gold_claim["value"])


def count_kind(claims: list[dict], kind: str) -> int:
    return sum(kind == "all" or our_kind(c["kind"]) == kind for c in claims)


def score_claims(predicted_report: dict, gold: dict, corpus_dir: Path) -> ClaimScores:
    check_shapes(predicted_report, gold)
    files = gold_files(gold)
    texts = {name: read_article(Path(corpus_dir), name) for name in sorted({c["file"] for c in gold["claims"]})}
    gold_claims = gold["claims"]
    gold_spans = [quote_span(texts[c["file"]], c["quote"], c["file"]) for c in gold_claims]

    predictions = [p for p in predicted_report["claims"] if gold_file_of(p["doc"], files)]
    by_place: dict[tuple[str, str], list[int]] = {}
    for index, p in enumerate(predictions):
        by_place.setdefault((gold_file_of(p["doc"], files), our_kind(p["kind"])), []).append(index)

    # Every admissible (gold, prediction) pair, then a greedy one-to-one choice by overlap size.
    candidates = []
    for g_index, g in enumerate(gold_claims):
        g_start, g_end = gold_spans[g_index]
        for p_index in by_place.get((g["file"], our_kind(g["kind"])), []):
            span = predictions[p_index]["span"]
            overlap = min(g_end, span["end"]) - max(g_start, span["start"])
            if overlap > 0 and values_match(predictions[p_index], g):
                candidates.append((-overlap, g_index, p_index))
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for _, g_index, p_index in sorted(candidates):
        if g_index not in matched_gold and p_index not in matched_pred:
            matched_gold.add(g_index)
            matched_pred.add(p_index)

    kinds = sorted({our_kind(c["kind"]) for c in gold_claims} | {our_kind(p["kind"]) for p in predictions})
    matched = [gold_claims[i] for i in matched_gold]
    return ClaimScores(
        rows=[
            KindScore(kind, count_kind(gold_claims, kind), count_kind(predictions, kind), count_kind(matched, kind))
            for kind in kinds + ["all"]
        ],
        missed=[c for i, c in enumerate(gold_claims) if i not in matched_gold],
        spurious=[p for i, p in enumerate(predictions) if i not in matched_pred],
    )


# ---------------------------------------------------------------- contradictions


PairKey = tuple[str, str, str]  # (family, file, file) with the files sorted


@dataclass(frozen=True)
class FilePair:
    family: str
    files: tuple[str, str]
    quotes: tuple[tuple[str, str], ...]  # (file, quoted text), sorted


@dataclass(frozen=True)
class FamilyScore:
    family: str
    gold: int
    predicted: int
    found: int

    @property
    def missed(self) -> int:
        return self.gold - self.found

    @property
    def false(self) -> int:
        return self.predicted - self.found

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.gold)

    @property
    def precision(self) -> float | None:
        return ratio(self.found, self.predicted)


@dataclass
class ContradictionScores:
    rows: list[FamilyScore]  # one per family, sorted, then "all"
    found: list[FilePair]
    missed: list[FilePair]  # quotes: the gold quotes of the subject in both files
    false: list[FilePair]  # quotes: the span texts of the predicted claims

    def row(self, family: str) -> FamilyScore:
        return next(r for r in self.rows if r.family == family)


def predicted_pairs(report: dict, files: set[str]) -> dict[PairKey, set[tuple[str, str]]]:
    """Pairs of distinct gold files from every two groups of every contradiction, with the claims' texts."""
    claims = {c["id"]: c for c in report["claims"]}
    pairs: dict[PairKey, set[tuple[str, str]]] = {}
    for finding in report["findings"]:
        if finding.get("verdict") != "contradiction":
            continue
        groups = [[claims[cid] for cid in group["claims"] if cid in claims] for group in finding["groups"]]
        for left, right in itertools.combinations(groups, 2):
            for a, b in itertools.product(left, right):
                file_a, file_b = gold_file_of(a["doc"], files), gold_file_of(b["doc"], files)
                if not file_a or not file_b or file_a == file_b:
                    continue
                # The finding's own kind may be just its first claim's; the claims' kinds decide the family.
                families = {family_of(a["kind"]), family_of(b["kind"])}
                family = families.pop() if len(families) == 1 else family_of(finding["kind"])
                quotes = pairs.setdefault((family, *sorted((file_a, file_b))), set())
                quotes.update({(file_a, a["span"]["text"]), (file_b, b["span"]["text"])})
    return pairs


def gold_pairs(gold: dict) -> dict[PairKey, set[tuple[str, str]]]:
    pairs: dict[PairKey, set[tuple[str, str]]] = {}
    for entry in gold["contradictions"]:
        family = family_of(entry["kind"])
        pair_files = sorted(entry["files"])
        quotes = pairs.setdefault((family, *pair_files), set())
        quotes.update(
            (c["file"], c["quote"])
            for c in gold["claims"]
            if c["file"] in pair_files and c["subject"] == entry["subject"] and family_of(c["kind"]) == family
        )
    return pairs


def count_family(keys, family: str) -> int:
    return sum(family in ("all", key[0]) for key in keys)


def score_contradictions(predicted_report: dict, gold: dict) -> ContradictionScores:
    check_shapes(predicted_report, gold)
    expected = gold_pairs(gold)
    flagged = predicted_pairs(predicted_report, gold_files(gold))

    def listing(keys: set[PairKey], quotes: dict[PairKey, set[tuple[str, str]]]) -> list[FilePair]:
        return [FilePair(k[0], (k[1], k[2]), tuple(sorted(quotes[k]))) for k in sorted(keys)]

    families = sorted({k[0] for k in expected} | {k[0] for k in flagged})
    both = expected.keys() & flagged.keys()
    return ContradictionScores(
        rows=[
            FamilyScore(family, count_family(expected, family), count_family(flagged, family), count_family(both, family))
            for family in families + ["all"]
        ],
        found=listing(both, expected),
        missed=listing(expected.keys() - flagged.keys(), expected),
        false=listing(flagged.keys() - expected.keys(), flagged),
    )


# ---------------------------------------------------------------- a perfect report, for checking the scorer


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text[:offset])]
    return len(line_starts), offset - line_starts[-1] + 1


def perfect_report_from_gold(gold: dict, corpus_dir: Path) -> dict:
    """A report with every gold claim at its quote and one contradiction finding per gold pair.

    Scored against the same gold it must reach 1.00 everywhere; anything less is a scorer bug.
    """
    texts = {name: read_article(Path(corpus_dir), name) for name in sorted({c["file"] for c in gold["claims"]})}
    claims = []
    for number, g in enumerate(gold["claims"], start=1):
        text = texts[g["file"]]
        start, end = quote_span(text, g["quote"], g["file"])
        line, column = line_and_column(text, start)
        claims.append({
            "id": f"c{number}", "doc": g["file"], "kind": our_kind(g["kind"]), "subject": g["subject"],
            "value": g["value"], "qualifier": g.get("qualifier", "exact"), "time": g.get("time"),
            "form": g.get("form", ""), "person": g.get("person"),
            "span": {"start": start, "end": end, "line": line, "column": column, "text": text[start:end]},
        })
    findings = []
    for number, entry in enumerate(gold["contradictions"], start=1):
        groups = []
        for file in entry["files"]:
            members = [
                c for c in claims
                if c["doc"] == file and c["subject"] == entry["subject"] and family_of(c["kind"]) == family_of(entry["kind"])
            ]
            if not members:
                raise ScoringError(f"gold contradiction {entry['files']}: no {entry['subject']} claim in {file}")
            groups.append({"value": str(members[0]["value"]), "claims": [c["id"] for c in members]})
        findings.append({
            "id": f"f{number}", "rule": "gold", "verdict": "contradiction", "kind": our_kind(entry["kind"]),
            "subject": entry["subject"], "message": entry.get("why", ""), "groups": groups,
        })
    documents = [{"id": name, "published": None, "date_source": "none"} for name in sorted(gold_files(gold))]
    return {"documents": documents, "claims": claims, "findings": findings}


# ---------------------------------------------------------------- output


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def render(claims: ClaimScores, contradictions: ContradictionScores, title: str | None = None) -> str:
    claim_table = tabulate(
        [[r.kind, r.gold, r.predicted, r.matched, fmt(r.recall), fmt(r.precision), fmt(r.f1)] for r in claims.rows],
        headers=["kind", "gold", "predicted", "matched", "recall", "precision", "F1"],
        tablefmt="github",
        colalign=["left"] + ["right"] * 6,
        disable_numparse=True,  # keep "1.00" as written, not re-rendered as "1"
    )
    pair_table = tabulate(
        [[r.family, r.gold, r.predicted, r.found, r.missed, r.false, fmt(r.recall), fmt(r.precision)]
         for r in contradictions.rows],
        headers=["family", "gold", "predicted", "found", "missed", "false", "recall", "precision"],
        tablefmt="github",
        colalign=["left"] + ["right"] * 7,
        disable_numparse=True,  # keep "1.00" as written, not re-rendered as "1"
    )
    parts = ([f"# {title}", ""] if title else []) + ["## Claims", "", claim_table, "", "## Contradicting file pairs", "", pair_table]
    for title, pairs in (("Missed pairs", contradictions.missed), ("Falsely flagged pairs", contradictions.false)):
        parts += ["", f"### {title} ({len(pairs)})", ""]
        if not pairs:
            parts.append("none")
        for pair in pairs:
            parts.append(f"- {pair.family}: `{pair.files[0]}` / `{pair.files[1]}`")
            parts += [f"  - `{file}`: {json.dumps(text, ensure_ascii=False)}" for file, text in pair.quotes]
    return "\n".join(parts) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same directory, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)  # mkstemp makes the file private; the output is an ordinary readable file
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- command line


def find_manifest(corpus_dir: Path) -> Path | None:
    """The dates of a corpus kept outside a corpus.toml: the devset's `manifest.toml`, next to the
    articles or one level up (its keys are file names relative to `articles/`)."""
    if (corpus_dir / "corpus.toml").exists():
        return None
    for candidate in (corpus_dir / "manifest.toml", corpus_dir.parent / "manifest.toml"):
        if candidate.is_file():
            return candidate
    return None


def run_checker(corpus_dir: Path, manifest: Path | None = None) -> dict:
    command = [sys.executable, "-m", "checker.cli", "check", str(corpus_dir.resolve()), "--format", "json"]
    manifest = manifest or find_manifest(corpus_dir)
    if manifest is not None:
        command += ["--manifest", str(manifest.resolve())]
    try:
        done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8")
    except OSError as exc:
        raise ScoringError(f"cannot run the checker: {exc}") from None
    last_error_line = (done.stderr.strip().splitlines() or ["no message"])[-1]
    if done.returncode not in (0, 1):  # 1 only means contradictions were found
        raise ScoringError(f"checker exited with {done.returncode}: {last_error_line}")
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        # Python also exits 1 when the checker cannot even be imported.
        raise ScoringError(f"checker printed no JSON report (exit {done.returncode}): {last_error_line}") from None


def load_json(path: Path, what: str) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScoringError(f"{path}: cannot read {what}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ScoringError(f"{path}: {what} is not valid JSON: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="corpus directory (the articles the gold quotes are in)")
    parser.add_argument("gold", type=Path, help="gold.json")
    parser.add_argument("--report", type=Path, help="a checker JSON report; without it the checker is run on CORPUS")
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    parser.add_argument("--title", help="a level-1 heading above the tables")
    parser.add_argument("--manifest", type=Path,
                        help="dates of the corpus files (default: CORPUS/corpus.toml, else manifest.toml in CORPUS or its parent)")
    args = parser.parse_args(argv)
    try:
        if not args.corpus.is_dir():
            raise ScoringError(f"{args.corpus}: not a directory")
        gold = load_json(args.gold, "gold")
        report = load_json(args.report, "report") if args.report else run_checker(args.corpus, args.manifest)
        text = render(score_claims(report, gold, args.corpus), score_contradictions(report, gold), args.title)
        if args.markdown:
            write_atomically(args.markdown, text)
    except (ScoringError, KeyError, TypeError) as exc:
        # KeyError/TypeError: a report or gold entry without a field the contract requires.
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        print(f"error: {detail}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
