"""The command line: parses options, runs the engine, picks the reporter, maps results to exit codes."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import List, Optional

import typer
from tabulate import tabulate

from .engine import check as run_check
from .errors import CheckerError
from .models import Verdict
from .output import write_atomic
from .report import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="Find contradictions between news articles about the same story.")


class Format(str, enum.Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    html = "html"


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


PATHS = typer.Argument(..., help="Corpus directories or article files (.txt, .md).")
RULES = typer.Option(None, "--rules", help="Rules directory (default: the shipped rules/).")
MANIFEST = typer.Option(None, "--manifest", help="Corpus manifest (default: corpus.toml at the corpus root).")


@app.command()
def check(
    paths: List[Path] = PATHS,
    format: Format = typer.Option(Format.table, "--format", "-f", help="Report format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    rules: Optional[Path] = RULES,
    manifest: Optional[Path] = MANIFEST,
) -> None:
    """Check a corpus: list contradictions, discrepancies, successions and agreements."""
    try:
        result = run_check(paths, rules, manifest)
        emit(FORMATS[format.value](result), output)
    except CheckerError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or ''}: {exc.strerror}")
    for warning in result.corpus.warnings:
        typer.echo(f"factcheck: warning: {warning}", err=True)
    for skipped in result.corpus.skipped:
        typer.echo(f"factcheck: warning: skipped {skipped.path}: {skipped.reason}", err=True)
    contradictions = any(f.verdict is Verdict.contradiction for f in result.findings)
    raise typer.Exit(EXIT_FINDINGS if contradictions else EXIT_CLEAN)


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

    try:
        result = run_check(paths, rules, manifest)
        if format is ExtractFormat.json:
            content = json.dumps([claim_record(c) for c in result.claims], indent=2, ensure_ascii=False) + "\n"
        else:
            rows = [[location(c), c.kind, c.subject, c.value, c.qualifier.value, c.time or "", c.span.text] for c in result.claims]
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
    typer.echo(tabulate(rows, headers=["id", "comparison", "kinds", "severity", "parameters", "description"]))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
