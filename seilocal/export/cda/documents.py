"""The CDA documents of stored versions: file names, the reporting practice, one document per version and the
cancellation document of a cancelled form. Pure (takes versions and the profile; no SQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from seilocal.model import Form
from seilocal.model.profile import PracticeProfile, normal_cvr

from .build import build_cancellation, to_bytes
from .header import Header
from .text import document_bytes

LPR3_FOLDER = "lpr3"


def reporter(profile: PracticeProfile) -> tuple[str, str]:
    """(reporting SOR unit, CVR) of the practice: its default responsible unit, else its first own unit."""
    unit = profile.responsible_unit or (profile.own_units[0] if profile.own_units else "")
    return (unit or "").strip(), normal_cvr(profile.cvr) or (profile.cvr or "").strip()


def document_name(form_no: int | None, version: int, cancellation: bool = False) -> str:
    """File name of a version's LPR3 document (no patient data)."""
    kind = "annullering" if cancellation else "lpr3"
    return f"seilocal-skema-{form_no}-v{version}-{kind}.xml"


def version_document(version: Any, profile: PracticeProfile) -> tuple[str, bytes]:
    """(file name, XML) of one submitted version; IntegrityError when it cannot be written."""
    unit, cvr = reporter(profile)
    header = Header(version=version.version, effective=version.submitted_at, author_unit=unit, custodian_cvr=cvr)
    return document_name(version.form_no, version.version), document_bytes(version.form(), header)


def cancellation_document(form: Form, last_version: int, cancelled_at: str,
                          profile: PracticeProfile) -> tuple[str, bytes]:
    """(file name, XML) of the document that removes a cancelled form's course after its last version."""
    unit, cvr = reporter(profile)
    header = Header(version=last_version + 1, effective=cancelled_at, author_unit=unit, custodian_cvr=cvr)
    return (document_name(form.form_no, last_version + 1, cancellation=True),
            to_bytes(build_cancellation(form, header)))


def bundle_documents(profile: PracticeProfile) -> Callable[[Any], dict[str, bytes]]:
    """What a version's bundle holds in its `lpr3/` folder (raises IntegrityError when it cannot be written)."""

    def documents(version: Any) -> dict[str, bytes]:
        name, data = version_document(version, profile)
        return {f"{LPR3_FOLDER}/{name}": data}

    return documents
