"""Patterns rebuilt from the programs `re` compiled them to on an earlier run, not compiled again.

`re` parses and compiles a pattern in Python. The extractors' large patterns,
built from the vocabulary (hundreds of country names, several times over),
take a fifth of a second to compile: on a re-run, most of the time its worker
needs before it can extract the one article that changed. Compiling ends in
`_sre.compile(pattern, flags, program, ...)`, which builds the pattern object
from its program alone. It checks in C that a program is well-formed, not that it
is this pattern's: that is the store's checksum's job (cache.read_pack). So `compiled()`
keeps each program it compiles, the cache writes them down (`exported()`),
and the next run's workers start from them (`absorb()`).

A program is only good for the `re` that wrote it: `VERSION` names the
interpreter and the program format, and the store of another one is ignored.
A program that cannot be rebuilt is compiled again.
"""

from __future__ import annotations

import re
import sys
from re import _compiler, _parser

import _sre

VERSION = f"{sys.implementation.cache_tag}-{sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}-{_sre.MAGIC}"

# (pattern, flags) -> (flags, program, last group number, group index, index group): _sre.compile's arguments
_programs: dict[tuple[str, int], tuple] = {}
_added = False


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the stored program when there is one."""
    flags = int(flags)
    program = _programs.get((pattern, flags))
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except (RuntimeError, TypeError, ValueError):  # a program this `re` does not take: compile it again
            pass
    return _compile(pattern, flags)


def _compile(pattern: str, flags: int) -> re.Pattern:
    """What re.compile does (re._compiler.compile), keeping the program on the way."""
    global _added
    tree = _parser.parse(pattern, flags)
    program = [int(op) for op in _compiler._code(tree, flags)]
    groups = tree.state.groupdict
    index = [None] * tree.state.groups
    for name, number in groups.items():
        index[number] = name
    arguments = (int(flags | tree.state.flags), program, tree.state.groups - 1, dict(groups), tuple(index))
    _programs[pattern, flags] = arguments
    _added = True
    return _sre.compile(pattern, *arguments)


def absorb(stored: object) -> None:
    """Take the programs of `exported()`, as read back from a file; anything else is left out."""
    if not isinstance(stored, dict) or stored.get("version") != VERSION or not isinstance(stored.get("programs"), list):
        return
    for entry in stored["programs"]:
        try:
            pattern, flags, compiled_flags, program, last_group, groups, index = entry
            _programs.setdefault((pattern, flags), (compiled_flags, program, last_group, groups, tuple(index)))
        except (TypeError, ValueError):
            continue


def exported() -> dict:
    """Every program held, as a pack (cache.write_pack) holds it."""
    return {"version": VERSION, "programs": [[pattern, flags, *program] for (pattern, flags), program in sorted(_programs.items())]}


def added() -> bool:
    """Whether a pattern was compiled since the store was last written (see written)."""
    return _added


def written() -> None:
    global _added
    _added = False
