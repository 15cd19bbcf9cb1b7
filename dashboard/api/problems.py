"""Errors of the API as problem details (RFC 9457, `application/problem+json`) in Dutch: the exception the routes
raise (`ApiProblem`), the answer it becomes, and the answers for what Flask itself refuses under /api (unknown
path or trailing slash 404, another method than GET/HEAD/OPTIONS 405, any other HTTP error, an unexpected error
500)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from flask import Response, request
from werkzeug.exceptions import HTTPException

from dashboard.api import texts

PROBLEM_JSON = "application/problem+json"
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOW = ", ".join(ALLOWED_METHODS)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InvalidParam:
    name: str
    code: str
    reason: str


class ApiProblem(Exception):  # noqa: N818 - it is a problem (RFC 9457), raised as an exception
    """An answer of the API that is an error; the blueprint's error handler turns it into problem+json."""

    def __init__(self, status: int, title: str, detail: str, invalid: list[InvalidParam] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.invalid = invalid or []
        self.headers = headers or {}


def problem_response(problem: ApiProblem) -> Response:
    body: dict = {"type": "about:blank", "title": problem.title, "status": problem.status, "detail": problem.detail,
                  "instance": request.path}
    if problem.invalid:
        body["invalidParams"] = [{"name": p.name, "code": p.code, "reason": p.reason} for p in problem.invalid]
    response = Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")), status=problem.status,
                        mimetype=PROBLEM_JSON)
    response.headers.update(problem.headers)
    response.headers["Cache-Control"] = "no-store"
    return response


def not_found(detail: str | None = None) -> ApiProblem:
    return ApiProblem(404, texts.NOT_FOUND_TITLE, detail or texts.NO_SUCH_PATH.format(path=request.path))


def method_not_allowed() -> ApiProblem:
    return ApiProblem(405, texts.METHOD_TITLE, texts.METHOD_DETAIL.format(method=request.method),
                      headers={"Allow": ALLOW})


def unknown_path(rest: str = "") -> Response:  # noqa: ARG001 - the rule's variable
    """Every path under /api that is no resource, a trailing slash included (/core/no-trailing-slash): 404, or 405
    for a method the API never allows."""
    if request.method not in ALLOWED_METHODS:
        return problem_response(method_not_allowed())
    detail = texts.TRAILING_SLASH.format(path=request.path.rstrip("/")) if request.path.endswith("/") \
        and request.path != "/" else None
    return problem_response(not_found(detail))


def on_api_problem(problem: ApiProblem) -> Response:
    return problem_response(problem)


def on_http_exception(exc: HTTPException) -> Response:
    if exc.code == 405:
        return problem_response(method_not_allowed())
    if exc.code == 404:
        return problem_response(not_found())
    title = texts.HTTP_TITLES.get(exc.code or 500, texts.ERROR_TITLE)
    return problem_response(ApiProblem(exc.code or 500, title, texts.HTTP_DETAILS.get(exc.code or 500,
                                                                                      texts.ERROR_DETAIL)))


def on_unexpected(exc: Exception) -> Response:
    log.exception("Fout in de API bij %s", request.path, exc_info=exc)
    return problem_response(ApiProblem(500, texts.ERROR_TITLE, texts.ERROR_DETAIL))
