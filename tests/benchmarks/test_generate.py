"""The corpus generator and the floor scanner."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import pytest

from benchmarks import floor, generate, templates
from benchmarks.world import FIRST_DAY, LAST_DAY, OFFICES, SERIES, holder_at
from checker.timeparse import date_range, find_times

SUBJECTS = {
    "alliance:us-rok", "alliance:nato", "alliance:us-japan-1960", "alliance:anzus", "alliance:us-philippines",
    "series:scm", "series:g7", "series:asean-summit",
    "forces:usfk", "forces:us-japan", "forces:us-germany",
    "office:us-secretary-of-defense", "office:kr-defense-minister",
    "office:nato-secretary-general", "office:jp-prime-minister",
}


def all_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def articles_in(root: Path) -> list[Path]:
    return sorted((root / "articles").rglob("*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out, 500, seed=11, contradict_rate=0.02)
    return out


def test_same_seed_gives_identical_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        out.mkdir()
        generate.generate(out, 30, seed=7)
    files = all_files(first)
    assert len(files) == 32  # 30 articles, the manifest, expected.json
    assert files == all_files(second)


def test_different_seed_gives_different_corpus(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    generate.generate(first, 30, seed=1)
    generate.generate(second, 30, seed=2)
    a, b = all_files(first), all_files(second)
    assert a.keys() == b.keys()
    assert sum(a[name] != b[name] for name in a) > 25


def test_articles_are_sharded_and_news_sized(corpus):
    paths = articles_in(corpus)
    assert len(paths) == 500
    assert paths[123].relative_to(corpus).as_posix() == "articles/000/000123.txt"
    for path in paths:
        assert 2 * 1024 <= path.stat().st_size <= 8 * 1024, path


def test_articles_have_headline_and_paragraphs(corpus):
    text = articles_in(corpus)[0].read_text(encoding="utf-8")
    headline, _, body = text.partition("\n\n")
    assert headline and "\n" not in headline
    assert body.count("\n\n") >= 3
    assert text.endswith("\n")


def test_manifest_lists_every_article(corpus):
    manifest = tomllib.loads((corpus / "corpus.toml").read_text(encoding="utf-8"))["files"]
    names = {p.relative_to(corpus).as_posix() for p in articles_in(corpus)}
    assert set(manifest) == names
    for entry in manifest.values():
        assert isinstance(entry["published"], dt.date)
        assert FIRST_DAY <= entry["published"] <= LAST_DAY


def test_expected_contradictions_point_at_their_sentences(corpus):
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    manifest = tomllib.loads((corpus / "corpus.toml").read_text(encoding="utf-8"))["files"]
    assert expected["articles"] == 500 and expected["seed"] == 11
    contradictions = expected["contradictions"]
    assert contradictions == sorted(contradictions, key=lambda c: (c["file"], c["kind"], c["sentence"]))
    for item in contradictions:
        assert item["kind"] in generate.KINDS
        assert item["subject"] in SUBJECTS
        assert item["true_value"] != item["written_value"]
        assert item["published"] == manifest[item["file"]]["published"].isoformat()
        assert item["sentence"] in (corpus / item["file"]).read_text(encoding="utf-8")


def test_claim_counts_cover_every_kind(corpus):
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    counts = expected["claim_sentences"]
    assert set(counts) == set(generate.KINDS)
    assert all(counts[kind] > 50 for kind in generate.KINDS)
    assert 500 <= sum(counts.values()) <= 5 * 500
    by_kind = expected["contradictions_by_kind"]
    assert sum(by_kind.values()) == len(expected["contradictions"])


def test_contradiction_share_follows_the_rate(corpus, tmp_path):
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    files = [c["file"] for c in expected["contradictions"]]
    assert len(files) == len(set(files))  # one false claim per article
    assert 0.01 <= len(files) / 500 <= 0.03
    generate.generate(tmp_path, 500, seed=11, contradict_rate=0.1)
    higher = json.loads((tmp_path / "expected.json").read_text(encoding="utf-8"))
    assert 0.08 <= len(higher["contradictions"]) / 500 <= 0.12


def test_cli_writes_corpus_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "out"
    assert generate.main(["--articles", "5", "--seed", "3", str(out)]) == 0
    assert len(articles_in(out)) == 5
    with pytest.raises(SystemExit):
        generate.main(["--articles", "3", str(out)])
    assert generate.main(["--articles", "3", "--force", str(out)]) == 0
    assert len(articles_in(out)) == 3


def test_filler_and_topic_sentences_claim_nothing():
    forbidden = re.compile(
        r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+tieth)\b"
        r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred)\b|\byears?\b|\bdecades?\b"
        r"|\b(?:today|yesterday|tomorrow|tonight)\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
        r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
        r"|\b(?:alliance|treaty|troops|anniversary|summit|minister|secretary|president)\b",
        re.I,
    )
    prose = templates.FILLER_CLAUSES + templates.FILLER_OPENERS
    prose += [s for group in templates.TOPIC_SENTENCES.values() for s in group]
    prose += [s for group in templates.HEADLINES.values() for s in group]
    assert [s for s in prose if forbidden.search(s)] == []
    assert len(set(templates.FILLER_CLAUSES)) == len(templates.FILLER_CLAUSES)
    count = len(templates.FILLER_CLAUSES)
    assert all(count % d for d in range(2, count))  # prime: every stride visits every clause


def test_meeting_numbers_follow_each_series_cadence():
    for meeting in SERIES["scm"].meetings:
        assert meeting.number == meeting.date.year - 1968
    for meeting in SERIES["g7"].meetings:
        assert meeting.number == meeting.date.year - 1974
    for meeting in SERIES["asean-summit"].meetings:
        assert (meeting.number - 42) // 2 == meeting.date.year - 2023  # 42nd and 43rd in 2023


def test_office_tenures_do_not_overlap():
    for office in OFFICES.values():
        for earlier, later in zip(office.holders, office.holders[1:]):
            assert earlier.end is not None and earlier.end <= later.start


@pytest.mark.parametrize("offset", [-400, -200, -30, -7, -6, -3, -1, 0, 1, 4, 6, 7, 45, 300])
def test_meeting_dates_resolve_from_the_publication_date(offset):
    published = dt.date(2023, 6, 14)
    day = published + dt.timedelta(days=offset)
    rng = generate.random.Random(offset)
    for _ in range(20):
        phrase, future = generate.when_phrase(rng, day, published)
        sentence = f"The meeting {'will be' if future else 'was'} held {phrase}."
        times = find_times(sentence, 0, len(sentence), published)
        assert len(times) == 1, sentence
        low, high = date_range(times[0].value)
        assert low <= day <= high, (sentence, times[0].value)


def test_true_claims_match_the_world_at_their_date():
    rng = generate.random.Random(3)
    for _ in range(300):
        topic = generate.pick_topic(rng)
        published = generate.pick_published(rng, topic)
        for claim in generate.write_claims(rng, topic, published, falsify=False):
            assert not claim.falsified
            if claim.kind == "office_holder":
                assert claim.written_value == holder_at(OFFICES[claim.key], published).name
            elif claim.kind == "troop_count":
                assert abs(claim.written_value - claim.true_value) <= claim.true_value // 10
            elif claim.kind != "anniversary":
                assert claim.written_value == claim.true_value


def test_falsified_claims_are_far_enough_off():
    rng = generate.random.Random(5)
    for _ in range(300):
        topic = generate.pick_topic(rng)
        published = generate.pick_published(rng, topic)
        claims = generate.write_claims(rng, topic, published, falsify=True)
        false = [c for c in claims if c.falsified]
        assert len(false) == 1
        claim = false[0]
        if claim.kind == "anniversary":
            assert 3 <= abs(claim.written_value - claim.true_value) <= 8
        elif claim.kind == "treaty_year":
            assert 2 <= abs(claim.written_value - claim.true_value) <= 5
        elif claim.kind == "meeting_number":
            assert 2 <= abs(claim.written_value - claim.true_value) <= 3
        elif claim.kind == "troop_count":
            assert 0.3 <= abs(claim.written_value - claim.true_value) / claim.true_value <= 0.6
        else:
            assert claim.written_value != claim.true_value


def test_floor_reads_every_article(corpus, capsys):
    result = floor.scan(corpus)
    paths = articles_in(corpus)
    assert result.files == len(paths)
    assert result.bytes == sum(p.stat().st_size for p in paths)
    assert result.matches > 0 and result.seconds >= 0
    assert floor.main([str(corpus)]) == 0
    assert f"files={len(paths)} " in capsys.readouterr().out
