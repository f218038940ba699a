"""The command line: parses options, runs the engine, picks the reporter, maps results to exit codes."""

from __future__ import annotations

import enum
import gc
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .baseline import build_baseline, compare_with_baseline, describe_update, failing_findings, load_baseline, save_baseline
from .claim_texts import ClaimTexts
from .config import Config, load_config, with_flags
from .engine import CheckResult, Options, save_quietly
from .engine import check as run_check
from .pipeline import default_jobs
from .errors import CheckerError
from .models import Verdict
from .output import write_atomic, write_atomic_with
from .report import FORMATS, TEXT_FREE_FORMATS, json_report
from .report.records import printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_BASELINE = Path("reports/baseline.json")
DEFAULT_FAIL_ON = "contradiction"

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="Find contradictions between news articles about the same story.")


class Format(str, enum.Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


class FailOn(str, enum.Enum):
    contradiction = "contradiction"
    discrepancy = "discrepancy"
    never = "never"


class Include(str, enum.Enum):
    discrepancy = "discrepancy"


class ClaimsShown(str, enum.Enum):
    all = "all"
    findings = "findings"
    none = "none"


class ExtractFormat(str, enum.Enum):
    table = "table"
    json = "json"


def fail(message: str) -> None:
    typer.echo(f"factcheck: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


def emit(content: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(content)
    else:
        write_atomic(output, content)


def emit_pieces(writer, output: Optional[Path]) -> None:
    """Like emit, for a report written piece by piece (the JSON report of a large corpus), in UTF-8."""
    if output is None:
        sys.stdout.flush()
        stream = getattr(sys.stdout, "buffer", None)  # None when stdout was replaced by a text-only stream
        write_buffered(writer, stream.write if stream is not None else lambda data: sys.stdout.write(data.decode()))
    else:
        write_atomic_with(output, lambda write: write_buffered(writer, write), binary=True)


def write_buffered(writer, write, size: int = 1 << 16) -> None:
    """Pass `writer`'s many small pieces (str, or UTF-8 bytes) on to `write` as UTF-8, in blocks of about `size` bytes."""
    pieces: list[bytes] = []
    held = 0

    def out(piece: str | bytes) -> None:
        nonlocal held
        if type(piece) is str:
            piece = piece.encode()
        pieces.append(piece)
        held += len(piece)
        if held >= size:
            write(b"".join(pieces))
            pieces.clear()
            held = 0

    writer(out)
    write(b"".join(pieces))


def write_json(result: CheckResult, claims: str, output: Optional[Path]) -> None:
    """The JSON report. One that lists every claim, with the cache on, takes the claims of unchanged
    documents from the claim texts cache and keeps the others' there."""
    if claims == ClaimsShown.all.value and result.cache is not None:
        result.texts = ClaimTexts.beside(result.cache)
        result.texts.load()
    emit_pieces(lambda out: json_report.write(result, out, claims, result.texts), output)
    if result.texts is not None:
        save_quietly(result.texts, result.corpus.warnings)  # after the report: a warning on stderr alone


PATHS = typer.Argument(..., help="Corpus directories or article files (.txt, .md).")
CONFIGURED_PATHS = typer.Argument(None, help="Corpus directories or article files (.txt, .md); default: `paths` from the configuration.")
JOBS = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for extraction (default: the machine's cores).")
CACHE_DIR = typer.Option(None, "--cache-dir", help="Claim cache directory (default: .factcheck-cache next to the corpus).")
NO_CACHE = typer.Option(False, "--no-cache", help="Neither read nor write the claim cache.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")
TIMINGS = typer.Option(False, "--timings", help="Print the time of each stage (load, extract, compare, report) on stderr.")
RULES = typer.Option(None, "--rules", help="Rules directory (default: the shipped rules/).")
MANIFEST = typer.Option(None, "--manifest", help="Corpus manifest (default: corpus.toml at the corpus root).")


def settings_for(paths: Optional[List[Path]], **flags: object) -> Config:
    """[tool.factcheck] (pyproject.toml) or factcheck.toml, with the given flags over it."""
    settings = with_flags(load_config(paths, tuple(FORMATS)), paths=paths, **flags)
    if not settings.paths:
        raise CheckerError("no corpus given: pass CORPUS or set `paths` in [tool.factcheck]")
    return settings


def warn_about_input(result: CheckResult) -> None:
    """One line per warning and per skipped file; a file name cannot break the line or drive the terminal."""
    for warning in result.corpus.warnings:
        typer.echo(f"factcheck: warning: {printable(warning)}", err=True)
    for skipped in result.corpus.skipped:
        typer.echo(f"factcheck: warning: skipped {printable(skipped.path)}: {skipped.reason}", err=True)


@app.command()
def check(
    paths: Optional[List[Path]] = CONFIGURED_PATHS,
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="Report format (default: table)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    rules: Optional[Path] = RULES,
    manifest: Optional[Path] = MANIFEST,
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Known findings: only new ones fail the check."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest verdict that fails the check (default: contradiction)."),
    claims: ClaimsShown = typer.Option(ClaimsShown.all, "--claims", help="Claims the JSON report lists: all, those findings refer to, or none."),
    jobs: Optional[int] = JOBS,
    cache_dir: Optional[Path] = CACHE_DIR,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
    timings: bool = TIMINGS,
) -> None:
    """Check a corpus: list contradictions, discrepancies, successions and agreements."""
    try:
        settings = settings_for(paths, rules=rules, manifest=manifest, baseline=baseline,
                                fail_on=fail_on and fail_on.value, format=format and format.value)
        # Read the baseline first: a broken one should stop the run before any work or output.
        known = load_baseline(settings.baseline) if settings.baseline else None
        chosen = settings.format or Format.table.value
        result = run_check(settings.paths, settings.rules, settings.manifest,
                           run_options(chosen, jobs, cache_dir, no_cache, quiet))
        if known is not None:
            result.baseline = compare_with_baseline(result, known)
        with result.timings.stage("report"):
            if chosen == Format.json.value:
                write_json(result, claims.value, output)
            else:
                emit(FORMATS[chosen](result), output)
    except CheckerError as exc:
        fail(str(exc))
    except OSError as exc:  # a file named, or standard output ("No space left on device")
        fail(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc.strerror or exc))
    warn_about_input(result)
    if timings:
        typer.echo(timing_line(result), err=True)
    failing = failing_findings(result, settings.fail_on or DEFAULT_FAIL_ON)
    if result.baseline is not None:
        for finding in failing:
            typer.echo(f"factcheck: new {finding.verdict.value} not in the baseline: "
                       f"{finding.rule} {finding.subject} [{result.baseline.fingerprints[finding.id]}] {finding.message}", err=True)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@app.command("baseline")
def make_baseline(
    paths: Optional[List[Path]] = CONFIGURED_PATHS,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Baseline file (default: `baseline` from the configuration, else reports/baseline.json)."),
    include: Optional[List[Include]] = typer.Option(None, "--include", help="Record discrepancies too (contradictions always are)."),
    update: bool = typer.Option(False, "--update", help="Refresh an existing baseline: keep notes, drop entries no longer found, add new ones."),
    rules: Optional[Path] = RULES,
    manifest: Optional[Path] = MANIFEST,
) -> None:
    """Record the current contradictions (and, with --include discrepancy, discrepancies) as known."""
    try:
        settings = settings_for(paths, rules=rules, manifest=manifest)
        target = output or settings.baseline or DEFAULT_BASELINE
        previous = load_baseline(target) if update else None
        if previous is None and target.exists():
            raise CheckerError(f"{target}: already exists; use --update to refresh it (notes are kept)")
        if include or previous is None:
            verdicts = {Verdict.contradiction} | {Verdict(choice.value) for choice in include or []}
        else:
            verdicts = set(previous.include)
        result = run_check(settings.paths, settings.rules, settings.manifest)
        current = build_baseline(result, verdicts, previous)
        save_baseline(target, current)
    except CheckerError as exc:
        fail(str(exc))
    except OSError as exc:  # a file named, or standard output ("No space left on device")
        fail(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc.strerror or exc))
    warn_about_input(result)
    typer.echo(describe_update(target, previous, current))


def run_options(format: str, jobs: Optional[int], cache_dir: Optional[Path], no_cache: bool, quiet: bool) -> Options:
    return Options(
        jobs=jobs or default_jobs(),
        cache=not no_cache,
        cache_dir=cache_dir,
        keep_texts=format not in TEXT_FREE_FORMATS,
        progress=False if quiet else None,
    )


def timing_line(result) -> str:
    """'factcheck: timings: load 0.12s extract 3.40s compare 0.20s report 0.31s; cache 9999 hits
    (9990 unchanged, not read) 1 misses 0 dropped; findings of 17 subjects reused, 3 compared;
    claim texts of 9999 documents reused' (the last part for a JSON report that lists every claim)."""
    stages = " ".join(f"{name} {seconds:.3f}s" for name, seconds in result.timings.items())
    cache, memo, texts = result.cache, result.memo, result.texts
    if cache is None:
        return f"factcheck: timings: {stages}; no cache"
    line = (f"factcheck: timings: {stages}; cache {cache.hits} hits ({cache.unread} unchanged, not read) "
            f"{cache.misses} misses {cache.dropped} dropped; findings of {memo.reused} subjects reused, {memo.compared} compared")
    return line + (f"; claim texts of {texts.reused} documents reused" if texts is not None else "")


@app.command()
def extract(
    paths: List[Path] = PATHS,
    format: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f"),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
    rules: Optional[Path] = RULES,
    manifest: Optional[Path] = MANIFEST,
) -> None:
    """List the claims found in a corpus, without comparing them."""
    import json

    from .report.records import claim_record, location
    from .report.table import one_line

    try:
        result = run_check(paths, rules, manifest)
        if format is ExtractFormat.json:
            content = json.dumps([claim_record(c) for c in result.claims], indent=2, ensure_ascii=False) + "\n"
        else:
            rows = [[location(c), c.kind, c.subject, c.value, c.qualifier.value, c.time or "", one_line(c.span.text)] for c in result.claims]
            from tabulate import tabulate

            content = tabulate(rows, headers=["location", "kind", "subject", "value", "qualifier", "time", "quote"]) + "\n"
        emit(content, output)
    except CheckerError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or ''}: {exc.strerror}")


@app.command()
def explain(
    paths: List[Path] = typer.Argument(..., metavar="CORPUS...", help="Corpus directories or article files (.txt, .md)."),
    finding_id: str = typer.Argument(..., metavar="FINDING_ID", help="A finding id as reports show it (F1a2b3c4d); a unique prefix is enough."),
    rules: Optional[Path] = RULES,
    manifest: Optional[Path] = MANIFEST,
) -> None:
    """Show how one finding was derived: sentences, dates, implied values, the rule, the verdict."""
    from .explain import explain as derivation, find_finding

    try:
        result = run_check(paths, rules, manifest)
        finding = find_finding(result.findings, finding_id)
    except CheckerError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or ''}: {exc.strerror}")
    manifest_name = manifest.name if manifest else "corpus.toml"
    typer.echo("\n".join(derivation(result, finding, manifest_name)))


@app.command("rules")
def list_rules(rules: Optional[Path] = RULES) -> None:
    """List the rules and their parameters."""
    from .rules import load_rules

    try:
        loaded = load_rules(rules)
    except CheckerError as exc:
        fail(str(exc))
    rows = []
    for rule in loaded.rules:
        params = rule.model_dump(exclude={"id", "description", "kinds", "severity", "source", "comparison"})
        rows.append([rule.id, rule.comparison, ",".join(rule.kinds), rule.severity,
                     " ".join(f"{k}={v}" for k, v in params.items()), rule.description])
    from tabulate import tabulate

    typer.echo(tabulate(rows, headers=["id", "comparison", "kinds", "severity", "parameters", "description"]))


def main() -> None:
    """The `factcheck` command: run() and leave (see leave)."""
    leave(run())


def run() -> int:
    """The command's exit code. A bug of factcheck's own ends the run as bad input does: one line on
    stderr and exit 2 (the traceback with FACTCHECK_TRACEBACK=1, for a report of the bug)."""
    # The command runs without the cyclic garbage collector: it makes few cycles, and each collection
    # walked every object alive, the claim pack's and the report's (a tenth of a re-run's time, even at
    # the raised threshold of pipeline.fewer_collections). Worker processes collect as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        app()
    except SystemExit as exc:  # how typer ends every run, however it went
        if isinstance(exc.code, str):  # as the interpreter would: the message, and exit 1
            sys.stderr.write(exc.code + "\n")
        return exc.code if isinstance(exc.code, int) else 1 if exc.code else EXIT_CLEAN
    except Exception as exc:
        if os.environ.get("FACTCHECK_TRACEBACK"):
            raise
        message = printable(str(exc)).strip() or "(no message)"
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {message} "
                   "(a bug in factcheck: run again with FACTCHECK_TRACEBACK=1 to see where, and please report it)", err=True)
        return EXIT_ERROR
    finally:
        if collecting:
            gc.enable()
    return EXIT_CLEAN


def leave(code: int) -> None:
    """Flush and exit at once, without the interpreter's teardown: freeing the claims and findings of an
    archive one object at a time took a tenth of a second, as long as the rest of a re-run's report.
    Every file of the run is complete by now (written, then renamed), and the workers are gone."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OSError) as exc:  # a reader that went away, a full disk: say so, as Python would not
        if not isinstance(exc, BrokenPipeError):
            sys.stderr.write(f"factcheck: error: {exc.strerror or exc}\n")
        code = EXIT_ERROR
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
