"""What the theme writes that the Nu Html Checker rejects, put right in every page's output.

Material for MkDocs 9 writes `autocomplete="off"` on the checkboxes that open its drawer and its
search (Firefox would otherwise restore them open after a reload); HTML allows `autocomplete`
on text-like inputs only, so the Nu Html Checker reports an error on every page. The attribute
goes; the cost is that Firefox may reopen the drawer after a reload. tests/test_quality.py
checks every built page with the checker.
"""

from __future__ import annotations

import re

THEME_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def valid_html(output: str) -> str:
    return THEME_TOGGLE.sub(r"\1", output)
