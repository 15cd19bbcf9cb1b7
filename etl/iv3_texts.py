"""Dutch messages of the Iv3 loader (`python -m etl load-iv3`) and the `financien` template."""

# ruff: noqa: E501
CLI_LOAD_IV3 = ("laad gemeentefinanciën (Iv3: baten en lasten per taakveld, € 1.000) uit een bestand per gemeente × "
                "taakveld of uit CBS's onbewerkte Iv3-data (Verslagsoort, Gemeenten, TaakveldBalanspost, Categorie)")
CLI_KIND = "begroting of realisatie (jaarrekening); standaard uit de bestandsnaam (2023_begroting.csv) of Verslagsoort"
CLI_YEAR = "boekjaar, bv. 2023; standaard uit de bestandsnaam of Verslagsoort"

FORMAT_UNKNOWN = ("{name}: geen Iv3-bestand. Verwacht de kolommen Gemeenten, Taakveld, Baten en Lasten (een bestand per "
                  "gemeente × taakveld) of Verslagsoort, Gemeenten, TaakveldBalanspost, Categorie en k_2ePlaatsing_2 "
                  "(CBS's onbewerkte Iv3-data). Gevonden: {found}.")
FORMAT_FUNCTIONS = ("{name}: dit bestand gebruikt de functie-indeling van vóór 2017 (FunctieKostenplaatsBalanspost); "
                    "Perspectief laadt alleen taakvelden (2017 en later).")
KIND_YEAR_NEEDED = ("{name}: van welk jaar en welke soort is dit bestand? Geef --jaar 2023 en --soort begroting of "
                    "realisatie, of noem het bestand zoals 2023_begroting.csv / 2023_jaarrekening.csv.")
KIND_UNKNOWN = "onbekende soort {value!r}: kies begroting of realisatie (jaarrekening)"
NOTHING_SELECTED = "{name}: geen rijen voor {what} in dit bestand."
NO_REGIONS = ("De regiolijst is leeg: laad eerst de CBS-gebiedsindeling, bv. python -m etl load-cbs "
              "etl/data/cbs/85067NED (of python -m etl load-demo).")
NO_CODE_LIST = "boekjaar {year} staat niet in de Iv3-codelijst (2017–2026)"

ROW_LENGTH = "de regel heeft {found} velden, de kopregel {expected}"
ROW_GEMEENTE = "gemeente {value!r} staat niet in de regiolijst (CBS-gebiedsindeling); controleer de naam of de code"
ROW_TAAKVELD = "{value!r} is geen taakveldcode (zoals 6.71a of 6.711)"
ROW_TAAKVELD_YEAR = "taakveld {code} bestaat niet in de Iv3-codelijst van boekjaar {year}"
ROW_AMOUNT = "{value!r} is geen bedrag (€ 1.000, met punt als decimaalteken)"
ROW_INHABITANTS = "{value!r} is geen aantal inwoners"
ROW_DUPLICATE = "dubbele regel: gemeente en taakveld staan al op regel {first} met een ander bedrag"
ROW_VERSLAGSOORT = "{value!r} is geen verslagsoort (zoals 2023X000 voor de begroting of 2023X005 voor de jaarrekening)"

NOTICE_NEDERLAND = ("{count} rijen ‘Nederland’ niet geladen: die zijn een optelling door de maker van het bestand, "
                    "geen CBS-totaal. Perspectief telt Nederland zelf op uit de gemeenten.")
NOTICE_LABELS = ("{count} taakveld(en) met een andere naam dan in CBS's codelijst; de code is leidend, bv. {examples}.")
NOTICE_IDENTICAL = "{count} dubbele regel(s) met hetzelfde bedrag één keer geladen."
NOTICE_NEW_GEMEENTEN = "Gemeente(n) toegevoegd aan de regiolijst: {names}."
NOTICE_KIND_OVERRIDE = "Soort en jaar uit de opdracht ({given}) in plaats van uit de bestandsnaam ({from_name})."
NOTICE_RAW_SKIPPED = ("Overgeslagen: {balance} balansregels (A*/P*), {quarters} kwartaalcijfers (X001–X004), "
                      "{other} regels met een andere categorie dan lasten (L*) of baten (B*), {missing} zonder opgave "
                      "(leeg of −99998).")
NOTICE_RAW_MEASURE = "Bedragen uit kolom {column}."
NOTICE_INHABITANTS = "Gemeente {name}: verschillende inwonertallen in het bestand ({values}); het eerste is gebruikt."

DONE = ("Iv3 geladen ({what}): {gemeenten} gemeenten, {amounts} bedragen – {new} nieuw, {changed} gewijzigd, "
        "{unchanged} ongewijzigd – in {seconds} s.")

# the `financien` template (project budgets)
ROW_PROJECT = "project {value!r} bestaat niet (zie de projecten in /beheer)"
ROW_QUARTER = "{value!r} is geen kwartaal (1 t/m 4)"
ROW_YEAR = "{value!r} is geen jaar"
ROW_EURO = "{value!r} is geen bedrag in euro"
ROW_BUDGET_DUPLICATE = "dubbele regel: dit project en kwartaal staan al op regel {first}"
DONE_BUDGETS = "Projectfinanciën geladen: {loaded} kwartaalbedragen ({new} nieuw, {changed} gewijzigd), {unchanged} ongewijzigd."
