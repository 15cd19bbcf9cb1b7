"""Dutch text of the quarter report (page, slides, PDF and Excel) and of the quarterly meeting in the web app."""

# quarter report
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

# the quarterly meeting in the web app (/beheer/kwartaal/<YYYY>-Q<n>)
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
