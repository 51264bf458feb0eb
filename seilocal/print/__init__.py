"""Printing a form as a PDF with its status as a watermark (product.md F5)."""

from seilocal.print.pdf import render_form_pdf

__all__ = ["render_form_pdf"]
