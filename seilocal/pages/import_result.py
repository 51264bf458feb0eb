"""After »Importér«: every "not kept" note of the import and, for an empty practice profile, the document's
author offered as the reporting unit and CVR, shown before the new form opens. Nothing changes the profile
unless the user presses »Brug i praksisprofilen«."""

from __future__ import annotations

from dataclasses import dataclass, field

from nicegui import ui

from seilocal.export.cda.read import Note, ReadResult
from seilocal.export.imports import ProfileOffer, accept_offer, note_da, profile_offer
from seilocal.store import Store

from .context import AppContext


@dataclass
class ImportOutcome:
    """A stored import: the new form, what was not kept, and what is offered for the profile."""

    form_no: int
    notes: list[Note] = field(default_factory=list)
    offer: ProfileOffer | None = None


def cda_outcome(store: Store, form_no: int, result: ReadResult) -> ImportOutcome:
    """The outcome of a CDA import: its notes and the author offered when the profile lacks it."""
    return ImportOutcome(form_no, list(result.notes), profile_offer(store, result.author_unit, result.custodian_cvr))


def show_import_result(ctx: AppContext, outcome: ImportOutcome) -> None:
    """Open the new form at once when there is nothing to say; else say it first, and open it on »Åbn skema«."""
    target = f"/skema/{outcome.form_no}"
    if not outcome.notes and outcome.offer is None:
        ui.notify(f"Skema {outcome.form_no} er importeret som kladde.", type="positive")
        ui.navigate.to(target)
        return
    with ui.dialog(value=True).props("persistent") as dialog, ui.card().classes("min-w-[32rem]").mark(
            "import-result"):
        ui.label(f"Skema {outcome.form_no} er importeret som kladde").classes("text-h6")
        if outcome.notes:
            ui.label("Dette i filen kunne ikke overføres til skemaet:").classes("text-body2")
            with ui.column().classes("gap-1"):
                for note in outcome.notes:
                    ui.label(f"• {note_da(note)}").classes("text-body2").mark("import-note")
        if outcome.offer is not None:
            _offer(ctx, outcome.offer)
        with ui.row().classes("w-full justify-end"):

            def open_form() -> None:
                dialog.close()
                ui.navigate.to(target)

            ui.button("Åbn skema", on_click=open_form).mark("import-open")


def _offer(ctx: AppContext, offer: ProfileOffer) -> None:
    parts = [f"SOR-enhed {offer.unit}" if offer.unit else "", f"CVR-nummer {offer.cvr}" if offer.cvr else ""]
    what = " og ".join(p for p in parts if p)
    with ui.column().classes("gap-1 w-full").mark("import-offer"):
        ui.label(f"Praksisprofilen mangler det, dokumentets afsender har: {what}. Skal det bruges som "
                 "praksisens indberettende enhed? Praksisprofilen ændres kun, hvis du vælger det.").classes(
            "text-body2")

        def accept() -> None:
            accept_offer(ctx.store, offer)
            button.disable()
            done.set_text("Praksisprofilen er opdateret.")

        button = ui.button("Brug i praksisprofilen", on_click=accept).props("outline").mark("import-offer-accept")
        done = ui.label("").classes("text-positive").mark("import-offer-done")
