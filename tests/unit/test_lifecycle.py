"""The status state machine: every allowed transition, every refused one."""

from __future__ import annotations

import itertools

import pytest

from seilocal.model.lifecycle import (
    ACTIONS,
    DELETED,
    STATUSES,
    TransitionRefused,
    allowed_actions,
    can,
    next_status,
)

ALLOWED = {
    ("draft", "edit"): "draft",
    ("draft", "submit"): "submitted",
    ("draft", "delete"): DELETED,
    ("submitted", "edit"): "changed",
    ("submitted", "cancel"): "cancelled",
    ("changed", "edit"): "changed",
    ("changed", "submit"): "submitted",
    ("changed", "cancel"): "cancelled",
}
REFUSED = sorted(set(itertools.product(STATUSES, ACTIONS)) - set(ALLOWED))


@pytest.mark.parametrize(("status", "action"), sorted(ALLOWED))
def test_allowed_transition(status: str, action: str) -> None:
    assert next_status(status, action) == ALLOWED[status, action]
    assert can(status, action)
    assert action in allowed_actions(status)


@pytest.mark.parametrize(("status", "action"), REFUSED)
def test_refused_transition(status: str, action: str) -> None:
    with pytest.raises(TransitionRefused) as caught:
        next_status(status, action)
    assert not can(status, action)
    assert action not in allowed_actions(status)
    assert caught.value.message_da and str(caught.value)
    assert caught.value.status == status and caught.value.action == action


def test_the_refusal_list_is_what_the_issue_demands() -> None:
    # A submitted or cancelled form is never deleted; a cancelled form is final; a draft is not cancelled.
    assert {("submitted", "delete"), ("changed", "delete"), ("cancelled", "delete"), ("draft", "cancel"),
            ("cancelled", "edit"), ("cancelled", "submit"), ("cancelled", "cancel"),
            ("submitted", "submit")} == set(REFUSED)


def test_a_whole_life() -> None:
    status = "draft"
    for action, expected in [("edit", "draft"), ("submit", "submitted"), ("edit", "changed"),
                             ("submit", "submitted"), ("edit", "changed"), ("cancel", "cancelled")]:
        status = next_status(status, action)
        assert status == expected
    assert allowed_actions(status) == set()


def test_danish_reasons_explain_the_refusal() -> None:
    with pytest.raises(TransitionRefused) as caught:
        next_status("submitted", "delete")
    assert "annuller" in caught.value.message_da
    with pytest.raises(TransitionRefused) as caught:
        next_status("cancelled", "edit")
    assert "annulleret" in caught.value.message_da
