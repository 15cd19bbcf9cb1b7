"""All user-facing Dutch text of the dashboard, in one place so it can be translated."""

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

# overview
OVERVIEW_TITLE = "Programma's"
OVERVIEW_INTRO = (
    "Per programma ziet u in één oogopslag hoe de trends zich ontwikkelen, of de projecten hun resultaten "
    "halen en welke verhalen erbij horen. Kies een programma voor de volledige verantwoording."
)
CARD_TRENDS = "Trends"
CARD_RESULTS = "Resultaten"
CARD_STORIES = "Rijkere verantwoording"
CARD_TRENDS_LINE = (
    "{desired} van de {total} in de gewenste richting, {undesired} niet, {flat} zonder duidelijke verandering"
)
CARD_RESULTS_LINE = "{on} op koers, {attention} aandacht nodig, {off} niet op koers (van {total})"
CARD_STORIES_LINE = "{count} verhalen"
CARD_NEWEST = "Nieuwste verhaal"
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
SUMMARY_TRENDS = "{desired} van de {total} trends gaan de gewenste kant op"
SUMMARY_RESULTS = "{attention} resultaten vragen aandacht en {off} zijn niet op koers (laatste kwartaal)"
SUMMARY_STORIES = "{count} verhalen uit de praktijk"

# trend card / chart
LATEST = "Laatste cijfer"
CHANGE_PREVIOUS = "Verandering t.o.v. vorige periode"
CHANGE_BASELINE = "Verandering t.o.v. basisjaar {year}"
DIRECTION = "Gewenst"
TARGET = "Doel {year}: {value}"
EXAMPLE_LABEL = "Voorbeeldcijfers (fictief)"
EXAMPLE_STORY = "Voorbeeldverhaal (fictief)"
SOURCE_LINE = "Bron: {source}"
TABLE_LINE = "CBS-tabel {table}"
LOADED_LINE = "geladen {date}"
SHOW_TABLE = "Toon de cijfers als tabel"
TABLE_LOADING = "De tabel wordt geladen…"
FORECAST_LINE = "Als er niets verandert (lijn door {first}–{last})"
CHART_LABEL = "Grafiek: {name} ({unit}), {regions}"
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

# stories
STORY_ABOUT = "Hoort bij: {items}"
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

# raad experience (issue 4)
NAV_DISTRICTS = "Wijken"
STORY_OPEN = "Lees het verhaal: {title}"
STORY_BEHIND = "Het verhaal achter de cijfers"
STORY_BEHIND_LINK = "{kind}: {title}"
STORY_NOT_FOUND = "Verhaal ‘{id}’ bestaat niet."
STORY_UNPUBLISHED = ("Nog niet gepubliceerd (status: {state}). Alleen de redactie en goedkeurders van dit programma "
                     "zien dit verhaal.")
STORY_PROGRAMME = "Programma"
STORY_DATE = "Datum"
STORY_KIND = "Soort"
STORY_SUMMARY = "Samenvatting"
STORY_MEDIA = "Video"
STORY_VIDEO_TITLE = "Video: {title}"
STORY_VIDEO_NOTE = (
    "De video wordt getoond via youtube-nocookie.com: YouTube plaatst geen volgcookies zolang u niet afspeelt."
)
STORY_NO_VIDEO = "Bij dit verhaal is (nog) geen video beschikbaar; de uitgeschreven tekst staat hieronder."
STORY_VIDEO_UNSUPPORTED = "Uw browser kan deze video niet afspelen."
STORY_VIDEO_LINK = "Bekijk de video op de oorspronkelijke website"
STORY_CAPTIONS = "Nederlands"
STORY_TRANSCRIPT = "Uitgeschreven tekst"
STORY_NO_TRANSCRIPT = "Er is geen uitgeschreven tekst bij dit verhaal."
STORY_STORY = "Het verhaal"
STORY_FIGURES = "Bij welke cijfers hoort dit verhaal?"
STORY_TO_RESULT = "Resultaat ‘{name}’ in de tabel Resultaten"
STORY_TO_TREND = "Trend ‘{name}’"
STORY_TO_PROJECT = "Project: {name}"
STORY_TO_PROGRAMME = "Programma {name}: alle trends, resultaten en verhalen"
STORY_NO_FIGURES = "Dit verhaal hoort bij het programma als geheel, niet bij één resultaat of trend."
DISTRICTS_TITLE = "Wijken van {gemeente}"
DISTRICTS_TITLE_EMPTY = "Wijken"
DISTRICTS_INTRO = (
    "Hoe staan de wijken ervoor? Per wijk het cijfer van de gekozen indicator, ingedeeld in groen, oranje en rood "
    "volgens de grenswaarden hieronder. De tabel is te sorteren; de kaart verschijnt zodra wijkgrenzen zijn geladen."
)
DISTRICTS_NONE = "Er zijn geen wijkcijfers geladen voor deze gemeente."
DISTRICTS_INDICATOR = "Indicator"
DISTRICTS_SORT = "Sorteer de tabel op"
DISTRICTS_SORT_OPTIONS = {"naam": "Naam", "code": "Wijkcode", "waarde-af": "Waarde (hoog naar laag)",
                          "waarde-op": "Waarde (laag naar hoog)"}
DISTRICTS_THRESHOLDS = (
    "Grenswaarden: groen {green}, oranje {orange}, rood {red}. Gemeente als geheel: {gemeente_value}."
)
DISTRICTS_THRESHOLD_SOURCE_DEFAULT = "Grenswaarden ingesteld voor deze indicator."
DISTRICTS_THRESHOLD_SOURCE_DERIVED = "Geen vaste grenswaarden: afgeleid van het gemeentecijfer (100% en 120%)."
DISTRICTS_THRESHOLD_SOURCE_URL = "Grenswaarden uit het adres van deze pagina (oranje= en rood=)."
DISTRICTS_CAPTION = "{indicator} per wijk van {gemeente}, {period}"
DISTRICTS_COL_CODE = "Wijkcode"
DISTRICTS_COL_NAME = "Wijk"
DISTRICTS_COL_CLASS = "Klasse"
DISTRICTS_MAP = "Kaart"
DISTRICTS_MAP_LABEL = "Kaart van de wijken van {gemeente}: {indicator}, {period}. Dezelfde cijfers staan in de tabel."
DISTRICTS_NO_MAP = (
    "Er zijn nog geen wijkgrenzen geladen, daarom staat hier geen kaart. Een beheerder laadt ze met "
    "`python -m etl load-geo BESTAND.geojson` (bijvoorbeeld de CBS/PDOK wijk- en buurtkaart)."
)
DISTRICTS_MAP_PARTIAL = "{missing} van de {total} wijken hebben nog geen grens en ontbreken op de kaart."
DISTRICTS_TABLE = "Tabel"
DISTRICTS_BELOW = "onder {value}"
DISTRICTS_FROM_TO = "{low} tot {high}"
DISTRICTS_FROM = "{value} of meer"
DISTRICTS_ABOVE = "boven {value}"
DISTRICTS_TO = "{value} of minder"
DOWNLOAD = "Download"
DOWNLOAD_HIDDEN = " van {what}"
SPARKLINE_ALT = (
    "Lijntje van {count} kwartalen, gerealiseerd (doorgetrokken) tegen doel (gestippeld): van {first} in {first_period} "
    "naar {last} in {last_period}, doel {target}."
)

# quarter report (issue 6)
QUARTER_TITLE = "Kwartaalrapportage {label}"
QUARTER_LATEST_LINK = "Kwartaalrapportage {label}: wat is er veranderd?"
QUARTER_PUBLISHED = "Vastgesteld op {date}{by}. Dit rapport verandert niet meer; een latere correctie staat in het " \
    "rapport van het volgende kwartaal."
QUARTER_PUBLISHED_BY = " door {name}"
QUARTER_DRAFT = "Concept: dit kwartaal is nog niet vastgesteld. De cijfers kunnen nog veranderen."
QUARTER_INTRO = (
    "Per programma de trends, de resultaten en de verhalen zoals ze er aan het eind van het {label} voor stonden, "
    "met bovenaan wat er veranderd is sinds het {previous}."
)
QUARTER_COMPARED_PUBLISHED = "‘Wat is er veranderd’ vergelijkt met het vastgestelde rapport van het {previous}."
QUARTER_COMPARED_LIVE = (
    "‘Wat is er veranderd’ vergelijkt met de huidige cijfers van het {previous} (dat rapport is niet vastgesteld)."
)
QUARTER_NAV = "Kwartalen, downloads en presentatie"
QUARTER_PREVIOUS = "Vorig kwartaal ({label})"
QUARTER_NEXT = "Volgend kwartaal ({label})"
QUARTER_PDF = "Download PDF"
QUARTER_XLSX = "Download Excel"
QUARTER_PRESENT = "Presentatie"
QUARTER_CONTENTS = "Inhoud"
QUARTER_CHANGES = "Wat is er veranderd sinds het {previous}"
QUARTER_NO_CHANGES = "Geen veranderingen sinds het vorige kwartaal."
QUARTER_NO_TRENDS = "Geen trendindicatoren."
QUARTER_NO_RESULTS = "Geen resultaten vastgelegd."
QUARTER_NO_STORIES = "Geen verhalen in dit kwartaal."
QUARTER_NOTES = "Besluiten en actiepunten"
QUARTER_NO_NOTES = "Geen besluiten en geen open actiepunten."
QUARTER_NOT_FOUND = "‘{code}’ is geen kwartaal. Een kwartaalrapport heeft een adres als /kwartaal/2026-Q3."
QUARTER_TRENDS_CAPTION = "Trends van {name} aan het eind van het {label}"
QUARTER_RESULTS_CAPTION = "Resultaten van {name} in het {label}"
QUARTER_COL_TREND = "Trend"
QUARTER_COL_LATEST = "Laatste cijfer"
QUARTER_COL_BASELINE = "Basisjaar {year}"
QUARTER_COL_VERDICT = "Uitspraak"
QUARTER_COL_CHANGE = "Verandering"
QUARTER_COL_PROGRAMME = "Programma"
QUARTER_COL_DATE = "Datum"
QUARTER_COL_TITLE = "Titel"
QUARTER_COL_SUMMARY = "Samenvatting"
QUARTER_COL_LINK = "Link"
QUARTER_COL_NOTE = "Besluit of actiepunt"
QUARTER_COL_OWNER = "Eigenaar"
QUARTER_COL_DUE = "Gereed"
QUARTER_COL_DONE = "Afgerond"
QUARTER_COL_RECORDED = "Vastgelegd in"
QUARTER_COL_EXAMPLE = "Voorbeeld (fictief)"
QUARTER_NO_MEASUREMENT = "geen meting in dit kwartaal"
QUARTER_TARGET_SHORT = "doel {value}"
QUARTER_CHART_ALT = "Grafiek: {name} in {region}{compare}, tot en met {period}. De cijfers staan in de tabel."
QUARTER_CHART_COMPARE = " en {name}"
CHANGE_TEXTS = {  # each follows its CHANGE_KIND_LABELS label
    "nieuwe_meting": "{subject}: {after} in het {period} ({target})",
    "correctie_meting": "{subject}, {period}: was {before}, is nu {after}",
    "statuswijziging": "{subject}: {before} → {after} ({period})",
    "nieuw_cijfer": "{subject}: {after} over {period}",
    "correctie_cijfer": "{subject}, {period}: was {before}, is nu {after}",
    "trend_gekeerd": "{subject} ging {before} en gaat nu {after} ({period})",
    "basisjaar_gepasseerd": "{subject}: van {before} naar {after}, over het basisjaar ({target}) heen",
    "nieuw_verhaal": "{subject} ({after}, {period})",
}
CHANGE_KIND_LABELS = {
    "nieuwe_meting": "Nieuwe meting", "correctie_meting": "Correctie", "statuswijziging": "Status gewijzigd",
    "nieuw_cijfer": "Nieuw cijfer", "correctie_cijfer": "Correctie", "trend_gekeerd": "Trend gekeerd",
    "basisjaar_gepasseerd": "Basisjaar gepasseerd", "nieuw_verhaal": "Nieuw verhaal",
}
MOVEMENT_LABELS = {"omhoog": "omhoog", "omlaag": "omlaag", "gelijk": "gelijk"}
NOTE_KIND_LABELS = {"besluit": "Besluit", "actiepunt": "Actiepunt"}
NOTE_OWNER = "eigenaar {owner}"
NOTE_DUE = "gereed {date}"
NOTE_DONE = "afgerond op {date}"
NOTE_DONE_BY = " door {name}"  # after NOTE_DONE: who marked the action item done
NOTE_RECORDED = "vastgelegd{by} op {date}"
NOTE_RECORDED_BY = " door {name}"
NOTE_OPEN = "open"
NOTE_CARRIED = "uit het overleg over het {label}"
NOTE_CHANGED_AFTER = "Vastgelegd in het overleg over dit kwartaal (na het vaststellen; niet in het bevroren rapport)"
PDF_COVER_TAGLINE = "Trends, resultaten en rijkere verantwoording per programma"
PDF_CONCEPT = "Concept"
PDF_PAGE = "Pagina {page} van {pages}"
PDF_STORY_LINK = "Bekijk het verhaal"
PRESENT_TITLE = "Presentatie: kwartaalrapportage {label}"
PRESENT_PREVIOUS = "Vorige dia"
PRESENT_NEXT = "Volgende dia"
PRESENT_FULLSCREEN = "Volledig scherm"
PRESENT_BACK = "Terug naar het rapport"
PRESENT_STATUS = "Dia {n} van {total}"
PRESENT_HELP = "Volgende en vorige dia: pijltjestoetsen, PageDown en PageUp (ook op een presenter) of de knoppen."
PRESENT_DECK = "Dia's"
PRESENT_SLIDE = "dia"
PRESENT_MORE = "… en nog {n} in het rapport."
PRESENT_PROGRAMME_PART = "{programme}: {part}"
PRESENT_PART_PAGE = "{title} ({n}/{total})"  # a part spread over several slides
XLSX_SHEETS = {
    "info": "Rapport", "changes": "Wat is veranderd", "trends": "Trends", "points": "Trendcijfers",
    "results": "Resultaten", "stories": "Verhalen", "notes": "Besluiten en actiepunten",
}
XLSX_QUARTER = "Kwartaal"
XLSX_STATUS = "Status rapport"
XLSX_PUBLISHED = "Vastgesteld"
XLSX_DRAFT = "Concept"
EXPORT_BUSY = "Het bestand wordt gemaakt. Probeer het over enkele seconden opnieuw."
EXPORT_PROGRESS = "Voortgang"

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

# sign-in and accounts (issue 7)
SIGNIN_TITLE = "Inloggen"
SIGNIN_INTRO = "Log in met het e-mailadres en wachtwoord van uw account. Gepubliceerde cijfers en verhalen zijn ook zonder account te lezen."
SIGNIN_INTRO_REQUIRED = "Dit dashboard is alleen te bekijken na inloggen. Log in met het e-mailadres en wachtwoord van uw account."
SIGNIN_FORM_LABEL = "Inloggen bij Perspectief"
SIGNIN_EMAIL = "E-mailadres"
SIGNIN_PASSWORD = "Wachtwoord"  # noqa: S105 - a label
SIGNIN_BUTTON = "Inloggen"
SIGNIN_ALREADY = "U bent ingelogd als {name}. Inloggen met een ander account beëindigt deze sessie."
SIGNIN_NO_ACCOUNT = "Nog geen account, of wachtwoord vergeten? Neem contact op met de beheerder van het dashboard."
SIGNIN_FIRST_ADMIN = "Er is nog geen enkel account. Maak op de server de eerste beheerder aan:"
SIGNIN_FIRST_ADMIN_COMMAND = '.venv/bin/python -m db.accounts maak-beheerder --email beheer@gemeente.nl --naam "Beheerder"'
SIGNIN_ERRORS = {
    "onjuist": "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
    "geblokkeerd": "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.",
    "leeg": "Vul uw e-mailadres en uw wachtwoord in.",
    "verlopen": "Uw sessie is verlopen. Log opnieuw in.",
}
ACCOUNT_SIGN_IN = "Inloggen"
ACCOUNT_SIGNED_IN_AS = "Ingelogd als {name}"
ACCOUNT_SIGN_OUT = "Uitloggen"
ACCOUNT_MANAGE = "Invoeren en beheren"
ACCOUNT_PASSWORD = "Wachtwoord wijzigen"

# changing one's own password (/account/wachtwoord)
PASSWORD_TITLE = "Wachtwoord wijzigen"
PASSWORD_INTRO = ("Vul uw huidige wachtwoord in en kies een nieuw. Daarna bent u overal uitgelogd, behalve hier: "
                  "op andere apparaten en in andere browsers logt u opnieuw in met het nieuwe wachtwoord.")
PASSWORD_FORM_LABEL = "Wachtwoord wijzigen"
PASSWORD_CURRENT = "Huidig wachtwoord"
PASSWORD_NEW = "Nieuw wachtwoord"
PASSWORD_REPEAT = "Nieuw wachtwoord herhalen"
PASSWORD_NEW_HINT = ("Minstens {min} tekens. Een zin van een paar woorden is sterk en goed te onthouden. "
                     "Kies een ander wachtwoord dan het huidige.")
PASSWORD_BUTTON = "Wachtwoord wijzigen"
PASSWORD_CHANGED = "Uw wachtwoord is gewijzigd."
PASSWORD_CHANGED_MORE = "Op andere apparaten en in andere browsers logt u opnieuw in met het nieuwe wachtwoord."
PASSWORD_NOT_CHANGED = "Uw wachtwoord is niet gewijzigd:"
PASSWORD_SIGN_IN_TEXT = "Log in om uw wachtwoord te wijzigen."
PASSWORD_SIGN_IN = "Inloggen"
PASSWORD_ERRORS = {  # keyed by db.accounts.PasswordProblem
    "huidig-leeg": "Vul uw huidige wachtwoord in.",
    "huidig-onjuist": "Het huidige wachtwoord klopt niet. Controleer het en probeer het opnieuw.",
    "geblokkeerd": "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.",
    "nieuw-leeg": "Vul een nieuw wachtwoord in.",
    "te-kort": "Het nieuwe wachtwoord is te kort: gebruik minstens {min} tekens.",
    "te-lang": "Het nieuwe wachtwoord is te lang: gebruik hoogstens {max} tekens.",
    "ongewijzigd": "Het nieuwe wachtwoord is hetzelfde als het huidige. Kies een ander wachtwoord.",
    "herhaling-leeg": "Vul het nieuwe wachtwoord nog een keer in.",
    "ongelijk": "De twee nieuwe wachtwoorden zijn niet gelijk. Vul ze opnieuw in.",
}

# web security (CSRF refusal)
CSRF_REFUSED = ("Dit verzoek is geweigerd: de beveiligingscode (CSRF-token) ontbreekt of klopt niet. "
                "Laad de pagina opnieuw en probeer het nog eens.")
CSRF_REFUSED_TITLE = "Verzoek geweigerd"
CSRF_REFUSED_HOME = "Naar het overzicht"

# editing: work list, forms, quarter grid (dashboard/pages/beheer.py, bewerken.py, kwartaal_invoer.py)
BEHEER_TITLE = "Beheer"
BEHEER_INTRO = ("Hier voert u projecten, resultaten, metingen, verhalen en toelichtingen in en brengt u ze door de "
                "stappen concept → ingediend → goedgekeurd → gepubliceerd. Alleen gepubliceerde items ziet de raad.")
BEHEER_SIGN_IN = "Log in om te beheren"
BEHEER_SIGN_IN_TEXT = "Invoeren en goedkeuren kan alleen na inloggen."
BEHEER_NOTHING = "U heeft bij geen enkel programma de rol redacteur of goedkeurder. Vraag de beheerder om een rol."
BEHEER_NOT_ALLOWED = "U mag dit niet bekijken: daarvoor is de rol redacteur of goedkeurder bij dit programma nodig."
BEHEER_NOT_FOUND = "Dit item bestaat niet (meer)."
BEHEER_NEW = "Nieuw"
BEHEER_NEW_PROJECT = "Nieuw project"
BEHEER_NEW_RESULT = "Nieuw resultaat"
BEHEER_NEW_MEASUREMENT = "Nieuwe meting"
BEHEER_NEW_STORY = "Nieuw verhaal"
BEHEER_NEW_NOTE = "Nieuwe toelichting bij een trendpunt"
BEHEER_NEW_MEASUREMENT_NOTE = "Nieuwe toelichting bij deze meting"
BEHEER_QUARTER = "Metingen van {quarter} invoeren"
BEHEER_IN_PROGRESS = "In bewerking ({count})"
BEHEER_TODO_TITLE = "Wat op u wacht"
BEHEER_TODO = {  # what the signed-in account can do next, counted over its programmes
    "submit": ("{n} concept kunt u indienen", "{n} concepten kunt u indienen"),
    "approve": ("{n} ingediend item wacht op uw goedkeuring", "{n} ingediende items wachten op uw goedkeuring"),
    "publish": ("{n} goedgekeurd item kunt u publiceren", "{n} goedgekeurde items kunt u publiceren"),
}
BEHEER_NONE_IN_PROGRESS = "Er staat niets in concept, ingediend of goedgekeurd."
BEHEER_PUBLISHED = "Gepubliceerd ({count})"
BEHEER_TABLE = "Items van {programme} in bewerking"
BEHEER_TABLE_PUBLISHED = "Gepubliceerde items van {programme}"
BEHEER_COL_KIND = "Soort"
BEHEER_COL_TITLE = "Item"
BEHEER_COL_CONTEXT = "Bij"
BEHEER_COL_STATE = "Status"
BEHEER_COL_ACTIONS = "Stappen"
BEHEER_EDIT = "Bewerken"
BEHEER_OPEN = "Openen"
BEHEER_STEP_DONE = "{kind} ‘{title}’: {state}."
BEHEER_BACK = "Terug naar beheer"
STATE_LABELS = {"concept": "concept", "ingediend": "ingediend", "goedgekeurd": "goedgekeurd",
                "gepubliceerd": "gepubliceerd"}
STEP_LABELS = {"ingediend": "Indienen", "goedgekeurd": "Goedkeuren", "gepubliceerd": "Publiceren",
               "concept": "Terug naar concept", "terugtrekken": "Terugtrekken"}
STEP_BUTTON_LABEL = "{step}: {kind} ‘{title}’"
KIND_LABELS = {"project": "Project", "resultaat": "Resultaat", "meting": "Meting", "verhaal": "Verhaal",
               "toelichting": "Toelichting bij een trendpunt", "meting_toelichting": "Toelichting bij een meting"}
EDIT_TITLE_NEW = "{kind}: nieuw"
EDIT_TITLE = "{kind}: {title}"
EDIT_FORM_LABEL = "{kind} bewerken"
EDIT_SAVE = "Opslaan"
EDIT_SAVED = "Opgeslagen (versie {version}, status {state})."
EDIT_CREATED = "Aangemaakt als concept. Dien het in wanneer het klaar is."
EDIT_NO_CHANGE = "Er was niets gewijzigd."
EDIT_READ_ONLY = "U kunt dit item bekijken maar niet wijzigen (u bent geen redacteur van dit programma)."
EDIT_ERRORS = "Niet opgeslagen: {count} veld(en) hebben een fout."
EDIT_ERROR_LINK = "{label}: {message}"
EDIT_REQUIRED = "(verplicht)"
EDIT_STATE = "Status: {state} · versie {version}"
EDIT_PUBLISHED_WARNING = ("Dit item is gepubliceerd. Slaat u een wijziging op, dan gaat het terug naar concept en "
                          "ziet de raad het niet meer tot het opnieuw is goedgekeurd en gepubliceerd.")
EDIT_PROBLEMS = "Nog niet te publiceren:"
EDIT_WORKFLOW = "Werkstroom"
EDIT_REASON = "Reden (nodig om terug naar concept te sturen)"
EDIT_NO_STEPS = "U kunt met dit item nu geen stap zetten."
EDIT_FOUR_EYES = ("Goedkeuren doet een andere goedkeurder: u hebt dit item sinds de laatste publicatie zelf "
                  "aangemaakt, gewijzigd of ingediend (vier-ogenprincipe).")
BEHEER_FOUR_EYES = "Goedkeuren door een andere goedkeurder (vier-ogenprincipe)"
EDIT_STEP_DONE = "Stap gezet: {state}."
EDIT_MISSING_PARENT = "Open dit formulier vanuit Beheer: het is niet duidelijk waar het nieuwe item bij hoort."
EDIT_FIXED = "Kan na het aanmaken niet meer worden gewijzigd."
EDIT_MEASUREMENTS = "Metingen van dit resultaat"
EDIT_NOTES = "Toelichtingen bij deze meting"
CONFLICT_TITLE = "Iemand anders heeft dit intussen gewijzigd"
CONFLICT_TABLE = "Uw versie en de opgeslagen versie naast elkaar"
CONFLICT_FIELD = "Veld"
CONFLICT_MINE = "Uw versie (niet opgeslagen)"
CONFLICT_THEIRS = "Opgeslagen versie {version} ({who}, {state})"
CONFLICT_DIFFERS = "verschilt"
CONFLICT_RELOAD = "Opgeslagen versie laden (uw wijzigingen vervallen)"
AUDIT_TITLE = "Geschiedenis (auditlog)"
AUDIT_INTRO = "Elke wijziging en elke stap wordt vastgelegd; deze geschiedenis kan niet worden aangepast."
AUDIT_TABLE = "Geschiedenis van dit item"
AUDIT_EMPTY = "Nog geen geschiedenis."
AUDIT_COLS = ("Wanneer", "Wie", "Stap", "Veld", "Oud", "Nieuw", "Reden")
AUDIT_ACTIONS = {"aangemaakt": "aangemaakt", "gewijzigd": "gewijzigd", "ingediend": "ingediend",
                 "goedgekeurd": "goedgekeurd", "gepubliceerd": "gepubliceerd", "terug_naar_concept": "terug naar concept",
                 "terug naar concept": "terug naar concept"}
FIELD_LABELS = {
    "line_name": "Programmalijn", "name": "Naam", "description": "Omschrijving",
    "partners": "Partners (één per regel)", "start_date": "Startdatum", "end_date": "Einddatum", "status": "Status",
    "kind": "Soort", "unit": "Eenheid", "desired_direction": "Gewenste richting", "decimals": "Aantal decimalen",
    "period": "Kwartaal (bijvoorbeeld 2026-Q3)", "target": "Streefwaarde", "realised": "Gerealiseerd",
    "explanation": "Toelichting", "project_name": "Project (naam)", "result_name": "Resultaat (naam)",
    "indicator_code": "Indicator (code)", "title": "Titel", "summary": "Samenvatting", "body": "Tekst",
    "media_url": "Link naar video (https://, YouTube of Vimeo)", "media_file": "Eigen video of afbeelding (bestandsnaam)",
    "captions_file": "Ondertitels bij de eigen video (bestandsnaam)",
    "transcript": "Transcript", "story_date": "Datum", "consent": "Toestemming",
    "region_code": "Regio (code, bijvoorbeeld GM0141)", "text": "Tekst van de toelichting", "note_date": "Datum",
    "author": "Auteur", "workflow_state": "Status", "reason": "Reden", "result_id": "Resultaat",
}
CONSENT_OPTION = "De mensen die in beeld of aan het woord zijn, hebben toestemming gegeven voor publicatie"
CHOICE_LABELS = {
    "status_project": {"gepland": "gepland", "lopend": "lopend", "afgerond": "afgerond", "gestopt": "gestopt"},
    "status": {"op_koers": "op koers", "aandacht": "aandacht", "niet_op_koers": "niet op koers",
               "onbekend": "onbekend"},
    "kind_result": {"hoeveel": "hoeveel (inzet)", "hoe_goed": "hoe goed (kwaliteit)", "beter_af": "is iemand beter af"},
    "kind_story": {"film": "film", "interview": "interview", "citaat": "citaat", "fotoverhaal": "fotoverhaal"},
    "desired_direction": {"meer": "meer", "minder": "minder", "beter": "beter", "sneller": "sneller", "geen": "geen"},
}
GRID_TITLE = "Metingen {quarter} – {programme}"
GRID_INTRO = ("Vul per resultaat de streefwaarde, de gerealiseerde waarde, de status en een toelichting in en sla alles "
              "in één keer op. Er wordt alleen opgeslagen als elke regel klopt.")
GRID_TABLE = "Metingen van {quarter} per resultaat"
GRID_COLS = ("Resultaat", "Streefwaarde", "Gerealiseerd", "Status", "Toelichting", "Stand")
GRID_CELL_LABEL = "{field} – {result}"
GRID_SAVE = "Alle metingen opslaan"
GRID_SAVED = "Opgeslagen: {count} meting(en) gewijzigd of toegevoegd, als concept."
GRID_NOTHING = "Er was niets gewijzigd."
GRID_REFUSED = "Niets opgeslagen: {count} regel(s) hebben een fout of een conflict. Zie de meldingen bij de regels."
GRID_NO_MEASUREMENT = "nog geen meting"
GRID_BAD_QUARTER = "Kies een kwartaal zoals 2026-Q3."
GRID_NO_RESULTS = "Dit programma heeft nog geen resultaten."

# safe user text and uploads (issue 5)
STORY_VIDEO_NOTE_VIMEO = "De video wordt getoond via player.vimeo.com met ‘niet volgen’ aan: Vimeo plaatst geen volgcookies."
UPLOAD_KINDS = {"image": "afbeelding (PNG, JPEG of WebP)", "video": "video (MP4)", "captions": "ondertitels (WebVTT)"}
UPLOAD_NO_FILE = "Kies een bestand om te uploaden."
UPLOAD_UNKNOWN_KIND = "Kies wat u uploadt: een afbeelding, een video of ondertitels."
UPLOAD_WRONG_CONTENT = "Dit bestand is geen {kind}. Alleen PNG, JPEG, WebP, MP4 en WebVTT zijn toegestaan."
UPLOAD_TOO_LARGE = "Dit bestand is te groot: een {kind} mag hoogstens {mb} MB zijn."
UPLOAD_EMPTY = "Dit bestand is leeg."
UPLOAD_DROP = "Kies een bestand of sleep het hierheen"
UPLOAD_MEDIA_LABEL = "Video (MP4) of afbeelding (PNG, JPEG, WebP) uploaden"
UPLOAD_CAPTIONS_LABEL = "Ondertitels (WebVTT, .vtt) uploaden"
UPLOAD_HINT = "Hoogstens {mb} MB. Na het uploaden staat de naam in het veld hierboven; sla daarna het verhaal op."
UPLOAD_DONE = "Geüpload als {name}. Sla het verhaal op om het te bewaren."
UPLOAD_REFUSED = "U mag dit niet doen: alleen redacteuren van dit programma kunnen bestanden uploaden."
UPLOAD_BAD_DATA = "Het bestand kon niet worden gelezen. Probeer het opnieuw."
STORY_IMAGE = "Beeld"

# the quarterly meeting in the web app (/beheer/kwartaal/<YYYY>-Q<n>, issue 6)
MEETING_TITLE = "Kwartaaloverleg {label}"
MEETING_INTRO = ("Leg per programma de besluiten en actiepunten van het overleg over dit kwartaal vast en meld "
                 "actiepunten af. Ze staan daarna in de kwartaalrapportage.")
MEETING_LINK = "Kwartaaloverleg {quarter}: besluiten en actiepunten"
MEETING_REPORT_LINK = "Naar de kwartaalrapportage"
MEETING_MANAGE_LINK = "Besluiten en actiepunten vastleggen{publish}"
MEETING_MANAGE_PUBLISH = " en het kwartaal vaststellen"
MEETING_NOT_ALLOWED = ("U mag dit niet: daarvoor is de rol goedkeurder bij een programma nodig, of de rol "
                       "beheerder.")
MEETING_REFUSED = "U mag dit niet doen: daarvoor is de rol goedkeurder bij dit programma nodig."
MEETING_FORM = "Besluit of actiepunt vastleggen"
MEETING_FORM_LABEL = "Besluit of actiepunt vastleggen voor {programme}"
MEETING_KIND = "Soort"
MEETING_TEXT = "Tekst"
MEETING_OWNER = "Eigenaar"
MEETING_OWNER_HINT = "(verplicht bij een actiepunt)"
MEETING_DUE = "Gereed op"
MEETING_SAVE = "Vastleggen"
MEETING_SAVE_LABEL = "Besluit of actiepunt vastleggen voor {programme}"
MEETING_SAVED = "{kind} vastgelegd."
MEETING_ERRORS = "Niet vastgelegd: verbeter de velden met een fout."
MEETING_ERR_TEXT = "Vul de tekst in."
MEETING_ERR_OWNER = "Vul de eigenaar van het actiepunt in."
MEETING_ERR_DUE = "Vul de datum in waarop het actiepunt gereed moet zijn."
MEETING_ERR_DATE = "Vul een geldige datum in (dd-mm-jjjj)."
MEETING_ERR_LONG = "Dit is te lang: hoogstens {max} tekens."
MEETING_ERR_KIND = "Kies besluit of actiepunt."
MEETING_OPEN = "Open actiepunten uit eerdere kwartalen"
MEETING_NO_OPEN = "Er staan geen actiepunten uit eerdere kwartalen open."
MEETING_THIS_QUARTER = "Vastgelegd in het overleg over dit kwartaal"
MEETING_NONE = "Nog niets vastgelegd."
MEETING_DONE_DATE = "Afgerond op"
MEETING_DONE_BUTTON = "Afgerond"
MEETING_DONE_LABEL = "Afgerond op de gekozen datum: {text}"
MEETING_DONE_SAVED = "Actiepunt afgerond op {date}."
MEETING_DONE_ALREADY = "Dit actiepunt is al afgerond."
MEETING_DONE_FUTURE = "De datum mag niet in de toekomst liggen."
MEETING_DONE_GONE = "Dit actiepunt bestaat niet (meer)."
MEETING_PUBLISH_TITLE = "Kwartaal vaststellen"
MEETING_PUBLISH_INTRO = ("Vaststellen bevriest de rapportage van alle programma's: de inhoud, de PDF en het "
                         "Excel-bestand. Daarna verandert het rapport niet meer; wat later wordt vastgelegd staat "
                         "ernaast of in het volgende kwartaal.")
MEETING_PUBLISH = "Kwartaal vaststellen (publiceren)"
MEETING_CONFIRM = "Weet u het zeker? Het {label} wordt vastgesteld en kan daarna niet meer veranderen."
MEETING_CONFIRM_YES = "Ja, het {label} vaststellen"
MEETING_CONFIRM_NO = "Annuleren"
MEETING_PUBLISH_BUSY = "Bezig met vaststellen: de PDF wordt gemaakt ({seconds} s). U kunt intussen verder werken."
MEETING_PUBLISH_PROGRESS = "Voortgang van het vaststellen"
MEETING_PUBLISH_DONE = "Het {label} is vastgesteld."
MEETING_PUBLISH_ALREADY = "Dit kwartaal is al vastgesteld."
MEETING_PUBLISH_FAILED = "Het maken van de PDF is mislukt; er is niets vastgesteld. Probeer het opnieuw."
MEETING_PUBLISH_ADMIN_ONLY = "Alleen een beheerder kan het kwartaal vaststellen."
MEETING_PUBLISH_REFUSED = "U mag dit niet doen: alleen een beheerder kan een kwartaal vaststellen."
MEETING_CANCELLED = "Niet vastgesteld."
MEETING_PUBLISH_NOT_ENDED = "Een kwartaal kan pas worden vastgesteld als het voorbij is."

# account administration for admins (/beheer/gebruikers, dashboard/pages/gebruikers.py)
USERS_TITLE = "Accounts beheren"
USERS_LINK = "Accounts en rollen beheren"
USERS_INTRO = ("Alle accounts van het dashboard met hun rollen. Open een account om een rol toe te kennen of in te "
               "trekken, een tijdelijk wachtwoord in te stellen of het account te deactiveren.")
USERS_NOT_ALLOWED = "U mag dit niet bekijken: alleen een beheerder (admin) beheert accounts."
USERS_NEW = "Nieuw account"
USERS_TABLE = "Alle accounts ({count}) met hun status en rollen"
USERS_COLS = ("Naam", "E-mailadres", "Status", "Rollen", "Laatst ingelogd")
USERS_ACTIVE = "actief"
USERS_INACTIVE = "gedeactiveerd"
USERS_NEVER = "nog nooit"
USERS_NO_ROLE = "geen rol (leest gepubliceerde inhoud)"
USERS_ROLE_WORDS = {  # keyed by db.models.Role; {programme}: the programme's name
    "viewer": "kijker (leest gepubliceerde inhoud)",
    "editor": "redacteur bij {programme}",
    "approver": "goedkeurder bij {programme}",
    "admin": "beheerder (alle programma's en de accounts)",
}
USERS_ROLE_OPTIONS = {  # the role choice on an account's page
    "viewer": "Kijker: leest de gepubliceerde inhoud, ook als inloggen verplicht is",
    "editor": "Redacteur: voert in en wijzigt bij één programma",
    "approver": "Goedkeurder: keurt goed en publiceert bij één programma",
    "admin": "Beheerder: mag alles, ook accounts beheren",
}
USERS_BACK = "Terug naar de accounts"
USERS_ACCOUNT_TITLE = "Account van {name}"
USERS_NOT_FOUND = "Dit account bestaat niet (meer)."
USERS_NEW_INTRO = ("Maak een account met een tijdelijk wachtwoord. Geef dat wachtwoord persoonlijk of telefonisch "
                   "door, niet in dezelfde e-mail als het adres; de gebruiker kiest na het inloggen een eigen "
                   "wachtwoord met ‘Wachtwoord wijzigen’. Rollen kent u daarna toe op de pagina van het account.")
USERS_NEW_FORM = "Nieuw account aanmaken"
USERS_NAME = "Naam"
USERS_EMAIL = "E-mailadres"
USERS_TEMP_PASSWORD = "Tijdelijk wachtwoord"
USERS_PASSWORD_HINT = ("Minstens {min} tekens. Een zin van een paar woorden is sterk en goed door te geven. De "
                       "gebruiker wijzigt het na het inloggen.")
USERS_CREATE = "Account aanmaken"
USERS_NOT_CREATED = "Het account is niet aangemaakt: controleer de gemarkeerde velden."
USERS_CREATED = ("Het account is aangemaakt. Geef {name} het tijdelijke wachtwoord door en ken hieronder een rol "
                 "toe.")
USERS_DETAILS = "Gegevens"
USERS_STATUS = "Status"
USERS_CREATED_AT = "Aangemaakt op"
USERS_LAST_LOGIN = "Laatst ingelogd"
USERS_DEACTIVATE = "Account deactiveren"
USERS_REACTIVATE = "Account heractiveren"
USERS_ACTIVE_HINT = ("Een gedeactiveerd account kan niet meer inloggen en zijn open sessies eindigen meteen. Rollen en "
                     "wachtwoord blijven bewaard: heractiveren maakt het account weer bruikbaar.")
USERS_OWN_ACCOUNT = ("Dit is uw eigen account. Deactiveren kan alleen een andere beheerder: anders logt u uzelf uit "
                     "en kunt u niet meer inloggen.")
USERS_DEACTIVATED = "{name} is gedeactiveerd: inloggen kan niet meer en open sessies zijn beëindigd."
USERS_REACTIVATED = "{name} is weer actief en kan inloggen met het bestaande wachtwoord."
USERS_ROLES = "Rollen"
USERS_NO_GRANTS = "Dit account heeft nog geen rol: het leest alleen gepubliceerde inhoud."
USERS_REVOKE = "Intrekken"
USERS_REVOKE_LABEL = "Rol {role} intrekken"
USERS_OWN_ADMIN = ("uw eigen rol beheerder kan alleen een andere beheerder intrekken, zodat u zich niet per ongeluk "
                   "buitensluit")
USERS_GRANT_TITLE = "Rol toekennen"
USERS_ROLE_LEGEND = "Rol"
USERS_PROGRAMME_LEGEND = "Programma"
USERS_PROGRAMME_HINT = "(alleen voor redacteur en goedkeurder; kijker en beheerder gelden voor alle programma's)"
USERS_GRANT = "Rol toekennen"
USERS_GRANTED = "{name} heeft nu de rol {role}."
USERS_ALREADY = "{name} had de rol {role} al."
USERS_REVOKED = "{name} heeft de rol {role} niet meer."
USERS_RESET_TITLE = "Tijdelijk wachtwoord instellen"
USERS_RESET_INTRO = ("Wachtwoord vergeten? Stel een tijdelijk wachtwoord in en geef het door. Alle open sessies van dit "
                     "account eindigen meteen; de gebruiker kiest na het inloggen een eigen wachtwoord.")
USERS_NEW_PASSWORD = "Nieuw tijdelijk wachtwoord"
USERS_RESET = "Tijdelijk wachtwoord instellen"
USERS_RESET_DONE = "{name} heeft een nieuw tijdelijk wachtwoord; alle open sessies van dit account zijn beëindigd."
USERS_OWN_PASSWORD = "Uw eigen wachtwoord wijzigt u (met uw huidige wachtwoord) via"

# --- production limits and operations (issue 15) ---------------------------------------------------------------------
REQUEST_TOO_LARGE = "Dit verzoek is te groot: hoogstens {mb} MB."
COMPARE_TOO_MANY = ("U kunt hoogstens {most} gebieden tegelijk vergelijken; u koos er {asked}. Alleen de eerste {most} "
                    "zijn meegenomen. Haal er een paar weg om andere te kiezen.")
EXPORT_QUEUE_FULL_TITLE = "Even geduld"
EXPORT_QUEUE_FULL = ("Er worden nu te veel rapporten tegelijk gemaakt. Probeer het over een halve minuut opnieuw; de "
                     "pagina doet dat vanzelf als u hem openlaat.")
QUARTER_PDF_AFTER_PUBLICATION = "De PDF komt beschikbaar zodra dit kwartaal is vastgesteld."
MEETING_QUARTER_UNKNOWN = ("Voor {label} kunt u geen besluiten of actiepunten vastleggen: dat kwartaal valt buiten de "
                           "looptijd van de programma's of ligt in de toekomst.")
MEETING_PUBLISH_QUEUE_FULL = "Er worden nu te veel rapporten tegelijk gemaakt; probeer het over een halve minuut opnieuw."
UPLOAD_NO_PROGRAMME = "Voor welk programma is dit bestand? Dat programma bestaat niet (meer)."
QUARTER_OUT_OF_RANGE = ("Voor {code} is er geen kwartaalrapport: dat kwartaal valt buiten de looptijd van de programma's "
                        "of ligt in de toekomst.")
