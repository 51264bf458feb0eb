"""Issue 22 item 5: the passphrase never reaches a child process (the browser the app opens) nor the app's log."""

from __future__ import annotations

import os
import subprocess
import sys
import time

PASSPHRASE = "en helt hemmelig sætning 4711"

# A "browser" for Python's webbrowser module (BROWSER names it): it writes the environment it was given.
_BROWSER = """#!{python}
import os, sys
with open({out!r}, "w", encoding="utf-8") as handle:
    for key, value in os.environ.items():
        handle.write(f"{{key}}={{value}}\\n")
    handle.write("URL=" + sys.argv[1] + "\\n")
"""


def test_the_browser_the_app_opens_does_not_inherit_the_passphrase(tmp_path):
    out = tmp_path / "browser-environment.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(_BROWSER.format(python=sys.executable, out=str(out)))
    browser.chmod(0o700)
    data = tmp_path / "data"
    data.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env.update(SEILOCAL_PASSPHRASE=PASSPHRASE, BROWSER=f"{browser} %s")
    log = tmp_path / "app.log"
    with log.open("w") as handle:
        process = subprocess.Popen([sys.executable, "-m", "seilocal", "--data-dir", str(data)],
                                   stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=data)
    try:
        deadline = time.monotonic() + 60
        while not (out.exists() and "URL=" in out.read_text()) and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            time.sleep(0.05)
        seen = out.read_text()
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert "URL=http://127.0.0.1:" in seen  # it was the app's browser
    assert "SEILOCAL_PASSPHRASE" not in seen and PASSPHRASE not in seen
    assert PASSPHRASE not in log.read_text()
    assert "running at" in log.read_text() and "locked" not in log.read_text()  # opened with the passphrase


def test_a_wrong_passphrase_is_not_in_the_refusal(tmp_path):
    import pytest

    from seilocal.store import keys, open_store

    data = tmp_path / "data"
    open_store(data, passphrase="den rigtige sætning").close()
    keys.forget_all()
    with pytest.raises(keys.WrongKey) as wrong:
        keys.unlock(data, PASSPHRASE)
    assert PASSPHRASE not in str(wrong.value) and PASSPHRASE not in repr(wrong.value.args)
