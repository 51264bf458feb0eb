"""The rule registry: each check function registers the rule numbers it implements.

Rule modules (`r_*.py`) import `rules` from here and `Context` from `context`; `engine` imports the rule
modules. Nothing here imports a rule module or the engine, so there is no import circle.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from seilocal.rules.context import Context

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule number with what it checks."""

    id: str
    severity: Severity
    group: str
    summary: str
    lists: tuple[str, ...] = ()  # the code lists its decision rests on (named in the summary)


# LPR3 list names as the summaries spell them: `admin.konttype`, `res.statuscar.subb`, and the bare `diag`.
_LIST_NAME = re.compile(r"\b(?:admin|diag|proc|spec|forloeb|res|resindb)\.[a-z0-9_.]*[a-z0-9_]|\bdiag\b(?![.-])")


def lists_named_in(summary: str) -> tuple[str, ...]:
    """The code lists a rule summary names, in order, each once."""
    return tuple(dict.fromkeys(_LIST_NAME.findall(summary)))


@dataclass(frozen=True, slots=True)
class RuleFunc:
    """A registered check function and the rule numbers it implements."""

    name: str
    specs: tuple[RuleSpec, ...]
    check: Callable[[Context], None]


REGISTRY: dict[str, RuleSpec] = {}
FUNCTIONS: list[RuleFunc] = []


def rules(
    group: str, *specs: tuple[str, Severity, str]
) -> Callable[[Callable[[Context], None]], Callable[[Context], None]]:
    """Register a check function that implements the given (id, severity, summary) rules of one group."""

    def register(check: Callable[[Context], None]) -> Callable[[Context], None]:
        made = tuple(RuleSpec(rid, sev, group, summary, lists_named_in(summary)) for rid, sev, summary in specs)
        for spec in made:
            if spec.id in REGISTRY:
                raise ValueError(f"rule {spec.id} registered twice")
            REGISTRY[spec.id] = spec
        FUNCTIONS.append(RuleFunc(check.__name__, made, check))
        return check

    return register
