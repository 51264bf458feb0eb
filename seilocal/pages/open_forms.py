"""Which forms are open in a browser tab right now, so that untouched drafts can be cleaned up safely.

"Opret skema" makes a draft at once (the page needs its number). A draft the user leaves without typing anything
is removed again (store: `discard_untouched_drafts`): when its last tab goes away, and when the forms list
loads, but never while a tab still shows it, and never when it holds more than a new form starts with.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from nicegui import Client

from seilocal.model import Form
from seilocal.model.profile import new_form_from_profile
from seilocal.store.crypto import Error as storage_errors
from seilocal.store.profile import load_profile

from .context import AppContext

_KEY = "open_form_clients"
_PENDING_KEY = "open_form_pending"
PENDING_S = 30.0  # a new draft whose page never came (the browser was closed at once) is cleaned after this


def _clients(ctx: AppContext) -> dict[int, set[Client]]:
    clients: dict[int, set[Client]] = ctx.extras.setdefault(_KEY, {})  # only this module keeps this entry
    return clients


def _showing(client: Client) -> bool:
    """Whether a tab still shows the page: connected, or built and not yet connected (a page on its way)."""
    if client.is_deleted:
        return False
    return client.has_socket_connection or not getattr(client, "_seilocal_connected_once", False)


def _pending(ctx: AppContext) -> dict[int, float]:
    pending: dict[int, float] = ctx.extras.setdefault(_PENDING_KEY, {})  # only this module keeps this entry
    return pending


def created(ctx: AppContext, form_no: int) -> None:
    """Count a draft just made by "Opret skema" as shown while its page is on the way to the browser."""
    _pending(ctx)[form_no] = time.monotonic()


def open_forms(ctx: AppContext) -> set[int]:
    """The numbers of the forms some tab shows now, or is about to show (made a moment ago, page not built yet)."""
    now = time.monotonic()
    pending = _pending(ctx)
    for form_no, at in list(pending.items()):
        if now - at > PENDING_S:
            del pending[form_no]
    shown = {form_no for form_no, clients in _clients(ctx).items() if any(_showing(c) for c in clients)}
    return shown | set(pending)


def blank_check(ctx: AppContext) -> Callable[[Form], bool]:
    """Whether a form holds nothing but what "Opret skema" puts in a new one (the practice defaults)."""
    template = new_form_from_profile(load_profile(ctx.store.prefs))

    def is_blank(form: Form) -> bool:
        fresh = template.model_copy(deep=True)
        fresh.form_no, fresh.status, fresh.course.id = form.form_no, form.status, form.course.id
        return form == fresh

    return is_blank


def discard_untouched(ctx: AppContext) -> list[int]:
    """Remove the untouched drafts no tab shows; their numbers (none when the database cannot be written now)."""
    return _quietly(lambda: ctx.store.forms.discard_untouched_drafts(blank_check(ctx), keep=open_forms(ctx)))


def _quietly(clean: Callable[[], list[int]]) -> list[int]:
    # A clean-up only: a full disk or a locked file leaves the draft for the next time, and the page works on.
    try:
        return clean()
    except storage_errors:
        return []


def track(ctx: AppContext, client: Client, form_no: int) -> None:
    """Count `client` as showing form `form_no` until it is gone; then remove the form if it is an untouched draft."""
    _clients(ctx).setdefault(form_no, set()).add(client)
    _pending(ctx).pop(form_no, None)

    def connected() -> None:
        client._seilocal_connected_once = True  # type: ignore[attr-defined]  # noqa: SLF001

    def deleted() -> None:
        clients = _clients(ctx).get(form_no, set())
        clients.discard(client)
        if not clients:
            _clients(ctx).pop(form_no, None)
        if not any(_showing(c) for c in clients):
            _quietly(lambda: ctx.store.forms.discard_untouched_drafts(blank_check(ctx), only=form_no))

    client.on_connect(connected)
    client.on_delete(deleted)
