"""The result fields of each result report (RAA01-RAA13): what the UI renders and what the rules check.

Each field names its result type (RDA../RDB..), a Danish label, the kind of value, when it is mandatory,
and the official LPR3 rule numbers for "value is wrong" and "value is missing". Mandatory "always" means
LPR3 wants exactly one such result on every report, complete or not; "complete" means once the report is
marked complete; "conditional" fields depend on other values or code lists (checked in `r_results`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from seilocal.model.form import ResultReport
from seilocal.rules.timeparse import is_blank, parse_time

ValueKind = Literal["code", "integer", "decimal", "text", "time"]
Required = Literal["always", "complete", "conditional", "optional"]


@dataclass(frozen=True, slots=True)
class ResultField:
    """One result type of a report."""

    code: str
    label: str
    kind: ValueKind
    required: Required = "complete"
    code_list: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    above: Decimal | None = None  # strictly greater than, for "større end 29"
    value_rule: str | None = None
    presence_rule: str | None = None


REPORT_TITLES: dict[str, str] = {
    "RAA01": "Canceranmeldelse",
    "RAA02": "Fødselsanmeldelse, mor",
    "RAA03": "Fødselsanmeldelse, barn",
    "RAA04": "Abortoplysninger",
    "RAA05": "Skadeindberetning",
    "RAA06": "Neonatal hørescreening",
    "RAA07": "Personligt alarm- og pejlesystem",
    "RAA08": "Implantatoplysninger",
    "RAA09": "Komplikationsoplysninger",
    "RAA10": "Tvangsforanstaltning",
    # Added to SKS after the 2018 rule list; titles are SKS 2026-06's texts of the codes.
    "RAA11": "Udlevering af høreapparat",
    "RAA12": "Alkoholbehandling (NAB)",
    "RAA13": "Stofmisbrugsbehandling (SIB)",
}

# Reports whose official rules (triggers, mandatory results) are not public here: made only by hand from a
# contact or a procedure, every result optional, and no official rule number anywhere (our own SEI- ids only).
MANUAL_ONLY: frozenset[str] = frozenset({"RAA11", "RAA12", "RAA13"})
MANUAL_ONLY_NOTE = (
    "De officielle regler for udløsning og obligatoriske resultater er ikke offentlige her og kontrolleres ikke."
)
# Our own rule for every coded value of those reports: the value lies in its field's list.
MANUAL_VALUE_RULE = "SEI-RI04"

# The official rule that forbids result types outside the report's own set.
ALLOWED_TYPES_RULE: dict[str, str] = {
    "RAA01": "RAA01.5",
    "RAA02": "RAA02.2",
    "RAA03": "RAA03.2",
    "RAA04": "RAA04.3",
    "RAA05": "RAA05.2",
    "RAA06": "RAA06.2",
    "RAA07": "RAA07.2",
    "RAA08": "RAA08.2",
    "RAA09": "RAA09.2",
    "RAA10": "RAA10.2",
    "RAA11": "SEI-RI05",
    "RAA12": "SEI-RI05",
    "RAA13": "SEI-RI05",
}


def _d(text: str) -> Decimal:
    return Decimal(text)


def _code(
    r: str, rda: str, label: str, lst: str, req: Required, value: str | None = "-1", presence: str | None = ""
) -> ResultField:
    # Most official rule ids follow "<report>.<type>-1" for the value and "<report>.<type>" for presence.
    return ResultField(
        rda,
        label,
        "code",
        req,
        lst,
        value_rule=f"{r}.{rda}{value}" if value is not None else None,
        presence_rule=f"{r}.{rda}{presence}" if presence is not None else None,
    )


def _num(
    r: str,
    rda: str,
    label: str,
    kind: ValueKind,
    req: Required,
    lo: str | None,
    hi: str | None,
    value: str = "-1",
    presence: str | None = "",
    above: str | None = None,
) -> ResultField:
    return ResultField(
        rda,
        label,
        kind,
        req,
        None,
        _d(lo) if lo else None,
        _d(hi) if hi else None,
        _d(above) if above else None,
        value_rule=f"{r}.{rda}{value}",
        presence_rule=f"{r}.{rda}{presence}" if presence is not None else None,
    )


def _gestation(r: str) -> ResultField:
    return _code(r, "RDA20", "Gestationsalder", "res.gestald", "complete")


RESULT_FIELDS: dict[str, tuple[ResultField, ...]] = {
    "RAA01": (
        _code("RAA01", "RDA01", "Anmeldelsesstatus", "res.statuscar", "always"),
        _code("RAA01", "RDA02", "Makroskopisk diagnosegrundlag", "res.makrogr", "conditional"),
        _code("RAA01", "RDA03", "Mikroskopisk diagnosegrundlag", "res.mikrogr", "conditional"),
        _code("RAA01", "RDA04", "T-stadie", "res.tcstad", "conditional"),
        _code("RAA01", "RDA05", "N-stadie", "res.ncstad", "conditional"),
        _code("RAA01", "RDA06", "M-stadie", "res.mcstad", "conditional"),
        _code("RAA01", "RDA07", "Lymfomlokalisation", "res.loklymf", "conditional"),
        _code("RAA01", "RDA08", "Ann Arbor-stadie", "res.aastad", "conditional"),
    ),
    "RAA02": (
        _gestation("RAA02"),
        _num("RAA02", "RDA22", "Paritet", "integer", "complete", "1", None),
        _num("RAA02", "RDA23", "Antal levendefødte", "integer", "complete", "0", None),
        _num("RAA02", "RDA24", "Antal dødfødte", "integer", "complete", "0", None),
        _code("RAA02", "RDA25", "Tobaksforbrug under graviditet", "res.tobakgrav", "complete"),
        _num("RAA02", "RDA26", "Højde før graviditet (cm)", "decimal", "complete", "50", "219"),
        _num("RAA02", "RDA27", "Vægt før graviditet (kg)", "decimal", "complete", None, None, above="29"),
    ),
    "RAA03": (
        _gestation("RAA03"),
        ResultField(
            "RDA31",
            "Fødselstidspunkt",
            "time",
            "always",
            value_rule="RAA03.RDA31-1",
            presence_rule="RAA03.RDA31",
        ),
        _num("RAA03", "RDA32", "Kuld", "integer", "complete", "1", None),
        _code("RAA03", "RDA33", "Flernummer", "res.flernr", "conditional"),
        _code("RAA03", "RDA34", "Fosterpræsentation", "res.praesent", "complete"),
        _num("RAA03", "RDA35", "Apgar-5", "integer", "complete", "0", "10"),
        _num("RAA03", "RDA36", "Hovedomfang (cm)", "integer", "complete", "10", "99"),
        _num("RAA03", "RDA37", "Abdominalomfang (cm)", "integer", "complete", "10", "99"),
        _num("RAA03", "RDA38", "Placentavægt (g)", "integer", "complete", "100", "3999"),
        _num("RAA03", "RDA39", "Fødselsvægt (g)", "integer", "complete", "100", "9999"),
        _num("RAA03", "RDA40", "Fødselslængde (cm)", "integer", "complete", "11", "99"),
        _code("RAA03", "RDA41", "Fødested", "res.foedested", "complete"),
        _code("RAA03", "RDA42", "Overførsel", "res.overfoert", "optional", value="", presence=None),
        _num(
            "RAA03",
            "RDA46",
            "pH, navlesnorsarterie",
            "decimal",
            "optional",
            "5.01",
            "8.99",
            value="",
            presence=None,
        ),
        _num(
            "RAA03",
            "RDA47",
            "pH, navlesnorsvene",
            "decimal",
            "optional",
            "5.01",
            "8.99",
            value="",
            presence=None,
        ),
        _num(
            "RAA03",
            "RDA48",
            "Base excess, navlesnorsarterie",
            "decimal",
            "optional",
            "-19.9",
            "9.9",
            value="",
            presence=None,
        ),
        _num(
            "RAA03",
            "RDA49",
            "Base excess, navlesnorsvene",
            "decimal",
            "optional",
            "-19.9",
            "9.9",
            value="",
            presence=None,
        ),
    ),
    "RAA04": (
        _gestation("RAA04"),
        _code("RAA04", "RDA51", "Samrådstilladelse", "res.samraad", "conditional"),
        _code("RAA04", "RDA52", "Misdannelsesoplysning", "res.misdann", "conditional", value="-2"),
        _code("RAA04", "RDA53", "Misdannelsesdiagnose", "diag.misdann", "conditional"),
    ),
    "RAA05": (
        ResultField(
            "RDA60",
            "Skadetidspunkt",
            "time",
            "always",
            value_rule="RAA05.RDA60-1",
            presence_rule="RAA05.RDA60",
        ),
        _code("RAA05", "RDA61", "Skademekanisme", "res.skademek", "complete"),
        _code("RAA05", "RDA62", "Skadested", "res.skadested", "complete"),
        _code("RAA05", "RDA63", "Aktivitet", "res.skadeakt", "conditional"),
        _code("RAA05", "RDA64", "Transportform, tilskadekomne", "res.tfskadede", "conditional"),
        _code("RAA05", "RDA65", "Transportform, modpart", "res.tfmodpart", "conditional"),
        _code("RAA05", "RDA66", "Trafikantrolle", "res.trafikrolle", "optional", value="", presence=None),
        _code("RAA05", "RDA67", "Uheldssituation", "res.uheldssituation", "optional", value="", presence=None),
        _code("RAA05", "RDA68", "Branche", "res.branche", "optional", value="", presence=None),
        _code("RAA05", "RDA69", "Modpart ved vold", "res.modpvold", "optional", value="", presence=None),
        _code("RAA05", "RDA70", "Sportsaktivitet", "res.sport", "optional", value="", presence=None),
        _code(
            "RAA05", "RDA71", "Anvendt sikkerhedsudstyr", "res.sikkuds", "optional", value="", presence=None
        ),
        _num(
            "RAA05",
            "RDA72",
            "X-koordinat (UTM)",
            "decimal",
            "optional",
            "400000",
            "1000000",
            value="",
            presence=None,
        ),
        _num(
            "RAA05",
            "RDA73",
            "Y-koordinat (UTM)",
            "decimal",
            "optional",
            "6000000",
            "6500000",
            value="",
            presence=None,
        ),
        _code("RAA05", "RDA74", "X,Y-præcision", "res.stedpraec", "optional", value="", presence=None),
        _num("RAA05", "RDA75", "UTM-zone", "integer", "optional", "32", "33", value="", presence=None),
        _code("RAA05", "RDA76", "Produkt", "res.skadeprod", "optional", value="", presence=None),
    ),
    "RAA06": (_code("RAA06", "RDA80", "Resultat af hørescreening", "res.hoerescreen", "always"),),
    "RAA07": (
        _code("RAA07", "RDA91", "Begrundelse for indgreb", "res.inhabbegrundelse", "always"),
        _code("RAA07", "RDA92", "Samtykke", "res.inhabsamtykke", "always"),
        _code("RAA07", "RDA93", "Beslutning", "res.inhabbeslutning", "always"),
        _code("RAA07", "RDA94", "Overlæges stillingtagen", "res.inhabstilling", "conditional"),
    ),
    "RAA08": (
        ResultField("RDB02", "Produktionsnummer", "text", "complete", presence_rule="RAA08.RDB02-1"),
        ResultField("RDB03", "Batch-/lotnummer", "text", "conditional"),
        ResultField("RDB04", "Serienummer", "text", "conditional"),
        ResultField("RDB05", "Registreringsstandard", "text", "complete", presence_rule="RAA08.RDB05-1"),
        ResultField(
            "RDB06",
            "Antal implantater",
            "integer",
            "complete",
            minimum=Decimal(1),
            value_rule="RAA08.RDB06-1",
            presence_rule="RAA08.RDB06-2",
        ),
        ResultField("RDB07", "Registreringstidspunkt", "time", "optional", value_rule="RAA08.RDB07-1"),
        ResultField("RDB08", "Produktionstidspunkt", "time", "optional", value_rule="RAA08.RDB08-1"),
        ResultField("RDB09", "Udløbstidspunkt", "time", "optional", value_rule="RAA08.RDB09-1"),
    ),
    "RAA09": (_code("RAA09", "RDA85", "Clavien-grad", "res.clavien", "always"),),
    "RAA10": (
        _code("RAA10", "RDA96", "Begrundelse", "res.tvangsbegrund", "always"),
        _code("RAA10", "RDA97", "Behandlingssted", "res.tvangsbehsted", "always"),
        ResultField(
            "RDA98",
            "Seneste behandlingsdato",
            "time",
            "always",
            value_rule="RAA10.RDA98-1",
            presence_rule="RAA10.RDA98",
        ),
    ),
}



def _sks(rd: str, label: str, lst: str | None = None, kind: ValueKind = "text") -> ResultField:
    """A result field of RAA11-RAA13, from SKS 2026-06 (sks-labels-2026-06.csv): optional, no official rule.

    `lst` is the list SKS names in the result type's bracket, or the `RG` node's list when the bracket names a
    sub-list whose members SKS does not give (see _RDC_SUBLISTS). A type without a bracket has no value kind in
    SKS (unlike RDA's "(heltal)"): it stays free text, checked by nothing, rather than a kind we guessed.
    """
    if lst:
        return ResultField(rd, label, "code", "optional", lst, value_rule=MANUAL_VALUE_RULE)
    return ResultField(rd, label, kind, "optional", value_rule=MANUAL_VALUE_RULE if kind != "text" else None)


# Brackets of RDC result types that name a list SKS has no `RG` node for, each with the `RG` node of the same
# wording that SKS does give. The bracket's list is presumably a part of the node's list; its members are not
# public here, so a value is checked against the node's list (a code outside it is outside any part of it).
RDC_SUBLISTS: dict[str, tuple[str, str]] = {
    "RDC04": ("res.formaalbeh.stof", "res.formaalbeh"),  # RGCB "formål med behandling [res.formaalbeh]"
    "RDC06": ("res.stof.anv", "res.stof"),  # RGCC "misbrugsstoffer [res.stof]"
    "RDC12": ("res.overtagbeh", "res.overtag"),  # RGCF "behandling overtaget af [res.overtag]"
    "RDC52": ("res.stof.hvd", "res.stof"),
}

# RDC01-RDC13 sit under SKS's heading "RDC Resultattyper (kodeområde DC) SIB og NAB" with no word of alcohol or
# drug treatment of their own: taken as the block both reports share (an inference from SKS's numbering and texts,
# not an official assignment).
_RDC_SHARED: tuple[ResultField, ...] = (
    _sks("RDC01", "Biologiske, adoptiv- eller plejebørn"),
    _sks("RDC02", "Ét eller flere af børnene tilknyttet husstanden"),
    _sks("RDC03", "Patient eller partner gravid", "res.gravstatus"),
    _sks("RDC04", "Formål med behandling", "res.formaalbeh"),  # bracket [res.formaalbeh.stof]
    _sks("RDC05", "Anvendt ikke-ordinerede stoffer, seneste 30 dage"),
    _sks("RDC06", "Anvendte stoffer, seneste 30 dage", "res.stof"),  # bracket [res.stof.anv]
    _sks("RDC07", "Indtagelse, antal dage, seneste 30 dage"),
    _sks("RDC08", "Antal dage med mere end 4 genstande pr. dag, seneste 30 dage"),
    _sks("RDC09", "Dato for afslutning af misbrugsbehandling", kind="time"),  # SKS: "dato"
    _sks("RDC10", "Status på forbrug ved afslutning", "res.afslutstatus"),
    _sks("RDC11", "Afslutningsårsag", "res.afslutaarsag"),
    _sks("RDC12", "Behandling overtaget af", "res.overtag"),  # bracket [res.overtagbeh]
    _sks("RDC13", "Aktuel boligsituation", "res.aktuelbolig"),
)

RESULT_FIELDS.update({
    # RDB31-RDB36: every one speaks of a hearing aid or hearing loss, the subject of RAA11 "Udlevering af
    # høreapparat"; their lists are the RG nodes RGBA-RGBF.
    "RAA11": (
        _sks("RDB31", "Bruger af høreapparat", "res.hoerbruger"),
        _sks("RDB32", "Henvisningstype ved høretab", "res.hoerhenv"),
        _sks("RDB33", "Årsag til behandling for kompliceret høretab", "res.hoeraars"),
        _sks("RDB34", "Unilateral/bilateral høreapparatbehandling", "res.hoerunibi"),
        _sks("RDB35", "Udleveringstype", "res.hoerudltype"),
        _sks("RDB36", "Behandlingstype ved høretab", "res.hoerbeh"),
    ),
    # RAA12 "Alkoholbehandling (NAB)": the shared block and RDC31-RDC41, whose texts speak of alcohol
    # ("alkoholafhængighed", "genstande", "drikkemønster", [res.medbeh] "medikament til alkoholbeh.").
    "RAA12": _RDC_SHARED + (
        _sks("RDC31", "Tidligere behandlet for alkoholafhængighed"),
        _sks("RDC32", "Akut abstinensbehandling foretaget"),
        _sks("RDC33", "Medicinsk behandling mod afhængighed, seneste 30 dage"),
        _sks("RDC34", "Hvilken medicinsk behandling, seneste 30 dage", "res.medbeh"),
        _sks("RDC35", "Antal dage med medicinsk behandling, seneste 30 dage"),
        _sks("RDC36", "Er somatisk udredning udført"),
        _sks("RDC37", "Alkoholforbrug, antal år i livet"),
        _sks("RDC38", "Antal år med mere end 4 genstande om dagen"),
        _sks("RDC39", "Genstande dagligt i gennemsnit, seneste 30 dage"),
        _sks("RDC40", "Drikkemønster seneste 6 måneder", "res.drikmoenster"),
        _sks("RDC41", "Ved afslutning: genstande dagligt i gennemsnit, seneste 30 dage"),
    ),
    # RAA13 "Stofmisbrugsbehandling (SIB)": the shared block and RDC51-RDC63, whose texts speak of drug use
    # ("stofmisbrug", "hovedstof", "injiceret", "substitutionsbehandling"). SKS has no RDC53.
    "RAA13": _RDC_SHARED + (
        _sks("RDC51", "Tidligere behandlet for stofmisbrug"),
        _sks("RDC52", "Hovedstof, som giver flest problemer", "res.stof"),  # bracket [res.stof.hvd]
        _sks("RDC54", "Hovedstof, alder ved førstegangsbrug"),
        _sks("RDC55", "Hovedstof, indtagelseshyppighed", "res.indtaghyp"),
        _sks("RDC56", "Hovedstof, typisk indtagelsesmåde", "res.indtagmaade"),
        _sks("RDC57", "Har patienten nogensinde injiceret", "res.statusinject"),
        _sks("RDC58", "Har patienten nogensinde delt værktøj", "res.statusvaerktdelt"),
        _sks("RDC59", "Alder ved første injektion", "res.alderinject"),
        _sks("RDC60", "Er patienten nogensinde testet for HCV", "res.statustest"),
        _sks("RDC61", "Er patienten nogensinde testet for HIV", "res.statustest"),
        _sks("RDC62", "Har patienten nogensinde været i substitutionsbehandling", "res.statussubstbeh"),
        _sks("RDC63", "Alder ved første substitutionsbehandling"),
    ),
})

FIELD_INDEX: dict[str, dict[str, ResultField]] = {
    name: {f.code: f for f in fields} for name, fields in RESULT_FIELDS.items()
}


def fields_of(name: str | None) -> tuple[ResultField, ...]:
    """The result fields of a report name (empty for an unknown name)."""
    return RESULT_FIELDS.get(name or "", ())


def filled(report: ResultReport, code: str) -> bool:
    """True when the report has a non-blank value for this result type."""
    return not is_blank(report.results.get(code))


def missing_mandatory(report: ResultReport) -> list[ResultField]:
    """Fields that must be filled before the report can be complete (conditional ones aside)."""
    missing = [
        f
        for f in fields_of(report.name)
        if f.required in ("always", "complete") and not filled(report, f.code)
    ]
    if report.name == "RAA08" and filled(report, "RDB03") == filled(report, "RDB04"):
        # Exactly one of batch/lot number and serial number (RAA08.RDB03-RDB04).
        missing.extend(
            f for f in RESULT_FIELDS["RAA08"] if f.code in ("RDB03", "RDB04") and not filled(report, f.code)
        )
    return missing


def report_is_complete(report: ResultReport) -> bool:
    """True when every unconditionally mandatory field is filled and every filled value has a valid shape."""
    if report.name not in RESULT_FIELDS or missing_mandatory(report):
        return False
    if report.name == "RAA08" and filled(report, "RDB03") and filled(report, "RDB04"):
        return False
    return all(value_problem(f, report.results.get(f.code)) is None for f in fields_of(report.name))


def value_problem(spec: ResultField, value: str | None) -> str | None:
    """A Danish message when a filled value has the wrong shape or range (code lists aside), else None."""
    if is_blank(value):
        return None
    assert value is not None
    text = value.strip()
    if spec.kind == "time":
        return None if parse_time(text) else f"{spec.label}: ugyldigt tidspunkt (dd-mm-åååå tt:mm:ss)"
    if spec.kind in ("integer", "decimal"):
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            return f"{spec.label}: skal være et tal"
        if spec.kind == "integer" and number != number.to_integral_value():
            return f"{spec.label}: skal være et helt tal"
        if (spec.minimum is not None and number < spec.minimum) or (
            spec.maximum is not None and number > spec.maximum
        ):
            return f"{spec.label}: skal ligge mellem {_show(spec.minimum)} og {_show(spec.maximum)}"
        if spec.above is not None and number <= spec.above:
            return f"{spec.label}: skal være større end {_show(spec.above)}"
    return None


def _show(bound: Decimal | None) -> str:
    if bound is None:
        return "…"
    return format(bound, "f").replace(".", ",")
