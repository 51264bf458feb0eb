"""A synthetic SOR file in the shape of SDS's SorEntity_daily.csv (SOR2): `;`-separated, UTF-8 with a BOM,
SOR codes as Excel text guards `="..."`, 48 columns of which the importer uses a dozen.

The columns the importer reads are named as SOR2 names them (see seilocal/store/catalog/sor_columns.py, which
says which names are known and which assumed); the other columns are there so the file has SOR2's width, and
their names are illustrative. Written by us, no real SOR data. Used by bench/sor_lookup.py; run it alone to
write a file: `.venv/bin/python bench/sor_file.py OUT.csv [--units N]`.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

COLUMNS = (
    "SorId", "EntityName", "SorType", "EntityTypeName", "ShakId", "FromDate", "ToDate", "FirstFromDate",
    "HealthInstitutionSorId", "HealthInstitutionEntityName", "HealthInstitutionEntityTypeName",
    "InstitutionOwnerSorId", "InstitutionOwnerEntityName", "InstitutionOwnerEntityTypeName",
    "InstitutionOwnerCvrNumberId", "ParentSorId", "ProviderId",
    "PrioritizedEntitySpeciality1Name", "PrioritizedEntitySpeciality2Name", "PrioritizedEntitySpeciality3Name",
    "PrioritizedEntitySpeciality4Name", "PrioritizedEntitySpeciality5Name", "PrioritizedEntitySpeciality6Name",
    "PrioritizedEntitySpeciality7Name", "PrioritizedEntitySpeciality8Name",
    "OrganisationalLevelCode", "OrganisationalLevelName", "EanLocationCode", "EanLocationCodeRegionName",
    "PostalAddressStreetName", "PostalAddressStreetBuildingId", "PostalAddressPostCodeId",
    "PostalAddressDistrictName", "PostalAddressMunicipalityCode", "PostalAddressRegionCode",
    "PostalAddressCoordETRS89z32EMeasure", "PostalAddressCoordETRS89z32NMeasure",
    "VisitingAddressStreetName", "VisitingAddressStreetBuildingId", "VisitingAddressPostCodeId",
    "VisitingAddressDistrictName", "VirtualAddressTelephoneNumber", "VirtualAddressEmailAddress",
    "VirtualAddressWebsite", "UnitTypeName", "GeographicalParentRelation", "GeographicalParentSorId",
    "UpdatedAt",
)
SEED = 20261207
SPECIALITIES = ("Psykiatri", "Ortopædisk kirurgi", "Dermato-venerologi", "Almen medicin", "Oftalmologi",
                "Børne- og ungdomspsykiatri", "Øre-næse-halskirurgi", "Kardiologi", "Gynækologi og obstetrik")
OWNERS = (("Privat", "Speciallægepraksis"), ("Region", "Sygehus"), ("Kommune", "Kommunal sundhedsenhed"))
WORDS = ("Klinik", "Center", "Afsnit", "Ambulatorium", "Lægehus", "Praksis", "Hospital", "Øjenklinik",
         "Hudklinik", "Ørelæge", "Sundhedshus", "Rygcenter")
PLACES = ("Nørrebro", "Århus", "Ålborg", "Odense", "Esbjerg", "Vejle", "Køge", "Hillerød", "Næstved", "Ærø")


def guard(value: str) -> str:
    """SDS's Excel text guard for a code."""
    return f'="{value}"' if value else ""


def line(values: dict[str, str]) -> str:
    """One `;`-separated record in COLUMNS order (no cell holds `;` or a quote that needs CSV quoting)."""
    return ";".join(values.get(c, "") for c in COLUMNS) + "\r\n"


def sor_code(n: int) -> str:
    """A SOR-shaped code (digits, ending in SOR's namespace 1000016 and a check digit)."""
    return f"{900000 + n}1000016{n % 10}"


def generated(units: int, seed: int = SEED) -> Iterator[str]:
    """Header and `units` rows: one SI per 8 units, its OEs under it; some closed in the future."""
    rng = random.Random(seed)
    yield ";".join(COLUMNS) + "\r\n"
    si = None
    for n in range(units):
        owner, kind = OWNERS[(n // 8) % len(OWNERS)]
        place = rng.choice(PLACES)
        if n % 8 == 0:
            si = (sor_code(n), f"{rng.choice(WORDS)} {place} {n // 8}", f"{rng.randint(10_000_000, 99_999_999)}")
            sor_type, name, si_id = "SI", si[1], sor_code(n)
        else:
            sor_type, name, si_id = "OE", f"{si[1]}, {rng.choice(WORDS)} {rng.choice(SPECIALITIES)}", si[0]
        first = f"{rng.randint(1995, 2024)}-{rng.randint(1, 12):02d}-01"
        to = f"{rng.randint(2027, 2030)}-12-31" if rng.random() < 0.05 else ""
        yield line({
            "SorId": guard(sor_code(n)), "EntityName": name, "SorType": sor_type, "EntityTypeName": kind,
            "ShakId": f"{rng.randint(1000, 9999)}", "FromDate": "2025-01-01", "ToDate": to, "FirstFromDate": first,
            "HealthInstitutionSorId": guard(si_id), "HealthInstitutionEntityName": si[1],
            "HealthInstitutionEntityTypeName": kind, "InstitutionOwnerEntityTypeName": owner,
            "InstitutionOwnerCvrNumberId": si[2] if sor_type == "SI" else "",
            "PrioritizedEntitySpeciality1Name": rng.choice(SPECIALITIES) if sor_type == "OE" else "",
            "OrganisationalLevelCode": "3" if sor_type == "OE" else "1",
            "OrganisationalLevelName": "Afsnit" if sor_type == "OE" else "Institution",
            "EanLocationCode": guard(f"579{rng.randint(10**9, 10**10 - 1)}"),
            "PostalAddressStreetName": f"{place}vej", "PostalAddressStreetBuildingId": str(rng.randint(1, 200)),
            "PostalAddressPostCodeId": str(rng.randint(1000, 9990)), "PostalAddressDistrictName": place,
            "PostalAddressCoordETRS89z32EMeasure": f"{rng.uniform(440000, 890000):.2f}",
            "PostalAddressCoordETRS89z32NMeasure": f"{rng.uniform(6050000, 6400000):.2f}",
            "VirtualAddressTelephoneNumber": f"{rng.randint(20_000_000, 99_999_999)}",
            "UpdatedAt": "2025-01-01T02:00:00",
        })


def write(path: Path, units: int, seed: int = SEED) -> Path:
    """Write the generated file (UTF-8 with a BOM, as SDS's download opens in Excel)."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.writelines(generated(units, seed))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=40_000)
    args = parser.parse_args()
    write(args.out, args.units)
    print(f"wrote {args.units} units to {args.out}")


if __name__ == "__main__":
    main()
