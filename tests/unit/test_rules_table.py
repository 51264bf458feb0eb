"""Every implemented rule fires on a form made to break it, and stays quiet on a near miss."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import pytest

from seilocal.model.form import Diagnosis, Form, Marker, Payment
from seilocal.rules import registry, validate
from seilocal.rules.result_types import RESULT_FIELDS
from tests.support.form_edits import (
    add_secondary,
    add_top,
    c0,
    cancer,
    close_course,
    d0,
    injury,
    p0,
    report,
    seq,
    set_action,
)
from tests.support.rules_fakes import NOW, UNIT, FakeCatalog, base_form

OLD = (date(2000, 1, 1), date(2010, 1, 1))
LATER = (date(2027, 1, 1), None)


@dataclass
class Case:
    rule: str
    edit: Callable[[Form], None]
    valid: dict = field(default_factory=dict)
    sor: dict = field(default_factory=dict)
    now: datetime = NOW
    severity: str | None = None
    psych: dict = field(default_factory=dict)


FIRE: list[Case] = [
    # Our own rules
    Case("SEI-T01", lambda f: setattr(f.course, "start", "31-02-2026")),
    Case("SEI-C01", lambda f: setattr(f.course, "label", "HEJ")),
    Case("SEI-P01", lambda f: setattr(f.patient, "cpr", None)),
    Case("SEI-P02", lambda f: setattr(f.patient, "cpr", "abc")),
    Case("SEI-P03", lambda f: setattr(f.patient, "cpr", "0101801234")),
    Case("SEI-F01", lambda f: setattr(f.course, "start", None)),
    Case("SEI-F02", lambda f: setattr(f.course, "responsible_unit", " ")),
    Case("SEI-F03", lambda f: setattr(f.course, "start_marker", None)),
    Case("SEI-F04", lambda f: setattr(f.course, "label", None)),
    Case("SEI-H01", lambda f: setattr(f.referral, "time", None)),
    Case("SEI-H02", lambda f: setattr(f.referral, "method", None)),
    Case("SEI-H03", lambda f: setattr(f.referral, "free_choice", None)),
    Case("SEI-H04", lambda f: setattr(f.referral, "reference_type", "ALAA01")),
    Case("SEI-B01", lambda f: setattr(f.payment, "payer", None)),
    Case("SEI-B02", lambda f: setattr(f.payment, "agreement", None)),
    Case("SEI-B03", lambda f: add_top(f, payment=Payment(payer="ALFB01", agreement="ALFA2"))),
    Case("SEI-M01", lambda f: f.markers.append(Marker(time="2026-11-03T10:00:00"))),
    Case("SEI-M02", lambda f: f.markers.append(Marker(code="AFV01B"))),
    Case("SEI-K01", lambda f: setattr(c0(f), "start", None)),
    Case("SEI-K02", lambda f: setattr(c0(f), "type", None)),
    Case("SEI-K03", lambda f: setattr(c0(f), "priority", None)),
    Case("SEI-K04", lambda f: setattr(c0(f), "responsible_unit", None)),
    Case("SEI-D01", lambda f: add_secondary(f, None)),
    Case("SEI-D02", lambda f: c0(f).diagnoses.append(Diagnosis(kind="action", code="DJ069"))),
    Case("SEI-X01", lambda f: setattr(p0(f), "code", None)),
    Case("SEI-X02", lambda f: setattr(p0(f), "start", None)),
    Case("SEI-X03", lambda f: setattr(p0(f), "producer", None)),
    Case("SEI-S01", lambda f: setattr(f.referral, "referring_unit", "Klinik Nord")),
    Case("SEI-C01", lambda f: setattr(p0(f), "code", "<img src=x onerror=alert(1)>")),
    Case("SEI-DL01", lambda f: None, severity="warning"),
    Case("SEI-DL02", lambda f: None, now=datetime(2026, 12, 11, 8, 0, 0), severity="error"),
    Case("SEI-RI01", lambda f: report(f, "RAA99", f.course.id)),
    Case("SEI-RI02", lambda f: report(f, "RAA10", "no-such-id")),
    Case("SEI-RI03", lambda f: report(f, "RAA09", p0(f).id, RDA85="  ")),
    Case("SEI-RI04", lambda f: report(f, "RAA12", c0(f).id, RDC09="i går")),
    Case("SEI-RI05", lambda f: report(f, "RAA12", c0(f).id, RDC57="RGCR01")),
    Case("SEI-RI06", lambda f: report(f, "RAA12", f.course.id, RDC09="2026-11-03T10:00:00")),
    # Patient and general
    Case("00.01", lambda f: setattr(c0(f), "end", "2026-12-01T00:00:00")),
    Case("01.01", lambda f: setattr(f.patient, "cpr", "1011264001")),
    Case("01.11", lambda f: setattr(f.patient, "cpr", "1011264001")),
    # Course
    Case("02.01", seq(lambda f: close_course(f, "2026-11-03T09:00:00"))),
    Case("02.02", seq(close_course, lambda f: setattr(f.course, "completion", None))),
    Case("02.41", lambda f: None, sor={UNIT: LATER}),
    Case("02.42", lambda f: None, sor={UNIT: OLD}),
    Case("02.43", lambda f: None, sor={UNIT: (date(2020, 1, 1), date(2026, 11, 10))}),
    Case("02.44", close_course, sor={UNIT: (date(2020, 1, 1), date(2026, 11, 4))}),
    Case("02.51", lambda f: None, valid={"ALAL01": OLD}),
    Case("02.55", close_course, valid={"ALAC70": OLD}),
    Case("02.a", lambda f: setattr(f.course, "label", "XYZ")),
    Case("02.b", seq(close_course, lambda f: setattr(f.course, "completion", "XYZ"))),
    Case(
        "03.a",
        seq(
            lambda f: setattr(f.referral, "reference_id", "x"),
            lambda f: setattr(f.referral, "reference_type", "XYZ"),
        ),
    ),
    Case(
        "03.51",
        seq(
            lambda f: setattr(f.referral, "reference_id", "x"),
            lambda f: setattr(f.referral, "reference_type", "ALAA01"),
        ),
        valid={"ALAA01": OLD},
    ),
    Case("04.01", lambda f: setattr(f.markers[0], "time", "2026-11-01T00:00:00")),
    Case("04.02", seq(close_course, lambda f: setattr(f.markers[0], "time", "2026-11-06T00:00:00"))),
    Case("04.a", lambda f: setattr(f.markers[0], "code", "XYZ")),
    Case("04.51", lambda f: None, valid={"AFV01B": OLD}),
    # Referral
    Case("06.01", lambda f: setattr(f.referral, "time", "2026-11-04T00:00:00")),
    Case("06.51", lambda f: None, valid={"DJ069": OLD}),
    Case("06.53", lambda f: None, valid={"ALDA11": OLD}),
    Case("06.a", lambda f: setattr(f.referral, "reason", "XYZ")),
    Case("06.b", lambda f: setattr(f.referral, "method", "XYZ")),
    Case("06.c", lambda f: setattr(f.referral, "free_choice", "XYZ")),
    # Payment
    Case("10.a", lambda f: setattr(f.payment, "agreement", "XYZ")),
    Case("10.b", lambda f: setattr(f.payment, "payer", "XYZ")),
    Case(
        "10.c",
        lambda f: add_top(f, payment=Payment(payer="ALFB01", agreement="ALFA2", specialisation_level="X")),
    ),
    Case("10.51", lambda f: None, valid={"ALFC4": OLD}),
    # Contacts
    Case("05.11", lambda f: setattr(c0(f), "end", "2026-11-03T09:59:00")),
    Case("05.14", lambda f: c0(f).diagnoses.clear()),
    Case(
        "05.15",
        seq(lambda f: c0(f).diagnoses.clear(), lambda f: setattr(c0(f), "end", None)),
        now=datetime(2026, 12, 9),
    ),
    Case("05.21", lambda f: setattr(c0(f), "start", "2026-11-03T09:00:00")),
    Case("05.22", lambda f: close_course(f, "2026-11-03T09:45:00")),
    Case("05.24", lambda f: close_course(f, "2026-11-03T10:30:00")),
    Case("05.31", seq(close_course, lambda f: setattr(c0(f), "end", None))),
    Case("05.41", lambda f: None, sor={UNIT: LATER}),
    Case("05.42", lambda f: None, sor={UNIT: OLD}),
    Case("05.43", lambda f: setattr(c0(f), "end", None), sor={UNIT: (date(2020, 1, 1), date(2026, 11, 10))}),
    Case(
        "05.44",
        lambda f: setattr(c0(f), "end", "2026-11-05T10:00:00"),
        sor={UNIT: (date(2020, 1, 1), date(2026, 11, 4))},
    ),
    Case("05.51", lambda f: None, valid={"ALCA00": OLD}),
    Case(
        "05.52",
        lambda f: setattr(c0(f), "end", "2026-11-05T10:00:00"),
        valid={"ALCA00": (date(2000, 1, 1), date(2026, 11, 4))},
    ),
    Case("05.53", lambda f: None, valid={"ATA3": OLD}),
    Case("05.a", lambda f: setattr(c0(f), "type", "XYZ")),
    Case("05.b", lambda f: setattr(c0(f), "priority", "XYZ")),
    Case("5102", lambda f: setattr(c0(f), "priority", "ATA1")),
    Case("5103", lambda f: setattr(c0(f), "reason", "ALCC01"), psych={UNIT: True}),
    Case("5104", lambda f: setattr(c0(f), "reason", "ALCC01")),
    Case("5107", lambda f: setattr(c0(f), "type", "ALCA10")),
    Case("5108", lambda f: setattr(c0(f), "type", "ALCA20")),
    Case(
        "07.a", seq(lambda f: setattr(c0(f), "priority", "ATA1"), lambda f: setattr(c0(f), "reason", "XYZ"))
    ),
    Case("07.51", lambda f: setattr(c0(f), "reason", "ALCC01"), valid={"ALCC01": OLD}),
    # Procedures
    Case("11.01", lambda f: setattr(p0(f), "end", "2026-11-03T10:00:00")),
    Case("11.12", lambda f: add_top(f, start="2026-11-01T00:00:00")),
    Case("11.13", seq(lambda f: close_course(f, "2026-11-03T11:00:00"), lambda f: add_top(f))),
    Case("11.15", seq(close_course, lambda f: add_top(f, end="2026-11-06T00:00:00"))),
    Case("11.22", lambda f: setattr(p0(f), "start", "2026-11-03T09:55:00")),
    Case("11.23", lambda f: setattr(p0(f), "start", "2026-11-03T10:50:00")),
    Case("11.25", lambda f: setattr(p0(f), "end", "2026-11-03T10:50:00")),
    Case("11.11", seq(close_course, lambda f: add_top(f, code="BDFA1"))),
    Case("11.21", lambda f: setattr(p0(f), "code", "BDFA1")),
    Case("11111", lambda f: setattr(c0(f), "type", "ALCA10")),
    Case("11.31", lambda f: add_top(f, payment=None)),
    Case("11.41", lambda f: None, sor={UNIT: LATER}),
    Case("11.42", lambda f: None, sor={UNIT: OLD}),
    Case(
        "11.43",
        seq(lambda f: setattr(p0(f), "code", "BDFA1"), lambda f: setattr(c0(f), "end", None)),
        sor={UNIT: (date(2020, 1, 1), date(2026, 11, 10))},
    ),
    Case(
        "11.44",
        lambda f: add_top(f, end="2026-11-05T00:00:00"),
        sor={UNIT: (date(2020, 1, 1), date(2026, 11, 4))},
    ),
    Case("11101", lambda f: setattr(p0(f), "code", "XYZ")),
    Case("11102", lambda f: setattr(p0(f), "code", "KNFB20")),
    Case("11103", lambda f: setattr(p0(f), "code", "KXYZ")),
    Case("11104", lambda f: setattr(p0(f), "code", "UXCA00")),
    Case("11107", lambda f: setattr(p0(f), "code", "BAXY1")),
    Case("11.52", lambda f: None, valid={"KHAC20": OLD}),
    Case(
        "11.53",
        lambda f: add_top(f, end="2026-11-05T00:00:00"),
        valid={"KHAC20": (date(2000, 1, 1), date(2026, 11, 4))},
    ),
    Case("11.54", lambda f: setattr(p0(f), "side", "TUL2"), valid={"TUL2": OLD}),
    Case("11.56", lambda f: setattr(p0(f), "action_spec", "ZPP1"), valid={"ZPP1": OLD}),
    Case("11.59", lambda f: setattr(p0(f), "supplementary", ["UXZ41"]), valid={"UXZ41": OLD}),
    Case("11.b", lambda f: setattr(p0(f), "side", "XYZ")),
    Case("11.c", lambda f: setattr(p0(f), "action_spec", "XYZ")),
    Case("11.d", lambda f: setattr(p0(f), "contrast", "XYZ")),
    Case("11.f", lambda f: setattr(p0(f), "staff_category", "XYZ")),
    Case(
        "11110",
        seq(
            lambda f: setattr(p0(f), "code", "KJFA00"),
            lambda f: report(f, "RAA09", p0(f).id, "complete", RDA85="OK3"),
        ),
    ),
    # Diagnoses
    Case("12.101a", lambda f: set_action(f, "XYZ")),
    Case("12.101b", lambda f: add_secondary(f, "XYZ")),
    Case("12102", lambda f: set_action(f, "DM170")),
    Case("12.c-1", lambda f: set_action(f, "DJ069", side="XYZ")),
    Case("12.c-2", lambda f: add_secondary(f, "DJ069", side="XYZ")),
    Case("12.52", lambda f: None, valid={"DJ069": OLD}),
    Case("12.54", lambda f: set_action(f, "DJ069", side="TUL1"), valid={"TUL1": OLD}),
    Case(
        "12.59-1",
        lambda f: setattr(d0(f), "supplementary", ["TUL1"]),
        valid={"DJ069": (date(2000, 1, 1), None), "TUL1": (date(1990, 1, 1), date(1995, 1, 1))},
    ),
    Case("12.107b", lambda f: add_secondary(f, "DX599"), psych={UNIT: False}),
    Case("12.59", lambda f: set_action(f, "DJ069", supplementary=["ZDW10"]), valid={"ZDW10": OLD}),
    Case("12.03.103", lambda f: set_action(f, "DO800")),
    Case("12.03.105", lambda f: set_action(f, "DZ380")),
    Case("12.03.106", lambda f: set_action(f, "DP95")),
    Case("12.03.108", lambda f: set_action(f, "DO800")),
    Case("12.03.109", lambda f: set_action(f, "DR999")),
    Case("12104", lambda f: add_secondary(f, "DZ380")),
    Case("12105", lambda f: add_secondary(f, "DO800")),
    Case("12.107a", lambda f: set_action(f, "DX599")),
    Case("12109", lambda f: set_action(f, "DC793C")),
    Case("12.109a", lambda f: add_secondary(f, "DC793C")),
    Case("12110", lambda f: set_action(f, "DT636C")),
    Case("12.110a", lambda f: add_secondary(f, "DT636C")),
    Case("12111", lambda f: set_action(f, "DC509", local_recurrences=["DT639X"])),
    Case("12.111a", lambda f: add_secondary(f, "DC509", local_recurrences=["DT639X"])),
    Case("12112", lambda f: set_action(f, "DC509", metastases=["DC799X"])),
    Case("12.112a", lambda f: add_secondary(f, "DC509", metastases=["DC799X"])),
    Case("13.01", cancer, valid={"DC799X": OLD}),
    Case("13101", lambda f: set_action(f, "DC509", metastases=["XYZ"], local_recurrences=["DT639X"])),
    Case("13.102a", lambda f: set_action(f, "DJ069", metastases=["DC799X"])),
    Case("13.102b", lambda f: add_secondary(f, "DJ069", metastases=["DC799X"])),
    Case("14.01", cancer, valid={"DT639X": OLD}),
    Case("14101", lambda f: set_action(f, "DC509", metastases=["DC799X"], local_recurrences=["XYZ"])),
    Case("14.102a", lambda f: set_action(f, "DJ069", local_recurrences=["DT639X"])),
    Case("14.102b", lambda f: add_secondary(f, "DJ069", local_recurrences=["DT639X"])),
    # Required result reports and their deadlines
    Case("RAA01.1", cancer),
    Case("RAA01.2", lambda f: add_secondary(f, "DC509", metastases=["DC799X"], local_recurrences=["DT639X"])),
    Case("RAA02.1", lambda f: set_action(f, "DO800"), severity="error"),
    Case("RAA02.1-w", lambda f: set_action(f, "DO800"), now=datetime(2026, 11, 5), severity="warning"),
    Case("RAA03.1", lambda f: set_action(f, "DZ380")),
    Case("RAA03.1-w", lambda f: set_action(f, "DZ380"), now=datetime(2026, 11, 10, 10, 44)),
    Case("RAA04.1", lambda f: set_action(f, "DO049")),
    Case("RAA04.1-w", lambda f: set_action(f, "DO049"), now=datetime(2026, 11, 5)),
    Case("RAA04.2", lambda f: add_secondary(f, "DO049")),
    Case("RAA04.2-w", lambda f: add_secondary(f, "DO049"), now=datetime(2026, 11, 5)),
    Case("RAA05.1", injury),
    Case("RAA05.1-w", injury, now=datetime(2026, 11, 6, 10, 44)),
    Case(
        "RAA06.1",
        seq(lambda f: setattr(f.patient, "cpr", "0111264001"), lambda f: setattr(p0(f), "code", "ZZ0150")),
    ),
    Case("RAA07.1", lambda f: setattr(p0(f), "code", "BAXZ1")),
    Case("RAA08.1", lambda f: setattr(p0(f), "implant_report_requested", True)),
    Case("RAA09.1", lambda f: setattr(p0(f), "code", "KJFA00")),
    Case("RAA09.1-w", lambda f: setattr(p0(f), "code", "KJFA00"), now=datetime(2026, 11, 4)),
    Case("RAA10.1", lambda f: setattr(p0(f), "code", "BAXY1")),
    # Wrong triggers
    Case("RAA01.6", lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA4")),
    Case("RAA02.3", lambda f: report(f, "RAA02", d0(f).id)),
    Case("RAA03.3", lambda f: report(f, "RAA03", d0(f).id)),
    Case("RAA04.4", lambda f: report(f, "RAA04", p0(f).id)),
    Case("RAA05.3", lambda f: report(f, "RAA05", c0(f).id)),
    Case("RAA06.3", lambda f: report(f, "RAA06", p0(f).id)),
    Case("RAA07.3", lambda f: report(f, "RAA07", p0(f).id)),
    Case("RAA08.3", lambda f: report(f, "RAA08", p0(f).id)),
    Case("RAA09.3", lambda f: report(f, "RAA09", c0(f).id)),
    Case("RAA10.3", lambda f: report(f, "RAA10", p0(f).id)),
    # Cancer report conditionals
    Case("RAA01.RDA01-2", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA01-3", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, "complete", RDA01="AZCA4"))),
    Case("RAA01.RDA02", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA03", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA04", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA05", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA06", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA07", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA08", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1"))),
    Case("RAA01.RDA04-2", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1", RDA04="TA"))),
    Case("RAA01.RDA04-3", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1", RDA04="T0"))),
    Case("RAA01.RDA04-4", seq(cancer, lambda f: report(f, "RAA01", d0(f).id, RDA01="AZCA1", RDA04="T0"))),
    Case("RAA05.RDA63", seq(injury, lambda f: report(f, "RAA05", c0(f).id, "complete"))),
    Case("RAA05.RDA64", seq(injury, lambda f: report(f, "RAA05", c0(f).id, "complete", RDA63="OK1"))),
    Case("RAA05.RDA65", seq(injury, lambda f: report(f, "RAA05", c0(f).id, "complete", RDA63="OK1"))),
    Case("RAA08.RDB03-RDB04", lambda f: report(f, "RAA08", p0(f).id, RDB03="L1", RDB04="S1")),
    Case("RAA03.RDA33", lambda f: report(f, "RAA03", d0(f).id, "complete", RDA32="2")),
    Case("RAA07.RDA94", lambda f: report(f, "RAA07", p0(f).id, RDA93="OK1")),
    # Abortion report conditionals (RAA04)
    Case("RAA04.RDA51-2", seq(lambda f: set_action(f, "DO059"), lambda f: report(f, "RAA04", d0(f).id, RDA51="OK1"))),
    Case("RAA04.RDA51-3", seq(lambda f: set_action(f, "DO069"), lambda f: report(f, "RAA04", d0(f).id, RDA51="OK2"))),
    Case("RAA04.RDA51-4", seq(lambda f: set_action(f, "DO050"), lambda f: report(f, "RAA04", d0(f).id, RDA51="OK1"))),
    Case("RAA04.RDA51", seq(lambda f: set_action(f, "DO069"), lambda f: report(f, "RAA04", d0(f).id, "complete"))),
    Case(
        "RAA04.RDA52-1",
        seq(lambda f: set_action(f, "DO039"), lambda f: report(f, "RAA04", d0(f).id, "complete", RDA20="OK2")),
    ),
    Case(
        "RAA04.RDA52",
        seq(lambda f: set_action(f, "DO049"), lambda f: report(f, "RAA04", d0(f).id, "complete", RDA20="OK3")),
    ),
    Case(
        "RAA04.RDA53",
        seq(lambda f: set_action(f, "DO049"), lambda f: report(f, "RAA04", d0(f).id, "complete", RDA52="OK1")),
    ),
    Case("15.c", lambda f: report(f, "RAA10", p0(f).id), sor={UNIT: OLD}),
    # Allowed result types, name and type codes
    *[
        Case(rule, lambda f, n=name: report(f, n, p0(f).id, RDZ99="x"))
        for name, rule in {
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
        }.items()
    ],
    Case("15.01", lambda f: report(f, "RAA10", f.course.id), valid={"RAA10": OLD}),
    Case("15.02", lambda f: report(f, "RAA10", f.markers[0].id), valid={"RAA10": OLD}),
    Case("15.03", lambda f: report(f, "RAA10", c0(f).id), valid={"RAA10": OLD}),
    Case("15.05", lambda f: report(f, "RAA10", d0(f).id), valid={"RAA10": OLD}),
    Case("15.06", lambda f: report(f, "RAA10", p0(f).id), valid={"RAA10": OLD}),
    Case("15.a", lambda f: report(f, "RAA11", p0(f).id)),
    Case("16.01", lambda f: report(f, "RAA10", f.course.id, RDA96="OK1"), valid={"RDA96": OLD}),
    Case("16.02", lambda f: report(f, "RAA10", f.markers[0].id, RDA96="OK1"), valid={"RDA96": OLD}),
    Case("16.03", lambda f: report(f, "RAA10", c0(f).id, RDA96="OK1"), valid={"RDA96": OLD}),
    Case("16.05", lambda f: report(f, "RAA10", d0(f).id, RDA96="OK1"), valid={"RDA96": OLD}),
    Case("16.06", lambda f: report(f, "RAA10", p0(f).id, RDA96="OK1"), valid={"RDA96": OLD}),
    Case("16.a-1", lambda f: report(f, "RAA10", p0(f).id, RDZ99="x")),
]


def _bad_value(kind: str) -> str:
    return {"code": "BAD", "integer": "1,5", "decimal": "abc", "text": "", "time": "31-02-2026 10:00"}[kind]


# Result-field rules come from the table in result_types: break each value, leave each mandatory one out.
for _name, _fields in RESULT_FIELDS.items():
    for _f in _fields:
        if _f.value_rule:
            FIRE.append(
                Case(
                    _f.value_rule,
                    lambda f, n=_name, c=_f.code, k=_f.kind: report(f, n, p0(f).id, **{c: _bad_value(k)}),
                )
            )
        if _f.presence_rule and _f.required in ("always", "complete"):
            FIRE.append(Case(_f.presence_rule, lambda f, n=_name: report(f, n, p0(f).id, "complete")))


def run(case: Case, edit: Callable[[Form], None] | None = None) -> list:
    form = base_form()
    (edit or case.edit)(form)
    return validate(form, FakeCatalog(valid=case.valid, sor=case.sor, psychiatric=case.psych), case.now)


def test_the_base_form_has_no_errors() -> None:
    findings = validate(base_form(), FakeCatalog(), NOW)
    assert [f for f in findings if f.severity == "error"] == []
    assert [f.rule for f in findings] == ["SEI-DL01"]


def test_every_registered_rule_has_a_firing_case() -> None:
    # SEI-C02 needs a catalog holding an official SKS import: it fires in tests/unit/test_code_shape.py.
    # SEI-C03 needs a catalog with evidence of retired codes: it fires in tests/unit/test_retired_codes.py.
    assert set(registry()) - {c.rule for c in FIRE} - {"SEI-C02", "SEI-C03"} == set()


@pytest.mark.parametrize("case", FIRE, ids=lambda c: c.rule)
def test_rule_fires(case: Case) -> None:
    hits = [f for f in run(case) if f.rule == case.rule]
    assert hits, f"{case.rule} did not fire"
    if case.severity:
        assert {f.severity for f in hits} == {case.severity}
    assert all(f.message and f.path for f in hits)


# Cases that fire from the catalog or the clock alone get their near misses in test_rules_near_miss.
FORM_ONLY = [c for c in FIRE if not (c.valid or c.sor or c.rule.startswith("SEI-DL"))]


@pytest.mark.parametrize("case", FORM_ONLY, ids=lambda c: c.rule)
def test_rule_is_quiet_on_the_base_form_with_the_same_catalog(case: Case) -> None:
    # Same catalog and clock as the firing case, but the form left valid: only the edit can make it fire.
    assert [f for f in run(case, lambda f: None) if f.rule == case.rule] == []
