"""Demo content: Almelo's programmes Sociaal en Vitaal and Zorg en Veiligheid.

Programmes, lines, projects and partners come from Almelo's letter to its Adviesraad sociaal
domein (11 July 2023) and its annual account 2019. Every figure or story that is not in those
documents or in a CBS file is marked `is_example` and shown on screen as a fictional example.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from db.write.rows import (
    IndicatorRow,
    MeasurementRow,
    ObservationRow,
    ProgrammeIndicatorRow,
    ProgrammeLineRow,
    ProgrammeRow,
    ProjectRow,
    ResultRow,
    StoryRow,
)
from indicators.enums import COUNTRY, Direction, MeasurementStatus, ProjectStatus, ResultKind, StoryKind
from indicators.periods import Period

ALMELO = "GM0141"
ALMERE = "GM0034"
SV = "sociaal-en-vitaal"
ZV = "zorg-en-veiligheid"
ALMERE_SOURCE = "Gemeente Almere, beleidskader sociaal domein 'Anticiperen op wat nodig is' 2019-2022"
EXAMPLE_SOURCE = "Voorbeeldcijfers (fictief)"

# --- Indicators -------------------------------------------------------------------------------
# (indicator, CBS files it is read from) – real CBS series, read by etl.demo from etl/data.
CBS_INDICATORS = [
    IndicatorRow(
        code="jeugdhulp", name="Jongeren met jeugdhulp", unit="%", source="CBS",
        cbs_table_id="85098NED", cbs_measure_key="JongerenMetJeugdhulpInNatura_1",
        desired_direction=Direction.LESS, decimals=1,
        definition="Percentage jongeren tot 18 jaar met jeugdhulp in natura (zonder en met verblijf). "
        "BBV-indicator. Tot en met 2020 uit CBS-tabel 82972NED, vanaf 2021 uit 85098NED.",
    ),
    IndicatorRow(
        code="jeugdbescherming", name="Jongeren met jeugdbescherming", unit="%", source="CBS",
        cbs_table_id="85098NED", cbs_measure_key="JongerenMetJeugdbescherming_3",
        desired_direction=Direction.LESS, decimals=1,
        definition="Percentage jongeren tot 18 jaar met een jeugdbeschermingsmaatregel. BBV-indicator. "
        "Tot en met 2020 uit CBS-tabel 82972NED, vanaf 2021 uit 85098NED.",
    ),
    IndicatorRow(
        code="jeugdreclassering", name="Jongeren met jeugdreclassering", unit="%", source="CBS",
        cbs_table_id="85098NED", cbs_measure_key="JongerenMetJeugdreclassering_5",
        desired_direction=Direction.LESS, decimals=1,
        definition="Percentage jongeren van 12 tot 23 jaar met jeugdreclassering. BBV-indicator. "
        "Tot en met 2020 uit CBS-tabel 82972NED, vanaf 2021 uit 85098NED.",
    ),
    IndicatorRow(
        code="misdrijven", name="Geregistreerde misdrijven", unit="per 1.000 inwoners", source="CBS",
        cbs_table_id="83648NED", cbs_measure_key="GeregistreerdeMisdrijvenPer1000Inw_3",
        desired_direction=Direction.LESS, decimals=1,
        definition="Door de politie geregistreerde misdrijven (alle soorten) per 1.000 inwoners.",
    ),
    IndicatorRow(
        code="betalingsachterstand", name="Inwoners met betalingsachterstand zorgpremie", unit="%",
        source="CBS", cbs_table_id="81064NED", cbs_measure_key="PersMetBetalingsachterstandRelatief_2",
        desired_direction=Direction.LESS, decimals=1,
        definition="Percentage inwoners van 18 jaar of ouder met een betalingsachterstand op de premie "
        "van de zorgverzekering: een signaal van schulden.",
    ),
    IndicatorRow(
        code="wmo-clienten", name="Wmo-cliënten", unit="per 1.000 inwoners", source="CBS",
        cbs_table_id="84752NED", cbs_measure_key="WmoClientenPer1000Inwoners_6",
        desired_direction=Direction.NONE, decimals=0,
        definition="Inwoners met een Wmo-maatwerkvoorziening per 1.000 inwoners, per gemeente en wijk.",
    ),
]

EXAMPLE_INDICATORS = [
    IndicatorRow(
        code="eenzaamheid", name="Inwoners met sterke sociale eenzaamheid", unit="%",
        source="Voorbeeldcijfers (fictief); Almere: beleidskader sociaal domein",
        desired_direction=Direction.LESS, decimals=0,
        definition="Percentage inwoners van 18 jaar of ouder dat hoog scoort op sociale eenzaamheid. "
        "Voor Almelo en Nederland zijn dit fictieve voorbeeldcijfers (geen gemeentecijfers offline "
        "beschikbaar). Almere: 46% volgens het beleidskader 2019-2022 (meetjaar niet vermeld, getoond bij 2018).",
    ),
    IndicatorRow(
        code="kinderarmoede", name="Kinderen die opgroeien in armoede", unit="%",
        source="Voorbeeldcijfers (fictief); Almere: beleidskader sociaal domein",
        desired_direction=Direction.LESS, decimals=0,
        definition="Percentage kinderen tot 18 jaar in een huishouden met een laag inkomen. Almelo en "
        "Nederland: fictieve voorbeeldcijfers. Almere: ongeveer 15% volgens het beleidskader 2019-2022 "
        "(meetjaar niet vermeld, getoond bij 2018).",
    ),
    IndicatorRow(
        code="veiligheidsgevoel-jongeren", name="Jongeren die zich veilig voelen in hun buurt", unit="%",
        source=EXAMPLE_SOURCE, desired_direction=Direction.MORE, decimals=0,
        definition="Percentage jongeren van 12 tot 18 jaar dat zich meestal veilig voelt in de eigen buurt. "
        "Fictieve voorbeeldcijfers.",
    ),
]


def _example_series(code: str, region: str, start: float, slope: float, wobble: float,
                    years: range) -> list[ObservationRow]:
    """A deterministic fictional series: a line with a small wave, rounded to whole percents."""
    return [
        ObservationRow(indicator_code=code, region_code=region, period=Period.year(y),
                       value=round(start + slope * (y - years.start) + wobble * math.sin(y * 1.7), 0),
                       is_example=True, source=EXAMPLE_SOURCE)
        for y in years
    ]


def example_observations() -> list[ObservationRow]:
    years = range(2016, 2026)
    rows = [
        *_example_series("eenzaamheid", ALMELO, 12, 0.3, 0.6, years),
        *_example_series("eenzaamheid", COUNTRY, 11, 0.15, 0.3, years),
        *_example_series("kinderarmoede", ALMELO, 14, -0.2, 0.5, years),
        *_example_series("kinderarmoede", COUNTRY, 9, -0.2, 0.2, years),
        *_example_series("veiligheidsgevoel-jongeren", ALMELO, 78, 0.6, 1.0, years),
        *_example_series("veiligheidsgevoel-jongeren", COUNTRY, 82, 0.2, 0.5, years),
    ]
    # Real figures quoted in Almere's policy framework (a different gemeente, shown for comparison).
    rows += [
        ObservationRow(indicator_code="eenzaamheid", region_code=ALMERE, period=Period.year(2018),
                       value=46, source=ALMERE_SOURCE),
        ObservationRow(indicator_code="kinderarmoede", region_code=ALMERE, period=Period.year(2018),
                       value=15, source=ALMERE_SOURCE),
    ]
    return rows


# --- Programmes --------------------------------------------------------------------------------
PROGRAMMES = [
    ProgrammeRow(
        slug=SV, name="Sociaal en Vitaal", region_code=ALMELO, start_year=2023, end_year=2026,
        baseline_year=2022, owner="Programmamanager Sociaal en Vitaal", is_demo=True,
        vision="Alle kinderen verdienen gelijke kansen. Iedere jongere heeft recht op een goede basis, "
        "zodat iedere jongere gezien wordt, zich gehoord, weerbaar en veerkrachtig voelt en zich optimaal "
        "kan ontwikkelen. We werken preventief en samen met partners, met het positieve-gezondheidsmodel "
        "van Machteld Huber als leidraad.",
        lines=[
            ProgrammeLineRow(name="Samenwerking en doorlopende lijnen", desired_direction=Direction.MORE,
                             goal="Meer partners die samen zorgen dat kinderen en gezinnen tijdig steun krijgen."),
            ProgrammeLineRow(name="Preventie en innovatie", desired_direction=Direction.LESS,
                             goal="Minder inwoners die zware zorg nodig hebben, door eerder en preventiever "
                             "samen te werken."),
            ProgrammeLineRow(name="Leefgebieden: mentale gezondheid en eenzaamheid", desired_direction=Direction.LESS,
                             goal="Minder eenzaamheid en betere mentale gezondheid."),
        ],
        indicators=[
            ProgrammeIndicatorRow(indicator_code="jeugdhulp", line_name="Preventie en innovatie"),
            ProgrammeIndicatorRow(indicator_code="betalingsachterstand", line_name="Preventie en innovatie"),
            ProgrammeIndicatorRow(indicator_code="eenzaamheid", target_value=12, target_year=2026,
                                  line_name="Leefgebieden: mentale gezondheid en eenzaamheid"),
            ProgrammeIndicatorRow(indicator_code="kinderarmoede", target_value=11, target_year=2026,
                                  line_name="Samenwerking en doorlopende lijnen"),
        ],
    ),
    ProgrammeRow(
        slug=ZV, name="Zorg en Veiligheid", region_code=ALMELO, start_year=2023, end_year=2026,
        baseline_year=2022, owner="Programmamanager Zorg en Veiligheid", is_demo=True,
        vision="Zorg en veiligheid werken samen, intern, met partners en in de regio. Met de aanpak "
        "voorkomen escalatie (AVE) is in elke casus duidelijk wie de regie heeft, en we werken aan een "
        "meer veilige omgeving voor jongeren, samen met ouders.",
        lines=[
            ProgrammeLineRow(name="Samenwerking zorg en veiligheid", desired_direction=Direction.BETTER,
                             goal="Betere samenwerking tussen zorg en veiligheid: duidelijke regie in elke casus."),
            ProgrammeLineRow(name="Meer veilige omgeving voor jongeren", desired_direction=Direction.MORE,
                             goal="Meer jongeren die veilig opgroeien en niet afglijden richting criminaliteit."),
        ],
        indicators=[
            ProgrammeIndicatorRow(indicator_code="misdrijven", line_name="Meer veilige omgeving voor jongeren"),
            ProgrammeIndicatorRow(indicator_code="jeugdbescherming", line_name="Samenwerking zorg en veiligheid"),
            ProgrammeIndicatorRow(indicator_code="jeugdreclassering", line_name="Meer veilige omgeving voor jongeren"),
            ProgrammeIndicatorRow(indicator_code="veiligheidsgevoel-jongeren", target_value=85, target_year=2026,
                                  line_name="Meer veilige omgeving voor jongeren"),
        ],
    ),
]

# --- Projects and results --------------------------------------------------------------------
DEMO_QUARTERS = [Period.quarter(2025, q) for q in (1, 2, 3, 4)] + [Period.quarter(2026, q) for q in (1, 2, 3)]


def _status(target: float, realised: float, direction: Direction) -> MeasurementStatus:
    gap = (realised - target) if direction is not Direction.LESS else (target - realised)
    if gap >= 0:
        return MeasurementStatus.ON_TRACK
    return MeasurementStatus.ATTENTION if abs(gap) <= 0.1 * abs(target) else MeasurementStatus.OFF_TRACK


def _example_measurements(targets: list[float], realised: list[float],
                          direction: Direction = Direction.MORE, notes: dict[int, str] | None = None,
                          ) -> list[MeasurementRow]:
    notes = notes or {}
    return [
        MeasurementRow(period=p, target=t, realised=r, status=_status(t, r, direction),
                       explanation=notes.get(i, ""), is_example=True)
        for i, (p, t, r) in enumerate(zip(DEMO_QUARTERS, targets, realised, strict=True))
    ]


def _result(name: str, kind: ResultKind, unit: str, targets: list[float], realised: list[float],
            direction: Direction = Direction.MORE, notes: dict[int, str] | None = None,
            decimals: int = 0) -> ResultRow:
    return ResultRow(name=name, kind=kind, unit=unit, desired_direction=direction, decimals=decimals,
                     measurements=_example_measurements(targets, realised, direction, notes))


PACT_PARTNERS = ResultRow(
    name="Partners in het Pact", kind=ResultKind.HOW_MUCH, unit="partners", desired_direction=Direction.MORE,
    measurements=[
        MeasurementRow(period=Period.quarter(2023, 1), realised=10, status=MeasurementStatus.ON_TRACK,
                       explanation="Stand januari 2023 (brief aan de Adviesraad sociaal domein, 11 juli 2023)."),
        MeasurementRow(period=Period.quarter(2023, 2), realised=19, status=MeasurementStatus.ON_TRACK,
                       explanation="Gegroeid van 10 naar 19 partners (brief aan de Adviesraad, 11 juli 2023)."),
        *_example_measurements([20, 20, 21, 21, 22, 22, 23], [19, 20, 21, 21, 21, 22, 22],
                               notes={4: "Twee nieuwe partners in gesprek; aansluiting verwacht in het 2e kwartaal."}),
    ],
)

PROJECTS = [
    ProjectRow(
        programme_slug=SV, line_name="Samenwerking en doorlopende lijnen", name="Pact Scheiden Zonder Schade",
        description="Partners in de keten zorgen samen dat minder kinderen last hebben van een scheiding. "
        "Sinds januari 2023 gegroeid van 10 naar 19 partners; de eerste nieuwe projecten draaien.",
        start_date=date(2023, 1, 1), status=ProjectStatus.RUNNING,
        results=[
            PACT_PARTNERS,
            _result("Kinderen bereikt met projecten van het Pact", ResultKind.BETTER_OFF, "kinderen",
                    [40, 60, 80, 100, 120, 140, 160], [35, 58, 84, 101, 109, 121, 150],
                    notes={4: "Minder aanmeldingen in de winter; extra voorlichting via scholen gestart."}),
        ],
    ),
    ProjectRow(
        programme_slug=SV, line_name="Samenwerking en doorlopende lijnen",
        name="Samenwerking jeugd (gestart 5 juni 2023)",
        description="Voortgezet onderwijs, Avedan, het sportbedrijf, Kaliber Kunstenschool, de bibliotheek en "
        "GGD Twente werken samen vanuit één visie op kansrijk opgroeien.",
        partners=["Voortgezet onderwijs Almelo", "Avedan", "Sportbedrijf Almelo", "Kaliber Kunstenschool",
                  "Bibliotheek Almelo", "GGD Twente"],
        start_date=date(2023, 6, 5), status=ProjectStatus.RUNNING,
        results=[
            _result("Operationele doelen uitgewerkt in acties", ResultKind.HOW_MUCH, "acties",
                    [2, 4, 6, 8, 10, 12, 14], [2, 4, 5, 8, 10, 10, 12]),
        ],
    ),
    ProjectRow(
        programme_slug=SV, line_name="Preventie en innovatie", name="GEM – ecosysteem mentale gezondheid",
        description="Met een kerncoalitie onderzoeken we of een systeemwijziging in de GGZ mogelijk is, "
        "volgens het GEM van hoogleraar psychiatrie Jim van Os.",
        partners=["Dimence", "Menzis", "Mens door mens", "Tactus", "FEA"],
        start_date=date(2023, 3, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Inwoners met laagdrempelige steun binnen 2 weken", ResultKind.HOW_WELL, "%",
                    [60, 62, 64, 66, 68, 70, 72], [55, 58, 63, 61, 60, 62, 64],
                    notes={6: "Wachttijd opgelopen door personeelstekort bij een partner."}),
        ],
    ),
    ProjectRow(
        programme_slug=SV, line_name="Preventie en innovatie", name="Leeflab",
        description="In één wijk vliegen we zorg anders aan vanuit een atlas van life events: voorkomen dat "
        "een scheiding of overlijden de eerste dominosteen is van een hele reeks.",
        partners=["Stichting Erwelzijn", "Saxion", "Provincie Overijssel"],
        start_date=date(2024, 1, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Huishoudens na een life event preventief ondersteund", ResultKind.HOW_MUCH, "huishoudens",
                    [10, 20, 30, 40, 50, 60, 70], [8, 19, 33, 41, 52, 63, 74]),
            _result("Deelnemers die zich na 6 maanden beter redden", ResultKind.BETTER_OFF, "%",
                    [50, 50, 55, 55, 60, 60, 65], [44, 48, 57, 58, 61, 63, 66]),
        ],
    ),
    ProjectRow(
        programme_slug=SV, line_name="Leefgebieden: mentale gezondheid en eenzaamheid",
        name="Coalitie KomErbij tegen eenzaamheid",
        description="Nieuw plan van aanpak tegen eenzaamheid met de coalitie KomErbij, met extra middelen "
        "voor inzet van de partners.",
        partners=["Coalitie KomErbij"], start_date=date(2023, 4, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Deelnemers aan ontmoetingsactiviteiten", ResultKind.HOW_MUCH, "deelnemers",
                    [150, 200, 250, 300, 350, 400, 450], [162, 214, 231, 318, 344, 352, 371],
                    notes={6: "Twee huiskamers tijdelijk dicht door verbouwing buurthuis."}),
            _result("Deelnemers die zich minder eenzaam voelen", ResultKind.BETTER_OFF, "%",
                    [40, 40, 45, 45, 50, 50, 55], [38, 41, 44, 47, 49, 52, 53]),
        ],
    ),
    ProjectRow(
        programme_slug=ZV, line_name="Samenwerking zorg en veiligheid", name="AVE – aanpak voorkomen escalatie",
        description="Duidelijke kaders, taken en verantwoordelijkheden als zorg, veiligheid en armoede samen "
        "spelen; bij op- en afschaling is helder wie de regie voert.",
        start_date=date(2023, 1, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Casussen met een regievoerder binnen 5 werkdagen", ResultKind.HOW_WELL, "%",
                    [80, 80, 85, 85, 90, 90, 90], [76, 83, 86, 88, 84, 91, 79],
                    notes={6: "Drie complexe casussen tegelijk; regie pas na afstemming met de politie belegd."}),
            _result("Casussen waarin escalatie is voorkomen", ResultKind.BETTER_OFF, "%",
                    [60, 60, 65, 65, 70, 70, 70], [58, 63, 66, 68, 71, 72, 73]),
        ],
    ),
    ProjectRow(
        programme_slug=ZV, line_name="Meer veilige omgeving voor jongeren", name="Fenomenenonderzoek jongeren",
        description="Inzicht in aard en omvang van de problematiek rond jongeren die dreigen af te glijden "
        "richting criminaliteit; de aanbevelingen worden concrete acties.",
        start_date=date(2023, 9, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Aanbevelingen omgezet in concrete acties", ResultKind.HOW_MUCH, "acties",
                    [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 3, 3, 4, 4],
                    notes={5: "Twee acties wachten op afspraken met het onderwijs."}),
        ],
    ),
    ProjectRow(
        programme_slug=ZV, line_name="Meer veilige omgeving voor jongeren", name="Campagne YouChoose",
        description="Ouders worden betrokken bij bewustwording, bijvoorbeeld rond wapenbezit.",
        start_date=date(2023, 3, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Ouders bereikt met bijeenkomsten over wapenbezit", ResultKind.HOW_MUCH, "ouders",
                    [50, 100, 150, 200, 250, 300, 350], [61, 118, 149, 212, 266, 301, 356]),
        ],
    ),
    ProjectRow(
        programme_slug=ZV, line_name="Meer veilige omgeving voor jongeren", name="Voorlichting met Halt op scholen",
        description="Halt geeft voorlichting op school en betrekt ouders daarbij.",
        partners=["Halt"], start_date=date(2023, 1, 1), status=ProjectStatus.RUNNING,
        results=[
            _result("Klassen met voorlichting", ResultKind.HOW_MUCH, "klassen",
                    [10, 20, 30, 40, 50, 60, 70], [12, 22, 27, 41, 49, 63, 72]),
            _result("Leerlingen die na voorlichting weten waar ze hulp vinden", ResultKind.BETTER_OFF, "%",
                    [70, 70, 75, 75, 80, 80, 80], [72, 74, 73, 77, 79, 82, 84]),
        ],
    ),
]

# --- Stories (all fictional examples built on the real projects) ------------------------------
_TRANSCRIPT_PACT = (
    "Coördinator: 'In januari zaten we met tien partners aan tafel, nu met negentien.' "
    "Mediator: 'We zien elkaar eerder, dus we kunnen ouders eerder helpen.' "
    "Ouder: 'Voor het eerst voelde ik dat iedereen naar mijn kind keek, niet naar onze ruzie.'"
)

STORIES = [
    StoryRow(programme_slug=SV, project_name="Pact Scheiden Zonder Schade", result_name="Partners in het Pact",
             kind=StoryKind.FILM, title="Negentien partners, één doel: kinderen minder last van een scheiding",
             summary="Een korte film over hoe het Pact groeide van 10 naar 19 partners en wat dat een gezin oplevert.",
             body="De film volgt een mediator, een jeugdprofessional en een ouder door één traject.",
             transcript=_TRANSCRIPT_PACT, story_date=date(2026, 9, 18), consent=True, is_example=True),
    StoryRow(programme_slug=SV, project_name="Coalitie KomErbij tegen eenzaamheid",
             result_name="Deelnemers die zich minder eenzaam voelen", indicator_code="eenzaamheid",
             kind=StoryKind.INTERVIEW, title="‘Ik durfde weer naar de inloop’",
             summary="Een deelnemer vertelt hoe een maatje van KomErbij haar weer onder de mensen bracht.",
             body="Na het overlijden van haar man kwam mevrouw J. (78) bijna de deur niet meer uit. "
             "Een vrijwilliger belde aan; nu schenkt ze zelf koffie in de huiskamer van de wijk.",
             transcript="Interviewer: 'Wat veranderde er?' Mevrouw J.: 'Iemand die gewoon bleef komen. "
             "Nu kom ik zelf.'", story_date=date(2026, 8, 27), consent=True, is_example=True),
    StoryRow(programme_slug=SV, project_name="Leeflab", kind=StoryKind.QUOTE,
             title="Leeflab: ‘Eerder aan tafel, minder dominostenen’",
             summary="Een wijkcoach over werken vanuit life events.",
             body="‘Vroeger kwamen we pas als de derde dominosteen al omviel. Nu zitten we na een scheiding "
             "of overlijden meteen aan tafel, samen met de huisarts en de school.’",
             story_date=date(2026, 7, 10), consent=True, is_example=True),
    StoryRow(programme_slug=SV, project_name="Samenwerking jeugd (gestart 5 juni 2023)", kind=StoryKind.PHOTO_STORY,
             title="Jongeren aan het woord over hun toekomst",
             summary="Tien jongeren fotografeerden de plek waar zij zich gezien en gehoord voelen.",
             body="Van het sportveld tot de bibliotheek: de foto's laten zien waar de samenwerking jongeren bereikt.",
             story_date=date(2026, 6, 5), consent=True, is_example=True),
    StoryRow(programme_slug=ZV, project_name="AVE – aanpak voorkomen escalatie",
             result_name="Casussen met een regievoerder binnen 5 werkdagen", kind=StoryKind.INTERVIEW,
             title="Wie heeft de regie? Een casus uit de AVE",
             summary="Een regievoerder en een wijkagent vertellen hoe de AVE een escalatie voorkwam.",
             body="Bij een gezin met schulden, zorgen en overlast in de straat was binnen drie dagen duidelijk wie "
             "de regie had. Daardoor bleef een huisuitzetting uit.",
             transcript="Wijkagent: 'Vroeger belden vijf mensen elkaar. Nu weet ik wie ik moet hebben.'",
             story_date=date(2026, 9, 2), consent=True, is_example=True),
    StoryRow(programme_slug=ZV, project_name="Campagne YouChoose", kind=StoryKind.FILM,
             title="YouChoose: ouders in gesprek over wapenbezit",
             summary="Ouders en jongeren praten over messen op straat, en over wat je als ouder kunt doen.",
             transcript="Moeder: 'Ik wist niet dat het zo dichtbij kwam. Nu vraag ik ernaar.'",
             story_date=date(2026, 5, 20), consent=True, is_example=True),
    StoryRow(programme_slug=ZV, project_name="Voorlichting met Halt op scholen",
             result_name="Leerlingen die na voorlichting weten waar ze hulp vinden", indicator_code="jeugdreclassering",
             kind=StoryKind.QUOTE, title="Halt-voorlichting: ‘Nu weet ik bij wie ik terechtkan’",
             summary="Een leerling van de tweede klas na de Halt-voorlichting.",
             body="‘Ik dacht dat je alleen met Halt te maken krijgt als je iets fout doet. Nu weet ik dat ik "
             "ook gewoon iets kan vragen.’", story_date=date(2026, 10, 8), consent=True, is_example=True),
]

# --- Notes on trend points ("why up, why down?"): fictional examples on real CBS figures ------------------


@dataclass(frozen=True)
class DemoNote:
    indicator_code: str
    region_code: str
    period: Period
    text: str
    note_date: date
    author: str = "Voorbeeld (fictief)"


NOTES = [
    DemoNote("jeugdhulp", ALMELO, Period.year(2020),
             "Stijging in het coronajaar: scholen en sport waren maanden dicht, signalen kwamen later binnen "
             "en hulp begon daardoor vaker pas toen problemen groter waren.", date(2021, 11, 15)),
    DemoNote("jeugdhulp", ALMELO, Period.year(2021),
             "Vanaf 2021 komt het cijfer uit een andere CBS-tabel (85098NED, daarvoor 82972NED); een deel "
             "van het verschil met 2020 kan in die overgang zitten.", date(2022, 10, 3)),
    DemoNote("jeugdhulp", ALMELO, Period.half_year(2023, 2),
             "De samenwerking jeugd startte op 5 juni 2023; een daling door eerdere, lichtere steun is in dit "
             "halfjaar nog niet te verwachten.", date(2024, 4, 22)),
]
