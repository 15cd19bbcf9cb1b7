"""The accessibility evaluation kept in the repository (dashboard/accessibility/evaluation.toml): a WCAG-EM style
sample of pages and a result for each of the 50 WCAG 2.1 A/AA success criteria, with how it was tested. Loaded and
checked here; `/toegankelijkheid` is generated from it, so the statement never claims more than the evaluation
shows (the status follows from the results by the rules of the Dutch model statement, digitoegankelijk.nl)."""

from __future__ import annotations

import tomllib
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

EVALUATION_FILE = Path(__file__).with_name("evaluation.toml")
VALID_YEARS = 3  # an evaluation counts for status A or B for at most three years

# WCAG 2.1 level A and AA: number -> (level, Dutch name as in the official Dutch translation)
CRITERIA: dict[str, tuple[str, str]] = {
    "1.1.1": ("A", "Niet-tekstuele content"),
    "1.2.1": ("A", "Louter-geluid en louter-videobeeld (vooraf opgenomen)"),
    "1.2.2": ("A", "Ondertitels voor doven en slechthorenden (vooraf opgenomen)"),
    "1.2.3": ("A", "Audiodescriptie of media-alternatief (vooraf opgenomen)"),
    "1.2.4": ("AA", "Ondertitels voor doven en slechthorenden (live)"),
    "1.2.5": ("AA", "Audiodescriptie (vooraf opgenomen)"),
    "1.3.1": ("A", "Info en relaties"),
    "1.3.2": ("A", "Betekenisvolle volgorde"),
    "1.3.3": ("A", "Zintuiglijke eigenschappen"),
    "1.3.4": ("AA", "Weergavestand"),
    "1.3.5": ("AA", "Identificeer het doel van de input"),
    "1.4.1": ("A", "Gebruik van kleur"),
    "1.4.2": ("A", "Geluidsbediening"),
    "1.4.3": ("AA", "Contrast (minimum)"),
    "1.4.4": ("AA", "Herschalen van tekst"),
    "1.4.5": ("AA", "Afbeeldingen van tekst"),
    "1.4.10": ("AA", "Reflow"),
    "1.4.11": ("AA", "Contrast van niet-tekstuele content"),
    "1.4.12": ("AA", "Tekstafstand"),
    "1.4.13": ("AA", "Content bij hover of focus"),
    "2.1.1": ("A", "Toetsenbord"),
    "2.1.2": ("A", "Geen toetsenbordval"),
    "2.1.4": ("A", "Enkel teken sneltoetsen"),
    "2.2.1": ("A", "Timing aanpasbaar"),
    "2.2.2": ("A", "Pauzeren, stoppen, verbergen"),
    "2.3.1": ("A", "Drie flitsen of beneden drempelwaarde"),
    "2.4.1": ("A", "Blokken omzeilen"),
    "2.4.2": ("A", "Paginatitel"),
    "2.4.3": ("A", "Focus volgorde"),
    "2.4.4": ("A", "Linkdoel (in context)"),
    "2.4.5": ("AA", "Meerdere manieren"),
    "2.4.6": ("AA", "Koppen en labels"),
    "2.4.7": ("AA", "Focus zichtbaar"),
    "2.5.1": ("A", "Aanwijzergebaren"),
    "2.5.2": ("A", "Aanwijzerannulering"),
    "2.5.3": ("A", "Label in naam"),
    "2.5.4": ("A", "Bewegingsactivering"),
    "3.1.1": ("A", "Taal van de pagina"),
    "3.1.2": ("AA", "Taal van onderdelen"),
    "3.2.1": ("A", "Bij focus"),
    "3.2.2": ("A", "Bij input"),
    "3.2.3": ("AA", "Consistente navigatie"),
    "3.2.4": ("AA", "Consistente identificatie"),
    "3.3.1": ("A", "Foutidentificatie"),
    "3.3.2": ("A", "Labels of instructies"),
    "3.3.3": ("AA", "Foutsuggestie"),
    "3.3.4": ("AA", "Foutpreventie (wettelijk, financieel, gegevens)"),
    "4.1.1": ("A", "Parsen"),
    "4.1.2": ("A", "Naam, rol, waarde"),
    "4.1.3": ("AA", "Statusberichten"),
}


class Result(StrEnum):
    PASSED = "voldoet"
    FAILED = "voldoet niet"
    NOT_APPLICABLE = "niet van toepassing"
    NOT_TESTED = "niet beoordeeld"


class Method(StrEnum):
    AUTOMATED = "automatisch"
    MANUAL = "handmatig"
    BOTH = "automatisch en handmatig"
    NONE = "niet getest"


class Status(StrEnum):
    """Nalevingsstatus of the Dutch model statement."""

    A = "A"  # complete evaluation, all 50 criteria met
    B = "B"  # complete evaluation, not all met, measures described
    C = "C"  # no complete evaluation yet, one planned within six months, first measures taken
    D = "D"  # no complete evaluation and none planned


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SamplePage(_Model):
    path: str = Field(pattern=r"^/")
    name: str
    kind: str = Field(pattern=r"^(structuur|willekeurig)$")  # WCAG-EM structured or random sample
    signed_in: bool = False


class Criterion(_Model):
    result: Result
    method: Method
    evidence: str = ""  # tests or checks that support the result
    note: str = ""
    limitation: str = ""  # for "voldoet niet" and "niet beoordeeld": what does not work (yet)
    measure: str = ""  # what is planned about it
    planned: date | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Criterion:
        if self.result in (Result.PASSED, Result.FAILED) and self.method is Method.NONE:
            raise ValueError(f"een resultaat '{self.result}' vraagt een toetsmethode")
        if self.result is Result.NOT_TESTED and self.method is not Method.NONE:
            raise ValueError("'niet beoordeeld' gaat samen met methode 'niet getest'")
        if self.result in (Result.FAILED, Result.NOT_TESTED) and not (self.limitation and self.measure and
                                                                        self.planned):
            raise ValueError(f"'{self.result}' vraagt een beperking, een maatregel en een geplande datum")
        if self.result is Result.PASSED and not self.evidence:
            raise ValueError("'voldoet' vraagt een onderbouwing (evidence)")
        return self


class Statement(_Model):
    organisation: str
    website: str
    scope: str
    evaluated: date
    statement_date: date
    evaluator: str
    independent: bool  # an evaluation by an independent expert (else the team's own)
    method: str
    tools: list[str]
    baseline: str  # the accessibility support baseline (browsers, assistive technology)
    next_evaluation: date | None = None
    contact_email: str
    contact_url: str = ""
    response_days: int = Field(gt=0)


class Evaluation(_Model):
    statement: Statement
    sample: list[SamplePage] = Field(min_length=1)
    criteria: dict[str, Criterion]

    @model_validator(mode="after")
    def _every_criterion(self) -> Evaluation:
        missing = [sc for sc in CRITERIA if sc not in self.criteria]
        unknown = [sc for sc in self.criteria if sc not in CRITERIA]
        if missing or unknown:
            raise ValueError("de evaluatie moet precies de 50 succescriteria van WCAG 2.1 A/AA beoordelen; "
                             + (f"zonder resultaat: {', '.join(missing)}" if missing else "")
                             + ("; " if missing and unknown else "")
                             + (f"onbekend: {', '.join(unknown)}" if unknown else ""))
        return self

    def ordered(self) -> list[tuple[str, str, str, Criterion]]:
        """(number, level, name, criterion) in WCAG order."""
        return [(sc, level, name, self.criteria[sc]) for sc, (level, name) in CRITERIA.items()]

    def count(self, result: Result) -> int:
        return sum(1 for c in self.criteria.values() if c.result == result)

    def count_method(self, method: Method) -> int:
        return sum(1 for c in self.criteria.values() if c.method == method)

    def complete(self, today: date) -> bool:
        """A complete evaluation in the model's sense: every criterion judged, by a WCAG-EM evaluation that is not
        older than three years and was done by an independent expert (automated checks alone never suffice)."""
        fresh = (today - self.statement.evaluated).days <= VALID_YEARS * 365
        judged = self.count(Result.NOT_TESTED) == 0
        manual = self.count_method(Method.MANUAL) + self.count_method(Method.BOTH) > 0
        return fresh and judged and manual and self.statement.independent

    def status(self, today: date) -> Status:
        """The status this evaluation supports – never better than its results."""
        if self.complete(today):
            met = all(c.result in (Result.PASSED, Result.NOT_APPLICABLE) for c in self.criteria.values())
            return Status.A if met else Status.B
        planned = self.statement.next_evaluation
        if planned is not None and today <= planned and (planned - today).days <= 183:
            return Status.C
        return Status.D

    def limitations(self) -> list[tuple[str, str, Criterion]]:
        """(number, name, criterion) of every criterion that fails or has not been judged yet."""
        return [(sc, name, c) for sc, _, name, c in self.ordered() if c.result in (Result.FAILED, Result.NOT_TESTED)]


def parse(text: str) -> Evaluation:
    """An evaluation from TOML text; pydantic.ValidationError when a criterion lacks a result (or anything else)."""
    return Evaluation.model_validate(tomllib.loads(text))


@lru_cache
def load(path: Path = EVALUATION_FILE) -> Evaluation:
    """The evaluation file, read once."""
    return parse(path.read_text(encoding="utf-8"))
