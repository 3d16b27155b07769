"""Where each block is: the page of each language whose `::: portal <block>` line places it.

Blocks link to blocks (`link.to_block("tier-offerings")` in a template), never to a path, so
renaming or moving a page in docs/ needs no code change. Made once per load (load.py), from the
same docs/ files the build reads: a page missing in a language is, as mkdocs-static-i18n builds
it, the default language's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable

from mkdocs.structure.files import File

from .errors import Problem
from .render import block_names_in

# A page that a language lacks is built from the default language's file with a banner that
# links to the translation status (portal.py, on_page_content).
STATUS_BLOCK = "translation-status"


@dataclass(frozen=True)
class Place:
    file: str  # "docs/fr/index.md", relative to the project root: the file the line is in
    line: int
    url: str  # "offerings/", relative to the language's root; "" for its home page


@dataclass(frozen=True)
class BlockPages:
    places: dict[str, dict[str, tuple[Place, ...]]]  # locale → block → its places, in docs/ order
    fallbacks: dict[str, tuple[str, ...]]  # locale → the default language's files built for it

    def urls(self, locale: str) -> dict[str, str]:
        """Block → the page that places it in `locale` (the first, if several do)."""
        return {name: places[0].url for name, places in self.places.get(locale, {}).items()}

    def url(self, locale: str, name: str) -> str | None:
        places = self.places.get(locale, {}).get(name)
        return places[0].url if places else None


def page_url(src: str) -> str:
    """offerings.md → offerings/, index.md → "", guide/index.md → guide/: MkDocs' own URL."""
    url = File(src, "", "", use_directory_urls=True).url
    return "" if url == "./" else url


def block_pages(root: Path, locales: Iterable[str], default: str) -> BlockPages:
    docs = root / "docs"

    def pages(locale: str) -> dict[str, Path]:
        folder = docs / locale
        return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*.md"))}

    originals = pages(default)
    places: dict[str, dict[str, tuple[Place, ...]]] = {}
    fallbacks: dict[str, tuple[str, ...]] = {}
    for locale in dict.fromkeys((default, *locales)):
        own = pages(locale)
        built = {**originals, **own}
        fallbacks[locale] = tuple(built[src].relative_to(root).as_posix() for src in sorted(built) if src not in own)
        found: dict[str, list[Place]] = {}
        for src in sorted(built):
            path = built[src]
            for line, name in block_names_in(path.read_text(encoding="utf-8")):
                found.setdefault(name, []).append(Place(path.relative_to(root).as_posix(), line, page_url(src)))
        places[locale] = {name: tuple(found_places) for name, found_places in found.items()}
    return BlockPages(places, fallbacks)


def link_problems(pages: BlockPages, unfollowed: Iterable[tuple[str, str, str]], known: Collection[str]) -> list[Problem]:
    """One problem per link that cannot be followed, (locale, linking block, target block), at
    the first page placing the linking block, whatever the number of languages it fails in (a
    block that no page of a language places links nowhere in it)."""
    failing: dict[tuple[str, str], list[str]] = {}
    for locale, name, target in unfollowed:
        if pages.places.get(locale, {}).get(name):
            failing.setdefault((name, target), []).append(locale)
    order = list(pages.places)  # the default language first
    problems = []
    for (name, target), locales in failing.items():
        locales.sort(key=order.index)
        place = pages.places[locales[0]][name][0]
        reason = "which does not exist" if target not in known else f"which no page places in {', '.join(locales)}"
        problems.append(Problem(place.file, place.line, ("::: portal",), f"block '{name}' links to block '{target}', {reason}"))
    banners: dict[str, list[str]] = {}  # the first page built from the default language's → locales
    for locale, files in pages.fallbacks.items():
        if files and not pages.url(locale, STATUS_BLOCK):
            banners.setdefault(files[0], []).append(locale)
    for file, locales in banners.items():
        message = f"built for {', '.join(locales)} from this page, with a banner that links to block '{STATUS_BLOCK}', which no page places there"
        problems.append(Problem(file, 1, (), message))
    return problems
