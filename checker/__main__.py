"""The `factcheck` command and `python -m checker`: the command line, with the cyclic garbage collector
off from the first import on.

Importing the command line's modules (pydantic, typer, the checker's own) sets off some sixty
collections, each walking every object made so far: 10 ms, a fortieth of a re-run after a small edit.
The command itself runs without the collector too (cli.run); importing checker.cli from Python
leaves the collector alone.
"""

import gc

gc.disable()

from checker.cli import main  # noqa: E402  (after the collector is off: that is the point)

if __name__ == "__main__":
    main()
