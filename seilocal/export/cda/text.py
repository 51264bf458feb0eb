"""The full-state document written as text: the same bytes as `to_bytes(build_document(...))`, ~3x faster.

A 1,000-contact form's document holds ~150,000 elements, nearly all in its contacts, procedures and diagnoses
sections. Building them as lxml elements and serialising them cost ~250 ms CPU; here those entries are written
from text templates, indented as lxml's pretty printer indents them, and spliced into the document lxml writes
for the rest (header, course, result reports: few elements, the free texts). `build.py` stays the reference:
tests/unit/test_cda_text.py holds both writers to the same bytes, nasty strings included.

Every value taken from the form goes through `attr` (the escaping libxml2 does in an attribute); the ids and
time stamps we derive (UUIDs, CDA TS) cannot need it. Pure: no SQL, no NiceGUI.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from seilocal.model import Form
from seilocal.model.cancer import metastasis_codes, recurrence_codes
from seilocal.model.form import Contact, Diagnosis, Payment, Procedure

from .build import DIAGNOSIS_KIND, _Writer, to_bytes
from .header import Header
from .ids import SKS, SKS_NAME, cda_time
from .integrity import check_integrity
from .xmlb import q

ENTRY_DEPTH = 5  # ClinicalDocument / component / structuredBody / component / section / entry
_MARK = "seilocal-text"  # an element name no form value can produce: lxml escapes every "<" of a value
_MARK_LINE = ("  " * ENTRY_DEPTH + f"<{_MARK}/>\n").encode()

# What libxml2 escapes in an attribute value, and the characters XML 1.0 cannot hold (lxml refuses them).
_ATTR_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def attr(value: str) -> str:
    """A form value as libxml2 writes it in an attribute (UTF-8 output: only markup and whitespace escaped)."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    if _NOT_XML.search(value):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def code(value: str | None) -> str:
    """An SKS code value as `xmlb.sks` writes it: stripped, escaped."""
    return attr((value or "").strip())


_SKS_ATTRS = f'codeSystem="{SKS}" codeSystemName="{SKS_NAME}"'


@cache
def _format(template: str, depth: int) -> str:
    """A template (2-space indentation from column 0, `{}` for each value) indented to `depth`, as a %-format
    (filled in C, one call per template). `SKS/>` stands for the code system attributes of an SKS code."""
    pad = "  " * depth
    text = "".join(f"{pad}{line}\n" for line in template.splitlines())
    return text.replace("SKS/>", _SKS_ATTRS + "/>").replace("%", "%%").replace("{}", "%s")


def put(out: list[str], depth: int, template: str, *values: str) -> None:
    """Append a template at `depth` with its slots filled by `values` (already escaped)."""
    out.append(_format(template, depth) % values)


_CODE_ACT = """<entryRelationship typeCode="{}">
  <act classCode="{}" moodCode="EVN">
    <templateId root="{}"/>
    <templateId root="{}"/>
    <code code="{}" SKS/>
  </act>
</entryRelationship>"""
_CODE_OBSERVATION = """<entryRelationship typeCode="{}">
  <observation classCode="OBS" moodCode="EVN">
    <templateId root="{}"/>
    <templateId root="2.16.840.1.113883.10.12.303"/>
    <code code="{}" SKS/>
  </observation>
</entryRelationship>"""
_INTERNAL_REF = """<entryRelationship typeCode="REFR">
  <{} classCode="{}" moodCode="EVN">
    <templateId root="{}"/>
    <templateId root="{}"/>
    <id root="{}" extension="{}"/>
    <code nullFlavor="NA"/>
  </{}>
</entryRelationship>"""
_REFS = {  # as xmlb.internal_ref
    "course": ("act", "PCPR", "1.2.208.176.7.1.10.72", "2.16.840.1.113883.10.12.301"),
    "contact": ("encounter", "ENC", "1.2.208.176.7.1.10.77", "2.16.840.1.113883.10.12.301"),
}
_EXTERNAL_COURSE = """<reference typeCode="REFR">
  <templateId root="1.2.208.176.7.1.10.69"/>
  <templateId root="2.16.840.1.113883.10.12.324"/>
  <externalAct classCode="PCPR" moodCode="EVN">
    <templateId root="1.2.208.176.7.1.10.65"/>
    <templateId root="2.16.840.1.113883.10.12.325"/>
    <id root="{}" extension="{}"/>
  </externalAct>
</reference>"""
_RESPONSIBLE = """<participant typeCode="RESP">
  <templateId root="1.2.208.176.7.1.10.49"/>
  <templateId root="2.16.840.1.113883.10.12.321"/>
  <participantRole classCode="ROL">
    <scopingEntity classCode="ORG">
      <id root="1.2.208.176.1.1" extension="{}" assigningAuthorityName="SOR"/>
    </scopingEntity>
  </participantRole>
</participant>"""
_PAYMENT_HEAD = """<entryRelationship typeCode="{}">
  <act classCode="ACT" moodCode="EVN">
    <templateId root="1.2.208.176.7.1.10.7"/>
    <templateId root="2.16.840.1.113883.10.12.301"/>
    <code code="{}" SKS/>"""
_PAYMENT_TAIL = """    <participant typeCode="IND">
      <templateId root="1.2.208.176.7.1.10.8"/>
      <templateId root="2.16.840.1.113883.10.12.321"/>
      <participantRole classCode="PAYOR">
        <scopingEntity classCode="ORG">
          <id root="1.2.208.176.2.4" extension="{}" assigningAuthorityName="Sundhedsdatastyrelsen"/>
        </scopingEntity>
      </participantRole>
    </participant>
    <entryRelationship typeCode="COMP">
      <act classCode="ACT" moodCode="EVN">
        <templateId root="1.2.208.176.7.1.10.10"/>
        <templateId root="2.16.840.1.113883.10.12.301"/>
        <code code="{}" SKS/>
      </act>
    </entryRelationship>
  </act>
</entryRelationship>"""
_ENCOUNTER_HEAD = """<entry typeCode="COMP">
  <encounter classCode="ENC" moodCode="EVN">
    <templateId root="1.2.208.176.7.1.10.74"/>
    <templateId root="2.16.840.1.113883.10.12.302"/>
    <id root="{}" extension="{}"/>
    <code code="{}" SKS/>"""
_PRIORITY = '<priorityCode code="{}" SKS/>'
_ENCOUNTER_TAIL = """  </encounter>
</entry>"""
_PROCEDURE_HEAD = """<entry typeCode="COMP">
  <procedure classCode="PROC" moodCode="EVN">
    <templateId root="1.2.208.176.7.1.10.30"/>
    <templateId root="2.16.840.1.113883.10.12.306"/>
    <id root="{}" extension="{}"/>
    <code code="{}" SKS/>"""
_SIDE = '<targetSiteCode code="{}" SKS/>'
_PRODUCER_HEAD = """<participant typeCode="PRF">
  <templateId root="1.2.208.176.7.1.10.16"/>
  <templateId root="2.16.840.1.113883.10.12.321"/>
  <participantRole classCode="ROL">"""
_STAFF = '<code code="{}" SKS/>'
_PRODUCER_TAIL = """    <scopingEntity classCode="ORG">
      <id root="1.2.208.176.1.1" extension="{}" assigningAuthorityName="SOR"/>
    </scopingEntity>
  </participantRole>
</participant>"""
_CONTRAST = """<entryRelationship typeCode="COMP">
  <substanceAdministration classCode="SBADM" moodCode="EVN">
    <templateId root="1.2.208.176.7.1.10.2"/>
    <templateId root="2.16.840.1.113883.10.12.308"/>
    <consumable typeCode="CSM">
      <manufacturedProduct classCode="MANU">
        <templateId root="1.2.208.176.7.1.10.4"/>
        <templateId root="2.16.840.1.113883.10.12.312"/>
        <manufacturedMaterial classCode="MMAT">
          <templateId root="1.2.208.176.7.1.10.3"/>
          <templateId root="2.16.840.1.113883.10.12.311"/>
          <code code="{}" SKS/>
        </manufacturedMaterial>
      </manufacturedProduct>
    </consumable>
  </substanceAdministration>
</entryRelationship>"""
_PROCEDURE_TAIL = """  </procedure>
</entry>"""
_DIAGNOSIS_HEAD = """<entry typeCode="COMP">
  <observation classCode="OBS" moodCode="EVN" negationInd="false">
    <templateId root="{}"/>
    <templateId root="1.2.208.176.7.1.10.36"/>
    <templateId root="2.16.840.1.113883.10.12.303"/>
    <id root="{}" extension="{}"/>
    <code code="{}" SKS/>"""
_DIAGNOSIS_TAIL = """  </observation>
</entry>"""
_EMPTY_PERIOD = "<effectiveTime/>"
_PERIOD_HEAD = "<effectiveTime>"
_LOW = '  <low value="{}"/>'
_HIGH = '  <high value="{}"/>'
_PERIOD_TAIL = "</effectiveTime>"


def period(out: list[str], depth: int, start: str | None, end: str | None) -> None:
    """An IVL_TS effectiveTime with low and high as present (xmlb.period_slots / set_period)."""
    if not start and not end:
        put(out, depth, _EMPTY_PERIOD)
        return
    put(out, depth, _PERIOD_HEAD)
    if start:
        put(out, depth, _LOW, cda_time(start))
    if end:
        put(out, depth, _HIGH, cda_time(end))
    put(out, depth, _PERIOD_TAIL)


def code_act(out: list[str], depth: int, type_code: str, template: str, value: str, class_code: str = "REG",
             generic: str = "2.16.840.1.113883.10.12.301") -> None:
    put(out, depth, _CODE_ACT, type_code, class_code, template, generic, code(value))


class _TextWriter(_Writer):
    """`_Writer` with the entries of the contacts, procedures and diagnoses sections written as text: each such
    section gets one marker element, replaced by its entries' text after lxml has written the rest."""

    def __init__(self, form: Form, header: Header) -> None:
        super().__init__(form, header)
        self.chunks: list[list[str]] = []
        self._section: etree._Element | None = None

    def out(self, section: etree._Element) -> list[str]:
        """The text of the section being written (a marker element is added on its first entry)."""
        if section is not self._section:  # lxml keeps one proxy per element while body() holds it
            self._section = section
            etree.SubElement(section, q(_MARK))
            self.chunks.append([])
        return self.chunks[-1]

    def text_course_ref(self, out: list[str], depth: int) -> None:
        if self.with_course:
            tag, class_code, template, generic = _REFS["course"]
            put(out, depth, _INTERNAL_REF, tag, class_code, template, generic, self.root, attr(self.course_id), tag)
        else:
            put(out, depth, _EXTERNAL_COURSE, self.root, attr(self.course_id))

    def contact_ref(self, out: list[str], depth: int, contact: Contact) -> None:
        tag, class_code, template, generic = _REFS["contact"]
        put(out, depth, _INTERNAL_REF, tag, class_code, template, generic, self.root, self.rid("contact", contact.id),
            tag)

    def text_payment(self, out: list[str], depth: int, type_code: str, payment: Payment, start: str | None,
                     end: str | None) -> None:
        put(out, depth, _PAYMENT_HEAD, type_code, code(payment.agreement))
        period(out, depth + 2, start, end)
        put(out, depth, _PAYMENT_TAIL, code(payment.payer), code(payment.specialisation_level))

    def encounter(self, section: etree._Element, contact: Contact) -> None:
        out, d = self.out(section), ENTRY_DEPTH
        put(out, d, _ENCOUNTER_HEAD, self.root, self.rid("contact", contact.id), code(contact.type))
        period(out, d + 2, contact.start, contact.end)
        put(out, d + 2, _PRIORITY, code(contact.priority))
        put(out, d + 2, _RESPONSIBLE, attr(self.contact_unit(contact)))
        self.text_payment(out, d + 2, "REFR", self.form.payment, contact.start, contact.end)
        if contact.reason:
            code_act(out, d + 2, "RSON", "1.2.208.176.7.1.10.48", contact.reason)
        self.text_course_ref(out, d + 2)
        put(out, d, _ENCOUNTER_TAIL)

    def procedure(self, section: etree._Element, procedure: Procedure, contact: Contact | None) -> None:
        out, d = self.out(section), ENTRY_DEPTH
        put(out, d, _PROCEDURE_HEAD, self.root, self.rid("procedure", procedure.id), code(procedure.code))
        period(out, d + 2, procedure.start, procedure.end)
        if procedure.side:
            put(out, d + 2, _SIDE, code(procedure.side))
        put(out, d + 2, _PRODUCER_HEAD)
        if procedure.staff_category:
            put(out, d + 4, _STAFF, code(procedure.staff_category))
        put(out, d + 2, _PRODUCER_TAIL, attr(self.producer(procedure, contact)))
        for value in procedure.supplementary:
            code_act(out, d + 2, "COMP", "1.2.208.176.7.1.10.5", value)
        if procedure.contrast:
            put(out, d + 2, _CONTRAST, code(procedure.contrast))
        if contact is None and procedure.payment is not None:
            self.text_payment(out, d + 2, "COMP", procedure.payment, procedure.start, procedure.end)
        if procedure.action_spec:
            code_act(out, d + 2, "COMP", "1.2.208.176.7.1.10.22", procedure.action_spec, class_code="ACT")
        if contact is not None:
            self.contact_ref(out, d + 2, contact)
        else:
            self.text_course_ref(out, d + 2)
        put(out, d, _PROCEDURE_TAIL)

    def diagnosis(self, section: etree._Element, contact: Contact, diagnosis: Diagnosis) -> None:
        out, d = self.out(section), ENTRY_DEPTH
        main = "1.2.208.176.7.1.10.45" if diagnosis.kind == "action" else "1.2.208.176.7.1.10.46"
        put(out, d, _DIAGNOSIS_HEAD, main, self.root, self.rid("diagnosis", diagnosis.id), code(diagnosis.code))
        if diagnosis.side:
            put(out, d + 2, _SIDE, code(diagnosis.side))
        for value in recurrence_codes(diagnosis):
            put(out, d + 2, _CODE_OBSERVATION, "COMP", "1.2.208.176.7.1.10.40", code(value))
        for value in metastasis_codes(diagnosis):
            put(out, d + 2, _CODE_OBSERVATION, "COMP", "1.2.208.176.7.1.10.37", code(value))
        put(out, d + 2, _CODE_OBSERVATION, "COMP", "1.2.208.176.7.1.10.43", DIAGNOSIS_KIND[diagnosis.kind])
        for value in diagnosis.supplementary:
            code_act(out, d + 2, "COMP", "1.2.208.176.7.1.10.5", value)
        self.contact_ref(out, d + 2, contact)
        put(out, d, _DIAGNOSIS_TAIL)


def document_bytes(form: Form, header: Header) -> bytes:
    """The full-state document of one submitted version as UTF-8 XML: `to_bytes(build_document(form, header))`.

    IntegrityError when the form cannot be reported."""
    check_integrity(form, header)
    writer = _TextWriter(form, header)
    doc = writer.document(f"Indberetning af helbredsforløb, version {header.version}")
    if header.version > 1:
        writer.related(doc, "RPLC", header.version - 1)
    writer.body(doc)
    pieces = to_bytes(doc).split(_MARK_LINE)
    if len(pieces) != len(writer.chunks) + 1:
        raise AssertionError("a text section's marker was not found once in the written document")
    out = [pieces[0]]
    for chunk, rest in zip(writer.chunks, pieces[1:], strict=True):
        out.append("".join(chunk).encode())
        out.append(rest)
    return b"".join(out)
