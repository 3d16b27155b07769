"""Working time (#9): response times in minutes, hours or working days with their own units, and
escalation regions with their own working week and support hours. Parsing, every mistake's
message (file, line, key path), the pages and the API of a portal whose regions differ, and the
calculator in Chromium for a region with support hours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LOCALES, copy_project, mkdocs_build, nginx_serving, watched_page
from page_language import page_problems
from partner_portal.localize import Localizer
from partner_portal.publish import plain
from partner_portal.validate import schema_validator
from partner_portal.worktime import (
    Duration, DurationError, Schedule, parse_duration, parse_hours, parse_window, same_everywhere, units, weekdays,
)
from test_gates import axe_violations
from test_validation import edit, line_of, problems

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "common.schema.json").read_text(encoding="utf-8"))


# --- parsing ----------------------------------------------------------------------------------


def test_a_duration_is_a_whole_number_and_a_unit_singular_or_plural() -> None:
    assert parse_duration("30 minutes") == Duration(30, "minute")
    assert parse_duration("1 hour") == parse_duration("1 hours") == Duration(1, "hour")
    assert parse_duration("2 days") == Duration(2, "day")
    assert parse_duration("0 minutes") == Duration(0, "minute")
    assert parse_window({"min": "30 minutes", "max": "1 hour"}).as_json() == {"min": {"amount": 30, "unit": "minute"}, "max": {"amount": 1, "unit": "hour"}}
    assert [str(Duration(1, "hour")), str(Duration(30, "minute")), str(Duration(2, "day"))] == ["1 hour", "30 minutes", "2 days"]


def test_a_duration_that_cannot_be_read_says_why() -> None:
    shape = 'must be a whole number and its unit, like "30 minutes", "1 hour" or "2 days"'
    for text in ("three hours", "1  hour", "01 hour", "2 Days", "2", 3, None):
        with pytest.raises(DurationError) as caught:
            parse_duration(text)
        assert str(caught.value) == shape, text
    with pytest.raises(DurationError, match=r"^unknown unit 'hous'; did you mean 'hours'\? \(a duration's unit is one of: minute\(s\), hour\(s\), day\(s\)\)$"):
        parse_duration("3 hous")
    with pytest.raises(DurationError, match=r"^unknown unit 'mins'; did you mean 'minutes'\?"):
        parse_duration("2 mins")
    with pytest.raises(DurationError, match=r"^unknown unit 'weeks' \(a duration's unit"):
        parse_duration("2 weeks")


def test_the_units_are_the_schemas_and_each_has_its_arithmetic() -> None:
    """One list of units: the schema's enum, which the parser, the API schema and the tests read."""
    assert units() == tuple(SCHEMA["$defs"]["duration_unit"]["enum"]) == ("minute", "hour", "day")
    api = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "api.schema.json").read_text(encoding="utf-8"))
    assert api["$defs"]["duration"]["properties"]["unit"]["$ref"] == "common.schema.json#/$defs/duration_unit"
    # A day is one working day: 10 hours where support hours run 08:00 to 18:00, 24 without them.
    assert [Duration(1, unit).minutes(600) for unit in units()] == [1, 60, 600]
    assert Duration(2, "day").minutes() == 2 * 24 * 60


def test_working_weeks_and_support_hours() -> None:
    assert weekdays("monday", "friday") == [1, 2, 3, 4, 5]
    assert weekdays("sunday", "thursday") == [7, 1, 2, 3, 4]  # round the week's end
    assert weekdays("saturday", "saturday") == [6]
    hours = parse_hours({"opens": "08:00", "closes": "18:30"})
    assert (hours.minutes, hours.as_json(), str(hours)) == (630, {"opens": "08:00", "closes": "18:30"}, "08:00 to 18:30")
    assert parse_hours(None) is None
    default = Schedule("monday", "friday", None)
    assert (default.day_minutes, default.week_json()) == (1440, {"first_day": "monday", "last_day": "friday", "days": [1, 2, 3, 4, 5]})
    assert same_everywhere([default, Schedule("monday", "friday", None)])
    assert same_everywhere([Schedule("sunday", "thursday", None)] * 2)  # the pages then name that week
    assert not same_everywhere([default, Schedule("sunday", "thursday", None)])
    assert not same_everywhere([default, Schedule("monday", "friday", hours)])


# --- mistakes in the data: one line each, with file, line and key path --------------------------

COMMITMENT, ESCALATION = "data/commitment.yml", "data/escalation.yml"


def test_unknown_unit(project: Path) -> None:
    edit(project, COMMITMENT, "{min: 1 hour, max: 3 hours}", "{min: 1 hour, max: 3 hous}")
    line = line_of(project, COMMITMENT, "3 hous")
    assert problems(project) == [f"{COMMITMENT}:{line}: severities[0].acknowledgement.max: unknown unit 'hous'; did you mean 'hours'? (a duration's unit is one of: minute(s), hour(s), day(s))"]


def test_a_window_in_the_shape_before_units_were_per_bound(project: Path) -> None:
    edit(project, COMMITMENT, "{min: 1 hour, max: 3 hours}", "{min: 1, max: 3, unit: hour}")
    line = line_of(project, COMMITMENT, "unit: hour")
    shape = 'must be a whole number and its unit, like "30 minutes", "1 hour" or "2 days"'
    assert sorted(problems(project)) == sorted([
        f"{COMMITMENT}:{line}: severities[0].acknowledgement.min: a number (1) {shape}",
        f"{COMMITMENT}:{line}: severities[0].acknowledgement.max: a number (3) {shape}",
        f"{COMMITMENT}:{line}: severities[0].acknowledgement.unit: unknown key 'unit'; expected one of: min, max",
    ])


def test_min_longer_than_max_in_the_same_unit_and_across_units(project: Path) -> None:
    edit(project, COMMITMENT, "{min: 1 hour, max: 3 hours}", "{min: 3 hours, max: 1 hour}")
    edit(project, COMMITMENT, "{min: 24 hours, max: 48 hours}", "{min: 90 minutes, max: 1 hour}")
    first, second = line_of(project, COMMITMENT, "{min: 3 hours"), line_of(project, COMMITMENT, "{min: 90 minutes")
    assert problems(project) == [
        f"{COMMITMENT}:{first}: severities[0].acknowledgement: min (3 hours) is longer than max (1 hour)",
        f"{COMMITMENT}:{second}: severities[1].determination: min (90 minutes) is longer than max (1 hour)",
    ]


def test_a_day_is_as_long_as_each_regions_working_day(project: Path) -> None:
    # 9 hours to 1 day holds round the clock (a day of 24 hours) and where support hours last 10
    # hours, not where they last 8: the message names that region and its hours.
    edit(project, COMMITMENT, "{min: 2 days, max: 3 days}", "{min: 9 hours, max: 1 day}")
    edit(project, ESCALATION, "    time_zone: Asia/Dubai\n", '    time_zone: Asia/Dubai\n    support_hours: {opens: "09:00", closes: "17:00"}\n')
    edit(project, ESCALATION, "    time_zone: Asia/Kolkata\n", '    time_zone: Asia/Kolkata\n    support_hours: {opens: "08:00", closes: "18:00"}\n')
    line = line_of(project, COMMITMENT, "{min: 9 hours")
    assert problems(project) == [
        f"{COMMITMENT}:{line}: severities[2].determination: min (9 hours) is longer than max (1 day) in region 'mea', where a working day lasts 8 hours (support hours 09:00 to 17:00)"
    ]


def test_a_day_counted_round_the_clock_is_24_hours(project: Path) -> None:
    # 20 hours are less than a day of 24 hours: wrong round the clock, right where a day lasts 10 hours.
    edit(project, COMMITMENT, "{min: 2 hours, max: 8 hours}", "{min: 1 day, max: 20 hours}")
    line = line_of(project, COMMITMENT, "{min: 1 day")
    assert problems(project) == [
        f"{COMMITMENT}:{line}: severities[0].determination: min (1 day) is longer than max (20 hours) where working days count round the clock (a day of 24 hours)"
    ]


def test_a_window_that_closes_at_once(project: Path) -> None:
    edit(project, COMMITMENT, "{min: 6 hours, max: 12 hours}", "{min: 0 hours, max: 0 minutes}")
    line = line_of(project, COMMITMENT, "{min: 0 hours")
    assert problems(project) == [f"{COMMITMENT}:{line}: severities[1].acknowledgement.max: max is 0 minutes: a window closes some time after the request was sent"]


def test_support_hours_that_close_before_they_open(project: Path) -> None:
    edit(project, ESCALATION, "    time_zone: Asia/Dubai\n", '    time_zone: Asia/Dubai\n    support_hours: {opens: "18:00", closes: "08:00"}\n')
    line = line_of(project, ESCALATION, 'opens: "18:00"')
    assert problems(project) == [f"{ESCALATION}:{line}: regions[3].support_hours: opens (18:00) must be before closes (08:00): support hours are hours of one day, in the region's time zone"]


def test_unquoted_support_hours_read_as_a_number(project: Path) -> None:
    edit(project, ESCALATION, "    time_zone: Asia/Dubai\n", '    time_zone: Asia/Dubai\n    support_hours: {opens: "08:00", closes: 18:00}\n')
    line = line_of(project, ESCALATION, "closes: 18:00")
    assert problems(project) == [
        f'{ESCALATION}:{line}: regions[3].support_hours.closes: a number (1080) must be a time of day in quotes, like "08:00" or "18:30" (YAML reads an unquoted 18:30 as the number 1110)'
    ]


def test_misspelled_working_day(project: Path) -> None:
    edit(project, ESCALATION, "    time_zone: Asia/Dubai\n", "    time_zone: Asia/Dubai\n    working_week: {first_day: sundy, last_day: thursday}\n")
    line = line_of(project, ESCALATION, "first_day: sundy")
    assert problems(project) == [
        f'{ESCALATION}:{line}: regions[3].working_week.first_day: a text ("sundy") is not allowed; expected one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday'
    ]


# --- a portal whose regions differ: the pages and the API ----------------------------------------

# The Middle East and Africa work Sunday to Thursday, 08:00 to 18:00 in Dubai; severity 1 is
# acknowledged within 30 minutes to 1 hour. Every other region keeps the sample's week, round the clock.
MEA_WEEK = "    working_week: {first_day: sunday, last_day: thursday}\n"
MEA_HOURS = '    support_hours: {opens: "08:00", closes: "18:00"}\n'


def per_region_project(destination: Path) -> Path:
    project = copy_project(destination)
    edit(project, ESCALATION, "    time_zone: Asia/Dubai\n", "    time_zone: Asia/Dubai\n" + MEA_WEEK + MEA_HOURS)
    edit(project, COMMITMENT, "acknowledgement: {min: 1 hour, max: 3 hours}", "acknowledgement: {min: 30 minutes, max: 1 hour}")
    return project


@pytest.fixture(scope="module")
def per_region(tmp_path_factory: pytest.TempPathFactory):
    project = per_region_project(tmp_path_factory.mktemp("per-region") / "project")
    build = mkdocs_build(project, project / "site", "--strict")
    assert build.returncode == 0, build.log
    return build


def soup(build, locale: str, path: str) -> BeautifulSoup:
    prefix = "" if locale == "en" else f"{locale}/"
    return BeautifulSoup((build.site / prefix / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def messages(locale: str) -> Localizer:
    from partner_portal.load import load_portal

    portal = load_portal(Path(__file__).resolve().parents[1], LOCALES, "en")
    return Localizer(locale, portal.messages[locale], portal.messages["en"])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_pages_say_per_region_when_regions_differ(per_region, locale: str) -> None:
    t = messages(locale)
    hours = t.hours(parse_hours({"opens": "08:00", "closes": "18:00"}))
    commitment = soup(per_region, locale, "commitment")
    # Minutes in the response-time table, each bound with its unit where the units differ.
    cell = commitment.select_one('[data-portal-table="matrix"] [data-severity="1"] [data-window="acknowledgement"]').get_text()
    assert cell == plain(t.text("common.range", min=t.duration(30, "minute"), max=t.duration(1, "hour")))
    # The working-days rule sends the reader to each region's row of the support calendar.
    rule = commitment.select_one(".admonition.info p:not(.admonition-title)")
    assert rule.select_one('a[href$="escalation/#support-calendar"]') is not None
    assert str(t.weekday("monday")) not in rule.get_text()
    rules = [li.get_text() for li in commitment.select('[data-portal-tool="calculator"] .admonition li')]
    assert len(rules) == 9
    assert rules[0] == plain(t.text("tools.calculator_rules.zone_by_region"))
    assert rules[2] == plain(t.text("tools.calculator_rules.start_by_region"))
    config = json.loads(commitment.select_one('[data-portal-tool="calculator"] script[data-config]').get_text())
    mea = next(region for region in config["regions"] if region["id"] == "mea")
    assert (mea["working_days"], mea["support_hours"]) == ([7, 1, 2, 3, 4], {"opens": "08:00", "closes": "18:00"})
    assert mea["working_time"] == plain(t.text("tools.working_time.region", first_day=t.weekday("sunday"), last_day=t.weekday("thursday"), hours=hours))
    assert commitment.select_one("#portal-calc-region")["aria-describedby"] == "portal-calc-working-time"

    calendar = soup(per_region, locale, "escalation").select_one(".portal-calendar")
    assert calendar.p.get_text() == plain(t.text("tools.calendar.intro_by_region"))
    assert calendar.select("thead th")[2].get_text() == plain(t.text("tools.working_time.title"))
    row = calendar.select_one('tr[data-region="mea"] td[data-working-days]')
    assert (row["data-working-days"], row["data-support-hours"]) == ("7 1 2 3 4", "08:00-18:00")
    assert row.get_text("|") == f"{plain(t.text('tools.working_time.days', first_day=t.weekday('sunday'), last_day=t.weekday('thursday')))}|{hours}"
    other = calendar.select_one('tr[data-region="europe-uk"] td[data-working-days]')
    assert other.get_text("|") == f"{plain(t.text('tools.working_time.days', first_day=t.weekday('monday'), last_day=t.weekday('friday')))}|{plain(t.text('tools.working_time.round_the_clock'))}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_per_region_texts_speak_the_pages_language(per_region, locale: str) -> None:
    """The strings only this shape shows, checked as the sample's pages are (test_page_language)."""
    found = {path: [str(problem) for problem in page_problems(soup(per_region, locale, path).decode(), locale)] for path in ("commitment", "escalation")}
    assert found == {"commitment": [], "escalation": []}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_api_publishes_each_bound_and_each_regions_week_and_hours(per_region, locale: str) -> None:
    prefix = "" if locale == "en" else f"{locale}/"
    document = json.loads((per_region.site / prefix / "api" / "portal.json").read_text(encoding="utf-8"))
    assert sorted(error.message for error in schema_validator("api").iter_errors(document)) == []
    critical = document["commitment"]["severities"][0]
    assert critical["acknowledgement"]["min"] == {"amount": 30, "unit": "minute"}
    assert critical["acknowledgement"]["max"] == {"amount": 1, "unit": "hour"}
    assert critical["determination"]["max"] == {"amount": 8, "unit": "hour"}
    assert document["commitment"]["severities"][2]["determination"]["min"] == {"amount": 2, "unit": "day"}
    regions = {region["id"]: region for region in document["escalation"]["regions"]}
    assert regions["mea"]["working_week"] == {"first_day": "sunday", "last_day": "thursday", "days": [7, 1, 2, 3, 4]}
    assert regions["mea"]["support_hours"] == {"opens": "08:00", "closes": "18:00"}
    assert regions["india"]["working_week"] == document["commitment"]["working_week"] == {"first_day": "monday", "last_day": "friday", "days": [1, 2, 3, 4, 5]}
    assert regions["india"]["support_hours"] is None


def test_the_sample_reads_as_one_week_round_the_clock(page) -> None:
    """Every region of the sample works Monday to Friday round the clock: no column, no per-region
    sentence, the days named once (as the pages read before regions could differ)."""
    calendar = page("en", "escalation/").select_one(".portal-calendar")
    assert len(calendar.select("thead th")) == 3 and not calendar.select("[data-working-days]")
    assert "from Monday to Friday" in calendar.p.get_text(" ")
    commitment = page("en", "commitment/")
    assert commitment.select_one("[data-working-time]") is None
    assert "Monday to Friday" in commitment.select_one(".admonition.info p:not(.admonition-title)").get_text()


# --- the calculator in Chromium, for a region with support hours --------------------------------


@pytest.fixture(scope="module")
def served_per_region(per_region, tmp_path_factory: pytest.TempPathFactory):
    with nginx_serving(per_region.site, tmp_path_factory.mktemp("nginx-per-region")) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_calculator_counts_a_regions_own_week_and_support_hours(browser, per_region, served_per_region, locale: str) -> None:
    t = messages(locale)
    prefix = "" if locale == "en" else f"{locale}/"
    with watched_page(browser, timezone_id="America/Los_Angeles") as watched:
        page = watched.page
        page.goto(served_per_region + prefix + "commitment/")
        line = page.locator("[data-working-time]")
        assert line.is_hidden()  # until a region is chosen
        page.select_option("#portal-calc-severity", "critical")
        page.select_option("#portal-calc-region", "mea")
        config = json.loads(page.locator('[data-portal-tool="calculator"] script[data-config]').text_content())
        assert line.inner_text() == next(region["working_time"] for region in config["regions"] if region["id"] == "mea")

        def closes(milestone: str) -> str:
            return page.locator(f'[data-milestone="{milestone}"] [data-zone="region"] time').get_attribute("datetime")

        # Wednesday 2026-06-10 08:30 in Los Angeles = 15:30Z = 19:30 in Dubai (+04), after closing:
        # counting starts Thursday 08:00 in Dubai = 04:00Z. 30 minutes to 1 hour: 04:30Z, 05:00Z;
        # 2 to 8 hours: 06:00Z, 12:00Z (16:00 in Dubai).
        page.fill("#portal-calc-sent", "2026-06-10T08:30")
        assert [closes(m) for m in ("acknowledgement_opens", "acknowledgement_closes", "determination_opens", "determination_closes", "escalation_from")] == [
            "2026-06-11T04:30:00.000Z", "2026-06-11T05:00:00.000Z", "2026-06-11T06:00:00.000Z", "2026-06-11T12:00:00.000Z", "2026-06-11T05:00:00.000Z",
        ]
        # Thursday after closing (08:00 in Los Angeles = 19:00 in Dubai): Friday and Saturday are
        # off there; Sunday 2026-06-14 opens at 08:00 = 04:00Z, and the window closes at 05:00Z.
        page.fill("#portal-calc-sent", "2026-06-11T08:00")
        assert closes("acknowledgement_closes") == "2026-06-14T05:00:00.000Z"
        cell = page.locator('[data-milestone="acknowledgement_closes"] [data-zone="region"] time').inner_text()
        assert t.weekday("sunday").lower() in cell.lower()
        # Severity 3 ("2 to 3 days"): working days of 10 hours, Sunday and Monday, then Tuesday;
        # each closes at 18:00 in Dubai (14:00Z).
        page.select_option("#portal-calc-severity", "minimal")
        assert (closes("determination_opens"), closes("determination_closes")) == ("2026-06-15T14:00:00.000Z", "2026-06-16T14:00:00.000Z")
        # A critical case counted round the clock ignores days and hours: 15:00Z + 1 hour.
        page.select_option("#portal-calc-severity", "critical")
        page.check("#portal-calc-rtc")
        assert closes("acknowledgement_closes") == "2026-06-11T16:00:00.000Z"
        page.uncheck("#portal-calc-rtc")
        # London works Monday to Friday round the clock: Thursday 16:00 BST + 1 hour = 16:00Z.
        page.select_option("#portal-calc-region", "europe-uk")
        assert closes("acknowledgement_closes") == "2026-06-11T16:00:00.000Z"
        assert line.inner_text() == plain(t.text("tools.working_time.region_round_the_clock", first_day=t.weekday("monday"), last_day=t.weekday("friday")))
        assert axe_violations(page) == []  # the line under the region list, and the rules, per region

        # The browser writes the support hours as the build did (CLDR in both: Babel and Intl), the
        # calculator's times on the same clock. Only the spaces may differ: Chromium writes plain
        # ones where CLDR has a narrow or thin no-break space ("8:00\u202fAM\u2009–\u20096:00\u202fPM",
        # which Node's Intl writes as Babel does: tests/test_localize.py).
        page.goto(served_per_region + prefix + "escalation/")
        built = page.locator('tr[data-region="mea"] .portal-hours').inner_text()
        browser_hours = page.evaluate(
            """(lang) => new Intl.DateTimeFormat(lang, {timeZone: "UTC", timeStyle: "short"})
                 .formatRange(Date.UTC(2026, 0, 5, 8), Date.UTC(2026, 0, 5, 18))""",
            locale,
        )
        spaces = str.maketrans({"\u202f": " ", "\u2009": " ", "\u00a0": " "})
        assert built.translate(spaces) == browser_hours.translate(spaces)
        assert axe_violations(page) == []  # the calendar's column of working days and hours
        assert watched.console_errors == [] and watched.foreign_requests == []
