"""What each block shows: the data a template needs, looked up and localized.

Templates (overrides/portal/blocks/<name>.html) lay the data out; these views decide what it is.
The blocks are those of the sections (sections.py); a block without a view here gets the portal
and the localizer only.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from markupsafe import Markup

from .localize import Localizer, autonym, language_in_sentence
from .model import Portal
from .places import place_name
from .publish import API_PATH, api_document, calculator_config, finder_config, priority_config, working_days_text
from .render import block
from .sections import CATALOGUE_CHOICES, CHOICE_SECTIONS, FORM_TEXTS, channel_target
from .translations import PLACEHOLDER_CHARACTERS, TranslationStatus
from .worktime import same_everywhere


@block("contact-channels")
def contact_channels(portal: Portal, t: Localizer) -> dict[str, Any]:
    # A channel that links to a block of a section left out has no card; without the offerings
    # (data/tiers.yml), a channel names no tiers.
    offerings = "offerings" in portal.sections
    channels = [channel for channel in portal["programme"]["contact_channels"] if not portal.sections.why_not(channel_target(channel) or "")]
    tiers = {
        channel["id"]: t.join(t.text(f"offerings.tiers.{tier}") for tier in portal.tiers_offering(channel["tiers_from_service"]))
        for channel in channels
        if offerings and "tiers_from_service" in channel
    }
    return {"channels": channels, "tiers": tiers}


@block("severity-matrix")
def severity_matrix(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {"severities": portal.severities}


@block("working-time-rules")
def working_time_rules(portal: Portal, t: Localizer) -> dict[str, Any]:
    cases = t.join(t.text(f"commitment.weekend_exceptions.{case}") for case in portal["commitment"]["weekend_exceptions"])
    return {"cases": cases, "week": _week(portal, t)}


@block("escalation-matrix")
def escalation_matrix(portal: Portal, t: Localizer) -> dict[str, Any]:
    regions = []
    for region in portal["escalation"]["regions"]:
        levels = [{**level, "people": [portal.people[person_id] for person_id in people]} for level, people in portal.region_levels(region)]
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


def choice_labels(portal: Portal, t: Localizer, source: str) -> list[tuple[str, str]]:
    """(id, label) of a choice field's options, in data order."""
    if source == CATALOGUE_CHOICES:
        return [(product["id"], product["name"]) for product in portal["catalogue"]["products"]]
    return [(choice, t.text(f"ticket.request_types.{choice}")) for choice in portal["requests"]["request_types"]]


def language_candidates(locale: str) -> list[str]:
    """The keys a `length` of data/requests.yml may give for `locale`, the most specific first,
    lower case: "zh-TW" tries zh-tw, zh-hant-tw, zh-hant, zh (its script from CLDR's likely
    subtags, so a key zh-Hant covers Taiwan and Hong Kong), then the default."""
    from babel import Locale
    from babel.core import get_global

    tag = locale.replace("_", "-")
    parsed = Locale.parse(tag, sep="-")
    likely = get_global("likely_subtags")
    full = Locale.parse(likely.get(str(parsed), likely.get(parsed.language, parsed.language)))
    script = parsed.script or full.script
    parts = [tag, "-".join(filter(None, (parsed.language, script, parsed.territory))), "-".join(filter(None, (parsed.language, script))), "-".join(filter(None, (parsed.language, parsed.territory))), parsed.language, "default"]
    return list(dict.fromkeys(part.lower() for part in parts))


def length_for(field: dict[str, Any], locale: str) -> dict[str, Any] | None:
    """The length a long text asks for in `locale`: {"unit": "words" | "characters", "min", "max"}
    from the field's `length` (the most specific language that matches, else the default)."""
    if "length" not in field:
        return None
    limits = {key.replace("_", "-").lower(): value for key, value in field["length"].items()}
    key = next(candidate for candidate in language_candidates(locale) if candidate in limits)
    [(unit, (low, high))] = limits[key].items()
    return {"unit": unit, "min": low, "max": high}


# The words of a length per unit: the help text's "150 to 200 words", the live counter, the errors.
LENGTH_TEXTS = {
    "words": {"range": "ticket.words", "count": "word_count", "too_few": "errors.too_few_words", "too_many": "errors.too_many_words"},
    "characters": {"range": "ticket.characters", "count": "character_count", "too_few": "errors.too_few_characters", "too_many": "errors.too_many_characters"},
}


def help_texts(portal: Portal, t: Localizer, form: str) -> dict[str, Markup]:
    """The help line of each field of a form, with its figures and examples filled in."""
    texts = {}
    for field in portal.fields(form) + [group for group in portal.form(form) if group["type"] == "group"]:
        key = f"{FORMS[form]['prefix']}.{field['name']}.{field.get('help', 'help')}"  # a free-text field's own help (model.Portal.form)
        params: dict[str, Any] = {}
        if "examples" in field:
            labels = dict(choice_labels(portal, t, field["choices"]))
            params["examples"] = t.join(labels[choice] for choice in field["examples"])
        if "max_files" in field:
            params["max_files"] = t.number(field["max_files"])
        if "max_file_megabytes" in field:
            params["size"] = t.megabytes(field["max_file_megabytes"])
        length = length_for(field, t.locale)
        if length:
            # The placeholder keeps its first name, {words}, whatever the unit.
            params["words"] = t.text(LENGTH_TEXTS[length["unit"]]["range"], min=t.number(length["min"]), max=t.number(length["max"]))
        if t.has(key):
            texts[field["name"]] = t.text(key, **params)
    return texts


@block("ticket-template")
def ticket_template(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {
        "fields": portal.form("fields"),
        "help": help_texts(portal, t, "fields"),
        "support": portal["programme"]["addresses"]["support"],
    }


# The two forms that end in an e-mail: where their texts live and where the e-mail goes.
FORMS = {
    "fields": {"id": "ticket", "prefix": FORM_TEXTS["fields"], "subject": "ticket_subject", "address": "support", "mailto_attribute": "data-ticket-mailto"},
    "feedback_fields": {"id": "feedback", "prefix": FORM_TEXTS["feedback_fields"], "subject": "feedback_subject", "address": "translation_team", "mailto_attribute": "data-feedback-mailto"},
}
FORM_MESSAGES = (
    "errors.required", "errors.email", "errors.too_many_files",
    "errors.file_too_large", "errors.invalid", "copied", "copy_failed", "draft_restored", "cleared", "no_files",
)


def _mail_form(portal: Portal, t: Localizer, form: str) -> dict[str, Any]:
    english = Localizer(portal.default_locale, portal.messages[portal.default_locale])
    spec = FORMS[form]
    fields = []
    units: set[str] = set()
    for field in portal.fields(form):
        entry: dict[str, Any] = {key: field[key] for key in ("name", "type", "max_files", "shown_when") if key in field}
        length = length_for(field, t.locale)
        if length:
            entry["length"] = length
            units.add(length["unit"])
        entry["required"] = field.get("required", False)
        entry["label_en"] = english.text(f"{spec['prefix']}.{field['name']}.label").unescape()
        if "choices" in field:
            entry["choices"] = [{"value": value, "label_en": Markup(label).unescape()} for value, label in choice_labels(portal, english, field["choices"])]
        if "max_file_megabytes" in field:
            entry["max_file_bytes"] = field["max_file_megabytes"] * 1024 * 1024
        fields.append(entry)
    sizes = {field["name"]: t.megabytes(field["max_file_megabytes"]) for field in portal.fields(form) if "max_file_megabytes" in field}
    config = {
        "form": spec["id"],
        "locale": t.locale,
        "to": portal["programme"]["addresses"][spec["address"]],
        "subject_fields": portal["requests"][spec["subject"]],
        "subject_prefix": portal["requests"].get(f"{spec['id']}_subject_prefix", ""),
        "fields": fields,
        "file_sizes": sizes,
        # The counter's and the errors' texts of the units this page's fields count in.
        "messages": {key: t.template(f"form.{key}") for key in FORM_MESSAGES + tuple(LENGTH_TEXTS[unit][text] for unit in sorted(units) for text in ("count", "too_few", "too_many"))},
    }
    return {
        "form": spec,
        "tree": portal.form(form),
        "help": help_texts(portal, t, form),
        "choices": {source: choice_labels(portal, t, source) for source in ("request_types", CATALOGUE_CHOICES) if CHOICE_SECTIONS.get(source) not in portal.sections.absent},
        "product_groups": [(category, [(product["id"], product["name"]) for product in products]) for category, products in portal.products_by_category() if products] if "catalogue" in portal.sections else [],
        "config": config,
    }


@block("ticket-form")
def ticket_form(portal: Portal, t: Localizer) -> dict[str, Any]:
    return _mail_form(portal, t, "fields")


@block("feedback-form")
def feedback_form(portal: Portal, t: Localizer) -> dict[str, Any]:
    return _mail_form(portal, t, "feedback_fields")


@block("product-catalogue")
def product_catalogue(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {"groups": portal.products_by_category(), "count": t.number(len(portal.products))}


# --- the tools: response-time calculator, escalation finder, priority check -------------------
# Their data is a part of the published JSON (publish.py), embedded in the page; the tables of
# the page, and the no-script lists below each tool, carry the same facts without JavaScript.

FINDER_ANCHOR = "your-region"
CALENDAR_ANCHOR = "support-calendar"


def _countries_by_region(portal: Portal, t: Localizer, regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": region["id"], "name": place_name(t, region), "countries": t.sorted(t.territory_in_list(code) for code in region["countries"])} for region in regions]


def _week(portal: Portal, t: Localizer) -> dict[str, str] | None:
    """The working days, named once, where every region works the same days round the clock (the
    sample); None where regions differ: the pages then say that each region has its own, and the
    support calendar lists them."""
    schedules = list(portal.schedules.values())
    if not same_everywhere(schedules):
        return None
    return {"first_day": t.weekday(schedules[0].first_day), "last_day": t.weekday(schedules[0].last_day)}


@block("response-time-calculator")
def response_time_calculator(portal: Portal, t: Localizer) -> dict[str, Any]:
    config = calculator_config(portal, t)
    round_the_clock = [severity for severity in config["severities"] if severity["round_the_clock"]]
    cases = t.join(t.text(f"commitment.weekend_exceptions.{case}") for case in portal["commitment"]["weekend_exceptions"])
    return {
        "config": config,
        "cases": cases,
        "round_the_clock": t.join(severity["label"] for severity in round_the_clock),
        "week": _week(portal, t),
    }


# CLDR writes the first day of a month as a plain number; French writes it as an ordinal, "1er"
# ("1er janv. 2026"), which no CLDR date pattern says.
FIRST_OF_MONTH = {"fr": "1er"}


def calendar_date(t: Localizer, day: datetime.date) -> str:
    """A date in the language's medium format ("Jan 1, 2026", "1er janv. 2026", "1 thg 1, 2026")."""
    from babel.dates import format_date

    pattern = t.babel.date_formats["medium"].pattern
    first = FIRST_OF_MONTH.get(t.babel.language)
    if first and day.day == 1:
        pattern = re.sub(r"(?<![d'])d(?!d)", f"'{first}'", pattern)
    return format_date(day, pattern, locale=t.babel)


@block("support-calendar", anchor=CALENDAR_ANCHOR)
def support_calendar(portal: Portal, t: Localizer) -> dict[str, Any]:
    regions = api_document(portal, t)["escalation"]["regions"]
    rows = [
        {
            **region,
            "holidays": [(day, calendar_date(t, datetime.date.fromisoformat(day))) for day in region["holidays"]],
            "days": working_days_text(t, portal.schedules[region["id"]]),
            "hours": t.hours(hours) if (hours := portal.schedules[region["id"]].hours) else None,
        }
        for region in regions
    ]
    return {"regions": rows, "week": _week(portal, t), "anchor": CALENDAR_ANCHOR}


@block("escalation-finder", anchor=FINDER_ANCHOR)
def escalation_finder(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {
        "config": finder_config(portal, t),
        "default_names": API_PATH,  # the default language's document: its country names are accepted too
        "anchor": FINDER_ANCHOR,
        "by_region": _countries_by_region(portal, t, portal["escalation"]["regions"]),
        "by_region_title": t.text("tools.finder.by_region"),
    }


@block("priority-check")
def priority_check(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {
        "config": priority_config(portal, t),
        "default_names": API_PATH,
        "by_region": _countries_by_region(portal, t, portal["priority"]["regions"]),
        "by_region_title": t.text("tools.priority.by_region"),
    }


# --- the translation status page ------------------------------------------------------------
# load.py sets the status (translations.py) on the portal; a portal made without it shows none.


@block("translation-status")
def translation_status_block(portal: Portal, t: Localizer) -> dict[str, Any]:
    status: TranslationStatus | None = getattr(portal, "translation", None)
    rows = status.translations() if status else []
    names = {row.locale: autonym(row.locale) for row in rows}
    if status and (status.locales[status.default].over_limit or status.locales[status.default].unused):  # a heading of its own, above its lists
        names[status.default] = autonym(status.default)
    return {
        "status": status,
        "rows": rows,
        "names": names,
        "source": status.locales[status.default] if status else None,
        "source_name": language_in_sentence(t, portal.default_locale),
        "placeholder_characters": PLACEHOLDER_CHARACTERS,
    }
