"""Issue 22 item 2: a large import is read off the event loop (every page stays responsive), and bounded."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.support.app import start_app, stop_app
from tests.support.big_import import SAMPLE, big_document, forms_stored, imported, raw_upload, upload_url

# Reading a 30 MB document on the event loop stalled it 1.4 s (issue 22); read in a worker thread, fed to lxml in
# pieces, the longest wait for an answer was 0.3 s on a 2-core machine with a load of 6, and that was the
# scheduler, not the app. So a stall is measured as what the scheduler cannot inflate: the CPU time the event
# loop's thread (the main thread) spent while one request waited for its answer: 0.03 s at most with the fix,
# 0.38 s and more without it (measured at a load of 13).
MAX_STALL = 0.15


def _main_thread_cpu(pid: int) -> float:
    """CPU seconds of the app's main thread (where uvicorn runs the event loop), from Linux's /proc."""
    fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not SAMPLE.exists() or not Path("/proc/self/task").exists(),
                    reason="needs the official LPR3 samples in ../shared and Linux's /proc")
def test_the_app_answers_at_once_while_a_30_mb_document_is_imported(tmp_path):
    app = start_app(tmp_path / "data")
    try:
        cookies = {f"seilocal_{app.port}": app.token}
        with httpx.Client(base_url=app.base, cookies=cookies, timeout=60) as client:
            url = upload_url(client)
            document = big_document()
            answers: list[bytes] = []
            lags: list[float] = []
            stalls: list[float] = []
            done = threading.Event()

            def upload() -> None:
                with raw_upload(app, url, "stor.xml", document) as sock:
                    answers.append(sock.recv(100))

            def probe() -> None:
                # The gate's 401 page needs no database and no page: its time is the event loop's lag.
                with httpx.Client(base_url=app.base, timeout=60) as anonymous:
                    while not done.is_set():
                        start, cpu = time.monotonic(), _main_thread_cpu(app.process.pid)
                        assert anonymous.get("/").status_code == 401
                        lags.append(time.monotonic() - start)
                        stalls.append(_main_thread_cpu(app.process.pid) - cpu)
                        done.wait(0.02)

            threads = [threading.Thread(target=upload), threading.Thread(target=probe)]
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + 120
            while forms_stored(app.data_dir) == 0 and time.monotonic() < deadline:
                time.sleep(0.2)
            done.set()
            for thread in threads:
                thread.join(timeout=60)
            assert answers and b" 200 " in answers[0]
            assert imported(client), "the document was not imported"
        assert len(lags) >= 10, "the import ended before the loop could be measured"
        assert max(stalls) < MAX_STALL, (f"the event loop worked {max(stalls):.2f} s while a request waited "
                                         f"(longest wait {max(lags):.2f} s)")
    finally:
        stop_app(app)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    import tracemalloc

    from seilocal.export.cda.importer import CdaImportRefused, read_cda

    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB that costs no disk
    tracemalloc.start()
    try:
        with pytest.raises(CdaImportRefused) as refused:
            read_cda(huge, "huge.xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.reason == "too-large"
    assert peak < 1024 * 1024, f"{peak:,} bytes allocated to refuse it"


def test_a_document_of_millions_of_empty_elements_is_refused_before_parsing():
    import tracemalloc

    from seilocal.export.cda.parse import MAX_ELEMENTS, CdaParseError, safe_parse

    bomb = b"<ClinicalDocument>" + b"<a/>" * (31 * 1024 * 1024 // 4) + b"</ClinicalDocument>"  # 31 MB, 8 million
    tracemalloc.start()
    try:
        with pytest.raises(CdaParseError) as refused:
            safe_parse(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.reason == "too-many"
    assert peak < 1024 * 1024, f"{peak:,} bytes allocated to refuse it"
    safe_parse(b"<r>" + b"<a/>" * (MAX_ELEMENTS - 1) + b"</r>")  # the bound itself is still read
