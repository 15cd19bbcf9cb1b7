"""Dutch texts of the accessibility statement (/toegankelijkheid), in the structure of the Dutch model statement."""

TITLE = "Toegankelijkheidsverklaring"
INTRO = ("{organisation} wil dat iedereen {website} kan gebruiken: met een schermlezer, met alleen het toetsenbord, "
         "vergroot of op een telefoon. Daarvoor volgen we de Europese norm EN 301 549 en de richtlijnen WCAG 2.1 "
         "op niveau A en AA. Deze verklaring gaat over {scope}.")
STATUS_TITLE = "Nalevingsstatus"
STATUS = {
    "A": "A – voldoet volledig: een volledig onderzoek toont dat alle 50 eisen worden nageleefd.",
    "B": "B – voldoet gedeeltelijk: een volledig onderzoek toont dat nog niet alle eisen worden nageleefd; de "
         "maatregelen staan hieronder.",
    "C": "C – eerste maatregelen genomen: er is nog geen volledig onafhankelijk onderzoek; dat is gepland vóór "
         "{next}. De bevindingen van ons eigen onderzoek en de maatregelen staan hieronder.",
    "D": "D – voldoet niet: er is nog geen volledig onderzoek en er is er nog geen gepland.",
}
COUNTS = ("Van de 50 eisen voldoen er {passed}, zijn er {na} niet van toepassing, voldoen er {failed} niet en zijn "
          "er {untested} nog niet beoordeeld.")
SCOPE_TITLE = "Onderzochte onderdelen en datum"
SCOPE = "Onderzocht op {date} door {evaluator}."
SAMPLE_CAPTION = "Steekproef van onderzochte pagina's"
SAMPLE_COLS = ("Pagina", "Adres", "Steekproef", "Ingelogd")
SAMPLE_KIND = {"structuur": "structureel (elk soort pagina)", "willekeurig": "willekeurig"}
YES, NO = "ja", "nee"
METHOD_TITLE = "Onderzoeksmethode"
TOOLS = "Gebruikte hulpmiddelen:"
BASELINE = "Ondersteunde browsers en hulpmiddelen (basisniveau): {baseline}."
METHOD_COUNTS = ("Van de 50 eisen zijn er {auto} alleen automatisch getoetst, {manual} alleen handmatig, {both} "
                 "automatisch én handmatig en {none} nog niet.")
AUTOMATED_NOTE = "Geautomatiseerde toetsing alleen is nooit genoeg voor de claim dat een website toegankelijk is."
RESULTS_TITLE = "Resultaten per eis"
RESULTS_CAPTION = "Resultaat per succescriterium van WCAG 2.1 (niveau A en AA)"
RESULTS_COLS = ("Eis", "Niveau", "Resultaat", "Getoetst", "Toelichting")
LIMITS_TITLE = "Bekende beperkingen en maatregelen"
LIMITS_NONE = "Er zijn geen bekende beperkingen."
LIMIT_MEASURE = "Maatregel: {measure}"
LIMIT_PLANNED = "Gepland: vóór {date}."
CONTACT_TITLE = "Contact"
CONTACT = ("Loopt u ergens tegenaan of heeft u een vraag of opmerking over de toegankelijkheid? Mail naar {email}. "
           "U krijgt binnen {days} werkdagen antwoord.")
CONTACT_LINK = "Of gebruik het contactformulier"
ENFORCEMENT_TITLE = "Handhavingsprocedure"
ENFORCEMENT = ("Bent u niet tevreden met hoe uw vraag of klacht is behandeld, dan kunt u contact opnemen met de "
               "Nationale ombudsman.")
OMBUDSMAN = "Nationale ombudsman"
OMBUDSMAN_URL = "https://www.nationaleombudsman.nl/klacht-indienen/uw-klacht"
DATES = "Deze verklaring is opgesteld op {statement} en gebaseerd op het onderzoek van {evaluated}."
