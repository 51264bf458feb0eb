"""What is due (B4): forms with unsubmitted changes, their deadline (the 10th of the next month), days left;
and a small chart of submissions per month. Shown on the "Skemaer" page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nicegui import ui

from seilocal.model import STATUS_LABELS_DA
from seilocal.model.datetime_input import format_date
from seilocal.rules.deadlines import days_left, reporting_deadline
from seilocal.store.versions import Unreported, VersionStore

from .context import AppContext


@dataclass(frozen=True)
class DueRow:
    """One line of the deadline view."""

    form_no: int
    status: str
    name: str
    since: date | None
    due: date | None
    days: int | None

    @property
    def overdue(self) -> bool:
        """True when the deadline has passed."""
        return self.days is not None and self.days < 0


def due_rows(pending: list[Unreported], today: date) -> list[DueRow]:
    """Deadlines of the pending forms, the most urgent first (forms without a treatment date last)."""
    rows = []
    for item in pending:
        due = reporting_deadline(item.since) if item.since else None
        left = days_left(item.since, today) if item.since else None
        rows.append(DueRow(item.form_no, item.status, item.name or "", item.since, due, left))
    return sorted(rows, key=lambda r: (r.days is None, r.days if r.days is not None else 0, r.form_no))


def days_text(days: int | None) -> str:
    """`12 dage tilbage`, `i dag`, `3 dage overskredet` (Danish)."""
    if days is None:
        return "–"
    if days == 0:
        return "Sidste frist i dag"
    if days > 0:
        return f"{days} {'dag' if days == 1 else 'dage'} tilbage"
    return f"{-days} {'dag' if days == -1 else 'dage'} overskredet"


def deadline_view(ctx: AppContext) -> None:
    """The deadline card of the forms list page."""
    versions = VersionStore(ctx.store.db, ctx.store.forms, ctx.clock)
    rows = due_rows(versions.unreported(), ctx.today())
    per_month = versions.submissions_per_month()
    with ui.expansion("Frister for indberetning", icon="event", value=bool(rows)).classes("w-full").props(
            "dense").mark("deadline-view"):
        with ui.row().classes("w-full items-start no-wrap gap-4"):
            with ui.column().classes("grow gap-1"):
                if not rows:
                    ui.label("Alt er indberettet.").classes("text-grey-7").mark("deadline-empty")
                for row in rows:
                    _line(row)
            if per_month:
                _chart(per_month)


def _line(row: DueRow) -> None:
    colour = "text-negative text-weight-bold" if row.overdue else ("text-warning" if row.days is not None
                                                                   and row.days <= 5 else "")
    due = format_date(row.due) if row.due else "ingen behandling registreret"
    # A link: a Tab stop, and Enter (or a click) opens the form.
    with ui.link(target=f"/skema/{row.form_no}").classes(
            "row items-center gap-3 no-wrap text-inherit").style("color: inherit; text-decoration: none").props(
            f'aria-label="Åbn skema {row.form_no}"').mark(f"deadline-{row.form_no}"):
        ui.label(f"Skema {row.form_no}").classes("text-weight-medium")
        ui.label(row.name or "–")
        ui.label(STATUS_LABELS_DA.get(row.status, row.status)).classes("text-grey-7")
        ui.label(f"Frist {due}")
        ui.label(days_text(row.days)).classes(colour).mark("deadline-days")


def _chart(per_month: list[tuple[str, int]]) -> None:
    ui.echart({
        "title": {"text": "Indberetninger pr. måned", "textStyle": {"fontSize": 12}},
        "grid": {"left": 30, "right": 10, "top": 30, "bottom": 25},
        "xAxis": {"type": "category", "data": [month for month, _ in per_month]},
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [{"type": "bar", "data": [count for _, count in per_month]}],
    }).classes("w-80 h-48").mark("submissions-chart")
