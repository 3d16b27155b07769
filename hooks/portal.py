"""MkDocs hooks of the partner portal: data/ and locales/ rendered into every language's pages.

mkdocs-static-i18n runs the whole build once per language, so each event below runs once per
language; the data is parsed and validated once (partner_portal.load caches it) and every
event reads the language of the current build from `config.theme["language"]`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FunctionLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from partner_portal import fallbacks, once, parallel, preview, search, theme, translations
from partner_portal.conformance import valid_html
from partner_portal.compression import precompress
from partner_portal.hosting import Site, base_path, fingerprinted_files, write_host_configurations
from partner_portal.load import load_portal
from partner_portal.links import STATUS_BLOCK
from partner_portal.localize import Localizer, autonym, forget
from partner_portal.model import Portal
from partner_portal.minify import minify_scripts
from partner_portal.publish import write_api
from partner_portal.render import MARKER, TEMPLATE_DIR, PageLinks, render_block
from partner_portal.security import apply_policy
from partner_portal.templates import COMPILED

log = logging.getLogger("mkdocs.plugins.partner_portal")

PLACEHOLDER = re.compile(r"<!--portal-block:(?P<name>[a-z0-9-]+)-->")
HTML_TAG = re.compile(r"<html\b(?![^>]*\sdir=)")
HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
GENERATOR = Path(__file__).resolve().parents[1]  # a portal's mkdocs.yml may live elsewhere (examples/quillora/)


# `mkdocs serve` reads the pages from a dev server that sends no host's headers or precompressed
# files: those are made only by `mkdocs build`. "outer": the language of the build static-i18n's
# loop runs from (the default's, but for a rebuild of `mkdocs serve`).
_command = {"name": "build", "dirty": False, "outer": ""}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"], _command["dirty"] = command, dirty
    if command == "serve":
        preview.serve_faster()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _languages(config: MkDocsConfig) -> tuple[tuple[str, ...], str]:
    languages = config.plugins["i18n"].config.languages
    built = tuple(language.locale for language in languages if language.build)
    default = next(language.locale for language in languages if language.default)
    return built, default


# The portal of the language build under way. on_config, the first event of every build (each
# language's, each rebuild of `mkdocs serve`), looks at the files again; the events after it
# reuse what it found instead of taking the files' fingerprint a hundred times per language.
_current: dict[int, Portal] = {}


def _portal(config: MkDocsConfig) -> Portal:
    portal = _current.get(id(config))
    if portal is None:
        built, default = _languages(config)
        # `./portal build`: each process checks its own languages' texts (partner_portal/parallel.py)
        portal = load_portal(_root(config), built, default, check=parallel.languages_here(), peers=parallel.peers())
    return portal


# The Localizer of the language build under way, with the portal it reads: (portal, locale, localizer).
_localizer_now: list[tuple[Portal, str, Localizer]] = []


def _localizer(config: MkDocsConfig) -> Localizer:
    locale = config.theme["language"]
    portal = _portal(config)
    if not (_localizer_now and _localizer_now[0][0] is portal and _localizer_now[0][1] == locale):
        _localizer_now[:] = [(portal, locale, Localizer(locale, portal.messages[locale], portal.messages[portal.default_locale]))]  # missing: English, marked
    return _localizer_now[0][2]


def _other_language_roots(config: MkDocsConfig) -> tuple[str, ...]:
    built, default = _languages(config)
    return tuple(f"{locale}/" for locale in built if locale != default)


def _locale_root(config: MkDocsConfig) -> str:
    _, default = _languages(config)
    locale = config.theme["language"]
    return "" if locale == default else f"{locale}/"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has switched the build to its language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _command["name"] == "serve":
        preview.select_languages(config)  # ./portal serve --lang fr: French and the default language only
    _current.clear()
    # `./portal build`: the other languages built in parallel processes, forked before the data is
    # validated, and the templates compiled meanwhile in another (partner_portal/parallel.py)
    parallel.start(config, config.plugins["i18n"], _command["name"], _command["dirty"])
    portal = _current[id(config)] = _portal(config)  # validates everything before a single file is written
    if config.strict and portal.translation.strict_problems:  # --strict: no fallback, no gap
        raise translations.TranslationIncomplete(portal.translation.strict_problems)
    i18n = config.plugins["i18n"]
    if not i18n.building:  # the first build of this command, or of this rebuild of `mkdocs serve`
        _command["outer"] = i18n.current_language
        once.new_build()
    once.list_theme_once(config.theme)  # the theme's files listed once, not once per language
    once.alternates_once(i18n)  # each page's other languages found without static-i18n's square
    # The search indexes and what depends on the whole site wait for the other processes' languages.
    search.install(config, locales=parallel.merge, after=lambda config: parallel.in_worker() or _finish_site(portal, config))
    t = _localizer(config)
    vendor = portal["programme"]["vendor"]
    config.site_name = t.text("site.name", vendor=vendor)
    config.site_description = t.text("site.description", vendor=vendor)
    theme.localize_config(config, t)  # palette toggle names, heading permalinks' title
    for alternate in config.extra.get("alternate", []):
        alternate["name"] = autonym(alternate["lang"])
    # static-i18n points each page's language switcher at that page in every language by setting
    # `config.extra.alternate` as an attribute, which Jinja reads before the item reset above: the
    # 404 page, written before any page, got the previous language's last page (translation-status/
    # in every language). Without it, each 404 page links to each language's home, whichever build
    # or process comes before (partner_portal/parallel.py).
    vars(config.extra).pop("alternate", None)

    # Each language gets its own 404 page; stock static-i18n leaves one, in the last language built.
    error_page = f"{_locale_root(config)}404.html"
    templates = config.theme.static_templates
    templates -= {name for name in templates if name.endswith("404.html")}
    templates.add(error_page)
    return config


@event_priority(-90)  # before mkdocs-static-i18n (-100) makes the language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return once.files_static_i18n_can_choose(files, config, config.plugins["i18n"])


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = COMPILED  # Material's templates compiled once, not once per language and build
    t = _localizer(config)
    env.globals["portal_text"] = t.text
    env.globals["portal_theme_text"] = lambda key: theme.text(t, key)  # overrides/partials/language.html
    env.globals["portal_locale_root"] = _locale_root(config)
    env.globals["portal_vendor"] = _portal(config)["programme"]["vendor"]
    env.globals["portal_feedback_page"] = _portal(config).block_pages.url(t.locale, "feedback-form")  # None: no page, no link
    env.globals["portal_language_roots"] = [base_path(config.site_url or "/") + root for root in _other_language_roots(config)]
    error_page = f"{_locale_root(config)}404.html"
    if error_page != "404.html":
        env.loader = ChoiceLoader([env.loader, FunctionLoader(lambda name: '{% extends "404.html" %}' if name == error_page else None)])
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Blocks go in after Markdown has run, so nothing in the data is ever read as Markdown.
    return MARKER.sub(lambda match: f"\n<!--portal-block:{match.group('name')}-->\n", markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    portal, t = _portal(config), _localizer(config)
    links = PageLinks(page.url, _locale_root(config), portal.block_pages.urls(t.locale), portal.sections.left_out_blocks)

    def render(match: re.Match) -> str:  # the validation rendered most blocks on their page already (load.py)
        name = match.group("name")
        return portal.rendered.pop((t.locale, name, page.url), None) or render_block(name, portal, t, links)

    if fallbacks.is_fallback_page(page, t.locale):  # static-i18n built it from English: say so
        return fallbacks.fallback_page(html, PLACEHOLDER, render, t, portal.default_locale, links.to_block(STATUS_BLOCK))
    return PLACEHOLDER.sub(render, html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Material fetches sitemap.xml next to every <link rel="alternate">, and static-i18n points
    # them at the same page in each language (Material issue #6582): three 404s per page view,
    # and a language switch that lands on a URL without its trailing slash. The page-level
    # hreflang alternates are in sitemap.xml instead, where search engines read them too.
    return _finish(HEAD_ALTERNATE.sub("", output), config)


def _finish(output: str, config: MkDocsConfig) -> str:
    # Fallback strings become <span lang="en">; search reads the language's own index.
    t = _localizer(config)
    output = fallbacks.finish_fallbacks(output, fallbacks.fallback_note(t), t, _portal(config).default_locale)
    # Material writes the direction on <body> only; the whole document, its <head> and the
    # browser's own UI (scroll bars, form controls) follow it only from <html>.
    output = HTML_TAG.sub(f'<html dir="{t.direction}"', output, count=1)
    return valid_html(search.localize_base(output, _locale_root(config)))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _finish(HEAD_ALTERNATE.sub("", output), config) if template_name.endswith("404.html") else output


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # static-i18n writes sitemap.xml in every language's build, each time with the languages built
    # so far; the last build's is the one that stays. The others write it empty, rather than
    # languages × pages × languages rows in all.
    if template_name == "sitemap.xml":
        i18n = config.plugins["i18n"]
        if i18n.current_language != parallel.last_language_here(i18n, _command["outer"]):
            context["i18n_alternates"] = {}
    # MkDocs gives absolute URLs only to a top-level 404.html; a language's 404 is served at any
    # depth under /fr/, so its links must be absolute too.
    if template_name.endswith("/404.html"):
        base_url = base_path(config.site_url or "/")
        context["base_url"] = base_url
        context["extra_css"] = [normalize_url(str(path), None, base_url) for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(path), None, base_url) for path in config.extra_javascript]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # The tools' data as JSON for partners' help desks: api/portal.json, fr/api/portal.json...
    # (README.md, "Data API"). Runs once per language, like every event here.
    site_url = config.site_url + _locale_root(config) if config.site_url else ""
    write_api(_portal(config), _localizer(config), Path(config.site_dir) / _locale_root(config), site_url)
    # static-i18n keeps every language's pages until the end, for sitemap.xml, which reads their
    # URLs and dates only: their Markdown, HTML and tables of contents (about 1 MB a language
    # here) are let go once the language is written.
    # So are Babel's data of the language (partner_portal/localize.py).
    for file in config.plugins["i18n"].i18n_files_per_language.get(config.theme["language"], []):
        if file.page is not None:
            file.page.markdown = file.page.content = None
            file.page.toc = []
    _localizer_now.clear()  # and with it the language's CLDR data
    forget(config.theme["language"], keep=_portal(config).default_locale)


def _finish_site(portal: Portal, config: MkDocsConfig) -> None:
    """Once every language is written: what depends on the whole site."""
    translations.report(portal.translation, config.site_dir)
    site_dir = Path(config.site_dir)
    minify_scripts(site_dir)  # each language's build copied our scripts again: minified once, after the last
    # Hashes of the inline scripts of the final HTML, the pages other processes wrote included; they
    # write the policy into their pages and precompress them meanwhile (partner_portal/parallel.py).
    policy = apply_policy(site_dir, parallel.hashes_elsewhere(), live_reload=_command["name"] == "serve")
    parallel.share(policy)
    if _command["name"] != "serve":
        site = Site(config.site_url or "/", _other_language_roots(config), policy, fingerprinted_files(site_dir))
        write_host_configurations(site_dir, site)
        precompress(site_dir, skip=parallel.precompressed)
    parallel.finish(config)  # their languages moved into the site, their part of sitemap.xml


def on_build_error(error: Exception) -> None:
    parallel.abandon()  # the processes building other languages, and their folders


def on_shutdown() -> None:
    parallel.abandon()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    root = _root(config)
    for folder in (root / "data", root / "locales", GENERATOR / "schemas", TEMPLATE_DIR):
        server.watch(str(folder))
    if preview.requested():
        preview.quicken(server)
    return server
