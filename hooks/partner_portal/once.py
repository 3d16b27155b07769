"""Work that MkDocs and mkdocs-static-i18n repeat for every language, done once per build.

mkdocs-static-i18n runs the whole MkDocs build once per language, and two steps of each build do
work that does not depend on the language, or that grows with the square of the languages:

- MkDocs lists every file of the theme's folders to find the static files to copy
  (`Files.add_files_from_theme`), walking Material's ~14,500 files (its icons, under `.icons/`)
  for every language. The listing is taken once per build here, without the names starting with
  a dot, which MkDocs' filter always leaves out (its pattern `.*`).
- MkDocs copies every static file of the theme into the site in every language's build, the
  same files to the same places; here only the first build of a process copies them.
- static-i18n turns every file of docs/, every language's, into a File of the language being
  built (`reconfigure_files`), though it can only choose the language's own and the default
  language's: the others serve only to find each page's version in every other language (its
  "alternates", for the language switcher and sitemap.xml). It finds those by turning every
  other language's file into a File for that language, one after the other, until one turns out
  to be in that language (`reconfigure_files_alternates`): for each language built, languages ×
  pages × languages new Files (262,400 at 40 languages, most of such a build's time). Here a
  file's language is read once from its path, the files static-i18n cannot choose are set aside
  before it sees them (`files_static_i18n_can_choose`), and only the file chosen as a page's
  alternate becomes a File: the same files and alternates, languages × pages Files per language.

benchmarks/README.md has the figures; tests/test_parallel.py checks the alternates against
static-i18n's own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

# One listing of the theme's folders per build (the key: the folders, in order, without repeats;
# static-i18n puts its sitemap folder in front again for every language). Cleared when a build
# starts (`new_build`), so `mkdocs serve` sees a file added to overrides/.
_listings: dict[tuple[str, ...], list[str]] = {}
# A file of docs/ → (its language, its path without the language), as static-i18n reads them.
_languages: dict[str, tuple[str, str]] = {}
# The files of docs/ set aside in the build under way: page (without its language) → those files.
_aside: dict[str, list[Any]] = {}
# The theme's static files copied in the build under way: (source, destination).
_copied: set[tuple[str, str]] = set()


def new_build() -> None:
    _listings.clear()
    _languages.clear()
    _copied.clear()


def _language_of(i18n: Any, file: Any, config: MkDocsConfig, create_i18n_file: Callable[..., Any]) -> tuple[str, str]:
    known = _languages.get(file.src_path)
    if known is None:
        made = create_i18n_file(file, i18n.default_language, i18n.default_language, i18n.all_languages, config)
        known = _languages[file.src_path] = (made.locale, made.norm_src_uri)
    return known


def _create_i18n_file(i18n: Any) -> Callable[..., Any]:
    from mkdocs_static_i18n import folder, suffix

    return suffix.create_i18n_file if i18n.config.docs_structure == "suffix" else folder.create_i18n_file


def files_static_i18n_can_choose(files: Files, config: MkDocsConfig, i18n: Any) -> Files:
    """Before static-i18n's on_files: the files of docs/ in the language being built or the default
    language, and every other file; the other languages' files of docs/ go aside, for the alternates."""
    from mkdocs_static_i18n import is_relative_to

    create_i18n_file = _create_i18n_file(i18n)
    wanted = {i18n.current_language, i18n.default_language}
    _aside.clear()
    kept = []
    for file in files:
        if not is_relative_to(file.abs_src_path, config.docs_dir):
            if file.generated_by is None and not file.is_documentation_page():  # the theme's
                _copy_once(file)
        else:
            locale, page = _language_of(i18n, file, config, create_i18n_file)
            if locale not in wanted:  # never chosen; a page, one of the alternates
                if file.is_documentation_page():
                    _aside.setdefault(page, []).append(file)
                continue
        kept.append(file)
    return Files(kept)


def _copy_once(file: Any) -> None:
    """A static file of the theme is copied by the first language's build only (in each process:
    the others of a parallel build copy them too; their copies are not kept)."""
    where = (file.abs_src_path, file.abs_dest_path)
    if where in _copied:
        file.copy_file = lambda dirty=False: None
    else:
        _copied.add(where)


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

    def reconfigure_files_alternates(i18n_src_uris: dict[str, Any], i18n_alternate_src_uris: dict[str, list[Any]],
                                     mkdocs_config: MkDocsConfig, create_i18n_file: Callable[..., Any]) -> None:
        default, languages = i18n.default_language, i18n.all_languages

        def create(file: Any, build_lang: str) -> Any:
            return create_i18n_file(file, build_lang, default, languages, mkdocs_config)

        # The first file of each language among a page's other versions, in static-i18n's order
        # (those of a language static-i18n could not choose were set aside before it saw them).
        by_locale: dict[str, dict[str, Any]] = defaultdict(dict)
        for src_uri, files in (*i18n_alternate_src_uris.items(), *_aside.items()):
            for file in files:
                by_locale[src_uri].setdefault(_language_of(i18n, file, mkdocs_config, create_i18n_file)[0], file)
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
