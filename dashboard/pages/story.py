"""Route `/verhaal/<id>`: one story of part 3 – video (own file with captions, or a youtube-nocookie embed),
transcript, date, summary, and links to the results and trends it explains."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.auth import can
from dashboard.components import nl
from dashboard.components.badges import example_label
from dashboard.components.rich_text import rich_text
from dashboard.data import read_session
from db.read.stories import story_detail
from indicators.enums import Action, WorkflowState
from indicators.formatting import STORY_KIND_LABELS, format_date
from indicators.stories import StoryDetail


def media_block(story: StoryDetail) -> html.Section | None:
    """The video or uploaded image, or – for films and interviews – a line saying there is no video."""
    media = story.media
    if media is None and story.kind not in ("film", "interview"):
        return None
    if media is None:
        # a media_url that fails safe_media_url (stored before it was checked) is neither embedded nor linked
        body = [html.P(texts.STORY_NO_VIDEO)]
    elif media.kind in ("youtube", "vimeo"):
        body = [
            html.Div(className="video-frame", children=html.Iframe(
                src=media.src, title=texts.STORY_VIDEO_TITLE.format(title=story.title),
                allow="encrypted-media; picture-in-picture; fullscreen", referrerPolicy="strict-origin")),
            html.P(texts.STORY_VIDEO_NOTE if media.kind == "youtube" else texts.STORY_VIDEO_NOTE_VIMEO,
                   className=nl.DESCRIPTION),
        ]
    elif media.kind == "image":
        body = [html.Img(className="story-image", src=media.src, alt=story.title)]
    else:
        track = html.Track(kind="captions", src=media.captions, srcLang="nl", label=texts.STORY_CAPTIONS,
                           default=True) if media.captions else None
        body = [html.Video(className="story-video", src=media.src, controls=True, preload="metadata",
                           title=texts.STORY_VIDEO_TITLE.format(title=story.title),
                           children=[track, texts.STORY_VIDEO_UNSUPPORTED])]
    return html.Section(className="story-media", **{"aria-labelledby": "verhaal-video"},
                        children=[nl.H2(texts.STORY_IMAGE if media and media.kind == "image" else texts.STORY_MEDIA,
                                          id="verhaal-video"), *body])


def figures_block(story: StoryDetail) -> html.Section:
    links = []
    if story.result_id is not None:
        links.append(html.Li(nl.Link(texts.STORY_TO_RESULT.format(name=story.result_name),
                                      href=f"/programma/{story.programme_slug}#resultaat-{story.result_id}",
                                      id="verhaal-naar-resultaat")))
    if story.indicator_code:
        links.append(html.Li(nl.Link(texts.STORY_TO_TREND.format(name=story.indicator_name),
                                      href=f"/indicator/{story.indicator_code}", id="verhaal-naar-trend")))
    if story.project_name:
        links.append(html.Li(texts.STORY_TO_PROJECT.format(name=story.project_name)))
    return html.Section(className="story-figures", **{"aria-labelledby": "verhaal-cijfers"}, children=[
        nl.H2(texts.STORY_FIGURES, id="verhaal-cijfers"),
        html.P(texts.STORY_NO_FIGURES) if story.result_id is None and not story.indicator_code else None,
        html.Ul(links) if links else None,
        html.P(nl.Link(texts.STORY_TO_PROGRAMME.format(name=story.programme_name),
                        href=f"/programma/{story.programme_slug}#verhalen")),
    ])


def page(story: StoryDetail) -> html.Div:
    return html.Div(className="container page-story", children=[
        html.P(className="story-meta", children=[
            html.Span(STORY_KIND_LABELS[story.kind], className="story-kind"), " · ",
            html.Time(format_date(story.story_date), dateTime=story.story_date.isoformat()), " · ",
            nl.Link(story.programme_name, href=f"/programma/{story.programme_slug}"),
        ]),
        nl.H1(story.title),
        html.P(texts.STORY_UNPUBLISHED.format(state=story.workflow_state), className=nl.ALERT_WARNING,
               role="status", id="verhaal-ongepubliceerd")
        if story.workflow_state != WorkflowState.PUBLISHED else None,
        example_label(texts.EXAMPLE_STORY) if story.is_example else None,
        html.P(story.summary, className=f"{nl.LEAD} story-summary"),
        media_block(story),
        html.Section(className="story-body", **{"aria-labelledby": "verhaal-tekst"}, children=[
            nl.H2(texts.STORY_STORY, id="verhaal-tekst"), rich_text(story.body)]) if story.body else None,
        html.Section(className="story-transcript", **{"aria-labelledby": "verhaal-transcript"}, children=[
            nl.H2(texts.STORY_TRANSCRIPT, id="verhaal-transcript"),
            rich_text(story.transcript, "rich-text transcript") if story.transcript
            else html.P(texts.STORY_NO_TRANSCRIPT),
        ]) if story.kind in ("film", "interview") or story.transcript else None,
        figures_block(story),
    ])


def not_found(story_id: str) -> html.Div:
    return html.Div(className="container", children=[
        nl.H1(texts.NOT_FOUND_TITLE), html.P(texts.STORY_NOT_FOUND.format(id=story_id)),
        nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])


def layout(story_id: str | None = None, **_query: str) -> html.Div:
    if not story_id or not story_id.isdigit():
        return not_found(story_id or "")
    with read_session() as session:
        # an unpublished story does not exist for the raad; its programme's editors and approvers see it
        story = story_detail(session, int(story_id), lambda pid: can(Action.READ_UNPUBLISHED, pid))
    return page(story) if story else not_found(story_id)
