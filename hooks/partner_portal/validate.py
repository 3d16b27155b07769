"""Check the data and locale files: schema, ids and references, translations and placeholders."""

from __future__ import annotations

import datetime
import difflib
import json
import os
import re
import string
import zoneinfo
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection, Iterator

import yaml
from babel import Locale
from babel.core import UnknownLocaleError
from babel.languages import get_official_languages
from babel.localedata import locale_identifiers

from . import worktime
from .errors import KeyPath, Problem
from .localize import markdown_html, sanitize
from .sections import BLOCK_SECTIONS, CHOICE_SECTIONS, SECTIONS, TOOLS, TOOLS_KEY, Presence
from .source import Source

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


def schema_reference(path: Path, schema_name: str) -> str:
    """The generator's schema as a path relative to a data or locale file, for the
    `# yaml-language-server: $schema=` line editors read ("../schemas/..." in the sample,
    "../../../schemas/..." in examples/quillora/)."""
    return Path(os.path.relpath(SCHEMA_DIR / f"{schema_name}.schema.json", path.resolve().parent)).as_posix()




@cache
def _schemas() -> dict[str, Any]:
    """Every schema of the generator, by file name (the name references between them use)."""
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.schema.json")}


@cache
def schema_validator(schema_name: str) -> Draft202012Validator:
    """The validator of schemas/<schema_name>.schema.json, resolving references between the schemas
    (the build's, and the tests' for the published JSON): the one whose errors become messages."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources([(name, Resource.from_contents(schema)) for name, schema in _schemas().items()])
    return Draft202012Validator(registry.contents(f"{schema_name}.schema.json"), registry=registry)


@cache
def _fast_validator(schema_name: str) -> Any:
    """The same schema compiled by jsonschema-rs, which answers "valid or not" a hundred times
    faster (a tenth of a second per build and process); only a file it refuses is checked again by
    `schema_validator`, whose errors the messages are made from. Importing jsonschema only then
    also keeps its 7 MB out of every build whose data is right."""
    import jsonschema_rs

    schemas = _schemas()
    return jsonschema_rs.validator_for(schemas[f"{schema_name}.schema.json"], registry=jsonschema_rs.Registry(list(schemas.items())))


def _passes(schema_name: str, data: Any) -> bool:
    try:
        return bool(_fast_validator(schema_name).is_valid(data))
    except ValueError:  # a value JSON has no type for (a date YAML read unquoted): the full check says what
        return False


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()} (YAML reads yes, no, on, off and NO as booleans: quote the value)"
    if value is None:
        return "nothing (the value is empty)"
    kind = {dict: "a mapping", list: "a list", int: "a number", float: "a number", str: "a text"}.get(type(value), type(value).__name__)
    return f"{kind} ({json.dumps(value, ensure_ascii=False, default=str)[:60]})"


_EXPECTED = {"string": "a text", "integer": "a whole number", "array": "a list", "object": "a mapping", "boolean": "true or false"}


def _schema_problems(error: ValidationError, source: Source) -> Iterator[Problem]:
    path: KeyPath = tuple(error.absolute_path)
    instance = error.instance
    if error.validator == "required":
        for key in error.validator_value:
            if key not in instance:
                yield source.problem(path, f"missing key '{key}'")
    elif error.validator == "additionalProperties" and isinstance(instance, dict):
        known = list(error.schema.get("properties", {}))
        for key in instance:
            if key not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; expected one of: {', '.join(known)}"
                yield source.problem(path + (key,), f"unknown key '{key}'{suggestion}")
    elif "x-error" in error.schema:
        yield source.problem(path, f"{_describe(instance)} {error.schema['x-error']}")
    elif error.validator == "type":
        yield source.problem(path, f"expected {_EXPECTED.get(error.validator_value, error.validator_value)}, got {_describe(instance)}")
    elif error.validator == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        yield source.problem(path, f"{_describe(instance)} is not allowed; expected one of: {choices}")
    elif error.validator == "minItems" and error.validator_value == 1:
        yield source.problem(path, "must not be empty")
    else:
        yield source.problem(path, error.message)


def schema_problems(source: Source, schema_name: str) -> list[Problem]:
    found = source.schema_checks.get(schema_name)
    if found is None:
        found = source.schema_checks[schema_name] = [] if _passes(schema_name, source.data) else [
            problem for error in schema_validator(schema_name).iter_errors(source.data) for problem in _schema_problems(error, source)
        ]
    return list(found)


def _duplicate_problems(value: Any, path: KeyPath, source: Source) -> Iterator[Problem]:
    """Every list holds each id, code or reference once; a repeated one is a copy-paste slip."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _duplicate_problems(child, path + (key,), source)
    elif isinstance(value, list):
        seen: dict[Any, int] = {}
        for index, item in enumerate(value):
            identity = item.get("id", item.get("name")) if isinstance(item, dict) else item
            if isinstance(identity, (str, int)) and not isinstance(identity, bool):
                if identity in seen:
                    where = path + (index, "id") if isinstance(item, dict) and "id" in item else path + (index,)
                    yield source.problem(where, f"duplicate '{identity}' (already at {path[-1] if path else 'list'}[{seen[identity]}])")
                else:
                    seen[identity] = index
            yield from _duplicate_problems(item, path + (index,), source)


@cache
def _known_territories() -> frozenset[str]:
    return frozenset(Locale.parse("en").territories)


def _unknown(reference: str, known: list[str], what: str) -> str:
    hint = difflib.get_close_matches(reference, known, n=1)
    return f"unknown {what} '{reference}'" + (f"; did you mean '{hint[0]}'?" if hint else "")


def _territory_problems(items: list[dict], path: KeyPath, source: Source, *, needs_name: bool) -> Iterator[Problem]:
    for index, item in enumerate(items):
        where = path + (index,)
        for key in ("territories", "detail_territories"):
            for position, code in enumerate(item.get(key, [])):
                if code not in _known_territories():
                    yield source.problem(where + (key, position), f"'{code}' is not a country or area code known to CLDR")
        if needs_name and ("area" in item) == ("territories" in item):
            yield source.problem(where, "give either 'territories' (named from CLDR) or 'area' (a label in the locale files), not both")
        if "detail_territories" in item and "territories" not in item:
            yield source.problem(where + ("detail_territories",), "'detail_territories' needs 'territories'")


def section_problems(sources: dict[str, Source], present: Presence) -> list[Problem]:
    """`tools:` of data/programme.yml names tools the registry knows, whose sections are present."""
    programme = sources["programme"]
    problems = []
    for position, name in enumerate(programme.data.get(TOOLS_KEY, [])):
        where = (TOOLS_KEY, position)
        if name not in TOOLS:
            problems.append(programme.problem(where, _unknown(name, list(TOOLS), "tool") + f" (the tools: {', '.join(TOOLS)})"))
            continue
        for need in SECTIONS[name].needs:
            if need not in present:
                problems.append(programme.problem(where, f"the tool {name} needs {SECTIONS[need]}, which is not in this portal ({present.absent[need].reason})"))
    return problems


def reference_problems(sources: dict[str, Source], present: Presence) -> list[Problem]:
    """Ids that must exist, values that must agree between files. Runs only on schema-valid data;
    the rules of a section left out are not checked (its file is not there)."""
    problems: list[Problem] = []
    for source in sources.values():
        problems.extend(_duplicate_problems(source.data, (), source))

    programme, escalation = sources["programme"], sources["escalation"]
    commitment, requests = sources["commitment"], sources["requests"]

    links = list(programme.data["links"])
    for index, channel in enumerate(programme.data["contact_channels"]):
        if "block" in channel["link"] and channel["link"]["block"] not in BLOCK_SECTIONS:
            problems.append(programme.problem(("contact_channels", index, "link", "block"), _unknown(channel["link"]["block"], list(BLOCK_SECTIONS), "block")))
        if "url" in channel["link"] and channel["link"]["url"] not in links:
            problems.append(programme.problem(("contact_channels", index, "link", "url"), _unknown(channel["link"]["url"], links, "link")))

    if "offerings" in present:
        tiers = sources["tiers"]
        service_ids = [service["id"] for service in tiers.data["services"]]
        for index, channel in enumerate(programme.data["contact_channels"]):
            service = channel.get("tiers_from_service")
            if service is not None and service not in service_ids:
                problems.append(programme.problem(("contact_channels", index, "tiers_from_service"), _unknown(service, service_ids, "service id (data/tiers.yml)")))

        tier_ids = tiers.data["tiers"]
        for index, service in enumerate(tiers.data["services"]):
            for tier in tier_ids:
                if tier not in service["values"]:
                    problems.append(tiers.problem(("services", index, "values"), f"no value for tier '{tier}': every cell of the offerings table must be filled"))
            for tier in service["values"]:
                if tier not in tier_ids:
                    problems.append(tiers.problem(("services", index, "values", tier), _unknown(tier, tier_ids, "tier")))

    people = [person["id"] for person in escalation.data["people"]]
    problems.extend(_territory_problems(escalation.data["people"], ("people",), escalation, needs_name=False))
    problems.extend(_territory_problems(escalation.data["regions"], ("regions",), escalation, needs_name=True))
    if "priority" in present:
        problems.extend(_territory_problems(sources["priority"].data["regions"], ("regions",), sources["priority"], needs_name=True))
    problems.extend(_level_problems(escalation))
    for index, region in enumerate(escalation.data["regions"]):
        for level, members in region.get("levels", {}).items():
            for position, person in enumerate(members):
                if person not in people:
                    problems.append(escalation.problem(("regions", index, "levels", level, position), _unknown(person, people, "person id")))
        try:
            zoneinfo.ZoneInfo(region["time_zone"])
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            problems.append(escalation.problem(("regions", index, "time_zone"), f"unknown time zone '{region['time_zone']}'"))

    problems.extend(_working_time_problems(commitment, escalation))
    levels = [severity["level"] for severity in commitment.data["severities"]]
    if levels != sorted(levels) or len(set(levels)) != len(levels):
        problems.append(commitment.problem(("severities",), f"severity levels must be distinct and in increasing order, got {levels}"))

    if "catalogue" in present:
        catalogue = sources["catalogue"]
        categories = catalogue.data["categories"]
        for index, product in enumerate(catalogue.data["products"]):
            for position, category in enumerate(product["categories"]):
                if category not in categories:
                    problems.append(catalogue.problem(("products", index, "categories", position), _unknown(category, categories, "category")))

    for form, subject in (("fields", "ticket_subject"), ("feedback_fields", "feedback_subject")):
        names: list[str] = []
        problems.extend(_field_problems(requests.data[form], (form,), requests, seen=names))
        for position, name in enumerate(requests.data[subject]):
            if name not in names:
                problems.append(requests.problem((subject, position), _unknown(name, names, f"field of '{form}'")))
    choice_ids = {"request_types": requests.data["request_types"]}
    if "catalogue" in present:
        choice_ids["products"] = [product["id"] for product in sources["catalogue"].data["products"]]
    for index, field in enumerate(requests.data["fields"]):
        if CHOICE_SECTIONS.get(field.get("choices", "")) in present.absent:
            continue  # a free-text field in this portal: its examples name nothing
        for position, example in enumerate(field.get("examples", [])):
            known = choice_ids.get(field.get("choices", ""), [])
            if example not in known:
                problems.append(requests.problem(("fields", index, "examples", position), _unknown(example, known, "choice")))
    problems.extend(_tool_problems(sources, present))
    return problems


def _level_problems(escalation: Source) -> Iterator[Problem]:
    """The escalation levels: each region names levels of the list, the desk's level takes no
    people, one level at most is the desk's or the account managers', and every region shows a
    level. A duplicate level id is reported as every duplicate id is (_duplicate_problems), a
    level without role text when the blocks are rendered (load._rendering_problems)."""
    levels = escalation.data["levels"]
    ids = [level["id"] for level in levels]
    first: dict[str, int] = {}
    for index, level in enumerate(levels):
        for key, value in (("contact", "desk"), ("account_managers", True)):
            if level.get(key, False) != value:
                continue
            if key in first:
                other = first[key]
                yield escalation.problem(("levels", index, key), f"only one level may have {key}: {str(value).lower()}; level '{levels[other]['id']}' (levels[{other}]) already has it")
            else:
                first[key] = index
        if level.get("contact") == "desk" and level.get("account_managers"):
            yield escalation.problem(("levels", index, "account_managers"), "a level with contact: desk lists the escalation desk's address, not people, so its people cannot be the account managers")
    desks = {level["id"] for level in levels if level.get("contact") == "desk"}
    always_shown = bool(desks) or any(level.get("account_managers") for level in levels)
    for index, region in enumerate(escalation.data["regions"]):
        named = region.get("levels", {})
        for level_id, members in named.items():
            where = ("regions", index, "levels", level_id)
            if level_id not in ids:
                hint = difflib.get_close_matches(str(level_id), ids, n=1)
                yield escalation.problem(where, f"unknown level id '{level_id}'; " + (f"did you mean '{hint[0]}'?" if hint else f"expected one of the ids of 'levels': {', '.join(ids)}"))
            elif level_id in desks:
                yield escalation.problem(where, f"level '{level_id}' lists the escalation desk's address in every region (contact: desk): a region gives it no people")
        if not always_shown and not any(members for level_id, members in named.items() if level_id in ids):
            yield escalation.problem(("regions", index), f"the region shows no escalation level: give people to one of its levels ({', '.join(ids)})")


# --- what the calculator, the escalation finder and the priority check read -----------------

# Codes CLDR names that are no country or territory a partner can be in: groupings (EU, EZ, UN,
# QO), pseudo-regions (XA, XB), the unknown region (ZZ), and the exceptionally reserved codes
# for parts of other countries (AC, CP, CQ, DG, EA, IC, TA).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


@cache
def known_countries() -> frozenset[str]:
    """Every ISO 3166 country or territory CLDR names (and Kosovo, XK): each needs a region."""
    return frozenset(code for code in _known_territories() if len(code) == 2 and code not in _NOT_COUNTRIES)


def _country_problems(source: Source, what: str) -> Iterator[Problem]:
    """Every country in the `countries` of exactly one region of `source`."""
    regions = source.data["regions"]
    first: dict[str, tuple[int, int]] = {}
    for index, region in enumerate(regions):
        for position, code in enumerate(region["countries"]):
            where = ("regions", index, "countries", position)
            if code not in known_countries():
                yield source.problem(where, f"'{code}' is not a country or territory code known to CLDR")
            elif code not in first:
                first[code] = (index, position)
            elif first[code][0] != index:  # a repeat inside one list is reported as a duplicate
                other, at = first[code]
                yield source.problem(where, f"'{code}' is already in region '{regions[other]['id']}' (regions[{other}].countries[{at}]): a country belongs to one {what} only")
        for key in ("territories", "detail_territories"):
            for position, code in enumerate(region.get(key, [])):
                if code in known_countries() and code not in region["countries"]:
                    yield source.problem(("regions", index, key, position), f"the region is named after '{code}', which its 'countries' do not list")
    missing = sorted(known_countries() - set(first))
    if missing:
        names = ", ".join(f"{code} ({Locale.parse('en').territories[code]})" for code in missing)
        count = "1 country is" if len(missing) == 1 else f"{len(missing)} countries are"
        yield source.problem(("regions",), f"{count} in no {what}: {names}; add each to the 'countries' of one region")


def _tool_problems(sources: dict[str, Source], present: Presence) -> list[Problem]:
    escalation, commitment = sources["escalation"], sources["commitment"]
    problems = list(_country_problems(escalation, "escalation region"))
    if "priority" in present:
        problems.extend(_country_problems(sources["priority"], "priority region"))

    # The finder names an account manager for the countries their territories list: each must be
    # a country of the region they are an account manager of.
    people = {person["id"]: index for index, person in enumerate(escalation.data["people"])}
    marked = next((level["id"] for level in escalation.data["levels"] if level.get("account_managers")), None)
    for region in escalation.data["regions"] if marked else []:
        for person_id in region.get("levels", {}).get(marked, []):
            index = people.get(person_id)
            if index is None:
                continue  # reported as an unknown person id
            for position, code in enumerate(escalation.data["people"][index].get("territories", [])):
                if code in known_countries() and code not in region["countries"]:
                    problems.append(escalation.problem(("people", index, "territories", position), f"'{person_id}' covers '{code}' as an account manager (level '{marked}') of region '{region['id']}', whose 'countries' do not list it"))

    for index, region in enumerate(escalation.data["regions"]):
        for position, day in enumerate(region.get("holidays", [])):
            try:
                datetime.date.fromisoformat(day)
            except ValueError:
                problems.append(escalation.problem(("regions", index, "holidays", position), f"'{day}' is not a day of the calendar"))

    severities = [severity["id"] for severity in commitment.data["severities"]]
    for position, severity in enumerate(commitment.data.get("round_the_clock_severities", [])):
        if severity not in severities:
            problems.append(commitment.problem(("round_the_clock_severities", position), _unknown(severity, severities, "severity id")))
    return problems


def _working_time_problems(commitment: Source, escalation: Source) -> Iterator[Problem]:
    """Durations in known units, support hours within one day, and each window's min no longer
    than its max wherever it counts: a "day" lasts a region's working day, so "8 hours to 1 day"
    holds where support hours last 8 hours or more, and not where they last 7."""
    days: dict[str, int] = {}  # where a working day has a length of its own → its minutes
    some_round_the_clock = False
    for index, region in enumerate(escalation.data["regions"]):
        hours = region.get("support_hours")
        if hours is None:
            some_round_the_clock = True
        elif hours["opens"] >= hours["closes"]:
            yield escalation.problem(("regions", index, "support_hours"), f"opens ({hours['opens']}) must be before closes ({hours['closes']}): support hours are hours of one day, in the region's time zone")
        else:
            hours_of_day = worktime.parse_hours(hours)
            days[f"in region '{region['id']}', where a working day lasts {_length(hours_of_day.minutes)} (support hours {hours_of_day})"] = hours_of_day.minutes
    round_the_clock = commitment.data.get("round_the_clock_severities", [])
    for index, severity in enumerate(commitment.data["severities"]):
        for name in worktime.WINDOWS:
            where = ("severities", index, name)
            bounds = {}
            for bound in ("min", "max"):
                try:
                    bounds[bound] = worktime.parse_duration(severity[name][bound])
                except worktime.DurationError as error:
                    yield commitment.problem(where + (bound,), str(error))
            if len(bounds) < 2:
                continue
            low, high = bounds["min"], bounds["max"]
            if high.amount == 0:
                yield commitment.problem(where + ("max",), f"max is {high}: a window closes some time after the request was sent")
            elif "day" not in (low.unit, high.unit):
                if low.minutes() > high.minutes():
                    yield commitment.problem(where, f"min ({low}) is longer than max ({high})")
            else:
                lengths = dict(days)
                if some_round_the_clock or severity["id"] in round_the_clock:
                    lengths["where working days count round the clock (a day of 24 hours)"] = worktime.MINUTES_PER_DAY
                wrong = [place for place, day in lengths.items() if low.minutes(day) > high.minutes(day)]
                if wrong:
                    yield commitment.problem(where, f"min ({low}) is longer than max ({high}) " + "; and ".join(wrong))


def _length(minutes: int) -> str:
    """A working day's length in English: "8 hours", "7 hours 30 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = [worktime.Duration(hours, "hour")] * bool(hours) + [worktime.Duration(rest, "minute")] * bool(rest)
    return " ".join(map(str, parts))


def _field_problems(fields: list[dict], path: KeyPath, source: Source, seen: list[str]) -> Iterator[Problem]:
    for index, field in enumerate(fields):
        where = path + (index,)
        kind = field["type"]
        if field["name"] in seen:
            yield source.problem(where + ("name",), f"duplicate field name '{field['name']}'")
        seen.append(field["name"])
        if (kind == "choice") != ("choices" in field):
            yield source.problem(where, "a 'choice' field needs 'choices', and only a 'choice' field may have it")
        if (kind == "group") != ("fields" in field):
            yield source.problem(where, "a 'group' field needs 'fields', and only a 'group' field may have it")
        if ("max_files" in field or "max_file_megabytes" in field) and kind != "files":
            yield source.problem(where, "'max_files' and 'max_file_megabytes' apply only to 'files' fields")
        if "length" in field:
            if kind != "long_text":
                yield source.problem(where + ("length",), "'length' applies only to 'long_text' fields")
            yield from _length_problems(field["length"], where + ("length",), source)
        condition = field.get("shown_when")
        if condition and condition["field"] not in seen:
            yield source.problem(where + ("shown_when", "field"), _unknown(condition["field"], seen, "earlier field"))
        if kind == "group":
            yield from _field_problems(field["fields"], where + ("fields",), source, seen)


def _length_problems(length: dict, path: KeyPath, source: Source) -> Iterator[Problem]:
    """Each language of a field's `length` is a code CLDR knows, each [min, max] in order. The
    schema has checked the shape: one unit, words or characters, with two whole numbers."""
    if "default" not in length and not difflib.get_close_matches("default", [str(key) for key in length]):
        yield source.problem(path, "missing key 'default': the length in every language the field does not list, such as default: {words: [150, 200]}")
    for language, limit in length.items():
        if language == "default" or _is_language(language):
            pass
        elif difflib.get_close_matches(str(language), ["default"]):
            yield source.problem(path + (language,), f"unknown key '{language}'; did you mean 'default'?")
        else:
            yield source.problem(path + (language,), _unknown_language(str(language)) + " (a key of 'length' is 'default' or a language code, such as ja, zh or zh-Hant)")
        for unit, (low, high) in limit.items():
            if low > high:
                yield source.problem(path + (language, unit), f"min ({low}) is greater than max ({high})")


def _is_language(code: Any) -> bool:
    try:
        Locale.parse(str(code).replace("_", "-"), sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


# --- languages of mkdocs.yml -------------------------------------------------------------------

_LANGUAGES: KeyPath = ("plugins", "i18n", "languages")


def language_problems(config_file: Path, locales: tuple[str, ...]) -> list[Problem]:
    """Every language is one CLDR knows: Babel names, formats and pluralizes in it."""
    problems = []
    for locale in dict.fromkeys(locales):
        try:
            Locale.parse(locale)
        except (UnknownLocaleError, ValueError):
            path, line = _language_entry(config_file, locale)
            problems.append(Problem(config_file.name, line, path, _unknown_language(locale)))
    return problems


def _unknown_language(code: str) -> str:
    close = ", ".join(f"'{closest}'" for closest in _closest_locales(code))
    return f"'{code}' is not a language code CLDR knows" + (f"; closest CLDR codes: {close}" if close else "")


def _closest_locales(code: str) -> list[str]:
    # A country code is the usual slip (jp, cz, vn for ja, cs, vi): its official languages first.
    official = list(get_official_languages(code.upper()))
    spelled = difflib.get_close_matches(code.replace("-", "_"), locale_identifiers(), n=3, cutoff=0.5)
    return list(dict.fromkeys(official + spelled))[:3]


def _language_entry(config_file: Path, locale: str) -> tuple[KeyPath, int]:
    """The key path and line of `locale:` in mkdocs.yml (MkDocs keeps neither); line 1 if not found."""
    text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    languages = _child(_child(_child(yaml.compose(text, Loader=yaml.SafeLoader), "plugins"), "i18n"), "languages")
    for index, entry in enumerate(languages.value if isinstance(languages, yaml.SequenceNode) else []):
        node = _child(entry, "locale")
        if isinstance(node, yaml.ScalarNode) and node.value == locale:
            return _LANGUAGES + (index, "locale"), node.start_mark.line + 1
    return _LANGUAGES, 1


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """`key` of a mapping node or, in a list (MkDocs' plugins), of the item that has it. Only
    composed, never constructed: mkdocs.yml has tags (!!python/name) no safe loader builds."""
    for item in node.value if isinstance(node, yaml.SequenceNode) else [node]:
        if isinstance(item, yaml.MappingNode):
            for key_node, value_node in item.value:
                if key_node.value == key:
                    return value_node
    return None


# --- locale files -------------------------------------------------------------------------

_SHOWN_AS_TEXT = re.compile(r"<[A-Za-z!/?][^<>]*>?")


def flatten(messages: dict, prefix: KeyPath = ()) -> dict[KeyPath, str]:
    flat: dict[KeyPath, str] = {}
    for key, value in messages.items():
        if isinstance(value, dict):
            flat.update(flatten(value, prefix + (key,)))
        else:
            flat[prefix + (key,)] = value
    return flat


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _format_problem(text: str) -> str | None:
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        return f"broken placeholder ({error}); write a literal brace as {{{{ or }}}}"
    if any(not name or name.isdigit() for name in fields):
        return "a placeholder without a name ({} or {0}); write it as the English text names it, or a literal brace as {{ or }}"
    return None


class _Fragment(HTMLParser):
    """The elements and the text of an HTML fragment, entities decoded."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def _markdown_problems(text: str) -> Iterator[str]:
    """Judged on the HTML a `_md` text becomes, with each placeholder standing for itself: its
    Markdown has too many spellings of a link (spaces, references, entities) to check the source."""
    targets = {f"{{{name}}}" for name in placeholders(text)}
    html = markdown_html(text, {target[1:-1]: target for target in targets})
    rendered, published = _Fragment(html), _Fragment(sanitize(html))
    for tag, attributes in rendered.elements:
        if tag == "a" and attributes["href"] not in targets:
            yield f"link target '{_visible(attributes['href'])}' must be one of the placeholders of the English text"
    for tag in Counter(tag for tag, _ in rendered.elements) - Counter(tag for tag, _ in published.elements):
        yield f"Markdown makes a <{tag}> of this text, which the page leaves out: only [links]({{placeholder}}), *emphasis*, **strong**, `code` and line breaks are kept"
    markup = _SHOWN_AS_TEXT.search(rendered.text)
    if markup:
        yield f"'{_visible(markup.group())}' would show as text: HTML is not allowed here; write Markdown, such as [words]({{placeholder}}) or *emphasis*"


def _visible(text: str) -> str:
    """Control characters spelled out, so that a message stays one readable line."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda match: f"\\x{ord(match.group()):02x}", text)


def locale_problems(locales: dict[str, Source], default: str) -> list[Problem]:
    """Every translated text has the placeholders of its English text. A missing translation or an
    unused key is no error here: the page falls back to English and the translation status lists
    it (partner_portal.translations); `mkdocs build --strict` makes those errors too."""
    problems = locale_schema_problems(locales)
    return problems or placeholder_problems(locales, default)


def locale_schema_problems(locales: dict[str, Source], only: Collection[str] | None = None) -> list[Problem]:
    """The locale files (of the languages in `only`, if given) against their schema."""
    return [problem for locale, source in locales.items() if only is None or locale in only for problem in schema_problems(source, "locale")]


def placeholder_problems(locales: dict[str, Source], default: str, only: Collection[str] | None = None) -> list[Problem]:
    """The texts of every language (of those in `only`, if given) against English: placeholders,
    Markdown, the theme's "#"; once every locale file passed its schema."""
    problems: list[Problem] = []
    reference = flatten(locales[default].data)
    for locale, source in locales.items():
        if only is not None and locale not in only:
            continue
        messages = flatten(source.data)
        for key, text in messages.items():
            broken = _format_problem(text)
            if broken:
                problems.append(source.problem(key, broken))
                continue
            if key[-1].endswith("_md"):
                problems.extend(source.problem(key, message) for message in _markdown_problems(text))
            if locale == default:
                continue
            if key[0] == "theme" and "#" in reference.get(key, "") and "#" not in text:
                # Material writes the number where its texts have "#"; unquoted in YAML, " #" starts a comment.
                problems.append(source.problem(key, 'the theme puts the number where English has "#": keep it, and quote the text ("… # …"), since in YAML " #" starts a comment'))
            if key in reference and _format_problem(reference[key]) is None and placeholders(text) != placeholders(reference[key]):
                expected = ", ".join(sorted(f"{{{name}}}" for name in placeholders(reference[key]))) or "none"
                problems.append(source.problem(key, f"placeholders differ from English: expected {expected}"))
    return problems
