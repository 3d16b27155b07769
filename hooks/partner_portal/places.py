"""How the portal names a region or a person's coverage, in the reader's language.

The pages (blocks.py) and the published JSON (publish.py) both name regions, and blocks.py uses
publish.py's documents: the name lives here, below both, so neither has to import the other back.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .localize import Localizer


def place_name(t: Localizer, item: dict[str, Any]) -> Markup:
    """A region or a person's coverage: an area label, CLDR territory names, or both, as
    "DACH (Allemagne, Autriche et Suisse)" in the language's own bracket pattern."""
    names = t.territories(item["territories"]) if "territories" in item else None
    if names is not None and "detail_territories" in item:
        names = t.text("escalation.region_with_details", name=names, details=t.territories(item["detail_territories"]))
    if "area" not in item:
        return names or Markup("")
    area = t.text(f"areas.{item['area']}")
    return t.text("escalation.region_with_details", name=area, details=names) if names is not None else area
