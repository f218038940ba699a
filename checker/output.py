"""Writing files so that a crash or an error never leaves one half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file in the same directory, then rename over the target."""
    write_atomic_with(path, lambda write: write(content))


def write_atomic_with(path: Path, writer, binary: bool = False) -> None:
    """Like write_atomic, for content produced piece by piece: `writer(write)` calls write(str) for each
    piece (write(bytes) when `binary`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
            writer(handle.write)
        # mkstemp creates the file 0600; a report is an ordinary file, so give it the umask's mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        _rename(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _rename(temp: str, path: Path) -> None:
    """os.replace, with errors naming the target the user gave, not the temporary file."""
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
