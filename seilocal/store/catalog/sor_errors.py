"""Refusals of the SOR importer: a `CatalogImportError` whose kinds and templates are in seilocal.refusals."""

from __future__ import annotations

from .common import CatalogImportError


class SorImportError(CatalogImportError):
    """A refused SOR file: kind, line number (0 = the whole file) and the values the templates name."""
