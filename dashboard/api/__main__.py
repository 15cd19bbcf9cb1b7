"""`python -m dashboard.api [FILE]`: write the OpenAPI document exactly as /api/v1/openapi.json serves it (to FILE,
else to standard output), without a database; ./test.sh lints it with the Logius ruleset."""

from __future__ import annotations

import sys
from pathlib import Path

from flask import Flask

from dashboard.api import PREFIX
from dashboard.api.routes import register_api
from settings import get_settings


def main(argv: list[str]) -> int:
    settings = get_settings()
    server = Flask("openapi")
    register_api(server, {"name": settings.api_contact_name, "url": settings.api_contact_url,
                          "email": settings.api_contact_email})
    answer = server.test_client().get(f"{PREFIX}/openapi.json")
    if answer.status_code != 200:
        print(f"Het OpenAPI-document gaf status {answer.status_code}", file=sys.stderr)  # noqa: T201
        return 1
    if argv:
        Path(argv[0]).parent.mkdir(parents=True, exist_ok=True)
        Path(argv[0]).write_bytes(answer.get_data())
    else:
        sys.stdout.write(answer.get_data(as_text=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
