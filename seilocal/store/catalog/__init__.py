"""The code catalog: SKS codes with validity periods, LPR3 named lists, SOR units, type-ahead search."""

from .common import CatalogImportError, ImportResult, fold
from .schema import apply_catalog_schema, catalog_migrations
from .search import CatalogStore, CodeHit
from .sks_import import import_sks
from .sor_search import SorUnit

__all__ = [
    "CatalogImportError",
    "CatalogStore",
    "CodeHit",
    "ImportResult",
    "SorUnit",
    "apply_catalog_schema",
    "catalog_migrations",
    "fold",
    "import_sks",
]
