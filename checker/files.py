"""Reading the files a corpus or a rules directory names: regular files only, never a pipe or a device."""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Callable

from .errors import CheckerError

_FILE_TYPES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class NotRegularFile(OSError):
    """A path that names something other than a file: reading it could block or never end."""


def read_regular_file(path: str | Path) -> bytes:
    """The bytes of a regular file.

    The file is opened without blocking and checked on its open descriptor, so a named
    pipe or a device can neither hang the run nor slip in between a check and the read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for is_kind, name in _FILE_TYPES if is_kind(mode)), "an unknown kind of file")
        raise NotRegularFile(errno.EINVAL, f"not a regular file ({kind})", str(path))
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def why_unreadable(path: str | Path, error: OSError) -> str:
    """A short reason for a skipped file, the same whatever the platform's wording."""
    if isinstance(error, NotRegularFile):
        return error.strerror
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link"
    return f"cannot read: {error.strerror or error}"


def read_toml(path: Path, what: str, plain: Callable[[str], dict | None] | None = None) -> tuple[str, dict]:
    """The text and data of a TOML file; a CheckerError naming the file (and line) otherwise.

    `plain`, if given, parses a common subset of the file's form faster than tomllib, giving
    what tomllib would, and None for anything else (which tomllib then reads)."""
    try:
        raw = read_regular_file(path).decode("utf-8")
    except OSError as exc:
        raise CheckerError(f"{path}: cannot read {what}: {why_unreadable(path, exc)}") from None
    except UnicodeDecodeError as exc:
        raise CheckerError(f"{path}: cannot read {what}: not UTF-8 (byte {exc.start})") from None
    data = plain(raw) if plain is not None else None
    if data is not None:
        return raw, data
    try:
        return raw, tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line L, column C)"
        raise CheckerError(f"{path}: malformed TOML: {exc}") from None
