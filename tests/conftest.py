"""Shared fixtures for the Python tests, which run against a real `jobcoach` server that scripts/test
starts (JOBCOACH_BASE_URL) and against the built binary (JOBCOACH_BIN)."""
import pytest

from settings import BASE_URL, DEMO_PASSWORD


@pytest.fixture
def base_url():
    return BASE_URL


@pytest.fixture
def demo_password():
    if not DEMO_PASSWORD:
        pytest.skip("JOBCOACH_DEMO_PASSWORD is not set (the server must run with --demo)")
    return DEMO_PASSWORD
