"""The accuracy scorer on three tiny hand-made articles with hand-made gold."""

from __future__ import annotations

import copy
import json
import subprocess

import pytest

from benchmarks import accuracy
from benchmarks.accuracy import (
    FamilyScore,
    KindScore,
    ScoringError,
    perfect_report_from_gold,
    score_claims,
    score_contradictions,
)
from benchmarks.names import name_tokens, names_match

ARTICLES = {
    "a.txt": (
        "NATO marks 75th anniversary\n"
        "Signed in 1949, the treaty endures, said Secretary General Jens Stoltenberg.\n"
        "Prime Minister KISHIDA Fumio met Defense Secretary Lloyd J. Austin III.\n"
    ),
    "b.txt": (
        "Alliance turns 70\r\n"  # Windows line endings: offsets must still agree with the gold quotes
        "The 70th anniversary of the treaty was hailed by Prime Minister Fumio Kishida.\r\n"
        "The 48th G7 summit opened, and some 36,000 U.S. troops remain in Germany.\r\n"
    ),
    "c.txt": (
        "Ministers meet\n"
        "Defence Minister Minoru Kihara met Ahn Gyu-back on the 65th anniversary of the school.\n"
        "At the 46th G7 summit, leaders noted some 54,500 U.S. troops in Germany.\n"
    ),
}


def claim(file, kind, subject, value, quote, **extra):
    return {"file": file, "kind": kind, "subject": subject, "value": value, "quote": quote, "time": None, **extra}


GOLD = {
    "claims": [
        claim("a.txt", "anniversary", "alliance:nato", 75, "75th anniversary"),
        claim("a.txt", "founding_year", "alliance:nato", 1949, "Signed in 1949"),
        claim("a.txt", "office_holder", "office:nato-secretary-general", "Jens Stoltenberg", "Jens Stoltenberg"),
        claim("a.txt", "office_holder", "office:japan-prime-minister", "KISHIDA Fumio", "Prime Minister KISHIDA Fumio"),
        claim("a.txt", "office_holder", "office:us-secretary-of-defense", "Lloyd J. Austin III", "Lloyd J. Austin III"),
        claim("b.txt", "anniversary", "alliance:nato", 70, "70th anniversary"),
        claim("b.txt", "office_holder", "office:japan-prime-minister", "Fumio Kishida", "Fumio Kishida"),
        claim("b.txt", "meeting_ordinal", "series:g7", 48, "48th G7 summit"),
        claim("b.txt", "troop_count", "forces:us-germany", 36000, "some 36,000 U.S. troops"),
        claim("c.txt", "office_holder", "office:japan-defense-minister", "Minoru Kihara", "Defence Minister Minoru Kihara"),
        claim("c.txt", "office_holder", "office:korea-minister", "Ahn Gyu-back", "Ahn Gyu-back"),
        claim("c.txt", "meeting_ordinal", "series:g7", 46, "46th G7 summit"),
        claim("c.txt", "troop_count", "forces:us-germany", 54500, "some 54,500 U.S. troops"),
    ],
    "contradictions": [
        {"files": ["b.txt", "a.txt"], "kind": "anniversary", "subject": "alliance:nato"},
        {"files": ["b.txt", "c.txt"], "kind": "meeting_ordinal", "subject": "series:g7"},
        {"files": ["b.txt", "c.txt"], "kind": "troop_count", "subject": "forces:us-germany"},
    ],
}


@pytest.fixture
def corpus(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return tmp_path


@pytest.fixture
def gold():
    return copy.deepcopy(GOLD)


@pytest.fixture
def perfect(gold, corpus):
    return perfect_report_from_gold(gold, corpus)


def find_claim(report, doc, quote):
    return next(c for c in report["claims"] if c["doc"] == doc and c["span"]["text"] == quote)


def add_claim(report, doc, kind, value, quote, claim_id):
    start = ARTICLES[doc].index(quote)
    span = {"start": start, "end": start + len(quote), "line": 1, "column": 1, "text": quote}
    report["claims"].append({"id": claim_id, "doc": doc, "kind": kind, "subject": "x", "value": value, "span": span})


def contradiction(*groups, kind="anniversary"):
    return {"id": "f", "rule": "r", "verdict": "contradiction", "kind": kind, "subject": "s", "message": "",
            "groups": [{"value": "v", "claims": list(group)} for group in groups]}


# ---------------------------------------------------------------- claims


def test_perfect_report_scores_one_everywhere(perfect, gold, corpus):
    claims = score_claims(perfect, gold, corpus)
    assert [r.kind for r in claims.rows] == [
        "anniversary", "meeting_number", "office_holder", "treaty_year", "troop_count", "all"]
    assert claims.row("all") == KindScore("all", 13, 13, 13)
    for row in claims.rows:
        assert (row.recall, row.precision, row.f1) == (1.0, 1.0, 1.0)
    assert claims.missed == [] and claims.spurious == []

    pairs = score_contradictions(perfect, gold)
    assert pairs.row("all") == FamilyScore("all", 3, 3, 3)
    for row in pairs.rows:
        assert (row.recall, row.precision) == (1.0, 1.0)
    assert pairs.missed == [] and pairs.false == []


def test_perfect_report_spans_and_positions(perfect):
    troops = find_claim(perfect, "b.txt", "some 36,000 U.S. troops")
    start = ARTICLES["b.txt"].index("some 36,000")
    assert troops["span"]["start"] == start
    assert (troops["span"]["line"], troops["span"]["column"]) == (3, 32)
    assert find_claim(perfect, "a.txt", "Signed in 1949")["kind"] == "treaty_year"


def test_missing_claim_lowers_recall_only(perfect, gold, corpus):
    perfect["claims"].remove(find_claim(perfect, "b.txt", "some 36,000 U.S. troops"))
    claims = score_claims(perfect, gold, corpus)
    troops = claims.row("troop_count")
    assert troops == KindScore("troop_count", 2, 1, 1)
    assert (troops.recall, troops.precision, troops.f1) == (0.5, 1.0, pytest.approx(2 / 3))
    assert claims.row("all") == KindScore("all", 13, 12, 12)
    assert [c["quote"] for c in claims.missed] == ["some 36,000 U.S. troops"]


def test_wrong_value_lowers_precision_and_recall(perfect, gold, corpus):
    find_claim(perfect, "b.txt", "48th G7 summit")["value"] = 47
    claims = score_claims(perfect, gold, corpus)
    meetings = claims.row("meeting_number")
    assert meetings == KindScore("meeting_number", 2, 2, 1)
    assert (meetings.recall, meetings.precision, meetings.f1) == (0.5, 0.5, 0.5)
    assert claims.row("anniversary") == KindScore("anniversary", 2, 2, 2)


def test_span_elsewhere_is_unmatched(perfect, gold, corpus):
    anniversary = find_claim(perfect, "a.txt", "75th anniversary")
    quote_start = anniversary["span"]["start"]
    anniversary["span"].update(start=0, end=quote_start)  # ends where the quote starts: no overlap
    assert score_claims(perfect, gold, corpus).row("anniversary") == KindScore("anniversary", 2, 2, 1)

    anniversary["span"].update(start=0, end=quote_start + 1)  # one character of overlap is enough
    assert score_claims(perfect, gold, corpus).row("anniversary") == KindScore("anniversary", 2, 2, 2)


def test_each_gold_claim_matches_once(perfect, gold, corpus):
    duplicate = copy.deepcopy(find_claim(perfect, "c.txt", "46th G7 summit"))
    duplicate["id"] = "dup"
    perfect["claims"].append(duplicate)
    assert score_claims(perfect, gold, corpus).row("meeting_number") == KindScore("meeting_number", 2, 3, 2)


def test_predictions_outside_gold_files_are_ignored(perfect, gold, corpus):
    stray = copy.deepcopy(find_claim(perfect, "c.txt", "46th G7 summit"))
    stray.update(id="stray", doc="other.txt")
    perfect["claims"].append(stray)
    assert score_claims(perfect, gold, corpus).row("all") == KindScore("all", 13, 13, 13)


def test_doc_ids_below_a_parent_folder_match_gold_files(perfect, gold, corpus):
    for c in perfect["claims"]:
        c["doc"] = "articles/" + c["doc"]
    assert score_claims(perfect, gold, corpus).row("all") == KindScore("all", 13, 13, 13)
    assert score_contradictions(perfect, gold).row("all") == FamilyScore("all", 3, 3, 3)


@pytest.mark.parametrize("doc, quote, predicted", [
    ("a.txt", "Prime Minister KISHIDA Fumio", "Fumio Kishida"),
    ("a.txt", "Lloyd J. Austin III", "Lloyd Austin"),
    ("c.txt", "Ahn Gyu-back", "Ahn Gyu-baek"),
])
def test_office_holder_name_variants_match(perfect, gold, corpus, doc, quote, predicted):
    find_claim(perfect, doc, quote).update(value=predicted, person=None)
    assert score_claims(perfect, gold, corpus).row("office_holder") == KindScore("office_holder", 6, 6, 6)


def test_other_person_in_the_office_does_not_match(perfect, gold, corpus):
    kihara = find_claim(perfect, "c.txt", "Defence Minister Minoru Kihara")
    kihara.update(value="Gen Nakatani", person=None)
    assert score_claims(perfect, gold, corpus).row("office_holder") == KindScore("office_holder", 6, 6, 5)

    kihara["person"] = "Minoru Kihara"  # the full name the checker resolved is accepted too
    assert score_claims(perfect, gold, corpus).row("office_holder") == KindScore("office_holder", 6, 6, 6)


@pytest.mark.parametrize("a, b", [
    ("KISHIDA Fumio", "Fumio Kishida"),
    ("Lloyd J. Austin III", "Lloyd Austin"),
    ("Ahn Gyu-back", "Ahn Gyu-baek"),
    ('Joko "Jokowi" Widodo', "Joko Widodo"),
    ("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr"),
    ("Teodoro Locsin, Jr.", "Locsin"),
    ("José Ramos-Horta", "Jose Ramos Horta"),
    ("Blinken", "Antony J. Blinken"),
])
def test_names_match(a, b):
    assert names_match(a, b) and names_match(b, a)


@pytest.mark.parametrize("a, b", [
    ("Kihara", "Nakatani"),
    ("Minoru Kihara", "Gen Nakatani"),
    ("Li Qiang", "Li Shangfu"),  # a shared two-letter family name is not enough
])
def test_names_do_not_match(a, b):
    assert not names_match(a, b)


def test_name_tokens_drop_nicknames_suffixes_initials_and_accents():
    assert name_tokens('Joko "Jokowi" Widodo') == ["joko", "widodo"]
    assert name_tokens("Lloyd J. Austin III") == ["lloyd", "austin"]
    assert name_tokens("José Ramos-Horta") == ["jose", "ramoshorta"]


# ---------------------------------------------------------------- contradictions


def test_three_groups_give_every_cross_file_pair(perfect, gold):
    add_claim(perfect, "c.txt", "anniversary", 65, "65th anniversary", "c65")
    a75 = find_claim(perfect, "a.txt", "75th anniversary")["id"]
    a1949 = find_claim(perfect, "a.txt", "Signed in 1949")["id"]
    b70 = find_claim(perfect, "b.txt", "70th anniversary")["id"]
    perfect["findings"] = [contradiction([a75, a1949], [b70], ["c65"])]

    pairs = score_contradictions(perfect, gold)
    assert [(p.family, p.files) for p in pairs.found] == [("founding", ("a.txt", "b.txt"))]
    assert [(p.family, p.files) for p in pairs.false] == [
        ("founding", ("a.txt", "c.txt")), ("founding", ("b.txt", "c.txt"))]
    assert pairs.false[0].quotes == (("a.txt", "75th anniversary"), ("a.txt", "Signed in 1949"),
                                     ("c.txt", "65th anniversary"))
    assert pairs.row("founding") == FamilyScore("founding", 1, 3, 1)
    assert pairs.row("all") == FamilyScore("all", 3, 3, 1)
    assert (pairs.row("all").recall, pairs.row("all").precision) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    missed = [(p.family, p.files, p.quotes) for p in pairs.missed]
    assert missed == [
        ("meeting_number", ("b.txt", "c.txt"), (("b.txt", "48th G7 summit"), ("c.txt", "46th G7 summit"))),
        ("troop_count", ("b.txt", "c.txt"),
         (("b.txt", "some 36,000 U.S. troops"), ("c.txt", "some 54,500 U.S. troops"))),
    ]


def test_same_file_pairs_are_not_counted(perfect, gold):
    a75 = find_claim(perfect, "a.txt", "75th anniversary")["id"]
    a1949 = find_claim(perfect, "a.txt", "Signed in 1949")["id"]
    perfect["findings"] = [contradiction([a75], [a1949])]
    assert score_contradictions(perfect, gold).row("all") == FamilyScore("all", 3, 0, 0)


def test_other_verdicts_are_not_contradictions(perfect, gold):
    for finding in perfect["findings"]:
        finding["verdict"] = "discrepancy"
    assert score_contradictions(perfect, gold).row("all") == FamilyScore("all", 3, 0, 0)


def test_family_comes_from_the_claims_not_the_finding_kind(perfect, gold):
    a1949 = find_claim(perfect, "a.txt", "Signed in 1949")["id"]
    b70 = find_claim(perfect, "b.txt", "70th anniversary")["id"]
    perfect["findings"] = [contradiction([a1949], [b70], kind="treaty_year")]
    assert [(p.family, p.files) for p in score_contradictions(perfect, gold).found] == [
        ("founding", ("a.txt", "b.txt"))]


# ---------------------------------------------------------------- errors, output and command line


def test_gold_quote_missing_from_article_is_an_error(perfect, gold, corpus):
    gold["claims"][0]["quote"] = "80th anniversary"
    with pytest.raises(ScoringError, match="80th anniversary"):
        score_claims(perfect, gold, corpus)


def table_row(output, first_cell):
    """The cells of the first table row starting with first_cell."""
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r} in:\n{output}")


def test_cli_prints_and_writes_markdown(perfect, gold, corpus, tmp_path, capsys):
    report, gold_path, out = tmp_path / "report.json", tmp_path / "gold.json", tmp_path / "out" / "score.md"
    perfect["claims"].remove(find_claim(perfect, "b.txt", "some 36,000 U.S. troops"))
    report.write_text(json.dumps(perfect), encoding="utf-8")
    gold_path.write_text(json.dumps(gold), encoding="utf-8")

    args = [str(corpus), str(gold_path), "--report", str(report), "--markdown", str(out)]
    assert accuracy.main(args) == 0
    printed = capsys.readouterr().out
    assert out.read_text(encoding="utf-8") == printed
    assert table_row(printed, "troop_count") == ["troop_count", "2", "1", "1", "0.50", "1.00", "0.67"]
    # The removed claim was the troop finding's only claim in b.txt, so that pair is now missed.
    assert "### Missed pairs (1)\n\n- troop_count: `b.txt` / `c.txt`\n  - `b.txt`: \"some 36,000 U.S. troops\"" in printed
    assert accuracy.main(args) == 0
    assert capsys.readouterr().out == printed  # deterministic


def test_cli_runs_the_checker_and_accepts_exit_1(perfect, gold, corpus, tmp_path, monkeypatch, capsys):
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    calls = []

    def fake_run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 1, stdout=json.dumps(perfect), stderr="")

    monkeypatch.setattr(accuracy.subprocess, "run", fake_run)
    assert accuracy.main([str(corpus), str(gold_path)]) == 0
    assert calls[0][1:] == ["-m", "checker.cli", "check", str(corpus.resolve()), "--format", "json"]
    assert table_row(capsys.readouterr().out, "all") == ["all", "13", "13", "13", "1.00", "1.00", "1.00"]


@pytest.mark.parametrize("code, stdout, stderr, message", [
    (2, "", "error: corpus is empty\n", "error: checker exited with 2: error: corpus is empty"),
    (1, "", "Traceback\nModuleNotFoundError: No module named 'checker.cli'\n",
     "error: checker printed no JSON report (exit 1): ModuleNotFoundError: No module named 'checker.cli'"),
])
def test_cli_surfaces_checker_failures(gold, corpus, tmp_path, monkeypatch, capsys, code, stdout, stderr, message):
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    monkeypatch.setattr(accuracy.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, code, stdout, stderr))
    assert accuracy.main([str(corpus), str(gold_path)]) == 2
    captured = capsys.readouterr()
    assert captured.err == message + "\n" and captured.out == ""


def test_cli_cannot_start_the_checker(gold, corpus, tmp_path, monkeypatch, capsys):
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    monkeypatch.setattr(accuracy.sys, "executable", str(tmp_path / "no-such-python"))
    assert accuracy.main([str(corpus), str(gold_path)]) == 2
    assert capsys.readouterr().err.startswith("error: cannot run the checker:")


def test_cli_rejects_a_malformed_report(gold, corpus, tmp_path, capsys):
    report, gold_path = tmp_path / "report.json", tmp_path / "gold.json"
    report.write_text('{"claims": []}', encoding="utf-8")
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    assert accuracy.main([str(corpus), str(gold_path), "--report", str(report)]) == 2
    assert capsys.readouterr().err == "error: report must be a JSON object with lists claims, findings\n"


@pytest.mark.parametrize("where", ["beside", "parent", "option"])
def test_cli_passes_the_manifest_next_to_or_above_the_articles(perfect, gold, tmp_path, monkeypatch, capsys, where):
    articles = tmp_path / "devset" / "articles"
    articles.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (articles / name).write_bytes(text.encode("utf-8"))
    manifest = {"beside": articles, "parent": articles.parent, "option": tmp_path}[where] / "manifest.toml"
    manifest.write_text('[files."a.txt"]\npublished = 2024-04-04\n', encoding="utf-8")
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    calls = []

    def fake_run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=json.dumps(perfect), stderr="")

    monkeypatch.setattr(accuracy.subprocess, "run", fake_run)
    extra = ["--manifest", str(manifest)] if where == "option" else []
    assert accuracy.main([str(articles), str(gold_path), *extra]) == 0
    assert calls[0][-2:] == ["--manifest", str(manifest.resolve())]


def test_a_corpus_toml_needs_no_manifest(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "corpus.toml").write_text("", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text("", encoding="utf-8")
    assert accuracy.find_manifest(corpus) is None


def test_title_heads_the_markdown(perfect, gold, corpus, tmp_path, capsys):
    report, gold_path, out = tmp_path / "report.json", tmp_path / "gold.json", tmp_path / "out.md"
    report.write_text(json.dumps(perfect), encoding="utf-8")
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    args = [str(corpus), str(gold_path), "--report", str(report), "--markdown", str(out), "--title", "Seeds"]
    assert accuracy.main(args) == 0
    assert out.read_text(encoding="utf-8").startswith("# Seeds\n\n## Claims\n")


def test_the_seeds_hand_gold_is_exact():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    gold = json.loads((root / "tests" / "fixtures" / "seeds_gold.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_bytes().decode("utf-8-sig") for p in (root / "seeds").glob("*.txt")}
    for claim in gold["claims"]:
        assert texts[claim["file"]].count(claim["quote"]) == 1, claim["quote"]
        assert claim["kind"] in {"anniversary", "founding_year", "meeting_ordinal", "troop_count", "office_holder"}
    perfect = perfect_report_from_gold(gold, root / "seeds")
    assert score_claims(perfect, gold, root / "seeds").row("all").f1 == 1.0
