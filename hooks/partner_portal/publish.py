"""The data the portal's tools need, as JSON, from the one source in data/ and locales/.

- `api_document` is published per language by the hook's on_post_build, at api/portal.json
  (English), fr/api/portal.json, vi/api/portal.json: partners can sync it into their own help
  desk. README.md ("Data API") documents the URL and the shape; schemas/api.schema.json checks
  it. Field names are stable; a change that breaks a reader bumps SCHEMA_VERSION.
- `calculator_config`, `finder_config` and `priority_config` are parts of the same document,
  embedded in the pages of the response-time calculator, the escalation finder and the
  priority-support check (`<script type="application/json">`), so the tools fetch nothing and
  no figure is ever written in JavaScript.

A section the portal leaves out (sections.py) publishes nothing: without data/priority.yml the
document has no `priority` and its countries no `priority_region`; a tool left out has no page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .localize import Localizer, MissingText, unmark
from .model import Portal
from .places import place_name
from .sections import SECTIONS, TOOLS
from .worktime import WINDOWS, Schedule, same_everywhere, weekdays

SCHEMA_VERSION = 2  # 2 (#9): windows per bound, levels by id, per-region week and hours, optional parts (README.md)
API_PATH = "api/portal.json"
PAGES = {SECTIONS[tool].page: tool for tool in TOOLS}  # id → the tool its page places (a tool's one block is its name)


def plain(text: Any) -> str:
    """A localized text as plain characters (the JSON is read by scripts, never as HTML).
    Only texts without tags come here; unescape() keeps no-break spaces, striptags() would not."""
    return unmark(str(text.unescape()) if isinstance(text, Markup) else str(text))  # no fallback marker in JSON


def raw_messages(t: Localizer, prefix: str) -> dict[str, str]:
    """Every text under `prefix` (tools.finder → {"unknown": "No country called “{text}”…"}),
    unescaped: scripts fill the placeholders and insert the result as text, never as HTML."""
    start = prefix + "."
    found = {key[len(start):]: text for key, text in t.messages.items() if key.startswith(start)}
    if not found:
        raise MissingText(t.locale, prefix)
    return found


def countries(portal: Portal, t: Localizer) -> list[dict[str, Any]]:
    """Every country once, by its CLDR name in the page language, with its regions (the priority
    region if the portal has them) and the partner account managers (the people of the level
    marked account_managers) whose coverage names it."""
    escalation = {code: region for region in portal["escalation"]["regions"] for code in region["countries"]}
    priority = {code: region["id"] for region in portal["priority"]["regions"] for code in region["countries"]} if "priority" in portal.sections else None
    rows = []
    for code, region in escalation.items():
        managers = [person for person in portal.account_managers(region) if code in portal.people[person].get("territories", [])]
        in_priority = {"priority_region": priority[code]} if priority is not None else {}
        rows.append({"code": code, "name": t.territory(code), "other_names": t.territory_other_names(code), "escalation_region": region["id"], **in_priority, "account_managers": managers})
    return t.sorted(rows, key=lambda row: row["name"])


_documents: dict[tuple[int, str, int, str], tuple[Portal, dict[str, str], dict[str, Any]]] = {}


def api_document(portal: Portal, t: Localizer, site_url: str = "") -> dict[str, Any]:
    """The document of one language, made once per loaded portal (each tool's block, the
    calendar and api/portal.json read it; none of them changes it)."""
    key = (id(portal), t.locale, id(t.translated), site_url)
    cached = _documents.get(key)
    if cached and cached[0] is portal and cached[1] is t.translated:
        return cached[2]
    if len(_documents) > 64:
        _documents.clear()
    document = _documents[key] = (portal, t.translated, _api_document(portal, t, site_url))
    return document[2]


def _api_document(portal: Portal, t: Localizer, site_url: str = "") -> dict[str, Any]:
    commitment = portal["commitment"]
    round_the_clock = commitment.get("round_the_clock_severities", [])
    escalation_desk = portal["programme"]["addresses"]["escalation_desk"]
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "locale": t.locale,
        "vendor": portal["programme"]["vendor"],
        "pages": {page: site_url + url for page, block in PAGES.items() if (url := portal.block_pages.url(t.locale, block)) is not None} if site_url else {},
        "commitment": {
            "working_week": {**commitment["working_week"], "days": weekdays(**commitment["working_week"])},
            "severities": [
                {
                    "id": severity["id"],
                    "level": severity["level"],
                    "name": plain(t.text(f"commitment.severities.{severity['id']}.name")),
                    "label": plain(t.text("commitment.level", level=t.number(severity["level"]))),
                    **{window: {**severity[window].as_json(), "text": plain(t.duration_range(severity[window]))} for window in WINDOWS},
                    "round_the_clock": severity["id"] in round_the_clock,
                }
                for severity in portal.severities
            ],
            "round_the_clock_cases": [
                {"id": case, "name": plain(t.text(f"commitment.weekend_exceptions.{case}"))} for case in commitment["weekend_exceptions"]
            ],
        },
        "escalation": {
            "desk": escalation_desk,
            "levels": [
                {
                    "id": level["id"],
                    "number": level["number"],
                    "label": plain(t.text("escalation.level", number=t.number(level["number"]))),
                    "name": plain(t.text(f"escalation.level_roles.{level['id']}")),
                    "contact": level["contact"],
                    "account_managers": level["account_managers"],
                }
                for level in portal.levels
            ],
            "regions": [
                {
                    "id": region["id"],
                    "name": plain(place_name(t, region)),
                    "time_zone": region["time_zone"],
                    "time_zone_name": t.zone_name(region["time_zone"]),
                    "working_week": portal.schedules[region["id"]].week_json(),
                    "support_hours": hours.as_json() if (hours := portal.schedules[region["id"]].hours) else None,
                    "holidays": list(region.get("holidays", [])),
                    "countries": list(region["countries"]),
                    # Every level that lists people, in order; [] where the region has none.
                    "levels": {level["id"]: list(region.get("levels", {}).get(level["id"], [])) for level in portal.levels if level["contact"] == "people"},
                }
                for region in portal["escalation"]["regions"]
            ],
            "people": [
                {
                    "id": person["id"],
                    "name": person["name"],
                    "email": person["email"],
                    "role": person["role"],
                    "role_name": plain(t.text(f"escalation.roles.{person['role']}")),
                    "coverage": plain(place_name(t, person)) if "area" in person or "territories" in person else None,
                    "territories": list(person.get("territories", [])),
                }
                for person in portal["escalation"]["people"]
            ],
        },
        "priority": {
            "regions": [
                {
                    "id": region["id"],
                    "name": plain(place_name(t, region)),
                    "min_user_licences": region["min_user_licences"],
                    "eligible": region["eligible"],
                    "countries": list(region["countries"]),
                }
                for region in portal["priority"]["regions"]
            ],
        } if "priority" in portal.sections else None,
        "countries": countries(portal, t),
    }
    if document["priority"] is None:
        del document["priority"]
    return document


def write_api(portal: Portal, t: Localizer, language_dir: Path, site_url: str = "") -> Path:
    """Write <language_dir>/api/portal.json; `site_url` is this language's root URL, if known."""
    path = language_dir / API_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(api_document(portal, t, site_url), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path


# --- the parts each tool embeds in its page ---------------------------------------------------


def working_days_text(t: Localizer, schedule: Schedule) -> Markup:
    """"Sunday to Thursday": a region's working days."""
    return t.text("tools.working_time.days", first_day=t.weekday(schedule.first_day), last_day=t.weekday(schedule.last_day))


def working_time_text(t: Localizer, schedule: Schedule) -> Markup:
    """"Working time in this region: Sunday to Thursday, 8:00 AM – 6:00 PM"."""
    days = {"first_day": t.weekday(schedule.first_day), "last_day": t.weekday(schedule.last_day)}
    if schedule.hours:
        return t.text("tools.working_time.region", **days, hours=t.hours(schedule.hours))
    return t.text("tools.working_time.region_round_the_clock", **days)


def calculator_config(portal: Portal, t: Localizer) -> dict[str, Any]:
    """Each region with its working days (Date#getDay numbers come from these ISO ones in the
    script), its support hours and, where regions differ, the sentence that says them."""
    document = api_document(portal, t)
    per_region = not same_everywhere(list(portal.schedules.values()))
    regions = [
        {
            **{key: region[key] for key in ("id", "name", "time_zone", "time_zone_name", "holidays", "support_hours")},
            "working_days": region["working_week"]["days"],
            "working_time": plain(working_time_text(t, portal.schedules[region["id"]])) if per_region else None,
        }
        for region in document["escalation"]["regions"]
    ]
    return {
        "severities": document["commitment"]["severities"],
        "regions": regions,
        "messages": raw_messages(t, "tools.calculator"),
    }


def finder_config(portal: Portal, t: Localizer) -> dict[str, Any]:
    document = api_document(portal, t)
    managers = {person for country in document["countries"] for person in country["account_managers"]}
    return {
        "account_managers": portal.account_manager_level is not None,  # whether the finder names anyone
        "countries": [{key: country[key] for key in ("code", "name", "other_names", "escalation_region", "account_managers")} for country in document["countries"]],
        "regions": [{"id": region["id"], "name": region["name"]} for region in document["escalation"]["regions"]],
        "people": [{key: person[key] for key in ("id", "name", "email", "coverage")} for person in document["escalation"]["people"] if person["id"] in managers],
        "messages": {"country": raw_messages(t, "tools.country"), "finder": raw_messages(t, "tools.finder")},
    }


def priority_config(portal: Portal, t: Localizer) -> dict[str, Any]:
    document = api_document(portal, t)
    return {
        "countries": [{key: country[key] for key in ("code", "name", "other_names", "priority_region")} for country in document["countries"]],
        "regions": [{key: region[key] for key in ("id", "name", "min_user_licences", "eligible")} for region in document["priority"]["regions"]],
        "messages": {"country": raw_messages(t, "tools.country"), "priority": raw_messages(t, "tools.priority")},
    }
