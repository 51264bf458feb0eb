"""The tier's own browser and helpers: quitting it ends every process it started (a leaked browser per test once put
600 Chromium processes on the 2 cores in one `make browser`, and every later test then ran slow), and a lost row
click is clicked again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import new_browser, poll

pytestmark = pytest.mark.browser


def _children() -> dict[int, list[int]]:
    """Every running process's children, by parent pid (from /proc)."""
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        pid, ppid = int(text.split(" ", 1)[0]), int(text.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(pid)
    return tree


def _descendants(pid: int) -> set[int]:
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and "(Z)" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return "(" + Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] + ")"
    except OSError:
        return "(gone)"


def test_quitting_the_browser_ends_every_process_it_started() -> None:
    driver = new_browser()
    driver.get("data:text/html,<input>")
    started = _descendants(driver.service.process.pid)
    assert len(started) >= 3, "the driver's browser, its zygote and renderer were expected"
    driver.quit()
    poll(lambda: not [pid for pid in started if _alive(pid)], timeout=10,
         message="browser processes outlived the driver's quit")


def test_a_lost_row_click_is_clicked_again(browser) -> None:
    """`select_row` clicks the row again when the details have not followed its click: a page that ignores the
    first click (as a row redrawn between press and release does) still gets its row chosen."""
    from tests.support.keyboard import select_row

    page = ("<table data-testid='t-table'><tbody><tr><td>række</td></tr></tbody></table><div data-testid='t-details'>"
            "</div><script>let clicks = 0; document.querySelector('tr').addEventListener('click', () => {"
            " clicks += 1; if (clicks > 1) document.querySelector('[data-testid=t-details]').dataset.row = '0'; });"
            "</script>")
    browser.get("data:text/html;charset=utf-8," + page.replace("#", "%23"))
    select_row(browser, "t", 0, timeout=15)
    assert browser.execute_script("return clicks") == 2
