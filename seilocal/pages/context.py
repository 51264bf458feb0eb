"""What every page needs: the user's store and the clock. Built once per launch (or per test)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from seilocal.clock import now
from seilocal.store import Store


@dataclass
class AppContext:
    """The running app's shared objects; pages get it, never globals."""

    store: Store
    clock: Callable[[], datetime] = now
    catalog: Any = None  # the code catalog (seilocal.store.catalog.CatalogStore) once loaded
    extras: dict[str, Any] = field(default_factory=dict)

    def today(self) -> date:
        """Today's date by the app's clock."""
        return self.clock().date()
