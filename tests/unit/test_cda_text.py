"""The text writer (export/cda/text.py) writes the same bytes as the lxml writer (build.py) for every form,
and escapes every value exactly as libxml2 does: nasty strings (markup, quotes, whitespace, control characters,
non-BMP characters, lone surrogates) either give the same bytes or are refused by both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from bench.cda_export import complete
from bench.pdf import make_form
from seilocal.export.cda import Header, IntegrityError, build_document, document_bytes, to_bytes
from seilocal.export.cda.integrity import _texts, form_texts
from seilocal.export.cda.text import attr
from seilocal.model import Form
from seilocal.model.form import Contact
from tests.support import cda_corpus as corpus
from tests.support.cda_forms import forms

PIECES = ["<", ">", "&", '"', "'", "\t", "\n", "\r", " ", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85",
          "\u2028", "\ufffe", "\uffff", "\ud800", "æ", "😀", "]]>", "&amp;", "&#10;", "a", "1", "A1"]
NASTY = st.lists(st.sampled_from(PIECES), max_size=8).map("".join) | st.text(max_size=12)
SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _outcome(make: Callable[[], bytes]) -> Any:
    """The bytes written, or the kind of refusal (the lxml writer's errors are ValueErrors)."""
    try:
        return make()
    except IntegrityError as error:
        return ("IntegrityError", str(error))
    except ValueError as error:  # lxml and the text writer refuse a string XML cannot hold (UnicodeError too)
        return ("ValueError", type(error) is UnicodeEncodeError)


def assert_same(form: Form, header: Header) -> bytes:
    old = _outcome(lambda: to_bytes(build_document(form, header)))
    new = _outcome(lambda: document_bytes(form, header))
    assert new == old
    return new if isinstance(new, bytes) else b""


@pytest.mark.parametrize("make", [
    lambda: (corpus.full_form(), corpus.header(1)),
    lambda: (corpus.full_form(contacts=5), corpus.header(3)),
    lambda: (corpus.reports_form(), corpus.header(1)),
    lambda: (corpus.full_form(cpr="010190-1AB1"), corpus.header(2)),
    lambda: (corpus.full_form(contacts=0), corpus.header(1, effective="2026-03-29T03:30:00")),
], ids=["full", "five-contacts-v3", "reports", "replacement-cpr", "procedures-only"])
def test_corpus_forms_give_the_same_bytes(make: Callable[[], tuple[Form, Header]]) -> None:
    form, header = make()
    assert b"<entry" in assert_same(form, header)


def test_a_course_known_only_by_its_id_is_referred_to_the_same_way() -> None:
    form = corpus.full_form(contacts=3)
    form.course.start = form.course.responsible_unit = form.course.start_marker = None
    form.markers = []
    for contact in form.contacts:
        contact.responsible_unit = corpus.UNIT
    data = assert_same(form, corpus.header(1))
    assert b"1.2.208.176.7.1.10.65" in data  # the external course reference, not the internal one


def test_a_generated_thousand_contact_form_gives_the_same_bytes() -> None:
    form = complete(make_form(1000))
    data = assert_same(form, Header(2, "2026-11-25T10:30:00", corpus.UNIT, corpus.CVR))
    assert data.count(b'<templateId root="1.2.208.176.7.1.10.74"/>') == 1000  # one encounter a contact


@SETTINGS
@given(forms(), st.integers(1, 3))
def test_generated_forms_give_the_same_bytes_or_the_same_refusal(form: Form, version: int) -> None:
    assert_same(form, corpus.header(version))


@SETTINGS
@given(NASTY)
def test_an_attribute_value_is_escaped_as_libxml2_escapes_it(value: str) -> None:
    root = etree.Element("a")
    try:
        root.set("v", value)
        expected = etree.tostring(root, encoding="UTF-8").split(b'v="', 1)[1].rsplit(b'"/>', 1)[0]
    except ValueError:
        with pytest.raises(ValueError):
            attr(value).encode()
        return
    assert attr(value).encode() == expected


@SETTINGS
@given(NASTY, NASTY, NASTY, st.sampled_from(["payer", "agreement", "type", "unit", "side", "staff"]))
def test_nasty_form_values_give_the_same_bytes_or_the_same_refusal(text: str, code: str, unit: str,
                                                                   field: str) -> None:
    form = corpus.full_form(contacts=2)
    first: Contact = form.contacts[0]
    procedure = first.procedures[0]
    if field == "payer":
        form.payment.payer = text
    elif field == "agreement":
        form.payment.agreement = code
    elif field == "type":
        first.type = code
    elif field == "unit":
        first.responsible_unit = unit
        procedure.producer = unit
    elif field == "side":
        procedure.side = code
        first.diagnoses[0].side = code
    else:
        procedure.staff_category = code
    assert_same(form, corpus.header(1))


def test_a_lone_surrogate_is_refused_by_both_writers_after_the_checks() -> None:
    form = corpus.full_form(contacts=1)
    form.payment.payer = "A\ud800"
    assert list(form_texts(form)) == []
    assert assert_same(form, corpus.header(1)) == b""


def test_a_payer_with_markup_is_escaped_in_both() -> None:
    form = corpus.full_form(contacts=1)
    form.payment.payer = ' <A&"B>\t😀 '
    data = assert_same(form, corpus.header(1))
    assert b'extension="&lt;A&amp;&quot;B&gt;&#9;\xf0\x9f\x98\x80"' in data


@SETTINGS
@given(NASTY, st.sampled_from(["name", "result", "payer"]))
def test_the_json_pre_check_finds_every_text_the_walk_finds(text: str, field: str) -> None:
    form = corpus.reports_form()
    if field == "name":
        form.patient.name = text
    elif field == "result":
        report = form.result_reports[0]
        report.results[next(iter(report.results))] = text
    else:
        form.payment.payer = text
    walked = list(_texts(form.model_dump(mode="json", exclude={"format", "form_no", "status"})))
    assert list(form_texts(form)) == walked
