"""Part 3 – Rijkere verantwoording: a story tile linking to the figures it explains."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label
from indicators.formatting import STORY_KIND_LABELS, format_date
from indicators.quarter import StoryItem


def story_tile(story: StoryItem) -> html.Article:
    about: list = []
    if story.project_name:
        about.append(texts.STORY_PROJECT.format(name=story.project_name))
    if story.result_name:
        about.append(texts.STORY_RESULT.format(name=story.result_name))
    links = []
    if story.indicator_code:
        links.append(nl.Link(texts.STORY_INDICATOR.format(name=story.indicator_name),
                              href=f"/indicator/{story.indicator_code}"))
    return html.Article(className=f"story-tile story-{story.kind}", id=f"verhaal-{story.id}", children=[
        html.P(className="story-meta", children=[
            html.Span(STORY_KIND_LABELS[story.kind], className="story-kind"), " · ",
            html.Time(format_date(story.story_date), dateTime=story.story_date.isoformat()),
        ]),
        nl.H3(nl.Link(story.title, href=f"/verhaal/{story.id}"), className="story-title"),
        example_label(texts.EXAMPLE_STORY) if story.is_example else None,
        html.P(story.summary, className="story-summary"),
        html.P(className="story-about", children=[
            texts.STORY_ABOUT.format(items=", ".join(about)) if about or links else "",
            *([", " if about else "", *links] if links else []),
        ]) if about or links else None,
    ])
