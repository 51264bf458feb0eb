"""Incremental validation (issue 23.3): after an edit, only the rules that can change with that path run again.

`IncrementalValidator` keeps what `build_context` derives per contact (`ContactPart`) and the findings of each
rule function: per contact for a per-contact rule, whole for the others (`dependencies.py` says which is which
and what each reads). After an edit at a path it rebuilds the edited contact's part, re-runs each per-contact
rule over that contact alone, and re-runs whole-form rules only when they read the edited area (or the clock,
when `now` moved). Anything it cannot place (a contact added or removed, an unknown path, another catalog)
means a full run. The result is the full run's, byte for byte: `tests/unit/test_incremental.py`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from datetime import datetime

from seilocal.model.form import Form
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.context import (
    REST,
    ContactPart,
    Context,
    Finding,
    add_parts,
    add_tail,
    contact_part,
    head_context,
)
from seilocal.rules.dependencies import AREAS, Reads, reads_of
from seilocal.rules.engine import order_findings
from seilocal.rules.missing_lists import missing_list_findings
from seilocal.rules.registration import FUNCTIONS, RuleFunc

# `contacts[3].diagnoses[0].code` -> 3; `contacts[3]` alone (a contact added or removed) does not match.
_IN_CONTACT = re.compile(r"contacts\[(\d+)\][.\[]")


def contact_of(path: str) -> int | None:
    """The index of the contact a finding's path lies in, or None when it is not under one contact."""
    if not path.startswith("contacts["):
        return None
    end = path.find("]")
    return int(path[9:end]) if end > 9 and path[9:end].isdigit() else None


@dataclass(slots=True)
class _Kept:
    """The findings of one rule function: whole, or (per-contact rules) per contact plus the rest."""

    func: RuleFunc
    reads: Reads
    whole: list[Finding] = field(default_factory=list)
    rest: list[Finding] = field(default_factory=list)
    # Only contacts with findings have an entry: most contacts of a big form have none.
    per_contact: dict[int, list[Finding]] = field(default_factory=dict)

    def findings(self) -> list[Finding]:
        if not self.reads.per_contact:
            return self.whole
        out = list(self.rest)
        for index in sorted(self.per_contact):
            out.extend(self.per_contact[index])
        return out

    def keep(self, index: int, found: list[Finding]) -> None:
        """Keep the findings of a run over contact `index` alone."""
        if found:
            self.per_contact[index] = found
        else:
            self.per_contact.pop(index, None)

    def split(self, found: list[Finding], contacts: int) -> None:
        """Keep the findings of a run over the whole form."""
        if not self.reads.per_contact:
            self.whole = found
            return
        self.rest = []
        self.per_contact = {}
        for finding in found:
            at = contact_of(finding.path)
            if at is None or at >= contacts:
                self.rest.append(finding)
            else:
                self.per_contact.setdefault(at, []).append(finding)


def _stamp(catalog: CodeCatalog) -> object:
    """The catalog's change stamp (`CatalogStore.stamp`); None for a catalog that cannot change (a test's)."""
    stamp = getattr(catalog, "stamp", None)
    return None if stamp is None else stamp()


class IncrementalValidator:
    """The findings of one form, kept up to date edit by edit; `findings` equals `validate(form, catalog, now)`."""

    def __init__(self, form: Form, catalog: CodeCatalog, now: datetime) -> None:
        self.form = form
        self.catalog = catalog
        self.now = now
        self.findings: list[Finding] = []
        self.last_rerun = 0  # how many rule functions the last update ran (for tests and the bench)
        self._status = form.status
        self._stamp: object = None
        self._parts: list[ContactPart] = []
        self._moments: list[tuple[datetime, int]] = []  # every contact's times with its index, in time order
        self._carried: dict[str, dict[int, object]] = {}
        self._kept = [_Kept(func, reads_of(func.name)) for func in FUNCTIONS]
        self.full()

    # -- runs ----------------------------------------------------------------------------------

    def full(self, now: datetime | None = None) -> list[Finding]:
        """Validate the whole form again (after a structural change, or to start over)."""
        if now is not None:
            self.now = now
        form = self.form
        self._status = form.status
        self._stamp = _stamp(self.catalog)
        self._parts = [contact_part(i, contact) for i, contact in enumerate(form.contacts)]
        self._moments = sorted((moment, i) for i, part in enumerate(self._parts) for _, moment in part.times)
        self._carried = {}
        ctx = self._whole_context()
        for kept in self._kept:
            kept.split(self._run(kept.func, ctx), len(self._parts))
        self.last_rerun = len(self._kept)
        return self._finish(ctx)

    def update(self, path: str, now: datetime, catalog: CodeCatalog | None = None) -> list[Finding]:
        """The findings after the field (or row) at `path` changed in `self.form`, validated at `now`."""
        if catalog is not None and catalog is not self.catalog:
            self.catalog = catalog
            return self.full(now)
        if _stamp(self.catalog) != self._stamp:
            return self.full(now)  # codes or lists imported since: every kept answer may be stale
        head = path.split(".", 1)[0].split("[", 1)[0]
        contact = None
        if head == "contacts":
            match = _IN_CONTACT.match(path)
            if match is None or len(self.form.contacts) != len(self._parts):
                return self.full(now)  # a contact added, removed or replaced: every index may have moved
            contact = int(match.group(1))
            if contact >= len(self._parts):
                return self.full(now)
        elif head not in AREAS:
            return self.full(now)
        changed = {head}
        if now != self.now:
            changed.add("now")
            if now.date() != self.now.date():
                changed.add("today")
        if self.form.status != self._status:
            changed.add("status")  # an edit of a submitted form makes it "changed"
            self._status = self.form.status
        before, self.now = self.now, now
        if contact is not None:
            self._replace_part(contact)
            for shares in self._carried.values():
                shares.pop(contact, None)
        else:
            self._carried = {}  # the patient (a birth date), the catalog's answers: start over
        whole: Context | None = None
        scoped: Context | None = None
        reran = 0
        moved = (min(before, now), max(before, now))
        for kept in self._kept:
            reads = kept.reads
            hit = changed & reads.areas
            if hit == {"now"} and reads.now_offsets:
                self._clock_moved(kept, moved, contact)
            elif hit:
                whole = whole or self._whole_context()
                kept.split(self._run(kept.func, whole), len(self._parts))
            elif not reads.per_contact:
                continue
            elif contact is not None:
                scoped = scoped or self._contact_context(contact)
                kept.keep(contact, [f for f in self._run(kept.func, scoped) if contact_of(f.path) == contact])
            else:
                scoped = scoped or self._rest_context()
                kept.rest = [f for f in self._run(kept.func, scoped) if contact_of(f.path) is None]
            reran += 1
        self.last_rerun = reran
        return self._finish(whole or self._whole_context())

    def _clock_moved(self, kept: _Kept, moved: tuple[datetime, datetime], edited: int | None) -> None:
        """Re-run a per-contact rule that reads the clock only as "a time after now - offset": over the edited
        contact, the contacts with a time the move swept past, and the rest of the form."""
        again = set() if edited is None else {edited}
        for offset in kept.reads.now_offsets:
            low, high = moved[0] - offset, moved[1] - offset
            first = bisect_left(self._moments, (low, -1))
            last = bisect_right(self._moments, (high, sys.maxsize))
            again.update(index for _, index in self._moments[first:last])
        for index in sorted(again):
            found = self._run(kept.func, self._contact_context(index))
            kept.keep(index, [f for f in found if contact_of(f.path) == index])
        kept.rest = [f for f in self._run(kept.func, self._rest_context()) if contact_of(f.path) is None]

    def _replace_part(self, index: int) -> None:
        """Rebuild contact `index`'s part, and its entries in the time index."""
        for _, moment in self._parts[index].times:
            at = bisect_left(self._moments, (moment, index))
            if at < len(self._moments) and self._moments[at] == (moment, index):
                del self._moments[at]
        self._parts[index] = contact_part(index, self.form.contacts[index])
        for _, moment in self._parts[index].times:
            insort(self._moments, (moment, index))

    # -- contexts ------------------------------------------------------------------------------

    def _whole_context(self) -> Context:
        ctx = head_context(self.form, self.catalog, self.now)
        ctx.carried = self._carried
        add_parts(ctx, self._parts)
        add_tail(ctx)
        return ctx

    def _contact_context(self, index: int) -> Context:
        ctx = head_context(self.form, self.catalog, self.now, scope=index)
        add_parts(ctx, (self._parts[index],))
        return ctx

    def _rest_context(self) -> Context:
        ctx = head_context(self.form, self.catalog, self.now, scope=REST)
        add_tail(ctx)
        return ctx

    @staticmethod
    def _run(func: RuleFunc, ctx: Context) -> list[Finding]:
        before = len(ctx.findings)
        func.check(ctx)
        found = ctx.findings[before:]
        del ctx.findings[before:]
        return found

    def _finish(self, ctx: Context) -> list[Finding]:
        found: list[Finding] = []
        for kept in self._kept:
            found.extend(kept.findings())
        found.extend(missing_list_findings(ctx, FUNCTIONS))
        self.findings = order_findings(found)
        return self.findings
