"""Work that MkDocs and mkdocs-static-i18n repeat for every language, done once per build.

mkdocs-static-i18n runs the whole MkDocs build once per language, and two steps of each build do
work that does not depend on the language, or that grows with the square of the languages:

- MkDocs lists every file of the theme's folders to find the static files to copy
  (`Files.add_files_from_theme`), walking Material's ~14,500 files (its icons, under `.icons/`)
  for every language. The listing is taken once per build here, without the names starting with
  a dot, which MkDocs' filter always leaves out (its pattern `.*`).
- static-i18n finds each page's version in every other language (its "alternates", for the
  language switcher and sitemap.xml) by turning every other language's file into a File for that
  language, one after the other, until one turns out to be in that language
  (`reconfigure_files_alternates`): for each language built, languages × pages × languages new
  Files (262,400 at 40 languages, most of such a build's time). A file's language depends only
  on its path, so it is read once, and only the file that is chosen becomes a File: the same
  alternates, languages × pages Files per language.

benchmarks/README.md has the figures; tests/test_parallel.py checks the alternates against
static-i18n's own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.theme import Theme

# One listing of the theme's folders per build (the key: the folders, in order, without repeats;
# static-i18n puts its sitemap folder in front again for every language). Cleared when a build
# starts (`new_build`), so `mkdocs serve` sees a file added to overrides/.
_listings: dict[tuple[str, ...], list[str]] = {}


def new_build() -> None:
    _listings.clear()


def list_theme_once(theme: Theme) -> None:
    """Make `theme.get_env()` return environments whose loader lists the theme's files once per build."""
    if getattr(theme, "_portal_listing_once", False):
        return
    get_env = theme.get_env

    def get_env_listing_once() -> Any:
        env = get_env()
        loader = env.loader
        key = tuple(dict.fromkeys(loader.searchpath))
        names = _listings.get(key)
        if names is None:
            names = _listings[key] = [name for name in loader.list_templates() if not name.startswith(".")]
        loader.list_templates = lambda: list(names)
        return env

    theme.get_env = get_env_listing_once
    theme._portal_listing_once = True


def alternates_once(i18n: Any) -> None:
    """Replace static-i18n's search for each file's alternates by the same search, linear in the languages."""
    if "reconfigure_files_alternates" in vars(i18n):
        return
    locales: dict[str, str] = {}  # a file's path in docs/ → its language

    def reconfigure_files_alternates(i18n_src_uris: dict[str, Any], i18n_alternate_src_uris: dict[str, list[Any]],
                                     mkdocs_config: MkDocsConfig, create_i18n_file: Callable[..., Any]) -> None:
        default = i18n.default_language

        def create(file: Any, build_lang: str) -> Any:
            return create_i18n_file(file, build_lang, default, i18n.all_languages, mkdocs_config)

        def locale_of(file: Any) -> str:
            locale = locales.get(file.src_path)
            if locale is None:
                locale = locales[file.src_path] = create(file, default).locale
            return locale

        # The first file of each language among a page's other versions, in static-i18n's order.
        by_locale: dict[str, dict[str, Any]] = defaultdict(dict)
        for src_uri, files in i18n_alternate_src_uris.items():
            for file in files:
                by_locale[src_uri].setdefault(locale_of(file), file)
        for build_lang in sorted(i18n.build_languages):
            for src_uri, i18n_file in i18n_src_uris.items():
                if build_lang in i18n_file.alternates:
                    continue
                candidates = by_locale.get(src_uri, {})
                if build_lang in candidates:
                    i18n_file.alternates[build_lang] = create(candidates[build_lang], build_lang)
                elif i18n.config.fallback_to_default is True:
                    if default in candidates:
                        i18n_file.alternates[build_lang] = create(candidates[default], build_lang)
                    elif i18n_file.locale == default:
                        i18n_file.alternates[build_lang] = create(i18n_file, build_lang)

    i18n.reconfigure_files_alternates = reconfigure_files_alternates
