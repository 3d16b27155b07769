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
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from . import blocks  # noqa: F401  (registers the blocks)
from .errors import PortalDataError, Problem
from .localize import Localizer, MissingText
from .model import Portal
from .links import block_pages, link_problems
from .render import TEMPLATE_DIR, PageLinks, UnplacedBlock, block_names_in, render_block
from .sections import BLOCK_SECTIONS, DATA_FILES, file_is_optional, presence, schema
from .source import Source, SourceError, load_source
from .translations import SOURCES_SUFFIX, compute_status
from .validate import language_problems, locale_problems, reference_problems, schema_problems, section_problems

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


def load_portal(root: Path, locales: tuple[str, ...], default: str) -> Portal:
    return _load(root, locales, default, fingerprint(root, locales))


# The last parse of each file: path → ((modification time, size), its Source).
_parsed: dict[str, tuple[tuple[int, int], Source]] = {}


@lru_cache(maxsize=4)
def _load(root: Path, locales: tuple[str, ...], default: str, _stamp: Fingerprint) -> Portal:
    log.debug("Loading and validating data/ and locales/")
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
        raise PortalDataError(problems)

    for name, source in sources.items():
        problems.extend(schema_problems(source, schema(name)))
    problems.extend(locale_problems(catalogs, default))
    if problems:
        raise PortalDataError(problems)
    present = presence({name: source.data for name, source in sources.items()})
    problems.extend(section_problems(sources, present))
    problems.extend(reference_problems(sources, present))
    if problems:
        raise PortalDataError(problems)

    portal = Portal(sources, catalogs, default)
    status, problems = compute_status(root, catalogs, default, portal.locale_scope)  # problems: unreadable review records
    if problems:
        raise PortalDataError(problems)
    object.__setattr__(portal, "translation", status)
    object.__setattr__(portal, "block_pages", block_pages(root, locales, default))  # where links between blocks go
    problems.extend(_rendering_problems(portal, root, _stamp))
    if problems:
        raise PortalDataError(problems)
    return portal


STAND_IN = "missing"  # under a tool's missing messages: any key makes the prefix exist


def _rendering_problems(portal: Portal, root: Path, stamp: Fingerprint = ()) -> list[Problem]:
    """Render every block of the portal's sections in every language once, so a text the data
    needs but a locale file lacks, or a page asking for a block that does not exist or that the
    portal leaves out, stops the build before it writes."""
    problems: list[Problem] = []
    for page in sorted((root / "docs").rglob("*.md")):
        for line, name in block_names_in(page.read_text(encoding="utf-8")):
            where = page.relative_to(root).as_posix()
            if name not in BLOCK_SECTIONS:
                known = ", ".join(sorted(BLOCK_SECTIONS))
                problems.append(Problem(where, line, ("::: portal",), f"unknown block '{name}'; known blocks: {known}"))
            elif absence := portal.sections.why_not(name):
                problems.append(Problem(where, line, (f"::: portal {name}",), str(absence)))
    misplaced = bool(problems)  # a block misnamed in a page: links to it are judged once it is fixed
    unfollowed: list[tuple[str, str, str]] = []  # (locale, block, the block it links to)
    missing_keys: set[str] = set()  # a text several blocks need (a name the API publishes) is reported once
    blocks = portal.sections.blocks
    for locale in portal.locales:
        inputs = _language_inputs(root, locale, portal.default_locale, stamp)
        known = _rendered.get(locale)
        if known is not None and stamp and known[0] == inputs:
            found = known[1]
        else:
            found = _render_language(portal, locale, blocks)
            _rendered[locale] = (inputs, found)
        unfollowed.extend((locale, name, target) for name, target in found[0])
        for key, name in found[1]:
            if key in missing_keys:
                continue
            missing_keys.add(key)
            english = portal.locales[portal.default_locale]
            problems.append(english.problem(tuple(key.split(".")), f"missing text needed by the data (block '{name}')"))
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


def _render_language(portal: Portal, locale: str, blocks: Iterable[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Render every block in `locale`: (block, the block it links to that no page places), and
    (missing key, the block that needs it), in the order met."""
    links = PageLinks("", "", portal.block_pages.urls(locale), portal.sections.left_out_blocks)
    unfollowed: list[tuple[str, str]] = []
    missing: list[tuple[str, str]] = []
    # Missing translations fall back to English; what English lacks too is an error. A block is
    # rendered again with a stand-in for each text it lacks, so one build names them all.
    stand_ins: dict[str, str] = {}
    for name in blocks:
        while True:
            localizer = Localizer(locale, portal.messages[locale], {**portal.messages[portal.default_locale], **stand_ins})
            try:
                render_block(name, portal, localizer, links)
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
    return unfollowed, missing
