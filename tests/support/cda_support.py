"""The official validators for tests: the XSD and the schematron compiled once per test session (cached in build/)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from seilocal.export.cda import Header, document_bytes
from seilocal.model import Form
from tests.support.env import REPO, SHARED

LPR3 = SHARED / "lpr3"
XSD = LPR3 / "cda-xsd" / "CDA.xsd"
SCHEMATRON_ZIP = LPR3 / "lpr-cda-schematron-2019-01-11.zip"
SAMPLES = LPR3 / "cda-examples"
BUILD = REPO / "build" / "cda"

if TYPE_CHECKING:
    from seilocal.export.cda.check import Schematron


def need_shared() -> None:
    """Skip (visibly) when the official LPR3 files are not next to the repository."""
    if not XSD.exists() or not SCHEMATRON_ZIP.exists():
        pytest.skip(f"the official LPR3 XSD and schematron are not at {LPR3} (../shared absent)")


def schematron() -> Schematron:
    """The compiled official schematron (skips without ../shared or without saxonche); one per process, shared with
    `make cda-check`'s `main` when a test runs it in-process."""
    from seilocal.export.cda.check import compiled_schematron

    need_shared()
    pytest.importorskip("saxonche", reason="saxonche (the test extra) is needed to run the schematron")
    return compiled_schematron(SCHEMATRON_ZIP, BUILD)


def assert_valid(data: bytes) -> None:
    """Valid against the official XSD, and 0 failed asserts, 0 reports, document rule fired in the schematron."""
    from seilocal.export.cda.check import xsd_errors

    need_shared()
    assert xsd_errors(data, XSD) == []
    result = schematron().check(data)
    assert result.failed == []
    assert result.reports == []
    assert result.document_rule_fired, "the document-level rule did not fire: nothing was checked"


def document(form: Form, header: Header) -> bytes:
    """The bytes of a version's document, as the app writes them (the text writer; test_cda_text.py holds it to
    the lxml writer's bytes)."""
    return document_bytes(form, header)
