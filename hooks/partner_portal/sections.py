"""The sections of the portal, registered in one place.

A section is one part of the portal: its data (a file of data/, or a key of one), the JSON Schema
that checks it, the blocks that show it, the locale keys its texts live under, the part of
api/portal.json it makes, the sections it needs, and whether a portal may leave it out. Loading
(load.py), validation (validate.py), rendering (render.py, blocks.py), the API (publish.py) and
the translation status (translations.py) read this registry; adding or removing a section
touches it, plus the section's own schema, templates, views and locale keys.

A portal leaves an optional section out through its data (README.md, "Sections"):

- a file section, by the file's absence (data/priority.yml);
- a key section, by the key's absence (`leaders` of data/programme.yml);
- a tool, by `tools:` of data/programme.yml not listing it; without `tools:`, the portal has
  every tool whose sections are present.

A section left out shows no block and no link to its blocks, publishes no part of the API, its
rules across files are not checked, and its texts are asked of no language: keys left in the
locale files under its namespaces are listed as unused, with the reason. A page that places
one of its blocks is an error naming the page and the line.

This module imports nothing of the package: every other module may read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

# The forms of data/requests.yml, and where their fields' texts live in the locale files.
FORM_TEXTS = {"fields": "ticket.fields", "feedback_fields": "feedback.fields"}
# The help of a choice field whose choices belong to a section left out: the field is then a
# free-text box, and this key under the field's texts says what to type.
FREE_TEXT_HELP = "free_text_help"
CATALOGUE_CHOICES = "products"  # `choices:` of a field of data/requests.yml listing the catalogue's products

# Locale keys named after data ids that a section owns: (keys used while the section is present,
# keys used only while it is absent). A key ending in "." stands for every key under it.
DataKeys = Callable[[Mapping[str, Any]], tuple[Iterable[str], Iterable[str]]]


@dataclass(frozen=True)
class Section:
    name: str
    file: str | None = None  # data/<file>.yml; None: a section of the site itself, without data
    key: str | None = None  # the key of that file that holds the section; None: the whole file
    schema: str | None = None  # schemas/<schema>.schema.json, for a section that is a whole file
    blocks: tuple[str, ...] = ()
    namespaces: tuple[str, ...] = ()  # its locale keys: "priority." (every key under it) or one key
    api: tuple[str, ...] = ()  # the parts of api/portal.json it makes
    needs: tuple[str, ...] = ()  # sections without which it is left out
    optional: bool = False
    tool: bool = False  # one of the tools `tools:` of data/programme.yml lists
    page: str | None = None  # a tool: the id of the page placing it in api/portal.json's `pages`
    choices: str | None = None  # the source of a choice field of data/requests.yml it provides
    data_keys: DataKeys | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"the tool {self.name}" if self.tool else f"the {self.name} section"


def _form_fields(fields: list[dict]) -> Iterator[dict]:
    for item in fields:
        yield item
        yield from _form_fields(item.get("fields", []))


def _tier_texts(data: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """A contact channel with `tiers_from_service` names, in its sentence, the tiers that have it."""
    return [f"contact_channels.{channel['id']}.text" for channel in data["programme"]["contact_channels"] if "tiers_from_service" in channel], []


def _catalogue_keys(data: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """A form field choosing among the catalogue's products has a help that names some of them;
    without the catalogue the field is free text, with a help of its own."""
    present, absent = [], []
    for form, prefix in FORM_TEXTS.items():
        for item in _form_fields(data["requests"][form]):
            if item.get("choices") == CATALOGUE_CHOICES:
                present.append(f"{prefix}.{item['name']}.help")
                absent.append(f"{prefix}.{item['name']}.{FREE_TEXT_HELP}")
    return present, absent


# Every section of the portal; a tool after the sections it needs.
SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (
        Section(
            "site",
            blocks=("translation-status",),
            namespaces=("site.", "common.", "not_found.", "footer.", "i18n.", "theme."),
        ),
        Section(
            "programme",
            file="programme",
            schema="programme",
            blocks=("welcome", "covers", "contact-channels", "expectations"),
            namespaces=("home.", "covers.", "contact_channels.", "expectations."),
        ),
        Section(
            "leaders",
            file="programme",
            key="leaders",
            blocks=("leaders",),
            namespaces=("leaders.",),
            optional=True,
        ),
        Section(
            "commitment",
            file="commitment",
            schema="commitment",
            blocks=("severity-matrix", "working-time-rules", "severity-levels", "timing-definitions"),
            namespaces=("commitment.",),
            api=("commitment",),
        ),
        Section(
            "escalation",
            file="escalation",
            schema="escalation",
            blocks=("escalation-owner", "escalation-when", "escalation-reasons", "escalation-matrix", "support-calendar"),
            namespaces=("escalation.", "areas.", "tools.calendar.", "tools.working_time."),
            api=("escalation", "countries"),
        ),
        Section(
            "priority",
            file="priority",
            schema="priority",
            blocks=("priority-intro", "priority-thresholds", "priority-faq"),
            namespaces=("priority.",),
            api=("priority", "countries[].priority_region"),
            optional=True,
        ),
        Section(
            "offerings",
            file="tiers",
            schema="tiers",
            blocks=("tier-offerings",),
            namespaces=("offerings.",),
            optional=True,
            data_keys=_tier_texts,
        ),
        Section(
            "requests",
            file="requests",
            schema="requests",
            blocks=("template-reasons", "ticket-template", "ticket-form", "feedback-form"),
            namespaces=("ticket.", "form.", "feedback."),
        ),
        Section(
            "catalogue",
            file="catalogue",
            schema="catalogue",
            blocks=("product-catalogue",),
            namespaces=("ticket.categories.", "ticket.products_in_catalogue"),
            optional=True,
            choices=CATALOGUE_CHOICES,
            data_keys=_catalogue_keys,
        ),
        Section(
            "response-time-calculator",
            blocks=("response-time-calculator",),
            namespaces=("tools.calculator.", "tools.calculator_rules."),
            api=("pages.commitment",),
            needs=("commitment", "escalation"),
            optional=True,
            tool=True,
            page="commitment",
        ),
        Section(
            "escalation-finder",
            blocks=("escalation-finder",),
            namespaces=("tools.finder.", "tools.country.", "tools.calculator.contacts"),  # the calculator's button to the finder
            api=("pages.escalation",),
            needs=("escalation",),
            optional=True,
            tool=True,
            page="escalation",
        ),
        Section(
            "priority-check",
            blocks=("priority-check",),
            namespaces=("tools.priority.", "tools.country."),
            api=("pages.priority-support",),
            needs=("priority",),
            optional=True,
            tool=True,
            page="priority-support",
        ),
    )
}

TOOLS = tuple(name for name, section in SECTIONS.items() if section.tool)
TOOLS_KEY = "tools"  # of data/programme.yml
DATA_FILES = tuple(dict.fromkeys(section.file for section in SECTIONS.values() if section.file))
BLOCK_SECTIONS = {block: section for section in SECTIONS.values() for block in section.blocks}
CHOICE_SECTIONS = {section.choices: section.name for section in SECTIONS.values() if section.choices}


def schema(file: str) -> str:
    """The schema of data/<file>.yml: its whole-file section's."""
    return next(section.schema for section in SECTIONS.values() if section.file == file and section.key is None and section.schema)


def file_is_optional(file: str) -> bool:
    """Whether a portal may go without data/<file>.yml: every section in it is optional."""
    return all(section.optional for section in SECTIONS.values() if section.file == file)


# --- which sections a portal has -------------------------------------------------------------


@dataclass(frozen=True)
class Absence:
    """Why a section is not in a portal: it is missing (`cause` is itself), or one it needs is."""

    cause: str  # a section's name
    reason: str  # "data/priority.yml is absent"

    def __str__(self) -> str:
        return f"{SECTIONS[self.cause]} is not in this portal ({self.reason})"


@dataclass(frozen=True)
class Presence:
    """The sections of one portal; for each one it lacks, why."""

    absent: Mapping[str, Absence] = field(default_factory=dict)

    def __contains__(self, name: str) -> bool:
        if name not in SECTIONS:  # a misspelt name in code must fail, not read as "absent"
            raise KeyError(name)
        return name not in self.absent

    @property
    def blocks(self) -> tuple[str, ...]:
        """The blocks of the present sections, in the registry's order."""
        return tuple(block for name, section in SECTIONS.items() if name in self for block in section.blocks)

    @property
    def left_out_blocks(self) -> frozenset[str]:
        return frozenset(block for name in self.absent for block in SECTIONS[name].blocks)

    def why_not(self, block: str) -> Absence | None:
        """Why `block` is not in this portal; None if it is, or if the registry has no such block."""
        section = BLOCK_SECTIONS.get(block)
        return self.absent.get(section.name) if section else None


def presence(data: Mapping[str, Any]) -> Presence:
    """Which sections a portal has, from its data: {file name: its parsed content} of the files
    of data/ that exist, schema-valid. A tool that `tools:` lists but whose sections are absent is
    left out too (validate.section_problems reports it)."""
    absent: dict[str, Absence] = {}
    listed = data.get("programme", {}).get(TOOLS_KEY)
    for name, section in SECTIONS.items():
        if not section.optional:
            continue
        if section.tool:
            missing = [need for need in section.needs if need in absent]
            if missing:
                absent[name] = absent[missing[0]]
            elif listed is not None and name not in listed:
                absent[name] = Absence(name, f"'{TOOLS_KEY}' of data/programme.yml does not list it")
        elif section.file not in data:
            absent[name] = Absence(name, f"data/{section.file}.yml is absent")
        elif section.key and section.key not in data[section.file]:
            absent[name] = Absence(name, f"data/{section.file}.yml has no '{section.key}'")
    return Presence(absent)


# --- the locale keys a portal asks of its translators -------------------------------------------


def in_namespace(key: str, namespace: str) -> bool:
    """Whether `key` is under `namespace` ("priority." and every key under it, or one key)."""
    return key.startswith(namespace) if namespace.endswith(".") else key == namespace


@dataclass(frozen=True)
class LocaleScope:
    """Which locale keys the portal uses. A key belongs to the sections whose namespace for it is
    the most specific (a key named after data before any fixed namespace, then the longest); it
    is asked of every language while one of them is present. A key no section claims is asked
    (tests/test_sections.py keeps every key of the sample claimed). A key of sections left out is
    listed as unused, with the reason; a key used only while a section is absent (the free-text
    help of a field whose choices it provides) is neither asked nor listed while it is present."""

    presence: Presence = field(default_factory=Presence)
    namespaces: tuple[tuple[str, str, bool], ...] = ()  # (namespace, section, named after data)
    when_absent: Mapping[str, str] = field(default_factory=dict)  # key → the section whose absence uses it
    # Each key's owners, found once: the translation status asks for every key in every language.
    _owners: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def owners(self, key: str) -> list[str]:
        """The sections `key` belongs to (none: a key of no section)."""
        found = self._owners.get(key)
        if found is None:
            found = self._owners[key] = self._find_owners(key)
        return found

    def _find_owners(self, key: str) -> list[str]:
        best: tuple[bool, int] | None = None
        found: list[str] = []
        for namespace, section, from_data in self.namespaces:
            if not in_namespace(key, namespace):
                continue
            rank = (from_data, len(namespace))
            if best is None or rank > best:
                best, found = rank, [section]
            elif rank == best:
                found.append(section)
        return found

    def asked(self, key: str) -> bool:
        if key in self.when_absent:
            return self.when_absent[key] not in self.presence
        owners = self.owners(key)
        return not owners or any(owner in self.presence for owner in owners)

    def left_out(self, key: str) -> str | None:
        """Why the portal has no use for `key`, if it belongs to sections left out; else None."""
        if key in self.when_absent:
            return None
        owners = self.owners(key)
        if owners and not any(owner in self.presence for owner in owners):
            return str(self.presence.absent[owners[0]])
        return None


def channel_target(channel: Mapping[str, Any]) -> str | None:
    """The block a contact channel of data/programme.yml links to (`link: {block: ...}`), if any."""
    return channel["link"].get("block")


def locale_scope(present: Presence, data: Mapping[str, Any]) -> LocaleScope:
    """The locale keys of a portal with these sections and this data (schema-valid)."""
    namespaces: list[tuple[str, str, bool]] = []
    when_absent: dict[str, str] = {}
    # A contact channel that links to a block is a card of that block's section: it goes with it.
    for channel in data["programme"]["contact_channels"]:
        if (target := channel_target(channel)) in BLOCK_SECTIONS:
            namespaces.append((f"contact_channels.{channel['id']}.", BLOCK_SECTIONS[target].name, True))
    for name, section in SECTIONS.items():
        namespaces += [(namespace, name, False) for namespace in section.namespaces]
        if section.data_keys:
            used, used_when_absent = section.data_keys(data)
            namespaces += [(namespace, name, True) for namespace in used]
            when_absent.update(dict.fromkeys(used_when_absent, name))
    return LocaleScope(present, tuple(namespaces), when_absent)
