"""The standard travelling and training for integrations: the CASE export checked against 1EdTech's
CFPackage schema and converted back, Moodle's competency CSV, the programmes, and coverage. Every
response is also checked against the OpenAPI document."""
import csv
import io
import json
import os
import pathlib
import re
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator

from settings import BASE_URL
from test_openapi_contract import assert_matches, fetch, request_schema_for, response_schema_for, spec  # noqa: F401

TOKEN = os.environ.get("JOBCOACH_API_TOKEN", "")
OFFICER_TOKEN = os.environ.get("JOBCOACH_OFFICER_TOKEN", "")
CASE_SCHEMA = json.loads((pathlib.Path(__file__).parent / "schemas" / "case-v1p1-cfpackage-schema.json").read_text())


def raw(path):
    with urllib.request.urlopen(BASE_URL + path) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")


@pytest.fixture(scope="module")
def package():
    got, content_type, body = fetch("/api/v1/frameworks/register-jobcoach/case?on=2024-01-01&lang=nl")
    assert got == 200, body
    assert content_type.startswith("application/json")
    return body


def test_the_case_export_passes_the_cfpackage_schema_with_formats_checked(spec, package):
    validator = Draft202012Validator(CASE_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(package), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert_matches(spec, response_schema_for(spec, "/api/v1/frameworks/{framework}/case", "get", 200), package)


def test_every_framework_exports_a_valid_package_in_both_languages():
    validator = Draft202012Validator(CASE_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for framework in ["register-jobcoach", "jobcoach-profile-nl", "uk-qualification-concept", "pl-training-guidelines", "se-quality"]:
        for lang in ["nl", "en"]:
            got, _, body = fetch(f"/api/v1/frameworks/{framework}/case?lang={lang}")
            assert got == 200, (framework, body)
            assert not list(validator.iter_errors(body)), framework
            assert body["CFDocument"]["language"] == lang


def test_the_case_tree_has_one_is_child_of_per_item(package):
    document = package["CFDocument"]["identifier"]
    items = {item["identifier"]: item for item in package["CFItems"]}
    parents = {}
    for association in package["CFAssociations"]:
        assert association["associationType"] == "isChildOf"
        child = association["originNodeURI"]["identifier"]
        assert child not in parents
        parents[child] = association["destinationNodeURI"]["identifier"]
        for end in ("originNodeURI", "destinationNodeURI"):
            assert set(association[end]) >= {"identifier", "uri", "title"}
    assert set(parents) == set(items)
    by_code = {item["humanCodingScheme"]: item for item in items.values()}
    assert by_code["task-4"]["CFItemType"] == "Task"
    assert parents[by_code["task-4"]["identifier"]] == document
    indicator = next(item for item in items.values() if item["CFItemType"] == "Indicator")
    assert items[parents[indicator["identifier"]]]["CFItemType"] != "Indicator"
    assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i) for i in items)


def test_identifiers_are_the_same_for_another_version_and_language(package):
    _, _, older = fetch("/api/v1/frameworks/register-jobcoach/case?on=2021-06-01&lang=en")
    mine = {item["humanCodingScheme"]: item["identifier"] for item in package["CFItems"]}
    theirs = {item["humanCodingScheme"]: item["identifier"] for item in older["CFItems"]}
    assert older["CFDocument"]["identifier"] == package["CFDocument"]["identifier"]
    assert all(mine[code] == theirs[code] for code in mine.keys() & theirs.keys())
    task1 = next(item for item in older["CFItems"] if item["humanCodingScheme"] == "task-1")
    assert task1["language"] == "en"


def test_bad_case_parameters_name_the_parameter(spec):
    for path, status, parameter in [("/api/v1/frameworks/register-jobcoach/case?lang=de", 400, "lang"),
                                    ("/api/v1/frameworks/register-jobcoach/case?on=2021-13-01", 400, "on"),
                                    ("/api/v1/frameworks/nope/case", 404, None)]:
        got, _, body = fetch(path)
        assert got == status, body
        assert body.get("parameter") == parameter
        assert_matches(spec, response_schema_for(spec, "/api/v1/frameworks/{framework}/case", "get", status), body)


def test_an_export_converts_back_with_every_item_id(spec, package):
    if not OFFICER_TOKEN:
        pytest.skip("JOBCOACH_OFFICER_TOKEN is not set")
    got, _, body = fetch("/api/v1/frameworks/case/convert", OFFICER_TOKEN, body=package)
    assert got == 200, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/frameworks/case/convert", "post", 200), body)
    ids = set(re.findall(r"^\s*-?\s*id: (\S+)$", body["yaml"], re.MULTILINE))
    assert {item["humanCodingScheme"] for item in package["CFItems"]} <= ids
    assert "id: register-jobcoach" in body["yaml"]


def test_converting_needs_an_officer_and_a_sound_package(spec, package):
    got, _, body = fetch("/api/v1/frameworks/case/convert", body=package)
    assert got == 401
    assert_matches(spec, response_schema_for(spec, "/api/v1/frameworks/case/convert", "post", 401), body)
    got, _, body = fetch("/api/v1/frameworks/case/convert", TOKEN, body=package)
    assert got == 403, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/frameworks/case/convert", "post", 403), body)
    if not OFFICER_TOKEN:
        pytest.skip("JOBCOACH_OFFICER_TOKEN is not set")
    broken = json.loads(json.dumps(package))
    orphan = broken["CFAssociations"].pop()
    got, _, body = fetch("/api/v1/frameworks/case/convert", OFFICER_TOKEN, body=broken)
    assert got == 400, body
    assert body["parameter"] == orphan["originNodeURI"]["identifier"]
    assert orphan["originNodeURI"]["identifier"] in body["message"]
    assert_matches(spec, response_schema_for(spec, "/api/v1/frameworks/case/convert", "post", 400), body)
    got, _, body = fetch("/api/v1/frameworks/case/convert", OFFICER_TOKEN, body="not json")
    assert got == 400, body


def test_the_moodle_csv_has_the_fourteen_columns_and_parents():
    got, content_type, text = raw("/api/v1/frameworks/register-jobcoach/moodle.csv?on=2024-01-01")
    assert got == 200
    assert content_type.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
                       "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
                       "Cross referenced competency id numbers", "Exported id (optional)", "Is framework", "Taxonomy"]
    assert all(len(row) == 14 for row in rows)
    framework = rows[1]
    assert framework[12] == "1" and framework[0] == ""
    assert "Not yet competent" in framework[5] and "Competent" in framework[5]
    json.loads(framework[6])
    numbers = {row[1] for row in rows[2:]}
    assert len(numbers) == len(rows) - 2
    for row in rows[2:]:
        assert row[12] == ""
        assert row[0] == "" or row[0] in numbers
    _, _, package = fetch("/api/v1/frameworks/register-jobcoach/case?on=2024-01-01")
    assert numbers == {item["humanCodingScheme"] for item in package["CFItems"]}


def test_the_programmes_match_the_document(spec):
    got, _, body = fetch("/api/v1/training/programmes")
    assert got == 200
    assert_matches(spec, response_schema_for(spec, "/api/v1/training/programmes", "get", 200), body)
    ids = [programme["id"] for programme in body["programmes"]]
    assert "uk-job-coach-curriculum" in ids and "pl-job-coach-minimum" in ids


def coverage_request(hours_b, completed_b="2026-05-01", covers_b=("competence-coaching",)):
    return {"framework": "register-jobcoach", "on": "2026-06-01",
            "modules": [{"id": "a", "hours": 60, "covers": ["ka-1", "task-2-1"], "completedOn": "2026-03-01"},
                        {"id": "b", "hours": hours_b, "covers": list(covers_b), "completedOn": completed_b}]}


def test_coverage_at_97_and_98_hours(spec):
    for hours, met in [(37, False), (38, True)]:
        request = coverage_request(hours)
        got, _, body = fetch("/api/v1/training/coverage", TOKEN, body=request)
        assert got == 200, body
        assert_matches(spec, response_schema_for(spec, "/api/v1/training/coverage", "post", 200), body)
        assert_matches(spec, request_schema_for(spec, "/api/v1/training/coverage"), request)
        assert body["hours"] == 60 + hours
        assert body["trainingRequirement"]["met"] is met
        assert body["covered"] == ["ka-1", "task-2", "competence-coaching"]
        assert "task-2" not in body["notCovered"] and "ka-2" in body["notCovered"]
    # A module completed after the day counts neither hours nor items.
    got, _, body = fetch("/api/v1/training/coverage", TOKEN, body=coverage_request(38, completed_b="2026-06-02"))
    assert body["hours"] == 60 and body["trainingRequirement"]["met"] is False
    assert "competence-coaching" in body["notCovered"]


def test_coverage_refusals_name_the_field(spec):
    got, _, body = fetch("/api/v1/training/coverage", body=coverage_request(38))
    assert got == 401
    got, _, body = fetch("/api/v1/training/coverage", TOKEN, body=coverage_request(38, covers_b=("ka-1", "task-42")))
    assert got == 400, body
    assert body["parameter"] == "modules[1].covers[1]"
    assert_matches(spec, response_schema_for(spec, "/api/v1/training/coverage", "post", 400), body)
    got, _, body = fetch("/api/v1/training/coverage", TOKEN, body={**coverage_request(38), "framework": "nope"})
    assert got == 400 and body["parameter"] == "framework"
