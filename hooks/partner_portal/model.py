"""The validated data of one portal, with the look-ups the blocks need."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .source import Source
from .validate import flatten
from .worktime import WINDOWS, Schedule, parse_window, schedule


@dataclass(frozen=True)
class Portal:
    sources: dict[str, Source]
    locales: dict[str, Source]
    default_locale: str
    messages: dict[str, dict[str, str]] = field(init=False)
    translation: Any = field(default=None, init=False, compare=False)  # translations.TranslationStatus, set by load
    block_pages: Any = field(default=None, init=False, compare=False)  # links.BlockPages, set by load

    def __post_init__(self) -> None:
        flat = {locale: {".".join(map(str, key)): text for key, text in flatten(source.data).items()} for locale, source in self.locales.items()}
        object.__setattr__(self, "messages", flat)

    def __getitem__(self, name: str) -> Any:
        return self.sources[name].data

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

        walk(self["requests"][form], None)
        return flat
