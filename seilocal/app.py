"""Starting the app: data dir, one instance per data dir, the database, security gate, pages, server.

`run_app` is the only code path that imports nicegui, after NICEGUI_STORAGE_PATH points into the data dir.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seilocal.instance import InstanceLock, running_url
from seilocal.settings import DB_FILE, DataDirError, prepare_data_dir

if TYPE_CHECKING:
    from seilocal.store import Store


def find_free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _say(text: str) -> None:
    print(text, flush=True)


def run_app(*, data_dir: Path, port: int = 0, open_browser: bool = True) -> int:
    """Run the app until it is stopped; the exit code for the command line."""
    from seilocal.store.keys import take_env_passphrase

    take_env_passphrase()  # before any thread or child process: the browser must not inherit the passphrase
    try:
        prepare_data_dir(data_dir)
    except DataDirError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lock = InstanceLock(data_dir)
    if not lock.acquire():
        url = running_url(data_dir)
        if url:
            _say(f"SEI-LPR lokal is already running for {data_dir}: {url}")
            if open_browser:
                webbrowser.open(url)
        else:
            _say(f"SEI-LPR lokal is already running for {data_dir} (it is still starting); try again shortly")
        return 0
    try:
        return _serve(data_dir, port, open_browser, lock)
    except PortTaken as exc:
        print(f"error: port {exc} on 127.0.0.1 is already in use by another program; start without --port "
              "to use a free one", file=sys.stderr)
        return 3
    finally:
        lock.release()


class PortTaken(OSError):
    """The chosen port is held by another program: nothing is announced, no browser is opened."""


# winsock2.h: SO_EXCLUSIVEADDRUSE is ~SO_REUSEADDR (4), i.e. -5; named here so the Windows branch is testable.
WINDOWS_SO_EXCLUSIVEADDRUSE = getattr(socket, "SO_EXCLUSIVEADDRUSE", -5)


def _probe_option(platform: str = sys.platform) -> int:
    """The SOL_SOCKET option the port probe binds with on that system.

    A listening program must hold the port. On POSIX SO_REUSEADDR never allows a second listener, and lets
    the last run's connections in TIME_WAIT (a minute after a restart) not count. On Windows SO_REUSEADDR
    would let the probe bind a port another program listens on (a taken port would look free), so the probe
    asks for SO_EXCLUSIVEADDRUSE there.
    """
    return WINDOWS_SO_EXCLUSIVEADDRUSE if platform == "win32" else socket.SO_REUSEADDR


def _check_port_free(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, _probe_option(), 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise PortTaken(port) from None


def is_new_folder(data_dir: Path) -> bool:
    """No database, no key file and no restore scheduled: this start makes the folder."""
    from seilocal.store.backup import PENDING_FILE
    from seilocal.store.keys import KEY_FILE

    return not any((data_dir / name).exists() for name in (DB_FILE, KEY_FILE, PENDING_FILE))


def _prefetch_key(data_dir: Path, new_folder: bool) -> threading.Thread:
    """Unlock the folder's key in a worker thread while the main thread imports the UI; a new folder is made.

    The passphrase's scrypt (~0.2 s) and a keyring's D-Bus call do not hold the GIL, so they overlap the
    imports (~1.3 s) instead of adding to them. The key is only remembered for this process; a problem is
    not reported here: the main thread unlocks again (at once, from memory, when this worked) and reports.
    A new data folder (no database, no key file, no restore scheduled) is created whole in the worker: its key,
    the encrypted database and the copy of the prepared catalog (~1 s, mostly SQLite and disk, without the GIL;
    issue 20's first-start budget). The main thread's own open then finds it made; the recovery key to show
    stays pending in the key file until it is shown, so that open still gets it.
    """
    from seilocal.store import keys  # imported here, not in the thread (only keyring is imported there)

    if new_folder:
        from seilocal.store import open_store

    def work() -> None:
        try:
            if new_folder:
                open_store(data_dir).close()
            else:
                keys.unlock(data_dir)
        except Exception:  # noqa: BLE001, S110 - reported by the main thread's own unlock
            pass

    thread = threading.Thread(target=work, name="unlock-prefetch", daemon=True)
    thread.start()
    return thread


def _nicegui_environment(data_dir: Path) -> None:
    # NiceGUI reads this when it is imported: its storage must stay inside the data dir.
    os.environ["NICEGUI_STORAGE_PATH"] = str(data_dir / ".nicegui")
    os.environ.pop("PYTEST_CURRENT_TEST", None)  # would make ui.run think it runs under pytest


def _serve(data_dir: Path, port: int, open_browser: bool, lock: InstanceLock) -> int:
    new_folder = is_new_folder(data_dir)
    prefetch = _prefetch_key(data_dir, new_folder)
    _nicegui_environment(data_dir)
    import seilocal.pages.routes  # noqa: F401 - nicegui and the pages, while the key is derived
    prefetch.join()  # joined before anything unlocks again: scrypt is never run twice at once

    from seilocal.settings import db_path
    from seilocal.store import DatabaseRefused
    from seilocal.store.backup import recovery_hint
    from seilocal.store.encryption import KeyFileMissing
    from seilocal.store.keys import KeyNeeded, KeyProblem

    database = db_path(data_dir)
    try:
        store = _restore_and_open(data_dir)
    except (KeyProblem, KeyFileMissing) as exc:  # encrypted and no key at hand (no keyring, keyring refused,
        # wrong passphrase, a copied folder without its key file): the page asks for the passphrase / recovery key
        _say(f"The data folder is locked ({exc}); give its passphrase or recovery key on the page that opens")
        new, reason = isinstance(exc, KeyNeeded) and exc.new, str(exc)
        holder: list[Store] = []

        def locked(_ui: object) -> None:
            from seilocal.pages.unlock import unlock_page

            unlock_page(data_dir, new, lambda: _restore_and_open(data_dir),
                        lambda opened: _opened(data_dir, opened, holder, new_folder), reason)

        def close_opened() -> None:
            if holder:
                holder[0].close()

        _run_server(data_dir, port, open_browser, lock, locked, on_shutdown=close_opened)
        return 0
    except DatabaseRefused as exc:
        print(f"error: {exc}\n{recovery_hint(database)}", file=sys.stderr)
        if not open_browser:
            return 2
        # Double-clicked: nobody sees a console. Serve one Danish page that explains and offers the backups.
        reason = str(exc)
        _run_server(data_dir, port, open_browser, lock,
                    lambda ui: ui.page("/")(lambda: _refused_page(data_dir, reason)))
        return 2
    _run_server(data_dir, port, open_browser, lock, lambda _ui: _opened(data_dir, store, [], new_folder),
                on_shutdown=store.close)
    return 0


def _restore_and_open(data_dir: Path) -> Store:
    """A scheduled restore (chosen in the app, done while no connection is open), then the store."""
    from seilocal.pages import start_notice
    from seilocal.settings import db_path
    from seilocal.store import open_store
    from seilocal.store.backup import BackupError, apply_pending_restore

    notice: tuple[str, dict[str, str]] | None = None
    try:
        restored = apply_pending_restore(data_dir, db_path(data_dir))
        if restored:
            _say(f"Restored the backup {restored.name}")
            notice = ("restored", {"name": restored.name})
    except BackupError as exc:
        print(f"error: the scheduled restore failed, the current database is kept: {exc}", file=sys.stderr)
        notice = ("restore-failed", {})
    store = open_store(data_dir)
    if notice:  # said in the app too (in Danish, on the forms list), not only here on the console
        start_notice.remember(store.prefs, notice[0], **notice[1])
    return store


def _opened(data_dir: Path, store: Store, holder: list[Store], new_folder: bool = False) -> None:
    """The database is open: the daily backup, then the app's pages (after the recovery key, on a first start).

    A folder made by this start is not backed up yet: it holds only the bundled catalog, and copying and
    checking its 25 MB took 0.5 s of CPU and 2 s on a busy disk of issue 20's first start; the next start backs it up.
    """
    from nicegui import app

    from seilocal.heap import GarbageSweep, settle_heap
    from seilocal.pages.context import AppContext
    from seilocal.pages.routes import register_pages
    from seilocal.settings import db_path
    from seilocal.store.backup import BackupError, backup_if_due
    from seilocal.store.keys import env_passphrase

    holder.append(store)
    try:
        if not new_folder:
            backup_if_due(db_path(data_dir))  # at most one a day, verified; never blocks the start on failure
    except BackupError as exc:
        print(f"warning: {exc}", file=sys.stderr)
    ctx = AppContext(store=store)
    register_pages(ctx)
    # A key made for a person (keyring or passphrase page) shows its recovery key once, before anything else;
    # with SEILOCAL_PASSPHRASE (scripts, tests) `seilocal encryption recovery-key` shows it.
    if store.recovery and env_passphrase() is None:
        from seilocal.pages.unlock import recovery_page

        recovery_page(data_dir, store.recovery, lambda: register_pages(ctx))
    settle_heap()  # the imports, the store and the pages live as long as the app: out of the collector's walks
    app.on_delete(GarbageSweep().request)  # a closed page's cycles are freed a moment later, not hours (heap.py)


def _refused_page(data_dir: Path, reason: str) -> None:
    from seilocal.pages.backup_panel import database_refused_page

    database_refused_page(data_dir, reason)


def _run_server(data_dir: Path, port: int, open_browser: bool, lock: InstanceLock,
                register: Callable[[Any], None], on_shutdown: Callable[[], None] | None = None) -> None:
    """Serve `register`'s pages behind the security gate on 127.0.0.1 until stopped."""
    _nicegui_environment(data_dir)

    from nicegui import app, background_tasks, ui
    from nicegui.server import Server

    from seilocal.pages.styles import install_compiled_tailwind
    from seilocal.security import SecurityGate, install_log_filter, new_token
    from seilocal.settings import private_temp_dir

    if port:
        _check_port_free(port)  # else the announcement below would greet the other program's listener
    port = port or find_free_port()
    install_log_filter()
    private_temp_dir(data_dir)
    token = new_token()
    url = f"http://127.0.0.1:{port}/?token={token}"
    register(ui)
    install_compiled_tailwind()
    app.add_middleware(SecurityGate, port=port, token=token)

    async def announce_when_listening() -> None:
        # Startup hooks run before uvicorn binds the port: wait until it accepts, so the printed URL works.
        while not getattr(getattr(Server, "instance", None), "started", False):
            await asyncio.sleep(0.02)  # our own server has not bound the port yet; if it cannot, we exit silently
        for _ in range(200):
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.02)
                continue
            writer.close()
            break
        lock.publish(url)
        _say(f"SEI-LPR lokal is running at {url}")
        _say(f"Data: {data_dir}")
        if open_browser:
            webbrowser.open(url)

    app.on_startup(lambda: background_tasks.create(announce_when_listening(), name="announce"))
    if on_shutdown:
        app.on_shutdown(on_shutdown)
    # uvicorn re-raises SIGTERM after its graceful shutdown, so `finally` blocks never run: withdraw the URL here.
    app.on_shutdown(lock.withdraw)
    ui.run(
        host="127.0.0.1",
        port=port,
        title="SEI-LPR lokal",
        language="da",
        reload=False,
        show=False,
        show_welcome_message=False,
        uvicorn_logging_level="warning",
        favicon="🩺",
        tailwind=False,  # its browser build costs every page open; install_compiled_tailwind serves the same CSS
    )
