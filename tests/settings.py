"""Where the Python tests find the server and the binary (scripts/test sets these)."""
import os

BASE_URL = os.environ.get("JOBCOACH_BASE_URL", "http://127.0.0.1:8080")
DEMO_PASSWORD = os.environ.get("JOBCOACH_DEMO_PASSWORD", "")
BIN = os.environ.get("JOBCOACH_BIN", os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "jobcoach"))
