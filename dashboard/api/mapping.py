"""From the read side's view objects (the same the pages render) to the API's models: nothing is computed here that
the pages compute differently – verdicts, counts and statuses come from the view objects and the shared helpers."""

from __future__ import annotations

from dashboard.api import models as m
from dashboard.api import quarter_models as qm
from dashboard.api.http import api_url, url
from indicators.enums import MeasurementStatus
from indicators.open_data import CatalogueIndicator, ObservationRow, PublishedQuarter, RegionRow, StoryRow
from indicators.periods import parse_quarter
from indicators.quarter import MeasurementItem, ProgrammeReport, QuarterReport
from indicators.stories import StoryDetail
from indicators.trends import Verdict, count_verdicts
from indicators.views import ProgrammeCard, ProgrammeView, ResultView, TrendView, result_status_counts


def programme_row(card: ProgrammeCard) -> m.Programma:
    v, s = card.verdicts, card.result_statuses
    return m.Programma(
        slug=card.slug, naam=card.name, visie=card.vision, regio_code=card.region_code, regio_naam=card.region_name,
        startjaar=card.start_year, eindjaar=card.end_year, voorbeeld=card.is_demo, aantal_trends=card.trend_count,
        trends_gewenst=v.get(Verdict.DESIRED, 0), trends_niet_gewenst=v.get(Verdict.UNDESIRED, 0),
        trends_geen_verandering=v.get(Verdict.NO_CHANGE, 0), trends_onvoldoende_gegevens=v.get(Verdict.UNKNOWN, 0),
        aantal_resultaten=card.result_count, resultaten_op_koers=s.get(MeasurementStatus.ON_TRACK, 0),
        resultaten_aandacht=s.get(MeasurementStatus.ATTENTION, 0),
        resultaten_niet_op_koers=s.get(MeasurementStatus.OFF_TRACK, 0),
        resultaten_onbekend=s.get(MeasurementStatus.UNKNOWN, 0), aantal_verhalen=card.story_count,
        url=api_url(f"/programmas/{card.slug}"), webpagina=url(f"/programma/{card.slug}"))


def trend(t: TrendView) -> m.Trend:
    s = t.summary
    return m.Trend(
        indicator_code=t.indicator.code, indicator_naam=t.indicator.name, eenheid=t.indicator.unit,
        programmalijn=t.line_name, gewenste_richting=t.indicator.desired_direction, oordeel=s.verdict,
        zin=s.sentence, laatste_periode=s.latest.period.code if s.latest else None,
        laatste_waarde=s.latest.value if s.latest else None,
        basisperiode=s.baseline.period.code if s.baseline else None,
        basiswaarde=s.baseline.value if s.baseline else None, streefwaarde=t.target_value, streefjaar=t.target_year,
        url=api_url(f"/indicatoren/{t.indicator.code}"))


def programme_detail(view: ProgrammeView) -> m.ProgrammaDetail:
    verdicts = count_verdicts([t.summary for t in view.trends])
    statuses = result_status_counts(view.results)
    base = f"/programmas/{view.slug}"
    return m.ProgrammaDetail(
        slug=view.slug, naam=view.name, visie=view.vision, eigenaar=view.owner, regio_code=view.region_code,
        regio_naam=view.region_name, startjaar=view.start_year, eindjaar=view.end_year,
        basisjaar=view.baseline_year, voorbeeld=view.is_demo,
        programmalijnen=[m.Programmalijn(naam=name, doel=goal, gewenste_richting=direction)
                         for name, goal, direction in view.lines],
        trends=m.TrendDeel(aantal=len(view.trends), gewenst=verdicts[Verdict.DESIRED],
                           niet_gewenst=verdicts[Verdict.UNDESIRED], geen_verandering=verdicts[Verdict.NO_CHANGE],
                           onvoldoende_gegevens=verdicts[Verdict.UNKNOWN], trends=[trend(t) for t in view.trends]),
        resultaten=m.ResultaatDeel(aantal=len(view.results), op_koers=statuses.get(MeasurementStatus.ON_TRACK, 0),
                                   aandacht=statuses.get(MeasurementStatus.ATTENTION, 0),
                                   niet_op_koers=statuses.get(MeasurementStatus.OFF_TRACK, 0),
                                   onbekend=statuses.get(MeasurementStatus.UNKNOWN, 0),
                                   url=api_url(f"{base}/resultaten")),
        verhalen=m.VerhaalDeel(aantal=len(view.stories), url=api_url("/verhalen", programma=view.slug)),
        links=m.ProgrammaLinks(self=api_url(base), resultaten=api_url(f"{base}/resultaten"),
                               verhalen=api_url("/verhalen", programma=view.slug),
                               webpagina=url(f"/programma/{view.slug}")))


def result_rows(results: list[ResultView], quarter: str | None) -> list[m.Resultaat]:
    """One row per published measurement of every result, in the order of the programme page's table."""
    return [m.Resultaat(
        resultaat_id=r.id, resultaat=r.name, soort=r.kind, eenheid=r.unit, gewenste_richting=r.desired_direction,
        programmalijn=r.line_name, project=r.project_name, periode=ms.period.code, doel=ms.target,
        gerealiseerd=ms.realised, status=ms.status, toelichting=ms.explanation, voorbeeld=ms.is_example,
        toelichtingen=[m.MetingToelichting(datum=n.note_date, auteur=n.author, tekst=n.text) for n in ms.notes])
        for r in results for ms in r.measurements if quarter is None or ms.period.code == quarter]


def indicator_row(item: CatalogueIndicator) -> m.Indicator:
    i = item.info
    return m.Indicator(code=i.code, naam=i.name, eenheid=i.unit, decimalen=i.decimals,
                       gewenste_richting=i.desired_direction, bron=i.source, cbs_tabel=i.cbs_table_id,
                       definitie=i.definition, te_beoordelen=item.needs_review, url=api_url(f"/indicatoren/{i.code}"),
                       waarnemingen=api_url(f"/indicatoren/{i.code}/waarnemingen"))


def indicator_in_programme(slug: str, name: str, region: tuple[str, str], baseline_year: int,
                           t: TrendView) -> m.IndicatorInProgramma:
    s = t.summary
    return m.IndicatorInProgramma(
        programma=slug, programma_naam=name, regio_code=region[0], regio_naam=region[1], basisjaar=baseline_year,
        basiswaarde=s.baseline.value if s.baseline else None, streefwaarde=t.target_value, streefjaar=t.target_year,
        oordeel=s.verdict, laatste_periode=s.latest.period.code if s.latest else None,
        laatste_waarde=s.latest.value if s.latest else None, url=api_url(f"/programmas/{slug}"))


def observation_row(o: ObservationRow) -> m.Waarneming:
    return m.Waarneming(regio_code=o.region_code, regio_naam=o.region_name, periode=o.period.code,
                        periodesoort=o.period.kind, waarde=o.value, status=o.status, voorbeeld=o.is_example,
                        bron=o.source, cbs_tabel=o.table_id, geladen_op=o.loaded_at)


def region_row(r: RegionRow) -> m.Regio:
    return m.Regio(code=r.code, naam=r.name, soort=r.kind, bovenliggende_code=r.parent_code, inwoners=r.population)


def story_row(row: StoryRow) -> m.Verhaal:
    s = row.story
    return m.Verhaal(id=s.id, soort=s.kind, titel=s.title, samenvatting=s.summary, datum=s.story_date,
                     voorbeeld=s.is_example, programma=row.programme_slug, project=s.project_name,
                     resultaat_id=row.result_id, resultaat=s.result_name, indicator_code=s.indicator_code,
                     indicator=s.indicator_name, url=api_url(f"/verhalen/{s.id}"), webpagina=url(f"/verhaal/{s.id}"))


def story_detail(s: StoryDetail) -> m.VerhaalDetail:
    media = None
    if s.media is not None:
        def absolute(src: str) -> str:
            return url(src) if src.startswith("/") else src

        media = m.Media(soort=s.media.kind, url=absolute(s.media.src),
                        ondertiteling=absolute(s.media.captions) if s.media.captions else None)
    return m.VerhaalDetail(
        id=s.id, soort=s.kind, titel=s.title, samenvatting=s.summary, tekst=s.body, transcriptie=s.transcript,
        datum=s.story_date, voorbeeld=s.is_example, media=media, programma=s.programme_slug,
        programma_naam=s.programme_name, project=s.project_name, resultaat_id=s.result_id, resultaat=s.result_name,
        indicator_code=s.indicator_code, indicator=s.indicator_name,
        links=m.VerhaalLinks(
            self=api_url(f"/verhalen/{s.id}"), programma=api_url(f"/programmas/{s.programme_slug}"),
            resultaten=api_url(f"/programmas/{s.programme_slug}/resultaten") if s.result_id else None,
            indicator=api_url(f"/indicatoren/{s.indicator_code}") if s.indicator_code else None,
            webpagina=url(f"/verhaal/{s.id}")))


def _quarter_links(code: str) -> dict[str, str]:
    return {"pdf": url(f"/kwartaal/{code}.pdf"), "xlsx": url(f"/kwartaal/{code}.xlsx"),
            "webpagina": url(f"/kwartaal/{code}")}


def quarter_row(q: PublishedQuarter) -> qm.Kwartaal:
    return qm.Kwartaal(kwartaal=q.quarter, naam=parse_quarter(q.quarter).label, gepubliceerd_op=q.published_at,
                      url=api_url(f"/kwartalen/{q.quarter}"), **_quarter_links(q.quarter))


def _measurement(item: MeasurementItem) -> qm.KwartaalMeting:
    return qm.KwartaalMeting(periode=item.period, doel=item.target, gerealiseerd=item.realised, status=item.status,
                            toelichting=item.explanation, voorbeeld=item.is_example)


def _quarter_programme(p: ProgrammeReport) -> qm.KwartaalProgramma:
    return qm.KwartaalProgramma(
        slug=p.slug, naam=p.name, regio_naam=p.region_name, basisjaar=p.baseline_year,
        veranderingen=[qm.KwartaalVerandering(soort=c.kind.value, onderwerp=c.subject, verwijzing=c.ref,
                                             periode=c.period, voor=c.before, na=c.after, doel=c.target)
                       for c in p.changes],
        trends=[qm.KwartaalTrend(
            indicator_code=t.code, indicator_naam=t.name, eenheid=t.unit, gewenste_richting=t.direction,
            oordeel=t.verdict, zin=t.sentence, laatste_periode=t.latest_period, laatste_waarde=t.latest_value,
            vorige_waarde=t.previous_value, basiswaarde=t.baseline_value, streefwaarde=t.target_value,
            streefjaar=t.target_year, punten=[qm.KwartaalPunt(periode=pt.period, waarde=pt.value, status=pt.status,
                                                              voorbeeld=pt.is_example) for pt in t.points])
            for t in p.trends],
        resultaten=[qm.KwartaalResultaat(
            resultaat_id=r.id, resultaat=r.name, soort=r.kind, eenheid=r.unit, programmalijn=r.line_name,
            project=r.project_name, meting=_measurement(r.current) if r.current else None,
            eerdere_metingen=[_measurement(h) for h in r.history if not r.current or h.period != r.current.period])
            for r in p.results],
        verhalen=[qm.KwartaalVerhaal(id=s.id, soort=s.kind, titel=s.title, samenvatting=s.summary, datum=s.story_date)
                  for s in p.stories],
        besluiten_en_actiepunten=[qm.KwartaalNotitie(
            soort=n.kind, tekst=n.text, eigenaar=n.owner, gereed_datum=n.due_date, afgerond_op=n.done_on,
            vastgelegd_in=n.recorded_in, meegenomen=n.carried) for n in p.notes])


def quarter_report(report: QuarterReport) -> qm.KwartaalRapport:
    return qm.KwartaalRapport(
        kwartaal=report.quarter, naam=report.period.label, vorig_kwartaal=report.previous,
        vergeleken_met_gepubliceerd=report.previous_published, gepubliceerd_op=report.published_at,
        programmas=[_quarter_programme(p) for p in report.programmes], **_quarter_links(report.quarter))
