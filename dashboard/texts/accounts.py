"""Dutch text of sign-in, changing one's own password, the CSRF refusal and the account administration."""

# sign-in and accounts
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

# account administration for admins (/beheer/gebruikers, dashboard/pages/users.py, user_account.py)
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
