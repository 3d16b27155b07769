"""Load and validate everything once per build, whatever the number of languages.

mkdocs-static-i18n runs the whole build once per language and `mkdocs serve` rebuilds on every
edit without reloading this module, so the result is cached on the files' fingerprints: the
three language builds share one parse, and an edit to data/ or locales/ invalidates it. After an
edit, the files that did not change are not parsed or checked against their schema again (their
Source, with its schema findings, is kept by path, modification time and size): the translators'
preview (preview.py) rebuilds after every save.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Iterable, Protocol

from . import blocks  # noqa: F401  (registers the blocks)
from .errors import PortalDataError, Problem
from .localize import Localizer, MissingText, forget
from .model import Portal
from .links import block_pages, link_problems
from .render import TEMPLATE_DIR, PageLinks, UnplacedBlock, block_names_in, render_block
from .sections import BLOCK_SECTIONS, DATA_FILES, file_is_optional, presence, schema
from .source import Source, SourceError, load_source
from .translations import SOURCES_SUFFIX, compute_status
from .validate import language_problems, locale_schema_problems, placeholder_problems, reference_problems, schema_problems, section_problems

log = logging.getLogger("mkdocs.plugins.partner_portal")

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(root: Path, locales: tuple[str, ...]) -> Fingerprint:
    paths = [root / "data" / f"{name}.yml" for name in DATA_FILES]
    paths += [root / "locales" / f"{locale}.yml" for locale in locales]
    paths += [root / "locales" / f"{locale}{SOURCES_SUFFIX}" for locale in locales]
    paths += sorted((root / "docs").rglob("*.md"))
    paths += sorted(TEMPLATE_DIR.rglob("*.html"))  # the generator's, wherever the portal's mkdocs.yml is
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)


# The stages of the validation, in order: the build stops at the first that finds a problem.
READ, SCHEMAS, RULES, RECORDS, RENDERING = range(5)


@dataclass
class Stage:
    """What one of the stages that check each language's texts found: the problems of what every
    language shares (data files, pages), and what each language checked here found."""

    shared: list[Problem]
    schemas: dict[str, list[Problem]] = field(default_factory=dict)  # SCHEMAS: each locale file against its schema
    placeholders: dict[str, list[Problem]] = field(default_factory=dict)  # SCHEMAS: its texts against English
    renderings: dict[str, list[tuple[str, str, Any]]] = field(default_factory=dict)  # RENDERING: see _rendering


class Peers(Protocol):
    """The other processes of a parallel build, each checking its own languages' texts (parallel.py)."""

    def exchange(self, index: int, stage: Stage, stopping: bool) -> list[Stage]:
        """Hand this process's findings of stage `index` over; the others' (in the main process)."""

    def proceed(self) -> None:
        """Once the main process found no problem in SCHEMAS: the others go on (or, in one of them, wait for that)."""


@dataclass
class Validation:
    problems: list[Problem]
    portal: Portal | None = None


def load_portal(root: Path, locales: tuple[str, ...], default: str, check: Collection[str] | None = None, peers: Peers | None = None) -> Portal:
    """The portal, validated. `check`: the languages whose texts this process checks (all if None),
    `peers`: the processes checking the others (parallel.py): the problems are those one process
    checking every language finds."""
    validation = _load(root, locales, default, fingerprint(root, locales), None if check is None else tuple(check), peers)
    if validation.problems:
        raise PortalDataError(validation.problems)
    assert validation.portal is not None
    return validation.portal


def _stage_problems(index: int, stages: list[Stage], portal: Portal | None) -> list[Problem]:
    """The problems of stage `index`, from what each process found in it."""
    shared = stages[0].shared
    if index == SCHEMAS:  # the texts against English once every locale file passed its schema
        schemas = [problem for stage in stages for problems in stage.schemas.values() for problem in problems]
        return shared + (schemas or [problem for stage in stages for problems in stage.placeholders.values() for problem in problems])
    renderings = {locale: events for stage in stages for locale, events in stage.renderings.items()}
    return shared + _rendering_problems(portal, renderings, misplaced=bool(shared))


# The last parse of each file: path → ((modification time, size), its Source).
_parsed: dict[str, tuple[tuple[int, int], Source]] = {}


@lru_cache(maxsize=4)
def _load(root: Path, locales: tuple[str, ...], default: str, _stamp: Fingerprint, check: tuple[str, ...] | None = None,
          peers: Peers | None = None) -> Validation:
    log.debug("Loading and validating data/ and locales/")
    checked = set(locales if check is None else check)

    def everyone(index: int, stage: Stage, portal: Portal | None = None) -> list[Problem]:
        """The stage's problems, every process's findings together (what this one sees, in a worker)."""
        own = _stage_problems(index, [stage], portal)
        others = peers.exchange(index, stage, stopping=bool(own)) if peers is not None else []
        return _stage_problems(index, [stage, *others], portal) if others else own

    problems = language_problems(root / "mkdocs.yml", (*locales, default))
    stamps = {path: (modified, size) for path, modified, size in _stamp}

    def read(path: Path, name: str) -> Source | None:
        if not path.exists():
            problems.append(Problem(name, 1, (), "file is missing"))
            return None
        stamp = stamps.get(str(path))
        parsed = _parsed.get(str(path))
        if stamp is not None and parsed is not None and parsed[0] == stamp and parsed[1].name == name:
            return parsed[1]
        try:
            source = load_source(path, name)
        except SourceError as error:
            problems.append(error.problem)
            return None
        if stamp is not None:
            _parsed[str(path)] = (stamp, source)
        return source

    # The file of an optional section may be absent: the portal leaves the section out.
    files = [name for name in DATA_FILES if not file_is_optional(name) or (root / "data" / f"{name}.yml").exists()]
    sources = {name: read(root / "data" / f"{name}.yml", f"data/{name}.yml") for name in files}
    catalogs = {locale: read(root / "locales" / f"{locale}.yml", f"locales/{locale}.yml") for locale in locales}
    if problems:
        return Validation(problems)

    # Each language's texts are checked where it is built, against English (checked everywhere).
    data_problems = [problem for name, source in sources.items() for problem in schema_problems(source, schema(name))]
    stage = Stage(data_problems, schemas={locale: locale_schema_problems({locale: source}) for locale, source in catalogs.items()
                                          if locale in checked or locale == default})
    if not any(stage.schemas.values()):
        stage.placeholders = {locale: placeholder_problems(catalogs, default, only={locale}) for locale in catalogs if locale in checked}
    problems = everyone(SCHEMAS, stage)
    if problems:
        return Validation(problems)
    if peers is not None:
        peers.proceed()  # every locale file is well formed: what follows reads them all
    present = presence({name: source.data for name, source in sources.items()})
    problems = section_problems(sources, present) + reference_problems(sources, present)
    if problems:
        return Validation(problems)

    portal = Portal(sources, catalogs, default)
    status, problems = compute_status(root, catalogs, default, portal.locale_scope)  # problems: unreadable review records
    if problems:
        return Validation(problems)
    object.__setattr__(portal, "translation", status)
    object.__setattr__(portal, "block_pages", block_pages(root, locales, default))  # where links between blocks go
    return Validation(everyone(RENDERING, _rendering(portal, root, checked, _stamp), portal), portal)


# The languages whose blocks' HTML is kept from the rendering below for their pages, the first
# of a process's build: about 0.4 MB each (the sample's); those after them render their blocks again.
PRERENDERED_LANGUAGES = 8
STAND_IN = "missing"  # under a tool's missing messages: any key makes the prefix exist


def _rendering(portal: Portal, root: Path, checked: Collection[str], stamp: Fingerprint = ()) -> Stage:
    """Render every block of the portal's sections in every language checked here once, so a text
    the data needs but a locale file lacks, or a page asking for a block that does not exist or
    that the portal leaves out, stops the build before it writes. Each language's events:
    ("unplaced", block, the block it links to), then ("missing", key, its problem)."""
    problems: list[Problem] = []
    for page in sorted((root / "docs").rglob("*.md")):
        for line, name in block_names_in(page.read_text(encoding="utf-8")):
            where = page.relative_to(root).as_posix()
            if name not in BLOCK_SECTIONS:
                known = ", ".join(sorted(BLOCK_SECTIONS))
                problems.append(Problem(where, line, ("::: portal",), f"unknown block '{name}'; known blocks: {known}"))
            elif absence := portal.sections.why_not(name):
                problems.append(Problem(where, line, (f"::: portal {name}",), str(absence)))
    renderings: dict[str, list[tuple[str, str, Any]]] = {}
    english = portal.locales[portal.default_locale]
    kept = 0
    for locale in portal.locales:  # in the order of the build
        if locale not in checked:
            continue
        inputs = _language_inputs(root, locale, portal.default_locale, stamp)
        known = _rendered.get(locale)
        if known is not None and stamp and known[0] == inputs:
            unplaced, missing = known[1]
        else:
            unplaced, missing, pages = _render_language(portal, locale, portal.sections.blocks)
            _rendered[locale] = (inputs, (unplaced, missing))
            if kept < PRERENDERED_LANGUAGES:
                portal.rendered.update(pages)
                kept += 1
            forget(locale, keep=portal.default_locale)  # its CLDR data is read again when its pages are built
        renderings[locale] = [("unplaced", name, target) for name, target in unplaced] + [
            ("missing", key, english.problem(tuple(key.split(".")), f"missing text needed by the data (block '{name}')")) for key, name in missing
        ]
    return Stage(problems, renderings=renderings)


def _rendering_problems(portal: Portal | None, renderings: dict[str, list[tuple[str, str, Any]]], misplaced: bool) -> list[Problem]:
    """The problems of every language's rendering, in the languages' order: a text several blocks
    need (a name the API publishes) is reported once; links to blocks are judged once no page
    places a block wrongly."""
    assert portal is not None
    problems: list[Problem] = []
    unfollowed: list[tuple[str, str, str]] = []  # (locale, block, the block it links to)
    missing_keys: set[str] = set()
    for locale in portal.locales:
        for kind, name, detail in renderings.get(locale, []):
            if kind == "unplaced":
                unfollowed.append((locale, name, detail))
            elif name not in missing_keys:
                missing_keys.add(name)
                problems.append(detail)
    return problems + ([] if misplaced else link_problems(portal.block_pages, unfollowed, BLOCK_SECTIONS))


# What rendering each language's blocks found, by language: (the files it depends on, (links to
# blocks no page places, texts missing)). mkdocs serve renders a language's blocks again only when
# one of its files changed: an edit to French leaves the English check as it was.
_rendered: dict[str, tuple[Fingerprint, tuple[list[tuple[str, str]], list[tuple[str, str]]]]] = {}


def _language_inputs(root: Path, locale: str, default: str, stamp: Fingerprint) -> Fingerprint:
    """The entries of the fingerprint that the blocks of `locale` depend on: data/, the block
    templates, the language's and the default language's locale files and docs/ folders."""
    own = {str(root / "locales" / f"{code}.yml") for code in (locale, default)}
    folders = (str(root / "locales") + "/", str(root / "docs") + "/")
    pages = tuple(str(root / "docs" / code) + "/" for code in (locale, default))
    return tuple(entry for entry in stamp if entry[0] in own or entry[0].startswith(pages) or not entry[0].startswith(folders))


def _render_language(portal: Portal, locale: str, blocks: Iterable[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[tuple[str, str, str], Any]]:
    """Render every block in `locale`: (block, the block it links to that no page places), and
    (missing key, the block that needs it), in the order met; and, when nothing is missing, the
    HTML of each block on the first page placing it, which that page's build takes instead of
    rendering the block again."""
    root = "" if locale == portal.default_locale else f"{locale}/"
    urls = portal.block_pages.urls(locale)
    unfollowed: list[tuple[str, str]] = []
    missing: list[tuple[str, str]] = []
    pages: dict[tuple[str, str, str], Any] = {}
    # Missing translations fall back to English; what English lacks too is an error. A block is
    # rendered again with a stand-in for each text it lacks, so one build names them all.
    stand_ins: dict[str, str] = {}
    for name in blocks:
        page = root + urls[name] if name in urls else ""
        links = PageLinks(page, root, urls, portal.sections.left_out_blocks)  # as the page's build makes them
        while True:
            localizer = Localizer(locale, portal.messages[locale], {**portal.messages[portal.default_locale], **stand_ins})
            try:
                html = render_block(name, portal, localizer, links)
                if name in urls and not stand_ins:
                    pages[(locale, name, page)] = html
            except UnplacedBlock as unplaced:
                unfollowed.append((name, unplaced.name))
            except MissingText as text:
                if text.key in stand_ins:  # a stand-in did not help: a bug, not a missing text
                    raise
                # The key of a sentence, or the prefix of a tool's messages (publish.raw_messages).
                stand_ins.update({text.key: "", f"{text.key}.{STAND_IN}": ""})
                missing.append((text.key, name))
                continue
            break
    return unfollowed, missing, pages
