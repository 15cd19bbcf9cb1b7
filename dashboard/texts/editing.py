"""Dutch text of the editor pages: work list, edit forms, quarter grid, safe user text and uploads."""

# editing: work list, forms, quarter grid (dashboard/pages/worklist.py, edit_item.py, quarter_entry.py)
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

# safe user text and uploads
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
