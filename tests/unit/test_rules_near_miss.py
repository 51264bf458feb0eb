"""Near misses: the rule's condition almost holds, and the rule stays quiet."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from seilocal.model.form import Form
from seilocal.rules import validate
from tests.support.form_edits import add_secondary, c0, close_course, injury, p0, report, seq, set_action
from tests.support.rules_fakes import NOW, UNIT, FakeCatalog, base_form

OPEN = (date(2000, 1, 1), None)
UNTIL_END = (date(2000, 1, 1), date(2026, 11, 5))

NEAR = [
    # (rule, edit, valid, sor, now)
    ("02.41", lambda f: None, {}, {UNIT: (date(2026, 11, 3), None)}, NOW),
    ("02.43", close_course, {}, {UNIT: (date(2020, 1, 1), date(2026, 11, 10))}, NOW),
    ("02.44", close_course, {}, {UNIT: UNTIL_END}, NOW),
    ("02.51", lambda f: None, {"ALAL01": OPEN}, {}, NOW),
    ("02.55", close_course, {"ALAC70": UNTIL_END}, {}, NOW),
    ("04.51", lambda f: None, {"AFV01B": (date(2026, 11, 3), date(2026, 11, 3))}, {}, NOW),
    (
        "05.15",
        seq(lambda f: c0(f).diagnoses.clear(), lambda f: setattr(c0(f), "end", None)),
        {},
        {},
        datetime(2026, 12, 3, 9, 59),
    ),
    ("05.44", lambda f: setattr(c0(f), "end", "2026-11-05T10:00:00"), {}, {UNIT: UNTIL_END}, NOW),
    ("05.52", lambda f: setattr(c0(f), "end", "2026-11-05T10:00:00"), {"ALCA00": UNTIL_END}, {}, NOW),
    ("11.52", lambda f: None, {"KHAC20": OPEN}, {}, NOW),
    (
        "12.52",
        lambda f: setattr(c0(f), "end", "2026-11-05T10:00:00"),
        {"DJ069": (date(2026, 11, 4), None)},
        {},
        NOW,
    ),
    ("SEI-DL02", lambda f: None, {}, {}, datetime(2026, 12, 10, 23, 59)),
    ("SEI-DL01", lambda f: setattr(f, "status", "submitted"), {}, {}, NOW),
    ("05.11", lambda f: setattr(c0(f), "end", "2026-11-03T10:00:01"), {}, {}, NOW),
    ("05.21", lambda f: setattr(c0(f), "start", "2026-11-03T09:30:00"), {}, {}, NOW),
    ("05.24", lambda f: close_course(f, "2026-11-03T10:45:00"), {}, {}, NOW),
    ("06.01", lambda f: setattr(f.referral, "time", "2026-11-03T09:30:00"), {}, {}, NOW),
    (
        "5102",
        seq(lambda f: setattr(c0(f), "priority", "ATA1"), lambda f: setattr(c0(f), "reason", "ALCC01")),
        {},
        {},
        NOW,
    ),
    (
        "5107",
        seq(
            lambda f: setattr(c0(f), "type", "ALCA10"), lambda f: setattr(c0(f), "end", "2026-11-03T10:01:00")
        ),
        {},
        {},
        NOW,
    ),
    ("11.22", lambda f: setattr(p0(f), "start", "2026-11-03T10:00:00"), {}, {}, NOW),
    (
        "11.21",
        seq(
            lambda f: setattr(p0(f), "code", "BDFA1"), lambda f: setattr(p0(f), "end", "2026-11-03T10:30:00")
        ),
        {},
        {},
        NOW,
    ),
    ("12102", lambda f: set_action(f, "DM170", side="TUL1"), {}, {}, NOW),
    ("12.03.108", seq(lambda f: set_action(f, "DO800"), lambda f: add_secondary(f, "DO048")), {}, {}, NOW),
    (
        "12.109a",
        seq(
            lambda f: set_action(f, "DC509", metastases=["DC799X"], local_recurrences=["DT639X"]),
            lambda f: add_secondary(f, "DC793C"),
        ),
        {},
        {},
        NOW,
    ),
    (
        "12111",
        lambda f: set_action(f, "DC509", metastases=["DC799X"], local_recurrences=["DT639X"]),
        {},
        {},
        NOW,
    ),
    (
        "RAA05.1",
        seq(
            injury,
            lambda f: report(
                f,
                "RAA05",
                c0(f).id,
                "complete",
                RDA60="2026-11-03T09:00:00",
                RDA61="OK1",
                RDA62="OK1",
                RDA63="OK2",
            ),
        ),
        {},
        {},
        NOW,
    ),
    ("RAA05.1-w", lambda f: setattr(c0(f), "priority", "ATA1"), {}, {}, datetime(2026, 11, 4)),
    (
        "RAA01.1",
        seq(
            lambda f: set_action(f, "DC509", metastases=["DC799X"], local_recurrences=["DT639X"]),
            lambda f: report(f, "RAA01", c0(f).diagnoses[0].id, RDA01="AZCA4"),
        ),
        {},
        {},
        NOW,
    ),
    (
        "RAA08.1",
        seq(
            lambda f: setattr(p0(f), "implant_report_requested", True),
            lambda f: report(
                f, "RAA08", p0(f).id, "complete", RDB02="P1", RDB03="L1", RDB05="GS1", RDB06="1"
            ),
        ),
        {},
        {},
        NOW,
    ),
    (
        "RAA08.3",
        # Asked for by hand on a procedure inside proc.implantat: nothing for LPR3 to reject.
        seq(
            lambda f: setattr(p0(f), "code", "KNFB20"),
            lambda f: setattr(p0(f), "implant_report_requested", True),
            lambda f: report(f, "RAA08", p0(f).id),
        ),
        {},
        {},
        NOW,
    ),
    ("RAA09.1", lambda f: setattr(p0(f), "code", "KJFA00"), {}, {}, datetime(2026, 11, 6, 10, 44)),
    (
        "RAA06.1",
        seq(lambda f: setattr(f.patient, "cpr", "0101801233"), lambda f: setattr(p0(f), "code", "ZZ0150")),
        {},
        {},
        NOW,
    ),
    (
        "11110",
        seq(
            lambda f: setattr(p0(f), "code", "KJFA00"),
            lambda f: add_secondary(f, "DT819"),
            lambda f: report(f, "RAA09", p0(f).id, "complete", RDA85="OK3"),
        ),
        {},
        {},
        NOW,
    ),
    ("RAA08.RDB03-RDB04", lambda f: report(f, "RAA08", p0(f).id, RDB04="S1"), {}, {}, NOW),
    ("RAA02.RDA27-1", lambda f: report(f, "RAA02", p0(f).id, RDA27="29,5"), {}, {}, NOW),
    ("RAA03.RDA46", lambda f: report(f, "RAA03", p0(f).id, RDA46="7,25"), {}, {}, NOW),
    ("RAA10.RDA98-1", lambda f: report(f, "RAA10", p0(f).id, RDA98="2026-11-02T08:00:00"), {}, {}, NOW),
]


@pytest.mark.parametrize(("rule", "edit", "valid", "sor", "now"), NEAR, ids=[n[0] for n in NEAR])
def test_rule_stays_quiet_on_a_near_miss(rule, edit, valid, sor, now) -> None:
    form: Form = base_form()
    edit(form)
    findings = validate(form, FakeCatalog(valid=valid, sor=sor), now)
    assert [f for f in findings if f.rule == rule] == []
