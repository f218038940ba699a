"""The one exception type the CLI turns into a one-line message and exit code 2."""


class CheckerError(Exception):
    """A problem with the user's input: a path, a manifest, a rule file."""
