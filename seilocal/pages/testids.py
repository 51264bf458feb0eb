"""Make NiceGUI markers visible in the DOM as `data-testid`, so browser tests find what user tests find.

NiceGUI keeps `.mark()` markers on the server only. Every page and widget already marks what a test needs;
mirroring the first marker into the DOM keeps one naming scheme for both test tiers.
"""

from __future__ import annotations

from typing import TypeVar

from nicegui.element import Element

AnyElement = TypeVar("AnyElement", bound=Element)

_original_mark = Element.mark


def _mark_with_testid(self: AnyElement, *markers: str) -> AnyElement:
    result = _original_mark(self, *markers)
    if self._markers:  # noqa: SLF001 - NiceGUI has no public accessor for the markers
        self._props["data-testid"] = self._markers[0]  # noqa: SLF001
    return result


def install() -> None:
    """Mirror markers into `data-testid` (idempotent)."""
    if Element.mark is not _mark_with_testid:
        Element.mark = _mark_with_testid  # type: ignore[method-assign]
