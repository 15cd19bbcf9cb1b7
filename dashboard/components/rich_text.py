"""User Markdown (story body, transcript) as Dash components: the safe subset of indicators.safe_text, built as
components so the text is always text – no dangerouslySetInnerHTML, no dcc.Markdown."""

from __future__ import annotations

from dash import html

from dashboard.components import nl
from indicators.safe_text import (
    Block,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Paragraph,
    Strong,
    Text,
    parse_markdown,
)


def _inline(nodes: tuple[Inline, ...]) -> list:
    out: list = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append(html.Br())
        elif isinstance(node, Strong):
            out.append(html.Strong(_inline(node.children)))
        elif isinstance(node, Emphasis):
            out.append(html.Em(_inline(node.children)))
        elif isinstance(node, Link):
            # an editor's link leads elsewhere: no referrer, no opener, and no SEO credit
            out.append(nl.A(_inline(node.children), href=node.href, rel="noopener noreferrer nofollow"))
    return out


def _block(block: Block) -> html.P | html.Ul | html.Ol:
    if isinstance(block, Paragraph):
        return html.P(_inline(block.children))
    items = [html.Li(_inline(item)) for item in block.items]
    return html.Ol(items) if block.ordered else html.Ul(items)


def rich_text(text: str | None, class_name: str = "rich-text") -> html.Div:
    """A block of user Markdown: paragraphs, line breaks, emphasis, lists and http(s)/mailto links."""
    return html.Div([_block(b) for b in parse_markdown(text)], className=class_name)

