"""Assets with their content hash in the URL and long-lived cache headers: the page shell links
`/assets/10-perspectief.css?v=<sha256 prefix>` (Dash writes `?m=<mtime>`), and a request that carries the file's
current hash is answered with `Cache-Control: public, max-age=31536000, immutable` – a browser or proxy keeps it a
year, and a changed file gets a new URL. Without the right hash: `no-cache` (revalidated by ETag)."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from pathlib import Path

from dash import Dash
from flask import Response, request

IMMUTABLE = "public, max-age=31536000, immutable"
_ASSET_LINK = re.compile(r'(/assets/)([^"?\s<>]+)\?m=[0-9.]+')


class AssetHashes:
    """Content hashes of the files in the assets folder, recomputed when a file's modification time changes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._known: dict[str, tuple[float, str]] = {}
        self._stamp: tuple[float, tuple] | None = None
        self._lock = threading.Lock()

    def of(self, relative: str) -> str | None:
        path = (self.folder / relative).resolve()
        if self.folder not in path.parents or not path.is_file():
            return None
        mtime = path.stat().st_mtime
        with self._lock:
            known = self._known.get(relative)
            if known is not None and known[0] == mtime:
                return known[1]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        with self._lock:
            self._known[relative] = (mtime, digest)
        return digest

    def stamp(self) -> tuple:
        """The assets' modification times: changes when a file is changed, added or removed (looked at once every
        two seconds at most: the folder may hold many files)."""
        now = time.monotonic()
        with self._lock:
            if self._stamp is not None and now - self._stamp[0] < 2:
                return self._stamp[1]
        found = tuple(sorted((str(p.relative_to(self.folder)), p.stat().st_mtime)
                             for p in self.folder.rglob("*") if p.is_file()))
        with self._lock:
            self._stamp = (now, found)
        return found

    def rewrite(self, html: str) -> str:
        def replace(m: re.Match) -> str:
            digest = self.of(m[2])
            return f"{m[1]}{m[2]}?v={digest}" if digest else m[0]

        return _ASSET_LINK.sub(replace, html)


def install_asset_urls(app: Dash) -> AssetHashes:
    """Content-hashed asset links in the page shell, and the cache headers for asset requests."""
    server = app.server
    hashes = AssetHashes(Path(app.config.assets_folder).resolve())
    prefix = (app.config.routes_pathname_prefix or "/") + "assets/"
    index = app.index  # Dash's index and catch-all views call app.index() when they answer

    def index_with_hashes(*args, **kwargs) -> str:  # noqa: ANN002, ANN003
        return hashes.rewrite(index(*args, **kwargs))

    app.index = index_with_hashes

    def asset_headers(response: Response) -> Response:
        if request.path.startswith(prefix):
            sent = request.args.get("v")
            fresh = sent is not None and response.status_code in (200, 304) \
                and sent == hashes.of(request.path[len(prefix):])
            response.headers["Cache-Control"] = IMMUTABLE if fresh else "no-cache"
        return response

    server.after_request(asset_headers)
    return hashes
