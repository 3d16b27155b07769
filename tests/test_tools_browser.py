"""The three tools in Debian's Chromium, in every language: the response-time calculator, the
escalation finder and the priority-support check, operated as a partner would and checked
against data/. The reader sits in Los Angeles; the regions count in their own zones."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import yaml
from babel import Locale

from conftest import LOCALES, ROOT, watched_page

pytestmark = pytest.mark.browser

DATA = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in ("escalation", "priority", "commitment")}
PEOPLE = {person["id"]: person for person in DATA["escalation"]["people"]}
READER_ZONE = "America/Los_Angeles"


def url(served: str, locale: str, path: str) -> str:
    return served + ("" if locale == "en" else f"{locale}/") + path


def name(locale: str, code: str) -> str:
    return Locale.parse(locale).territories[code]


def weekday(locale: str, index: int) -> str:
    """Monday is 0, as in Babel."""
    return Locale.parse(locale).days["format"]["wide"][index]


def escalation_region(code: str) -> dict:
    return next(region for region in DATA["escalation"]["regions"] if code in region["countries"])


def priority_region(code: str) -> dict:
    return next(region for region in DATA["priority"]["regions"] if code in region["countries"])


@dataclass
class Tab:
    page: object
    errors: list[str]
    foreign: list[str]

    def clean(self) -> None:
        assert self.errors == []
        assert self.foreign == []


@pytest.fixture
def tab(browser):
    """A page in the reader's zone that records console errors and requests leaving 127.0.0.1."""
    with watched_page(browser, timezone_id=READER_ZONE) as watched:
        yield Tab(watched.page, watched.console_errors, watched.foreign_requests)


def cell(page, milestone: str, zone: str):
    return page.locator(f'[data-milestone="{milestone}"] [data-zone="{zone}"] time')


# --- response-time calculator -------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_calculator_saturday_request_closes_on_monday_in_the_region(served, tab, locale: str) -> None:
    page = tab.page
    # "Now" is Friday 2026-06-12 13:00 in Los Angeles (20:00Z): the default moment of sending.
    page.clock.set_fixed_time("2026-06-12T20:00:00Z")
    page.goto(url(served, locale, "commitment/"))
    assert page.locator("#portal-calc-sent").input_value() == "2026-06-12T13:00"
    assert READER_ZONE in page.locator("[data-reader-zone]").inner_text()

    page.select_option("#portal-calc-severity", "critical")
    page.select_option("#portal-calc-region", "europe-uk")
    # Saturday 2026-06-13 03:00 in Los Angeles = 10:00Z = 11:00 in London: a weekend there.
    page.fill("#portal-calc-sent", "2026-06-13T03:00")
    critical = DATA["commitment"]["severities"][0]
    assert (critical["acknowledgement"]["max"], critical["determination"]["max"]) == ("3 hours", "8 hours")
    # London counts from Monday 2026-06-15 00:00 BST (Sun 23:00Z): +3 h = 02:00Z, +8 h = 07:00Z.
    closes = cell(page, "acknowledgement_closes", "region")
    assert closes.get_attribute("datetime") == "2026-06-15T02:00:00.000Z"
    assert weekday(locale, 0).lower() in closes.inner_text().lower()  # Monday, in the region
    assert "03:00" in closes.inner_text() or "3:00" in closes.inner_text()
    reader = cell(page, "acknowledgement_closes", "reader")
    assert reader.get_attribute("datetime") == "2026-06-15T02:00:00.000Z"
    assert weekday(locale, 6).lower() in reader.inner_text().lower()  # still Sunday in Los Angeles
    assert cell(page, "determination_closes", "region").get_attribute("datetime") == "2026-06-15T07:00:00.000Z"
    assert cell(page, "escalation_from", "region").get_attribute("datetime") == "2026-06-15T02:00:00.000Z"
    region_name = page.locator('#portal-calc-region option[value="europe-uk"]').inner_text()
    assert region_name in page.locator('[data-portal-table="response-times"] caption').inner_text()
    assert "Europe/London" in page.locator('th[data-zone="region"]').inner_text()
    assert READER_ZONE in page.locator('th[data-zone="reader"]').inner_text()

    # A critical case counted round the clock: Saturday counts, +3 h = 13:00Z.
    page.check("#portal-calc-rtc")
    assert closes.get_attribute("datetime") == "2026-06-13T13:00:00.000Z"
    assert weekday(locale, 5).lower() in closes.inner_text().lower()  # Saturday
    # Severity 2 may not be counted round the clock: the box disappears and Monday is back (+12 h).
    page.select_option("#portal-calc-severity", "moderate")
    assert page.locator("[data-round-the-clock]").is_hidden()
    assert closes.get_attribute("datetime") == "2026-06-15T11:00:00.000Z"

    # The link leads to the region's escalation contacts, which open there.
    link = page.locator("a[data-contacts]")
    assert region_name in link.inner_text()
    link.click()
    page.wait_for_url(url(served, locale, "escalation/#your-region"))
    assert page.locator('.tabbed-block[data-region="europe-uk"]').is_visible()
    tab.clean()


@pytest.mark.parametrize("locale", LOCALES)
def test_calculator_skips_the_region_holidays_and_asks_for_a_region(served, tab, locale: str) -> None:
    page = tab.page
    page.goto(url(served, locale, "commitment/"))
    assert page.locator("[data-message]").is_visible()  # no region chosen yet: a prompt, no times
    assert page.locator("[data-times]").is_hidden()
    holidays = escalation_region("GB")["holidays"]
    assert {"2026-12-25", "2026-12-28"} <= set(holidays)
    page.select_option("#portal-calc-severity", "moderate")
    page.select_option("#portal-calc-region", "europe-uk")
    # Thursday 2026-12-24 12:00 in Los Angeles = 20:00Z: 4 h left on Thursday in London; Christmas,
    # the weekend and Monday 28 are off; Tuesday 29 from 00:00Z: 6 h -> 02:00Z, 12 h -> 08:00Z.
    page.fill("#portal-calc-sent", "2026-12-24T12:00")
    assert cell(page, "acknowledgement_opens", "region").get_attribute("datetime") == "2026-12-29T02:00:00.000Z"
    assert cell(page, "acknowledgement_closes", "region").get_attribute("datetime") == "2026-12-29T08:00:00.000Z"
    # North America lists no holiday: the same request is answered on Christmas Day in New York.
    page.select_option("#portal-calc-region", "north-america")
    assert cell(page, "acknowledgement_closes", "region").get_attribute("datetime") == "2026-12-25T08:00:00.000Z"
    assert "America/New_York" in page.locator('th[data-zone="region"]').inner_text()
    # An empty moment is an error the reader can fix.
    page.fill("#portal-calc-sent", "")
    assert page.locator("[data-message]").is_visible()
    assert page.locator("[data-times]").is_hidden()
    tab.clean()


# --- escalation finder --------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_finder_opens_the_region_and_names_the_account_manager(served, tab, locale: str) -> None:
    page = tab.page
    page.goto(url(served, locale, "escalation/"))
    region = escalation_region("FR")
    assert region["id"] == "europe-uk"
    managers = [PEOPLE[person] for person in region["levels"]["account-managers"] if "FR" in PEOPLE[person].get("territories", [])]
    assert [person["id"] for person in managers] == ["pam-france"]
    assert page.locator('.tabbed-block[data-region="europe-uk"]').is_hidden()

    country = page.locator("#portal-finder-country")
    assert page.locator(f'#portal-finder-countries option[value="{name(locale, "FR")}"]').count() == 1
    country.press_sequentially(name(locale, "FR"))  # typed, letter by letter
    result = page.locator('[data-portal-tool="finder"] [data-result]')
    assert result.get_attribute("data-region") == "europe-uk"
    # Opening the tab leaves the focus in the field (Material's "n" and "p" keys change page).
    assert page.evaluate("document.activeElement.id") == "portal-finder-country"
    assert page.locator('.tabbed-block[data-region="europe-uk"]').is_visible()
    assert page.locator('.tabbed-block[data-region="anz"]').is_hidden()
    link = result.locator("a[href^='mailto:']")
    assert link.inner_text() == managers[0]["name"]
    assert link.get_attribute("href") == f"mailto:{managers[0]['email']}"

    # Japan has two account managers, the United States none named for the country.
    country.fill(name(locale, "JP"))
    assert result.get_attribute("data-region") == "apj"
    assert result.locator("a[href^='mailto:']").all_inner_texts() == [PEOPLE["pam-japan-east"]["name"], PEOPLE["pam-japan-west"]["name"]]
    assert page.locator('.tabbed-block[data-region="apj"]').is_visible()
    country.fill(name(locale, "US"))
    assert result.get_attribute("data-region") == "north-america"
    assert result.locator("a").count() == 0
    # Partners type the default language's names on a page in any language.
    country.fill("india")
    page.locator('[data-portal-tool="finder"] [data-result][data-region="india"]').wait_for()
    # While another name is being typed, the answer for the last one is not left on show.
    country.fill("")
    country.press_sequentially(name(locale, "FR")[:2])
    assert result.is_hidden()
    country.press_sequentially(name(locale, "FR")[2:])
    assert result.get_attribute("data-region") == "europe-uk" and result.is_visible()

    # A name that is no country says so.
    country.fill("Atlantis")
    country.dispatch_event("change")
    assert result.get_attribute("data-region") == ""
    assert "Atlantis" in result.inner_text()
    tab.clean()


@pytest.mark.parametrize("locale", LOCALES)
def test_the_chosen_region_is_remembered_across_pages_and_languages(served, tab, locale: str) -> None:
    page = tab.page
    page.goto(url(served, locale, "escalation/"))
    page.locator("#portal-finder-country").fill(name(locale, "IN"))
    assert page.locator('.tabbed-block[data-region="india"]').is_visible()
    other = LOCALES[(LOCALES.index(locale) + 1) % len(LOCALES)]
    page.goto(url(served, other, "escalation/"))
    assert page.locator("#portal-finder-country").input_value() == name(other, "IN")
    assert page.locator('.tabbed-block[data-region="india"]').is_visible()
    assert page.locator('[data-portal-tool="finder"] a[href^="mailto:"]').inner_text() == PEOPLE["pam-india"]["name"]
    page.goto(url(served, other, "commitment/"))
    assert page.locator("#portal-calc-region").input_value() == "india"
    page.goto(url(served, other, "priority-support/"))
    assert page.locator("#portal-priority-country").input_value() == name(other, "IN")
    # Choosing a region in the calculator is remembered too.
    page.goto(url(served, locale, "commitment/"))
    page.select_option("#portal-calc-region", "brazil")
    page.goto(url(served, locale, "escalation/"))
    assert page.locator('.tabbed-block[data-region="brazil"]').is_visible()
    assert page.locator("#portal-finder-country").input_value() == ""
    tab.clean()


# --- priority-support check ---------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_priority_check_against_the_threshold(served, tab, locale: str) -> None:
    page = tab.page
    page.goto(url(served, locale, "priority-support/"))
    india = priority_region("IN")
    threshold = india["min_user_licences"]
    assert threshold == 100
    result = page.locator('[data-portal-tool="priority"] [data-result]')
    page.locator("#portal-priority-country").press_sequentially(name(locale, "IN"))
    page.fill("#portal-priority-licences", str(threshold - 1))
    assert result.get_attribute("data-verdict") == "not-eligible"
    assert result.get_attribute("data-region") == "india"
    assert result.locator(".admonition.failure").count() == 1
    text = result.inner_text()
    assert str(threshold) in text and str(threshold - 1) in text
    page.fill("#portal-priority-licences", str(threshold))
    assert result.get_attribute("data-verdict") == "eligible"
    assert result.locator(".admonition.success").count() == 1

    # The United States go with Latin America, Canada with Brazil: not the escalation regions.
    us, canada = priority_region("US"), priority_region("CA")
    assert (us["id"], canada["id"]) == ("us-latam", "canada-brazil")
    page.fill("#portal-priority-country", name(locale, "US"))
    page.fill("#portal-priority-licences", str(us["min_user_licences"]))
    assert (result.get_attribute("data-region"), result.get_attribute("data-verdict")) == ("us-latam", "eligible")
    page.fill("#portal-priority-country", name(locale, "CA"))
    page.fill("#portal-priority-licences", str(canada["min_user_licences"] - 1))
    assert (result.get_attribute("data-region"), result.get_attribute("data-verdict")) == ("canada-brazil", "not-eligible")

    page.fill("#portal-priority-licences", "")
    assert result.get_attribute("data-verdict") == ""
    # The default language's name of a country is accepted in every language.
    page.fill("#portal-priority-country", "Canada")
    page.fill("#portal-priority-licences", str(canada["min_user_licences"]))
    page.locator('[data-portal-tool="priority"] [data-result][data-region="canada-brazil"][data-verdict="eligible"]').wait_for()
    tab.clean()


@pytest.mark.parametrize("locale", [locale for locale in LOCALES if locale != "en"])
def test_a_name_typed_in_english_at_once_is_found_once_the_names_arrive(served, tab, locale: str) -> None:
    """The default language's names come with the first focus on the field; a name typed and
    sent before they arrive is refused, then found."""
    page = tab.page
    page.goto(url(served, locale, "escalation/"))
    country = page.locator("#portal-finder-country")
    country.fill("Japan")
    country.press("Enter")
    page.locator('[data-portal-tool="finder"] [data-result][data-region="apj"]').wait_for()
    assert page.locator('.tabbed-block[data-region="apj"]').is_visible()
    tab.clean()


@pytest.mark.parametrize("locale", LOCALES)
def test_without_javascript_the_tools_stay_hidden_and_the_lists_remain(browser, served, locale: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path, tool in (("commitment/", "calculator"), ("escalation/", "finder"), ("priority-support/", "priority")):
        page.goto(url(served, locale, path))
        assert page.locator(f'[data-portal-tool="{tool}"] form').is_hidden()
        assert page.locator(f'[data-portal-tool="{tool}"] noscript').count() == 1
    page.goto(url(served, locale, "escalation/"))
    page.locator(".portal-countries summary").click()
    assert page.locator('.portal-countries dt[data-region="europe-uk"]').is_visible()
    context.close()


# --- the same figures in the build and in the browser -------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_browser_writes_digits_as_the_build_does(served, tab, locale: str) -> None:
    """CLDR's default numbering system (Latin digits for Arabic today), in Babel and in Intl."""
    page = tab.page
    page.clock.set_fixed_time("2026-06-12T20:00:00Z")
    page.goto(url(served, locale, "commitment/"))
    build = Locale.parse(locale).default_numbering_system
    assert page.evaluate("(lang) => new Intl.NumberFormat(lang).resolvedOptions().numberingSystem", locale) == build
    page.select_option("#portal-calc-severity", "critical")
    page.select_option("#portal-calc-region", "europe-uk")
    page.fill("#portal-calc-sent", "2026-06-13T03:00")
    closes = cell(page, "acknowledgement_closes", "region").inner_text()
    table = page.locator('[data-portal-table="matrix"]').inner_text()
    digits = set("0123456789") if build == "latn" else set()
    for text in (closes, table):
        used = {char for char in text if char.isdigit()}
        assert used and used <= digits, (build, text)
    tab.clean()
