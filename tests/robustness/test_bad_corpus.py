"""All the bad inputs in one corpus: the run exits with the documented code (1: a contradiction was
found; bad files are never an error), reports every readable article, and names every skipped file
with its reason."""

from __future__ import annotations

import codecs
import json
import os
from collections import Counter
from pathlib import Path

from robust_helpers import CLAIMS_ASCII, CLAIMS_CP1252, CLAIMS_LATIN1, CLAIMS_UNICODE, run_cli

DEPTH = 100
DEEP_ID = "deep/" + "d/" * DEPTH + "deep.txt"
# Articles that must be read, each with all five kinds of claim.
FULL_ARTICLES = {
    "encodings/utf8.txt": CLAIMS_UNICODE.encode("utf-8"),
    "encodings/latin1.txt": CLAIMS_LATIN1.encode("latin-1"),
    "encodings/cp1252.txt": CLAIMS_CP1252.encode("cp1252"),
    "encodings/bom-utf8.txt": codecs.BOM_UTF8 + CLAIMS_UNICODE.encode("utf-8"),
    "encodings/bom-utf16le.txt": codecs.BOM_UTF16_LE + CLAIMS_UNICODE.encode("utf-16-le"),
    "encodings/bom-utf16be.md": codecs.BOM_UTF16_BE + CLAIMS_UNICODE.encode("utf-16-be"),
    "encodings/broken-utf8.txt": CLAIMS_CP1252.encode("utf-8").replace(b"Quoted", b"Quo\xfeted"),
    "endings/crlf.txt": CLAIMS_ASCII.replace("\n", "\r\n").encode(),
    "endings/cr.txt": CLAIMS_ASCII.replace("\n", "\r").encode(),
    "one/same.txt": CLAIMS_ASCII.encode(),
    "two/same.txt": CLAIMS_ASCII.encode(),
    "long-line.txt": ("filler " * 30_000 + CLAIMS_ASCII.replace("\n", " ")).encode(),
    "<script>x</script>.txt": CLAIMS_ASCII.encode(),
}
OTHER_ARTICLES = {
    "empty.txt": b"",
    "adversarial.txt": ("Minister " * 10_000 + "(" * 5_000 + "1" * 400 + " troops " + "54th " * 3_000 + "A" * 20_000).encode(),
    "front-matter.md": b"---\npublished: 2024-02-30\n---\nThe 56th SCM will be held later this year.\n",
    "manifest-future.txt": b"The 56th Security Consultative Meeting will be held later this year.\n",
}
SKIPPED = {
    "binary/image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
    "binary/paper.md": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
    "binary/nul.txt": (b"text\x00with NUL", "binary file (contains NUL bytes)"),
    "binary/utf16-without-bom.txt": (CLAIMS_ASCII.encode("utf-16-le"), "binary file (contains NUL bytes)"),
}
MANIFEST = (
    '[files."manifest-future.txt"]\npublished = 2999-01-01\n\n'
    '[files."gone.txt"]\npublished = 2024-01-01\n\n'
    '[files."binary/image.txt"]\npublished = 2024-01-01\n'
)


def build(root: Path) -> None:
    for name, data in {**FULL_ARTICLES, **OTHER_ARTICLES, **{k: v for k, (v, _) in SKIPPED.items()}}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "corpus.toml").write_text(MANIFEST, encoding="utf-8")
    here = root / "deep"
    here.mkdir()
    for _ in range(DEPTH):
        here = here / "d"
        here.mkdir()
    (here / "deep.txt").write_bytes(CLAIMS_ASCII.encode())
    (root / "links").mkdir()
    (root / "links" / "loop").symlink_to("..")  # a directory loop: walked once
    (root / "links" / "self.txt").symlink_to("self.txt")
    (root / "links" / "broken.txt").symlink_to("missing.txt")
    os.mkfifo(root / "links" / "pipe.txt")


def test_a_corpus_of_every_bad_input(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    build(root)
    report_path = tmp_path / "report.json"
    run = run_cli("check", str(root), "--format", "json", "--output", str(report_path), timeout=120)
    assert run.code == 1, run.stderr  # a contradiction (the 54th and the 56th SCM in 2024), and nothing worse
    assert run.stdout == ""
    report = json.loads(report_path.read_text(encoding="utf-8"))

    readable = sorted([*FULL_ARTICLES, *OTHER_ARTICLES, DEEP_ID])
    assert [d["id"] for d in report["documents"]] == readable
    claims_per_document = Counter(c["doc"] for c in report["claims"])
    for doc_id in [*FULL_ARTICLES, DEEP_ID]:
        assert claims_per_document[doc_id] == 5, doc_id

    skipped = {
        **{name: reason for name, (_, reason) in SKIPPED.items()},
        "links/broken.txt": "broken symbolic link",
        "links/pipe.txt": "not a regular file (a named pipe)",
        "links/self.txt": "symbolic link loop",
    }
    assert [(s["path"], s["reason"]) for s in report["skipped"]] == sorted(skipped.items())
    assert report["warnings"] == [
        "corpus.toml:1: files.'manifest-future.txt': published 2999-01-01 is in the future",
        "encodings/broken-utf8.txt: decoded as UTF-8; 1 undecodable byte replaced by U+FFFD",
        "front-matter.md:2: front matter date '2024-02-30' is not a date (YYYY-MM-DD); ignored",
        "corpus.toml:4: lists 'gone.txt', which is not in the corpus",
    ]
    assert run.stderr.splitlines() == (
        [f"factcheck: warning: {w}" for w in report["warnings"]]
        + [f"factcheck: warning: skipped {path}: {reason}" for path, reason in sorted(skipped.items())]
    )
    assert {f["verdict"] for f in report["findings"]} >= {"contradiction"}
