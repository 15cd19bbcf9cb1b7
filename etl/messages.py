"""All Dutch text of the ETL command line and its error reports, in one place so it can be translated."""

# whole-file problems
FILE_MISSING = "Bestand of map niet gevonden: {path}"
FILE_IS_DIR = "{path} is een map; geef een bestand op (of gebruik load-cbs voor een CBS-map)."
FILE_EMPTY = "{name} is leeg: er staan geen regels in."
FILE_IS_ZIP = "{name} is een zip- of Excelbestand, geen CSV. Sla het op als .xlsx of .csv en probeer opnieuw."
FILE_IS_PDF = "{name} is een PDF, geen tabel. Download de cijfers als CSV of Excel."
FILE_IS_BINARY = "{name} is geen tekstbestand (er staan binaire tekens in). Is het het goede bestand?"
FILE_ENCODING = "{name} is geen leesbare tekst (onbekende tekenset rond byte {pos}). Sla het op als UTF-8."
FILE_ENCODING_AT = (
    "{name}: ongeldige tekens rond regel {line}: het bestand begint als UTF-8 maar is dat verderop niet. "
    "Sla het opnieuw op als UTF-8."
)
FILE_FIELD_TOO_LARGE = "{name}, regel {line}: een veld is groter dan 1 MB; dit is geen cijferbestand (of een aanhalingsteken sluit niet)."
FILE_CSV_BROKEN = "{name}, regel {line}: het CSV-bestand is beschadigd ({error})."
FILE_ONE_COLUMN = (
    "{name} heeft maar één kolom: het scheidingsteken is niet herkend (verwacht komma, puntkomma of tab)."
)
FILE_XLSX_BROKEN = "{name} is geen leesbaar Excel-bestand ({error})."
FILE_NO_ROWS = "{name} bevat alleen een kopregel en geen cijfers."
FILE_UNKNOWN_TYPE = (
    "{name}: onbekend bestandstype. load-cbs leest een CBS-map (data.csv met DataProperties.csv), "
    "een StatLine-CSV-export of een OData-JSON-bestand; load-table leest .csv of .xlsx."
)
FILE_JSON_BROKEN = "{name} is geen geldige JSON ({error})."
FILE_JSON_SHAPE = (
    "{name}: onbekende JSON-vorm. Verwacht OData v3 (TypedDataSet, 'value' met RegioS/Perioden) of "
    "v4 (Observations met Measure, Value, ValueAttribute)."
)
FOLDER_NO_DATA = (
    "{name}: in deze map staat geen data.csv, TypedDataSet.json, Observations.json of regio-dimensie "
    "(RegioS.csv, WijkenEnBuurten.csv)."
)
FOLDER_NO_PROPERTIES = "{name}: DataProperties.csv ontbreekt; zonder die metadata zijn de kolommen niet te duiden."
REGION_ROW_BROKEN = (
    "{name}, regel {line}: deze regel van de regio-indeling is onvolledig of onleesbaar "
    "(afgebroken bestand of verkeerd scheidingsteken?)."
)
MISSING_COLUMNS = "{name}: verplichte kolom(men) ontbreken: {missing}. Gevonden kolommen: {found}."
NO_PERIOD = (
    "{name}: de tabel heeft geen Perioden-kolom en TableInfos noemt geen periode; geef de periode op "
    "met --periode (bijvoorbeeld --periode 2022)."
)
NO_PERIOD_IN_FILE = (
    "{name}: het bestand heeft geen kolom Perioden en zegt dus niet over welke periode de cijfers gaan. Geef die op "
    "met --periode, bijvoorbeeld --periode 2017 (het jaar staat in de titel van de tabel op StatLine)."
)
PERIOD_OPTION_BAD = "--periode {value!r} is geen periode (verwacht bijvoorbeeld 2017, 2017-H1 of 2017-Q3)."
MEASURE_NOT_IN_TABLE = "{name}: maatstaf {keys} staat niet in dit bestand; wel: {found}."
MEASURE_TARGET_UNKNOWN = "--maatstaf: indicator {codes} bestaat niet; maak hem eerst aan (of laat =INDICATOR weg)."
MEASURE_OPTION_BAD = "--maatstaf {value!r}: gebruik SLEUTEL of SLEUTEL=INDICATOR, bijvoorbeeld WmoClienten_5=wmo-clienten."
NO_MEASURES = "{name}: geen enkele kolom met cijfers gevonden."
TOO_MANY_ERRORS = "Gestopt na {count} fouten; er kunnen er meer zijn."

# row problems (reasons)
ROW_UNKNOWN_REGION = "onbekende regio {value!r}: laad eerst de regio-indeling (CBS 85067NED of 85318NED)"
ROW_BAD_REGION = "{value!r} is geen regiocode zoals GM0141, WK014101 of BU01410101"
ROW_UNKNOWN_LABEL = (
    "onbekende regio {value!r}: niet in de regiolijst van CBS (gemeenten sinds 1830, provincies, wijken en "
    "buurten 2022, Nederland); laad de regio-indeling van het jaar van deze tabel of gebruik een bestand met regiocodes"
)
ROW_AMBIGUOUS_LABEL = (
    "regio {value!r} is dubbelzinnig: zo heten {count} gebieden ({codes}); gebruik een bestand met regiocodes"
)
ROW_NO_REGION = "de regel heeft cijfers maar geen regio (kolom {column} is leeg)"
ROW_UNKNOWN_INDICATOR = "onbekende indicator {value!r}: voeg een kolom indicator_naam toe om hem aan te maken"
ROW_BAD_PERIOD = "{value!r} is geen periode (verwacht bijvoorbeeld 2023, 2023-Q3, 2023KW03 of 3e kwartaal 2023)"
ROW_BAD_VALUE = "{value!r} is geen getal en geen bekend teken (. x - ? of leeg)"
ROW_SHORT = "de regel heeft {got} van de {want} kolommen (afgebroken bestand of verkeerd scheidingsteken?)"
ROW_LONG = "de regel heeft {got} kolommen, de kopregel {want} (verkeerd scheidingsteken of aanhalingsteken?)"
ROW_DUPLICATE = "dubbele regel: dezelfde indicator, regio en periode staan al op regel {first} met een andere waarde"
ROW_EMPTY_KEY = "{column} is leeg"
ROW_UNKNOWN_PROJECT = "onbekend project {value!r}"
ROW_UNKNOWN_RESULT = "project {project!r} heeft geen resultaat {value!r}"
ROW_BAD_STATUS = "onbekende status {value!r} (gebruik op koers, aandacht, niet op koers of onbekend)"
ROW_WHOLE_NUMBER = "{value!r} is geen geheel getal: {unit} tel je in hele aantallen"
ROW_EXPLANATION_NEEDED = "bij de status '{status}' hoort een toelichting voor de raad: vul de kolom toelichting in"
ROW_EXPLANATION_NEEDED_UNKNOWN = (
    "er is een gerealiseerde waarde maar de status is onbekend: leg in de kolom toelichting uit waarom, of vul een "
    "streefwaarde of status in"
)

# notices (the load goes on)
NOTICE_CP1252 = "Het bestand is gelezen als Windows-1252 (geen UTF-8)."
NOTICE_UTF16 = "Het bestand is gelezen als UTF-16."
NOTICE_IDENTICAL_DUPLICATES = "{count} dubbele regel(s) met dezelfde waarde zijn één keer geladen."
NOTICE_OTHER_REGIONS = "{count} waarde(n) voor gebieden buiten gemeente/wijk/buurt (zoals landsdelen of COROP) overgeslagen."
NOTICE_IGNORED_COLUMNS = "Kolommen die niet gebruikt worden: {columns}."
NOTICE_RENAMED_COLUMNS = "Kolommen herkend onder een andere naam: {columns}."
NOTICE_DECIMAL = "Getallen gelezen met decimaal{sep} ({example})."
NOTICE_NEW_INDICATORS = "{count} nieuwe indicator(en) aangemaakt; een beheerder moet ze nog nakijken: {codes}."
NOTICE_NO_REGION_COLUMN = "Geen regiokolom gevonden: alle cijfers gelden voor Nederland (NL01)."
NOTICE_PERIOD_FROM_METADATA = "Geen Perioden-kolom: periode {period} uit de tabelinformatie."
NOTICE_REGIONS_LOADED = "{count} regio's uit de regio-indeling bijgewerkt of toegevoegd."
NOTICE_OTHER_AREA_ROWS = (
    "{count} regels over andere gebiedsindelingen overgeslagen (landsdelen, COROP-gebieden, jeugdregio's, "
    "grootteklassen …): Perspectief bewaart Nederland, provincies, gemeenten, wijken en buurten."
)
NOTICE_FORMER_GEMEENTEN = (
    "{count} regels over {gemeenten} opgeheven gemeenten overgeslagen (zoals {example}, opgeheven per {end}): "
    "Perspectief vergelijkt met de gemeenten van nu."
)
NOTICE_EMPTY_ROWS = "{count} regels zonder regio en zonder cijfers overgeslagen (CBS noemt daar een gebied zonder gegevens)."
NOTICE_TEXT_COLUMNS = "Kolommen met tekst in plaats van cijfers, niet geladen: {columns}."
NOTICE_PERIOD_IGNORED = "--periode {period} genegeerd: het bestand heeft een kolom Perioden."
NOTICE_ROW_KEY = "Kolom ID is het regelnummer van CBS, geen cijfer: niet geladen."

# command line
CLI_DESCRIPTION = "Perspectief ETL: laad cijfers van CBS en van de gemeente zelf in de database (DATABASE_URL)."
CLI_LOAD_CBS = "Laad een CBS StatLine-tabel (OData-map, StatLine-CSV-export of OData-JSON)."
CLI_LOAD_TABLE = "Laad een eigen tabel (CSV of .xlsx): cijfers per indicator/regio/periode, of projectresultaten."
CLI_STATUS = "Toon de laatste laadacties met aantallen, fouten en duur."
CLI_FETCH_CBS = "Haal een CBS-tabel op via de OData-API (netwerk nodig) en laad hem."
CLI_LOAD_GEO = "Laad grenzen van gemeenten of wijken (GeoJSON) voor de kaart."
CLI_LOAD_DEMO = "Laad de demo (Almelo) in de database."
CLI_PATH = "pad naar het bestand of de map"
CLI_TABLE = "CBS-tabelnummer, bijvoorbeeld 85067NED (standaard: uit de mapnaam of de metadata)"
CLI_SKIP_INVALID = "laad de goede regels en schrijf de afgekeurde naar een bestand (standaard: bij fouten niets laden)"
CLI_REJECTED = "bestand voor afgekeurde regels (standaard: <invoer>.afgekeurd.csv naast de invoer)"
CLI_DECIMAL = "decimaalteken in de getallen: ',' of '.' (standaard: herkennen)"
CLI_PERIOD = "periode voor een tabel zonder Perioden-kolom, bijvoorbeeld 2022"
CLI_MEASURE = (
    "laad alleen deze maatstaf (CBS-sleutel, bijvoorbeeld JongerenMetJeugdhulpInNatura_1); met =INDICATOR komen "
    "de totalen in die bestaande indicator (bijvoorbeeld een oudere editie van dezelfde reeks). Mag vaker."
)
CLI_QUIET = "geen voortgangsbalk"
CLI_LIMIT = "aantal laadacties (standaard 15)"
CLI_OUT = "map om de opgehaalde bestanden in te bewaren"
CLI_DOOR = ("wie of wat laadt, zoals het auditlogboek het vastlegt bij elke wijziging van deze lading "
            "(standaard: opdrachtregel), bijvoorbeeld 'J. Jansen (afdeling Informatie)'")
DEFAULT_DOOR = "opdrachtregel"  # the door of a load that was not given --door

DONE = (
    "Klaar: {loaded} waarden geladen ({new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd) "
    "uit {read} gelezen in {seconds} s ({rate} per seconde)."
)
DONE_REGIONS = "Klaar: {regions} regio's bijgewerkt of toegevoegd in {seconds} s."
DONE_RESULTS = "Klaar: {loaded} metingen geladen ({new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd)."
DONE_RESULTS_WORKFLOW = ("Nieuwe en gewijzigde metingen staan als concept in Beheer: de raad ziet ze pas na indienen, "
                         "goedkeuren en publiceren.")
DONE_RESULTS_REVISED = ("Van {revised} gepubliceerde meting(en) staat nu een nieuwe versie klaar; tot die is "
                        "gepubliceerd ziet de raad de gepubliceerde waarde.")
AUDIT_RESULTS = ("{new} nieuw, {changed} gewijzigd (waarvan {revised} als nieuwe versie naast een gepubliceerde meting), "
                 "{unchanged} ongewijzigd, {rejected} afgekeurd en overgeslagen")
AUDIT_FIGURES = "{loaded} waarden geladen ({new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd), {rejected} afgekeurd"
REFUSED = "Geweigerd: {count} fout(en) gevonden; er is niets gewijzigd in de database."
REFUSED_FILE = "Geweigerd: er is niets gewijzigd in de database."
SKIPPED = "{count} regel(s) afgekeurd en overgeslagen; zie {path}."
REPORT_HEADER = "bestand;regel;kolom;waarde;reden"
UNEXPECTED = "Onverwachte fout ({kind}): {error}. Er is niets gewijzigd in de database."
DB_UNREACHABLE = "De database is niet bereikbaar ({url}): {error}"
STATUS_EMPTY = "Er is nog niets geladen."
STATUS_HEADER = "{id:>4}  {started:<17} {status:<10} {kind:<10} {read:>10} {loaded:>10} {rejected:>8} {duration:>8}  {what}"
PROGRESS_DESC = "Laden"
PROGRESS_LINE = "voortgang: {rows} rijen, {rate} rijen/s"
PROGRESS_SAVING = "gelezen: {rows} rijen, {rate} rijen/s; nu opslaan in de database…"
FETCH_START = "Ophalen van {table} bij {url} …"
FETCH_FAILED = "Ophalen mislukt: {error}"
FETCH_BAD_ID = "'{table}' is geen CBS-tabelnummer (vijf cijfers en drie letters, bijvoorbeeld 85067NED)."
FETCH_NOT_FOUND = "CBS kent deze tabel niet (404): {url}"
FETCH_HTTP = "de CBS-server antwoordde met status {status} op {url}"
FETCH_NETWORK = "geen verbinding met {url} ({reason}); controleer het netwerk of CBS_ODATA_URL"
FETCH_NOT_JSON = "het antwoord van {url} is geen OData-JSON"
FETCH_TOO_MANY_PAGES = "te veel pagina's bij {url}; afgebroken"
GEO_DONE = "Klaar: {count} grenzen geladen."
DEMO_DONE = "Klaar: demo geladen ({regions} regio's, {observations} waarnemingen)."
