"""Dutch text of production limits and operations: request limits, the comparison limit, the export queue, quarters
that do not exist."""

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
