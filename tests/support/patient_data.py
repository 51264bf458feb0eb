"""Where patient data could leak to: the needles of the base form's patient, a search of a data folder for them,
and what a process has read."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

CPR = "0101801233"  # tests/support/rules_fakes.base_form's patient
NEEDLES = [CPR.encode(), f"{CPR[:6]}-{CPR[6:]}".encode(), b"Test Testesen"]


def readable(path: Path) -> bytes:
    """A file's bytes, and when it is a ZIP (a bundle deflates its JSON), its members' bytes too."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data += b"".join(archive.read(name) for name in archive.namelist())
    return data


def files_with_patient_data(folder: Path, needles: list[bytes] = NEEDLES) -> list[str]:
    """What `grep -r CPR` (and `unzip -p | grep`) finds in `folder`."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = readable(path)
        found += [f"{path.relative_to(folder)}: {needle.decode()}" for needle in needles if needle in data]
    return found


def proc_io(pid: int) -> tuple[int, float]:
    """(bytes the process has read by system calls, sockets included; its CPU seconds): Linux's /proc/PID."""
    rchar = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/io").read_text().splitlines()
                 if line.startswith("rchar:"))
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return rchar, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
