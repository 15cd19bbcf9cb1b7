"""Load benchmark: the production server (`./serve.sh`, gunicorn 2 workers × 4 threads) under what browsers really
send for a visit, against a bare Flask route served the same way and measured in the same run.

    .venv/bin/python benchmarks/load_bench.py [--database demo|nationaal|beide] [--duur 60] [--verbindingen 100]
                                              [--nationaal PAD] [--redis]

Needs `wrk` (Debian: apt-get install wrk), locust (`.venv/bin/pip install -r requirements-bench.txt`) and Debian's
chromium (Playwright drives it once, to record a visit).

1. The databases: the demo (SQLite, loaded by `./serve.sh` with LOAD_DEMO=true) and the national-scale database of
   benchmarks/page_bench.py (the demo plus 400 indicators × 20 years for Nederland, every gemeente and, for 40 of
   them, every wijk: 5,5 million observations; built once, or taken from --nationaal PAD).
2. A visit, recorded with headless Chromium against the server under test: the page shell of a programme page, the
   layout, the dependencies, every callback the page fires (router, header, the controls' first report), a
   comparison change (two regions added), a trend card's table opened, and a CSV download – each request's method,
   path, body and headers exactly as the browser sent them (its CSRF cookie included).
3. Replays the visit: (a) locust, 100 readers who each click through it every 2–5 s for --duur s (one click = one
   step of the visit, its requests one after another); (b) wrk, --verbindingen closed-loop connections that replay
   its requests in order without think time. The same two runs against a bare Flask route (`return "ok"`) under the
   same gunicorn (2 workers × 4 threads).
4. Prints per run requests/s, p50/p95/p99 latency, errors (non-2xx/3xx, timeouts, socket errors) and the workers'
   peak memory (VmHWM), and the targets: (a) p95 ≤ 150 ms; (b) p95 ≤ 200 ms and at least 3 × 258 req/s on the
   national database; 0 errors."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY_RPS, TODAY_P95 = 258.0, 669.0  # national database, gunicorn 2×4, before this work (stack notes, 3 dec 2026)
TARGET_A_P95, TARGET_B_P95, TARGET_FACTOR = 150.0, 200.0, 3.0
PROGRAMME = "/programma/sociaal-en-vitaal"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
BARE_APP = '''
from flask import Flask
app = Flask("bare")

@app.get("/")
def ok():
    return "ok"
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server stopped (exit {proc.returncode})")
        try:
            with urlopen(url, timeout=2) as r:  # noqa: S310 - localhost
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


class Server:
    """./serve.sh (or gunicorn on the bare app) in a process group of its own."""

    def __init__(self, cmd: list[str], env: dict[str, str], log: Path, port: int) -> None:
        self.port, self.base = port, f"http://127.0.0.1:{port}"
        self.log = log.open("wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env, "PORT": str(port)},
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self.base + "/healthz" if "serve.sh" in cmd[-1] else self.base + "/", self.proc)

    def worker_memory_mb(self) -> float:
        """Peak resident memory (VmHWM) of the gunicorn workers, summed."""
        total = 0
        master = self.proc.pid
        for task in Path(f"/proc/{master}/task").glob("*/children"):
            for pid in task.read_text().split():
                status = Path(f"/proc/{pid}/status")
                if status.exists():
                    for line in status.read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            total += int(line.split()[1])
        return total / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def record_visit(base: str) -> list[list[dict]]:
    """What Chromium sends for a visit, as clicks (lists of requests): open the programme page, add two comparison
    regions, open a trend card's table, download its CSV."""
    from playwright.sync_api import sync_playwright

    clicks: list[list[dict]] = []
    current: list[dict] = []

    def on_request(req) -> None:  # noqa: ANN001 - a playwright Request
        parts = urlsplit(req.url)
        if parts.port != urlsplit(base).port:
            return
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith(("/_dash-component-suites/", "/assets/", "/_favicon")):
            return  # static files with content hashes: a returning browser has them cached (a year)
        headers = {k: v for k, v in req.headers.items() if k.lower() in ("content-type", "x-csrftoken", "accept")}
        current.append({"method": req.method, "path": path, "body": req.post_data or "", "headers": headers})

    def step() -> None:
        nonlocal current
        page.wait_for_load_state("networkidle")
        time.sleep(0.5)
        if current:
            clicks.append(current)
        current = []

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                     args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", on_request)
        page.goto(base + PROGRAMME)
        step()
        cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "_csrf_token")
        page.locator("details.compare-details summary").first.click()
        boxes = page.locator("details.compare-details input[type=checkbox]")
        for i in (1, 2):
            boxes.nth(i).check()
            step()
        page.locator("details.table-toggle summary").first.click()
        step()
        link = page.locator("a[href^='/download/'][href*='.csv']").first
        href = link.get_attribute("href")
        current.append({"method": "GET", "path": href, "body": "", "headers": {}})
        step()
        browser.close()
    for click in clicks:
        for req in click:
            req["headers"]["Cookie"] = f"_csrf_token={cookie}"
            req["headers"]["Accept-Encoding"] = "gzip, deflate, br"
    return clicks


WRK_SCRIPT = r"""
local clicks = %s
local flat = {}
for _, click in ipairs(clicks) do
  for _, r in ipairs(click) do
    flat[#flat + 1] = wrk.format(r.method, r.path, r.headers, r.body ~= "" and r.body or nil)
  end
end
local n = 0
request = function()
  n = n %% #flat + 1
  return flat[n]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %%d, "seconds": %%.3f, "p50": %%.2f, "p95": %%.2f, "p99": %%.2f, '
    .. '"status_errors": %%d, "socket_errors": %%d}\n', summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


def lua_table(clicks: list[list[dict]]) -> str:
    def s(value: str) -> str:
        return json.dumps(value)  # a JSON string is a valid Lua string literal for these characters

    out = []
    for click in clicks:
        reqs = []
        for r in click:
            headers = ", ".join(f"[{s(k)}] = {s(v)}" for k, v in r["headers"].items())
            reqs.append(f"{{method = {s(r['method'])}, path = {s(r['path'])}, body = {s(r['body'])}, "
                        f"headers = {{{headers}}}}}")
        out.append("{" + ", ".join(reqs) + "}")
    return "{" + ", ".join(out) + "}"


def run_wrk(base: str, clicks: list[list[dict]], connections: int, seconds: int, tmp: Path) -> dict:
    """(b): `connections` closed-loop connections replaying the visit without think time (wrk)."""
    script = tmp / f"visit-{secrets.token_hex(4)}.lua"
    script.write_text(WRK_SCRIPT % lua_table(clicks), encoding="utf-8")
    threads = 2
    done = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                           "-s", str(script), base], capture_output=True, text=True, timeout=seconds + 120)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result:\n{done.stdout}\n{done.stderr}")
    result = json.loads(line[len("WRKJSON "):])
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = result["status_errors"] + result["socket_errors"]
    return result


LOCUSTFILE = """
import json
from locust import FastHttpUser, between, task

CLICKS = json.loads(%r)


class Reader(FastHttpUser):
    wait_time = between(2, 5)  # a reader clicks every 2 to 5 seconds

    def on_start(self):
        self.step = 0

    @task
    def click(self):
        for r in CLICKS[self.step %% len(CLICKS)]:
            self.client.request(r["method"], r["path"], data=r["body"].encode() or None, headers=r["headers"],
                                name=r["method"] + " " + r["path"].split("?")[0])
        self.step += 1
"""


def run_locust(base: str, clicks: list[list[dict]], users: int, seconds: int, tmp: Path) -> dict:
    """(a): `users` readers, each clicking through the visit with 2–5 s between clicks (locust, headless)."""
    locustfile = tmp / f"readers-{secrets.token_hex(4)}.py"
    locustfile.write_text(LOCUSTFILE % json.dumps(clicks), encoding="utf-8")
    prefix = tmp / f"locust-{secrets.token_hex(4)}"
    locust = shutil.which("locust", path=str(ROOT / ".venv/bin")) or "locust"
    done = subprocess.run([locust, "-f", str(locustfile), "--headless", "-u", str(users), "-r", str(users), "-t",
                           f"{seconds}s", "--host", base, "--csv", str(prefix), "--only-summary", "--loglevel",
                           "WARNING"], capture_output=True, text=True, timeout=seconds + 120, cwd=tmp)
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        raise SystemExit(f"locust gave no result:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    import csv

    row = next(r for r in csv.DictReader(stats.open(encoding="utf-8")) if r["Name"] == "Aggregated")
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists() and int(row["Failure Count"]):
        print("   locust-fouten:", failures.read_text(encoding="utf-8")[:600], flush=True)
    return {"requests": int(row["Request Count"]), "rps": float(row["Requests/s"]), "p50": float(row["50%"]),
            "p95": float(row["95%"]), "p99": float(row["99%"]), "errors": int(row["Failure Count"])}


def nl(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def build_national(path: Path) -> None:
    from benchmarks.page_bench import build_database

    print(f"== nationale database bouwen in {path} (enkele minuten)", flush=True)
    built = build_database(f"sqlite:///{path}", path, 40)
    print(f"   {nl(built['rows'])} waarnemingen in {nl(built['total'], 0)} s", flush=True)


def bench(name: str, url: str, args: argparse.Namespace, tmp: Path, redis_url: str | None) -> dict:
    env = {"SECRET_KEY": secrets.token_urlsafe(48), "DATABASE_URL": url, "WEB_CONCURRENCY": "2", "WEB_THREADS": "4",
           "LOAD_DEMO": "true" if name == "demo" else "false", "LOG_LEVEL": "WARNING",
           "BASE_URL": "http://127.0.0.1/", **({"REDIS_URL": redis_url} if redis_url else {})}
    app = Server(["bash", str(ROOT / "serve.sh")], env, tmp / f"serve-{name}.log", free_port())
    bare_file = tmp / "bare_app.py"
    bare_file.write_text(BARE_APP, encoding="utf-8")
    port = free_port()
    bare = Server([str(ROOT / ".venv/bin/gunicorn"), "-w", "2", "--threads", "4", "-k", "gthread", "--chdir", str(tmp),
                   "-b", f"127.0.0.1:{port}", "bare_app:app"], {}, tmp / "bare.log", port)
    try:
        clicks = record_visit(app.base)
        bare_clicks = [[{"method": "GET", "path": "/", "body": "", "headers": {}}]]
        print(f"== {name}: bezoek opgenomen: {sum(len(c) for c in clicks)} verzoeken in {len(clicks)} klikken: "
              + ", ".join(f"{r['method']} {r['path'].split('?')[0]}" for c in clicks for r in c), flush=True)
        # warm up: every request once per connection, so both workers have built (and cached) the answers
        run_wrk(app.base, clicks, 8, 5, tmp)
        results = {}
        results = {"a": run_locust(app.base, clicks, 100, args.duur, tmp),
                   "bare_a": run_locust(bare.base, bare_clicks, 100, args.duur, tmp)}
        results["a"]["memory_mb"], results["bare_a"]["memory_mb"] = app.worker_memory_mb(), bare.worker_memory_mb()
        results["b"] = run_wrk(app.base, clicks, args.verbindingen, args.duur, tmp)
        results["b"]["memory_mb"] = app.worker_memory_mb()
        results["bare_b"] = run_wrk(bare.base, bare_clicks, args.verbindingen, args.duur, tmp)
        results["bare_b"]["memory_mb"] = bare.worker_memory_mb()
        return results
    finally:
        app.stop()
        bare.stop()


def report(all_results: dict[str, dict]) -> None:
    print("\n| database | scenario | server | requests/s | p50 ms | p95 ms | p99 ms | errors | worker memory |")
    print("|---|---|---|---|---|---|---|---|---|")
    names = {"a": "(a) 100 readers, a click every 2–5 s", "b": "(b) closed loop, no think time"}
    for db, results in all_results.items():
        for label in ("a", "b"):
            for server, key in (("Perspectief", label), ("bare Flask route", "bare_" + label)):
                r = results[key]
                print(f"| {db} | {names[label]} | {server} | {nl(r['rps'], 0)} | {nl(r['p50'], 1)} | "
                      f"{nl(r['p95'], 1)} | {nl(r['p99'], 1)} | {r['errors']} | {nl(r['memory_mb'], 0)} MB |")
    print("\nTargets (2 cores):")
    for db, results in all_results.items():
        a, b = results["a"], results["b"]
        print(f"- {db} (a) p95 {nl(a['p95'], 1)} ms ≤ {nl(TARGET_A_P95)} ms: "
              f"{'gehaald' if a['p95'] <= TARGET_A_P95 else 'NIET gehaald'}; fouten {a['errors']}")
        line = f"- {db} (b) p95 {nl(b['p95'], 1)} ms ≤ {nl(TARGET_B_P95)} ms: " \
               f"{'gehaald' if b['p95'] <= TARGET_B_P95 else 'NIET gehaald'}; fouten {b['errors']}"
        if db == "nationaal":
            factor = b["rps"] / TODAY_RPS
            line += (f"; {nl(b['rps'], 0)} req/s = {nl(factor, 1)} × vandaag ({nl(TODAY_RPS)} req/s, p95 "
                     f"{nl(TODAY_P95)} ms): {'gehaald' if factor >= TARGET_FACTOR else 'NIET gehaald'} (≥ 3 ×)")
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("demo", "nationaal", "beide"), default="beide")
    parser.add_argument("--duur", type=int, default=60, help="seconds per run")
    parser.add_argument("--verbindingen", type=int, default=100, help="connections of run (b)")
    parser.add_argument("--nationaal", type=Path, help="the national database (built here when it does not exist)")
    parser.add_argument("--redis", action="store_true", help="with a redis-server of its own (REDIS_URL)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk ontbreekt: apt-get install wrk")
    if shutil.which("locust", path=str(ROOT / ".venv/bin")) is None:
        raise SystemExit("locust ontbreekt: .venv/bin/pip install -r requirements-bench.txt")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="load-bench-") as tmp_name:
        tmp = Path(tmp_name)
        redis_proc, redis_url = None, None
        if args.redis:
            port = free_port()
            redis_proc = subprocess.Popen(["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
                                          stdout=subprocess.DEVNULL, start_new_session=True)
            redis_url = f"redis://127.0.0.1:{port}/0"
            time.sleep(1)
        try:
            if args.database in ("demo", "beide"):
                results["demo"] = bench("demo", f"sqlite:///{tmp / 'demo.db'}", args, tmp, redis_url)
            if args.database in ("nationaal", "beide"):
                path = args.nationaal or tmp / "nationaal.db"
                if not path.exists():
                    build_national(path)
                if redis_url:
                    subprocess.run(["redis-cli", "-p", str(port), "FLUSHALL"], check=False, capture_output=True)
                results["nationaal"] = bench("nationaal", f"sqlite:///{path}", args, tmp, redis_url)
        finally:
            if redis_proc is not None:
                redis_proc.terminate()
    report(results)


if __name__ == "__main__":
    main()
