"""Copy the CSS that npm installed (`npm ci`) to where Dash serves it: the NL Design System component library into
assets/vendor/ and each npm-sourced theme's token stylesheet into assets/themes/<name>/tokens.css (both git-ignored).

Run by ./run.sh and ./test.sh after `npm ci`; standard library only, so the system python3 runs it too.
A theme folder whose theme.toml names `tokens_npm = "<package>/<file>"` gets that file, and `fonts_npm = [packages]`
(@fontsource, OFL) gets fonts.css with the woff2 files of weights 400 and 700 in fonts/; a gemeente's own theme
keeps its committed tokens.css. Exit status 1 (saying what is missing) when node_modules is incomplete."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NODE_MODULES = PROJECT / "node_modules"
ASSETS = PROJECT / "assets"
VENDOR = ASSETS / "vendor"
THEMES = ASSETS / "themes"
COMPONENTS = ("@utrecht/component-library-css", "dist/index.css", "utrecht-component-library.css")


def _package(name: str) -> dict:
    return json.loads((NODE_MODULES / name / "package.json").read_text(encoding="utf-8"))


def _package_of(spec: str) -> tuple[str, str]:
    """'@scope/name/dist/x.css' -> ('@scope/name', 'dist/x.css')."""
    parts = spec.split("/")
    n = 2 if spec.startswith("@") else 1
    return "/".join(parts[:n]), "/".join(parts[n:])


def _copy(package: str, file: str, target: Path) -> str:
    source = NODE_MODULES / package / file
    if not source.is_file():
        raise FileNotFoundError(f"{source.relative_to(PROJECT)} ontbreekt: draai `npm ci` in {PROJECT}")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    meta = _package(package)
    licence = next((p for p in (NODE_MODULES / package).glob("LICEN[CS]E*")), None)
    if licence:
        shutil.copyfile(licence, target.parent / f"LICENSE-{target.stem}{licence.suffix or '.txt'}")
    return f"{package}@{meta['version']} ({meta.get('license', '?')}) -> {target.relative_to(PROJECT)}"


FONT_FILES = ("400.css", "400-italic.css", "700.css")
_URL = re.compile(r"src: url\(\./files/([^)]+\.woff2)\) format\('woff2'\)[^;]*;")


def _fonts(packages: list[str], folder: Path) -> str:
    """fonts.css (woff2 only; the browser fetches just the subsets a page needs) and the files it names."""
    out, target = [], folder / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for package in packages:
        for name in FONT_FILES:
            css = (NODE_MODULES / package / name).read_text(encoding="utf-8")
            for file in _URL.findall(css):
                shutil.copyfile(NODE_MODULES / package / "files" / file, target / file)
            out.append(_URL.sub(lambda m: f"src: url(fonts/{m.group(1)}) format('woff2');", css))
        licence = NODE_MODULES / package / "LICENSE"
        shutil.copyfile(licence, target / f"LICENSE-{package.split('/')[-1]}.txt")
    (folder / "fonts.css").write_text("\n".join(out), encoding="utf-8")
    versions = ", ".join(f"{p}@{_package(p)['version']} ({_package(p).get('license', '?')})" for p in packages)
    return f"{versions} -> {(folder / 'fonts.css').relative_to(PROJECT)}"


def build() -> list[str]:
    """Copy every file; returns one line per copy (package, version, licence, target)."""
    done = [_copy(COMPONENTS[0], COMPONENTS[1], VENDOR / COMPONENTS[2])]
    for manifest in sorted(THEMES.glob("*/theme.toml")):
        meta = tomllib.loads(manifest.read_text(encoding="utf-8"))
        if meta.get("tokens_npm"):
            package, file = _package_of(meta["tokens_npm"])
            done.append(_copy(package, file, manifest.parent / "tokens.css"))
        if meta.get("fonts_npm"):
            done.append(_fonts(meta["fonts_npm"], manifest.parent))
    return done


def main() -> int:
    try:
        lines = build()
    except FileNotFoundError as exc:
        print(f"build_assets: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
