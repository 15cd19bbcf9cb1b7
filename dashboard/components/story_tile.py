"""Part 3 – Rijkere verantwoording: a story tile that shows its medium (a poster frame or photo for a film or photo
story, a quote mark for a quote, a portrait for an interview) and links to the figures it explains."""

from __future__ import annotations

from urllib.parse import quote

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label
from dashboard.components.icons import icon_uri
from dashboard.story_media import pictures_for
from dashboard.theme import current_theme
from indicators.enums import StoryKind
from indicators.formatting import STORY_KIND_LABELS, format_date
from indicators.quarter import StoryItem
from indicators.stories import media_for

PICTOGRAM = {StoryKind.FILM.value: "film", StoryKind.INTERVIEW.value: "portret",
             StoryKind.PHOTO_STORY.value: "fotoverhaal", StoryKind.QUOTE.value: "citaat"}


def story_visual(story: StoryItem) -> html.Div:
    """The tile's picture: the story's own image when it has one, else a sign of its medium."""
    pictures = pictures_for(media_for(story.media_url, story.media_file), story.title)
    if pictures:
        first = pictures.images[0]
        return html.Div(className="story-visual story-visual-image", children=[
            html.Img(src=first.src, alt=first.alt, width=640, height=360),
            html.Span(texts.STORY_ILLUSTRATION, className="illustration-label") if pictures.illustration else None,
        ])
    if story.kind == StoryKind.QUOTE.value:
        return html.Div("“", className="story-visual story-visual-quote", **{"aria-hidden": "true"})
    return html.Div(className="story-visual story-visual-icon", **{"aria-hidden": "true"}, children=html.Img(
        src=icon_uri(PICTOGRAM[story.kind], 56, current_theme().colour(f"story-{story.kind}")), alt="", width=56,
        height=56))


def about_links(story: StoryItem) -> list:
    """"Hoort bij": the project (its results), the result and the trend, each a link."""
    links: list = []
    slug = story.programme_slug
    if story.project_name:
        href = f"/programma/{slug}?tekst={quote(story.project_name)}#resultaten" if slug else None
        text = texts.STORY_PROJECT.format(name=story.project_name)
        links.append(nl.Link(text, href=href) if href else text)
    if story.result_name:
        text = texts.STORY_RESULT.format(name=story.result_name)
        links.append(nl.Link(text, href=f"/programma/{slug}#resultaat-{story.result_id}")
                     if slug and story.result_id is not None else text)
    if story.indicator_code:
        links.append(nl.Link(texts.STORY_INDICATOR.format(name=story.indicator_name),
                              href=f"/indicator/{story.indicator_code}"))
    return links


def story_tile(story: StoryItem) -> html.Article:
    links = about_links(story)
    return html.Article(className=f"story-tile story-{story.kind}", id=f"verhaal-{story.id}", children=[
        story_visual(story),
        html.P(className="story-meta", children=[
            html.Span(STORY_KIND_LABELS[story.kind], className="story-kind"), " · ",
            html.Time(format_date(story.story_date), dateTime=story.story_date.isoformat()),
        ]),
        nl.H3(nl.Link(story.title, href=f"/verhaal/{story.id}"), className="story-title"),
        example_label(texts.EXAMPLE_STORY) if story.is_example else None,
        html.P(story.summary, className="story-summary"),
        html.P(className="story-about", children=[
            texts.STORY_ABOUT_LABEL, *[x for i, link in enumerate(links) for x in ([", "] if i else []) + [link]],
        ]) if links else None,
    ])
