"""Other shapes of the data than the sample's: a vendor with three escalation levels (the desk,
leads, and managers who are the partner account managers) and four severities builds strictly,
and every page, the published JSON and the finder show exactly those levels and severities, in
every language. Nothing in the code may assume the sample's four levels or three severities."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup

from conftest import LOCALES, Build, copy_project, mkdocs_build, nginx_serving, watched_page
from partner_portal.blocks import escalation_finder
from partner_portal.load import load_portal
from partner_portal.localize import Localizer
from partner_portal.publish import api_document
from partner_portal.render import PageLinks, render_block
from partner_portal.validate import schema_validator

# The fourth severity's texts, as a vendor's translators would write them.
COSMETIC = {
    "en": ("Cosmetic issue", "A display or wording problem that affects no function."),
    "fr": ("Problème d’affichage", "Un défaut d’affichage ou de formulation qui n’affecte aucune fonction."),
    "vi": ("Lỗi hiển thị", "Một lỗi hiển thị hoặc câu chữ không ảnh hưởng đến chức năng nào."),
    "ar": ("مشكلة شكلية", "خلل في العرض أو الصياغة لا يؤثر في أي وظيفة."),
    "ja": ("表示上の問題", "機能には影響しない、表示や文言の問題です。"),
}
LEVELS = ("desk", "leads", "managers")
NO_LEADS = "brazil"  # a region that leaves a level out: its table skips it, the numbers stay


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def reshape(project: Path) -> Path:
    """The sample turned into three escalation levels and four severities."""
    escalation = _read(project / "data/escalation.yml")
    escalation["levels"] = [{"id": "desk", "contact": "desk"}, {"id": "leads"}, {"id": "managers", "account_managers": True}]
    for region in escalation["regions"]:
        people = region["levels"]
        region["levels"] = {"leads": people["regional-leads"], "managers": people["account-managers"]}
        if region["id"] == NO_LEADS:
            del region["levels"]["leads"]
    _write(project / "data/escalation.yml", escalation)

    commitment = _read(project / "data/commitment.yml")
    # The windows copied from the last severity, whatever their notation (deep: the dump would
    # write a shared value as a YAML alias, which the portal refuses).
    last = copy.deepcopy(commitment["severities"][-1])
    commitment["severities"].append({**last, "id": "cosmetic", "level": len(commitment["severities"]) + 1, "examples": []})
    commitment["round_the_clock_severities"] = [severity["id"] for severity in commitment["severities"][:2]]
    _write(project / "data/commitment.yml", commitment)

    for locale in LOCALES:
        path = project / "locales" / f"{locale}.yml"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?:    #[^\n]*\n)*    support-managers: [^\n]*\n", "", text)
        text = text.replace("    regional-leads: ", "    leads: ").replace("    account-managers: ", "    managers: ")
        name, definition = COSMETIC[locale]
        described = locale == "en"  # English carries the descriptions for translators
        block = (
            "    cosmetic:\n"
            + ("      # Name of severity level 4 (cosmetic). At most 40 characters.\n" if described else "")
            + f"      name: {json.dumps(name, ensure_ascii=False)}\n"
            + ("      # Commitment page, definition of severity level 4 (cosmetic). One sentence.\n" if described else "")
            + f"      definition: {json.dumps(definition, ensure_ascii=False)}\n"
        )
        assert text.count("\n  severities:\n") == 1, locale
        text = text.replace("\n  severities:\n", "\n  severities:\n" + block)
        path.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def shaped(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = reshape(copy_project(tmp_path_factory.mktemp("shaped") / "project"))
    build = mkdocs_build(project, project / "site", "--strict")
    assert build.returncode == 0, build.log
    return build


def project_of(build: Build) -> Path:
    return build.site.parent


def html(build: Build, locale: str, path: str):
    prefix = "" if locale == "en" else f"{locale}/"
    return BeautifulSoup((build.site / prefix / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def messages(build: Build, locale: str) -> dict:
    return _read(project_of(build) / "locales" / f"{locale}.yml")


def label(build: Build, locale: str, group: str, number: int) -> str:
    """ "Severity 4", "Level 3" in the language (the build writes Latin digits in every one)."""
    key, placeholder = {"commitment": ("level", "level"), "escalation": ("level", "number")}[group]
    return messages(build, locale)[group][key].format(**{placeholder: number})


@pytest.mark.parametrize("locale", LOCALES)
def test_the_escalation_table_shows_exactly_the_three_levels(shaped: Build, locale: str) -> None:
    data = _read(project_of(shaped) / "data/escalation.yml")
    people = {person["id"]: person for person in data["people"]}
    roles = messages(shaped, locale)["escalation"]["level_roles"]
    assert set(roles) == set(LEVELS)
    soup = html(shaped, locale, "escalation")
    blocks = soup.select(".tabbed-block[data-region]")
    assert [block["data-region"] for block in blocks] == [region["id"] for region in data["regions"]]
    for block, region in zip(blocks, data["regions"]):
        rows = block.select("tbody tr")
        shown = [level for level in LEVELS if level != "leads" or region["id"] != NO_LEADS]
        numbers = [str(LEVELS.index(level) + 1) for level in shown]
        assert [row["data-level"] for row in rows] == numbers, region["id"]
        assert [row.th.get_text("|").split("|") for row in rows] == [[label(shaped, locale, "escalation", int(number)), roles[level]] for number, level in zip(numbers, shown)]
        managers = region["levels"]["managers"]
        assert [a["href"] for a in rows[-1].select("a")] == [f"mailto:{people[person]['email']}" for person in managers]
        # A region without account managers says so in their row, as the sample does.
        assert bool(rows[-1].select(".portal-none")) == (not managers), region["id"]


@pytest.mark.parametrize("locale", LOCALES)
def test_four_severities_everywhere(shaped: Build, locale: str) -> None:
    soup = html(shaped, locale, "commitment")
    severities = _read(project_of(shaped) / "data/commitment.yml")["severities"]
    assert [severity["level"] for severity in severities] == [1, 2, 3, 4]
    matrix = soup.select('table[data-portal-table="matrix"] tbody tr')
    assert [row["data-severity"] for row in matrix] == ["1", "2", "3", "4"]
    assert matrix[3].th.small.get_text() == COSMETIC[locale][0]
    assert [section["id"] for section in soup.select(".portal-severity")] == ["severity-1", "severity-2", "severity-3", "severity-4"]
    assert soup.select(".portal-severity")[3].get_text(" ", strip=True).endswith(COSMETIC[locale][1])
    options = soup.select("#portal-calc-severity option")
    assert [option["value"] for option in options] == [severity["id"] for severity in severities]
    # Two severities count round the clock: the help and the rule name both.
    first, second, third = (label(shaped, locale, "commitment", number) for number in (1, 2, 3))
    help_text = soup.select_one("#portal-calc-rtc-help").get_text()
    assert first in help_text and second in help_text and third not in help_text
    rules = [item.get_text() for item in soup.select('[data-portal-tool="calculator"] .admonition li')]
    assert [rule for rule in rules if first in rule and second in rule and third not in rule], rules


@pytest.mark.parametrize("locale", LOCALES)
def test_the_api_publishes_the_shape(shaped: Build, locale: str) -> None:
    prefix = "" if locale == "en" else f"{locale}/"
    document = json.loads((shaped.site / prefix / "api/portal.json").read_text(encoding="utf-8"))
    assert [error.message for error in schema_validator("api").iter_errors(document)] == []
    assert [(s["id"], s["level"], s["round_the_clock"]) for s in document["commitment"]["severities"]] == [
        ("critical", 1, True), ("moderate", 2, True), ("minimal", 3, False), ("cosmetic", 4, False)
    ]
    roles = messages(shaped, locale)["escalation"]["level_roles"]
    assert [(level["id"], level["number"], level["contact"], level["account_managers"], level["name"]) for level in document["escalation"]["levels"]] == [
        ("desk", 1, "desk", False, roles["desk"]), ("leads", 2, "people", False, roles["leads"]), ("managers", 3, "people", True, roles["managers"])
    ]
    regions = {region["id"]: region for region in document["escalation"]["regions"]}
    assert list(regions["europe-uk"]["levels"]) == ["leads", "managers"]
    assert regions[NO_LEADS]["levels"]["leads"] == []
    countries = {country["code"]: country for country in document["countries"]}
    assert countries["FR"]["account_managers"] == ["pam-france"]
    assert countries["AU"]["account_managers"] == []


def test_without_an_account_managers_level_the_finder_names_no_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/escalation.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    account_managers: true\n", ""), encoding="utf-8")
    portal = load_portal(project, LOCALES, "en")
    english = _read(project / "locales/en.yml")["tools"]["finder"]
    t = Localizer("en", portal.messages["en"])
    assert all(country["account_managers"] == [] for country in api_document(portal, t)["countries"])
    view = escalation_finder(portal, t)
    assert view["config"]["account_managers"] is False and view["config"]["people"] == []
    rendered = BeautifulSoup(render_block("escalation-finder", portal, t, PageLinks("", "", portal.block_pages.urls("en"))), "html.parser")
    assert rendered.p.get_text() == english["intro_without_managers"]


# --- the finder in Chromium, on the reshaped site -------------------------------------------------


@pytest.fixture(scope="module")
def shaped_served(shaped: Build, tmp_path_factory: pytest.TempPathFactory):
    with nginx_serving(shaped.site, tmp_path_factory.mktemp("nginx-shaped")) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_the_finder_names_the_account_manager_of_the_marked_level(browser, shaped: Build, shaped_served: str, locale: str) -> None:
    data = _read(project_of(shaped) / "data/escalation.yml")
    people = {person["id"]: person for person in data["people"]}
    names = Locale.parse(locale).territories
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(shaped_served + ("" if locale == "en" else f"{locale}/") + "escalation/")
        country = page.locator("#portal-finder-country")
        result = page.locator('[data-portal-tool="finder"] [data-result]')
        country.press_sequentially(names["FR"])
        assert result.get_attribute("data-region") == "europe-uk"
        link = result.locator("a[href^='mailto:']")
        assert link.inner_text() == people["pam-france"]["name"]  # a person of the level "managers"
        tab = page.locator('.tabbed-block[data-region="europe-uk"]')
        assert tab.is_visible()
        assert tab.locator("tbody tr").evaluate_all("rows => rows.map(row => row.dataset.level)") == ["1", "2", "3"]
        # Australia's region has no account manager: the finder says so and names no one.
        country.fill(names["AU"])
        assert result.get_attribute("data-region") == "anz"
        assert result.locator("a").count() == 0
        assert result.locator("p").count() == 2
        assert watched.console_errors == [] and watched.foreign_requests == []


@pytest.mark.browser
def test_the_calculator_counts_for_the_fourth_severity(browser, shaped: Build, shaped_served: str) -> None:
    with watched_page(browser, timezone_id="Europe/London") as watched:
        page = watched.page
        page.goto(shaped_served + "commitment/")
        page.select_option("#portal-calc-region", "europe-uk")
        page.fill("#portal-calc-sent", "2026-06-12T20:00")

        def closes(severity: str) -> str:
            page.select_option("#portal-calc-severity", severity)
            return page.locator('[data-milestone="acknowledgement_closes"] [data-zone="region"] time').get_attribute("datetime")

        # The fourth severity has the third one's windows: the same answer, and no round the clock.
        assert closes("cosmetic") == closes("minimal")
        assert page.locator("[data-round-the-clock]").is_hidden()
        closes("moderate")  # the second severity counts round the clock here
        assert page.locator("[data-round-the-clock]").is_visible()
        assert watched.console_errors == [] and watched.foreign_requests == []
