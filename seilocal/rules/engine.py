"""The rule engine: `validate` runs every registered rule over a form and orders the findings.

A rule is a small function over a `Context` (`context.py`) that adds findings. Each function is registered
(`registration.py`) with the rule numbers it implements (official LPR3 numbers such as `05.11`, or our own
`SEI-...` ids), their severity, their LPR3 group and a one-line English summary naming the code lists the
rule rests on; `gen_doc` reads the registry to write docs/rules.md. The rule modules import only `context`
and `registration`, and this module imports them: no import circle.
"""

from __future__ import annotations

import re
from datetime import datetime

from seilocal.model.form import Form
from seilocal.rules import (  # noqa: F401 - the rule modules register themselves on import
    r_code_shape,
    r_contacts,
    r_course,
    r_deadline,
    r_diagnoses,
    r_mandatory,
    r_procedures,
    r_report_details,
    r_result_values,
    r_results,
)
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.context import (  # noqa: F401 - re-exported: the engine is where callers look for these
    _SECTION_INDEX,
    SECTIONS,
    UNCONFIRMED_NOTE,
    ContactView,
    Context,
    DiagnosisView,
    Finding,
    ProcedureView,
    build_context,
    section_of,
)
from seilocal.rules.missing_lists import missing_list_findings
from seilocal.rules.registration import (  # noqa: F401 - re-exported
    FUNCTIONS,
    REGISTRY,
    RuleFunc,
    RuleSpec,
    Severity,
    lists_named_in,
    rules,
)

__all__ = [
    "FUNCTIONS", "REGISTRY", "SECTIONS", "UNCONFIRMED_NOTE", "_SECTION_INDEX", "ContactView", "Context",
    "DiagnosisView", "Finding", "ProcedureView", "RuleFunc", "RuleSpec", "Severity", "build_context",
    "lists_named_in", "order_findings", "registered_functions", "registry", "rules", "section_of", "validate",
]

_PATH_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+")
# Sort keys of the paths seen lately. The app validates the same form again after every edit, and a big form's
# findings share their paths from one run to the next: parsing each path again cost more than the sort itself.
_PATH_KEYS: dict[str, tuple[tuple[int, int, str], ...]] = {}
_PATH_KEYS_MAX = 50_000


def _path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    key = _PATH_KEYS.get(path)
    if key is None:
        # contacts[10] must sort after contacts[2]: numbers compare as numbers.
        key = tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in _PATH_TOKEN.findall(path))
        if len(_PATH_KEYS) >= _PATH_KEYS_MAX:
            _PATH_KEYS.clear()
        _PATH_KEYS[path] = key
    return key


def registered_functions() -> list[RuleFunc]:
    """Every check function, in registration order."""
    return list(FUNCTIONS)


def registry() -> dict[str, RuleSpec]:
    """Every implemented rule number with its spec."""
    return dict(REGISTRY)


def validate(form: Form, catalog: CodeCatalog, now: datetime) -> list[Finding]:
    """All findings of the form, ordered by section, then field path, then rule.

    A rule whose code list the catalog lacks adds one info finding ("kan ikke kontrolleres") per form.
    """
    # The garbage collector is left as it is: `gc.disable()` here was process-wide, so two validations in worker
    # threads could leave it off for good, and it saved nothing measurable (docs/performance.md, issue 20).
    ctx = build_context(form, catalog, now)
    for func in FUNCTIONS:
        func.check(ctx)
    ctx.findings.extend(missing_list_findings(ctx, FUNCTIONS))
    return order_findings(ctx.findings)


def order_findings(findings: list[Finding]) -> list[Finding]:
    """Findings ordered by section, then field path (numbers as numbers), then rule; equal keys keep their order."""
    return sorted(findings, key=lambda f: (_SECTION_INDEX[f.section], _path_key(f.path), f.rule))
