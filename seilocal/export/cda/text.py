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
from functools import lru_cache

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
_MARK_LINE = "  " * ENTRY_DEPTH + f"<{_MARK}/>\n"

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


@lru_cache(maxsize=512)
def _format(template: str, depth: int) -> str:
    """A template (2-space indentation from column 0, `{}` for each value, already escaped) indented to `depth`,
    as a %-format (filled in C). `SKS/>` stands for the code system attributes of an SKS code."""
    pad = "  " * depth
    text = "".join(f"{pad}{line}\n" for line in template.splitlines())
    return text.replace("SKS/>", _SKS_ATTRS + "/>").replace("%", "%%").replace("{}", "%s")


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


def nest(template: str, levels: int) -> str:
    """A template indented by `levels` (to put it inside another one)."""
    pad = "  " * levels
    return "\n".join(pad + line for line in template.splitlines())


def _period(start: bool, end: bool) -> str:
    """An IVL_TS effectiveTime with low and high as present (xmlb.period_slots / set_period)."""
    if not start and not end:
        return "<effectiveTime/>"
    return "\n".join(["<effectiveTime>", *(['  <low value="{}"/>'] if start else []),
                      *(['  <high value="{}"/>'] if end else []), "</effectiveTime>"])


def _times(start: str | None, end: str | None) -> tuple[str, ...]:
    """The values of `_period(bool(start), bool(end))`."""
    if start and end:
        return cda_time(start), cda_time(end)
    return tuple(cda_time(value) for value in (start, end) if value)


def _payment(start: bool, end: bool) -> str:
    """Slots: typeCode, agreement, the period's, payer, specialisation level."""
    return "\n".join([_PAYMENT_HEAD, nest(_period(start, end), 2), _PAYMENT_TAIL])


def _payment_values(type_code: str, payment: Payment, start: str | None, end: str | None) -> tuple[str, ...]:
    return (type_code, code(payment.agreement), *_times(start, end), code(payment.payer),
            code(payment.specialisation_level))


# One template per shape of an entry (which optional parts it has, how many codes in each list), composed once
# and filled with one %-format: an entry costs one call instead of one per part. Bounded caches: the number of
# shapes grows with the longest code lists a form has.
@lru_cache(maxsize=256)
def _encounter(start: bool, end: bool, reason: bool, with_course: bool) -> str:
    parts = [_ENCOUNTER_HEAD, nest(_period(start, end), 2), nest(_PRIORITY, 2), nest(_RESPONSIBLE, 2),
             nest(_payment(start, end), 2)]
    if reason:
        parts.append(nest(_CODE_ACT, 2))
    parts += [nest(_INTERNAL_REF if with_course else _EXTERNAL_COURSE, 2), _ENCOUNTER_TAIL]
    return _format("\n".join(parts), ENTRY_DEPTH)


@lru_cache(maxsize=256)
def _procedure(start: bool, end: bool, side: bool, staff: bool, supplementary: int, contrast: bool,
               payment: bool, action_spec: bool, ref: str) -> str:
    parts = [_PROCEDURE_HEAD, nest(_period(start, end), 2)]
    if side:
        parts.append(nest(_SIDE, 2))
    parts.append(nest(_PRODUCER_HEAD, 2))
    if staff:
        parts.append(nest(_STAFF, 4))
    parts += [nest(_PRODUCER_TAIL, 2), *[nest(_CODE_ACT, 2)] * supplementary]
    if contrast:
        parts.append(nest(_CONTRAST, 2))
    if payment:
        parts.append(nest(_payment(start, end), 2))
    if action_spec:
        parts.append(nest(_CODE_ACT, 2))
    parts += [nest(_EXTERNAL_COURSE if ref == "external" else _INTERNAL_REF, 2), _PROCEDURE_TAIL]
    return _format("\n".join(parts), ENTRY_DEPTH)


@lru_cache(maxsize=256)
def _diagnosis(side: bool, recurrences: int, metastases: int, supplementary: int) -> str:
    parts = [_DIAGNOSIS_HEAD, *([nest(_SIDE, 2)] if side else []),
             *[nest(_CODE_OBSERVATION, 2)] * (recurrences + metastases + 1), *[nest(_CODE_ACT, 2)] * supplementary,
             nest(_INTERNAL_REF, 2), _DIAGNOSIS_TAIL]
    return _format("\n".join(parts), ENTRY_DEPTH)


def _code_act(type_code: str, template: str, value: str, class_code: str = "REG",
              generic: str = "2.16.840.1.113883.10.12.301") -> tuple[str, ...]:
    """The values of `_CODE_ACT` (xmlb.code_act)."""
    return type_code, class_code, template, generic, code(value)


class _TextWriter(_Writer):
    """`_Writer` with the entries of the contacts, procedures and diagnoses sections written as text: each such
    section gets one marker element, replaced by its entries' text after lxml has written the rest."""

    def __init__(self, form: Form, header: Header) -> None:
        super().__init__(form, header)
        self.chunks: list[list[str]] = []
        self._section: etree._Element | None = None
        if self.with_course:  # course_ref: inside the document when it is here, else by its id
            tag, class_code, template, generic = _REFS["course"]
            self.course_ref_values: tuple[str, ...] = (tag, class_code, template, generic, self.root,
                                                attr(self.course_id), tag)
        else:
            self.course_ref_values = (self.root, attr(self.course_id))

    def out(self, section: etree._Element) -> list[str]:
        """The text of the section being written (a marker element is added on its first entry)."""
        if section is not self._section:  # lxml keeps one proxy per element while body() holds it
            self._section = section
            etree.SubElement(section, q(_MARK))
            self.chunks.append([])
        return self.chunks[-1]

    def contact_ref(self, contact: Contact) -> tuple[str, ...]:
        tag, class_code, template, generic = _REFS["contact"]
        return tag, class_code, template, generic, self.root, self.rid("contact", contact.id), tag

    def encounter(self, section: etree._Element, contact: Contact) -> None:
        start, end, reason = contact.start, contact.end, contact.reason
        values = (self.root, self.rid("contact", contact.id), code(contact.type), *_times(start, end),
                  code(contact.priority), attr(self.contact_unit(contact)),
                  *_payment_values("REFR", self.form.payment, start, end),
                  *(_code_act("RSON", "1.2.208.176.7.1.10.48", reason) if reason else ()), *self.course_ref_values)
        self.out(section).append(_encounter(bool(start), bool(end), bool(reason), self.with_course) % values)

    def procedure(self, section: etree._Element, procedure: Procedure, contact: Contact | None) -> None:
        start, end, side, staff = procedure.start, procedure.end, procedure.side, procedure.staff_category
        payment = procedure.payment if contact is None else None
        values: list[str] = [self.root, self.rid("procedure", procedure.id), code(procedure.code),
                             *_times(start, end)]
        if side:
            values.append(code(side))
        if staff:
            values.append(code(staff))
        values.append(attr(self.producer(procedure, contact)))
        for value in procedure.supplementary:
            values += _code_act("COMP", "1.2.208.176.7.1.10.5", value)
        if procedure.contrast:
            values.append(code(procedure.contrast))
        if payment is not None:
            values += _payment_values("COMP", payment, start, end)
        if procedure.action_spec:
            values += _code_act("COMP", "1.2.208.176.7.1.10.22", procedure.action_spec, class_code="ACT")
        if contact is not None:
            values += self.contact_ref(contact)
            ref = "contact"
        else:
            values += self.course_ref_values
            ref = "internal" if self.with_course else "external"
        template = _procedure(bool(start), bool(end), bool(side), bool(staff), len(procedure.supplementary),
                              bool(procedure.contrast), payment is not None, bool(procedure.action_spec), ref)
        self.out(section).append(template % tuple(values))

    def diagnosis(self, section: etree._Element, contact: Contact, diagnosis: Diagnosis) -> None:
        main = "1.2.208.176.7.1.10.45" if diagnosis.kind == "action" else "1.2.208.176.7.1.10.46"
        values: list[str] = [main, self.root, self.rid("diagnosis", diagnosis.id), code(diagnosis.code)]
        if diagnosis.side:
            values.append(code(diagnosis.side))
        recurrences, metastases = recurrence_codes(diagnosis), metastasis_codes(diagnosis)
        for value in recurrences:
            values += ("COMP", "1.2.208.176.7.1.10.40", code(value))
        for value in metastases:
            values += ("COMP", "1.2.208.176.7.1.10.37", code(value))
        values += ("COMP", "1.2.208.176.7.1.10.43", DIAGNOSIS_KIND[diagnosis.kind])
        for value in diagnosis.supplementary:
            values += _code_act("COMP", "1.2.208.176.7.1.10.5", value)
        values += self.contact_ref(contact)
        template = _diagnosis(bool(diagnosis.side), len(recurrences), len(metastases), len(diagnosis.supplementary))
        self.out(section).append(template % tuple(values))


def document_bytes(form: Form, header: Header) -> bytes:
    """The full-state document of one submitted version as UTF-8 XML: `to_bytes(build_document(form, header))`.

    IntegrityError when the form cannot be reported."""
    check_integrity(form, header)
    writer = _TextWriter(form, header)
    doc = writer.document(f"Indberetning af helbredsforløb, version {header.version}")
    if header.version > 1:
        writer.related(doc, "RPLC", header.version - 1)
    writer.body(doc)
    # lxml's part is small (header, course, result reports): decoded, it joins the entries' text in one string,
    # encoded once (one copy of the ~11 MB instead of three).
    pieces = to_bytes(doc).decode().split(_MARK_LINE)
    if len(pieces) != len(writer.chunks) + 1:
        raise AssertionError("a text section's marker was not found once in the written document")
    out = [pieces[0]]
    for chunk, rest in zip(writer.chunks, pieces[1:], strict=True):
        out += chunk
        out.append(rest)
    return "".join(out).encode()
