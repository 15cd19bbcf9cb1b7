"""The key that signs cookies and tokens (SECRET_KEY): the rule a production key must meet, and the key that
`./run.sh` / `python app.py` generate once into var/secret_key when none is set.

There is no public default any more: with the old default anyone could sign an admin session cookie."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pydantic import SecretStr

from settings import PROJECT_DIR, Settings

OLD_DEFAULT = "dev-only-change-me"  # the public default of earlier versions: refused wherever it turns up
MIN_LENGTH = 32
LOCAL_KEY_FILE = PROJECT_DIR / "var" / "secret_key"

MISSING = ("SECRET_KEY ontbreekt: zet SECRET_KEY op een willekeurige waarde van minstens {n} tekens, bijvoorbeeld "
           "met: python3 -c 'import secrets; print(secrets.token_urlsafe(48))'")
OLD = "SECRET_KEY is de oude, openbare standaardwaarde: kies een eigen willekeurige waarde van minstens {n} tekens"
SHORT = "SECRET_KEY is te kort ({length} tekens): gebruik een willekeurige waarde van minstens {n} tekens"


def key_problem(settings: Settings) -> str | None:
    """Why `settings.secret_key` is not fit for production (one Dutch line naming SECRET_KEY), or None."""
    key = settings.secret_key.get_secret_value() if settings.secret_key is not None else ""
    if not key.strip():
        return MISSING.format(n=MIN_LENGTH)
    if key.strip() == OLD_DEFAULT:
        return OLD.format(n=MIN_LENGTH)
    if len(key) < MIN_LENGTH:
        return SHORT.format(length=len(key), n=MIN_LENGTH)
    return None


def local_key(path: Path = LOCAL_KEY_FILE) -> str:
    """The key in `path`, made once (random, readable by the owner only) when the file does not exist yet."""
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= MIN_LENGTH:
            return key
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key + "\n")
    os.replace(tmp, path)
    return key


def with_local_key(settings: Settings, path: Path = LOCAL_KEY_FILE) -> Settings:
    """`settings` with the generated local key when SECRET_KEY is not set (for ./run.sh and `python app.py`)."""
    if settings.secret_key is not None and settings.secret_key.get_secret_value().strip():
        return settings
    return settings.model_copy(update={"secret_key": SecretStr(local_key(path))})


def signing_key(settings: Settings) -> str:
    """The key create_app signs with: SECRET_KEY when it is fit, else a random key for this process only (an app
    built in a test or a script; a server always has a checked key: ./serve.sh refuses without one)."""
    if key_problem(settings) is None:
        return settings.secret_key.get_secret_value()
    return secrets.token_urlsafe(48)
