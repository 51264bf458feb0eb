"""An upload whose file never touches the disk: its request body is parsed in memory, up to a size limit.

NiceGUI's `ui.upload` route (and Starlette's form parser under it) spools any file over 1 MB to a temporary
file, and NiceGUI writes its own copy to another: for a form or an LPR3 document that is patient data in clear
in the data folder while the import runs, and after a crash (issue 22). This element replaces that route by one
that refuses a body over its limit before reading it and keeps the rest in memory.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from nicegui import app, ui
from nicegui.elements.upload_files import FileUpload, SmallFileUpload
from nicegui.events import UiEventArguments, handle_event
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

# Room for the multipart framing (boundaries, part headers, a long file name) around the file itself.
FRAMING = 64 * 1024


def _base_name(name: str | None) -> str:
    """The file name without any path (as NiceGUI does): a name never points anywhere."""
    return (name or "").rsplit("/")[-1].rsplit("\\")[-1]


class MemoryUpload(ui.upload):
    """`ui.upload` for at most `max_bytes`, read into memory only (one file per request)."""

    def __init__(self, *, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(max_file_size=max_bytes, **kwargs)
        self._max_bytes = max_bytes
        app.remove_route(self._registered_url)  # NiceGUI's own route, which spools to disk
        app.post(self._registered_url, include_in_schema=False)(self._receive)

    async def _receive(self, request: Request) -> dict[str, str]:
        if self.is_ignoring_events:
            raise HTTPException(status_code=403, detail="Upload is disabled or hidden")
        length = request.headers.get("content-length", "")
        if not length.isdigit() or int(length) > self._max_bytes + FRAMING:
            raise HTTPException(status_code=413, detail="too large")  # refused before a byte is read
        for handler in self._begin_upload_handlers:
            handle_event(handler, UiEventArguments(sender=self, client=self.client))
        parser = MultiPartParser(request.headers, request.stream(), max_files=1, max_fields=16)
        # Starlette keeps a part in a SpooledTemporaryFile, which rolls over to disk past this size: never here,
        # since the whole body is smaller (h11 holds the body to its Content-Length).
        parser.spool_max_size = self._max_bytes + FRAMING
        try:
            form = await parser.parse()
        except MultiPartException as exc:
            raise HTTPException(status_code=400, detail="not a file upload") from exc
        try:
            files: list[FileUpload] = [
                SmallFileUpload(_base_name(value.filename), value.content_type or "", await value.read())
                for value in form.values() if isinstance(value, UploadFile)]
        finally:
            await form.close()
        await self.handle_uploads(files)
        return {"upload": "success"}
