"""Submission bundles (ZIP with form, findings, PDF and a manifest of checksums); later LPR3 CDA."""

from .bundle import BUNDLE_FORMAT, Bundle, BundleError, build_bundle, bundle_name, read_bundle, write_bundles
from .importer import ImportRefused, import_bundle
from .submission import SubmitResult, stored_bundle, submit_form

__all__ = [
    "BUNDLE_FORMAT", "Bundle", "BundleError", "ImportRefused", "SubmitResult", "build_bundle", "bundle_name",
    "stored_bundle", "import_bundle", "read_bundle", "submit_form", "write_bundles",
]
