"""Which column of a SOR CSV file holds which of our fields: our own layout and SDS's SOR2 `SorEntity` layout.

SOR2 (`SorEntity_daily.csv`, and `SOREntity.csv` in `Sor_complete.zip`) has a hundred-odd columns; we read a
few by name, in any order, and count the rest as ignored. What is known of SOR2's names comes from SDS's
"SOR2-CSV-dokumentation" and public code that reads the file: SorId, SorType, EntityName, EntityTypeName,
HealthInstitutionSorId, HealthInstitutionEntityName, InstitutionOwnerEntityTypeName, FromDate, ToDate,
FirstFromDate, PrioritizedEntitySpeciality1Name, OrganisationalLevelCode/-Name (since January 2025).

ASSUMED (no public source seen; a file without them still imports, the fields stay empty): the column of the
parent entity (ParentSorId), of the institution owner's SOR code (InstitutionOwnerSorId), of the owner's CVR
(InstitutionOwnerCvrNumberId, CvrNumberId, ...) and of the provider number (ProviderId, ...). Each field lists
its candidate names; the first one the file has is used.
"""

from __future__ import annotations

from .common import fold

# Our own layout (see sor_import's docstring) and its Danish aliases.
OWN: dict[str, str] = {
    "sor_id": "sor_id", "sor_kode": "sor_id", "sor-kode": "sor_id", "sorkode": "sor_id",
    "name": "name", "navn": "name",
    "level": "level", "niveau": "level",
    "owner_type": "owner_type", "ejerforhold": "owner_type", "ejertype": "owner_type",
    "cvr": "cvr",
    "ydernummer": "ydernummer",
    "unit_type": "unit_type", "enhedstype": "unit_type",
    "parent": "parent", "overordnet": "parent",
    "valid_from": "valid_from", "gyldig_fra": "valid_from",
    "valid_to": "valid_to", "gyldig_til": "valid_to",
    "speciality": "speciality", "speciale": "speciality", "hovedspeciale": "speciality",
}

# SOR2: field -> candidate column names, best first (folded when compared).
SOR2: dict[str, tuple[str, ...]] = {
    "sor_id": ("SorId",),
    "name": ("EntityName",),
    "sor_type": ("SorType",),
    "unit_type": ("EntityTypeName",),
    "si_id": ("HealthInstitutionSorId",),
    "si_name": ("HealthInstitutionEntityName",),
    "owner_type": ("InstitutionOwnerEntityTypeName",),
    "from_date": ("FromDate",),
    "to_date": ("ToDate",),
    "first_from_date": ("FirstFromDate",),
    "speciality": ("PrioritizedEntitySpeciality1Name",),
    "org_level": ("OrganisationalLevelName",),
    # assumed names, see the module docstring
    "parent": ("ParentSorId", "ParentEntitySorId"),
    "owner_id": ("InstitutionOwnerSorId",),
    "cvr": ("InstitutionOwnerCvrNumberId", "CvrNumberId", "InstitutionOwnerCvrNumber", "CvrNumber", "Cvr"),
    "ydernummer": ("ProviderId", "ProviderIdentifier", "ProviderNumber", "Ydernummer"),
}
SOR2_KEY = "sorid"  # a header with this column is read as SOR2

# What a file that is not SOR lacks, named in the refusal with an example of each.
EXPECTED = {"sor_id": "SorId, sor_id, SOR-kode", "name": "EntityName, name, navn"}


def unwrap(cell: str) -> str:
    """A cell without Excel's text guard: `="123"` (or `=123`) is `123`; surrounding blanks go too."""
    cell = cell.strip()
    if cell.startswith("="):
        cell = cell[1:].strip()
        if len(cell) >= 2 and cell[0] == cell[-1] == '"':
            cell = cell[1:-1]
    return cell.strip()


def header_keys(header: list[str]) -> list[str]:
    """The header's names, folded, without the text guard (a header cell may carry it too) or a stray BOM."""
    return [fold(unwrap(h).lstrip("\ufeff")) for h in header]


def is_sor2(keys: list[str]) -> bool:
    """True for SDS's SorEntity layout."""
    return SOR2_KEY in keys


def column_map(keys: list[str]) -> tuple[dict[str, int], int]:
    """Field -> column index for the header, and how many columns we do not use."""
    index: dict[str, int] = {}
    if is_sor2(keys):
        position = {k: i for i, k in reversed(list(enumerate(keys)))}  # the first of a repeated name
        for field, names in SOR2.items():
            found = next((position[fold(n)] for n in names if fold(n) in position), None)
            if found is not None:
                index[field] = found
    else:
        for i, key in enumerate(keys):
            own = OWN.get(key)
            if own is not None and own not in index:
                index[own] = i
    used = len(set(index.values()))
    return index, len(keys) - used
