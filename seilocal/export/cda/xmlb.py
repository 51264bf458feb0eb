"""Tiny lxml helpers for writing HL7 v3 elements: templates, ids, SKS codes, SOR units, time stamps."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from .ids import HL7, SKS, SKS_NAME, SOR, XSI, cda_time

NSMAP = {None: HL7, "xsi": XSI}


_QNAMES: dict[str, str] = {}
_SubElement = etree.SubElement


def q(tag: str) -> str:
    """The qualified HL7 name of a tag."""
    name = _QNAMES.get(tag)
    if name is None:
        name = _QNAMES[tag] = f"{{{HL7}}}{tag}"
    return name


def root_element(tag: str) -> etree._Element:
    """A root element in the HL7 namespace with the xsi prefix declared."""
    return etree.Element(q(tag), nsmap=NSMAP)


# Attributes whose values come from small fixed vocabularies: an element with only these is copied from one
# built once (lxml copies an element about three times faster than it creates one with its attributes).
_STRUCTURAL = frozenset({"typeCode", "classCode", "moodCode", "negationInd", "contextConductionInd", "nullFlavor",
                         "determinerCode"})
# The key of a copied element: its tag, then its (name, value) attribute pairs.
_FixedKey = tuple[str | tuple[str, str | None], ...]
_FIXED: dict[_FixedKey, etree._Element] = {}


def el(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
    """Append a child element with attributes (None values are left out)."""
    # One call with the attribute dict: a 1,000-contact document has ~150,000 elements, so this is the hot path.
    if attrs and None in attrs.values():
        attrs = {key: value for key, value in attrs.items() if value is not None}
    if attrs and _STRUCTURAL.issuperset(attrs):
        key: _FixedKey = (tag, *attrs.items())
        prototype = _FIXED.get(key)
        if prototype is None:
            holder = etree.Element(q("holder"), nsmap=NSMAP)
            prototype = _FIXED[key] = _SubElement(holder, q(tag), attrs)
        clone = prototype.__deepcopy__(None)
        parent.append(clone)
        return clone
    return _SubElement(parent, _QNAMES.get(tag) or q(tag), attrs)


_TEMPLATE_IDS: dict[tuple[str, ...], list[etree._Element]] = {}


def templates(parent: etree._Element, *roots: str) -> None:
    """templateId elements for each root (copies of elements built once: about twice as fast as building them)."""
    prototypes = _TEMPLATE_IDS.get(roots)
    if prototypes is None:
        holder = etree.Element(q("holder"), nsmap=NSMAP)
        for root in roots:
            el(holder, "templateId", root=root)
        prototypes = _TEMPLATE_IDS[roots] = list(holder)
    for prototype in prototypes:
        parent.append(prototype.__deepcopy__(None))


def ident(parent: etree._Element, root: str, extension: str | None = None, tag: str = "id") -> etree._Element:
    """An II element."""
    return el(parent, tag, root=root, extension=extension)


_SKS_CODES: dict[str, etree._Element] = {}


def sks(parent: etree._Element, code: str, tag: str = "code") -> etree._Element:
    """A coded element from SKS (a copy of one built once per tag, given its code)."""
    prototype = _SKS_CODES.get(tag)
    if prototype is None:
        holder = etree.Element(q("holder"), nsmap=NSMAP)
        prototype = _SKS_CODES[tag] = el(holder, tag, code="", codeSystem=SKS, codeSystemName=SKS_NAME)
    clone = prototype.__deepcopy__(None)
    parent.append(clone)
    clone.set("code", code.strip())
    return clone


def null_code(parent: etree._Element) -> etree._Element:
    """`<code nullFlavor="NA"/>`."""
    return el(parent, "code", nullFlavor="NA")


def interval(parent: etree._Element, start: str | None, end: str | None, tag: str = "effectiveTime") -> None:
    """An IVL_TS with low and optional high in Danish local time."""
    holder = el(parent, tag)
    if start:
        el(holder, "low", value=cda_time(start))
    if end:
        el(holder, "high", value=cda_time(end))


def period_slots(period: etree._Element, start: bool, end: bool) -> None:
    """The low and high of an IVL_TS in a sub-tree built once, to be filled in by set_period."""
    if start:
        el(period, "low", value="")
    if end:
        el(period, "high", value="")


def set_period(period: etree._Element, start: str | None, end: str | None) -> None:
    """Fill in a copied period made by period_slots with the same start/end presence."""
    if start:
        period[0].set("value", cda_time(start))
    if end:
        period[1 if start else 0].set("value", cda_time(end))


def fill_head(entry: etree._Element, root: str, extension: str, code: str | None, start: str | None,
              end: str | None) -> None:
    """Fill in a copied entry head: two templateIds, then id, SKS code and effectiveTime (period_slots)."""
    entry[2].set("root", root)
    entry[2].set("extension", extension)
    entry[3].set("code", (code or "").strip())
    set_period(entry[4], start, end)


# A sub-tree's shape: its kind, then the fixed values and the presence flags it was built with.
StampKey = tuple[str | bool, ...]
_PROTOTYPES: dict[StampKey, etree._Element] = {}


def stamp(parent: etree._Element, key: StampKey, build: Callable[[etree._Element], None]) -> etree._Element:
    """Append a copy of a fixed sub-tree built once per key: copying is ~4x faster than building it again."""
    prototype = _PROTOTYPES.get(key)
    if prototype is None:
        holder = etree.Element(q("holder"), nsmap=NSMAP)
        build(holder)
        prototype = _PROTOTYPES[key] = holder[0]
    clone = prototype.__deepcopy__(None)  # lxml's own copy, without copy.deepcopy's memo bookkeeping
    parent.append(clone)
    return clone


def sor_entity(parent: etree._Element, unit: str, tag: str = "scopingEntity") -> etree._Element:
    """An organisation identified by its SOR id."""
    entity = el(parent, tag, classCode="ORG")
    ident(entity, SOR, unit.strip()).set("assigningAuthorityName", "SOR")
    return entity


def responsible(parent: etree._Element, unit: str, type_code: str = "RESP") -> etree._Element:
    """DK Responsible Unit Participant (Body) 1.2.208.176.7.1.10.49."""

    def build(holder: etree._Element) -> None:
        participant = el(holder, "participant", typeCode=type_code)
        templates(participant, "1.2.208.176.7.1.10.49", "2.16.840.1.113883.10.12.321")
        role = el(participant, "participantRole", classCode="ROL")
        sor_entity(role, "")

    participant = stamp(parent, ("responsible", type_code), build)
    participant[2][0][0].set("extension", unit.strip())  # participantRole / scopingEntity / id
    return participant


def code_act(parent: etree._Element, type_code: str, template: str, code: str, class_code: str = "REG",
             generic: str = "2.16.840.1.113883.10.12.301") -> etree._Element:
    """An entryRelationship holding a simple coded act of one template (supplementary code, label, ...)."""

    def build(holder: etree._Element) -> None:
        act = el(el(holder, "entryRelationship", typeCode=type_code), "act", classCode=class_code, moodCode="EVN")
        templates(act, template, generic)
        sks(act, "")

    act = stamp(parent, ("act", type_code, template, class_code, generic), build)[0]
    act[2].set("code", code.strip())
    return act


def code_observation(parent: etree._Element, type_code: str, template: str, code: str) -> etree._Element:
    """An entryRelationship holding a simple coded observation of one template."""

    def build(holder: etree._Element) -> None:
        obs = el(el(holder, "entryRelationship", typeCode=type_code), "observation", classCode="OBS",
                 moodCode="EVN")
        templates(obs, template, "2.16.840.1.113883.10.12.303")
        sks(obs, "")

    obs = stamp(parent, ("observation", type_code, template), build)[0]
    obs[2].set("code", code.strip())
    return obs


def internal_ref(parent: etree._Element, kind: str, root: str, extension: str) -> etree._Element:
    """An entryRelationship REFR to an entry of the same document (DK Internal ... Reference)."""
    tag, class_code, template, generic = {
        "course": ("act", "PCPR", "1.2.208.176.7.1.10.72", "2.16.840.1.113883.10.12.301"),
        "marker": ("act", "REG", "1.2.208.176.7.1.10.70", "2.16.840.1.113883.10.12.301"),
        "contact": ("encounter", "ENC", "1.2.208.176.7.1.10.77", "2.16.840.1.113883.10.12.301"),
        "diagnosis": ("observation", "OBS", "1.2.208.176.7.1.10.93", "2.16.840.1.113883.10.12.301"),
        "procedure": ("procedure", "PROC", "1.2.208.176.7.1.10.94", "2.16.840.1.113883.10.12.306"),
    }[kind]

    def build(holder: etree._Element) -> None:
        target = el(el(holder, "entryRelationship", typeCode="REFR"), tag, classCode=class_code, moodCode="EVN")
        templates(target, template, generic)
        ident(target, "", "")
        null_code(target)

    relation = stamp(parent, ("ref", kind), build)
    relation[0][2].set("root", root)  # target / id
    relation[0][2].set("extension", extension)
    return relation


def external_course_ref(parent: etree._Element, root: str, extension: str, type_code: str = "REFR",
                        wrapper: str = "1.2.208.176.7.1.10.69") -> etree._Element:
    """A reference to an episode of care known by its id (DK External Episode Of Care Reference/Act)."""
    reference = el(parent, "reference", typeCode=type_code)
    templates(reference, wrapper, "2.16.840.1.113883.10.12.324")
    external = el(reference, "externalAct", classCode="PCPR", moodCode="EVN")
    templates(external, "1.2.208.176.7.1.10.65", "2.16.840.1.113883.10.12.325")
    ident(external, root, extension)
    return reference
