"""What each block shows: the data a template needs, looked up and localized.

Templates (overrides/portal/blocks/<name>.html) lay the data out; these views decide what it is.
A block without special needs gets the portal and the localizer only.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .localize import Localizer
from .model import Portal
from .render import block

LEVELS = ("level_2", "level_3", "level_4")


def place_name(t: Localizer, item: dict[str, Any]) -> Markup:
    """A region or a person's coverage: an area label, CLDR territory names, or both."""
    parts = []
    if "area" in item:
        parts.append(t.text(f"areas.{item['area']}"))
    if "territories" in item:
        names = t.territories(item["territories"])
        if "detail_territories" in item:
            names = t.text("escalation.region_with_details", name=names, details=t.territories(item["detail_territories"]))
        parts.append(names)
    return Markup(": ").join(parts)


def _simple(*names: str) -> None:
    for name in names:
        block(name)(lambda portal, t: {})


_simple(
    "welcome",
    "leaders",
    "covers",
    "expectations",
    "severity-levels",
    "timing-definitions",
    "escalation-owner",
    "escalation-when",
    "escalation-reasons",
    "priority-intro",
    "template-reasons",
)


@block("contact-channels")
def contact_channels(portal: Portal, t: Localizer) -> dict[str, Any]:
    tiers = {
        channel["id"]: t.join(t.text(f"offerings.tiers.{tier}") for tier in portal.tiers_offering(channel["tiers_from_service"]))
        for channel in portal["programme"]["contact_channels"]
        if "tiers_from_service" in channel
    }
    return {"tiers": tiers}


@block("severity-matrix")
def severity_matrix(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {"severities": portal["commitment"]["severities"]}


@block("working-time-rules")
def working_time_rules(portal: Portal, t: Localizer) -> dict[str, Any]:
    week = portal["commitment"]["working_week"]
    cases = t.join(t.text(f"commitment.weekend_exceptions.{case}") for case in portal["commitment"]["weekend_exceptions"])
    return {"cases": cases, "first_day": t.weekday(week["first_day"]), "last_day": t.weekday(week["last_day"])}


@block("escalation-matrix")
def escalation_matrix(portal: Portal, t: Localizer) -> dict[str, Any]:
    regions = []
    for region in portal["escalation"]["regions"]:
        levels = [{"number": int(level.rsplit("_", 1)[1]), "people": [portal.people[person_id] for person_id in region["levels"][level]]} for level in LEVELS]
        regions.append({"id": region["id"], "name": place_name(t, region), "levels": levels})
    return {"regions": regions, "desk": portal["programme"]["addresses"]["escalation_desk"], "place_name": lambda item: place_name(t, item)}


@block("priority-thresholds")
def priority_thresholds(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {"regions": [{**region, "name": place_name(t, region)} for region in portal["priority"]["regions"]]}


@block("priority-faq")
def priority_faq(portal: Portal, t: Localizer) -> dict[str, Any]:
    thresholds = [
        t.text("priority.faq.threshold.item", region=place_name(t, region), count=t.number(region["min_user_licences"]))
        for region in portal["priority"]["regions"]
        if region["eligible"]
    ]
    return {"thresholds": thresholds}


@block("tier-offerings")
def tier_offerings(portal: Portal, t: Localizer) -> dict[str, Any]:
    def cell(value: Any) -> Any:
        if isinstance(value, dict):
            return t.text("offerings.hours", hours_per_day=t.number(value["hours_per_day"]), days_per_week=t.number(value["days_per_week"]))
        return value

    rows = [{"id": service["id"], "cells": [cell(service["values"][tier]) for tier in portal["tiers"]["tiers"]]} for service in portal["tiers"]["services"]]
    return {"tiers": portal["tiers"]["tiers"], "rows": rows}


@block("ticket-template")
def ticket_template(portal: Portal, t: Localizer) -> dict[str, Any]:
    words = next(
        (t.text("ticket.words", min=t.number(field["min_words"]), max=t.number(field["max_words"])) for field in portal.fields() if "min_words" in field),
        None,
    )
    return {
        "fields": portal["requests"]["fields"],
        "examples": {field["name"]: t.join(portal.products[choice]["name"] for choice in field.get("examples", [])) for field in portal["requests"]["fields"]},
        "words": words,
        "support": portal["programme"]["addresses"]["support"],
    }


@block("product-catalogue")
def product_catalogue(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {"groups": portal.products_by_category(), "count": t.number(len(portal.products))}
