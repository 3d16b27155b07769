"""The validated data of one portal, with the look-ups the blocks need."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .sections import CHOICE_SECTIONS, FREE_TEXT_HELP, LocaleScope, Presence, locale_scope, presence
from .source import Source
from .validate import flatten
from .worktime import WINDOWS, Schedule, parse_window, schedule


@dataclass(frozen=True)
class Portal:
    sources: dict[str, Source]  # the files of data/ this portal has
    locales: dict[str, Source]
    default_locale: str
    messages: dict[str, dict[str, str]] = field(init=False)
    sections: Presence = field(init=False, compare=False)  # the sections it has (sections.py)
    translation: Any = field(default=None, init=False, compare=False)  # translations.TranslationStatus, set by load
    block_pages: Any = field(default=None, init=False, compare=False)  # links.BlockPages, set by load
    # (locale, block, page URL) → the block's HTML on that page, as the validation rendered it (load).
    rendered: dict[tuple[str, str, str], Any] = field(default_factory=dict, init=False, compare=False)

    def __post_init__(self) -> None:
        flat = {locale: {".".join(map(str, key)): text for key, text in flatten(source.data).items()} for locale, source in self.locales.items()}
        object.__setattr__(self, "messages", flat)
        object.__setattr__(self, "sections", presence(self.data))

    def __getitem__(self, name: str) -> Any:
        return self.sources[name].data

    @property
    def data(self) -> dict[str, Any]:
        return {name: source.data for name, source in self.sources.items()}

    @cached_property
    def locale_scope(self) -> LocaleScope:
        """The locale keys this portal asks of its translators."""
        return locale_scope(self.sections, self.data)

    @cached_property
    def severities(self) -> list[dict]:
        """The severities of commitment.yml, each window parsed once (worktime.Window)."""
        return [{**severity, **{name: parse_window(severity[name]) for name in WINDOWS}} for severity in self["commitment"]["severities"]]

    @cached_property
    def schedules(self) -> dict[str, Schedule]:
        """When working time counts in each escalation region, by region id."""
        return {region["id"]: schedule(region, self["commitment"]["working_week"]) for region in self["escalation"]["regions"]}

    @cached_property
    def people(self) -> dict[str, dict]:
        return {person["id"]: person for person in self["escalation"]["people"]}

    @cached_property
    def levels(self) -> list[dict[str, Any]]:
        """The escalation levels in order, each with its number (its place in the list, from 1)
        and the defaults of data/escalation.yml filled in."""
        return [{"contact": "people", "account_managers": False, **level, "number": number} for number, level in enumerate(self["escalation"]["levels"], 1)]

    @cached_property
    def account_manager_level(self) -> dict[str, Any] | None:
        """The level whose people are the partner account managers, if one is marked."""
        return next((level for level in self.levels if level["account_managers"]), None)

    def account_managers(self, region: dict[str, Any]) -> list[str]:
        """The person ids of a region's partner account managers (none without a marked level)."""
        level = self.account_manager_level
        return list(region.get("levels", {}).get(level["id"], [])) if level else []

    def region_levels(self, region: dict[str, Any]) -> list[tuple[dict[str, Any], list[str]]]:
        """The levels a region shows, in order, with their person ids: the desk's level, each
        level the region lists people for, and the account managers' level even where the
        region has none (the table then says so, as the finder does)."""
        people = region.get("levels", {})
        return [
            (level, list(people.get(level["id"], [])))
            for level in self.levels
            if level["contact"] == "desk" or people.get(level["id"]) or level["account_managers"]
        ]

    @cached_property
    def products(self) -> dict[str, dict]:
        return {product["id"]: product for product in self["catalogue"]["products"]}

    @cached_property
    def services(self) -> dict[str, dict]:
        return {service["id"]: service for service in self["tiers"]["services"]}

    def tiers_offering(self, service_id: str) -> list[str]:
        values = self.services[service_id]["values"]
        return [tier for tier in self["tiers"]["tiers"] if values[tier]]

    def products_by_category(self) -> list[tuple[str, list[dict]]]:
        """Each product once, under the first of its categories, in catalogue order."""
        return [
            (category, [product for product in self["catalogue"]["products"] if product["categories"][0] == category])
            for category in self["catalogue"]["categories"]
        ]

    def form(self, form: str = "fields") -> list[dict]:
        """A form of data/requests.yml as this portal shows it (the ticket form's by default): a
        choice field whose choices belong to a section left out (the products, without the
        catalogue) is a free-text field of the same name, with a help of its own."""

        def shown(fields: list[dict]) -> list[dict]:
            result = []
            for item in fields:
                if item["type"] == "group":
                    item = {**item, "fields": shown(item["fields"])}
                elif CHOICE_SECTIONS.get(item.get("choices", "")) in self.sections.absent:
                    item = {key: value for key, value in item.items() if key not in ("choices", "examples")}
                    item.update(type="text", help=FREE_TEXT_HELP)
                result.append(item)
            return result

        return shown(self["requests"][form])

    def fields(self, form: str = "fields") -> list[dict]:
        """A form's fields in order (the ticket form's by default), groups flattened, each
        knowing its condition."""
        flat: list[dict] = []

        def walk(fields: list[dict], condition: dict | None) -> None:
            for item in fields:
                shown_when = item.get("shown_when", condition)
                if item["type"] == "group":
                    walk(item["fields"], shown_when)
                else:
                    flat.append({**item, **({"shown_when": shown_when} if shown_when else {})})

        walk(self.form(form), None)
        return flat
