"""The second example portal, examples/quillora (issue #9): another vendor's data, locales and
pages on the same generator. It builds with --strict as ADOPTING.md says (from the repository's
root, with --config-file), its pages show its own shape (four severities in minutes, hours and
days; three escalation levels, one region without service directors; regions with their own
working week and support hours; a product typed, not chosen), nothing of the sections it leaves
out (priority support, offerings, product catalogue, leaders) remains anywhere, and its tools
work in Chromium. Every expectation is read from its data/ and locales/, and written by CLDR."""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
import yaml
from babel.numbers import format_decimal
from babel.units import format_unit
from bs4 import BeautifulSoup

from conftest import ROOT, Build, built_locales, mkdocs_build, nginx_serving, page_parser, read_mkdocs_config, watched_page
from partner_portal.blocks import length_for
from partner_portal.load import load_portal
from partner_portal.localize import Localizer
from partner_portal.publish import plain
from partner_portal.sections import in_namespace
from partner_portal.validate import flatten, schema_validator
from partner_portal.worktime import parse_hours, parse_window, weekdays
from sections_project import PORTAL_WITHOUT_OPTIONS_KEYS
from test_forms import decode_mailto, launched
from test_sections import api_parts
from test_gates import axe_violations, html_files
from test_tools_browser import READER_ZONE, cell, name, weekday

EXAMPLE = ROOT / "examples" / "quillora"
CONFIG = read_mkdocs_config(EXAMPLE / "mkdocs.yml")
LOCALES = built_locales(CONFIG)
SITE = CONFIG["site_url"]
DATA = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((EXAMPLE / "data").glob("*.yml"))}
PEOPLE = {person["id"]: person for person in DATA["escalation"]["people"]}
REGIONS = {region["id"]: region for region in DATA["escalation"]["regions"]}


def page_url(doc: str) -> str:
    """The address of a page of docs/<lang>/ under its language's root: index.md is ""."""
    stem = doc.removesuffix(".md")
    return "" if stem == "index" else f"{stem}/"


NAV = tuple(page_url(entry) for entry in CONFIG["nav"])
# Reached from the footer, not the navigation ("/*/feedback.md").
FOOTER_PAGES = tuple(page_url(line.strip().rsplit("/", 1)[1]) for line in CONFIG["not_in_nav"].splitlines() if line.strip())
# The sample's texts of the sections Quillora leaves out: none may show up in its pages.
SAMPLE_MESSAGES = yaml.safe_load((ROOT / "locales" / "en.yml").read_text(encoding="utf-8"))
SAMPLE_PROGRAMME = yaml.safe_load((ROOT / "data" / "programme.yml").read_text(encoding="utf-8"))


def prefix(locale: str) -> str:
    return "" if locale == LOCALES[0] else f"{locale}/"


def normal(text: str) -> str:
    """Text with every run of spaces (no-break ones included) as one space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


# --- the build ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """examples/quillora built as ADOPTING.md says: from the repository's root, --strict."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("quillora") / "site", "--strict", "--config-file", str(EXAMPLE / "mkdocs.yml"))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def html(example: Build):
    return page_parser(example.site, LOCALES[0])


@pytest.fixture(scope="session")
def portal():
    return load_portal(EXAMPLE, LOCALES, LOCALES[0])


@pytest.fixture(scope="session")
def localizers(portal) -> dict[str, Localizer]:
    return {locale: Localizer(locale, portal.messages[locale], portal.messages[LOCALES[0]]) for locale in LOCALES}


def pages_of(site: Path, locale: str) -> list[str]:
    """Every HTML file of one language, relative to its root ("", "ticket/", "404.html")."""
    root = site / prefix(locale)
    others = {prefix(other).rstrip("/") for other in LOCALES if prefix(other)}
    found = []
    for file in sorted(root.rglob("*.html")):
        relative = file.relative_to(root)
        if relative.parts[0] in others:
            continue
        found.append(relative.as_posix() if file.name != "index.html" else ("" if relative.parent == Path(".") else f"{relative.parent.as_posix()}/"))
    return found


def api(example: Build, locale: str) -> dict:
    return json.loads((example.site / prefix(locale) / "api" / "portal.json").read_text(encoding="utf-8"))


def region_name(t: Localizer, region: dict) -> str:
    return t.territory(region["territories"][0]) if "territories" in region else plain(t.text(f"areas.{region['area']}"))


def week_of(region: dict) -> dict:
    return region.get("working_week", DATA["commitment"]["working_week"])


def test_the_example_builds_strict_with_every_string_translated(example: Build) -> None:
    assert "WARNING" not in example.log
    status = [line for line in example.log.splitlines() if "Translation status" in line]
    assert len(status) == len(LOCALES), example.log
    for line in status[1:]:
        assert " 0 missing, 0 outdated, 0 unused, 0 placeholder mismatches, 0 over the limit;" in line, line


# --- pages, navigation and what is left out --------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_of_the_nav_and_no_other(example: Build, html, locale: str) -> None:
    assert NAV == ("", "commitment/", "escalation/", "ticket/")
    assert set(pages_of(example.site, locale)) == {*NAV, *FOOTER_PAGES, "404.html"}
    for url in (*NAV, *FOOTER_PAGES):
        soup = html(locale, url)
        root = SITE + prefix(locale) + url
        # The navigation lists the pages of mkdocs.yml's nav, in its order, and nothing else.
        listed = [urljoin(root, anchor["href"]) for anchor in soup.select(".md-nav--primary a.md-nav__link[href]") if not anchor["href"].startswith("#")]
        assert list(dict.fromkeys(listed)) == [SITE + prefix(locale) + page for page in NAV], url
    search = json.loads((example.site / prefix(locale) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("#")[0].removeprefix(prefix(locale)) for doc in search["docs"]} <= {*NAV, *FOOTER_PAGES}
    sitemap = (example.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE}{prefix(locale)}ticket/</loc>" in sitemap
    assert "priority-support" not in sitemap and "offerings" not in sitemap


def test_the_example_has_no_text_of_the_sections_it_leaves_out(portal) -> None:
    assert set(portal.sections.absent) == {"leaders", "priority", "offerings", "catalogue", "priority-check"}
    assert "leaders" not in DATA["programme"] and not {"priority", "tiers", "catalogue"} & set(DATA)
    scope = portal.locale_scope
    for locale in LOCALES:
        # Every string is asked by a section the portal has; none is kept for one it leaves out.
        assert [key for key in portal.messages[locale] if scope.left_out(key) or not scope.asked(key)] == [], locale
        # Of the sample's keys of those sections, only the product field's help: Quillora's product
        # is a text field of requests.yml, whose help is its own (it names no product of a catalogue).
        kept = [key for key in portal.messages[locale] if any(in_namespace(key, namespace) for namespace in PORTAL_WITHOUT_OPTIONS_KEYS)]
        assert kept == ["ticket.fields.product.help"] and scope.owners(kept[0]) == ["requests"], locale


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_of_the_sections_left_out_remains(example: Build, html, portal, locale: str) -> None:
    # The sample's sentences of those sections (long enough to be no other string's words too).
    gone = [normal(text) for path, text in flatten(SAMPLE_MESSAGES).items()
            if any(in_namespace(".".join(map(str, path)), namespace) for namespace in PORTAL_WITHOUT_OPTIONS_KEYS) and "{" not in text and len(text) >= 25]
    assert len(gone) > 15
    sample = (SAMPLE_PROGRAMME["vendor"], SAMPLE_PROGRAMME["addresses"]["support"], "partners.example.com")
    for url in pages_of(example.site, locale):
        soup = html(locale, url)
        root = SITE + prefix(locale) + url
        links = {urljoin(root, anchor["href"]) for anchor in soup.select("a[href]")}
        assert not [link for link in links if "/offerings/" in link or "/priority-support/" in link], (url, links)
        assert not soup.select(".portal-quote, [data-portal-tool=priority], .portal-catalogue, [data-portal-table=offerings], "
                               "[data-portal-table=thresholds], .portal-faq, [data-tier], select#ticket-product, optgroup"), url
        text = normal(soup.get_text(" "))
        assert not [sentence for sentence in gone if sentence in text], url
        assert not [word for word in sample if word in str(soup)], url  # nothing of the sample's programme
    document = api(example, locale)
    assert "priority" not in document and set(document) == api_parts(portal.sections)
    assert not [country for country in document["countries"] if "priority_region" in country]
    assert document["pages"] == {"commitment": SITE + prefix(locale) + "commitment/", "escalation": SITE + prefix(locale) + "escalation/"}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_has_its_language_and_direction(example: Build, html, localizers, locale: str) -> None:
    pages = pages_of(example.site, locale)
    assert len(pages) == len(NAV) + len(FOOTER_PAGES) + 1
    for url in pages:
        root = html(locale, url).html
        assert (root["lang"], root["dir"]) == (locale, localizers[locale].direction), url


@pytest.mark.parametrize("locale", LOCALES[1:])
def test_a_translated_page_has_no_english_sentence(example: Build, portal, locale: str) -> None:
    """No sentence of locales/en.yml that the translation words differently is left in the pages:
    their text, their attributes (placeholders, titles, descriptions) and the texts of their
    scripts' JSON (the English field labels of the e-mail, label_en, aside: they are English on purpose)."""
    english, translated = portal.messages[LOCALES[0]], portal.messages[locale]

    def fragments(text: str):
        # The words between placeholders and Markdown link syntax, each long enough to be a sentence's.
        for piece in re.split(r"\{[^}]*\}|\]\([^)]*\)|[\[\]*`]", text):
            piece = normal(piece).strip(" ,.:;")
            if len(piece) >= 25:
                yield piece

    def strings(value):
        if isinstance(value, dict):
            for name, item in value.items():
                if name != "label_en":
                    yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    def readable(file: Path) -> str:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        parts = [text for script in soup.select('script[type="application/json"]') for text in strings(json.loads(script.string))]
        for tag in soup(["script", "style"]):
            tag.decompose()
        parts.append(soup.get_text(" "))
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                if attribute not in ("href", "src", "class", "id", "for"):
                    parts.extend(value if isinstance(value, list) else [value])
        return normal(" ".join(parts))

    sentences = sorted({piece for key, text in english.items() if translated.get(key) != text for piece in fragments(text)})
    assert len(sentences) > 100
    # The search finds them where they are: in the English pages.
    english_text = " ".join(readable(example.site / prefix(LOCALES[0]) / url / ("" if url.endswith(".html") else "index.html")) for url in pages_of(example.site, LOCALES[0]))
    assert sum(sentence in english_text for sentence in sentences) > 0.8 * len(sentences)
    for url in pages_of(example.site, locale):
        text = readable(example.site / prefix(locale) / url / ("" if url.endswith(".html") else "index.html"))
        assert [sentence for sentence in sentences if sentence in text] == [], url


# --- response times ------------------------------------------------------------------------------


def babel_range(t: Localizer, bounds: dict) -> str:
    """A window as CLDR writes it, through Babel's own API: "1 to 4 hours", "30 Minuten bis 2 Stunden"."""
    window = parse_window(bounds)

    def duration(bound) -> str:
        return format_unit(bound.amount, f"duration-{bound.unit}", length="long", locale=t.locale)

    low = format_decimal(window.min.amount, locale=t.locale) if window.min.unit == window.max.unit else duration(window.min)
    return normal(t.template("common.range").format(min=low, max=duration(window.max)))


# Severity 1's first window as a reader reads it, for the languages written out here: an anchor
# that the two computations above cannot share a mistake.
FIRST_ACKNOWLEDGEMENT = {"en": "15 to 30 minutes", "de": "15 bis 30 Minuten"}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_severity_matrix_has_the_four_severities_and_their_windows(html, portal, localizers, locale: str) -> None:
    t = localizers[locale]
    severities = DATA["commitment"]["severities"]
    assert [severity["level"] for severity in severities] == [1, 2, 3, 4]
    rows = html(locale, "commitment/").select('table[data-portal-table="matrix"] tbody tr')
    assert [row["data-severity"] for row in rows] == ["1", "2", "3", "4"]
    for row, severity in zip(rows, severities):
        assert row.th.get_text("|").split("|") == [plain(t.text("commitment.level", level=severity["level"])), plain(t.text(f"commitment.severities.{severity['id']}.name"))]
        windows = {cell["data-window"]: cell.get_text() for cell in row.select("td[data-window]")}
        assert list(windows) == ["acknowledgement", "determination"]
        for window, text in windows.items():
            assert text == plain(t.duration_range(parse_window(severity[window]))), (severity["id"], window)
            assert normal(text) == babel_range(t, severity[window]), (severity["id"], window)
    if locale in FIRST_ACKNOWLEDGEMENT:
        assert normal(rows[0].select_one('[data-window="acknowledgement"]').get_text()) == FIRST_ACKNOWLEDGEMENT[locale]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_support_calendar_shows_each_regions_week_and_hours(html, localizers, locale: str) -> None:
    t = localizers[locale]
    calendar = html(locale, "commitment/").select_one(".portal-calendar")
    rows = calendar.select("tbody tr[data-region]")
    assert [row["data-region"] for row in rows] == list(REGIONS)
    for row in rows:
        region = REGIONS[row["data-region"]]
        week = week_of(region)
        assert row.th.get_text() == region_name(t, region)
        assert row.select_one("td[data-time-zone]")["data-time-zone"] == region["time_zone"]
        working = row.select_one("td[data-working-days]")
        assert working["data-working-days"].split() == [str(day) for day in weekdays(week["first_day"], week["last_day"])]
        # The week's days by CLDR in the page language (Babel's list, Monday first).
        days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        first, last = (weekday(locale, days.index(week[end])) for end in ("first_day", "last_day"))
        hours = parse_hours(region.get("support_hours"))
        assert working.get_text("|").split("|") == [
            plain(t.text("tools.working_time.days", first_day=first, last_day=last)),
            t.hours(hours) if hours else plain(t.text("tools.working_time.round_the_clock")),
        ], region["id"]
        assert working.get("data-support-hours") == (f"{region['support_hours']['opens']}-{region['support_hours']['closes']}" if hours else None)
    # The data's shape, which the lines above read: Dubai works Sunday to Thursday round the clock,
    # Europe Monday to Friday 08:00 to 18:00, written on the language's clock.
    assert week_of(REGIONS["middle-east-africa"]) == {"first_day": "sunday", "last_day": "thursday"}
    europe = calendar.select_one('tr[data-region="europe"] .portal-hours').get_text()
    assert europe == t.hours(parse_hours({"opens": "08:00", "closes": "18:00"}))
    clock = t.babel.time_formats["short"].pattern
    assert ("18" in europe) == ("H" in clock) and ("6" in europe) == ("h" in clock)


# --- escalation ------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_escalation_matrix_has_three_levels_and_the_desk(html, localizers, locale: str) -> None:
    t = localizers[locale]
    levels = DATA["escalation"]["levels"]
    assert [level["id"] for level in levels] == ["desk", "team-leads", "service-directors"]
    desk = DATA["programme"]["addresses"]["escalation_desk"]
    soup = html(locale, "escalation/")
    assert [label["data-region"] for label in soup.select(".tabbed-labels label")] == list(REGIONS)
    assert [label.get_text() for label in soup.select(".tabbed-labels label")] == [region_name(t, region) for region in REGIONS.values()]
    for block in soup.select(".tabbed-block[data-region]"):
        region = REGIONS[block["data-region"]]
        rows = block.select("tbody tr")
        assert [row["data-level"] for row in rows] == ["1", "2", "3"], region["id"]
        for number, (row, level) in enumerate(zip(rows, levels), 1):
            assert row.th.get_text("|").split("|") == [plain(t.text("escalation.level", number=number)), plain(t.text(f"escalation.level_roles.{level['id']}"))]
            links = [(anchor["href"], anchor.get_text()) for anchor in row.select("a[href]")]
            if level.get("contact") == "desk":
                assert links == [(f"mailto:{desk}", desk)]
                continue
            people = region["levels"].get(level["id"], [])
            assert links == [(f"mailto:{PEOPLE[person]['email']}", PEOPLE[person]["name"]) for person in people], (region["id"], level["id"])
            # A region without people on a level (Dubai has no service directors) says so in its row.
            none = row.select_one(".portal-none")
            assert (none.get_text() if none else None) == (None if people else plain(t.text("escalation.no_contact"))), (region["id"], level["id"])
    assert "service-directors" not in REGIONS["middle-east-africa"]["levels"]


# --- ticket form and contact cards -----------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_product_is_typed_and_the_cards_link_to_the_form_and_the_programmes_links(html, localizers, locale: str) -> None:
    t = localizers[locale]
    ticket = html(locale, "ticket/")
    field = ticket.select_one('form[data-portal-form="ticket"] [data-field="product"]')
    control = field.select_one("#ticket-product")
    assert (control.name, control["type"], control["name"]) == ("input", "text", "product")
    assert field.select_one("#ticket-product-help").get_text() == plain(t.text("ticket.fields.product.help"))
    config = json.loads(ticket.select_one('form[data-portal-form="ticket"] [data-portal-config]').string)
    assert next(item for item in config["fields"] if item["name"] == "product")["type"] == "text"
    assert config["subject_fields"] == DATA["requests"]["ticket_subject"]

    home = html(locale, "")
    channels = DATA["programme"]["contact_channels"]
    cards = home.select(".portal-channels li")
    assert [card.select_one("strong").get_text() for card in cards] == [plain(t.text(f"contact_channels.{channel['id']}.title")) for channel in channels]
    links = [urljoin(SITE + prefix(locale), card.select_one("a[href]")["href"]).split("#")[0] for card in cards]
    assert links == [SITE + prefix(locale) + "ticket/", DATA["programme"]["links"]["help_centre"], DATA["programme"]["links"]["status_page"]]


# --- the published JSON ------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_api_validates_and_publishes_the_windows_and_each_regions_week(example: Build, localizers, locale: str) -> None:
    t = localizers[locale]
    document = api(example, locale)
    assert [error.message for error in schema_validator("api").iter_errors(document)] == []
    assert (document["locale"], document["vendor"]) == (locale, DATA["programme"]["vendor"])
    severities = document["commitment"]["severities"]
    assert [(severity["id"], severity["level"]) for severity in severities] == [(severity["id"], severity["level"]) for severity in DATA["commitment"]["severities"]]
    for published, severity in zip(severities, DATA["commitment"]["severities"]):
        for window in ("acknowledgement", "determination"):
            parsed = parse_window(severity[window])
            assert {bound: published[window][bound] for bound in ("min", "max")} == parsed.as_json()
            assert published[window]["text"] == plain(t.duration_range(parsed))
    assert severities[0]["acknowledgement"]["min"] == {"amount": 15, "unit": "minute"}
    default = DATA["commitment"]["working_week"]
    assert document["commitment"]["working_week"] == {**default, "days": weekdays(default["first_day"], default["last_day"])}
    regions = document["escalation"]["regions"]
    assert [region["id"] for region in regions] == list(REGIONS)
    for published in regions:
        region = REGIONS[published["id"]]
        week = week_of(region)
        assert published["working_week"] == {**week, "days": weekdays(week["first_day"], week["last_day"])}
        assert published["support_hours"] == region.get("support_hours")
        assert published["time_zone"] == region["time_zone"]
        assert published["levels"] == {level: region["levels"].get(level, []) for level in ("team-leads", "service-directors")}
    countries = {country["code"]: country for country in document["countries"]}
    assert countries["DE"]["escalation_region"] == "europe" and countries["DE"]["account_managers"] == ["sd-dach"]
    assert countries["EG"]["escalation_region"] == "middle-east-africa" and countries["EG"]["account_managers"] == []


# --- in Chromium ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_served(example: Build, tmp_path_factory: pytest.TempPathFactory):
    with nginx_serving(example.site, tmp_path_factory.mktemp("quillora-nginx")) as url:
        yield url


def iso(moment: datetime) -> str:
    """As JavaScript's toISOString writes it."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def as_input(moment: datetime) -> str:
    """The value of a datetime-local field in the reader's zone."""
    return moment.astimezone(ZoneInfo(READER_ZONE)).strftime("%Y-%m-%dT%H:%M")


def milestones(start: datetime, severity: dict, day_minutes: int) -> list[str]:
    """The calculator's five instants for a window counted from `start` within one working day."""
    ack, det = parse_window(severity["acknowledgement"]), parse_window(severity["determination"])
    minutes = [ack.min.minutes(day_minutes), ack.max.minutes(day_minutes), det.min.minutes(day_minutes), det.max.minutes(day_minutes), ack.max.minutes(day_minutes)]
    assert max(minutes) < day_minutes  # all within the first working day: plain additions
    return [iso(start + timedelta(minutes=value)) for value in minutes]


MILESTONES = ("acknowledgement_opens", "acknowledgement_closes", "determination_opens", "determination_closes", "escalation_from")


@pytest.mark.browser
def test_the_calculator_counts_from_the_regions_next_working_time(browser, example_served: str, localizers) -> None:
    locale = "de" if "de" in LOCALES else LOCALES[-1]
    t = localizers[locale]
    severity = DATA["commitment"]["severities"][0]
    europe, dubai = REGIONS["europe"], REGIONS["middle-east-africa"]
    berlin = ZoneInfo(europe["time_zone"])
    opens, closes = (time.fromisoformat(europe["support_hours"][end]) for end in ("opens", "closes"))
    # Wednesday 2026-06-10 19:30 in Berlin, after closing: Thursday, a working day and no holiday,
    # opens at 08:00, and counting starts then.
    sent = datetime(2026, 6, 10, 19, 30, tzinfo=berlin)
    assert sent.time() > closes
    opening = datetime.combine(sent.date() + timedelta(days=1), opens, tzinfo=berlin)
    assert opening.isoweekday() in weekdays(**week_of(europe)) and opening.date().isoformat() not in europe["holidays"]
    with watched_page(browser, timezone_id=READER_ZONE) as watched:
        page = watched.page
        page.goto(example_served + prefix(locale) + "commitment/")
        page.select_option("#portal-calc-severity", severity["id"])
        page.select_option("#portal-calc-region", "europe")
        assert page.locator("[data-working-time]").inner_text() == plain(t.text(
            "tools.working_time.region", first_day=t.weekday("monday"), last_day=t.weekday("friday"), hours=t.hours(parse_hours(europe["support_hours"]))))
        page.fill("#portal-calc-sent", as_input(sent))
        day = (closes.hour - opens.hour) * 60 + closes.minute - opens.minute
        assert [cell(page, milestone, "region").get_attribute("datetime") for milestone in MILESTONES] == milestones(opening, severity, day)
        first = cell(page, "acknowledgement_opens", "region").inner_text()
        assert weekday(locale, opening.weekday()) in first  # Thursday, in the region
        assert (opening + timedelta(minutes=parse_window(severity["acknowledgement"]).min.minutes(day))).strftime("%H:%M") in first  # 08:15
        assert europe["time_zone"] in page.locator('th[data-zone="region"]').inner_text()

        # Dubai works Sunday to Thursday round the clock: a request on Friday counts from Sunday 00:00.
        gulf = ZoneInfo(dubai["time_zone"])
        sent = datetime(2026, 6, 12, 10, 0, tzinfo=gulf)
        days = weekdays(**week_of(dubai))
        assert sent.isoweekday() == 5 and 5 not in days and 6 not in days and 7 in days and "support_hours" not in dubai
        sunday = datetime(2026, 6, 14, 0, 0, tzinfo=gulf)
        page.select_option("#portal-calc-region", "middle-east-africa")
        page.fill("#portal-calc-sent", as_input(sent))
        assert page.locator("[data-working-time]").inner_text() == plain(t.text(
            "tools.working_time.region_round_the_clock", first_day=t.weekday("sunday"), last_day=t.weekday("thursday")))
        assert [cell(page, milestone, "region").get_attribute("datetime") for milestone in MILESTONES] == milestones(sunday, severity, 24 * 60)
        assert weekday(locale, 6) in cell(page, "acknowledgement_closes", "region").inner_text()  # Sunday

        # The support calendar, on this page, writes Europe's hours as the browser's Intl does (CLDR
        # both); only the kind of space may differ (tests/test_worktime.py).
        built = page.locator('tr[data-region="europe"] .portal-hours').inner_text()
        written = page.evaluate(
            """([lang, opens, closes]) => new Intl.DateTimeFormat(lang, {timeZone: "UTC", timeStyle: "short"})
                 .formatRange(Date.UTC(2026, 0, 5, ...opens), Date.UTC(2026, 0, 5, ...closes))""",
            [locale, [opens.hour, opens.minute], [closes.hour, closes.minute]],
        )
        assert normal(built) == normal(written)
        assert watched.console_errors == [] and watched.foreign_requests == []


@pytest.mark.browser
def test_the_finder_names_the_service_director_for_a_country(browser, example_served: str, localizers) -> None:
    locale = LOCALES[0]
    t = localizers[locale]
    level = next(level for level in DATA["escalation"]["levels"] if level.get("account_managers"))
    region = next(region for region in DATA["escalation"]["regions"] if "DE" in region["countries"])
    directors = [PEOPLE[person] for person in region["levels"][level["id"]] if "DE" in PEOPLE[person].get("territories", [])]
    assert (level["id"], region["id"], [person["id"] for person in directors]) == ("service-directors", "europe", ["sd-dach"])
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(example_served + prefix(locale) + "escalation/")
        country = page.locator("#portal-finder-country")
        result = page.locator('[data-portal-tool="finder"] [data-result]')
        country.press_sequentially(name(locale, "DE"))
        assert result.get_attribute("data-region") == "europe"
        assert page.locator('.tabbed-block[data-region="europe"]').is_visible()
        link = result.locator("a[href^='mailto:']")
        assert link.all_inner_texts() == [directors[0]["name"]]
        assert link.get_attribute("href") == f"mailto:{directors[0]['email']}"
        # Egypt's region names no service director: the finder sends the partner to the desk.
        country.fill(name(locale, "EG"))
        assert result.get_attribute("data-region") == "middle-east-africa"
        assert result.locator("a").count() == 0
        assert normal(plain(t.text("tools.finder.no_manager"))) in normal(result.inner_text())
        assert page.locator('.tabbed-block[data-region="middle-east-africa"]').is_visible()
        # Names readers type besides CLDR's full one: its variant ("Ivory Coast") and its short
        # name ("Hong Kong" for "Hong Kong SAR China"). The finder knows both.
        for code, typed, region_id in (("CI", "Ivory Coast", "middle-east-africa"), ("HK", "Hong Kong", "americas-apac")):
            assert typed in t.territory_other_names(code)
            assert typed != name(locale, code)
            country.fill(typed)
            assert result.get_attribute("data-region") == region_id, typed
        assert watched.console_errors == [] and watched.foreign_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_a_typed_product_goes_into_the_emails_subject_and_body(browser, example_served: str, portal, locale: str) -> None:
    english = portal.messages[LOCALES[0]]
    requests = DATA["requests"]
    description = next(field for field in requests["fields"] if field["name"] == "description")
    length = length_for(description, locale)
    assert length["unit"] == "words"
    product, workspace = "Quillora Sign « Pro » & Co. #2", "ws-4711"
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(example_served + prefix(locale) + "ticket/")
        page.fill('form [name="customer_email"]', "kunde@customer.example.org")
        page.fill('form [name="workspace_id"]', workspace)
        page.select_option('form [name="request_type"]', "technical-question")
        page.check('form [name="reproducible"][value="no"]')
        page.fill('form [name="description"]', " ".join(["Signaturablauf"] * ((length["min"] + length["max"]) // 2)))
        page.fill('form [name="product"]', product)
        page.click('form[data-portal-form="ticket"] button[type="submit"]')
        link = page.locator("[data-ticket-mailto]")
        assert link.is_visible()
        to, fields = decode_mailto(link.get_attribute("href"))
        assert to == DATA["programme"]["addresses"]["support"]
        values = {"request_type": english["ticket.request_types.technical-question"], "product": product, "workspace_id": workspace}
        assert fields["subject"] == " | ".join(values[field] for field in requests["ticket_subject"])
        assert f"{english['ticket.fields.product.label']}: {product}" in fields["body"].split("\r\n")
        assert launched(watched.console_errors) == [] and watched.foreign_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_axe_finds_no_wcag_violation_in_the_vendors_colours(browser, example_served: str, example: Build, palette: str) -> None:
    """Every page of both languages in the colours and logo of Quillora's mkdocs.yml: a vendor's
    own palette must keep WCAG 2.1 AA contrast, as the sample's does (tests/test_quality.py)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=palette)
    page = context.new_page()
    found = []
    for page_path in html_files(example.site):
        page.goto(example_served + page_path)
        found += [f"{page_path}: {violation}" for violation in axe_violations(page)]
    context.close()
    assert found == [], f"{len(found)} violations:\n" + "\n".join(found[:40])
