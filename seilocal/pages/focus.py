"""The app's one focus rule and its one helper (docs/keyboard.md).

After an action the focus goes to the thing the action made, or to the next field; never to the page. Whatever
gets the focus is kept in view below the fixed top bar and the form's sticky header. Every page loads the script
below once (frame.py); Python code asks for the focus with `focus_mark`, never by scrolling on its own.

The script also keeps Quasar's ✕ clear icons out of the Tab order (Tab goes from field to field; the ✕ stays
a mouse target) and hides them in a read-only (disabled) part of a page, where they would empty a field on screen;
and it sends Enter on text typed into a search field (search_select.py) to the server with that text, unless the
arrow keys chose an option, so a highlight left from before the list caught up is never taken.
"""

from __future__ import annotations

import json

from nicegui import ui

FOCUS_JS = """
<script>
(function () {
  if (window.seilFocus) return;
  const STICKY = '.q-header, [data-testid="form-header"]';
  // The lowest edge of what covers the top of the page (the top bar, a sticky header): the view starts below it.
  function coveredTo() {
    let bottom = 0;
    for (const el of document.querySelectorAll(STICKY)) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.top < 4 + bottom) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  }
  // Keep `el` in view below the sticky parts; not what the page's scrolling cannot move (dialogs, menus).
  window.seilKeepClear = function (el) {
    if (!el || el === document.body || !el.getBoundingClientRect) return;
    if (el.closest(STICKY + ', .q-dialog, .q-menu')) return;
    const top = coveredTo();
    const rect = el.getBoundingClientRect();
    if (rect.top < top + 8) window.scrollBy(0, rect.top - top - 24);
    else if (rect.bottom > window.innerHeight - 8) window.scrollBy(0, rect.bottom - window.innerHeight + 24);
  };
  // Focus what is marked `mark` (its input when it is a field) as soon as it is shown, then keep it clear.
  window.seilFocus = function (mark, tries) {
    tries = tries === undefined ? 60 : tries;
    const host = document.querySelector(`[data-testid="${mark}"]`);
    let el = host;
    if (host && !host.matches('input, textarea, button, a, [tabindex]')) {
      el = host.querySelector('input, textarea, [tabindex]:not([tabindex="-1"]), button, a') || host;
    }
    // A closing dialog hands the focus back to what had it before: wait until it is gone, then take the focus.
    const closing = document.querySelector('.q-dialog') && !(host && host.closest('.q-dialog'));
    if (!el || closing || el.getClientRects().length === 0 || el.disabled) {
      if (tries > 0) setTimeout(() => window.seilFocus(mark, tries - 1), 50);
      return;
    }
    el.focus({preventScroll: true});
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    window.seilKeepClear(el);
  };
  // A search field (class seil-typed-enter) typed into and Enter pressed before its list caught up: the option
  // Quasar still highlights is the old one, and Quasar would take it. Unless the arrow keys chose an option after
  // the last keystroke, Enter goes to the server with the typed text instead (search_select.py).
  document.addEventListener('input', (event) => { event.target.seilArrowed = false; }, true);
  document.addEventListener('keydown', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || event.isComposing) return;
    if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(event.key)) {
      input.seilArrowed = true;
      return;
    }
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const field = input.closest('.seil-typed-enter');
    const text = input.value.trim();
    if (!field || input.seilArrowed || !text) return;
    event.stopPropagation();
    event.preventDefault();
    input.dispatchEvent(new CustomEvent('seil-typed-enter', {detail: text, bubbles: true}));
  }, true);
  // Bring whatever has the focus into view now and while the page settles (a selected row's details are drawn
  // a moment later and push the field down): up to `frames` animation frames.
  window.seilShowFocus = function (frames) {
    frames = frames === undefined ? 30 : frames;
    const el = document.activeElement;
    if (el && el !== document.body) {
      const r = el.getBoundingClientRect();
      if (r.top < coveredTo() || r.bottom > window.innerHeight) el.scrollIntoView({block: 'center', inline: 'nearest'});
      window.seilKeepClear(el);
    }
    if (frames > 0) requestAnimationFrame(() => window.seilShowFocus(frames - 1));
  };
  function clearIconsOffTab(root) {
    if (!root.querySelectorAll) return;
    for (const icon of root.querySelectorAll('.q-field__focusable-action:not([tabindex="-1"])')) {
      icon.setAttribute('tabindex', '-1');
    }
  }
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    // After the browser's own scroll into view (if any), so ours is the last word.
    requestAnimationFrame(() => { if (document.activeElement === el) window.seilKeepClear(el); });
  });
  function pad() {
    document.documentElement.style.scrollPaddingTop = Math.ceil(coveredTo() + 16) + 'px';
  }
  const resized = new ResizeObserver(pad);
  const watched = new WeakSet();
  new MutationObserver((changes) => {
    const roots = new Set();  // one look per changed parent, however many rows a table just drew
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType === 1) roots.add(node.parentNode || node);
      }
    }
    roots.forEach(clearIconsOffTab);
    for (const el of document.querySelectorAll(STICKY)) {
      if (!watched.has(el)) { watched.add(el); resized.observe(el); }
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
</script>
"""

# A disabled part of a page (a cancelled form) shows its values but offers no ✕ that empties one on screen.
FOCUS_CSS = "fieldset[disabled] .q-field__focusable-action { display: none; }"


def install() -> None:
    """Load the focus script and style on the page being built (frame.py does it for every page)."""
    ui.add_head_html(FOCUS_JS)
    ui.add_css(FOCUS_CSS)


def focus_mark(mark: str) -> None:
    """Put the focus on the element marked `mark` (its input for a field) once it is shown, in view below the
    sticky header: the one way pages move the focus after an action."""
    ui.run_javascript(f"window.seilFocus && window.seilFocus({json.dumps(mark)})")


def focus_on_load(mark: str) -> None:
    """Focus `mark` once the page being built has reached the browser (a timer starts only then)."""
    ui.timer(0, lambda: focus_mark(mark), once=True)
