"""The data of the response-time calculator, the escalation finder and the priority check:
every mistake in it gets a precise message, the published JSON matches the data, and the pages
carry the same facts without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from babel import Locale

from conftest import LOCALES, ROOT
from partner_portal.load import load_portal
from partner_portal.localize import Localizer
from partner_portal.validate import schema_validator
from partner_portal.validate import known_countries
from partner_portal.worktime import parse_window
from test_validation import edit, line_of, problems

DATA = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in ("commitment", "escalation", "priority", "programme")}


def api(site, locale: str) -> dict:
    prefix = "" if locale == "en" else f"{locale}/"
    return json.loads((site.site / prefix / "api" / "portal.json").read_text(encoding="utf-8"))


# --- mistakes in the data -----------------------------------------------------------------


def test_country_in_two_escalation_regions(project: Path) -> None:
    # India comes first in the file, so the second mention, in Europe, is the one reported.
    edit(project, "data/escalation.yml", "countries: [IN]", "countries: [IN, FR]")
    line = line_of(project, "data/escalation.yml", "GB, IE, NL, BE, LU, \"NO\", DK, IS, FI, SE, FR, MC,")
    assert problems(project) == [
        f"data/escalation.yml:{line}: regions[4].countries[10]: 'FR' is already in region 'india' (regions[2].countries[1]): a country belongs to one escalation region only"
    ]


def test_country_in_no_priority_region(project: Path) -> None:
    edit(project, "data/priority.yml", "countries: [CA, BR, GL, PM]", "countries: [CA, BR, GL]")
    line = (project / "data/priority.yml").read_text(encoding="utf-8").splitlines().index("regions:") + 1
    assert problems(project) == [f"data/priority.yml:{line}: regions: 1 country is in no priority region: PM (St. Pierre & Miquelon); add each to the 'countries' of one region"]


def test_country_code_unknown_to_cldr(project: Path) -> None:
    edit(project, "data/escalation.yml", "countries: [BR]", "countries: [BR, QQ]")
    line = line_of(project, "data/escalation.yml", "countries: [BR, QQ]")
    assert problems(project) == [f"data/escalation.yml:{line}: regions[7].countries[1]: 'QQ' is not a country or territory code known to CLDR"]


def test_area_code_instead_of_countries(project: Path) -> None:
    edit(project, "data/escalation.yml", "countries: [BR]", 'countries: ["005"]')
    line = line_of(project, "data/escalation.yml", 'countries: ["005"]')
    found = problems(project)
    assert f"data/escalation.yml:{line}: regions[7].countries[0]: a text (\"005\") must be an ISO 3166 country code like 'FR' (quote \"NO\"; an area code like '150' names a region, it does not list its countries)" in found


def test_region_named_after_a_country_it_does_not_list(project: Path) -> None:
    # The United States move to Latin America's escalation list: North America is still named after them.
    edit(project, "data/escalation.yml", "countries: [US, CA, BM, GL, PM]", "countries: [CA, BM, GL, PM]")
    edit(project, "data/escalation.yml", "      MX, BZ,", "      US, MX, BZ,")
    line = line_of(project, "data/escalation.yml", "detail_territories: [US, CA]")
    assert problems(project) == [f"data/escalation.yml:{line}: regions[5].detail_territories[0]: the region is named after 'US', which its 'countries' do not list"]


def test_account_manager_covering_a_country_outside_the_region(project: Path) -> None:
    edit(project, "data/escalation.yml", "territories: [FR, MC]}", "territories: [FR, MC, DZ]}")
    line = line_of(project, "data/escalation.yml", "[FR, MC, DZ]")
    assert problems(project) == [
        f"data/escalation.yml:{line}: people[20].territories[2]: 'pam-france' covers 'DZ' as an account manager (level 'account-managers') of region 'europe-uk', whose 'countries' do not list it"
    ]


def test_missing_countries(project: Path) -> None:
    edit(project, "data/escalation.yml", "    countries: [IN]\n", "")
    line = line_of(project, "data/escalation.yml", "  - id: india")
    assert problems(project) == [f"data/escalation.yml:{line}: regions[2]: missing key 'countries'"]


def test_holiday_not_in_the_calendar(project: Path) -> None:
    edit(project, "data/escalation.yml", '"2026-12-28",', '"2026-02-30",')
    line = line_of(project, "data/escalation.yml", '"2026-02-30"')
    assert problems(project) == [f"data/escalation.yml:{line}: regions[4].holidays[7]: '2026-02-30' is not a day of the calendar"]


def test_unquoted_holiday_reads_as_a_yaml_date(project: Path) -> None:
    edit(project, "data/escalation.yml", '"2026-12-28",', "2026-12-28,")
    line = line_of(project, "data/escalation.yml", "2026-12-28,")
    [message] = problems(project)
    assert message.startswith(f"data/escalation.yml:{line}: regions[4].holidays[7]: ")
    assert message.endswith('must be an ISO date in quotes, like "2026-12-25" (YAML reads an unquoted date as a date, not a text)')


def test_duplicate_holiday(project: Path) -> None:
    edit(project, "data/escalation.yml", '"2026-12-28",', '"2026-12-25",')
    line = line_of(project, "data/escalation.yml", '"2026-12-25", "2026-12-25"')
    assert problems(project) == [f"data/escalation.yml:{line}: regions[4].holidays[7]: duplicate '2026-12-25' (already at holidays[6])"]


def test_round_the_clock_for_an_unknown_severity(project: Path) -> None:
    edit(project, "data/commitment.yml", "round_the_clock_severities: [critical]", "round_the_clock_severities: [criticial]")
    line = line_of(project, "data/commitment.yml", "round_the_clock_severities")
    assert problems(project) == [f"data/commitment.yml:{line}: round_the_clock_severities[0]: unknown severity id 'criticial'; did you mean 'critical'?"]


def test_every_country_has_one_region_of_each_kind() -> None:
    for name in ("escalation", "priority"):
        codes = [code for region in DATA[name]["regions"] for code in region["countries"]]
        assert sorted(codes) == sorted(known_countries()), name
    assert {"FR", "GB", "XK", "IN", "US", "BR"} <= known_countries()
    assert not {"EU", "UN", "ZZ", "150", "IC"} & known_countries()


# --- the published JSON -------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_api_is_published_per_language_and_valid(site, locale: str) -> None:
    document = api(site, locale)
    # With the other schemas beside it: the units of a duration are common.schema.json's.
    assert sorted(str(error.message) for error in schema_validator("api").iter_errors(document)) == []
    assert document["schema_version"] == 2
    assert document["locale"] == locale
    prefix = "" if locale == "en" else f"{locale}/"
    assert document["pages"]["escalation"] == f"https://partners.example.com/{prefix}escalation/"


@pytest.mark.parametrize("locale", LOCALES)
def test_api_figures_are_the_data(site, locale: str) -> None:
    document = api(site, locale)
    commitment = document["commitment"]
    assert commitment["working_week"]["days"] == [1, 2, 3, 4, 5]
    for published, severity in zip(commitment["severities"], DATA["commitment"]["severities"], strict=True):
        assert published["id"] == severity["id"] and published["level"] == severity["level"]
        for window in ("acknowledgement", "determination"):
            assert {key: published[window][key] for key in ("min", "max")} == parse_window(severity[window]).as_json()
        assert published["round_the_clock"] == (severity["id"] in DATA["commitment"]["round_the_clock_severities"])
    for published, region in zip(document["escalation"]["regions"], DATA["escalation"]["regions"], strict=True):
        assert (published["id"], published["time_zone"], published["countries"]) == (region["id"], region["time_zone"], region["countries"])
        assert published["holidays"] == region.get("holidays", [])
        assert published["working_week"] == commitment["working_week"] and published["support_hours"] is None  # the sample's regions: the default week, round the clock
        # Every level that lists people, in the order of the data; [] where the region has none.
        assert published["levels"] == {level["id"]: region["levels"].get(level["id"], []) for level in DATA["escalation"]["levels"] if level.get("contact", "people") == "people"}
        assert list(published["levels"]) == ["regional-leads", "support-managers", "account-managers"]
    for published, region in zip(document["priority"]["regions"], DATA["priority"]["regions"], strict=True):
        assert {key: published[key] for key in ("id", "min_user_licences", "eligible", "countries")} == {key: region[key] for key in ("id", "min_user_licences", "eligible", "countries")}
    assert document["escalation"]["desk"] == DATA["programme"]["addresses"]["escalation_desk"]
    messages = yaml.safe_load((ROOT / "locales" / f"{locale}.yml").read_text(encoding="utf-8"))["escalation"]["level_roles"]
    assert [(level["id"], level["number"], level["contact"], level["account_managers"], level["name"]) for level in document["escalation"]["levels"]] == [
        ("desk", 1, "desk", False, messages["desk"]),
        ("regional-leads", 2, "people", False, messages["regional-leads"]),
        ("support-managers", 3, "people", False, messages["support-managers"]),
        ("account-managers", 4, "people", True, messages["account-managers"]),
    ]


def test_api_differs_between_languages_only_in_names(site) -> None:
    def figures(document: dict) -> object:
        return {
            "severities": [(s["id"], s["acknowledgement"]["max"], s["determination"]["max"]) for s in document["commitment"]["severities"]],
            "escalation": [(r["id"], r["time_zone"], r["holidays"], r["countries"]) for r in document["escalation"]["regions"]],
            "priority": [(r["id"], r["min_user_licences"], r["countries"]) for r in document["priority"]["regions"]],
            "countries": sorted((c["code"], c["escalation_region"], c["priority_region"], tuple(c["account_managers"])) for c in document["countries"]),
        }

    english = api(site, "en")
    for locale in LOCALES[1:]:
        document = api(site, locale)
        assert figures(document) == figures(english), locale
        names = Locale.parse(locale).territories
        assert all(country["name"] == names[country["code"]] for country in document["countries"])
    french = {country["code"]: country for country in api(site, "fr")["countries"]}
    assert french["FR"]["account_managers"] == ["pam-france"]
    assert french["JP"]["account_managers"] == ["pam-japan-east", "pam-japan-west"]
    assert french["US"]["account_managers"] == [] and french["US"]["priority_region"] == "us-latam"
    assert french["CA"]["escalation_region"] == "north-america" and french["CA"]["priority_region"] == "canada-brazil"


# --- the pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_tools_embed_their_part_of_the_api(site, page, locale: str) -> None:
    document = api(site, locale)
    calculator = json.loads(page(locale, "commitment/").select_one('[data-portal-tool="calculator"] script[data-config]').get_text())
    assert calculator["severities"] == document["commitment"]["severities"]
    assert [region["time_zone"] for region in calculator["regions"]] == [region["time_zone"] for region in document["escalation"]["regions"]]
    finder = json.loads(page(locale, "escalation/").select_one('[data-portal-tool="finder"] script[data-config]').get_text())
    assert [(c["code"], c["escalation_region"]) for c in finder["countries"]] == [(c["code"], c["escalation_region"]) for c in document["countries"]]
    check = json.loads(page(locale, "priority-support/").select_one('[data-portal-tool="priority"] script[data-config]').get_text())
    assert check["regions"] == [{key: region[key] for key in ("id", "name", "min_user_licences", "eligible")} for region in document["priority"]["regions"]]
    # No text typed in a script: every message comes from the locale file of the page.
    messages = yaml.safe_load((ROOT / "locales" / f"{locale}.yml").read_text(encoding="utf-8"))["tools"]
    assert check["messages"]["priority"] == messages["priority"]
    assert finder["messages"]["country"] == messages["country"]


@pytest.mark.parametrize("locale", LOCALES)
def test_without_javascript_the_pages_carry_every_answer(page, locale: str) -> None:
    names = {code: str(Localizer(locale, {}).territory_in_list(code)) for code in Locale.parse(locale).territories}  # as a list item
    for path, data in (("escalation/", DATA["escalation"]), ("priority-support/", DATA["priority"])):
        lists = page(locale, path).select(".portal-countries dt[data-region]")
        assert [dt["data-region"] for dt in lists] == [region["id"] for region in data["regions"]]
        for dt, region in zip(lists, data["regions"]):
            text = dt.find_next_sibling("dd").get_text()
            assert all(names[code] in text for code in region["countries"]), (path, region["id"])
    calendar = page(locale, "escalation/").select('table[data-portal-table="calendar"] tbody tr')
    assert [row["data-region"] for row in calendar] == [region["id"] for region in DATA["escalation"]["regions"]]
    for row, region in zip(calendar, DATA["escalation"]["regions"]):
        assert row.select_one("[data-time-zone]")["data-time-zone"] == region["time_zone"]
        assert [time["datetime"] for time in row.select("time")] == region.get("holidays", [])
    # The tool itself waits for its script; the rules of the calculator are always shown.
    commitment = page(locale, "commitment/")
    assert commitment.select_one('[data-portal-tool="calculator"] form')["hidden"] is not None
    assert len(commitment.select('[data-portal-tool="calculator"] .admonition li')) == 9
    assert commitment.select_one('[data-portal-tool="calculator"] noscript') is not None


def test_a_missing_translation_reaches_the_tools_in_english_without_markers(project: Path) -> None:
    # Without --strict, a missing translation falls back to English (marked in HTML): the JSON and
    # the tools, which are not HTML, get the English text itself.
    from conftest import mkdocs_build

    edit(project, "locales/vi.yml", "      name: Ảnh hưởng nghiêm trọng đến kinh doanh\n", "")
    edit(project, "locales/vi.yml", "    now: Bây giờ\n", "")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.log
    text = (project / "site" / "vi" / "api" / "portal.json").read_text(encoding="utf-8")
    assert "\ue000" not in text and "\ue001" not in text
    english = yaml.safe_load((ROOT / "locales" / "en.yml").read_text(encoding="utf-8"))
    assert json.loads(text)["commitment"]["severities"][0]["name"] == english["commitment"]["severities"]["critical"]["name"]
    html = (project / "site" / "vi" / "commitment" / "index.html").read_text(encoding="utf-8")
    config = html.split('<script type="application/json" data-config>')[1].split("</script>")[0]
    assert "\ue000" not in config and english["commitment"]["severities"]["critical"]["name"] in json.loads(config)["severities"][0]["name"]
    assert '<span lang="en" class="portal-fallback"' in html.split('data-action="now"')[1].split("</button>")[0]
