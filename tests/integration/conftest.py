"""Fixtures of the integration tests (helpers live in etl_support.py)."""

import pytest
from argon2 import PasswordHasher
from etl_support import run_etl  # noqa: F401 - a fixture

from db import accounts


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its smallest cost in this process, in the tests and in the app they call: the account tests
    check logic and who may do what, not the hash's strength (command-line tests in a subprocess use the real
    parameters). Files that need it say `pytestmark = pytest.mark.usefixtures("cheap_hashing")`."""
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "HASHER", fast)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", fast.hash("dummy"))
