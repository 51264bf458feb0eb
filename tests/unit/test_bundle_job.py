"""The bundle job: prepare, build (in a worker thread), store; nothing is stored when the build yields nothing."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest

from seilocal.export import BundleError, read_bundle
from seilocal.export.bundle_job import repair_job, stored_bundle
from seilocal.export.submission import findings_now, submission_job
from seilocal.store import open_store
from seilocal.store.versions import versions_of
from tests.support.submit_helpers import clean_form, set_practice

NOW = datetime(2026, 11, 25, 10, 30)


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "data")
    set_practice(store)
    yield store
    store.close()


async def _in_thread(build):
    return await asyncio.to_thread(build)


async def _shutting_down(_build):
    return None  # what nicegui's run.io_bound answers while the app shuts down


def test_a_submission_job_built_in_a_thread_stores_the_version_with_its_bundle(store):
    stored = store.forms.create(clean_form())
    job = submission_job(store, stored, findings_now(store, stored, NOW), lambda: NOW)
    assert versions_of(store).versions(1) == []  # prepared, nothing stored yet
    result = asyncio.run(job.run_async(_in_thread))
    assert result.version.version == 1 and store.forms.load(1).form.status == "submitted"
    assert read_bundle(stored_bundle(store, result.version)).version == 1


def test_a_submission_job_whose_build_yields_nothing_stores_nothing(store):
    stored = store.forms.create(clean_form())
    job = submission_job(store, stored, findings_now(store, stored, NOW), lambda: NOW)
    with pytest.raises(BundleError):
        asyncio.run(job.run_async(_shutting_down))
    assert versions_of(store).versions(1) == [] and store.forms.load(1).form.status == "draft"


def test_the_repair_job_makes_and_keeps_the_missing_bundle_of_a_version(store):
    stored = store.forms.create(clean_form())
    version = versions_of(store, lambda: NOW).submit(stored, [])  # as if the bundle had failed
    assert stored_bundle(store, version) is None
    data = repair_job(store, version).run()
    assert read_bundle(data).version == 1 and stored_bundle(store, version) == data
