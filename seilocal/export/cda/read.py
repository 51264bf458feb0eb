"""An LPR3 CDA document -> a new form document (the reverse of build.py). Pure: bytes in, Form out.

What the form cannot hold (addresses, stays, a procedure's indication, a payment's own period, codes that
are not codes) is not silently lost: every dropped value is named in `ReadResult.dropped`.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree

from seilocal.model import Form
from seilocal.model.cancer import NO_LOCAL_RECURRENCE_CODE, NO_METASTASES_CODE
from seilocal.model.form import (
    Contact,
    Course,
    Diagnosis,
    Marker,
    Patient,
    Payment,
    Procedure,
    ResultReport,
    Trigger,
)
from seilocal.rules.result_types import fields_of

from .ids import CVR, HL7, SOR, from_cda_time
from .parse import CdaParseError, safe_parse

T = "1.2.208.176.7.1.10."
NS = {"h": HL7}
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,29}$")
_TS = re.compile(r"^\d{14}")


class CdaImportError(ValueError):
    """The document is not an LPR3 CDA document we can read; the message says why in English, `reason` names the
    kind (not-cda, not-lpr3, no-patient, no-cpr, no-entries) and `values` what it names, for the importer's
    templates."""

    def __init__(self, message: str, reason: str, **values: Any) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class Note:
    """One thing of the document that is not kept: its kind and what it names (Danish: `import_notes.py`)."""

    kind: str
    values: dict[str, str]


@dataclass
class ReadResult:
    """The form read from a document, the reporting unit and CVR it names, and what could not be kept."""

    form: Form
    author_unit: str | None = None
    custodian_cvr: str | None = None
    dropped: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    dropped_codes: set[str] = field(default_factory=set)
    dropped_times: set[str] = field(default_factory=set)


def _tpl(node: etree._Element) -> set[str]:
    return {t.get("root", "").removeprefix(T) for t in node.findall("h:templateId", NS)}


def _entry_of(node: etree._Element) -> etree._Element | None:
    return next((c for c in node if isinstance(c.tag, str) and c.tag != f"{{{HL7}}}templateId"), None)


class _Reader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.result = ReadResult(form=Form(status="draft"))
        self.form = self.result.form
        self.ids: dict[str, tuple[str, str]] = {}  # document id extension -> (kind, our row id)
        self.contacts: dict[str, Contact] = {}

    # -- small readers -------------------------------------------------------------------------------------

    def drop(self, what: str, node: etree._Element | None = None, kind: str = "other", **values: str | None) -> None:
        """Name what is not kept: in English (`dropped`, the command line) and as a kind with its values
        (`notes`, rendered per language by template)."""
        self.result.dropped.append(what)
        self.result.notes.append(Note(kind, {k: v or "" for k, v in values.items()}))
        if node is not None:
            self.result.dropped_codes |= {c.get("code") for c in node.iter(f"{{{HL7}}}code") if c.get("code")}
            self.result.dropped_times |= {v.get("value") for v in node.iter() if isinstance(v.tag, str)
                                          and _TS.match(v.get("value") or "")}

    def code(self, node: etree._Element | None, tag: str = "code", what: str = "code") -> str | None:
        element = None if node is None else node.find(f"h:{tag}", NS)
        value = None if element is None else (element.get("code") or "").strip()
        if not value:
            return None
        if not _CODE.match(value):
            self.drop(f"{what} {value!r} is not a code", element, "not_code", value=value)
            return None
        return value

    def time(self, node: etree._Element | None) -> str | None:
        value = None if node is None else node.get("value")
        if not value:
            return None
        try:
            return from_cda_time(value)
        except ValueError:
            self.drop(f"unreadable time {value!r}", None, "bad_time", value=value)
            return None

    def interval(self, node: etree._Element) -> tuple[str | None, str | None]:
        holder = node.find("h:effectiveTime", NS)
        if holder is None:
            return None, None
        if holder.get("value"):
            return self.time(holder), None
        return self.time(holder.find("h:low", NS)), self.time(holder.find("h:high", NS))

    def unit(self, node: etree._Element, type_code: str = "RESP") -> str | None:
        for participant in node.findall("h:participant", NS):
            if participant.get("typeCode") == type_code:
                ident = participant.find(".//h:scopingEntity/h:id", NS)
                extension: str | None = ident.get("extension") if ident is not None else None
                if extension:
                    return extension.strip()
        return None

    def own_id(self, node: etree._Element, kind: str) -> str:
        """Our row id for an entry: its id extension when that is a UUID (kept for references), else new."""
        ident = node.find("h:id", NS)
        extension = (ident.get("extension") or "") if ident is not None else ""
        try:
            row = str(uuid.UUID(extension))
        except ValueError:
            row = str(uuid.uuid4())
        if extension:
            self.ids[extension.lower()] = (kind, row)
        return row

    def relations(self, node: etree._Element, template: str) -> list[etree._Element]:
        found = []
        for relation in node.findall("h:entryRelationship", NS):
            inner = _entry_of(relation)
            if inner is not None and template in _tpl(inner):
                found.append(inner)
        return found

    def codes_of(self, node: etree._Element, template: str) -> list[str]:
        return [c for c in (self.code(n) for n in self.relations(node, template)) if c]

    def reference_target(self, node: etree._Element) -> tuple[str | None, str | None]:
        """(kind, extension) an entry points at: internal references and external episode of care references."""
        kinds = {"72": "course", "70": "marker", "77": "contact", "93": "diagnosis", "94": "procedure",
                 "91": "procedure", "92": "procedure"}
        for relation in node.findall("h:entryRelationship", NS):
            inner = _entry_of(relation)
            if inner is None:
                continue
            hit = _tpl(inner) & set(kinds)
            if hit:
                target = inner.find("h:id", NS)
                return kinds[hit.pop()], ((target.get("extension") if target is not None else None) or "")
        for external in node.findall("h:reference/h:externalAct", NS) + node.findall(
                "h:reference/h:externalProcedure", NS) + node.findall("h:reference/h:externalObservation", NS):
            tpl = _tpl(external)
            ident = external.find("h:id", NS)
            extension = "" if ident is None else (ident.get("extension") or ident.get("root") or "")
            if "65" in tpl:
                return "course", extension
            return "external", extension
        return None, None

    # -- header --------------------------------------------------------------------------------------------

    def header(self) -> None:
        role = self.root.find("h:recordTarget/h:patientRole", NS)
        if role is None:
            raise CdaImportError("the document names no patient (recordTarget)", "no-patient")
        ident = role.find("h:id", NS)
        cpr = (ident.get("extension") or "").strip() if ident is not None else ""
        if not cpr:
            raise CdaImportError("the document names no CPR or replacement number", "no-cpr")
        name = role.find("h:patient/h:name", NS)
        text = None
        if name is not None:
            parts = [p.text.strip() for p in name.findall("h:given", NS) + name.findall("h:family", NS) if p.text]
            text = " ".join(parts) or (name.text or "").strip() or None
        self.form.patient = Patient(cpr=cpr, name=text)
        if role.find("h:addr", NS) is not None:
            self.drop("the patient's address", role.find("h:addr", NS), "address")
        author = self.root.find("h:author/h:assignedAuthor/h:representedOrganization/h:id", NS)
        if author is not None and author.get("root") == SOR:
            self.result.author_unit = (author.get("extension") or "").strip() or None
        custodian = self.root.find("h:custodian//h:representedCustodianOrganization/h:id", NS)
        if custodian is not None and custodian.get("root") == CVR:
            self.result.custodian_cvr = (custodian.get("extension") or "").strip() or None

    # -- body ----------------------------------------------------------------------------------------------

    def body(self) -> None:
        sections = self.root.findall("h:component/h:structuredBody/h:component/h:section", NS)
        by_kind: dict[str, list[etree._Element]] = {}
        for section in sections:
            for entry in section.findall("h:entry", NS):
                inner = _entry_of(entry)
                if inner is None:
                    continue
                tpl = _tpl(inner)
                kind = next((k for k, ts in (("course", {"80"}), ("contact", {"74"}), ("nullify", {"118"}),
                                             ("procedure", {"25", "29", "30"}), ("diagnosis", {"45", "46", "114"}),
                                             ("report", {"90"})) if tpl & ts), None)
                if kind is None:
                    self.drop(f"an entry of unknown template {sorted(tpl)}", inner, "unknown_entry")
                    continue
                by_kind.setdefault(kind, []).append(inner)
        if not by_kind:
            raise CdaImportError("the document has no LPR3 entries (no course, contact, procedure or report)",
                                 "no-entries")
        for node in by_kind.get("course", [])[:1]:
            self.course(node)
        for node in by_kind.get("course", [])[1:]:
            self.drop("a second course (one form holds one course)", node, "second_course")
        for node in by_kind.get("contact", []):
            self.contact(node)
        for node in by_kind.get("procedure", []):
            self.procedure(node)
        for node in by_kind.get("diagnosis", []):
            self.diagnosis(node)
        for node in by_kind.get("report", []):
            self.report(node)
        for node in by_kind.get("nullify", []):
            self.nullify(node)

    def set_course_ref(self, extension: str | None) -> None:
        if extension and not self.form.course.start and self.form.course.id != extension:
            if self.ids.get("course") is None:
                self.form.course.id = extension
                self.ids["course"] = ("course", extension)

    def course(self, act: etree._Element) -> None:
        ident = act.find("h:id", NS)
        course_id = (ident.get("extension") or "") if ident is not None else ""
        start, end = self.interval(act)
        course = Course(id=course_id or str(uuid.uuid4()), start=start, end=end, responsible_unit=self.unit(act))
        self.ids["course"] = ("course", course.id)
        self.ids[course.id.lower()] = ("course", course.id)
        labels = self.codes_of(act, "81")
        course.label = labels[0] if labels else None
        completion = self.codes_of(act, "105")
        course.completion = completion[0] if completion else None
        for marker in self.relations(act, "82"):
            code, (time, _) = self.code(marker), self.interval(marker)
            if course.start_marker is None and time == start and not self.form.markers:
                course.start_marker = code
                self.own_id(marker, "marker")
            else:
                self.form.markers.append(Marker(id=self.own_id(marker, "marker"), code=code, time=time))
        self.form.course = course
        for referral in self.relations(act, "51"):
            self.referral(referral)
        for link in self.relations(act, "83"):
            external = link.find("h:reference/h:externalAct/h:id", NS)
            self.form.referral.reference_type = self.code(link)
            if external is not None:
                self.form.referral.reference_id = external.get("extension") or external.get("root")

    def referral(self, act: etree._Element) -> None:
        ref = self.form.referral
        ref.time = self.time(act.find("h:effectiveTime", NS))
        ref.referring_unit = self.unit(act, "REF")
        ref.free_choice = next(iter(self.codes_of(act, "53")), None)
        ref.method = next(iter(self.codes_of(act, "54")), None)
        for reason in self.relations(act, "55"):
            ref.reason = self.code(reason)
            for extra in self.relations(reason, "5"):
                self.drop("a supplementary code on the referral reason", extra, "referral_supplementary")

    def payment(self, act: etree._Element, period: tuple[str | None, str | None]) -> Payment:
        payer = act.find("h:participant/h:participantRole/h:scopingEntity/h:id", NS)
        spec = self.codes_of(act, "10")
        if act.find("h:effectiveTime", NS) is not None and self.interval(act) != period:
            self.drop("the payment's own period (the contact's times are used)", act.find("h:effectiveTime", NS),
                      "payment_period")
        return Payment(agreement=self.code(act), payer=None if payer is None else payer.get("extension"),
                       specialisation_level=spec[0] if spec else None)

    def contact(self, enc: etree._Element) -> None:
        start, end = self.interval(enc)
        contact = Contact(id=self.own_id(enc, "contact"), start=start, end=end, responsible_unit=self.unit(enc),
                          type=self.code(enc), priority=self.code(enc, "priorityCode"))
        reasons = self.codes_of(enc, "48")
        contact.reason = reasons[0] if reasons else None
        for pay in self.relations(enc, "7"):
            payment = self.payment(pay, (start, end))
            current = self.form.payment
            if not any((current.payer, current.agreement, current.specialisation_level)):
                self.form.payment = payment
            elif payment != current:
                self.drop("a contact's own payment (the form has one payment for all its contacts)", pay,
                          "contact_payment")
        for participant in enc.findall("h:participant", NS):
            if participant.get("typeCode") != "RESP":
                self.drop("a stay or absence of the contact (opholdsadresse)", participant, "stay")
        for referral in self.relations(enc, "51"):
            self.drop("a referral on the contact", referral, "contact_referral")
        kind, extension = self.reference_target(enc)
        if kind == "course":
            self.set_course_ref(extension)
        self.form.contacts.append(contact)
        self.contacts[contact.id] = contact

    def procedure(self, node: etree._Element) -> None:
        start, end = self.interval(node)
        role = node.find("h:participant[@typeCode='PRF']/h:participantRole", NS)
        procedure = Procedure(id=self.own_id(node, "procedure"), code=self.code(node), start=start, end=end,
                              side=self.code(node, "targetSiteCode"),
                              producer=None if role is None else self.unit(node, "PRF"),
                              staff_category=None if role is None else self.code(role))
        procedure.supplementary = self.codes_of(node, "5")
        for admin in self.relations(node, "2"):
            material = admin.find(".//h:manufacturedMaterial", NS)
            procedure.contrast = self.code(material) if material is not None else None
        specs = self.codes_of(node, "22")
        procedure.action_spec = specs[0] if specs else None
        for reason in self.relations(node, "19"):
            self.drop("a procedure's indication (not part of the form)", reason, "indication")
        kind, extension = self.reference_target(node)
        target = self.ids.get((extension or "").lower())
        if kind == "contact" and target and target[1] in self.contacts:
            self.contacts[target[1]].procedures.append(procedure)
            for pay in self.relations(node, "7"):  # LPR3 pays a contact's procedures through the contact
                self.drop("the payment of a procedure on a contact", pay, "procedure_payment")
            return
        if kind == "course":
            self.set_course_ref(extension)
        elif kind is not None:
            self.drop("the link of a procedure to a contact not in the document (kept without contact)", None,
                      "procedure_link")
        pays = self.relations(node, "7")
        procedure.payment = self.payment(pays[0], (start, end)) if pays else None
        self.form.procedures.append(procedure)

    def diagnosis(self, obs: etree._Element) -> None:
        kind: Literal["action", "secondary"] = "action" if "45" in _tpl(obs) else "secondary"
        metastases, recurrences = self.codes_of(obs, "37"), self.codes_of(obs, "40")
        # The "none" code comes back as the form's "none" statement (model/cancer.py), not as a code.
        diagnosis = Diagnosis(id=self.own_id(obs, "diagnosis"), kind=kind, code=self.code(obs),
                              side=self.code(obs, "targetSiteCode"), supplementary=self.codes_of(obs, "5"),
                              metastases=[c for c in metastases if c != NO_METASTASES_CODE],
                              no_metastases=NO_METASTASES_CODE in metastases,
                              local_recurrences=[c for c in recurrences if c != NO_LOCAL_RECURRENCE_CODE],
                              no_local_recurrences=NO_LOCAL_RECURRENCE_CODE in recurrences)
        target_kind, extension = self.reference_target(obs)
        target = self.ids.get((extension or "").lower())
        if target_kind == "contact" and target and target[1] in self.contacts:
            self.contacts[target[1]].diagnoses.append(diagnosis)
        else:
            self.drop(f"diagnosis {diagnosis.code} of a contact not in the document", obs, "diagnosis_link",
                      value=diagnosis.code)

    def report(self, act: etree._Element) -> None:
        organizer = next(iter(self.relations(act, "88")), None)
        if organizer is None:
            self.drop("a result report without its organizer", act, "report_organizer")
            return
        status = organizer.find("h:statusCode", NS)
        report = ResultReport(id=self.own_id(act, "report"), name=self.code(organizer),
                              status="complete" if status is not None and status.get("code") == "RAS01"
                              else "incomplete")
        kinds = {f.code: f.kind for f in fields_of(report.name)}
        for obs in organizer.findall("h:component/h:observation", NS):
            code = self.code(obs)
            if code is None:
                continue
            if report.time is None:
                report.time = self.time(obs.find("h:effectiveTime", NS))
            value = obs.find("h:value", NS)
            text = None if value is None or value.get("nullFlavor") else (value.text or "").strip() or None
            if text and kinds.get(code) == "time":
                text = from_cda_time(text) if _TS.match(text) else text
            if code in report.results:
                self.drop(f"a second result {code} in report {report.name}", obs, "second_result", value=code,
                          report=report.name)
                continue
            report.results[code] = text
        kind, extension = self.reference_target(act)
        target = self.ids.get((extension or "").lower())
        if kind == "course":
            self.set_course_ref(extension)
            report.trigger = Trigger(ref=self.form.course.id, code=self.form.course.label)
        elif target is not None:
            report.trigger = Trigger(ref=target[1])
        else:
            self.drop(f"the trigger of result report {report.name} (not in the document)", None, "report_trigger",
                  report=report.name)
        self.form.result_reports.append(report)

    def nullify(self, act: etree._Element) -> None:
        external = act.find("h:reference/*/h:id", NS)
        ident = act.find("h:id", NS)
        target = (ident.get("extension") if ident is not None and ident.get("extension") else
                  (external.get("extension") if external is not None else None))
        if target and not self.form.course.start:
            self.form.course.id = target
        self.form.status = "cancelled"
        self.drop("the removal (nullify) of an entry: imported as a cancelled form", None, "nullify")


def read_document(data: bytes) -> ReadResult:
    """Read an LPR3 CDA document into a new form; CdaParseError/CdaImportError say why it cannot be read."""
    root = safe_parse(data)
    if root.tag != f"{{{HL7}}}ClinicalDocument":
        localname = etree.QName(root).localname
        raise CdaImportError(f"not an HL7 CDA document (its root element is {localname!r})", "not-cda", root=localname)
    if "71" not in _tpl(root):
        raise CdaImportError("not an LPR3 document (no DK Episode Of Care Summaries template 1.2.208.176.7.1.10.71)",
                             "not-lpr3")
    reader = _Reader(root)
    reader.header()
    reader.body()
    return reader.result


__all__ = ["CdaImportError", "CdaParseError", "ReadResult", "read_document"]
