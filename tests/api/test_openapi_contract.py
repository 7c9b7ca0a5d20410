"""Every API response the server gives is checked against the OpenAPI 3.1 document it serves, and the
document itself is checked against the OpenAPI 3.1 specification."""
import json
import os
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from conftest import BASE_URL

TOKEN = os.environ.get("JOBCOACH_API_TOKEN", "")


def fetch(path, token=None):
    request = urllib.request.Request(BASE_URL + path, headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers.get("Content-Type", ""), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), json.loads(error.read())


@pytest.fixture(scope="module")
def spec():
    status, _, document = fetch("/openapi.json")
    assert status == 200
    return document


def test_the_document_is_valid_openapi_3_1(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def response_schema(spec, template, status):
    operation = spec["paths"][template]["get"]
    response = operation["responses"][str(status)]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
    return response["content"]["application/json"]["schema"]


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
    # The components travel with the schema, so its "#/components/..." references resolve.
    schema = response_schema(spec, template, status)
    validator = Draft202012Validator({**schema, "components": spec["components"]})
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_me_with_a_token_matches_the_document(spec):
    if not TOKEN:
        pytest.skip("JOBCOACH_API_TOKEN is not set")
    got, _, body = fetch("/api/v1/me", TOKEN)
    assert got == 200
    schema = response_schema(spec, "/api/v1/me", 200)
    Draft202012Validator({**schema, "components": spec["components"]}).validate(body)
