"""Small pictograms as SVG data URIs (for <img alt="">: decorative, the text beside them says the same): the
medium of a story (film, interview, quote, photo story). Drawn here, no icon font or third-party file; in the
theme's colours (an <img> cannot read the page's CSS variables)."""

from __future__ import annotations

from dashboard.components.svg_lines import data_uri
from dashboard.theme import current_theme

_FRAME = "<svg xmlns='http://www.w3.org/2000/svg' width='{s}' height='{s}' viewBox='0 0 24 24' fill='none' " \
         "stroke='{c}' stroke-width='1.8' stroke-linecap='round' stroke-linejoin='round'>{body}</svg>"
_BODIES = {
    # a film: a screen with a play triangle
    "film": "<rect x='2.5' y='5' width='19' height='14' rx='2'/><path d='M10 9.2v5.6l4.8-2.8z' fill='{c}'/>",
    # an interview: two speech bubbles
    "interview": "<path d='M3.5 5.5h11a1.5 1.5 0 0 1 1.5 1.5v5a1.5 1.5 0 0 1-1.5 1.5H9l-3.5 3v-3h-2A1.5 1.5 0 0 1 "
                 "2 12V7a1.5 1.5 0 0 1 1.5-1.5z'/><path d='M18.5 10h2A1.5 1.5 0 0 1 22 11.5v5a1.5 1.5 0 0 1-1.5 "
                 "1.5H19v2.5L16 18h-4'/>",
    # a quote: two quotation marks
    "citaat": "<path d='M4 17c2.5-1 4-3.5 4-6.5V7H3.5v5H7' /><path d='M13.5 17c2.5-1 4-3.5 4-6.5V7H13v5h3.5'/>",
    # a photo story: a camera
    "fotoverhaal": "<path d='M3.5 8h3l1.5-2.5h8L17.5 8h3A1.5 1.5 0 0 1 22 9.5v8a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 "
                   "0 1 2 17.5v-8A1.5 1.5 0 0 1 3.5 8z'/><circle cx='12' cy='13' r='3.5'/>",
    # a person (a portrait for an interview tile)
    "portret": "<circle cx='12' cy='8.5' r='4'/><path d='M4 21c.8-4.2 4-6.5 8-6.5s7.2 2.3 8 6.5'/>",
}


def icon_uri(name: str, size: int = 24, colour: str | None = None) -> str:
    """The pictogram `name` (film, interview, citaat, fotoverhaal, portret) as a data URI, drawn in `colour`
    (default: the theme's primary colour as text, --perspectief-primary-text)."""
    colour = colour or current_theme().colour("primary-text")
    body = _BODIES[name].replace("{c}", colour)
    return data_uri(_FRAME.format(s=size, c=colour, body=body))
