"""The state of the translations: descriptions, length limits, review records and status.

- Descriptions: every string of the English locale file carries a description for translators,
  written as the comment lines right above its key (TRANSLATING.md says which translation
  platforms show them). The build checks that each key has one, naming every placeholder.
- Records: locales/<lang>.sources.yml keeps, for each translated key, the English text it was
  translated from. The build compares it with today's English to find outdated translations;
  `./portal i18n review LANG KEY...` (i18n.py) brings the records up to date once a string is
  checked.
- Status: per locale, strings translated, missing, outdated and unused, strings over the length
  limit their description states ("At most 20 characters."), and prose pages missing; reported
  in the build log, in site/i18n-status.json and on the "Translation status" page (the block
  translation-status in blocks.py). Only the strings of the portal's sections count
  (sections.LocaleScope): the keys of a section the portal leaves out are asked of no language,
  and those still in a locale file, English included, are listed as unused with the reason,
  without failing a --strict build.

load.py computes the status with the portal; nothing here reads the portal, so the command line
(i18n.py), which loads it, can use all of this without load.py importing it back.
"""

from __future__ import annotations

import difflib
import html
import json
import logging
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import icu
import yaml

from .errors import KeyPath, PortalDataError, Problem
from .localize import markdown_html
from .sections import LocaleScope
from .source import Source, SourceError, load_source
from .validate import flatten, placeholders, schema_problems, schema_reference

log = logging.getLogger("mkdocs.plugins.partner_portal")

SOURCES_SUFFIX = ".sources.yml"
MODELINE = "yaml-language-server:"


def dotted(path: KeyPath) -> str:
    return ".".join(map(str, path))


# --- descriptions: the comment lines right above each key of the English file ----------------


def descriptions(source: Source, text: str) -> dict[KeyPath, str]:
    """The description of each string: the comment lines just above its key, at its indentation."""
    lines = text.splitlines()
    found: dict[KeyPath, str] = {}
    for path in flatten(source.data):
        number = source.lines.get(path)
        if not number or number > len(lines):
            continue
        key_line = lines[number - 1]
        indent = len(key_line) - len(key_line.lstrip())
        comment: list[str] = []
        for line in reversed(lines[: number - 1]):
            stripped = line.strip()
            if not stripped.startswith("#") or len(line) - len(line.lstrip()) != indent:
                break
            comment.append(stripped[1:].strip())
        comment = [line for line in reversed(comment) if not line.startswith(MODELINE)]
        if any(comment):
            found[path] = " ".join(line for line in comment if line)
    return found


def description_problems(source: Source, text: str) -> list[Problem]:
    """Every English string has a description, and the description names each placeholder."""
    described = descriptions(source, text)
    problems = []
    for path, english in flatten(source.data).items():
        description = described.get(path)
        if description is None:
            problems.append(source.problem(path, "no description for translators: write a comment line right above the key (where the text appears, its length limit, what each {placeholder} holds)"))
            continue
        unexplained = sorted(name for name in placeholders(english) if f"{{{name}}}" not in description)
        if unexplained:
            names = ", ".join(f"{{{name}}}" for name in unexplained)
            problems.append(source.problem(path, f"the description does not say what {names} holds"))
    return problems


# --- length limits: "At most 20 characters." in a description ---------------------------------

# How a description states a limit. locales/en.yml writes "At most N characters." everywhere
# (TRANSLATING.md); the other usual spellings are read too, so that no limit goes unchecked.
_LIMIT = re.compile(
    r"\b(?:at\s+most|up\s+to|no\s+more\s+than|max(?:imum)?\.?)\s+(\d+)\s+char(?:acter)?s\b"
    r"|\b(\d+)\s+char(?:acter)?s\s+(?:at\s+most|max(?:imum)?)\b",
    re.I,
)

# A placeholder's value is not known while a translator writes the text: each counts as this many
# characters, in English and in every translation (a language or vendor name, a short number).
PLACEHOLDER_CHARACTERS = 10
_PLACEHOLDER = "\ue010"  # stands for a placeholder while counting (private use, one character)
_TAG = re.compile(r"<[^>]*>")


def length_limit(description: str) -> int | None:
    """The length limit a description states, in characters ("At most 20 characters." gives 20);
    the smallest if it states several; None if it states none."""
    limits = [int(first or second) for first, second in _LIMIT.findall(description)]
    return min(limits) if limits else None


def graphemes(text: str) -> int:
    """The characters a reader counts: grapheme clusters (ICU), not code points. A Vietnamese
    letter with its tone mark, composed or not, an emoji sequence or a flag each count once; a
    Japanese or Chinese character counts once, like a Latin letter."""
    breaks = icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())
    breaks.setText(text)
    return sum(1 for _ in breaks)


def visible_length(text: str, markdown: bool = False) -> int:
    """The length of a locale text as a reader sees it: runs of spaces and line breaks as one
    space, nothing at either end, a Markdown text (`_md` key) without its markup and link targets,
    and each placeholder counted as PLACEHOLDER_CHARACTERS."""
    if markdown:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        shown = html.unescape(_TAG.sub("", markdown_html(text, dict.fromkeys(names, _PLACEHOLDER))))
    else:
        shown = "".join(literal + (_PLACEHOLDER if name is not None else "") for literal, name, _, _ in string.Formatter().parse(text))
    shown = re.sub(r"[ \t\r\n]+", " ", shown).strip(" ")
    return graphemes(shown) + shown.count(_PLACEHOLDER) * (PLACEHOLDER_CHARACTERS - 1)


def _over_limit(source: Source, path: KeyPath, text: str, limit: int | None, english_line: int) -> dict[str, Any] | None:
    if limit is None:
        return None
    length = visible_length(text, markdown=str(path[-1]).endswith("_md"))
    if length <= limit:
        return None
    return {"key": dotted(path), "line": source.line_of(path), "length": length, "limit": limit, "text": text, "english_line": english_line}


def _over_limit_problem(source: Source, path: KeyPath, item: dict[str, Any], default: str) -> Problem:
    description = "its description" if source.name == f"locales/{default}.yml" else f"its description (locales/{default}.yml:{item['english_line']})"
    return source.problem(path, f'too long: {item["length"]} characters where {description} allows at most {item["limit"]} ("{one_line(item["text"])[:60]}")')


# --- records: the English text each translation was made from --------------------------------


def sources_path(root: Path, locale: str) -> Path:
    return root / "locales" / f"{locale}{SOURCES_SUFFIX}"


def read_records(root: Path, locale: str) -> tuple[dict[str, str], Source | None, list[Problem]]:
    path = sources_path(root, locale)
    if not path.exists():
        return {}, None, []
    # Machine-written and long: read it with libyaml when it is well-formed; the line-tracking
    # reader below (pure Python, slower) only runs to point at a problem.
    try:
        quick = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if isinstance(quick, dict) and all(isinstance(key, str) and isinstance(text, str) for key, text in quick.items()):
            return quick, None, []
    except (yaml.YAMLError, UnicodeDecodeError):
        pass
    try:
        source = load_source(path, f"locales/{locale}{SOURCES_SUFFIX}")
    except SourceError as error:
        return {}, None, [error.problem]
    problems = schema_problems(source, "locale-sources")
    return ({} if problems else dict(source.data)), source, problems


def write_records(root: Path, locale: str, records: dict[str, str], english_order: list[str]) -> Path:
    """Write the records in the order of the English file, one `key: "text"` line each."""
    order = {key: index for index, key in enumerate(english_order)}
    lines = [
        f"# yaml-language-server: $schema={schema_reference(sources_path(root, locale), 'locale-sources')}",
        f"# Written by `./portal i18n review {locale} ...`: for each string of locales/{locale}.yml, the",
        "# English text it was translated from, or last checked against. The build compares it with",
        "# locales/en.yml to list outdated translations. Do not edit by hand.",
    ]
    for key in sorted(records, key=lambda key: order.get(key, len(order))):
        lines.append(f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(records[key], ensure_ascii=False)}")
    path = sources_path(root, locale)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- the status of every locale ---------------------------------------------------------------


@dataclass
class LocaleStatus:
    locale: str
    file: str
    total: int
    translated: int = 0
    missing: list[dict[str, Any]] = field(default_factory=list)
    outdated: list[dict[str, Any]] = field(default_factory=list)
    unused: list[dict[str, Any]] = field(default_factory=list)
    placeholder_mismatches: list[dict[str, Any]] = field(default_factory=list)
    pages_total: int = 0
    pages_missing: list[dict[str, str]] = field(default_factory=list)
    undescribed: list[dict[str, Any]] = field(default_factory=list)  # the source language only
    over_limit: list[dict[str, Any]] = field(default_factory=list)  # longer than their description allows
    source: bool = False

    @property
    def left_out(self) -> list[dict[str, Any]]:
        """The unused keys of sections the portal leaves out."""
        return [item for item in self.unused if item.get("reason")]

    @property
    def percent(self) -> int:
        return int(100 * self.translated / self.total) if self.total else 100

    @property
    def pages_translated(self) -> int:
        return self.pages_total - len(self.pages_missing)

    def summary(self) -> str:
        if self.source:
            described = self.total - len(self.undescribed)
            return (
                f"Translation status {self.locale} (source): {self.total} strings, {described} with a description for translators, "
                f"{len(self.undescribed)} without, {len(self.over_limit)} over the limit"
            ) + (f", {len(self.unused)} unused" if self.unused else "")
        return (
            f"Translation status {self.locale}: {self.translated}/{self.total} strings translated ({self.percent}%), "
            f"{len(self.missing)} missing, {len(self.outdated)} outdated, {len(self.unused)} unused, "
            f"{len(self.placeholder_mismatches)} placeholder mismatches, {len(self.over_limit)} over the limit; "
            f"{self.pages_translated}/{self.pages_total} pages"
        )

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"locale": self.locale, "file": self.file, "source": self.source, "strings": self.total}
        if self.source:
            data["undescribed"] = self.undescribed
            data["over_limit"] = self.over_limit
            if self.unused:  # keys of sections the portal leaves out
                data["unused"] = self.unused
            return data
        data.update(
            translated=self.translated,
            percent=self.percent,
            counts={
                "translated": self.translated,
                "missing": len(self.missing),
                "outdated": len(self.outdated),
                "unused": len(self.unused),
                "placeholder_mismatches": len(self.placeholder_mismatches),
                "over_limit": len(self.over_limit),
            },
            missing=self.missing,
            outdated=self.outdated,
            unused=self.unused,
            placeholder_mismatches=self.placeholder_mismatches,
            over_limit=self.over_limit,
            pages={"total": self.pages_total, "translated": self.pages_translated, "missing": self.pages_missing},
        )
        return data


@dataclass
class TranslationStatus:
    default: str
    locales: dict[str, LocaleStatus]
    strict_problems: list[Problem]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "source_locale": self.default,
            "locales": {locale: status.as_json() for locale, status in self.locales.items()},
        }

    def translations(self) -> list[LocaleStatus]:
        return [status for status in self.locales.values() if not status.source]


def one_line(text: str) -> str:
    """A text on one line, for a message or a log line that quotes it."""
    return " ".join(text.split())


def _left_out(source: Source, path: KeyPath, reason: str) -> dict[str, Any]:
    """An unused key of a section the portal leaves out (`reason`): listed, not an error."""
    return {"key": dotted(path), "line": source.line_of(path), "suggestion": None, "reason": reason}


def compute_status(root: Path, catalogs: dict[str, Source], default: str, scope: LocaleScope | None = None) -> tuple[TranslationStatus, list[Problem]]:
    """The status of every locale, the problems that only --strict turns into errors, and the
    problems that stop any build (an unreadable records file). `scope`: the keys the portal's
    sections use (all of them if None)."""
    scope = scope or LocaleScope()
    english_source = catalogs[default]
    flat_english = flatten(english_source.data)
    english = {dotted(path): text for path, text in flat_english.items()}  # every key, to tell unused keys
    english_paths = {dotted(path): path for path in flat_english if scope.asked(dotted(path))}  # the keys asked
    text = (root / "locales" / f"{default}.yml").read_text(encoding="utf-8")
    described = descriptions(english_source, text)
    limited = {dotted(path): limit for path, description in described.items() if (limit := length_limit(description)) is not None}

    strict: list[Problem] = []
    errors: list[Problem] = []
    statuses: dict[str, LocaleStatus] = {}

    undescribed_problems = [problem for problem in description_problems(english_source, text) if dotted(problem.path) in english_paths]
    strict.extend(undescribed_problems)
    statuses[default] = LocaleStatus(
        default,
        english_source.name,
        len(english_paths),
        translated=len(english_paths),
        source=True,
        undescribed=[{"key": dotted(problem.path), "line": problem.line, "problem": problem.message} for problem in undescribed_problems],
    )
    for path in flat_english:  # keys of sections left out: reported, no error
        reason = scope.left_out(dotted(path))
        if reason:
            statuses[default].unused.append(_left_out(english_source, path, reason))
    for key, path in english_paths.items():  # English over its own limit is an error too
        item = _over_limit(english_source, path, english[key], limited.get(key), english_source.line_of(path))
        if item:
            statuses[default].over_limit.append(item)
            strict.append(_over_limit_problem(english_source, path, item, default))

    docs = root / "docs"
    pages = sorted(path.relative_to(docs / default).as_posix() for path in (docs / default).rglob("*.md")) if (docs / default).is_dir() else []

    for locale, source in catalogs.items():
        if locale == default:
            continue
        messages = {dotted(path): text for path, text in flatten(source.data).items()}
        paths = {dotted(path): path for path in flatten(source.data)}
        records, records_source, problems = read_records(root, locale)
        errors.extend(problems)
        status = LocaleStatus(locale, source.name, len(english_paths), pages_total=len(pages))
        for key, path in english_paths.items():
            source_text = english[key]
            line = english_source.line_of(path)
            if key not in messages:
                status.missing.append({"key": key, "english": source_text, "line": source.line_of(english_paths[key]), "description": described.get(english_paths[key], "")})
                strict.append(source.problem(english_paths[key], f'missing translation (English: "{one_line(source_text)[:60]}"); readers see the English text'))
                continue
            status.translated += 1
            previous = records.get(key)
            if previous != source_text:
                status.outdated.append(
                    {
                        "key": key,
                        "english": source_text,
                        "previous_english": previous,
                        "reason": "unreviewed" if previous is None else "english-changed",
                        "translation": messages[key],
                        "line": source.line_of(paths[key]),
                        "english_line": line,
                    }
                )
            if placeholders(messages[key]) != placeholders(source_text):  # an error before this point
                status.placeholder_mismatches.append({"key": key, "line": source.line_of(paths[key])})
            item = _over_limit(source, paths[key], messages[key], limited.get(key), line)
            if item:
                status.over_limit.append(item)
                strict.append(_over_limit_problem(source, paths[key], item, default))
        for key in messages:
            reason = scope.left_out(key)
            if reason:
                status.unused.append(_left_out(source, paths[key], reason))
            elif key not in english:
                hint = difflib.get_close_matches(key, list(english_paths), n=1)
                status.unused.append({"key": key, "line": source.line_of(paths[key]), "suggestion": hint[0] if hint else None})
                message = f"unused key: not in locales/{default}.yml" + (f"; did you mean '{hint[0]}'?" if hint else "; delete it")
                strict.append(source.problem(paths[key], message))
        for page in pages:
            if not (docs / locale / page).exists():
                status.pages_missing.append({"page": page, "file": f"docs/{locale}/{page}", "english": f"docs/{default}/{page}"})
                strict.append(Problem(f"docs/{locale}/{page}", 1, (), f"missing translation of docs/{default}/{page}; readers get the English page"))
        statuses[locale] = status
    return TranslationStatus(default, statuses, strict), errors


class TranslationIncomplete(PortalDataError):
    """`mkdocs build --strict`: a missing or unused string, a missing page, an undescribed English
    string or a string over its length limit stops the build, each named with its file, line and key."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        count = len(self.problems)
        heading = f"{count} translation problem{'s' if count != 1 else ''} (--strict allows no fallback to English); nothing was built"
        self.args = (heading + ":\n" + "\n".join(f"  {problem}" for problem in self.problems),)
        self.message = self.args[0]

    def __str__(self) -> str:
        return self.args[0]


def report(status: TranslationStatus, site_dir: str) -> None:
    """The end of a build: one line per language in the log, and site/i18n-status.json."""
    for entry in status.locales.values():
        (log.warning if (entry.source and entry.undescribed) or entry.over_limit else log.info)(entry.summary())
        for item in entry.left_out:  # no warning: --strict would fail on it, and it is no error
            log.info(f"{entry.file}:{item['line']}: {item['key']}: unused key: {item['reason']}; delete it")
    path = Path(site_dir) / "i18n-status.json"
    path.write_text(json.dumps(status.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

