"""Dutch text of the raad's pages: the app's frame, the overview with its search and filters, the programme
page with its trends, results and stories, the indicator page, notes on trend points, and the 404 page."""

APP_TITLE = "Perspectief"
APP_TAGLINE = "Programma's van de gemeente: trends, resultaten en verhalen"
SKIP_LINK = "Naar de inhoud"
NAV_LABEL = "Hoofdmenu"
NAV_OVERVIEW = "Alle programma's"
DEMO_BANNER = (
    "Demonstratie. De programma's, lijnen en projecten komen uit openbare stukken van de gemeente Almelo; "
    "trendcijfers van het CBS zijn echt. Alles wat verzonnen is, staat gemarkeerd als "
    "‘voorbeeldcijfers (fictief)’ of ‘voorbeeldverhaal’."
)
FOOTER_SOURCE = "Bron cijfers: CBS StatLine (CC BY 4.0), tenzij anders vermeld."
FOOTER_ABOUT = "Perspectief – open source programmamonitor voor gemeenten."
FOOTER_ACCESSIBILITY = "Toegankelijkheid"

# overview
OVERVIEW_TITLE = "Programma's"
OVERVIEW_INTRO = (
    "Per programma ziet u in één oogopslag hoe de trends zich ontwikkelen, of de projecten hun resultaten "
    "halen en welke verhalen erbij horen. Kies een programma voor de volledige verantwoording."
)
CARD_TRENDS = "Trends"
CARD_RESULTS = "Resultaten"
CARD_STORIES = "Rijkere verantwoording"
CARD_VERDICT_COUNTS = {  # per verdict value: (none, one, many); zero counts are left out
    "in de gewenste richting": ("", "1 in de gewenste richting", "{n} in de gewenste richting"),
    "niet in de gewenste richting": ("", "1 niet in de gewenste richting", "{n} niet in de gewenste richting"),
    "geen duidelijke verandering": ("", "1 zonder duidelijke verandering", "{n} zonder duidelijke verandering"),
    "onvoldoende gegevens": ("", "1 met te weinig cijfers", "{n} met te weinig cijfers"),
}
CARD_OUTDATED = ("", "1 niet actueel", "{n} niet actueel")
CARD_STATUS_COUNTS = {  # per measurement status value: (none, one, many)
    "op_koers": ("", "1 op koers", "{n} op koers"),
    "aandacht": ("", "1 vraagt aandacht", "{n} vragen aandacht"),
    "niet_op_koers": ("", "1 niet op koers", "{n} niet op koers"),
    "onbekend": ("", "1 nog niet bekend", "{n} nog niet bekend"),
}
CARD_RESULTS_OF = ("nog geen resultaten", "van 1 resultaat, laatste kwartaal", "van {n} resultaten, laatste kwartaal")
CARD_TRENDS_NONE = "Nog geen trends."
CARD_STORY_KINDS = {  # per story kind value: (none, one, many)
    "film": ("", "1 film", "{n} films"), "interview": ("", "1 interview", "{n} interviews"),
    "citaat": ("", "1 citaat", "{n} citaten"), "fotoverhaal": ("", "1 fotoverhaal", "{n} fotoverhalen"),
}
CARD_STORIES_NONE = "Nog geen verhalen."
CARD_NEWEST = "Nieuwste verhaal"
CARD_NEWEST_META = "{kind}, {date}"
CARD_SPARKLINE_ALT = "{name}: van {first} ({first_period}) naar {last} ({last_period}), {verdict}."
CARD_SPARKLINE_ONE = "{name}: {last} ({last_period}), {verdict}."
CARD_OPEN = "Open programma {name}"
DEMO_BADGE = "Demo"

# programme page
PROGRAMME_PERIOD = "Looptijd {start}–{end} · basisjaar {baseline} · {region}"
PROGRAMME_OWNER = "Verantwoordelijk: {owner}"
SUMMARY_TITLE = "In het kort"
SECTION_TRENDS = "Trends"
SECTION_RESULTS = "Resultaten"
SECTION_STORIES = "Rijkere verantwoording"
TRENDS_INTRO = (
    "Contextindicatoren die de uitgangssituatie laten zien. Het programma wil deze cijfers een bepaalde kant "
    "op bewegen (‘-er doelen’); de uitspraak vergelijkt het laatste cijfer met het basisjaar {baseline}."
)
RESULTS_INTRO = "Concrete resultaten van de projecten: doel en gerealiseerd per kwartaal, met status en toelichting."
STORIES_INTRO = "Kwalitatieve verantwoording: films, interviews, citaten en fotoverhalen bij de cijfers."
COMPARE_LABEL = "Vergelijk met"
COMPARE_HELP = "Kies regio's om mee te vergelijken: Nederland, vergelijkbare gemeenten of eigen wijken."
COMPARE_SUMMARY = "Vergelijk met: {regions}"
COMPARE_NONE = "geen andere regio"
COMPARE_SUBMIT = "Toon vergelijking"
REGION_GROUP_LABELS = {"land": "Land", "wijk": "Wijken van de gemeente"}
TABLE_REGION = "Tabel {name}, horizontaal scrollbaar"
LINES_TITLE = "Programmalijnen"
GOAL_DIRECTION = "Gewenste richting: {direction}"
NO_TRENDS = "Voor dit programma zijn nog geen trendindicatoren gekozen."
NO_RESULTS = "Voor dit programma zijn nog geen resultaten vastgelegd."
NO_STORIES = "Voor dit programma zijn nog geen verhalen vastgelegd."
PROGRAMME_SUMMARY = "{trends}; {results}; {stories}."
SUMMARY_TRENDS_NONE = "nog geen trends"
SUMMARY_TRENDS_SINGLE = ("de trend gaat niet de gewenste kant op", "de trend gaat de gewenste kant op")
SUMMARY_TRENDS = {"none": "geen van de {total} trends gaat de gewenste kant op",
                  "one": "1 van de {total} trends gaat de gewenste kant op",
                  "some": "{n} van de {total} trends gaan de gewenste kant op",
                  "all": "alle {total} trends gaan de gewenste kant op"}
SUMMARY_OUTDATED = ("", " (1 trend is niet actueel)", " ({n} trends zijn niet actueel)")
SUMMARY_RESULTS_NONE = "nog geen resultaten"
SUMMARY_RESULTS_FINE = "geen resultaten vragen aandacht (laatste kwartaal)"
SUMMARY_RESULTS_ATTENTION = ("", "1 resultaat vraagt aandacht", "{n} resultaten vragen aandacht")
SUMMARY_RESULTS_OFF = ("", "1 resultaat is niet op koers", "{n} resultaten zijn niet op koers")
SUMMARY_RESULTS_OFF_AFTER = ("", "1 is niet op koers", "{n} zijn niet op koers")
SUMMARY_RESULTS_WHEN = " (laatste kwartaal)"
SUMMARY_STORIES = ("nog geen verhalen", "1 verhaal uit de praktijk", "{n} verhalen uit de praktijk")

# trend card / chart
LATEST = "Laatste cijfer"
CHANGE_PREVIOUS = "Verandering t.o.v. vorige periode"
CHANGE_BASELINE = "Verandering t.o.v. basisjaar {year}"
DIRECTION = "Gewenst"
TARGET = "Doel {year}: {value}"
TARGET_FACT = "{value} in {year}"
EXAMPLE_LABEL = "Voorbeeldcijfers (fictief)"
EXAMPLE_STORY = "Voorbeeldverhaal (fictief)"
SOURCE_LINE = "Bron: {source}"
TABLE_LINE = "CBS-tabel {table}"
LOADED_LINE = "geladen {date}"
SHOW_TABLE = "Toon de cijfers als tabel"
TABLE_LOADING = "De tabel wordt geladen…"
FORECAST_LINE = "Als er niets verandert (lijn door {first}–{last})"
FORECAST_MARK = "als er niets verandert"
FORECAST_HEADING = "Vergeleken met de lijn van vóór het programma:"
TARGET_MARK = "doel {year}: {value}"
BASELINE_OUTLIER_MARK = "basisjaar (uitschieter)"
CHART_LABEL = "Grafiek van {name} ({unit}) voor {regions}. Alle cijfers staan in de tabel bij deze grafiek."
CHART_TABLE_NOTE = "Dezelfde cijfers als in de grafiek, per regio en periode, met hun status en bron."
OUTDATED_LABEL = "Niet actueel"
OUTDATED_SINCE = "– het nieuwste cijfer is van {period}."
MORE_ABOUT = "Meer over {name}"
COL_PERIOD = "Periode"
COL_REGION = "Regio"
COL_VALUE = "Waarde"
COL_STATUS = "Status"
COL_SOURCE = "Bron"
BASELINE_MARK = "basisjaar"

# results
COL_LINE = "Programmalijn"
COL_PROJECT = "Project"
COL_MEASURE = "Resultaat"
COL_KIND = "Soort"
COL_QUARTER = "Kwartaal"
COL_TARGET = "Doel"
COL_REALISED = "Gerealiseerd"
COL_EXPLANATION = "Toelichting"
PARTNERS = "Partners: {partners}"
RESULTS_CAPTION = "Resultaten van {name}, laatste kwartaal per resultaat"
RESULTS_SORTED = ", binnen elk project gesorteerd op {sort}"
RESULTS_ALL = "Alle"
RESULTS_FORM = "Resultaten filteren en sorteren"
RESULTS_APPLY = "Toon resultaten"
RESULTS_RESET = "Alle resultaten tonen"
RESULTS_FILTER_STATUS = "Status (laatste kwartaal)"
RESULTS_FILTER_KIND = "Soort resultaat"
RESULTS_SORT = "Sorteren binnen elk project"
RESULTS_SORT_LABELS = {"volgorde": "Volgorde van het programma", "status": "Status (niet op koers eerst)",
                       "realisatie": "Realisatie t.o.v. doel (laagste eerst)", "naam": "Naam (A–Z)"}
RESULTS_SEARCH = "Zoek in resultaten, projecten en toelichtingen"
RESULTS_COUNT = "{shown} van de {total} resultaten getoond."
RESULTS_NONE_MATCH = "Geen resultaten die bij deze keuze passen. Kies ‘Alle’ of maak het zoekwoord korter."
MEASUREMENT_NOTE_ITEM = "Toelichting van {date}{author}: {text}"
RESULT_HISTORY = "Alle kwartalen van ‘{name}’"
RESULT_HISTORY_CAPTION = "Alle kwartalen van ‘{name}’, oudste eerst"
NOT_MEASURED = "niet gemeten"
NO_EXPLANATION = "Geen toelichting gegeven."

# stories
STORY_ABOUT = "Hoort bij: {items}"
STORY_ABOUT_LABEL = "Hoort bij: "
STORY_ILLUSTRATION = "Illustratie"
STORY_PHOTOS = "Foto's"
STORY_POSTER = "Beeld uit de film"
STORY_CREDIT = "{credit} · licentie "
STORY_ILLUSTRATION_NOTE = "Getekende illustraties voor de demonstratie, geen echte foto's."
STORY_NO_FILM = ("Deze film is hier niet af te spelen: er is nog geen filmbestand of videolink bij dit verhaal. "
                 "Wat er in de film gezegd wordt, staat in de uitgeschreven tekst.")
STORY_READ_TRANSCRIPT = "Lees de uitgeschreven tekst"
STORY_PROJECT = "project {name}"
STORY_RESULT = "resultaat {name}"
STORY_INDICATOR = "trend {name}"

# indicator page
INDICATOR_DEFINITION = "Definitie"
INDICATOR_SOURCE = "Bron en herkomst"
INDICATOR_TABLE = "Cijfers"
INDICATOR_REGION = "Regio"
INDICATOR_PERIOD_KIND = "Periode"
INDICATOR_PROGRAMMES = "Gebruikt in"
INDICATOR_STORIES = "Verhalen bij deze trend"
INDICATOR_REVIEW = "Nieuwe indicator uit een CBS-tabel: nog niet nagekeken door een beheerder."
INDICATOR_NO_KIND = "Van deze indicator zijn geen {asked}: het CBS publiceert hem niet zo vaak. Hieronder staan de {shown}."
INDICATOR_NO_FIGURES = "Geen cijfers voor deze keuze."
LOADS_CAPTION = "Ladingen waar deze cijfers vandaan komen"
COL_LOAD_SOURCE = "Bron"
COL_LOAD_TABLE = "Tabel"
COL_LOAD_HASH = "Bestand (SHA-256, begin)"
COL_LOAD_DATE = "Geladen op"
CORRECTIONS_TITLE = "Correcties"
CORRECTIONS_CAPTION = "Waarden van {region} die door een latere lading zijn vervangen (nieuwste eerst)"
CORRECTIONS_NONE = "Geen correcties: geen enkele waarde van {region} is later vervangen."
COL_CORR_PERIOD = "Periode"
COL_CORR_OLD = "Was"
COL_CORR_NEW = "Nu"
COL_CORR_WHEN = "Vervangen op"
COL_CORR_OLD_FILE = "Uit bestand"
COL_CORR_NEW_FILE = "Vervangen door"
COL_DIRECTION = "Gewenste richting"
COL_UNIT = "Eenheid"

# 404
NOT_FOUND_TITLE = "Pagina niet gevonden"
NOT_FOUND_TEXT = "Deze pagina bestaat niet (meer). Ga terug naar het overzicht van alle programma's."
PROGRAMME_NOT_FOUND = "Programma ‘{slug}’ bestaat niet."
INDICATOR_NOT_FOUND = "Indicator ‘{code}’ bestaat niet."
BACK_TO_OVERVIEW = "Terug naar alle programma's"

# indicator notes
COL_INDICATOR_NOTE = "Toelichting"
INDICATOR_NOTES_TITLE = "Toelichtingen bij de grafiek"
INDICATOR_NOTE_ITEM = "{period}: {text}"
INDICATOR_NOTE_EXAMPLE = "(voorbeeld)"
INDICATOR_NOTE_NOT_ON_CHART = "(geen cijfer voor deze periode, daarom niet in de grafiek)"
INDICATOR_NOTE_NOT_IN_TABLE = "(deze periode staat niet in de grafiek en de tabel van deze keuze)"
INDICATOR_NOTES_LINK_ONE = "1 toelichting"
INDICATOR_NOTES_LINK_MANY = "{n} toelichtingen"
INDICATOR_NOTES_LINK_LABEL = "{count} bij {name}"
INDICATOR_NOTES_LINK_HIDDEN = " bij {name}"

# overview: search and filters
OVERVIEW_SEARCH_FORM = "Zoeken en filteren in de programma's"
OVERVIEW_SEARCH_LABEL = "Zoek in indicatoren, projecten, resultaten en verhalen"
OVERVIEW_SEARCH_HELP = "Bijvoorbeeld ‘eenzaamheid’, ‘jeugdhulp’ of ‘Halt’. Hoofdletters en accenten maken niet uit."
OVERVIEW_SEARCH_BUTTON = "Zoeken"
OVERVIEW_FILTER_SUMMARY = "Filteren op programma, thema of wijk"
OVERVIEW_FILTER_SUMMARY_ACTIVE = "Filteren op programma, thema of wijk (filter actief)"
OVERVIEW_FILTER_PROGRAMME = "Programma"
OVERVIEW_FILTER_THEME = "Thema (programmalijn)"
OVERVIEW_FILTER_WIJK = "Wijk"
OVERVIEW_FILTER_ALL_PROGRAMMES = "Alle programma's"
OVERVIEW_FILTER_ALL_THEMES = "Alle thema's"
OVERVIEW_FILTER_ALL_WIJKEN = "Alle wijken"
OVERVIEW_FILTER_WIJK_HELP = "Een wijk toont de programma's en indicatoren met cijfers voor die wijk."
OVERVIEW_FILTER_APPLY = "Filter toepassen"
OVERVIEW_RESET = "Wis zoeken en filters"
OVERVIEW_RESULTS_TITLE = "Zoekresultaten"
OVERVIEW_RESULTS_ZERO = "Geen resultaten voor ‘{query}’"
OVERVIEW_RESULTS_ONE = "1 resultaat voor ‘{query}’"
OVERVIEW_RESULTS_MANY = "{n} resultaten voor ‘{query}’"
OVERVIEW_RESULTS_FILTERED = " (binnen het filter)"
OVERVIEW_RESULTS_LIMITED = "De eerste {shown} worden getoond; maak de zoekopdracht preciezer om meer te vinden."
OVERVIEW_RESULTS_NONE = (
    "Niets gevonden voor ‘{query}’. Probeer een ander of korter woord, of wis de filters."
)
OVERVIEW_QUERY_TOO_SHORT = "Typ minstens {n} tekens om te zoeken."
OVERVIEW_HIT_KINDS = {"indicator": "Indicator", "project": "Project", "resultaat": "Resultaat", "verhaal": "Verhaal"}
OVERVIEW_HIT_PROGRAMME = "Programma {name}"
OVERVIEW_HIT_NO_PROGRAMME = "Wijkcijfers, niet in een programma"
OVERVIEW_HIT_RESULT_OF = "Resultaat van project ‘{project}’"
OVERVIEW_FILTERED_COUNT = "{shown} van de {total} programma's: {filters}."
OVERVIEW_FILTERED_PROGRAMME = "programma {name}"
OVERVIEW_FILTERED_THEME = "thema ‘{name}’"
OVERVIEW_FILTERED_WIJK = "wijk {name}"
OVERVIEW_NO_CARDS = "Geen programma past bij dit filter."
OVERVIEW_NO_CARDS_WIJK = "Voor de wijk {name} zijn er nog geen cijfers bij de trends van een programma."
OVERVIEW_WIJK_PAGE_LINK = "Bekijk de cijfers per wijk"
