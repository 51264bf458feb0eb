"""LPR3 named lists derived from the SKS data itself, each with the evidence that makes it the list.

Three kinds of evidence, all read from the codes and texts of SKS (no list member is typed in here):
- a subtree whose heading names the list: `ATA` "Prioritet" is `admin.prioritet`; the members are every code
  below the heading (the heading itself is no member). The heading's text must still say what we expect, or the
  list is not derived (a reused heading must not silently turn into a wrong list);
- a `res.*` value list that SKS itself names: an `RG..` node whose text ends in `[res.name]` heads its members;
- an SKS record type that the official list description names: `proc.opr` (operations, record type `opr`),
  `proc.und` (examinations, `und`), `proc.act` (every other procedure, `pro`), `diag` (every `dia` code that is not
  a heading of a chapter or group).
A derived list is authoritative for the rules (its official errors block); `codes import-lists` still overrides.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .sks_bundle import EDITION, BundledCode


@dataclass(frozen=True, slots=True)
class Subtree:
    """Members: the codes below `root` (with the root itself when `with_root`), if root's text contains `heading`."""

    root: str
    heading: str
    with_root: bool = False


# list name -> the subtrees it is made of. Headings checked case-insensitively against the SKS text.
SUBTREES: dict[str, tuple[Subtree, ...]] = {
    "admin.prioritet": (Subtree("ATA", "prioritet"),),
    "admin.prioritet.akut": (Subtree("ATA1", "akut", with_root=True),),
    "admin.prioritet.plan": (Subtree("ATA3", "planlagt", with_root=True),),
    "admin.konttype": (Subtree("ALCA", "kontakt type"),),
    "admin.kontaarsag": (Subtree("ALCC", "kontaktårsag"),),
    "admin.henvmaade": (Subtree("ALDA", "henvisningsmåde"),),
    "admin.fritvalg": (Subtree("ALDB", "fritvalg"),),
    "admin.afslutmaade": (Subtree("ALAC", "afslutningsmåde"),),
    "admin.betalaftale": (Subtree("ALFA", "betalingsaftale"),),
    "admin.betaler": (Subtree("ALFB", "betaler"),),
    "admin.specialeniv": (Subtree("ALFC", "specialiseringsniveau"),),
    "forloeb.label": (Subtree("ALAL", "label"),),
    "forloeb.markoer": (Subtree("AFV", "markører"), Subtree("AFB", "markører")),
    "forloeb.reftype": (Subtree("ALAA", "reference type"),),
    "spec.lateraldiag": (Subtree("TUL", "sideangivelse"),),
    "spec.lateralproc": (Subtree("TUL", "sideangivelse"),),
    "res.makrogr": (Subtree("AZCK", "makroskopisk"),),
    "res.statuscar": (Subtree("AZCA", "anmeldelsesstatus"),),
    "res.clavien": (Subtree("ZDA03A", "clavien"),),
    # The "none" statements DZ061A/DZ063A are members: LPR3 sends "none" as a code of the same value set.
    "diag.metastase": (
        Subtree("DC77", "metastaser", with_root=True),
        Subtree("DC78", "metastaser", with_root=True),
        Subtree("DC79", "metastaser", with_root=True),
        Subtree("DZ061", "fjernmetastaser"),
    ),
    "diag.lokalrecidiv": (Subtree("DC99", "kræftsygdom"), Subtree("DZ063", "lokalrecidiv")),
}
# Members found by code shape and text across the classification: the older "Lokalrecidiv fra ..." codes DCxx9X.
PATTERNS: dict[str, tuple[str, str]] = {
    "diag.lokalrecidiv": (r"DC\d\d9X", "lokalrecidiv fra"),
}
# The bundle has no dates; the few retirements a list depends on, from SKS's own history (sks-labels README):
# AZCA3 "afd. ikke involveret ..." left res.statuscar at the end of 2022. Member rows end there.
MEMBER_UNTIL: dict[str, str] = {"AZCA3": "2022-12-31"}
RECORD_TYPE_LISTS: dict[str, tuple[str, str]] = {
    "proc.opr": ("opr", "procedurekoder, der er operationer"),
    "proc.und": ("und", "procedurekoder, der er undersøgelser"),
    "proc.act": ("pro", "procedurekoder, der hverken er undersøgelser eller operationer"),
    "diag": ("dia", "alle diagnosekoder uden overskrifter"),
}
_RES_NAME = re.compile(r"\[(res\.[a-z0-9.]+)\]\s*$")


@dataclass(frozen=True, slots=True)
class DerivedList:
    """The members of one derived list and the evidence, in words for `codes lists` and the settings page."""

    name: str
    members: tuple[str, ...]
    evidence: str


def derive_lists(codes: Mapping[str, BundledCode], known: Iterable[str]) -> list[DerivedList]:
    """Every list of `known` (the list index) that the SKS data evidences, with its members."""
    names = set(known)
    ordered = sorted(codes)
    out: list[DerivedList] = []
    for name, trees in SUBTREES.items():
        if name not in names:
            continue
        members: list[str] = []
        proofs: list[str] = []
        for tree in trees:
            head = codes.get(tree.root)
            if head is None or tree.heading not in head.text.casefold():
                members = []
                break
            members += [c for c in _below(ordered, tree.root) if tree.with_root or c != tree.root]
            proofs.append(f"{tree.root} »{head.text}«")
        if members and name in PATTERNS:
            shape, words = PATTERNS[name]
            found = [c for c in ordered if re.fullmatch(shape, c) and codes[c].text.casefold().startswith(words)]
            if found:
                members += found
                proofs.append(f"{len(found)} koder {shape} »{words} …«")
        if members:
            out.append(DerivedList(name, tuple(dict.fromkeys(members)), f"SKS-undertræ {', '.join(proofs)}"))
    for code in ordered:
        match = _RES_NAME.search(codes[code].text)
        if match and code.startswith("RG") and match.group(1) in names:
            members = [c for c in _below(ordered, code) if c != code]
            if members:
                out.append(DerivedList(match.group(1), tuple(members), f"SKS-node {code} »{codes[code].text}«"))
    for name, (record_type, words) in RECORD_TYPE_LISTS.items():
        if name not in names:
            continue
        members = [
            c for c in ordered
            if codes[c].record_type == record_type and not (record_type == "dia" and _is_heading(c))
        ]
        out.append(DerivedList(name, tuple(members), f"SKS-posttype {record_type} ({words})"))
    return out


def _below(ordered: list[str], root: str) -> list[str]:
    # Codes sort so that a subtree is one run of `ordered`, found by bisection.
    out = []
    for code in ordered[bisect_left(ordered, root):]:
        if not code.startswith(root):
            break
        out.append(code)
    return out


def _is_heading(code: str) -> bool:
    """A heading of the diagnosis classification (`D`, `DUB`), not a code to report: shorter than a category."""
    return len(code) < 4


def evidence_da(evidence: str) -> str:
    """The evidence as the app shows it: 'afledt af SKS 2026-06: ...'."""
    return f"afledt af SKS {EDITION}: {evidence}"
