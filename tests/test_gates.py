"""The quality gates of a portal, whichever vendor's it is: every page of every language its
mkdocs.yml builds, built with --strict. `./portal test` holds the sample to them (the suite's
`site` and `served`); `./portal check [--config-file PATH]` holds any portal to them, and runs
this module only (it sets PORTAL_CONFIG, and PORTAL_SITE to the strict build it has just made).

- language and direction: every page states its language and direction on <html> and <body>;
- valid HTML: the Nu Html Checker finds no error on any page;
- links: every internal link and anchor of the output resolves;
- weight: each page, with everything it loads, is at most 120 KB gzipped and asks no other host;
- accessibility: axe-core finds no WCAG 2.1 A or AA violation, in each palette of mkdocs.yml
  (a vendor's primary colour can fail contrast: white on Material's teal is 3.76:1);
- safe to publish: every page loads in Chromium through nginx with the server block the build
  generated, searches, switches palette and language, with no Content-Security-Policy violation,
  no console error and no request to another host.

Nothing here reads a portal's data: expectations come from its mkdocs.yml and its built site.
The tools come from package-lock.json (axe-core, vnu-jar: `npm ci`), Java and nginx from Debian;
a missing one fails the gate rather than skipping it.
"""

from __future__ import annotations

import gzip
import json
import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from babel import Locale
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

from conftest import ROOT, built_locales, keep_local, mkdocs_build, nginx_serving, read_mkdocs_config, search, watched_page

# The portal under check: the sample unless ./portal check names another.
CONFIG_FILE = Path(os.environ.get("PORTAL_CONFIG") or ROOT / "mkdocs.yml").resolve()
# The sample in the generator's suite: the gates share its build and its nginx with the other tests.
SAMPLE = CONFIG_FILE == (ROOT / "mkdocs.yml").resolve() and not os.environ.get("PORTAL_SITE")
CONFIG = read_mkdocs_config(CONFIG_FILE)
LOCALES = built_locales(CONFIG)  # the default first
SITE_URL = CONFIG.get("site_url") or ""

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_BUDGET = 120 * 1024  # every page with everything it loads, gzipped
JS_BUDGET = 10 * 1024  # our own JavaScript a page loads, gzipped: what a reader pays


def palettes(config: dict) -> list[dict]:
    """The colour schemes of mkdocs.yml's theme.palette, each with its place among Material's
    palette toggles (`input`); the automatic entry ("(prefers-color-scheme)", which only follows
    the system) is none of them."""
    palette = config.get("theme", {}).get("palette") or {}
    entries = palette if isinstance(palette, list) else [palette]
    return [{"scheme": "default", "input": index, **entry} for index, entry in enumerate(entries) if entry.get("media") != "(prefers-color-scheme)"]


def palette_id(entry: dict) -> str:
    media = entry.get("media", "")
    return "dark" if "dark" in media else "light" if "light" in media else entry["scheme"]


PALETTES = palettes(CONFIG)


def prefix(locale: str) -> str:
    return "" if locale == LOCALES[0] else f"{locale}/"


def needs(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {what} (`./portal test` and `./portal check` install it with npm ci)")
    return path


def needs_command(name: str, package: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"`{name}` is missing: apt-get install {package} (`./portal test` and `./portal check` do it as root)")
    return found


def html_files(site: Path) -> list[str]:
    """Every page of the output, as paths relative to the site: index pages, 404s, all languages."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def pages_of(site: Path, locale: str) -> list[str]:
    """The HTML files of one language, relative to the site (the default language's are at its root)."""
    others = {other for other in LOCALES if prefix(other)}
    return [page for page in html_files(site) if (page.split("/")[0] == locale if prefix(locale) else page.split("/")[0] not in others)]


# --- the portal under check --------------------------------------------------------------------


@pytest.fixture(scope="session")
def checked_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal's strict build: the one ./portal check made (PORTAL_SITE), the suite's own for
    the sample, or one made here."""
    if SAMPLE:
        return request.getfixturevalue("site").site
    if os.environ.get("PORTAL_SITE"):
        return Path(os.environ["PORTAL_SITE"]).resolve()
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("checked") / "site", "--strict", "--config-file", str(CONFIG_FILE))
    assert build.returncode == 0, build.log
    return build.site


@pytest.fixture(scope="session")
def checked_served(request: pytest.FixtureRequest, checked_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The portal on Debian's nginx with the server block its build generated."""
    if SAMPLE:
        yield request.getfixturevalue("served")
        return
    with nginx_serving(checked_site, tmp_path_factory.mktemp("checked-nginx")) as url:
        yield url


# --- language and direction --------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_states_its_language_and_direction(checked_site: Path, locale: str) -> None:
    direction = "rtl" if Locale.parse(locale).character_order == "right-to-left" else "ltr"
    pages = pages_of(checked_site, locale)
    # Every language has every page of the default language (its 404 page and translation status too).
    assert [page.removeprefix(prefix(locale)) for page in pages] == pages_of(checked_site, LOCALES[0])
    assert len(pages) >= 2
    for page in pages:
        html = (checked_site / page).read_text(encoding="utf-8")
        assert re.search(rf'<html dir="{direction}" lang="{locale}"', html), f"{page}: not <html dir=\"{direction}\" lang=\"{locale}\">"
        assert f'<body dir="{direction}"' in html, f"{page}: not <body dir=\"{direction}\">"


# --- valid HTML --------------------------------------------------------------------------------


def test_every_page_is_valid_html(checked_site: Path) -> None:
    """The Nu Html Checker, once, on every built page: one JVM, JSON out, errors only."""
    java = needs_command("java", "default-jre-headless")
    pages = html_files(checked_site)
    result = subprocess.run(
        [java, "-jar", str(needs(VNU, "the Nu Html Checker")), "--errors-only", "--format", "json", "--stdout", *pages],
        cwd=checked_site, capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{m.get('url', '?').rsplit(str(checked_site), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert errors == [], f"{len(errors)} HTML errors in {len(pages)} pages:\n" + "\n".join(errors[:40])
    assert result.returncode == 0, result.stderr


# --- links and anchors -------------------------------------------------------------------------


def internal_target(site: Path, page: str, href: str, site_url: str = SITE_URL) -> tuple[str, str] | None:
    """(file relative to the site, fragment) that an href of `page` points at; None if external."""
    if site_url and href.startswith(site_url):
        href = "/" + href[len(site_url):]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None  # https:, mailto:, data:...: not ours
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/")) if path != "/" else ""
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if target in ("", ".") or (site / target).is_dir():
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> tuple[int, list[str]]:
    """How many internal links, scripts, styles and images every page has, and those that lead nowhere."""
    ids: dict[str, set[str]] = {}

    def ids_of(path: str) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
            ids[path] = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        return ids[path]

    checked, broken = 0, []
    for page in html_files(site):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        references = [(tag, tag.get("href")) for tag in soup.find_all(["a", "link", "area"], href=True)]
        references += [(tag, tag.get("src")) for tag in soup.find_all(["script", "img", "source", "iframe"], src=True)]
        for tag, href in references:
            target = internal_target(site, page, href)
            if target is None:
                continue
            path, fragment = target
            checked += 1
            if not (site / path).is_file():
                broken.append(f"{page}: {href} -> {path} does not exist")
            elif fragment and path.endswith(".html") and fragment not in ids_of(path):
                broken.append(f"{page}: {href} -> no id '{fragment}' in {path}")
    return checked, broken


def test_every_internal_link_and_anchor_resolves(checked_site: Path) -> None:
    checked, broken = broken_links(checked_site)
    assert broken == [], f"{len(broken)} of {checked} internal links broken:\n" + "\n".join(broken[:40])
    assert checked > 10 * len(html_files(checked_site))  # styles, scripts, navigation: none was skipped


# --- weight ------------------------------------------------------------------------------------


@pytest.mark.browser
def test_every_page_weighs_at_most_120_kb_and_asks_no_other_host(browser, checked_served: str, checked_site: Path) -> None:
    """Each page loaded cold, as a first visit: the page and everything it fetches (styles,
    scripts, our modules, the search worker, its index and language files), each response
    gzipped as a server would send it."""
    weights, ours, foreign = {}, {}, []
    pages = html_files(checked_site)
    for batch in (pages[start:start + 9] for start in range(0, len(pages), 9)):
        loads = []
        for page_path in batch:  # one context each: an empty cache; started together, settled together
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            keep_local(context, foreign)
            bodies: dict[str, int] = {}

            def finished(request, bodies=bodies):
                try:
                    response = request.response()
                    if response and request.url.startswith("http://127.0.0.1") and request.url not in bodies:
                        bodies[request.url] = len(gzip.compress(response.body(), 6))
                except PlaywrightError:  # a request still finishing as its context closes
                    pass

            context.on("requestfinished", finished)
            page = context.new_page()
            page.goto(checked_served + page_path)
            loads.append((page_path, context, page, bodies))
        for page_path, context, page, bodies in loads:
            page.wait_for_load_state("networkidle")
            context.close()
            weights[page_path] = sum(bodies.values())
            ours[page_path] = sum(size for url, size in bodies.items() if "/assets/portal/js/" in url)
            assert any(url.endswith("search_index.json") for url in bodies), f"{page_path}: the search index was not loaded"
    assert foreign == [], f"requests to other hosts: {sorted(set(foreign))}"
    too_heavy = {page: weight for page, weight in weights.items() if weight > PAGE_BUDGET}
    assert too_heavy == {}, f"over {PAGE_BUDGET} bytes gzipped: {too_heavy}"
    assert max(ours.values()) <= JS_BUDGET, ours


# --- accessibility -----------------------------------------------------------------------------


def axe_violations(page) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated by the test driver, not added as a <script>: the site's Content-Security-Policy
        # allows no script of ours, and rightly so.
        page.evaluate(needs(AXE, "axe-core").read_text(encoding="utf-8") + "\n;undefined")
    violations = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}))
             .violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`))""",
        WCAG_21_AA,
    )
    return violations


SHOW_PALETTE = """(index) => {
  const input = document.querySelectorAll("form[data-md-component=palette] input")[index];
  if (input) for (const name of ["scheme", "primary", "accent"]) document.body.setAttribute(`data-md-color-${name}`, input.dataset[`mdColor${name[0].toUpperCase()}${name.slice(1)}`]);
  return document.body.dataset.mdColorScheme;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("index", range(len(PALETTES)), ids=[palette_id(entry) for entry in PALETTES])
def test_axe_finds_no_wcag_violation_on_any_page(browser, checked_served: str, checked_site: Path, index: int) -> None:
    """Every page of every language in one palette of mkdocs.yml: as a reader whose system prefers
    it gets it (its `media`), or as the palette toggle sets it."""
    entry = PALETTES[index]
    media = entry.get("media", "")
    preference = "dark" if "dark" in media else "light" if "light" in media else "no-preference"
    # Without transitions, or axe would read colours halfway through them (Material turns them off
    # for readers who prefer reduced motion).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=preference, reduced_motion="reduce")
    page = context.new_page()
    found = []
    for page_path in html_files(checked_site):
        page.goto(checked_served + page_path)
        if media:
            assert page.evaluate("document.body.dataset.mdColorScheme") == entry["scheme"], f"{page_path}: a reader who prefers {preference} does not get the {entry['scheme']} scheme"
        assert page.evaluate(SHOW_PALETTE, entry["input"]) == entry["scheme"], page_path
        found += [f"{page_path}: {violation}" for violation in axe_violations(page)]
    context.close()
    assert found == [], f"{len(found)} violations in the {entry['scheme']} scheme (primary: {entry.get('primary', 'indigo')}, accent: {entry.get('accent', 'indigo')}):\n" + "\n".join(found[:40])


# --- Chromium through nginx --------------------------------------------------------------------


def violations(errors: list[str]) -> list[str]:
    return [error for error in errors if "Content-Security-Policy" in error or "Content Security Policy" in error]


def page_url(doc: str) -> str:
    """The address of a page of docs/<lang>/ under its language's root: index.md is ""."""
    stem = doc.removesuffix(".md")
    return "" if stem == "index" else f"{stem}/"


# The page the language switcher is tried on: the first of the navigation after the home page.
SWITCH_PAGE = next((page_url(entry) for entry in CONFIG.get("nav") or [] if isinstance(entry, str) and page_url(entry)), "")


def home_title(site: Path, locale: str) -> str:
    """What the search is asked for: the title of the language's home page, from its search index."""
    docs = json.loads((site / prefix(locale) / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return next(doc["title"] for doc in docs if doc["location"] in ("", prefix(locale)))


@pytest.mark.browser
def test_the_violation_detector_itself_reports_a_blocked_inline_script(browser, checked_served: str) -> None:
    with watched_page(browser) as watched:
        watched.page.goto(checked_served)
        watched.page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }")
        watched.page.wait_for_timeout(100)
        assert watched.page.evaluate("() => window.ran") is None
        assert violations(watched.console_errors)


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_loads_searches_and_switches_without_a_violation(browser, checked_served: str, checked_site: Path, locale: str) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        for relative in pages_of(checked_site, locale):
            if relative.endswith("404.html"):  # as nginx serves it: in place of a missing page
                assert page.goto(checked_served + relative.replace("404.html", "no-such-page/")).status == 404
            else:
                assert page.goto(checked_served + relative.removesuffix("index.html")).status == 200, relative
        query = home_title(checked_site, locale)
        assert search(page, checked_served, prefix(locale), query), f"searching for {query!r} finds nothing"  # in a web worker that fetches the index
        page.keyboard.press("Escape")
        # Every palette (the choice is kept by an inline script of every page), back to the first.
        if len(PALETTES) > 1:
            first = page.locator("body").get_attribute("data-md-color-scheme")
            seen = []
            for _ in PALETTES:
                page.click("form[data-md-component='palette'] label:visible")
                seen.append(page.locator("body").get_attribute("data-md-color-scheme"))
            assert seen[-1] == first and set(seen) == {entry["scheme"] for entry in PALETTES}, seen
            page.reload()
        if len(LOCALES) > 1:  # the language switcher keeps the page
            other = LOCALES[(LOCALES.index(locale) + 1) % len(LOCALES)]
            page.goto(checked_served + prefix(locale) + SWITCH_PAGE)
            page.hover(".md-header__option .md-select")
            page.click(f".md-select__link[hreflang='{other}']")
            page.wait_for_url(checked_served + prefix(other) + SWITCH_PAGE)
        assert violations(watched.console_errors) == []
        assert [error for error in watched.console_errors if "status of 404" not in error] == []  # the 404 pages' own status
        assert watched.foreign_requests == [], f"requests to other hosts: {sorted(set(watched.foreign_requests))}"
