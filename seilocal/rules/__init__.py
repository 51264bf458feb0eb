"""Validation and result-report triggers: pure functions over the form model."""
