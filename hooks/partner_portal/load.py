"""Load and validate everything once per build, whatever the number of languages.

mkdocs-static-i18n runs the whole build once per language and `mkdocs serve` rebuilds on every
edit without reloading this module, so the result is cached on the files' fingerprints: the
three language builds share one parse, and an edit to data/ or locales/ invalidates it.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=4)
def _load(root: Path, locales: tuple[str, ...], default: str, _stamp: Fingerprint) -> Portal:
    log.debug("Loading and validating data/ and locales/")
    problems = language_problems(root / "mkdocs.yml", (*locales, default))

    def read(path: Path, name: str) -> Source | None:
        if not path.exists():
            problems.append(Problem(name, 1, (), "file is missing"))
            return None
        try:
            return load_source(path, name)
        except SourceError as error:
            problems.append(error.problem)
            return None

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
    problems.extend(_rendering_problems(portal, root))
    if problems:
        raise PortalDataError(problems)
    return portal


STAND_IN = "missing"  # under a tool's missing messages: any key makes the prefix exist


def _rendering_problems(portal: Portal, root: Path) -> list[Problem]:
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
    english = portal.locales[portal.default_locale]
    for locale in portal.locales:
        # Missing translations fall back to English; what English lacks too is an error. A block
        # is rendered again with a stand-in for each text it lacks, so one build names them all.
        stand_ins: dict[str, str] = {}
        for name in blocks:
            while True:
                localizer = Localizer(locale, portal.messages[locale], {**portal.messages[portal.default_locale], **stand_ins})
                try:
                    render_block(name, portal, localizer, PageLinks("", "", portal.block_pages.urls(locale), portal.sections.left_out_blocks))
                except UnplacedBlock as unplaced:
                    unfollowed.append((locale, name, unplaced.name))
                except MissingText as missing:
                    if missing.key in stand_ins:  # a stand-in did not help: a bug, not a missing text
                        raise
                    # The key of a sentence, or the prefix of a tool's messages (publish.raw_messages).
                    stand_ins.update({missing.key: "", f"{missing.key}.{STAND_IN}": ""})
                    if missing.key not in missing_keys:
                        missing_keys.add(missing.key)
                        problems.append(english.problem(tuple(missing.key.split(".")), f"missing text needed by the data (block '{name}')"))
                    continue
                break
    return problems + ([] if misplaced else link_problems(portal.block_pages, unfollowed, BLOCK_SECTIONS))
