"""Dutch text of the wijken page, the downloads and the story page."""

# wijken, downloads and the story page
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
