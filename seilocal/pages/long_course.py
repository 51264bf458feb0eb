"""When a course is long, and what its page then does in steps (issue 23): one policy for the whole page.

Rows are what grows with a course: contacts, procedures without contact and result reports. Two steps, at two
sizes, because they cost at different sizes:
- above `LAZY_ROWS`, a closed section is built when it is first opened (`form_page`): a table, a timeline and
  result reports are hundreds of elements the server builds and the browser draws though nobody looks at them;
- above `DEFERRED_ROWS`, the rules run once the page is in the browser, not while the server builds it, and the
  validation box and red marks are drawn again at most every `COALESCE_S` (`validation_panel`): below that a
  full run takes a few milliseconds and its box is drawn at once.
"""

from __future__ import annotations

from seilocal.model import Form

LAZY_ROWS = 10
DEFERRED_ROWS = 100
COALESCE_S = 0.4  # how long the saves of a long course are gathered before its box and marks are drawn again


def course_rows(form: Form) -> int:
    """The rows of a course that grow with it."""
    return len(form.contacts) + len(form.procedures) + len(form.result_reports)


def builds_sections_when_opened(form: Form) -> bool:
    """A closed section of this course's page is built when first opened."""
    return course_rows(form) > LAZY_ROWS


def validates_after_open(form: Form) -> bool:
    """This course is validated after its page is open, and its validation box is redrawn in batches."""
    return course_rows(form) > DEFERRED_ROWS
