
"""Unverified starter code lists never block: their list errors become warnings that say so."""

from __future__ import annotations

from seilocal.model.form import Procedure
from seilocal.rules import validate
from seilocal.rules.catalog import EmptyCatalog
from seilocal.rules.engine import lists_named_in
from seilocal.rules.triggers import pending_triggers
from seilocal.store import memory_store
from seilocal.store.catalog.common import bump_generation
from seilocal.store.catalog.schema import LISTS
from tests.support.rules_fakes import NOW, FakeCatalog, base_form


def _by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_list_error_on_an_unconfirmed_list_is_a_warning_that_names_the_list_beside_its_text() -> None:
    form = base_form()
    form.contacts[0].type = "XXX"
    (confirmed,) = _by_rule(validate(form, FakeCatalog(), NOW), "05.a")
    assert confirmed.severity == "error" and confirmed.unconfirmed == ""
    (doubtful,) = _by_rule(validate(form, FakeCatalog(unconfirmed={"admin.konttype"}), NOW), "05.a")
    assert doubtful.severity == "warning"
    assert doubtful.unconfirmed == "admin.konttype"
    assert doubtful.message == confirmed.message  # the note is a field of its own, not part of the text


def test_a_report_required_by_an_unconfirmed_list_is_a_warning_but_still_proposed() -> None:
    form = base_form()
    form.contacts[0].procedures[0].code = "BAXY1"  # coercion: RAA10
    catalog = FakeCatalog(unconfirmed={"proc.tvangsforanst"})
    assert [t.name for t in pending_triggers(form, catalog)] == ["RAA10"]
    (finding,) = _by_rule(validate(form, catalog, NOW), "RAA10.1")
    assert finding.severity == "warning"
    assert _by_rule(validate(form, FakeCatalog(), NOW), "RAA10.1")[0].severity == "error"


def test_a_report_asked_for_by_hand_stays_an_error() -> None:
    form = base_form()
    form.contacts[0].procedures[0].implant_report_requested = True
    catalog = FakeCatalog(unconfirmed={"proc.implantat"})
    (finding,) = _by_rule(validate(form, catalog, NOW), "RAA08.1")
    assert finding.severity == "error"


def test_rule_summaries_name_their_lists() -> None:
    assert lists_named_in("Procedure code in proc.act, proc.opr or proc.und") == ("proc.act", "proc.opr", "proc.und")
    assert lists_named_in("Action diagnosis code in list diag") == ("diag",)
    assert lists_named_in("Course end after course start") == ()


def test_catalog_store_trusts_only_verified_or_official_lists() -> None:
    store = memory_store()
    catalog = store.catalog
    assert catalog.is_authoritative("resindb.navn")  # every starter row verified
    assert catalog.is_authoritative("admin.konttype")  # derived from the SKS subtree ALCA "Kontakt type"
    assert not catalog.is_authoritative("admin.diagart")  # our own unverified starter rows
    store.db.execute(f"UPDATE {LISTS} SET source = 'sks' WHERE list_name = 'admin.diagart'")
    bump_generation()  # what every importer does after it changed the catalog
    assert catalog.is_authoritative("admin.diagart")
    assert not EmptyCatalog().is_authoritative("diag")


def test_a_list_derived_from_sks_blocks_and_a_starter_list_only_warns() -> None:
    store = memory_store()
    form = base_form()
    form.procedures.append(Procedure(code="KHAC20", start="2026-11-04T09:00:00", side="NOSIDE"))
    findings = validate(form, store.catalog, NOW)
    side = [f for f in findings if f.path == "procedures[0].side" and f.rule == "11.b"]
    assert side and all(f.severity == "error" for f in side)  # spec.lateralproc: the SKS subtree TUL
    store.db.execute(f"UPDATE {LISTS} SET source = 'starter', verified = 0 WHERE list_name = 'spec.lateralproc'")
    bump_generation()
    findings = validate(form, store.catalog, NOW)
    side = [f for f in findings if f.path == "procedures[0].side" and f.rule == "11.b"]
    assert side and all(f.severity == "warning" for f in side)
