"""rules/: a broken rule file stops the run with exit 2, naming the file, the line, the rule id and the field.

Each case breaks a copy of the shipped rules and runs `factcheck check` on the seeds with it: the
run must fail rather than check with the defaults in place of the broken rule.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from robust_helpers import ROOT, assert_one_line_error, invoke, run_cli

SEEDS = ROOT / "seeds"
COMPARISONS = "founding_year, series_cadence, quantity, office_holder"


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(text))


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the line starting with `old` in the FC102 table and return its number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines.index("[rules.FC102]")
    index = next(i for i in range(header, len(lines)) if lines[i].startswith(old))
    lines[index] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def check_with(rules: Path):
    return invoke("check", str(SEEDS), "--rules", str(rules), "--format", "json")


def test_malformed_rule_file_names_file_and_line(rules_copy):
    path = rules_copy / "rules.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("[rules.FC103]", "[rules.FC103", 1), encoding="utf-8")
    assert_one_line_error(check_with(rules_copy),
                          re.escape(f"{path}: malformed TOML: ") + rf".*\(at line {line_of(path, '[rules.FC103')}, column \d+\)")


def test_unknown_comparison_type_names_file_line_rule_and_field(rules_copy):
    path = rules_copy / "rules.toml"
    line = replace_line(path, "comparison", 'comparison = "cadence"')
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{path}:{line}: rule FC102: comparison: unknown comparison 'cadence'; expected one of {COMPARISONS}"))


def test_missing_comparison_names_the_rule_and_the_field(rules_copy):
    path = rules_copy / "rules.toml"
    replace_line(path, "comparison", "# no comparison")
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{path}:{line_of(path, '[rules.FC102]')}: rule FC102: comparison: missing; expected one of {COMPARISONS}"))


def test_duplicate_rule_id_across_two_files_names_both_places(rules_copy):
    extra = rules_copy / "more.toml"
    extra.write_text('# a second FC101\n[rules.FC101]\ndescription = "again"\ncomparison = "founding_year"\n'
                     'kinds = ["anniversary"]\n', encoding="utf-8")
    first_line = line_of(rules_copy / "rules.toml", "[rules.FC101]")
    # Files are read in name order: more.toml before rules.toml, so rules.toml's FC101 is the duplicate.
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{rules_copy / 'rules.toml'}:{first_line}: duplicate rule id FC101 (first defined in more.toml:2)"))


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("tolerance", "-1", "Input should be greater than or equal to 0 (got -1)"),
        ("tolerance", '"none"', "Input should be a valid integer, unable to parse string as an integer (got 'none')"),
        ("tolerance", "1.5", "Input should be a valid integer, got a number with a fractional part (got 1.5)"),
        ("tolerance", "1000", "Input should be less than or equal to 100 (got 1000)"),
    ],
)
def test_bad_tolerance_names_file_line_rule_and_field(rules_copy, field, value, message):
    path = rules_copy / "rules.toml"
    line = replace_line(path, field, f"{field} = {value}")
    assert_one_line_error(check_with(rules_copy), re.escape(f"{path}:{line}: rule FC102: {field}: {message}"))


def test_bad_relative_tolerance_of_a_quantity_rule(rules_copy):
    path = rules_copy / "rules.toml"
    text = path.read_text(encoding="utf-8").replace("relative_tolerance = 0.10", "relative_tolerance = 1.5")
    path.write_text(text, encoding="utf-8")
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{path}:{line_of(path, 'relative_tolerance')}: rule FC103: relative_tolerance: Input should be less than 1 (got 1.5)"))


def test_a_misspelt_parameter_is_an_error_not_a_silent_default(rules_copy):
    path = rules_copy / "rules.toml"
    line = replace_line(path, "tolerance", "tolerence = 1")
    assert_one_line_error(check_with(rules_copy), re.escape(f"{path}:{line}: rule FC102: tolerence: Extra inputs are not permitted"))


def test_a_rule_id_field_is_refused(rules_copy):
    path = rules_copy / "rules.toml"
    line = replace_line(path, "tolerance", 'id = "FC999"')
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{path}:{line}: rule FC102: field 'id' is taken from the table name; remove it"))


@pytest.mark.parametrize("table", ["rules", "countries"])
def test_a_table_given_as_a_plain_value_is_an_error_not_a_crash(rules_copy, table):
    (rules_copy / "zz.toml").write_text(f"{table} = 5\n", encoding="utf-8")
    assert_one_line_error(check_with(rules_copy), re.escape(f"{rules_copy / 'zz.toml'}: {table} = 5 must be a table: [{table}.NAME]"))


def test_a_bad_vocabulary_entry_names_its_file_and_line(rules_copy):
    (rules_copy / "zz.toml").write_text('[countries.zz]\nadjectives = ["Zed"]\nnames = "Zedland"\n', encoding="utf-8")
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{rules_copy / 'zz.toml'}:3: countries.zz.names: Input should be a valid list (got 'Zedland')"))


def test_a_vocabulary_entry_defined_twice_names_both_files(rules_copy):
    (rules_copy / "zz.toml").write_text('\n[countries.us]\nnames = ["Merica"]\n', encoding="utf-8")
    first = line_of(rules_copy / "countries.toml", "[countries.us]")
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{rules_copy / 'zz.toml'}:2: countries.us is defined twice (first defined in countries.toml:{first})"))


def test_an_unknown_table_in_a_rule_file_is_an_error(rules_copy):
    (rules_copy / "zz.toml").write_text("[rule.FC900]\ndescription = 'typo'\n", encoding="utf-8")
    assert_one_line_error(check_with(rules_copy), re.escape(
        f"{rules_copy / 'zz.toml'}: unknown table(s) rule; expected countries, alliances, series, forces, roles or rules"))


def test_a_rules_directory_that_is_missing_or_empty_exits_2(tmp_path):
    assert_one_line_error(check_with(tmp_path / "nope"), re.escape(f"{tmp_path / 'nope'}: rules directory not found"))
    (tmp_path / "empty").mkdir()
    assert_one_line_error(check_with(tmp_path / "empty"), re.escape(f"{tmp_path / 'empty'}: no *.toml rule files"))


def test_a_named_pipe_in_the_rules_directory_exits_2_without_hanging(rules_copy):
    os.mkfifo(rules_copy / "zz.toml")
    run = run_cli("check", str(SEEDS), "--rules", str(rules_copy), timeout=60)
    assert_one_line_error(run, re.escape(f"{rules_copy / 'zz.toml'}: cannot read rules: not a regular file (a named pipe)"))


def test_the_rules_command_fails_the_same_way(rules_copy):
    path = rules_copy / "rules.toml"
    line = replace_line(path, "tolerance", "tolerance = -1")
    assert_one_line_error(invoke("rules", "--rules", str(rules_copy)), re.escape(
        f"{path}:{line}: rule FC102: tolerance: Input should be greater than or equal to 0 (got -1)"))
