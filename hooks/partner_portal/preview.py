"""The translators' preview: `./portal serve --lang fr` builds one language and the default one.

The ./portal script checks the code (`python -m partner_portal.preview CODE`: one line and exit
code 2 for a language mkdocs.yml does not have) and sets PORTAL_PREVIEW=CODE for `mkdocs serve`.
The languages to build are those of mkdocs.yml's i18n plugin: select_languages() sets
mkdocs-static-i18n's own `build: true|false` of each at the start of every build, so that
everything reading them (static-i18n's language switcher, search indexes, sitemap alternates;
our data loading, translation status, language roots, 404 pages) sees the same two languages.
The default language is always built: static-i18n builds it first and at the site's root, a
French page missing in docs/fr/ is built from English, and the switcher offers English and French
only, so that no link of the preview leads to a language it did not build.

Serving it quickly (benchmarks/README.md, section 4): the file watcher polls every 0.1 s instead
of MkDocs' 0.5 s and starts the rebuild 0.02 s after a change instead of 0.1 s (quicken);
load.py parses and checks again only the files that changed, and renders the blocks of a
language again only when its files changed. Every `mkdocs serve`, the full one too, lists the
theme's files once, keeps the compiled templates of every Jinja environment of the theme, and
keeps the search entries of a page whose content did not change (serve_faster), instead of doing
it all again in every language and rebuild.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import sysconfig
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

from .templates import COMPILED

log = logging.getLogger("mkdocs.plugins.partner_portal")

VARIABLE = "PORTAL_PREVIEW"
POLL_SECONDS = 0.1  # MkDocs polls the watched folders every 0.5 s
SETTLE_SECONDS = 0.02  # MkDocs waits 0.1 s for more changes before it rebuilds; a poll brings them all


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its !!python/name tags."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


_told: list[str] = []  # the languages of the preview are logged once, not at every rebuild


def requested() -> str | None:
    """The language of the preview, or None for a full build."""
    return os.environ.get(VARIABLE) or None


def unknown_language(wanted: str, locales: list[str], default: str) -> str:
    listed = ", ".join(f"{locale} (default)" if locale == default else locale for locale in locales)
    return f"unknown language '{wanted}' for the preview: mkdocs.yml has {listed}"


def select_languages(config: Any) -> bool:
    """Build only the preview's language and the default one; True if this is a preview. Run first
    in every language build's on_config: mkdocs serve reads mkdocs.yml again for each rebuild."""
    wanted = requested()
    i18n = config.plugins.get("i18n")
    if wanted is None or i18n is None:
        return False
    languages = [language for language in i18n.config.languages if language.locale != "null"]  # "null": a switcher link
    codes = [language.locale for language in languages]
    if wanted not in codes:
        raise PluginError(unknown_language(wanted, codes, next(language.locale for language in languages if language.default)))
    built = {language.locale for language in languages if language.default or language.locale == wanted}
    if {language.locale for language in languages if language.build} == built:
        return True  # the later language builds of the same build
    for language in languages:
        language.build = language.locale in built
    if not _told:
        left_out = [code for code in codes if code not in built]
        log.info(f"Preview: building {', '.join(code for code in codes if code in built)} only"
                 + (f"; {', '.join(left_out)} left out (./portal serve builds every language)" if left_out else ""))
        _told.append(wanted)
    # static-i18n made its language switcher from the flags of mkdocs.yml in its on_config, which
    # runs before ours: made again, it lists the preview's languages only.
    config.extra.pop("alternate", None)
    i18n.extra_alternate = {}
    i18n.reconfigure_material_theme(config, i18n.current_language)
    return True


def quicken(server: Any) -> None:
    """Poll the watched folders every POLL_SECONDS: MkDocs' watcher (watchdog's polling observer)
    sees a save up to 0.5 s late, half the preview's budget. Watches added later poll as often.
    Polling five times as often costs the idle server about 2 % of a core instead of 0.5 %."""
    server.build_delay = SETTLE_SECONDS
    observer = server.observer
    observer._timeout = POLL_SECONDS
    for emitter in observer.emitters:
        emitter._timeout = POLL_SECONDS


# --- what every rebuild of mkdocs serve would do again -------------------------------------------


def serve_faster() -> None:
    """For `mkdocs serve` (called from on_startup): the theme's files listed once, the search
    entries of unchanged pages kept, and every Jinja environment of the theme keeping compiled
    templates (Material's search plugin makes one in each rebuild to read its settings, and
    compiled partials/language.html anew: 20 ms)."""
    reuse_theme_files()
    reuse_search_entries()
    original = Theme.get_env
    if getattr(original, "portal_compiled", False):
        return

    def get_env(self: Theme) -> Any:
        env = original(self)
        env.bytecode_cache = COMPILED
        return env

    get_env.portal_compiled = True  # type: ignore[attr-defined]
    Theme.get_env = get_env  # type: ignore[method-assign]


_INSTALLED = {Path(sysconfig.get_paths()[kind]).resolve() for kind in ("purelib", "platlib")}
_theme_files: dict[tuple, list[tuple[str, str]]] = {}


def _installed(folder: str) -> bool:
    path = Path(folder).resolve()
    return any(path.is_relative_to(installed) for installed in _INSTALLED)


def reuse_theme_files() -> None:
    """MkDocs lists every file of the theme's folders in each language's build, to copy the static
    ones: Material's folder holds 14,000 icons, about 45 ms a language on the project's machine.
    The list of an installed package's folder cannot change while the server runs; the folders
    of the project (overrides/) are listed anew each time, so a file added there is copied."""
    original = Files.add_files_from_theme
    if getattr(original, "portal_reused", False):
        return

    def add_files_from_theme(self: Files, env: Any, config: Any) -> None:
        dirs = tuple(dict.fromkeys(config.theme.dirs))  # static-i18n adds its folder again in each language
        project = tuple(sorted(str(path.relative_to(folder)) for folder in dirs if not _installed(folder) for path in Path(folder).rglob("*")))
        key = (dirs, tuple(sorted(config.theme.static_templates)), project)
        found = _theme_files.get(key)
        if found is None:
            listed = Files([])
            original(listed, env, config)
            found = _theme_files[key] = [(file.src_uri, file.src_dir) for file in listed]
        for path, folder in found:
            if self.get_file_from_path(path) is None:  # a file of docs/ wins over the theme's, as in MkDocs
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    add_files_from_theme.portal_reused = True  # type: ignore[attr-defined]
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]


# --- search entries of the pages whose content did not change ----------------------------------

# page URL → (what the entries were made from, the entries)
_search_entries: dict[str, tuple[tuple, list[dict[str, Any]]]] = {}


def reuse_search_entries() -> None:
    """Material's search plugin parses the HTML of every page into its entries, the largest part
    of a page's cost (3 ms); an edit changes the content of a page or two, so the others' entries
    are taken from the rebuild before. They depend on the page's content, title and metadata."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:  # another theme: nothing to reuse
        return
    original = SearchIndex.add_entry_from_context
    if getattr(original, "portal_reused", False):
        return

    def add_entry_from_context(self: Any, page: Any) -> None:
        made_from = (page.content, page.title, repr(page.meta))
        known = _search_entries.get(page.url)
        if known is not None and known[0] == made_from:
            self.entries.extend(dict(entry) for entry in known[1])
            return
        start = len(self.entries)
        original(self, page)
        _search_entries[page.url] = (made_from, [dict(entry) for entry in self.entries[start:]])

    add_entry_from_context.portal_reused = True  # type: ignore[attr-defined]
    SearchIndex.add_entry_from_context = add_entry_from_context  # type: ignore[method-assign]


# --- the script's check of a language code ------------------------------------------------------


def configured(root: Path) -> tuple[list[str], str]:
    """The languages of mkdocs.yml's i18n plugin, built or not, and the default one."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = [language for language in plugin["i18n"]["languages"] if language["locale"] != "null"]
            return [language["locale"] for language in languages], next(language["locale"] for language in languages if language.get("default"))
    raise SystemExit("mkdocs.yml has no i18n plugin with languages")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./portal serve --lang", description="Check the language of a preview.")
    parser.add_argument("locale")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    locales, default = configured(args.root)
    if args.locale not in locales:
        print(f"./portal serve --lang: {unknown_language(args.locale, locales, default)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
