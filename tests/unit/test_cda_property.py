"""Property: every form our rules accept exports LPR3 documents valid against the official XSD and the 2019
schematron, as `make cda-check` checks them (seilocal/export/cda/check.py, in-process, compiled once).

Hypothesis generates whole forms (tests/support/cda_forms.py) across every section, every result report type and
status, results left empty, stated "none", side and supplementary codes, procedures without contact and
cancellations; the forms our rules refuse (with the fake catalog's lists) are discarded. 150 accepted examples
on a fixed seed and 150 on a random one per run. A failing example is written to
build/cda-property-failures/ and must be kept as a regression case in tests/unit/data/cda_property/.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, seed, settings
from hypothesis import strategies as st

from seilocal.export.cda import Header, build_cancellation, build_document, document_bytes, to_bytes
from seilocal.export.cda.check import xsd_errors
from seilocal.model import Form
from seilocal.rules import validate
from seilocal.store.versions import blocking_errors, finding_dicts
from tests.support.cda_forms import forms
from tests.support.cda_support import XSD, need_shared, schematron
from tests.support.env import REPO
from tests.support.rules_fakes import FakeCatalog

# The day after the generated treatments: no deadline has passed yet.
CHECKED_AT = datetime(2026, 11, 4, 12, 0, 0)
CVR = "25469364"
UNIT = "486811000016002"
REGRESSIONS = Path(__file__).parent / "data" / "cda_property"
FAILURES = REPO / "build" / "cda-property-failures"
EXAMPLES = 150
CATALOG = FakeCatalog()
# A complete cancer status that asks for no staging (as the practitioner's report in issue 19 had).
CATALOG.lists["res.statuscar.subc"] = {"AZCA3"}
CATALOG.lists["res.statuscar"].add("AZCA3")
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                           HealthCheck.data_too_large])


def accepted(form: Form) -> bool:
    """Whether our rules let the form be submitted (warnings aside)."""
    return not blocking_errors(finding_dicts(validate(form, CATALOG, CHECKED_AT)))


def problems(data: bytes) -> list[str]:
    """What the official XSD and schematron say about a document ([] when it passes, as `make cda-check`)."""
    found = [f"xsd {e}" for e in xsd_errors(data, XSD)]
    result = schematron().check(data)
    found += [f"assert {m}" for m in result.failed] + [f"report {m}" for m in result.reports]
    if not result.document_rule_fired:
        found.append("the document-level rule did not fire")
    return found


def check_form(form: Form, version: int = 1, cancelled: bool = False) -> None:
    """The form's document (and its removal document when cancelled) passes; else the form is kept."""
    header = Header(version=version, effective="2026-11-04T12:00:00", author_unit=UNIT, custodian_cvr=CVR)
    documents = [document_bytes(form, header)]  # what the app writes
    assert documents[0] == to_bytes(build_document(form, header)), "the text and lxml writers differ"
    if cancelled:
        documents.append(to_bytes(build_cancellation(form, Header(version + 1, "2026-11-04T13:00:00", UNIT, CVR))))
    found = [p for data in documents for p in problems(data)]
    if found:
        text = form.to_json(indent=2)
        FAILURES.mkdir(parents=True, exist_ok=True)
        kept = FAILURES / f"{hashlib.sha256(text.encode()).hexdigest()[:12]}.json"
        kept.write_text(text, encoding="utf-8")
        pytest.fail(f"an accepted form exports an invalid document (kept as {kept}; add it to {REGRESSIONS}):\n"
                    + "\n".join(found[:20]))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Form, int, bool]:
    form = draw(forms())
    return form, draw(st.integers(1, 3)), draw(st.integers(0, 4)) == 0


def _property(case: tuple[Form, int, bool]) -> None:
    form, version, cancelled = case
    assume(accepted(form))
    check_form(form, version, cancelled)


@seed(20261207)
@PROPERTY
@given(cases())
def test_every_accepted_form_exports_valid_documents_fixed_seed(case) -> None:
    _property(case)


@PROPERTY
@given(cases())
def test_every_accepted_form_exports_valid_documents_random_seed(case) -> None:
    _property(case)


@pytest.fixture(autouse=True)
def _shared() -> None:
    need_shared()
    schematron()  # compiled once per session, before hypothesis times anything


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.json")), ids=lambda p: p.stem)
def test_kept_regression_cases_are_accepted_and_valid(path: Path) -> None:
    form = Form.model_validate_json(path.read_text(encoding="utf-8"))
    assert accepted(form), "a kept case must still be one our rules accept"
    check_form(form, cancelled=True)
