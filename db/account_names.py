"""Account names and e-mail addresses as stored: NFKC-normalised (full-width letters, ligatures and other look-alike
forms become the one plain form), and refused when they hold invisible or direction-changing characters, with which
one account can be made to look like another."""

from __future__ import annotations

import unicodedata


def normalise_email(email: str) -> str:
    """NFKC, trimmed, lower case: look-alike forms (full-width letters, ligatures) become the one address."""
    return unicodedata.normalize("NFKC", email).strip().lower()


def normalise_name(name: str) -> str:
    """An account's display name in NFKC with inner runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def hidden_characters(text: str) -> list[str]:
    """The invisible and direction-changing characters in `text` (zero-width spaces and joiners, the
    left-to-right/right-to-left marks, embeddings, overrides and isolates, other format and control characters),
    as U+XXXX codes: names and addresses with them look like another account's."""
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) in ("Cf", "Cc", "Co", "Cs", "Zl", "Zp")]


def hidden_problem(text: str, what: str) -> str | None:
    found = hidden_characters(text)
    if not found:
        return None
    return (f"{what} bevat onzichtbare tekens of tekens die de schrijfrichting veranderen ({', '.join(found[:3])}); "
            f"zo kan het op een ander account lijken. Typ het opnieuw zonder die tekens.")
