"""The form document (docs/form-format.md) as pydantic models.

Times, codes, CPR numbers and SOR ids are kept as the strings the user typed: a draft never loses a value
because it does not parse. Checking them is the job of `seilocal.rules`, not of the model.
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FORMAT = "seilocal.form/1"
FORMAT_PREFIX = "seilocal.form/"
SUPPORTED_MAJOR = 1

Status = Literal["draft", "submitted", "changed", "cancelled"]
DiagnosisKind = Literal["action", "secondary"]
ReportStatus = Literal["incomplete", "complete"]

# Danish labels of the statuses, used by every page and by the PDF watermark.
STATUS_LABELS_DA: dict[str, str] = {
    "draft": "Kladde",
    "submitted": "Indberettet",
    "changed": "Ændret efter indberetning",
    "cancelled": "Annulleret",
}


def new_id() -> str:
    """A fresh UUID string for a course or a row."""
    return str(uuid.uuid4())


class _Part(BaseModel):
    """Base of every part: unknown keys are refused, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Patient(_Part):
    cpr: str | None = None
    name: str | None = None


class Course(_Part):
    id: str = Field(default_factory=new_id)
    start: str | None = None
    end: str | None = None
    responsible_unit: str | None = None
    label: str | None = None
    start_marker: str | None = None
    completion: str | None = None


class Referral(_Part):
    time: str | None = None
    referring_unit: str | None = None
    method: str | None = None
    free_choice: str | None = None
    reason: str | None = None
    reference_id: str | None = None
    reference_type: str | None = None


class Payment(_Part):
    payer: str | None = None
    agreement: str | None = None
    specialisation_level: str | None = None


class Marker(_Part):
    id: str = Field(default_factory=new_id)
    code: str | None = None
    time: str | None = None


class Diagnosis(_Part):
    id: str = Field(default_factory=new_id)
    kind: DiagnosisKind = "secondary"
    code: str | None = None
    side: str | None = None
    supplementary: list[str] = Field(default_factory=list)
    metastases: list[str] = Field(default_factory=list)
    local_recurrences: list[str] = Field(default_factory=list)
    # The user stated "ingen metastaser" / "ingen lokalrecidiv" (LPR3 rules 12111/12112; see model/cancer.py).
    # Optional keys: documents written before they existed load with False.
    no_metastases: bool = False
    no_local_recurrences: bool = False

    @property
    def has_metastasis_info(self) -> bool:
        """True when the diagnosis carries metastasis info: codes or the "none" statement."""
        return bool(self.metastases) or self.no_metastases

    @property
    def has_recurrence_info(self) -> bool:
        """True when the diagnosis carries local-recurrence info: codes or the "none" statement."""
        return bool(self.local_recurrences) or self.no_local_recurrences


class Procedure(_Part):
    id: str = Field(default_factory=new_id)
    code: str | None = None
    start: str | None = None
    end: str | None = None
    producer: str | None = None
    side: str | None = None
    action_spec: str | None = None
    contrast: str | None = None
    staff_category: str | None = None
    supplementary: list[str] = Field(default_factory=list)
    # Only procedures without contact carry their own payment (LPR3 rule 11.31).
    payment: Payment | None = None
    # The user asked for a report by hand (F4.8: implant; F4.9: a decision on somatic coercion), independent
    # of the code lists, which the bundled catalog cannot vouch for.
    implant_report_requested: bool = False
    coercion_report_requested: bool = False


class Contact(_Part):
    id: str = Field(default_factory=new_id)
    start: str | None = None
    end: str | None = None
    responsible_unit: str | None = None
    type: str | None = None
    priority: str | None = None
    reason: str | None = None
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    procedures: list[Procedure] = Field(default_factory=list)

    @property
    def action_diagnosis(self) -> Diagnosis | None:
        """The contact's aktionsdiagnose, if any."""
        return next((d for d in self.diagnoses if d.kind == "action"), None)


class Trigger(_Part):
    ref: str | None = None
    code: str | None = None


class ResultReport(_Part):
    id: str = Field(default_factory=new_id)
    name: str | None = None
    trigger: Trigger = Field(default_factory=Trigger)
    time: str | None = None
    status: ReportStatus = "incomplete"
    results: dict[str, str | None] = Field(default_factory=dict)


class FormatError(ValueError):
    """The document is of a format this version cannot read."""


class Form(_Part):
    format: str = FORMAT
    form_no: int | None = None
    status: Status = "draft"
    patient: Patient = Field(default_factory=Patient)
    course: Course = Field(default_factory=Course)
    referral: Referral = Field(default_factory=Referral)
    payment: Payment = Field(default_factory=Payment)
    markers: list[Marker] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    procedures: list[Procedure] = Field(default_factory=list)
    result_reports: list[ResultReport] = Field(default_factory=list)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        check_format(value)
        return value

    def to_json(self, indent: int | None = None) -> str:
        """The document as JSON text, every optional value written out as null or []."""
        return self.model_dump_json(indent=indent)


def check_format(value: object) -> None:
    """Refuse a document whose format is not `seilocal.form/<major>` with a readable major version."""
    if not isinstance(value, str) or not value.startswith(FORMAT_PREFIX):
        raise FormatError(f"not a SEI-LPR lokal form document (format is {value!r}, expected {FORMAT!r})")
    version = value.removeprefix(FORMAT_PREFIX)
    major_text = version.split(".", 1)[0]
    if not major_text.isdigit():
        raise FormatError(f"unreadable format version {value!r}")
    if int(major_text) > SUPPORTED_MAJOR:
        raise FormatError(
            f"the document has format {value!r}, newer than this program reads ({FORMAT!r}); "
            "update SEI-LPR lokal"
        )
    if int(major_text) < SUPPORTED_MAJOR:
        raise FormatError(f"unsupported old format {value!r}")
