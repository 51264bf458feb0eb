"""The course on one time axis (B5): contacts as bars, markers and procedures as points; a click selects the row."""

from __future__ import annotations

import re
from datetime import datetime, time
from html import escape
from typing import Any

from nicegui import events, ui

from seilocal.model import Form
from seilocal.model.datetime_input import format_for_display, parse_stored, to_canonical

from .form_editor import FormEditor

LANES = ["Kontakter", "Procedurer", "Markører"]
CONTACTS, PROCEDURES, MARKERS = range(3)
_REDRAW = re.compile(r"^(course\.(start|end)|(contacts|procedures|markers)\b.*?(\]|\.start|\.end|\.time))$")


def _point(moment: datetime, lane: int, ref: str, label: str) -> dict[str, Any]:
    # ECharts puts a tooltip's text into the page as HTML: every user value in it is escaped here (issue 11).
    return {"value": [to_canonical(moment), lane], "name": ref, "label": escape(label)}


def timeline_options(form: Form, today: datetime) -> dict[str, Any]:
    """The ECharts options of the course: pure, so it can be tested without a browser."""
    bars: list[dict[str, Any]] = []
    starts: list[dict[str, Any]] = []
    procedures: list[dict[str, Any]] = []
    markers: list[dict[str, Any]] = []
    for i, contact in enumerate(form.contacts):
        start, end = parse_stored(contact.start), parse_stored(contact.end)
        if start is None:
            continue
        label = f"Kontakt {format_for_display(contact.start)}"
        starts.append(_point(start, CONTACTS, f"contacts[{i}]", label))
        if end is not None and end > start:
            bars.append({"coords": [[to_canonical(start), CONTACTS], [to_canonical(end), CONTACTS]],
                         "name": f"contacts[{i}]", "label": escape(label)})
        for j, procedure in enumerate(contact.procedures):
            moment = parse_stored(procedure.start)
            if moment:
                procedures.append(_point(moment, PROCEDURES, f"contacts[{i}].procedures[{j}]",
                                         f"Procedure {procedure.code or ''} {format_for_display(procedure.start)}"))
    for j, procedure in enumerate(form.procedures):
        moment = parse_stored(procedure.start)
        if moment:
            procedures.append(_point(moment, PROCEDURES, f"procedures[{j}]",
                                     f"Procedure uden kontakt {procedure.code or ''} "
                                     f"{format_for_display(procedure.start)}"))
    for k, marker in enumerate(form.markers):
        moment = parse_stored(marker.time)
        if moment:
            markers.append(_point(moment, MARKERS, f"markers[{k}]",
                                  f"Markør {marker.code or ''} {format_for_display(marker.time)}"))
    course_start = parse_stored(form.course.start)
    course_end = parse_stored(form.course.end) or datetime.combine(today.date(), time(23, 59, 59))
    axis: dict[str, Any] = {"type": "time"}
    if course_start:
        axis["min"] = to_canonical(course_start)
    if course_end and (course_start is None or course_end > course_start):
        axis["max"] = to_canonical(course_end)
    tooltip = {":formatter": "p => p.data && p.data.label ? p.data.label : ''"}
    return {
        "animation": False,
        "grid": {"left": 90, "right": 20, "top": 10, "bottom": 30},
        "tooltip": {"trigger": "item", **tooltip},
        "xAxis": axis,
        "yAxis": {"type": "category", "data": LANES, "inverse": True},
        "series": [
            {"type": "lines", "name": "Kontakter", "coordinateSystem": "cartesian2d", "data": bars,
             "lineStyle": {"width": 12, "opacity": 0.6, "color": "#1976d2"}},
            {"type": "scatter", "name": "Kontaktstart", "data": starts, "symbolSize": 10,
             "itemStyle": {"color": "#1976d2"}},
            {"type": "scatter", "name": "Procedurer", "data": procedures, "symbol": "diamond", "symbolSize": 11,
             "itemStyle": {"color": "#2e7d32"}},
            {"type": "scatter", "name": "Markører", "data": markers, "symbol": "triangle", "symbolSize": 11,
             "itemStyle": {"color": "#ef6c00"}},
        ],
    }


def reveal_target(ref: str) -> tuple[str, str] | None:
    """Where a clicked item leads: (field path to reveal, section key), or None for an unknown item."""
    if re.fullmatch(r"contacts\[\d+\]", ref):
        return f"{ref}.start", "contacts"
    if re.fullmatch(r"contacts\[\d+\]\.procedures\[\d+\]", ref):
        return f"{ref}.start", "contacts"
    if re.fullmatch(r"procedures\[\d+\]", ref):
        return f"{ref}.start", "procedures"
    if re.fullmatch(r"markers\[\d+\]", ref):
        return f"{ref}.time", "markers"
    return None


def timeline_view(editor: FormEditor) -> ui.echart:
    """One chart of the course from its start to its end (or today), redrawn when a time changes."""
    chart = ui.echart(timeline_options(editor.form, editor.ctx.clock())).classes("w-full h-40").mark("timeline")

    def clicked(e: events.EChartPointClickEventArguments) -> None:
        target = reveal_target(e.name or "")
        if target:
            editor.reveal(*target)

    def saved(path: str) -> None:
        if chart.is_deleted or not _REDRAW.match(path):
            return  # codes, units and texts do not move anything on the axis
        chart.options.clear()
        chart.options.update(timeline_options(editor.form, editor.ctx.clock()))
        chart.update()

    chart.on_point_click(clicked)
    editor.on_saved(saved)
    return chart
