"""/api/v1/docs: the OpenAPI document as one plain, accessible HTML page (no scripts, no CDN): per operation its
summary, a curl example, its parameters and answers, then the fields of every data model."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from flask import Response

from dashboard.api import texts
from dashboard.api.http import url

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;max-width:72rem;margin:0 auto;
padding:1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
pre{background:#f4f4f4;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;
text-align:left;vertical-align:top;overflow-wrap:break-word}th{background:#eee}h1,h2,h3,p,li{overflow-wrap:anywhere}
.table-scroll{overflow-x:auto;margin:.5rem 0 1rem}.table-scroll table{margin:0}
.table-scroll:focus{outline:3px solid #fc0}
@media (max-width:40rem){body{padding:.5rem}th,td{padding:.2rem .3rem;font-size:.9em}
.table-scroll table{min-width:34rem}}
section.op{border-top:2px solid #005a9c;margin-top:2rem}.method{font-weight:700;color:#005a9c}
a{color:#005a9c}a:focus{outline:3px solid #fc0}
"""


def _e(value: object) -> str:
    return escape(str(value))


def _text(value: str) -> str:
    """Escaped text with the document's `code` spans (CommonMark, as OpenAPI descriptions are) as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(value))


def _anchor(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{_anchor(name)}">{_e(name)}</a>'
    for key in ("allOf", "anyOf"):
        if key in schema:
            text = " | ".join(_type(s) for s in schema[key])
            return text + (" | null" if schema.get("nullable") else "")
    kind = schema.get("type", "")
    if kind == "array":
        kind = f"lijst van {_type(schema.get('items', {}))}"
    else:
        kind = _e(kind)
    if schema.get("format"):
        kind += f" ({_e(schema['format'])})"
    if schema.get("enum"):
        kind += ": " + ", ".join(f"<code>{_e(v)}</code>" for v in schema["enum"])
    return kind + (" | null" if schema.get("nullable") else "")


def _scroll(label: str, table: str) -> str:
    """A table that scrolls sideways on a narrow screen, reachable by keyboard."""
    return f'<div class="table-scroll" role="region" tabindex="0" aria-label="{_e(label)}">{table}</div>'


def _limits(schema: dict[str, Any]) -> str:
    parts = []
    if "minimum" in schema:
        parts.append(f"min. {schema['minimum']}")  # the document's numbers, plain: no thousands separators
    if "maximum" in schema:
        parts.append(f"max. {schema['maximum']}")
    if "default" in schema and schema["default"] is not None:
        parts.append(f"standaard {schema['default']}")
    if "pattern" in schema:
        parts.append(f"patroon {schema['pattern']}")
    return f" ({', '.join(parts)})" if parts else ""


def _operation(template: str, method: str, op: dict[str, Any], server: str) -> str:
    path = template
    example_params = "&".join(f"{p['name']}={p['schema']['example']}" for p in op.get("parameters", [])
                              if p["in"] == "query" and "example" in p["schema"])
    for p in op.get("parameters", []):
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", str(p.get("example", "{" + p["name"] + "}")))
    shown = path + (f"?{example_params}" if example_params else "")
    params = "".join(
        f"<tr><td><code>{_e(p['name'])}</code>{' (' + texts.DOCS_REQUIRED + ')' if p.get('required') else ''}</td>"
        f"<td>{_e(texts.DOCS_IN.get(p['in'], p['in']))}</td><td>{_type(p['schema'])}{_e(_limits(p['schema']))}</td>"
        f"<td>{_text(p.get('description', ''))}</td></tr>" for p in op.get("parameters", []))
    title = f"{op.get('summary', template)}: "
    params_table = _scroll(title + texts.DOCS_PARAMETERS, (
        f"<table><thead><tr><th scope=col>{texts.DOCS_PARAM_NAME}</th><th scope=col>{texts.DOCS_PARAM_IN}</th>"
        f"<th scope=col>{texts.DOCS_PARAM_TYPE}</th><th scope=col>{texts.DOCS_PARAM_DESC}</th></tr></thead>"
        f"<tbody>{params}</tbody></table>")) if params else f"<p>{texts.DOCS_NONE}</p>"
    responses = "".join(
        f"<tr><td>{_e(code)}</td><td>{_text(r.get('description', ''))}</td><td>"
        + (", ".join(f"<code>{_e(t)}</code> {_type(c.get('schema', {}))}" for t, c in r.get("content", {}).items())
           or "–") + "</td></tr>" for code, r in op["responses"].items())
    return (f'<section class="op" aria-labelledby="op-{op["operationId"]}">'
            f'<h3 id="op-{op["operationId"]}"><span class="method">{method.upper()}</span> <code>{_e(template)}</code>'
            f" – {_e(op.get('summary', ''))}</h3><p>{_text(op.get('description', ''))}</p>"
            f"<pre><code>curl -H 'Accept: application/json' '{_e(server + shown)}'</code></pre>"
            f"<h4>{texts.DOCS_PARAMETERS}</h4>{params_table}<h4>{texts.DOCS_RESPONSES}</h4>"
            + _scroll(title + texts.DOCS_RESPONSES, (
                f"<table><thead><tr><th scope=col>{texts.DOCS_STATUS}</th><th scope=col>{texts.DOCS_MEANING}</th>"
                f"<th scope=col>{texts.DOCS_FORMATS}</th></tr></thead><tbody>{responses}</tbody></table>"))
            + "</section>")


def _schema(name: str, schema: dict[str, Any]) -> str:
    props = schema.get("properties")
    heading = f'<h3 id="schema-{_anchor(name)}">{_e(name)}</h3>'
    intro = f"<p>{_text(schema['description'])}</p>" if schema.get("description") else ""
    if not props:
        return f"<section>{heading}{intro}<p>{_type(schema)}</p></section>"
    required = set(schema.get("required", []))
    rows = "".join(f"<tr><td><code>{_e(p)}</code>{'' if p in required else ' ?'}</td><td>{_type(s)}</td>"
                   f"<td>{_text(s.get('description', ''))}</td></tr>" for p, s in props.items())
    caption = texts.DOCS_FIELDS.format(name=name)
    return (f"<section>{heading}{intro}" + _scroll(caption, (
        f"<table><caption>{_e(caption)}</caption><thead><tr><th scope=col>{texts.DOCS_FIELD}</th>"
        f"<th scope=col>{texts.DOCS_TYPE}</th><th scope=col>{texts.DOCS_DESC}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>")) + "</section>")


def render(doc: dict[str, Any]) -> str:
    server = url(doc["servers"][0]["url"])
    spec_url = server + "/openapi.json"
    ops = [(path, method, op) for path, methods in doc["paths"].items() for method, op in methods.items()]
    link = f'<a href="{_e(spec_url)}">{_e(spec_url)}</a>'
    contents = "".join(f'<li><a href="#op-{op["operationId"]}">{_e(op.get("summary", path))}</a> '
                       f"<code>{_e(path)}</code></li>" for path, _, op in ops)
    body = (f"<header><p><a href=\"/\">{texts.DOCS_BACK}</a></p><h1>{texts.DOCS_TITLE}</h1>"
            f"<p>{_e(texts.DOCS_VERSION.format(title=doc['info']['title'], version=doc['info']['version']))}</p>"
            "</header><main>"
            + "".join(f"<p>{_text(par)}</p>" for par in doc["info"]["description"].split("\n\n"))
            + f"<p>{texts.DOCS_INTRO.format(spec=link)}</p>"
            f"<pre><code>curl -H 'Accept: text/csv' '{_e(server)}/regios?soort=gemeente'</code></pre>"
            f'<nav aria-labelledby="inhoud"><h2 id="inhoud">{texts.DOCS_CONTENTS}</h2><ul>{contents}</ul></nav>'
            + "".join(_operation(path, method, op, server) for path, method, op in ops)
            + f"<h2>{texts.DOCS_SCHEMAS}</h2>"
            + "".join(_schema(name, s) for name, s in doc["components"]["schemas"].items()) + "</main>")
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{texts.DOCS_TITLE}</title>'
            f"<style>{STYLE}</style></head><body>{body}</body></html>")


def docs_page(doc: dict[str, Any]) -> Response:
    return Response(render(doc), mimetype="text/html")
