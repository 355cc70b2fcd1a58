"""Where test inputs live, for test modules at any depth under tests/."""

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
TEST_DATA = TESTS_DIR / "data"
PROJECT_ROOT = TESTS_DIR.parent
SHARED = PROJECT_ROOT.parent / "shared"
