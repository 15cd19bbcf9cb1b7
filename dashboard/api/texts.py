"""Every Dutch text of the open-data API in one place: the document's title and descriptions, the operations'
summaries, the error messages (problem details) and the documentation page."""

from __future__ import annotations

# --- the document ---------------------------------------------------------------------------------------------------
TITLE = "Perspectief open data"
DESCRIPTION = (
    "Open data van Perspectief, de programmamonitor van de gemeente: programma's met hun drie delen (Trends, "
    "Resultaten en Rijkere verantwoording), indicatoren met hun waarnemingen, regio's, verhalen en gepubliceerde "
    "kwartaalrapportages. Alleen gepubliceerde inhoud: precies wat de openbare pagina's tonen.\n\n"
    "Alle antwoorden zijn JSON; verzamelingen ook CSV (scheidingsteken `;`, decimale punt, UTF-8) met de header "
    "`Accept: text/csv`. Verzamelingen zijn verdeeld in pagina's (`pagina`, `paginaGrootte`); de headers `Link` "
    "(first, prev, next, last) en `X-Total-Count` geven de andere pagina's en het totaal. Fouten zijn problem "
    "details (RFC 9457) in het Nederlands. Elk antwoord heeft de header `API-Version`. De API volgt de NL API "
    "Design Rules van Logius."
)
CONTACT = {"name": "Team Perspectief", "url": "https://www.perspectief.example/open-data",
           "email": "opendata@perspectief.example"}  # placeholders; settings API_CONTACT_* set the real ones
LICENSE = {"name": "CC BY 4.0 (de gegevens); CBS-cijfers: CBS, CC BY 4.0",
           "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
SERVER = "Deze server"

TAGS = {
    "programmas": "Programma's met hun programmalijnen en de samenvatting van Trends, Resultaten en Rijkere "
                  "verantwoording.",
    "indicatoren": "Indicatoren (definitie, eenheid, gewenste richting, bron) en hun waarnemingen per regio.",
    "regios": "Regio's met hun CBS-codes: land, provincies, gemeenten, wijken en buurten.",
    "verhalen": "Verhalen achter de cijfers: films, interviews, citaten en fotoverhalen.",
    "kwartalen": "Gepubliceerde kwartaalrapportages (bevroren inhoud) met hun PDF en Excel.",
    "documentatie": "Dit OpenAPI-document.",
}

# operationId -> (summary, description)
OPERATIONS = {
    "getProgrammas": ("Programma's", "Alle programma's, elk met het aantal trends per oordeel, resultaten per "
                                     "status en verhalen, zoals het overzicht op de website."),
    "getProgramma": ("Eén programma", "Het programma met programmalijnen en doelen, de trends met hun oordeel en "
                                      "de tellingen van resultaten en verhalen, met links naar de onderdelen."),
    "getProgrammaResultaten": ("Resultaten van een programma",
                               "Elke gepubliceerde meting van elk resultaat: doel, realisatie, status, RBA-soort en "
                               "toelichting; met `kwartaal` alleen de metingen van dat kwartaal."),
    "getIndicatoren": ("Indicatoren", "Alle indicatoren met definitie, eenheid, gewenste richting en bron."),
    "getIndicator": ("Eén indicator", "De indicator met de programma's die hem volgen: basisjaar en basiswaarde, "
                                      "streefwaarde en oordeel."),
    "getIndicatorWaarnemingen": ("Waarnemingen van een indicator",
                                 "Cijfers per regio en periode met CBS-status, bron en laaddatum; per regio en dan "
                                 "in de tijd geordend."),
    "getRegios": ("Regio's", "CBS-regiocodes en namen, te filteren op soort en bovenliggende regio."),
    "getVerhalen": ("Verhalen", "Gepubliceerde verhalen, nieuwste eerst, met hun koppeling aan resultaat en "
                                "indicator."),
    "getVerhaal": ("Eén verhaal", "Het verhaal met tekst, transcriptie, media en koppelingen."),
    "getKwartalen": ("Gepubliceerde kwartalen", "De gepubliceerde kwartaalrapportages met links naar PDF en Excel."),
    "getKwartaal": ("Eén kwartaalrapportage", "De rapportage van een gepubliceerd kwartaal, precies zoals die is "
                                              "gepubliceerd (bevroren)."),
    "getOpenapi": ("OpenAPI-document", "Dit document (OpenAPI 3.0), openbaar en met CORS."),
}

# the document's names of the enums (their classes in indicators.enums keep English names)
SCHEMA_NAMES = {"Direction": "Richting", "MeasurementStatus": "Meetstatus", "ObservationStatus": "Waarnemingsstatus",
                "PeriodKind": "Periodesoort", "RegionKind": "Regiosoort", "ResultKind": "Resultaatsoort",
                "StoryKind": "Verhaalsoort", "Verdict": "Oordeel"}

PATH_PARAMS = {
    "slug": "Vaste naam van het programma, bijvoorbeeld sociaal-en-vitaal.",
    "code": "Code van de indicator, bijvoorbeeld eenzaamheid.",
    "id": "Nummer van het verhaal.",
    "kwartaal": "Kwartaal als JJJJ-Qn, bijvoorbeeld 2026-Q3.",
}

PATH_EXAMPLES = {"slug": "sociaal-en-vitaal", "code": "eenzaamheid", "id": 1, "kwartaal": "2026-Q3"}  # of the demo

RESPONSES = {
    "200": "Gelukt.",
    "304": "Niet gewijzigd sinds de meegestuurde ETag (If-None-Match).",
    "400": "Ongeldige aanvraag: `invalidParams` noemt de parameter(s).",
    "401": "Inloggen is nodig (deze installatie vraagt inloggen voor alles).",
    "404": "Niet gevonden.",
    "406": "Het gevraagde formaat (Accept) kan niet worden geleverd.",
    "500": "Onverwachte fout aan de kant van de server.",
}
HEADER_API_VERSION = "De volledige versie van de API (semver)."
HEADER_LINK = "Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288)."
HEADER_TOTAL = "Het totale aantal rijen over alle pagina's."
HEADER_ETAG = "Versie van dit antwoord, voor If-None-Match."
HEADER_CACHE = "Hoe lang het antwoord bewaard mag worden."
HEADER_CORS = "Iedere herkomst mag dit ophalen (CORS)."
CSV_NOTE = "CSV: dezelfde rijen en kolommen als JSON, behalve geneste velden; scheidingsteken `;`, decimale punt."

# --- problems -------------------------------------------------------------------------------------------------------
INVALID_TITLE = "Ongeldige invoer"
BAD_PARAM = "De parameter {name} is ongeldig."
BAD_PARAMS = "Een of meer parameters zijn ongeldig."
UNKNOWN_PARAM = "Deze parameter bestaat niet bij deze bron."
REPEATED = "Deze parameter mag maar één keer voorkomen."
TOO_LARGE = "De waarde mag hoogstens {limit} zijn."
TOO_SMALL = "De waarde moet minstens {limit} zijn."
NOT_INTEGER = "De waarde moet een geheel getal zijn."
NOT_ONE_OF = "De waarde moet een van deze zijn: {values}."
BAD_FORMAT = "De waarde heeft niet het juiste formaat."
PERIOD_FORMAT = "Een periode is JJJJ, JJJJ-H1, JJJJ-Q3 of JJJJ-MM, bijvoorbeeld 2015 of 2024-Q2."
PATTERN = {
    "kwartaal": "Een kwartaal is JJJJ-Qn, bijvoorbeeld 2026-Q3.",
    "regioCode": "Een regiocode is een CBS-code als NL01, GM0141 of WK014110.",
    "bovenliggendeCode": "Een regiocode is een CBS-code als NL01, GM0141 of WK014110.",
    "periodeVan": PERIOD_FORMAT,
    "periodeTot": PERIOD_FORMAT,
    "programma": "Een programma wordt aangeduid met zijn slug, bijvoorbeeld sociaal-en-vitaal.",
}
NOT_FOUND_TITLE = "Niet gevonden"
NO_SUCH_PATH = "Op {path} is geen bron van deze API. De documentatie staat op /api/v1/docs."
TRAILING_SLASH = "Adressen van deze API eindigen niet op een schuine streep: gebruik {path}."
NO_PROGRAMME = "Er is geen programma met de naam {slug}."
NO_INDICATOR = "Er is geen indicator met de code {code}."
NO_STORY = "Er is geen gepubliceerd verhaal met nummer {id}."
NO_QUARTER = "Het kwartaal {quarter} is (nog) niet gepubliceerd."
BAD_QUARTER = "{quarter} is geen kwartaal; gebruik JJJJ-Qn, bijvoorbeeld 2026-Q3."
METHOD_TITLE = "Methode niet toegestaan"
METHOD_DETAIL = "Deze API is alleen-lezen: {method} is niet toegestaan, alleen GET, HEAD en OPTIONS."
SIGN_IN_TITLE = "Inloggen nodig"
SIGN_IN_DETAIL = "Deze installatie vraagt inloggen voor alles, ook voor de API. Log in via /inloggen."
NOT_ACCEPTABLE_TITLE = "Formaat niet beschikbaar"
NOT_ACCEPTABLE = "Deze bron levert {offered}; vraag een daarvan met de header Accept."
ERROR_TITLE = "Serverfout"
ERROR_DETAIL = "Er ging iets mis aan de kant van de server. Probeer het later opnieuw."
HTTP_TITLES = {413: "Aanvraag te groot", 429: "Te veel aanvragen", 503: "Tijdelijk niet beschikbaar"}
HTTP_DETAILS = {413: "De aanvraag is te groot.", 429: "Te veel aanvragen in korte tijd; probeer het zo opnieuw.",
                503: "De dienst is tijdelijk niet beschikbaar; probeer het zo opnieuw."}

# --- the documentation page -----------------------------------------------------------------------------------------
DOCS_TITLE = "Documentatie van de open-data-API"
DOCS_VERSION = "{title}, versie {version}"
DOCS_INTRO = ("Deze pagina is gemaakt uit het OpenAPI-document op {spec}. Elke bron is te proberen met curl, "
              "bijvoorbeeld:")
DOCS_CONTENTS = "Inhoud"
DOCS_PARAMETERS = "Parameters"
DOCS_PARAM_NAME, DOCS_PARAM_IN, DOCS_PARAM_TYPE, DOCS_PARAM_DESC = "Naam", "Waar", "Soort", "Omschrijving"
DOCS_IN = {"path": "pad", "query": "query"}
DOCS_REQUIRED = "verplicht"
DOCS_RESPONSES = "Antwoorden"
DOCS_STATUS, DOCS_MEANING, DOCS_FORMATS = "Status", "Betekenis", "Formaten"
DOCS_FIELDS = "Velden van {name}"
DOCS_FIELD, DOCS_TYPE, DOCS_DESC = "Veld", "Soort", "Omschrijving"
DOCS_EXAMPLE = "Voorbeeld"
DOCS_NONE = "geen"
DOCS_SCHEMAS = "Gegevensmodellen"
DOCS_BACK = "Terug naar Perspectief"
