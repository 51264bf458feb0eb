"""The status lifecycle of a form as a pure state machine (product.md F5, B7).

draft --submit--> submitted --edit--> changed --submit--> submitted ...
submitted/changed --cancel--> cancelled; draft --delete--> (gone). A submitted or cancelled form is never
deleted, and a cancelled form is final.
"""

from __future__ import annotations

from typing import Literal

Action = Literal["submit", "edit", "cancel", "delete"]
ACTIONS: tuple[Action, ...] = ("submit", "edit", "cancel", "delete")
STATUSES: tuple[str, ...] = ("draft", "submitted", "changed", "cancelled")

# The pseudo-status of a form that no longer exists (a deleted draft).
DELETED = "deleted"

# Every allowed (status, action) and where it leads; anything not listed is refused.
TRANSITIONS: dict[tuple[str, Action], str] = {
    ("draft", "edit"): "draft",
    ("draft", "submit"): "submitted",
    ("draft", "delete"): DELETED,
    ("submitted", "edit"): "changed",
    ("submitted", "cancel"): "cancelled",
    ("changed", "edit"): "changed",
    ("changed", "submit"): "submitted",
    ("changed", "cancel"): "cancelled",
}

# Why a transition is refused, in English (CLI, logs) and Danish (UI), per (status, action).
_REFUSALS: dict[tuple[str, Action], tuple[str, str]] = {
    ("submitted", "submit"): (
        "the form has not changed since it was submitted",
        "Skemaet er ikke ændret siden sidste indberetning.",
    ),
    ("submitted", "delete"): (
        "a submitted form is never deleted; cancel it instead",
        "Et indberettet skema kan ikke slettes – annuller det i stedet.",
    ),
    ("changed", "delete"): (
        "a submitted form is never deleted; cancel it instead",
        "Et indberettet skema kan ikke slettes – annuller det i stedet.",
    ),
    ("draft", "cancel"): (
        "a draft was never submitted, so there is nothing to cancel; delete the draft instead",
        "En kladde er ikke indberettet og kan ikke annulleres – slet kladden i stedet.",
    ),
}
_CANCELLED = ("the form is cancelled; it can no longer be changed", "Skemaet er annulleret og kan ikke ændres.")


class TransitionRefused(ValueError):
    """The action is not allowed in the form's status; `message_da` says why in Danish."""

    def __init__(self, status: str, action: str, message: str, message_da: str) -> None:
        super().__init__(message)
        self.status = status
        self.action = action
        self.message_da = message_da


def next_status(status: str, action: Action) -> str:
    """The status after `action`, or DELETED; raises TransitionRefused when the action is not allowed."""
    target = TRANSITIONS.get((status, action))
    if target is not None:
        return target
    if status == "cancelled":
        english, danish = _CANCELLED
    elif (status, action) in _REFUSALS:
        english, danish = _REFUSALS[(status, action)]
    else:
        english = f"cannot {action} a form with status {status!r}"
        danish = "Handlingen er ikke mulig for skemaets status."
    raise TransitionRefused(status, action, english, danish)


def allowed_actions(status: str) -> set[Action]:
    """The actions allowed in `status`."""
    return {action for action in ACTIONS if (status, action) in TRANSITIONS}


def can(status: str, action: Action) -> bool:
    """True when `action` is allowed in `status`."""
    return (status, action) in TRANSITIONS
