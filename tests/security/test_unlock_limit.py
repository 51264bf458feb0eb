"""Issue 22 item 3: guesses at the passphrase are limited per folder on the server, across pages and sockets, and
the recovery key opens the folder during a lockout."""

from __future__ import annotations

import threading
import time

import pytest
from nicegui.testing import User

from seilocal.store import Store, keys, open_store, unlock_limit
from seilocal.store.unlock_limit import FIRST_DELAY, FREE_TRIES, TooSoon, UnlockLimit
from tests.support.user import marked_input as _input
from tests.support.user import until as _until


def test_parallel_guesses_run_one_at_a_time_and_stop_after_the_free_tries():
    limit = UnlockLimit()
    running, most, checked = [0], [0], [0]
    guard = threading.Lock()
    start = threading.Barrier(20)

    def guess() -> None:
        start.wait()
        for _ in range(10):
            try:
                limit.begin()
            except TooSoon:
                continue
            with guard:
                running[0] += 1
                most[0] = max(most[0], running[0])
                checked[0] += 1
            time.sleep(0.005)  # the key derivation (scrypt) takes this long at least
            with guard:
                running[0] -= 1
            limit.end(wrong=True)

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1  # never two derivations at once
    assert checked[0] == FREE_TRIES  # 200 attempts, 3 tried: then the delay
    with pytest.raises(TooSoon) as early:
        limit.begin()
    assert early.value.wait == pytest.approx(FIRST_DELAY, abs=1)


def test_the_delay_grows_and_a_right_guess_clears_it(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(unlock_limit, "now", lambda: clock[0])
    limit = UnlockLimit()
    waits = []
    for _ in range(FREE_TRIES + 3):
        limit.begin()
        limit.end(wrong=True)
        waits.append(limit.delay())
        clock[0] += limit.delay()
    assert waits == [0, 0, FIRST_DELAY, 2 * FIRST_DELAY, 4 * FIRST_DELAY, 8 * FIRST_DELAY]
    limit.begin()
    limit.end(wrong=False)
    assert limit.delay() == 0 and limit.tries_left == FREE_TRIES


def test_one_folder_has_one_limit(tmp_path):
    assert unlock_limit.for_folder(tmp_path / "a") is unlock_limit.for_folder(tmp_path / "b" / ".." / "a")
    assert unlock_limit.for_folder(tmp_path / "a") is not unlock_limit.for_folder(tmp_path / "c")


async def test_the_unlock_page_limits_parallel_guesses_and_the_recovery_key_opens_after_a_lockout(
        user: User, tmp_path, monkeypatch):
    from seilocal.pages.unlock import unlock_page

    data = tmp_path / "data"
    store = open_store(data, passphrase="den rigtige sætning")
    recovery = keys.pending_recovery(data, keys.unlock(data))
    store.close()
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_load", lambda check: None)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: True)
    keys.forget_all()
    real_unlock, calls, running, most = keys.unlock, [0], [0], [0]

    def spy(data_dir, passphrase=None):
        calls[0] += 1
        running[0] += 1
        most[0] = max(most[0], running[0])
        try:
            time.sleep(0.05)
            return real_unlock(data_dir, passphrase)
        finally:
            running[0] -= 1

    monkeypatch.setattr(keys, "unlock", spy)
    opened: list[Store] = []
    unlock_page(data, False, lambda: open_store(data), opened.append)

    await user.open("/")
    _input(user, "unlock-passphrase").value = "forkert"
    for _ in range(10):  # ten guesses sent at once over the socket, as a script does
        user.find(marker="unlock-passphrase").trigger("keydown.enter")
    await user.should_see("2 forsøg tilbage", retries=200)
    assert calls[0] == 1 and most[0] == 1  # one was tried; the others were turned away while it ran

    for left in (1, 0):
        await user.open("/")  # a reload gets no fresh tries
        _input(user, "unlock-passphrase").value = "forkert"
        user.find(marker="unlock-submit").click()
        await user.should_see(f"{left} forsøg tilbage" if left else "Forkert tre gange", retries=200)
    assert calls[0] == FREE_TRIES

    await user.open("/")
    _input(user, "unlock-passphrase").value = "den rigtige sætning"
    user.find(marker="unlock-submit").click()
    await user.should_see(f"Vent {int(FIRST_DELAY)} sekunder", retries=200)
    assert calls[0] == FREE_TRIES and opened == []  # not even tried: the delay holds for the right one too

    _input(user, "unlock-passphrase").value = recovery  # the way out, offered by the message
    user.find(marker="unlock-submit").click()
    await _until(lambda: opened)
    opened[0].close()
    assert unlock_limit.for_folder(data).failures == FREE_TRIES  # a recovery key is not a guess at the passphrase
