"""Bad input fuzzing of the bundle reader: random bytes, damaged real bundles, forged manifests (1,000 each)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

bundle = pytest.importorskip("seilocal.export.bundle", reason="the bundle export (issue 7) is not in the tree")

FUZZ = settings(max_examples=1000, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def real_bundle() -> bytes:
    """One genuine bundle of a submitted form (built once: it contains a PDF)."""
    from seilocal.store import memory_store
    from seilocal.store.versions import VersionStore

    store = memory_store()
    forms = store.forms
    stored = forms.create()
    forms.save_edit(stored, "patient.name", "Anna")
    version = VersionStore(store.db, forms).submit(stored, [])
    data = bundle.build_bundle(version)
    store.close()
    assert bundle.read_bundle(data).form.patient.name == "Anna"
    return data


def _refused_with_a_message(raw: bytes) -> None:
    try:
        bundle.read_bundle(raw)
    except bundle.BundleError as exc:
        assert str(exc).strip()


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_message(raw):
    _refused_with_a_message(raw)


ZIP_ESCAPES = (EOFError, zlib.error, NotImplementedError, RuntimeError)


def test_a_real_bundle_with_damaged_zip_headers_is_refused_with_a_message(real_bundle):
    # Every byte of the ZIP's own headers (flags, methods, versions, sizes, names) set to 0x00, 0x41, 0xFF.
    for offset in _header_offsets(real_bundle):
        for byte in (0x00, 0x41, 0xFF):
            raw = bytearray(real_bundle)
            raw[offset] = byte
            _refused_with_a_message(bytes(raw))


def _header_offsets(raw: bytes) -> list[int]:
    """Offsets inside the ZIP's local and central headers and the end record (not the compressed data)."""
    offsets = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            offsets += range(info.header_offset, info.header_offset + 30 + len(info.filename))
    offsets += range(raw.find(b"PK\x01\x02"), len(raw))  # the central directory and the end record
    return sorted(set(offsets))


def test_a_real_bundle_damaged_anywhere_or_cut_short_is_refused_with_a_message(real_bundle):
    # A sweep, not random draws: every 29th byte zeroed or set, and 60 cuts, so the outcome is the same each run.
    for offset in range(0, len(real_bundle), 29):
        for byte in (0x00, 0xFF):
            raw = bytearray(real_bundle)
            raw[offset] = byte
            _refused_with_a_message(bytes(raw))
    for cut in range(1, len(real_bundle), max(1, len(real_bundle) // 60)):
        _refused_with_a_message(real_bundle[:cut])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=10,
)


@FUZZ
@given(data=st.data())
def test_forged_members_with_right_checksums_are_refused_with_a_message(real_bundle, data):
    with zipfile.ZipFile(io.BytesIO(real_bundle)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members[bundle.MANIFEST])
    victim = data.draw(st.sampled_from(sorted(members)))
    members[victim] = data.draw(st.one_of(json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=200)))
    if victim != bundle.MANIFEST:
        manifest["files"][victim] = hashlib.sha256(members[victim]).hexdigest()  # a forger fixes the checksum
        if data.draw(st.booleans()):
            manifest[data.draw(st.sampled_from(sorted(manifest)))] = data.draw(json_values)
        members[bundle.MANIFEST] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    _refused_with_a_message(out.getvalue())
