"""Every API response the server gives is checked against the OpenAPI 3.1 document it serves, and the
document itself is checked against the OpenAPI 3.1 specification."""
import json
import os
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from settings import BASE_URL

TOKEN = os.environ.get("JOBCOACH_API_TOKEN", "")


def fetch(path, token=None, body=None):
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else (body.encode() if isinstance(body, str) else None)
    request = urllib.request.Request(BASE_URL + path, data=data, headers={"Accept": "application/json"},
                                     method="POST" if data is not None else "GET")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers.get("Content-Type", ""), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), json.loads(error.read())


def response_schema_for(spec, template, method, status):
    operation = spec["paths"][template][method]
    response = operation["responses"][str(status)]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
    content = response["content"]
    return next(iter(content.values()))["schema"]


@pytest.fixture(scope="module")
def spec():
    status, _, document = fetch("/openapi.json")
    assert status == 200
    return document


def test_the_document_is_valid_openapi_3_1(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def response_schema(spec, template, status):
    return response_schema_for(spec, template, "get", status)


def assert_matches(spec, schema, body):
    """Validates a body against a schema of the document; its "#/components/..." references resolve
    because the components travel with the schema."""
    errors = sorted(Draft202012Validator({**schema, "components": spec["components"]}).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


CASES = [
    ("/health", "/health", 200),
    ("/api/v1/frameworks", "/api/v1/frameworks", 200),
    ("/api/v1/frameworks/register-jobcoach", "/api/v1/frameworks/{framework}", 200),
    ("/api/v1/frameworks/register-jobcoach?on=2021-06-01", "/api/v1/frameworks/{framework}", 200),
    ("/api/v1/frameworks/jobcoach-profile-nl", "/api/v1/frameworks/{framework}", 200),
    ("/api/v1/frameworks/uk-qualification-concept", "/api/v1/frameworks/{framework}", 200),
    ("/api/v1/frameworks/pl-training-guidelines", "/api/v1/frameworks/{framework}", 200),
    ("/api/v1/frameworks/se-quality", "/api/v1/frameworks/{framework}", 200),
    ("/api/v1/frameworks/unknown", "/api/v1/frameworks/{framework}", 404),
    ("/api/v1/frameworks/register-jobcoach?on=2021-13-01", "/api/v1/frameworks/{framework}", 400),
    ("/api/v1/frameworks/register-jobcoach?on=1990-01-01", "/api/v1/frameworks/{framework}", 404),
    ("/api/v1/frameworks/register-jobcoach/versions/2022-09", "/api/v1/frameworks/{framework}/versions/{version}", 200),
    ("/api/v1/frameworks/register-jobcoach/versions/2099", "/api/v1/frameworks/{framework}/versions/{version}", 404),
    ("/api/v1/frameworks/register-jobcoach/diff?from=2021&to=2023", "/api/v1/frameworks/{framework}/diff", 200),
    ("/api/v1/frameworks/register-jobcoach/diff?from=2023&to=2021", "/api/v1/frameworks/{framework}/diff", 200),
    ("/api/v1/frameworks/register-jobcoach/diff?from=2021", "/api/v1/frameworks/{framework}/diff", 400),
    ("/api/v1/frameworks/register-jobcoach/diff?from=2021&to=1", "/api/v1/frameworks/{framework}/diff", 404),
    ("/api/v1/qualification-levels", "/api/v1/qualification-levels", 200),
    ("/api/v1/occupations?q=job%20coach", "/api/v1/occupations", 200),
    ("/api/v1/occupations?q=2423&limit=100", "/api/v1/occupations", 200),
    ("/api/v1/occupations?q=nothing-like-this", "/api/v1/occupations", 200),
    ("/api/v1/occupations", "/api/v1/occupations", 400),
    ("/api/v1/occupations?q=cook&limit=500", "/api/v1/occupations", 400),
    ("/api/v1/me", "/api/v1/me", 401),
]


@pytest.mark.parametrize("path,template,status", CASES)
def test_response_matches_the_document(spec, path, template, status):
    got, content_type, body = fetch(path)
    assert got == status, body
    assert content_type.startswith("application/json")
    assert_matches(spec, response_schema(spec, template, status), body)


def test_me_with_a_token_matches_the_document(spec):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    got, _, body = fetch("/api/v1/me", TOKEN)
    assert got == 200
    assert_matches(spec, response_schema(spec, "/api/v1/me", 200), body)


PORTFOLIO = {
    "education": [{"kind": "degree", "framework": "NLQF", "level": 6, "completedOn": "2010-06-30"}],
    "jobcoachDiplomas": [{"provider": "Capabel", "completedOn": "2016-05-01"}],
    "courses": [{"title": "SPH module", "hours": 40, "ects": 1.5, "completedOn": "2019-01-01"}],
    "experience": {"jobcoachSince": "2019-01-01", "jobcoachHours": 1300, "practisingNow": True},
}

POSTS = [
    ("/api/v1/eligibility", {"framework": "register-jobcoach", "referenceDate": "2026-11-22", "portfolio": PORTFOLIO}, 200),
    ("/api/v1/eligibility", {"portfolio": PORTFOLIO}, 200),
    ("/api/v1/eligibility", {"framework": "uk-qualification-concept", "portfolio": {}}, 200),
    ("/api/v1/eligibility", {"referenceDate": "2026-11-22"}, 422),
    ("/api/v1/eligibility", {"portfolio": {"courses": [{"hours": -1, "completedOn": "2020-01-01"}]}}, 422),
    ("/api/v1/eligibility", {"framework": "nope", "portfolio": {}}, 404),
    ("/api/v1/eligibility", "{broken", 400),
    ("/api/v1/credentials/verify", {"credential": "eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln"}, 200),
    ("/api/v1/credentials/verify", {"credential": ""}, 422),
]


@pytest.mark.parametrize("path,body,status", POSTS)
def test_post_response_matches_the_document(spec, path, body, status):
    got, content_type, answer = fetch(path, body=body)
    assert got == status, answer
    assert_matches(spec, response_schema_for(spec, path, "post", status), answer)


REGISTER_GETS = [
    ("/api/v1/register?q=jamila", "/api/v1/register", 200),
    ("/api/v1/register?q=utrecht&limit=5", "/api/v1/register", 200),
    ("/api/v1/register?q=x", "/api/v1/register", 400),
    ("/api/v1/credentials/00000000-0000-0000-0000-000000000000/status", "/api/v1/credentials/{credential}/status", 404),
    ("/api/v1/credentials/revocations", "/api/v1/credentials/revocations", 200),
]


@pytest.mark.parametrize("path,template,status", REGISTER_GETS)
def test_register_response_matches_the_document(spec, path, template, status):
    got, _, body = fetch(path)
    assert got == status, body
    assert_matches(spec, response_schema(spec, template, status), body)


def test_jwks_matches_the_document(spec):
    with urllib.request.urlopen(BASE_URL + "/.well-known/jwks.json") as response:
        assert response.headers["Content-Type"].startswith("application/jwk-set+json")
        body = json.loads(response.read())
    assert_matches(spec, response_schema_for(spec, "/.well-known/jwks.json", "get", 200), body)


def test_an_upload_larger_than_the_limit_is_refused_before_anything_is_read():
    boundary = "jobcoach-limit"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"big.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + b"%PDF" + b"0" * (12 * 1024 * 1024) + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(BASE_URL + "/portfolio/education", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        urllib.request.urlopen(request)
        raise AssertionError("a 12 MB upload was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 413


MATCH_REQUEST = {
    "candidate": {"desiredOccupations": ["9412"], "skills": ["afwassen"], "hoursPerWeek": {"min": 12, "max": 24},
                  "home": {"lat": 52.09, "lon": 5.12}, "maxTravelKm": 15,
                  "needs": ["quiet-environment", "fixed-routine"], "cannot": ["night-shifts", "heavy-lifting"]},
    "workplaces": [
        {"id": "w1", "occupation": "9412", "requiredSkills": ["afwassen"], "hoursPerWeek": {"min": 16, "max": 32},
         "location": {"lat": 52.10, "lon": 5.11}, "offers": ["quiet-environment"],
         "demands": ["customer-contact", "night-shifts"], "adjustable": ["night-shifts"]},
        {"id": "w2", "occupation": "9334", "hoursPerWeek": {"min": 32, "max": 40}, "location": {"lat": 52.37, "lon": 4.90}},
        {"id": "w3", "occupation": "9412", "hoursPerWeek": {"min": 12, "max": 20}, "location": {"lat": 52.08, "lon": 5.13},
         "offers": ["quiet-environment", "fixed-routine"]},
    ],
    "limit": 10,
}


def test_matching_conditions_match_the_document(spec):
    got, _, body = fetch("/api/v1/matching/conditions")
    assert got == 200
    assert_matches(spec, response_schema(spec, "/api/v1/matching/conditions", 200), body)
    assert {"quiet-environment", "fixed-routine"} <= {term["id"] for term in body["needs"]}
    assert {"night-shifts", "heavy-lifting"} <= {term["id"] for term in body["demands"]}


def test_matching_rank_needs_a_token(spec):
    got, _, body = fetch("/api/v1/matching/rank", body=MATCH_REQUEST)
    assert got == 401
    assert_matches(spec, response_schema_for(spec, "/api/v1/matching/rank", "post", 401), body)


@pytest.mark.parametrize("change,status,parameter", [
    (lambda r: r, 200, None),
    (lambda r: {**r, "candidate": {**r["candidate"], "needs": ["quiet"]}}, 400, "candidate.needs"),
    (lambda r: {**r, "workplaces": [{"id": "a", "adjustable": ["night-shifts"]}]}, 400, "workplaces[0].adjustable"),
    (lambda r: {**r, "limit": 0}, 400, "limit"),
    (lambda r: {"candidate": {"needs": "quiet"}, "workplaces": []}, 400, "candidate.needs"),
])
def test_matching_rank_matches_the_document(spec, change, status, parameter):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    got, _, body = fetch("/api/v1/matching/rank", TOKEN, body=change(MATCH_REQUEST))
    assert got == status, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/matching/rank", "post", status), body)
    if status == 200:
        assert [m["workplace"] for m in body["matches"]] == ["w3", "w1", "w2"]
        assert [m["fit"] for m in body["matches"]] == ["match", "match-with-adjustments", "no-match"]
        assert body["matches"][1]["adjustmentsNeeded"] == ["night-shifts"]
    else:
        assert body["parameter"] == parameter


def request_schema_for(spec, template, method="post"):
    content = spec["paths"][template][method]["requestBody"]["content"]
    return next(iter(content.values()))["schema"]


MEASURES_REQUEST = {
    "period": {"from": "2025-01-01", "to": "2025-12-31"},
    "clients": [{"id": "c1", "start": "2025-01-06", "end": None, "employedAtStart": False,
                 "jobs": [{"start": "2025-03-03", "end": None, "hoursPerWeek": 24, "hourlyWage": 14.40, "regular": True}]}],
}


def test_outcome_measures_need_a_token(spec):
    got, _, body = fetch("/api/v1/outcomes/measures", body=MEASURES_REQUEST)
    assert got == 401
    assert_matches(spec, response_schema_for(spec, "/api/v1/outcomes/measures", "post", 401), body)


@pytest.mark.parametrize("change,status,parameter", [
    (lambda r: r, 200, None),
    (lambda r: {**r, "clients": [{**r["clients"][0], "end": "2025-01-01"}]}, 400, "clients[0].end"),
    (lambda r: {**r, "clients": [{**r["clients"][0], "jobs": [{"start": "2025-02-01", "hoursPerWeek": 4},
                                                              {**r["clients"][0]["jobs"][0], "hoursPerWeek": 0}]}]},
     400, "clients[0].jobs[1].hoursPerWeek"),
    (lambda r: {**r, "period": {"from": "2025-01-01", "to": "2024-12-31"}}, 400, "period.to"),
    (lambda r: {**r, "period": {"from": "2025-01-01", "to": "2025-02-30"}}, 400, "period.to"),
    (lambda r: {**r, "clients": [{"id": "a", "start": "2025-01-01"}, {"id": "b", "start": "2025-01-01"}, {"id": "c"}]},
     400, "clients[2].start"),
])
def test_outcome_measures_match_the_document(spec, change, status, parameter):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    request = change(MEASURES_REQUEST)
    got, _, body = fetch("/api/v1/outcomes/measures", TOKEN, body=request)
    assert got == status, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/outcomes/measures", "post", status), body)
    if status == 200:
        assert_matches(spec, request_schema_for(spec, "/api/v1/outcomes/measures"), request)
        assert body["served"] == 1
        assert body["employed"] == 1
        assert body["band"] == "excellent"
        assert body["daysToFirstJob"]["median"] == 56
        assert body["weeksWorked"]["total"] == 43.43
    else:
        assert body["parameter"] == parameter


def test_outcome_measures_of_no_clients_give_every_key_as_null(spec):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    got, _, body = fetch("/api/v1/outcomes/measures", TOKEN, body={**MEASURES_REQUEST, "clients": []})
    assert got == 200, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/outcomes/measures", "post", 200), body)
    assert body["served"] == 0
    assert body["employedRate"] is None and body["band"] is None and body["weeksWorked"]["total"] is None


def risk_clients(count, factors=lambda index: {"supportNeed": "low" if index % 2 == 0 else "high"}):
    return [{"id": f"x{index}", "unit": f"coach-{index % 3}", "outcome": index % 4 == 0 or index % 7 == 0,
             "factors": factors(index)} for index in range(count)]


def test_risk_adjusted_outcomes_need_a_token(spec):
    got, _, body = fetch("/api/v1/outcomes/risk-adjusted", body={"clients": risk_clients(40)})
    assert got == 401
    assert_matches(spec, response_schema_for(spec, "/api/v1/outcomes/risk-adjusted", "post", 401), body)


def test_risk_adjusted_outcomes_match_the_document(spec):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    clients = risk_clients(40)
    request = {"clients": clients}
    got, _, body = fetch("/api/v1/outcomes/risk-adjusted", TOKEN, body=request)
    assert got == 200, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/outcomes/risk-adjusted", "post", 200), body)
    assert_matches(spec, request_schema_for(spec, "/api/v1/outcomes/risk-adjusted"), request)
    assert body["model"]["clients"] == 40
    assert [term["term"] for term in body["model"]["terms"]] == ["supportNeed=high"]
    # With support need as the only factor the model fits each group's pooled rate exactly, so a unit's
    # expected outcomes are the sum of its clients' group rates.
    groups = {}
    for client in clients:
        groups.setdefault(client["factors"]["supportNeed"], []).append(client["outcome"])
    pooled = {need: sum(outcomes) / len(outcomes) for need, outcomes in groups.items()}
    assert 0 < min(pooled.values()) and max(pooled.values()) < 1
    units = sorted({client["unit"] for client in clients})
    assert [unit["unit"] for unit in body["units"]] == units
    for unit in body["units"]:
        mine = [client for client in clients if client["unit"] == unit["unit"]]
        assert unit["clients"] == len(mine)
        assert unit["outcomes"] == sum(client["outcome"] for client in mine)
        expected = sum(pooled[client["factors"]["supportNeed"]] for client in mine)
        assert abs(unit["expected"] - expected) < 1e-4, (unit, expected)


@pytest.mark.parametrize("request_body,status,parameter", [
    ({"clients": risk_clients(40, lambda index: {"supportNeed": "extreme"})}, 400, "clients[0].factors.supportNeed"),
    ({"clients": [{"id": "x1", "outcome": True}]}, 400, "clients[0].unit"),
    ({"clients": risk_clients(19)}, 422, None),
    ({"clients": [{**client, "outcome": True} for client in risk_clients(30)]}, 422, None),
])
def test_risk_adjusted_outcomes_refusals_match_the_document(spec, request_body, status, parameter):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    got, _, body = fetch("/api/v1/outcomes/risk-adjusted", TOKEN, body=request_body)
    assert got == status, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/outcomes/risk-adjusted", "post", status), body)
    if status == 422:
        assert body["message"]
        assert "parameter" not in body
    else:
        assert body["parameter"] == parameter


@pytest.fixture(scope="module")
def fidelity_items(spec):
    got, _, body = fetch("/api/v1/fidelity/ips-25")
    assert got == 200, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/fidelity/ips-25", "get", 200), body)
    return body["items"]


def test_the_fidelity_scale_matches_the_document(fidelity_items):
    assert len(fidelity_items) == 25
    assert len({item["id"] for item in fidelity_items}) == 25
    assert fidelity_items[0]["id"] == "caseload-size"
    assert [item["section"] for item in fidelity_items] == ["staffing"] * 3 + ["organisation"] * 8 + ["services"] * 14


def test_a_fidelity_score_matches_the_document(spec, fidelity_items):
    request = {"scores": {item["id"]: 4 for item in fidelity_items}}
    got, _, body = fetch("/api/v1/fidelity/ips-25", body=request)
    assert got == 200, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/fidelity/ips-25", "post", 200), body)
    assert_matches(spec, request_schema_for(spec, "/api/v1/fidelity/ips-25"), request)
    assert body["total"] == 100
    assert body["band"] == "good"
    assert [(section["id"], section["max"]) for section in body["sections"]] == [("staffing", 15), ("organisation", 40), ("services", 70)]


@pytest.mark.parametrize("change,parameter", [
    (lambda scores: {k: v for k, v in scores.items() if k != "caseload-size"}, "scores.caseload-size"),
    (lambda scores: {**scores, "tea": 3}, "scores.tea"),
    (lambda scores: {**scores, "disclosure": 0}, "scores.disclosure"),
    (lambda scores: {**scores, "disclosure": 6}, "scores.disclosure"),
    (lambda scores: {**scores, "disclosure": 3.5}, "scores.disclosure"),
])
def test_a_refused_fidelity_score_matches_the_document(spec, fidelity_items, change, parameter):
    scores = change({item["id"]: 4 for item in fidelity_items})
    got, _, body = fetch("/api/v1/fidelity/ips-25", body={"scores": scores})
    assert got == 400, body
    assert_matches(spec, response_schema_for(spec, "/api/v1/fidelity/ips-25", "post", 400), body)
    assert body["parameter"] == parameter
