"""Project configuration: `[tool.factcheck]` in pyproject.toml, or factcheck.toml.

Looked for in the corpus root (the current directory when no corpus is given),
then in the root of the git repository holding it; the first file that has a
factcheck table wins. factcheck.toml may put its keys at the top or under
`[tool.factcheck]`. Paths in it are relative to the file. Flags override it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .baseline import FAIL_ON_CHOICES
from .errors import CheckerError
from .files import read_toml

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")
PATH_KEYS = ("rules", "baseline", "manifest")
KNOWN_KEYS = ("paths", *PATH_KEYS, "fail-on", "format")


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    paths: list[Path] | None = None
    rules: Path | None = None
    baseline: Path | None = None
    manifest: Path | None = None
    fail_on: str | None = None
    format: str | None = None


def repository_root(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():  # a file in a worktree, a directory otherwise
            return directory
    return None


def search_start(paths: list[Path] | None) -> Path | None:
    """The corpus root a config is looked for in: the first corpus path's directory, else the cwd."""
    if not paths:
        return Path.cwd()
    first = paths[0]
    if first.is_dir():
        return first.resolve()
    if first.is_file():
        return first.resolve().parent
    return None  # a missing path: loading the corpus reports it


def factcheck_table(path: Path) -> dict | None:
    """The factcheck settings in one file, or None when the file has none."""
    _, data = read_toml(path, "configuration")
    tool_table = data.get("tool", {}).get("factcheck") if isinstance(data.get("tool"), dict) else None
    if path.name == "pyproject.toml":
        return tool_table
    if tool_table is not None and set(data) == {"tool"}:
        return tool_table
    return data


def find_config(start: Path) -> tuple[Path, dict] | None:
    directories = [start]
    root = repository_root(start)
    if root is not None and root != start:
        directories.append(root)
    for directory in directories:
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                table = factcheck_table(candidate)
                if table is not None:
                    return candidate, table
    return None


def _line_of(raw: str, key: str) -> int | None:
    found = re.search(rf'^\s*["\']?{re.escape(key)}["\']?\s*=', raw, re.M)
    return raw.count("\n", 0, found.start()) + 1 if found else None


def _where(path: Path, key: str) -> str:
    line = _line_of(path.read_text(encoding="utf-8"), key)
    return f"{path}:{line}" if line else str(path)


def _string(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise CheckerError(f"{_where(path, key)}: {key} must be a non-empty string, not {value!r}")
    return value


def parse_config(path: Path, table: dict, formats: tuple[str, ...]) -> Config:
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise CheckerError(f"{_where(path, unknown[0])}: unknown configuration key(s) {', '.join(unknown)}; "
                           f"expected {', '.join(sorted(KNOWN_KEYS))}")
    base = path.parent
    settings: dict = {"source": path}
    if "paths" in table:
        paths = table["paths"]
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
            raise CheckerError(f"{_where(path, 'paths')}: paths must be a non-empty list of strings")
        settings["paths"] = [base / p for p in paths]
    for key in PATH_KEYS:
        if key in table:
            settings[key] = base / _string(path, key, table[key])
    for key, choices in (("fail-on", FAIL_ON_CHOICES), ("format", formats)):
        if key in table:
            value = _string(path, key, table[key])
            if value not in choices:
                raise CheckerError(f"{_where(path, key)}: {key} = {value!r}; expected one of {', '.join(choices)}")
            settings[key.replace("-", "_")] = value
    return Config(**settings)


def load_config(paths: list[Path] | None, formats: tuple[str, ...]) -> Config:
    start = search_start(paths)
    found = find_config(start) if start is not None else None
    if found is None:
        return Config()
    return parse_config(*found, formats)


def with_flags(config: Config, **flags: object) -> Config:
    """The configuration with every flag the user gave (not None, not empty) put over it."""
    given = {key: value for key, value in flags.items() if value not in (None, [], ())}
    return Config(**{**config.__dict__, **given})
