"""The demo app under each shipped theme, for the browser tests that must hold in every theme (axe, contrast, focus).

The theme the in-process demo app uses is served by it (tests/browser/conftest.py `demo_app_url`); any other theme
runs as `python app.py` with THEME=<name> on its own fresh SQLite file (one Dash app per process: a second one in
the test process would have no callbacks). Fixture `themed_app` (session) gives `ThemedApp` per theme name."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from dashboard.theme import THEMES_DIR

PROJECT_DIR = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 180  # migrating and loading the demo, on 2 busy cores


def shipped_themes() -> list[str]:
    """The themes in the repository (a folder with theme.toml), e.g. ['denhaag', 'voorbeeld']."""
    return sorted(p.parent.name for p in THEMES_DIR.glob("*/theme.toml"))


@dataclass
class ThemedApp:
    theme: str
    url: str  # http://127.0.0.1:PORT
    db_url: str


class AppProcess:
    """`python app.py` with THEME set, on a free port and a fresh SQLite file; stopped by `stop()`."""

    def __init__(self, theme: str, workdir: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.log_path = workdir / "app.log"
        self.app = ThemedApp(theme, f"http://127.0.0.1:{port}", f"sqlite:///{workdir / 'perspectief.db'}")
        env = {**os.environ, "THEME": theme, "PORT": str(port), "HOST": "127.0.0.1",
               "DATABASE_URL": self.app.db_url, "SECRET_KEY": f"test-{theme}-{port}-".ljust(40, "x"),
               "LOAD_DEMO": "true", "DEBUG": "false"}
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT_DIR, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.app.url + "/", timeout=5) as answer:  # noqa: S310 - local
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"`python app.py` with THEME={self.app.theme} did not start:\n"
                           + self.log_path.read_text(errors="replace")[-3000:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
