"""Submission bundles: one ZIP per submitted version with form.json, validation.json, form.pdf, manifest.json,
and the version's LPR3 CDA document(s) in `lpr3/` (listed in the manifest like every other file).

The manifest names the format (`seilocal.bundle/1`), the app version, the form, its forløbsID, the version,
the submission time and the SHA-256 of every other file. A reader refuses anything it cannot fully verify.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from seilocal import __version__
from seilocal.model import Form, FormatError
from seilocal.safe_json import load_strict
from seilocal.store.versions import Version

BUNDLE_FORMAT = "seilocal.bundle/1"
BUNDLE_PREFIX = "seilocal.bundle/"
SUPPORTED_MAJOR = 1
MANIFEST = "manifest.json"
CONTENT_FILES = ("form.json", "validation.json", "form.pdf")
# A bundle is a few hundred kB; anything far larger is not ours (and must not fill the memory).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
# Caps of the reader (a ZIP bomb of 2 MB must not take gigabytes): the whole file, everything unpacked together,
# the number of entries and how well an entry may compress (form JSON compresses ~10:1, a PDF less).
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_ENTRIES = 32
MAX_RATIO = 100
RATIO_FREE_BYTES = 1024 * 1024  # small entries may compress as well as they like
_CHUNK = 64 * 1024

Describe = Callable[[str], str | None]
# Makes the LPR3 documents of a version ({"lpr3/name.xml": bytes}); raises ValueError when it cannot.
Lpr3Documents = Callable[[Version], dict[str, bytes]]


class BundleError(ValueError):
    """A bundle cannot be written or read; the message says why in English, nothing was changed."""


@dataclass(frozen=True)
class Bundle:
    """A verified bundle: its manifest and its parts."""

    manifest: dict[str, Any]
    form: Form
    findings: list[dict[str, Any]]
    pdf: bytes

    @property
    def version(self) -> int:
        """The version number of the submission."""
        return int(self.manifest["version"])

    @property
    def submitted_at(self) -> str:
        """When it was submitted (`YYYY-MM-DDTHH:MM:SS`)."""
        return str(self.manifest["submitted_at"])


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def bundle_name(version: Version) -> str:
    """The file name of a version's bundle: no patient data, unique per form and version."""
    return f"seilocal-skema-{version.form_no}-v{version.version}.zip"


def prefetch_describe(form: Form, describe: Describe | None) -> Describe | None:
    """Look up every code of the form now, so the PDF can be rendered off the event loop (SQLite connections
    belong to their thread); returns a lookup over the answers."""
    if describe is None:
        return None
    known: dict[str, str | None] = {}

    def walk(data: Any) -> None:
        if isinstance(data, str):
            key = data.strip()
            if key and key not in known and len(key) <= 20 and " " not in key:
                try:
                    known[key] = describe(key)
                except Exception:  # a failing catalog must not stop a submission; codes print without text
                    known[key] = None
        elif isinstance(data, dict):
            for key, item in data.items():
                walk(str(key))
                walk(item)
        elif isinstance(data, list):
            for item in data:
                walk(item)

    walk(form.model_dump())
    return lambda code: known.get(code.strip())


def build_bundle(version: Version, describe: Describe | None = None, clinic_name: str | None = None,
                 lpr3: Lpr3Documents | None = None) -> bytes:
    """The ZIP of one version, in memory. Same version, same bytes (fixed entry times, print time = submission).

    A version whose LPR3 document cannot be written (e.g. no CVR in the practice profile) still gets its
    bundle: the manifest then says why under `lpr3_error` instead of listing `lpr3/` files.
    """
    from seilocal.print import render_form_pdf  # costs 0.4 s to import: only when a bundle is made

    form = version.form()
    submitted = datetime.fromisoformat(version.submitted_at)
    files = {
        "form.json": (form.to_json(indent=2) + "\n").encode("utf-8"),
        "validation.json": (json.dumps(
            {"format": "seilocal.validation/1", "validated_at": version.submitted_at,
             "findings": version.findings_list()}, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        "form.pdf": render_form_pdf(form, describe=describe, clinic_name=clinic_name, printed_at=submitted),
    }
    lpr3_error = None
    if lpr3 is not None:
        try:
            files.update(lpr3(version))
        except ValueError as exc:  # IntegrityError: the form cannot be written as an LPR3 document
            lpr3_error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a defect in the CDA export must never lose the bundle
            lpr3_error = f"the LPR3 document could not be written ({type(exc).__name__})"
    manifest = {
        "format": BUNDLE_FORMAT,
        "app_version": __version__,
        "form_no": version.form_no,
        "course_id": version.course_id,
        "version": version.version,
        "submitted_at": version.submitted_at,
        "status": form.status,
        "files": {name: sha256(data) for name, data in files.items()},
    }
    if lpr3_error is not None:
        manifest["lpr3_error"] = lpr3_error
    files[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    buffer = BytesIO()
    stamp = submitted.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write_bundles(versions: Sequence[Version], out_dir: Path, describe: Describe | None = None,
                  clinic_name: str | None = None, lpr3: Lpr3Documents | None = None,
                  stored: Callable[[Version], bytes | None] | None = None) -> list[Path]:
    """Write one bundle per version into `out_dir`, all or nothing: each goes to a temp name in `out_dir`
    first, and only when every one is complete are they renamed into place.

    `stored` gives the bundle kept in the database when the version was submitted (written as it is); a
    version without one gets a bundle made now. These files are plain: they are meant to leave the folder."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BundleError(f"cannot create the folder {out_dir}: {exc.strerror or exc}") from exc
    if not out_dir.is_dir():
        raise BundleError(f"{out_dir} is not a folder")
    pending: list[tuple[Path, Path]] = []
    try:
        for version in versions:
            data = (stored(version) if stored else None) or build_bundle(version, describe, clinic_name, lpr3)
            pending.append((_write_temp(out_dir, data), out_dir / bundle_name(version)))
        for temp, final in pending:
            os.replace(temp, final)
    except OSError as exc:
        _remove(temp for temp, _ in pending)
        raise BundleError(f"cannot write to {out_dir}: {exc.strerror or exc}; nothing was written") from exc
    except BaseException:
        _remove(temp for temp, _ in pending)
        raise
    return [final for _, final in pending]


def _write_temp(out_dir: Path, data: bytes) -> Path:
    handle = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".seilocal-", suffix=".zip.part", delete=False)
    path = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove([path])
        raise
    return path


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # best effort: the original error is the one to report


# -- reading and verifying ---------------------------------------------------------------------------


def read_bundle(source: Path | bytes) -> Bundle:
    """Open and fully verify a bundle: a ZIP of ours, a known format, every checksum right, a valid form."""
    name = "the bundle" if isinstance(source, bytes) else str(source)
    try:
        size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
    except OSError as exc:
        raise BundleError(f"cannot read {name}: {exc.strerror or exc}") from exc
    if size > MAX_BUNDLE_BYTES:
        raise BundleError(f"{name} is far too large for a bundle")
    try:  # a path is read from the file as needed, never loaded whole
        with zipfile.ZipFile(BytesIO(source) if isinstance(source, bytes) else Path(source)) as archive:
            manifest, members = _read_members(archive, name)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError, IndexError,
            struct.error, OSError) as exc:
        if isinstance(exc, BundleError):
            raise
        # zipfile raises all of these for damaged, truncated, encrypted or oddly compressed archives.
        raise BundleError(f"{name} is not a ZIP file or is damaged ({exc})") from exc
    _check_files(manifest, members, name)
    try:
        load_strict(members["form.json"])  # duplicate keys, depth and size; the model reads the same text
        form = Form.model_validate_json(members["form.json"])
    except (ValidationError, FormatError, ValueError) as exc:
        raise BundleError(f"{name}: form.json is not a valid form document ({_first_error(exc)})") from exc
    if form.course.id != manifest.get("course_id"):
        raise BundleError(f"{name}: the manifest and form.json name different courses (forløbsID)")
    try:
        validation = load_strict(members["validation.json"], max_bytes=MAX_MEMBER_BYTES)
        findings = validation["findings"]
        if not isinstance(findings, list):
            raise TypeError("findings is not a list")
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError(f"{name}: validation.json cannot be read ({exc})") from exc
    return Bundle(manifest=manifest, form=form, findings=findings, pdf=members["form.pdf"])


def _read_members(archive: zipfile.ZipFile, name: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest first; then only the entries it lists, each streamed under the size and ratio caps."""
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > MAX_ENTRIES:
        raise BundleError(f"{name} has {len(infos)} entries, far more than a bundle holds")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in by_name:
            raise BundleError(f"{name}: {info.filename} occurs twice")
        by_name[info.filename] = info
    if MANIFEST not in by_name:
        raise BundleError(f"{name} is not a SEI-LPR lokal bundle (it has no {MANIFEST})")
    budget = [MAX_TOTAL_BYTES]
    manifest = _manifest(_read_entry(archive, by_name[MANIFEST], name, budget), name)
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise BundleError(f"{name}: the manifest lists no files")
    # Refused before a byte of them is unpacked: an entry the manifest does not name cannot be verified.
    unlisted = sorted(set(by_name) - set(listed) - {MANIFEST})
    if unlisted:
        raise BundleError(f"{name}: file(s) not in the manifest: {', '.join(unlisted)}")
    for info in infos:  # every declared size first, so a bomb is refused before any of it is unpacked
        _check_declared(info, name)
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise BundleError(f"{name} unpacks to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MiB: not a bundle")
    members = {file_name: _read_entry(archive, info, name, budget)
               for file_name, info in by_name.items() if file_name != MANIFEST}
    return manifest, members


def _check_declared(info: zipfile.ZipInfo, name: str) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise BundleError(f"{name}: {info.filename} is far too large for a bundle")
    if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise BundleError(f"{name}: {info.filename} is compressed suspiciously well (a ZIP bomb?): refused")


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int]) -> bytes:
    """One entry, read in chunks: never more than its declared size, the total budget or the ratio allow."""
    _check_declared(info, name)
    limit = min(info.file_size, budget[0])
    if info.file_size > budget[0]:
        raise BundleError(f"{name} unpacks to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MiB: not a bundle")
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:  # checks the ZIP's CRC at the end, and stops at the declared size
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise BundleError(f"{name}: {info.filename} is larger than its ZIP header says: refused")
            chunks.append(chunk)
    budget[0] -= size
    return b"".join(chunks)


def _manifest(data: bytes, name: str) -> dict[str, Any]:
    try:
        manifest = load_strict(data, max_bytes=MAX_MANIFEST_BYTES)
    except ValueError as exc:
        raise BundleError(f"{name}: {MANIFEST} is not valid JSON ({exc})") from exc
    if not isinstance(manifest, dict):
        raise BundleError(f"{name}: {MANIFEST} is not a JSON object")
    value = manifest.get("format")
    if not isinstance(value, str) or not value.startswith(BUNDLE_PREFIX):
        raise BundleError(f"{name} is not a SEI-LPR lokal bundle (format {value!r}, expected {BUNDLE_FORMAT!r})")
    major = value.removeprefix(BUNDLE_PREFIX).split(".", 1)[0]
    if not major.isdigit():
        raise BundleError(f"{name}: unreadable bundle format {value!r}")
    if int(major) > SUPPORTED_MAJOR:
        raise BundleError(
            f"{name} has format {value!r}, newer than this program reads ({BUNDLE_FORMAT!r}); update SEI-LPR lokal"
        )
    if int(major) < SUPPORTED_MAJOR:
        raise BundleError(f"{name}: unsupported old bundle format {value!r}")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(f"{name}: the manifest has no valid version number")
    if not isinstance(manifest.get("submitted_at"), str) or not isinstance(manifest.get("course_id"), str):
        raise BundleError(f"{name}: the manifest lacks the submission time or the forløbsID")
    return manifest


def _check_files(manifest: dict[str, Any], members: dict[str, bytes], name: str) -> None:
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise BundleError(f"{name}: the manifest lists no files")
    present = set(members)
    missing = sorted(set(CONTENT_FILES) - present) + sorted(set(listed) - present)
    if missing:
        raise BundleError(f"{name}: missing file(s) {', '.join(sorted(set(missing)))}")
    unlisted = sorted(present - set(listed))
    if unlisted:
        raise BundleError(f"{name}: file(s) not in the manifest: {', '.join(unlisted)}")
    for file_name, expected in listed.items():
        if sha256(members[file_name]) != expected:
            raise BundleError(
                f"{name}: the checksum of {file_name} does not match the manifest (the bundle was changed or damaged)"
            )


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "(document)"
        return f"{where}: {first.get('msg')}"
    return str(exc)
