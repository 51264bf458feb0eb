"""The process clock: wall time by default, a set and advancing instant with SEILOCAL_NOW."""

from datetime import datetime, timedelta

from seilocal.clock import ENV, clock_from


def test_without_the_variable_the_clock_is_the_wall_clock():
    before = datetime.now()
    moment = clock_from({})()
    assert before <= moment <= datetime.now()


def test_a_set_instant_starts_there_and_advances():
    clock = clock_from({ENV: "2026-11-25T10:30:00"})
    first, second = clock(), clock()
    assert datetime(2026, 11, 25, 10, 30) <= first <= second < datetime(2026, 11, 25, 10, 30) + timedelta(minutes=5)


def test_a_bad_value_falls_back_to_the_wall_clock_with_a_warning(capsys):
    moment = clock_from({ENV: "yesterday"})()
    assert abs(moment - datetime.now()) < timedelta(minutes=5)
    assert ENV in capsys.readouterr().err


def test_the_suite_runs_on_its_set_day():
    from seilocal.clock import now
    from tests.support.env import FIXED_NOW

    assert FIXED_NOW <= now() < FIXED_NOW + timedelta(days=1)


def test_a_plain_pytest_run_of_one_module_also_runs_on_the_set_day():
    # Under xdist the controller sets the variable before the workers start; a plain run (a developer's
    # `pytest tests/unit/test_clock.py`) imports conftest's helpers first, and those must not fix the clock early.
    import os
    import subprocess
    import sys

    from tests.support.env import REPO

    env = {k: v for k, v in os.environ.items() if k not in (ENV, "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
         "tests/unit/test_clock.py", "-k", "test_the_suite_runs_on_its_set_day"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout
