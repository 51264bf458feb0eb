"""A refused submission's reasons, per language by template: every kind has its Danish sentence."""

from __future__ import annotations

from seilocal.export.cda.integrity import _ENGLISH, Problem
from seilocal.export.refusal import _DANISH, SubmissionRefused, danish


def test_every_kind_of_problem_has_a_danish_sentence() -> None:
    assert set(_ENGLISH) - {"text"} <= set(_DANISH)


def test_the_danish_sentence_names_the_field_by_its_label_and_says_what_to_do() -> None:
    refused = SubmissionRefused([
        Problem("not_time", "contacts[1].start", "contact 2 start", "31-02-2026"),
        Problem("no_unit", "profile.responsible_unit", "reporting unit (practice profile)"),
        Problem("bad_text", "patient.name", "patient.name"),
    ])
    assert refused.danish() == [
        "Patientkontakt 2 › Starttidspunkt: »31-02-2026« er ikke et gyldigt tidspunkt. Ret feltet.",
        "Praksisprofil › Indberettende SOR-enhed: praksisprofilen har ingen indberettende SOR-enhed. "
        "Udfyld den under Indstillinger › Praksisprofil.",
        "Patient › Navn: indeholder et usynligt kontroltegn (fx kopieret fra et andet program). Skriv teksten igen.",
    ]
    assert refused.english()[0] == "contact 2 start: '31-02-2026' is not a time"
    assert danish(Problem("no_cvr", "profile.cvr", "practice profile")).startswith("Praksisprofilen har intet CVR")
