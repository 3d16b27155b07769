"""The theme's own words (Material for MkDocs' header, search, footer and buttons) from our
locale files, under `theme.` in locales/<lang>.yml: translators own them, the translation status
counts them, and a new language asks for them like any other string. Material's built-in
translations are wrong or missing for some of our languages (Vietnamese "back to top" said
"back to the table of contents", its search panel said "Initializing search")."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .localize import Localizer, unmark
from .publish import plain

PREFIX = "theme."
# The palette toggle of each colour scheme names the scheme it switches to.
TOGGLE_KEYS = {"default": "theme.to_dark_mode", "slate": "theme.to_light_mode"}


def key_of(material_key: str) -> str:
    """Our key for a key of Material's partials/languages/*.html ("search.result.none")."""
    return PREFIX + material_key.replace(".", "_")


def text(t: Localizer, material_key: str) -> Markup:
    """Our text for one of Material's keys, or nothing (Material's own then): its `language`,
    `direction` and `search.config.*` are settings, not words, and stay Material's."""
    key = key_of(material_key)
    return t.text(key) if t.has(key) else Markup("")


def localize_config(config: Any, t: Localizer) -> None:
    """The theme's words that live in mkdocs.yml rather than in templates, in this build's language."""
    for option in config.theme["palette"]:
        if option.get("toggle") and option.get("scheme") in TOGGLE_KEYS:
            # Material writes it into attributes as it is: escaped here.
            option["toggle"]["name"] = unmark(str(t.text(TOGGLE_KEYS[option["scheme"]])))
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = plain(t.text("theme.permalink"))
