"""The bundle reader against ZIP bombs and hostile JSON (issue 11, findings 3, 5 and 6)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tracemalloc
import zipfile

import pytest

from seilocal.export import bundle
from seilocal.export.bundle import BundleError, read_bundle

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def parts() -> dict[str, bytes]:
    """The members of one genuine bundle of a submitted form."""
    from seilocal.store import memory_store
    from seilocal.store.versions import VersionStore

    store = memory_store()
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.name", "Anna")
    data = bundle.build_bundle(VersionStore(store.db, store.forms).submit(stored, []))
    store.close()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes], extra_manifest: dict | None = None, listed_extra: bool = True) -> bytes:
    """A bundle of `members` with a manifest whose checksums are right (listing the extra ones if asked)."""
    manifest = json.loads(members["manifest.json"])
    for name, data in members.items():
        if name != "manifest.json" and (listed_extra or name in bundle.CONTENT_FILES):
            manifest["files"][name] = hashlib.sha256(data).hexdigest()
    manifest.update(extra_manifest or {})
    members = {**members, "manifest.json": json.dumps(manifest).encode()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _raw_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _refused(raw: bytes, words: str) -> None:
    with pytest.raises(BundleError, match=words):
        read_bundle(raw)


def test_the_genuine_bundle_is_read(parts):
    assert read_bundle(_zip(parts)).form.patient.name == "Anna"


def test_entries_not_in_the_manifest_are_refused_before_a_byte_is_unpacked(parts, monkeypatch):
    zeros = bytes(30 * MiB)
    raw = _zip({**parts, **{f"junk{i}.bin": zeros for i in range(3)}}, listed_extra=False)
    assert len(raw) < 1 * MiB  # 90 MiB unpacked from a small file: the shape of the attack
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(name if isinstance(name, str) else name.filename)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    _refused(raw, "not in the manifest")
    assert not any(name.startswith("junk") for name in opened), opened


def test_listed_entries_that_unpack_to_too_much_are_refused_without_the_memory(parts):
    # Consistent forgery: right checksums, listed in the manifest, each under the per-entry cap.
    zeros = bytes(40 * MiB)
    raw = _zip({**parts, "a.bin": zeros, "b.bin": zeros})
    del zeros
    tracemalloc.start()
    try:
        _refused(raw, "ZIP bomb|more than")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * MiB, f"{peak / MiB:.0f} MiB used to refuse it"


def test_total_cap_holds_for_entries_that_compress_badly(parts, monkeypatch):
    monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", 2 * MiB)
    raw = _zip({**parts, **{f"{i}.bin": os.urandom(MiB) for i in range(3)}})  # random: does not compress
    _refused(raw, "more than 2 MiB")


def test_an_entry_compressed_suspiciously_well_is_refused(parts):
    _refused(_zip({**parts, "a.bin": bytes(5 * MiB)}), "ZIP bomb")


def test_too_many_entries_are_refused(parts):
    _refused(_zip({**parts, **{f"e{i}.txt": b"x" for i in range(100)}}), "entries")


def test_a_deeply_nested_manifest_is_refused_with_a_message(parts):
    deep = json.loads("[" * 100 + "]" * 100)
    raw = _zip(parts, {"x": deep})
    _refused(raw, "nested")
    manifest = json.loads(parts["manifest.json"])
    text = json.dumps(manifest)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    _refused(_raw_zip({**parts, "manifest.json": text.encode()}), "nested")


def test_deeply_nested_validation_and_form_json_are_refused_with_a_message(parts):
    deep = "[" * 100_000 + "]" * 100_000
    _refused(_zip({**parts, "validation.json": ('{"findings": ' + deep + "}").encode()}), "validation.json")
    form = parts["form.json"].decode()
    _refused(_zip({**parts, "form.json": (form.rstrip()[:-1] + ', "x": ' + deep + "}").encode()}), "form.json")


def test_a_duplicate_key_in_form_json_is_refused(parts):
    form = parts["form.json"].decode()
    twice = form.rstrip()[:-1] + ', "status": "cancelled"}'
    _refused(_zip({**parts, "form.json": twice.encode()}), "occurs twice")
