"""The form document -> one LPR3 CDA document ("DK Episode Of Care Summaries", 1.2.208.176.7.1.10.71).

Pure: no SQL, no NiceGUI. Every version of a form is a full-state document that replaces (RPLC) the previous
version of its set; a cancelled form gives the Nullify document of its course (docs/cda.md says why).
"""

from __future__ import annotations

from datetime import datetime

from lxml import etree

from seilocal.model import Form
from seilocal.model.cancer import metastasis_codes, recurrence_codes
from seilocal.model.cpr import check_cpr
from seilocal.model.form import Contact, Diagnosis, Payment, Procedure, ResultReport
from seilocal.rules.result_types import fields_of

from . import ids
from .header import Header, has_course_entry
from .ids import CPR, CVR, LOINC, SOR, cda_time
from .integrity import check_integrity
from .xmlb import (
    code_act,
    code_observation,
    el,
    external_course_ref,
    fill_head,
    ident,
    internal_ref,
    interval,
    null_code,
    period_slots,
    q,
    responsible,
    root_element,
    set_period,
    sks,
    sor_entity,
    stamp,
    templates,
)

DOC_TEMPLATE = "1.2.208.176.7.1.10.71"
SECTION = "2.16.840.1.113883.10.12.201"
ACT = "2.16.840.1.113883.10.12.301"
OBS = "2.16.840.1.113883.10.12.303"
RESULT_STATUS = {"complete": "RAS01", "incomplete": "RAS00"}
DIAGNOSIS_KIND = {"action": "ALGA01", "secondary": "ALGA02"}


class _Writer:
    """Writes one document; holds the course's id root and the lookup of trigger targets."""

    def __init__(self, form: Form, header: Header) -> None:
        self.form = form
        self.header = header
        self.course_id = form.course.id.strip()
        self.root = ids.set_id(self.course_id)
        self.with_course = has_course_entry(form)

    def rid(self, kind: str, own: str) -> str:
        return ids.row_id(self.course_id, kind, own)

    # -- header --------------------------------------------------------------------------------------

    def document(self, title: str) -> etree._Element:
        doc = root_element("ClinicalDocument")
        el(doc, "realmCode", code="DK")
        el(doc, "typeId", root="2.16.840.1.113883.1.3", extension="POCD_HD000040")
        templates(doc, DOC_TEMPLATE, "2.16.840.1.113883.10.12.2", "2.16.840.1.113883.10.12.1")
        ident(doc, self.root, ids.document_id(self.course_id, self.header.version))
        el(doc, "code", code="34133-9", codeSystem=LOINC, codeSystemName="LOINC",
           displayName="Summary of episode note")
        el(doc, "title").text = title
        el(doc, "effectiveTime", value=cda_time(self.header.effective))
        el(doc, "confidentialityCode", code="N", codeSystem="2.16.840.1.113883.5.25")
        el(doc, "setId", root=self.root, assigningAuthorityName=f"SOR {self.header.author_unit.strip()}")
        el(doc, "versionNumber", value=str(self.header.version))
        self.record_target(doc)
        self.author(doc)
        self.custodian(doc)
        return doc

    def record_target(self, doc: etree._Element) -> None:
        target = el(doc, "recordTarget")
        templates(target, "1.2.208.176.7.1.10.101", "2.16.840.1.113883.10.12.101")
        role = el(target, "patientRole", classCode="PAT")
        patient = self.form.patient
        checked = check_cpr(patient.cpr, today=datetime.fromisoformat(self.header.effective).date())
        number = checked.normalized or (patient.cpr or "").strip()
        if checked.kind != "cpr":
            # LPR3's "alternatively identified patient": the number is the practice's own replacement number,
            # so its id root is ours (derived from the reporting unit), not the CPR register's.
            templates(role, "1.2.208.176.7.1.10.107")
            ident(role, ids.replacement_root(self.header.author_unit), number).set(
                "assigningAuthorityName", f"SOR {self.header.author_unit}")
            addr = el(role, "addr")
            for part in ("streetAddressLine", "postalCode", "city"):
                el(addr, part, nullFlavor="NI")
            el(addr, "country").text = "5100"
        else:
            templates(role, "1.2.208.176.7.1.10.106")
            ident(role, CPR, number).set("assigningAuthorityName", "CPR")
        if patient.name and patient.name.strip() or checked.kind == "ecpr":
            person = el(role, "patient", classCode="PSN")
            # MedCom's personal name: given names and one family name (the last word of what was typed).
            words = (patient.name or "").split()
            name = el(person, "name")
            given = el(name, "given")
            if len(words) > 1:
                given.text = " ".join(words[:-1])
            else:
                given.set("nullFlavor", "NI")
            family = el(name, "family")
            if words:
                family.text = words[-1]
            else:
                family.set("nullFlavor", "NI")
            el(person, "administrativeGenderCode", code=checked.sex or "UN", codeSystem="2.16.840.1.113883.5.1")

    def author(self, doc: etree._Element) -> None:
        author = el(doc, "author", typeCode="AUT")
        templates(author, "1.2.208.176.7.1.10.102", "2.16.840.1.113883.10.12.102")
        el(author, "time", value=cda_time(self.header.effective))
        assigned = el(author, "assignedAuthor", classCode="ASSIGNED")
        el(assigned, "id", nullFlavor="NI")
        org = el(assigned, "representedOrganization", classCode="ORG", determinerCode="INSTANCE")
        ident(org, SOR, self.header.author_unit.strip()).set("assigningAuthorityName", "SOR")

    def custodian(self, doc: etree._Element) -> None:
        custodian = el(doc, "custodian", typeCode="CST")
        templates(custodian, "1.2.208.176.7.1.10.103", "2.16.840.1.113883.10.12.104")
        assigned = el(custodian, "assignedCustodian", classCode="ASSIGNED")
        org = el(assigned, "representedCustodianOrganization", classCode="ORG", determinerCode="INSTANCE")
        ident(org, CVR, self.header.custodian_cvr.strip()).set("assigningAuthorityName",
                                                                 "Erhvervs- og Selskabsstyrelsen")

    def related(self, doc: etree._Element, type_code: str, parent_version: int) -> None:
        related = el(doc, "relatedDocument", typeCode=type_code)
        parent = el(related, "parentDocument", classCode="DOCCLIN", moodCode="EVN")
        ident(parent, self.root, ids.document_id(self.course_id, parent_version))
        el(parent, "setId", root=self.root)
        el(parent, "versionNumber", value=str(parent_version))

    @staticmethod
    def section(body: etree._Element, template: str) -> etree._Element:
        component = el(body, "component", contextConductionInd="true")
        section = el(component, "section")
        templates(section, template, SECTION)
        return section

    # -- course ----------------------------------------------------------------------------------------

    def course_ref(self, parent: etree._Element) -> None:
        """Point an entry at the course: inside the document when it is here, else by its id."""
        if self.with_course:
            internal_ref(parent, "course", self.root, self.course_id)
        else:
            external_course_ref(parent, self.root, self.course_id)

    def episode_of_care(self, section: etree._Element) -> None:
        form, course = self.form, self.form.course
        act = el(el(section, "entry", typeCode="COMP"), "act", classCode="PCPR", moodCode="EVN")
        templates(act, "1.2.208.176.7.1.10.80", ACT)
        ident(act, self.root, self.course_id)
        null_code(act)
        interval(act, course.start, course.end)
        responsible(act, course.responsible_unit or "")
        self.referral(act)
        code_act(act, "COMP", "1.2.208.176.7.1.10.81", course.label or "")
        markers: list[tuple[str, str | None, str | None]] = (
            [("start", course.start_marker, course.start)] if course.start_marker else [])
        markers += [(m.id, m.code, m.time) for m in form.markers]
        for own, code, time in markers:
            marker = code_act(act, "COMP", "1.2.208.176.7.1.10.82", code or "")
            marker.insert(2, etree.Element(q("id"), root=self.root, extension=self.rid("marker", own)))
            el(marker, "effectiveTime", value=cda_time(time or ""))
        ref = form.referral
        if ref.reference_id and ref.reference_type:
            link = code_act(act, "COMP", "1.2.208.176.7.1.10.83", ref.reference_type)
            reference = el(link, "reference", typeCode="REFR")
            templates(reference, "1.2.208.176.7.1.10.129", "2.16.840.1.113883.10.12.324")
            external = el(reference, "externalAct", classCode="PCPR", moodCode="EVN")
            templates(external, "1.2.208.176.7.1.10.128", "2.16.840.1.113883.10.12.325")
            el(external, "id", root=ref.reference_id.strip())
        if course.completion:
            code_observation(act, "COMP", "1.2.208.176.7.1.10.105", course.completion)

    def referral(self, act: etree._Element) -> None:
        ref = self.form.referral
        relation = el(act, "entryRelationship", typeCode="RSON")
        referral = el(relation, "act", classCode="PCPR", moodCode="RQO")
        templates(referral, "1.2.208.176.7.1.10.51", ACT)
        null_code(referral)
        el(referral, "effectiveTime", value=cda_time(ref.time or ""))
        if ref.referring_unit:
            responsible(referral, ref.referring_unit, type_code="REF")
        code_act(referral, "COMP", "1.2.208.176.7.1.10.53", ref.free_choice or "")
        code_act(referral, "COMP", "1.2.208.176.7.1.10.54", ref.method or "")
        if ref.reason:
            code_act(referral, "RSON", "1.2.208.176.7.1.10.55", ref.reason)

    # -- contacts --------------------------------------------------------------------------------------

    def payment(self, parent: etree._Element, type_code: str, payment: Payment, start: str | None,
                end: str | None) -> None:
        def build(holder: etree._Element) -> None:
            act = code_act(holder, type_code, "1.2.208.176.7.1.10.7", payment.agreement or "", class_code="ACT")
            participant = el(act, "participant", typeCode="IND")
            templates(participant, "1.2.208.176.7.1.10.8", "2.16.840.1.113883.10.12.321")
            role = el(participant, "participantRole", classCode="PAYOR")
            entity = el(role, "scopingEntity", classCode="ORG")
            ident(entity, ids.SKS, (payment.payer or "").strip()).set("assigningAuthorityName",
                                                                      "Sundhedsdatastyrelsen")
            code_act(act, "COMP", "1.2.208.176.7.1.10.10", payment.specialisation_level or "", class_code="ACT")

        def build_with_period(holder: etree._Element) -> None:
            build(holder)
            act = holder[0][0]
            period = etree.SubElement(act, q("effectiveTime"))
            act.insert(3, period)  # after the two templateIds and the code
            period_slots(period, bool(start), bool(end))

        # The same payment on every contact: built once, copied, and given each contact's period.
        key = ("payment", type_code, payment.agreement or "", payment.payer or "", payment.specialisation_level or "",
               bool(start), bool(end))
        set_period(stamp(parent, key, build_with_period)[0][3], start, end)

    def encounter(self, section: etree._Element, contact: Contact) -> None:
        def build(holder: etree._Element) -> None:
            enc = el(el(holder, "entry", typeCode="COMP"), "encounter", classCode="ENC", moodCode="EVN")
            templates(enc, "1.2.208.176.7.1.10.74", "2.16.840.1.113883.10.12.302")
            ident(enc, "", "")
            sks(enc, "")
            period_slots(el(enc, "effectiveTime"), bool(contact.start), bool(contact.end))
            sks(enc, "", tag="priorityCode")

        # Entry, templates, id, code, period and priority as one copied sub-tree (~3x faster than building it).
        enc = stamp(section, ("encounter", bool(contact.start), bool(contact.end)), build)[0]
        fill_head(enc, self.root, self.rid("contact", contact.id), contact.type, contact.start, contact.end)
        enc[5].set("code", (contact.priority or "").strip())
        responsible(enc, self.contact_unit(contact))
        self.payment(enc, "REFR", self.form.payment, contact.start, contact.end)
        if contact.reason:
            code_act(enc, "RSON", "1.2.208.176.7.1.10.48", contact.reason)
        self.course_ref(enc)

    def contact_unit(self, contact: Contact) -> str:
        return (contact.responsible_unit or self.form.course.responsible_unit or "").strip()

    def diagnosis(self, section: etree._Element, contact: Contact, diagnosis: Diagnosis) -> None:
        obs = el(el(section, "entry", typeCode="COMP"), "observation", classCode="OBS", moodCode="EVN",
                 negationInd="false")
        main = "1.2.208.176.7.1.10.45" if diagnosis.kind == "action" else "1.2.208.176.7.1.10.46"
        templates(obs, main, "1.2.208.176.7.1.10.36", OBS)
        ident(obs, self.root, self.rid("diagnosis", diagnosis.id))
        sks(obs, diagnosis.code or "")
        if diagnosis.side:
            sks(obs, diagnosis.side, tag="targetSiteCode")
        # "None" is one more member of the set, under the code LPR3 keeps for it (model/cancer.py).
        for code in recurrence_codes(diagnosis):
            code_observation(obs, "COMP", "1.2.208.176.7.1.10.40", code)
        for code in metastasis_codes(diagnosis):
            code_observation(obs, "COMP", "1.2.208.176.7.1.10.37", code)
        code_observation(obs, "COMP", "1.2.208.176.7.1.10.43", DIAGNOSIS_KIND[diagnosis.kind])
        for code in diagnosis.supplementary:
            code_act(obs, "COMP", "1.2.208.176.7.1.10.5", code)
        internal_ref(obs, "contact", self.root, self.rid("contact", contact.id))

    def procedure(self, section: etree._Element, procedure: Procedure, contact: Contact | None) -> None:
        start, end, side = procedure.start, procedure.end, procedure.side

        def build_head(holder: etree._Element) -> None:
            proc = el(el(holder, "entry", typeCode="COMP"), "procedure", classCode="PROC", moodCode="EVN")
            templates(proc, "1.2.208.176.7.1.10.30", "2.16.840.1.113883.10.12.306")
            ident(proc, "", "")
            sks(proc, "")
            period_slots(el(proc, "effectiveTime"), bool(start), bool(end))
            if side:
                sks(proc, "", tag="targetSiteCode")

        # Fixed parts are copied from sub-trees built once per shape (~3x faster than building them each time).
        proc = stamp(section, ("procedure", bool(start), bool(end), bool(side)), build_head)[0]
        fill_head(proc, self.root, self.rid("procedure", procedure.id), procedure.code, start, end)
        if side:
            proc[5].set("code", side.strip())
        staff = procedure.staff_category

        def build_producer(holder: etree._Element) -> None:
            participant = el(holder, "participant", typeCode="PRF")
            templates(participant, "1.2.208.176.7.1.10.16", "2.16.840.1.113883.10.12.321")
            role = el(participant, "participantRole", classCode="ROL")
            if staff:
                sks(role, "")
            sor_entity(role, "")

        role = stamp(proc, ("producer", bool(staff)), build_producer)[2]
        if staff:
            role[0].set("code", staff.strip())
        role[-1][0].set("extension", self.producer(procedure, contact))  # scopingEntity / id
        for code in procedure.supplementary:
            code_act(proc, "COMP", "1.2.208.176.7.1.10.5", code)
        if procedure.contrast:

            def build_contrast(holder: etree._Element) -> None:
                relation = el(holder, "entryRelationship", typeCode="COMP")
                admin = el(relation, "substanceAdministration", classCode="SBADM", moodCode="EVN")
                templates(admin, "1.2.208.176.7.1.10.2", "2.16.840.1.113883.10.12.308")
                product = el(el(admin, "consumable", typeCode="CSM"), "manufacturedProduct", classCode="MANU")
                templates(product, "1.2.208.176.7.1.10.4", "2.16.840.1.113883.10.12.312")
                material = el(product, "manufacturedMaterial", classCode="MMAT")
                templates(material, "1.2.208.176.7.1.10.3", "2.16.840.1.113883.10.12.311")
                sks(material, "")

            relation = stamp(proc, ("contrast",), build_contrast)
            relation[0][2][0][2][2].set("code", procedure.contrast.strip())  # ... / manufacturedMaterial / code
        if contact is None and procedure.payment is not None:
            self.payment(proc, "COMP", procedure.payment, procedure.start, procedure.end)
        if procedure.action_spec:
            code_act(proc, "COMP", "1.2.208.176.7.1.10.22", procedure.action_spec, class_code="ACT")
        if contact is not None:
            internal_ref(proc, "contact", self.root, self.rid("contact", contact.id))
        else:
            self.course_ref(proc)

    def producer(self, procedure: Procedure, contact: Contact | None) -> str:
        unit = procedure.producer or (contact.responsible_unit if contact else None)
        return (unit or self.form.course.responsible_unit or "").strip()

    # -- result reports --------------------------------------------------------------------------------

    def trigger_targets(self) -> dict[str, tuple[str, str, str]]:
        """Row id -> (kind, durable id, responsible unit) of everything a result report may point at."""
        form, course_unit = self.form, (self.form.course.responsible_unit or "").strip()
        targets = {self.course_id: ("course", self.course_id, course_unit)}
        for marker in form.markers:
            targets[marker.id] = ("marker", self.rid("marker", marker.id), course_unit)
        for contact in form.contacts:
            unit = self.contact_unit(contact)
            targets[contact.id] = ("contact", self.rid("contact", contact.id), unit)
            for diagnosis in contact.diagnoses:
                targets[diagnosis.id] = ("diagnosis", self.rid("diagnosis", diagnosis.id), unit)
            for procedure in contact.procedures:
                targets[procedure.id] = ("procedure", self.rid("procedure", procedure.id), unit)
        for procedure in form.procedures:
            targets[procedure.id] = ("procedure", self.rid("procedure", procedure.id),
                                     self.producer(procedure, None))
        return targets

    def result_report(self, section: etree._Element, report: ResultReport,
                      targets: dict[str, tuple[str, str, str]]) -> None:
        kind, target_id, unit = targets[(report.trigger.ref or self.course_id).strip()]
        act = el(el(section, "entry", typeCode="COMP"), "act", classCode="REG", moodCode="EVN")
        templates(act, "1.2.208.176.7.1.10.90", ACT)
        ident(act, self.root, self.rid("report", report.id))
        null_code(act)
        organizer = el(el(act, "entryRelationship", typeCode="REFR"), "organizer", classCode="BATTERY",
                       moodCode="EVN")
        templates(organizer, "1.2.208.176.7.1.10.88", "2.16.840.1.113883.10.12.305")
        sks(organizer, report.name or "")
        el(organizer, "statusCode", code=RESULT_STATUS[report.status])
        responsible(organizer, unit)
        kinds = {f.code: f.kind for f in fields_of(report.name)}
        for code, value in report.results.items():
            text = (value or "").strip()
            if not text:
                # An empty result is not written: DK Observation (10.89) demands a value, and an optional result
                # left empty is simply not reported. A mandatory one is a rule error before submission.
                continue
            component = el(organizer, "component", typeCode="COMP")
            obs = el(component, "observation", classCode="OBS", moodCode="EVN")
            templates(obs, "1.2.208.176.7.1.10.89", OBS)
            sks(obs, code)
            if report.time:
                el(obs, "effectiveTime", value=cda_time(report.time))
            holder = el(obs, "value")
            holder.set(f"{{{ids.XSI}}}type", "ST")
            if kinds.get(code) == "time":
                holder.text = cda_time(text)
            elif kinds.get(code) == "decimal":
                holder.text = text.replace(",", ".")
            else:
                holder.text = text
        if kind == "course" and not self.with_course:
            external_course_ref(act, self.root, self.course_id)
        else:
            internal_ref(act, kind, self.root, target_id)

    # -- body ------------------------------------------------------------------------------------------

    def body(self, doc: etree._Element) -> None:
        form = self.form
        body = el(el(doc, "component", contextConductionInd="true"), "structuredBody")
        if self.with_course:
            self.episode_of_care(self.section(body, "1.2.208.176.7.1.10.95"))
        if form.contacts:
            section = self.section(body, "1.2.208.176.7.1.10.75")
            for contact in form.contacts:
                self.encounter(section, contact)
        procedures: list[tuple[Procedure, Contact | None]] = [(p, c) for c in form.contacts for p in c.procedures]
        procedures += [(p, None) for p in form.procedures]
        if procedures:
            section = self.section(body, "1.2.208.176.7.1.10.76")
            for procedure, owner in procedures:  # owner: the contact of the procedure, None for one without
                self.procedure(section, procedure, owner)
        diagnoses = [(c, d) for c in form.contacts for d in c.diagnoses]
        if diagnoses:
            section = self.section(body, "1.2.208.176.7.1.10.113")
            for contact, diagnosis in diagnoses:
                self.diagnosis(section, contact, diagnosis)
        if form.result_reports:
            section = self.section(body, "1.2.208.176.7.1.10.96")
            targets = self.trigger_targets()
            for report in form.result_reports:
                self.result_report(section, report, targets)


def build_document(form: Form, header: Header) -> etree._Element:
    """The full-state document of one submitted version; IntegrityError when the form cannot be reported."""
    check_integrity(form, header)
    writer = _Writer(form, header)
    doc = writer.document(f"Indberetning af helbredsforløb, version {header.version}")
    if header.version > 1:
        writer.related(doc, "RPLC", header.version - 1)
    writer.body(doc)
    return doc


def build_cancellation(form: Form, header: Header) -> etree._Element:
    """The document that removes the course (DK Nullify Act on its episode of care) after the last version.

    `header.version` is the cancellation's own version number: one more than the last submitted version.
    """
    check_integrity(form, header, cancellation=True)
    writer = _Writer(form, header)
    doc = writer.document(f"Annullering af helbredsforløb, version {header.version}")
    writer.related(doc, "APND", header.version - 1)
    body = el(el(doc, "component", contextConductionInd="true"), "structuredBody")
    section = writer.section(body, "1.2.208.176.7.1.10.116")
    act = el(el(section, "entry", typeCode="COMP"), "act", classCode="ACT", moodCode="EVN")
    templates(act, "1.2.208.176.7.1.10.118", ACT)
    null_code(act)
    el(act, "statusCode", code="nullified")
    external_course_ref(act, writer.root, writer.course_id, type_code="RPLC", wrapper="1.2.208.176.7.1.10.117")
    return doc


def to_bytes(doc: etree._Element) -> bytes:
    """The document as UTF-8 XML bytes with declaration; same input, same bytes."""
    # lxml types tostring as Any; with an encoding given it returns bytes.
    data: bytes = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
