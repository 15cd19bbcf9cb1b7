"""'Het verhaal achter de cijfers': links from a result or trend to the stories that explain it."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.components import nl
from indicators.formatting import STORY_KIND_LABELS
from indicators.stories import StoryLink


def story_links(stories: list[StoryLink]) -> html.P | None:
    if not stories:
        return None
    links: list = []
    for i, s in enumerate(stories):
        if i:
            links.append(", ")
        links.append(nl.Link(texts.STORY_BEHIND_LINK.format(kind=STORY_KIND_LABELS[s.kind], title=s.title),
                              href=f"/verhaal/{s.id}", className="story-behind-link"))
    return html.P(className="story-behind", children=[html.Span(f"{texts.STORY_BEHIND}: "), *links])
