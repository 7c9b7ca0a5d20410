"""Shared settings for the Python tests, which run against a real `jobcoach` server that
scripts/test starts (JOBCOACH_BASE_URL) and against the built binary (JOBCOACH_BIN)."""
import os

import pytest

BASE_URL = os.environ.get("JOBCOACH_BASE_URL", "http://127.0.0.1:8080")
DEMO_PASSWORD = os.environ.get("JOBCOACH_DEMO_PASSWORD", "")
BIN = os.environ.get("JOBCOACH_BIN", os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "jobcoach"))


@pytest.fixture
def base_url():
    return BASE_URL


@pytest.fixture
def demo_password():
    if not DEMO_PASSWORD:
        pytest.skip("JOBCOACH_DEMO_PASSWORD is not set (the server must run with --demo)")
    return DEMO_PASSWORD
