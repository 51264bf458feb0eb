"""Validation and result-report triggers: pure functions over the form model."""

from seilocal.rules.context import SECTIONS, Finding
from seilocal.rules.deadlines import days_left, reporting_deadline
from seilocal.rules.engine import registry, validate
from seilocal.rules.registration import RuleSpec

__all__ = ["SECTIONS", "Finding", "RuleSpec", "days_left", "registry", "reporting_deadline", "validate"]
