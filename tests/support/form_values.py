"""The values the rules' property and golden tests draw a form's fields from: valid, invalid, blank and unreadable
(tests/unit/test_incremental.py, tests/unit/test_rules_golden.py). The golden's digest rests on these exact lists."""

from __future__ import annotations

from typing import Any

from tests.support.rules_fakes import OTHER_UNIT, UNIT

TIMES = [None, "2026-11-03T10:00:00", "2026-11-03T11:30:00", "2026-11-10T08:00:00", "2026-10-01T08:00:00",
         "2026-12-24T10:00:00", "2027-03-01T10:00:00", "ikke en tid", "2026-02-31T10:00:00"]
DIAGNOSES = [None, "DJ069", "DC509", "DO800", "DZ380", "DR999", "DT819", "DO049", "DM170", "DC793C", "XX12",
             "KHAC20"]
PROCEDURES = [None, "KHAC20", "KNFB20", "BAXY1", "KJFA00", "ZZ0150", "UXCA00", "BAXZ1", "DJ069", "k"]
UNITS = [None, UNIT, OTHER_UNIT, "12ab", "999"]
DIAGNOSIS_FIELDS: dict[str, list[Any]] = {
    "code": DIAGNOSES, "kind": ["action", "secondary"], "side": [None, "TUL1", "TUL9"],
    "metastases": [[], ["DC793C"], ["DJ069"]], "no_metastases": [False, True],
    "local_recurrences": [[], ["DT636C"]], "supplementary": [[], ["DX599"], ["TUL1"]],
}
