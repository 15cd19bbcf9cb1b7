"""A response cache for what anonymous readers ask again and again: the public pages' Dash callbacks, what the page
shell loads first, downloads and the open-data API. Keyed by the request (method, path, query, body, and for the API
its Accept header) and the data version (db.write.data_version: every committed write of content raises it), so a
load, an edit or a publication makes the very next visit build afresh – on every instance. In Redis with REDIS_URL
(shared by all instances), else in this process (CACHE_MB per worker, least recently used out first). Answers are
kept gzip-compressed and served so to clients that accept it.

Only anonymous requests are cached (a signed-in account may see unpublished content), only after every guard has
run (the cache wraps the view functions: the sign-in guard of REQUIRE_SIGN_IN, the API's own guard), and never an
answer that sets a cookie or holds something of one visitor alone (a form's CSRF token: `do_not_cache()`).
`install_cache(server, settings, endpoints)` wraps the named endpoints (dashboard.operations names them)."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import wraps
from typing import Protocol

from dash.exceptions import PreventUpdate
from flask import Flask, Response, current_app, g, make_response, request

from dashboard.auth import current_user
from dashboard.data import CONFIG_KEY
from dashboard.metrics import CACHE
from db.read import data_version
from settings import Settings

PREFIX = "perspectief:cache:"
_G_VERSION = "perspectief_data_version"
# What a view sets that the cached answer must carry again (the API: its ETag, Vary, Link and X-Total-Count).
_KEPT_HEADERS = ("Content-Disposition", "Retry-After", "Cache-Control", "ETag", "Vary", "Link", "X-Total-Count")
NO_UPDATE = 204
_IGNORED_ARGS = frozenset({"endId"})
_UNCACHED_ARGS = frozenset({"cacheKey", "job", "oldJob"})


class Store(Protocol):
    def get(self, key: str) -> bytes | None: ...
    def set(self, key: str, value: bytes) -> None: ...


class MemoryStore:
    """Least recently used first out, bounded by the bytes it holds."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        if len(value) > self.max_bytes // 4:
            return  # one answer may not push out a quarter of the cache
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._items[key] = value
            self._size += len(value)
            while self._size > self.max_bytes and self._items:
                _k, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)


class RedisStore:
    """Shared by every instance; entries expire after CACHE_SECONDS (a new data version makes them unused anyway)."""

    def __init__(self, redis_url: str, seconds: int) -> None:
        import redis

        self.redis = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
        self.seconds = seconds

    def get(self, key: str) -> bytes | None:
        try:
            return self.redis.get(PREFIX + key)
        except Exception:  # noqa: BLE001 - Redis away: build the answer instead
            current_app.logger.warning("cache: Redis niet bereikbaar", exc_info=True)
            return None

    def set(self, key: str, value: bytes) -> None:
        try:
            self.redis.set(PREFIX + key, value, ex=self.seconds)
        except Exception:  # noqa: BLE001
            current_app.logger.warning("cache: Redis niet bereikbaar", exc_info=True)


_G_NO_CACHE = "perspectief_no_cache"


def do_not_cache() -> None:
    """This request's answer holds something of this visitor alone (a CSRF token in a form): never cache it."""
    setattr(g, _G_NO_CACHE, True)


def current_version() -> int:
    """The data version, read once per request (on the driver's connection: a third of the cost of a Core query,
    and this runs on every cached answer)."""
    if _G_VERSION not in g:
        setattr(g, _G_VERSION, data_version.current(current_app.config[CONFIG_KEY]))
    return g.get(_G_VERSION)


def request_key(vary: Sequence[str] = ()) -> str | None:
    """The cache key of this request, or None when it must not be cached (signed in, no data version). `vary`: the
    request headers the answer depends on (the API: Accept, which chooses JSON or CSV)."""
    if current_user() is not None:
        return None
    args = request.args
    if any(name in args for name in _UNCACHED_ARGS):
        return None  # a background callback's job: bound to one page load
    version = current_version()
    if not version:
        return None
    # Dash's `endId` is a random token of the page load (it binds background callbacks, which we do not use): leave
    # it out, or no two visitors would ever share an answer.
    query = sorted((k, v) for k, vs in args.lists() for v in vs if k not in _IGNORED_ARGS)
    digest = hashlib.sha256()
    headers = [request.headers.get(name, "") for name in vary]
    for part in (request.method, request.path, json.dumps(query), json.dumps(headers), str(version),
                 date.today().isoformat()):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    if request.method == "POST":
        digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def _pack(response: Response) -> bytes:
    head = {"status": response.status_code, "type": response.headers.get("Content-Type", ""),
            "headers": {h: response.headers[h] for h in _KEPT_HEADERS if h in response.headers}}
    body = gzip.compress(response.get_data(), compresslevel=5) if response.status_code != NO_UPDATE else b""
    return json.dumps(head).encode() + b"\n" + body


def _unpack(value: bytes) -> Response:
    head_raw, _, body = value.partition(b"\n")
    head = json.loads(head_raw)
    if head["status"] == NO_UPDATE:
        return Response(b"", status=NO_UPDATE)  # with its length 0: Flask-Compress must not "compress" it
    gzip_ok = "gzip" in request.headers.get("Accept-Encoding", "")
    response = Response(body if gzip_ok else gzip.decompress(body), status=head["status"],
                        headers=head["headers"], content_type=head["type"])
    if gzip_ok:
        response.headers["Content-Encoding"] = "gzip"  # Flask-Compress leaves an encoded answer alone
    response.vary.add("Accept-Encoding")
    return response


def cached(store: Store, view: Callable, vary: Sequence[str] = ()) -> Callable:
    """`view` with its anonymous answers (200 and Dash's 204 "nothing to update") kept in `store`, keyed also by the
    request headers in `vary`. A cached answer with an ETag is 304 for a client that has it already."""

    @wraps(view)
    def wrapper(*args, **kwargs):  # noqa: ANN202
        key = request_key(vary)
        if key is not None and (hit := store.get(key)) is not None:
            CACHE.labels("hit").inc()
            response = _unpack(hit)
            return response.make_conditional(request) if "ETag" in response.headers else response
        try:
            response = make_response(view(*args, **kwargs))
        except PreventUpdate:
            if key is not None:
                store.set(key, _pack(Response(status=NO_UPDATE)))
            raise
        if key is not None:
            CACHE.labels("miss").inc()
            if response.status_code == 200 and "Set-Cookie" not in response.headers and not g.get(_G_NO_CACHE) \
                    and not response.direct_passthrough and "Content-Encoding" not in response.headers:
                store.set(key, _pack(response))
        return response

    return wrapper


def make_store(settings: Settings) -> Store | None:
    if settings.redis_url:
        return RedisStore(settings.redis_url, settings.cache_seconds)
    if settings.cache_mb <= 0:
        return None
    return MemoryStore(int(settings.cache_mb * 1024 * 1024))


def install_cache(server: Flask, settings: Settings, endpoints: Mapping[str, Sequence[str]]) -> Store | None:
    """Wrap the view functions of `endpoints` (those that exist; each with the request headers its answer depends
    on) with one cache; None when caching is off."""
    store = make_store(settings)
    if store is None:
        return None
    for endpoint, vary in endpoints.items():
        if endpoint in server.view_functions:
            server.view_functions[endpoint] = cached(store, server.view_functions[endpoint], tuple(vary))
    return store
