"""Small corpora the report tests write into a temporary directory.

The hostile corpus has a contradiction of three kinds (series cadence, office
holder, founding year) and article text and a file name that try to inject
markup: a `<script>` that would set the page title and a global, and an
attribute break-out with an `onerror` handler that would set the same global.
"""

from __future__ import annotations

from pathlib import Path

HOSTILE_SCRIPT = '<script>document.title="pwned";window.__pwned=1</script>'
HOSTILE_IMAGE = '"><img src=x onerror="window.__pwned=2">'
HOSTILE_NAME = 'b"<i>.txt'

HOSTILE_ARTICLES = {
    "a.txt": ("2024-07-17", f"Yesterday the 54th Security Consultative Meeting was held {HOSTILE_SCRIPT} in Seoul."),
    HOSTILE_NAME: ("2024-09-25", f"The 56th SCM will be held later this year, {HOSTILE_IMAGE} officials said."),
    "c.txt": ("2024-09-20", "U.S. Secretary of Defense Lloyd Austin met <b>allies</b> & partners in Tokyo."),
    "d.txt": ("2024-09-25", "U.S. Secretary of Defense Pete Hegseth visited Seoul."),
    "e.txt": ("2023-09-25", "This year marks the 70th anniversary of the alliance between the U.S. and South Korea."),
    "f.txt": ("2023-09-25", "This year marks the 60th anniversary of the alliance between the U.S. and South Korea."),
}

# Troop counts a few weeks apart: two agree, one only loosely fits; the undated one takes no part.
TROOP_ARTICLES = {
    "a.txt": ("2024-01-10", "The United States keeps about 28,500 troops in South Korea, officials said."),
    "b.txt": ("2024-03-01", "Some 37,000 U.S. troops are stationed in South Korea."),
    "c.txt": ("2024-02-01", "The U.S. has 28,000 troops stationed in South Korea."),
}
UNDATED_TROOPS = "There are now more than 28,500 U.S. troops in South Korea.\n"


def write_corpus(root: Path, articles: dict[str, tuple[str, str]]) -> Path:
    """Articles and a corpus.toml dating them; returns the corpus directory."""
    root.mkdir(parents=True, exist_ok=True)
    manifest = []
    for name, (published, body) in articles.items():
        (root / name).write_text(body + "\n", encoding="utf-8")
        manifest.append(f'[files.{toml_string(name)}]\npublished = {published}\n')
    (root / "corpus.toml").write_text("\n".join(manifest), encoding="utf-8")
    return root


def toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_hostile_corpus(root: Path) -> Path:
    return write_corpus(root, HOSTILE_ARTICLES)


def write_troop_corpus(root: Path) -> Path:
    write_corpus(root, TROOP_ARTICLES)
    (root / "undated.txt").write_text(UNDATED_TROOPS, encoding="utf-8")
    return root


def write_dense_corpus(root: Path, seeds: Path, copies: int = 24) -> Path:
    """Two seed articles copied many times, a few days apart: crowded timelines."""
    articles = {}
    for index in range(copies):
        for name in ("001_b166ca59ad2d7a73.txt", "004_596fa0c6d08d4768.txt"):
            body = (seeds / name).read_text(encoding="utf-8")
            day = 1 + (index * 3) % 28
            articles[f"{index:02}_{name}"] = (f"20{22 + index % 4}-{1 + index % 12:02}-{day:02}", body)
    return write_corpus(root, articles)
