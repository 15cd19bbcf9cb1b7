"""Dutch texts of the money, actuality and status-over-time parts (programme page, overview, work list, quarter
report and its exports): one place per area, as dashboard/texts.py is for the rest."""

# ruff: noqa: E501

# --- Financiën on the programme page -------------------------------------------------------------------------
FIN_TITLE = "Financiën"
FIN_BAND_LABEL = "Financiën in het kort"
FIN_BAND_ACTUAL = "Gerealiseerd {year}: {actual}"
FIN_BAND_VS_BUDGET = ", dat is {diff_words} ({budget})"
FIN_BAND_BUDGET = "Begroot {year}: {budget}"
FIN_BAND_PER_INHABITANT = "{amount} per inwoner in {year} (Nederland {country})"
FIN_BAND_LINK = "Naar Financiën"
FIN_BAND_NONE = "Nog geen financiële cijfers voor de taakvelden van dit programma."
FIN_INTRO = ("De lasten van de gemeente op de taakvelden van dit programma, zoals de gemeente ze aan het CBS meldt "
             "(Iv3): wat is begroot en wat is uitgegeven, per jaar en per taakveldgroep, en per inwoner naast "
             "Nederland en vergelijkbare gemeenten.")
FIN_GROUPS = "Taakveldgroepen van dit programma:"
FIN_NO_GROUPS = "Voor dit programma zijn nog geen taakvelden gekozen; een beheerder doet dat bij Beheer."
FIN_NO_DATA = "Er zijn nog geen Iv3-cijfers geladen voor {region}."
FIN_SUMMARY_ACTUAL = ("In {year} begrootte {region} {budget} aan lasten voor deze taakvelden en gaf {actual} uit: "
                      "{diff_words}.")
FIN_MORE = "{amount} ({pct}) meer dan begroot"
FIN_LESS = "{amount} ({pct}) minder dan begroot"
FIN_EQUAL = "precies wat begroot was"
FIN_SUMMARY_ONLY_ACTUAL = "In {year} gaf {region} {actual} uit aan deze taakvelden."
FIN_SUMMARY_PER_INHABITANT = ("Dat is {home} per inwoner ({inhabitants} inwoners), tegen {country} in Nederland"
                              "{peers}.")
FIN_SUMMARY_PEERS = " en {peers} bij vergelijkbare gemeenten"
FIN_SUMMARY_BUDGET = "Voor {year} is {budget} begroot ({per_inhabitant} per inwoner)."
FIN_SUMMARY_DOMAIN = ("Het hele sociaal domein van {region} (alle taakvelden 6.) kostte in {year} {amount} "
                      "({per_inhabitant} per inwoner); dit programma gaat over {share} daarvan.")
FIN_CHART_TITLE = "Lasten per jaar: begroot en gerealiseerd"
FIN_CHART_ALT = ("Staafdiagram van de lasten van {region} op de taakvelden van {name}: {bars}. Bedragen in euro; "
                 "de tabel hieronder geeft dezelfde cijfers.")
FIN_LEGEND_BUDGET = "begroot"
FIN_LEGEND_ACTUAL = "gerealiseerd"
FIN_YEAR_CAPTION = "Lasten van {region} voor {name}: begroot en gerealiseerd per jaar en taakveldgroep"
FIN_COL_YEAR = "Jaar"
FIN_COL_GROUP = "Taakveld\u00adgroep"  # a soft hyphen: the column fits a phone
FIN_COL_BUDGET = "Begroot"
FIN_COL_ACTUAL = "Gerealiseerd"
FIN_COL_ACTUAL_DIFF = "Gerealiseerd (verschil met begroot)"
FIN_COL_DIFF = "Verschil"
FIN_COL_DIFF_PCT = "Verschil (%)"
FIN_TOTAL = "Totaal"
FIN_NOT_YET = "nog niet bekend"
FIN_NOT_YET_NOTE = " (–: er is nog geen jaarrekening)"
FIN_PER_CAPTION = "Lasten per inwoner: {region}, Nederland en vergelijkbare gemeenten"
FIN_COL_STATEMENT = "Cijfer"
FIN_COL_HOME = "{region}"
FIN_COL_COUNTRY = "Nederland"
FIN_COL_PEERS = "Vergelijk\u00adbare gemeenten"
FIN_PEERS_HELP = ("Vergelijkbare gemeenten: dezelfde gemeentegrootte en stedelijkheid ({label}, CBS-gebiedsindeling "
                  "85067NED), zonder {region} zelf: {names}. Nederland en de vergelijkbare gemeenten zijn samen "
                  "opgeteld: hun lasten gedeeld door hun inwoners.")
FIN_SOURCE = ("Bron: CBS, Iv3 (onbewerkte Iv3-data van de gemeenten; bedragen in € 1.000 gemeld, hier afgerond). "
              "Inwoners: het inwonertal dat in het Iv3-bestand van dat jaar staat. Nederland telt Perspectief zelf op uit "
              "alle gemeenten.")
FIN_DOWNLOAD = "De financiële cijfers van {name}"

# --- overview card ---------------------------------------------------------------------------------------------
CARD_FINANCE = "Financiën"
CARD_FINANCE_BUDGET = "Begroot {year}: {amount}"
CARD_FINANCE_ACTUAL = "Gerealiseerd {year}: {amount} (begroot {budget})"
CARD_FINANCE_ACTUAL_ONLY = "Gerealiseerd {year}: {amount}"
CARD_FINANCE_NONE = "Nog geen cijfers"

# --- actualiteit ---------------------------------------------------------------------------------------------
ACT_LABEL = "Actualiteit {score}\u00a0%"
ACT_NONE = "Actualiteit: nog niets te meten"
ACT_EXPLAIN = ("Het deel van de cijfers van dit programma dat actueel is: trends met een recent cijfer, resultaten "
               "gemeten in het laatste afgesloten kwartaal ({quarter}), een toelichting waar de status daarom vraagt, "
               "en verhalen van minder dan een jaar oud.")
ACT_COUNT = "{current} van de {total} onderdelen zijn actueel."
ACT_ALL_CURRENT = "Alles is actueel."
ACT_MISSING = "Wat ontbreekt"
ACT_KIND_TITLES = {
    "trend": "Trends met een cijfer van {oldest_before} of ouder (niet actueel)",
    "gemeten": "Resultaten zonder meting over {quarter}",
    "toelichting": "Resultaten zonder toelichting bij ‘aandacht nodig’ of ‘niet op koers’",
    "verhaal": "Verhalen ouder dan een jaar",
}
ACT_ITEM_TREND = "{subject} (nieuwste cijfer: {detail})"
ACT_ITEM_TREND_NONE = "{subject} (nog geen cijfer)"
ACT_ITEM_MEASURED = "{subject}"
ACT_ITEM_EXPLAINED = "{subject} ({detail})"
ACT_ITEM_STORY = "{subject} ({detail})"
ACT_TODO_TITLE = "Actualiteit {name}: {score}\u00a0%"
ACT_TODO_LINK_QUARTER = "metingen invoeren voor {quarter}"
ACT_TODO_LINK_EDIT = "toelichting schrijven"
ACT_TODO_LINK_STORY = "nieuw verhaal toevoegen"
ACT_TODO_LINK_TREND = "cijfers bekijken"

# --- status per kwartaal -------------------------------------------------------------------------------------
MATRIX_TITLE = "Status per kwartaal"
MATRIX_INTRO = ("Het verloop van elk resultaat: de status in elk kwartaal, van de eerste meting tot het laatste "
                "afgesloten kwartaal. ‘Niet gemeten’ betekent dat er voor dat kwartaal geen gerealiseerde waarde is.")
MATRIX_CAPTION = "Status per resultaat en kwartaal: {name}"
MATRIX_COL_RESULT = "Resultaat"
MATRIX_NOT_MEASURED = "niet gemeten"
MATRIX_STATUS_WORDS = {"op_koers": "op koers", "aandacht": "aandacht nodig", "niet_op_koers": "niet op koers",
                       "onbekend": "onbekend", "": MATRIX_NOT_MEASURED}
MATRIX_ICONS = {"op_koers": "✓", "aandacht": "!", "niet_op_koers": "✗", "onbekend": "?", "": "–"}
MATRIX_EMPTY = "Nog geen metingen."
MATRIX_PRINT_PART = "{caption} ({first} tot en met {last})"

# --- project finance in the quarter report -------------------------------------------------------------------
PROJ_TITLE = "Projectfinanciën"
PROJ_INTRO = "Begroot en besteed per project in {year}, tot en met {label} (in euro)."
PROJ_CAPTION = "Projectfinanciën van {name}, {year} tot en met {label}"
PROJ_COL_PROJECT = "Project"
PROJ_COL_QUARTER = "Kwartaal"
PROJ_COL_BUDGET = "Begroot"
PROJ_COL_SPENT = "Besteed"
PROJ_COL_DIFF = "Verschil"
PROJ_COL_PCT = "Besteed van begroot"
PROJ_COL_SPENT_DIFF = "Besteed (verschil · deel van begroot)"
PROJ_COL_NOTE = "Toelichting"
PROJ_NONE = "Er zijn geen projectbudgetten ingevuld voor dit jaar."
PROJ_TOTAL = "Totaal {year}"
XLSX_MATRIX = "Status per kwartaal"
XLSX_PCT = "Besteed van begroot (%)"

# --- admin: taakveldgroepen of a programme -------------------------------------------------------------------
ADMIN_TITLE = "Taakvelden van {name}"
ADMIN_INTRO = ("Kies welke taakveldgroepen tot het geld van dit programma horen. De groepen volgen CBS's indeling in "
               "Iv3-taakvelden en lopen door over de nieuwe codes van 2025 (zie etl/data/iv3/taakveld_groepen.csv).")
ADMIN_SOCIAL = "Sociaal domein, volksgezondheid en openbare orde en veiligheid"
ADMIN_OTHER = "Andere taakvelden"
ADMIN_REASON = "Reden van de wijziging"
ADMIN_SAVE = "Opslaan"
ADMIN_SAVED = "Opgeslagen: {groups}."
ADMIN_UNCHANGED = "Er is niets gewijzigd."
ADMIN_HISTORY = "Geschiedenis"
ADMIN_HISTORY_CAPTION = "Wijzigingen van de taakveldgroepen van {name}"
ADMIN_COL_WHEN = "Wanneer"
ADMIN_COL_WHO = "Door"
ADMIN_COL_BEFORE = "Was"
ADMIN_COL_AFTER = "Wordt"
ADMIN_COL_REASON = "Reden"
ADMIN_NOT_ALLOWED = "Alleen een beheerder kiest de taakvelden van een programma."
ADMIN_NONE = "(geen)"
ADMIN_LINK = "Taakvelden (financiën) van {name}"
