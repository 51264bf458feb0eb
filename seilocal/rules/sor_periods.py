"""How an element's period stands to its SOR unit's validity (rules 02.41-02.44, 05.41-05.44, 11.41-11.44)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from seilocal.rules.context import Context


@dataclass(frozen=True, slots=True)
class UnitStanding:
    """What is wrong between an element's period and its unit's validity (all False when the unit is unknown)."""

    not_open_at_start: bool = False  # the unit opens after the element starts (X.41)
    closed_before_start: bool = False  # the unit closed before the element starts (X.42)
    closed_before_end: bool = False  # the element ends after the unit's last day (X.43 and X.44)
    closed_while_open: bool = False  # the element has no end, and the unit closed before today (X.43)


_UNKNOWN = UnitStanding()  # also "nothing wrong"


def standing(ctx: Context, unit: str | None, start: date | None, end: date | None) -> UnitStanding:
    """The standing of an element from `start` to `end` (None: still open) towards its SOR unit."""
    period = ctx.sor_period(unit)
    if period is None:
        return _UNKNOWN
    first, last = period
    late = start is not None and first is not None and first > start
    if not late and (last is None or (start is not None and last >= start and end is not None and last >= end)):
        return _UNKNOWN  # the common case, without an object per row
    return UnitStanding(
        not_open_at_start=late,
        closed_before_start=start is not None and last is not None and last < start,
        closed_before_end=end is not None and last is not None and last < end,
        closed_while_open=end is None and last is not None and last < ctx.today,
    )
