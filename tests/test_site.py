"""The built site, read as HTML in every language: every figure and list of the brief is there,
and identical across languages (the original pages drifted; a generated one cannot)."""

from __future__ import annotations

import re
from urllib.parse import urljoin
from pathlib import Path

import pytest
import yaml
from babel import Locale

from conftest import LOCALES, PAGES, ROOT
from partner_portal.worktime import parse_window

DATA = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in ("programme", "commitment", "escalation", "priority", "tiers", "requests", "catalogue")}
MESSAGES = {locale: yaml.safe_load((ROOT / "locales" / f"{locale}.yml").read_text(encoding="utf-8")) for locale in LOCALES}


def digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def table_rows(soup, name: str) -> list[list[str]]:
    table = soup.select_one(f'table[data-portal-table="{name}"]')
    assert table is not None, name
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_exists_in_its_language(page, locale: str, path: str) -> None:
    soup = page(locale, path)
    assert soup.html["lang"] == locale
    site_name = MESSAGES[locale]["site"]["name"].format(vendor=DATA["programme"]["vendor"])
    assert soup.title.get_text().endswith(site_name)
    assert not soup.find(string=re.compile(r"::: portal|portal-block")), "a block marker was left in the page"


@pytest.mark.parametrize("locale", LOCALES)
def test_language_switcher_and_hreflang_keep_the_page(page, locale: str) -> None:
    soup = page(locale, "commitment/")
    # hreflang alternates live in sitemap.xml (see on_post_page): none in the head.
    assert soup.select('head link[rel="alternate"][hreflang]') == []
    switcher = {link["hreflang"]: (link["href"], link.get_text(strip=True)) for link in soup.select("a.md-select__link[hreflang]")}
    here = "https://partners.example.com/" + ("" if locale == "en" else f"{locale}/") + "commitment/"
    for target in LOCALES:
        href, name = switcher[target]
        expected = "https://partners.example.com/" + ("" if target == "en" else f"{target}/") + "commitment/"
        assert urljoin(here, href) == expected
        expected = Locale.parse(target).get_display_name(target)
        assert name == expected[0].upper() + expected[1:]


def test_sitemap_gives_every_page_its_hreflang_alternates(site) -> None:
    import xml.etree.ElementTree as ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(site.site / "sitemap.xml").getroot()
    base = "https://partners.example.com/"
    urls = {url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)} for url in sitemap.findall("s:url", ns)}
    for path in PAGES:
        expected = {locale: base + ("" if locale == "en" else f"{locale}/") + path for locale in LOCALES}
        for locale in LOCALES:
            assert urls[expected[locale]] == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_its_own_404(site, page, locale: str) -> None:
    soup = page(locale, "404.html")
    assert soup.html["lang"] == locale
    assert soup.h1.get_text(strip=True) == MESSAGES[locale]["not_found"]["title"]
    # Served for any missing URL under the language, so its links must not be relative.
    for node in soup.select("link[href], script[src]"):
        url = node.get("href") or node.get("src")
        assert url.startswith(("/", "http", "data:")), url
    # Its footer, like every page's, offers the translation-feedback form of the language (about
    # the site: the build cannot know the address that was asked for).
    feedback = soup.select_one("a.portal-feedback-link")
    assert feedback["href"] == ("/" if locale == LOCALES[0] else f"/{locale}/") + "feedback/"
    assert feedback.get_text(strip=True) == MESSAGES[locale]["feedback"]["link"]


@pytest.mark.parametrize("locale", LOCALES)
def test_severity_matrix_matches_the_data(page, locale: str) -> None:
    rows = table_rows(page(locale, "commitment/"), "matrix")
    severities = DATA["commitment"]["severities"]
    assert len(rows) == len(severities)
    for row, severity in zip(rows, severities):
        ack, det = parse_window(severity["acknowledgement"]), parse_window(severity["determination"])
        assert digits(row[0])[0] == str(severity["level"])
        assert digits(row[1]) == [str(ack.min.amount), str(ack.max.amount)]
        assert digits(row[2]) == [str(det.min.amount), str(det.max.amount)]


def test_units_are_words_of_the_language(page) -> None:
    # CLDR's French unit pattern keeps the number and its unit together (no-break space).
    assert table_rows(page("en", "commitment/"), "matrix")[2][2] == "2 to 3\u00a0days"
    assert table_rows(page("fr", "commitment/"), "matrix")[0][1] == "1 à 3\u00a0heures"
    assert table_rows(page("vi", "commitment/"), "matrix")[1][2] == "24 đến 48\u00a0giờ"


@pytest.mark.parametrize("locale", LOCALES)
def test_escalation_levels_for_every_region(page, locale: str) -> None:
    soup = page(locale, "escalation/")
    people = {person["id"]: person for person in DATA["escalation"]["people"]}
    desk = DATA["programme"]["addresses"]["escalation_desk"]
    blocks = soup.select(".tabbed-block[data-region]")
    assert [block["data-region"] for block in blocks] == [region["id"] for region in DATA["escalation"]["regions"]]
    for block, region in zip(blocks, DATA["escalation"]["regions"]):
        rows = block.select("tbody tr")
        assert [row["data-level"] for row in rows] == ["1", "2", "3", "4"]
        assert [row.th.small.get_text() for row in rows] == [MESSAGES[locale]["escalation"]["level_roles"][level] for level in ("desk", "regional-leads", "support-managers", "account-managers")]
        assert [a["href"] for a in rows[0].select("a")] == [f"mailto:{desk}"]
        for row, level in zip(rows[1:], ("regional-leads", "support-managers", "account-managers")):
            expected = [f"mailto:{people[person]['email']}" for person in region["levels"][level]]
            assert [a["href"] for a in row.select("a")] == expected, (region["id"], level)
            assert [a.get_text() for a in row.select("a")] == [people[person]["name"] for person in region["levels"][level]]
        # A region without partner account managers says so in their row (the brief: "none").
        none = rows[3].select_one(".portal-none")
        assert (none is not None) == (not region["levels"]["account-managers"]), region["id"]
        if none:
            assert none.get_text() == MESSAGES[locale]["escalation"]["no_contact"]


@pytest.mark.parametrize("locale", LOCALES)
def test_coverage_countries_are_named_by_cldr(page, locale: str) -> None:
    soup = page(locale, "escalation/")
    names = Locale.parse(locale).territories
    europe = soup.select_one('.tabbed-block[data-region="europe-uk"]').get_text(" ", strip=True)
    for person in DATA["escalation"]["people"]:
        if person["id"] in next(r for r in DATA["escalation"]["regions"] if r["id"] == "europe-uk")["levels"]["account-managers"]:
            for code in person["territories"]:
                assert names[code] in europe, (locale, code)


@pytest.mark.parametrize("locale", LOCALES)
def test_priority_thresholds_and_faq_come_from_the_data(page, locale: str) -> None:
    soup = page(locale, "priority-support/")
    rows = table_rows(soup, "thresholds")
    regions = DATA["priority"]["regions"]
    assert [digits(row[1]) for row in rows] == [[str(region["min_user_licences"])] for region in regions]
    yes, no = MESSAGES[locale]["common"]["yes"], MESSAGES[locale]["common"]["no"]
    assert [row[2] for row in rows] == [yes if region["eligible"] else no for region in regions]
    answer = soup.select(".portal-faq details")[1]
    assert [digits(item.get_text()) for item in answer.select("li")] == [[str(region["min_user_licences"])] for region in regions if region["eligible"]]
    # The region names of the table and of the FAQ answer are the same names.
    items = [item.get_text().strip() for item in answer.select("li")]
    assert len(items) == len(rows) and all(item.startswith(row[0]) for row, item in zip(rows, items)), (rows, items)


@pytest.mark.parametrize("locale", LOCALES)
def test_offerings_table_has_every_cell(page, locale: str) -> None:
    soup = page(locale, "offerings/")
    table = soup.select_one('table[data-portal-table="offerings"]')
    assert [th["data-tier"] for th in table.select("thead th[data-tier]")] == DATA["tiers"]["tiers"]
    rows = table.select("tbody tr")
    assert [row["data-service"] for row in rows] == [service["id"] for service in DATA["tiers"]["services"]]
    for row, service in zip(rows, DATA["tiers"]["services"]):
        cells = row.select("td")
        for cell, tier in zip(cells, DATA["tiers"]["tiers"]):
            value = service["values"][tier]
            if isinstance(value, bool):
                marker = cell.select_one(".portal-yes, .portal-no")
                assert marker["class"] == ["portal-yes" if value else "portal-no"]
                label = MESSAGES[locale]["common"]["yes" if value else "no"]
                assert marker.select_one(".portal-sr-only").get_text() == label  # what a screen reader says
                assert marker["title"] == label
            else:
                # "24×5", "24 h/24, 5 j/7", "24/5": the figures from data, in the language's notation.
                numbers = digits(cell.get_text())
                assert [numbers[0], numbers[-2 if locale == "fr" else -1]] == [str(value["hours_per_day"]), str(value["days_per_week"])]


@pytest.mark.parametrize("locale", LOCALES)
def test_request_template_lists_fields_types_and_catalogue(page, locale: str) -> None:
    soup = page(locale, "ticket/")
    fields = [row["data-field"] for row in soup.select('table[data-portal-table="template"] > tbody > tr')]
    assert fields == [field["name"] for field in DATA["requests"]["fields"]]
    assert [item["data-choice"] for item in soup.select("li[data-choice]")] == DATA["requests"]["request_types"]
    group = next(field for field in DATA["requests"]["fields"] if field["type"] == "group")
    assert [item["data-field"] for item in soup.select("li[data-field]")] == [field["name"] for field in group["fields"]]
    listed = [item["data-product"] for item in soup.select("li[data-product]")]
    assert sorted(listed) == sorted(product["id"] for product in DATA["catalogue"]["products"])
    assert len(listed) == len(set(listed)), "a product is listed once, whatever its categories"
    assert f"mailto:{DATA['programme']['addresses']['support']}" in [a["href"] for a in soup.select("a[href^=mailto]")]


def test_lists_are_identical_across_languages(page) -> None:
    """The drift test: the same items, in the same order, in every language."""

    def shape(locale: str) -> dict[str, object]:
        home, commitment = page(locale, ""), page(locale, "commitment/")
        escalation, ticket = page(locale, "escalation/"), page(locale, "ticket/")
        return {
            "covers": len(home.select(".portal-covers > ol > li")),
            "channels": len(home.select(".portal-channels > ul > li")),
            "expectations": len(home.select("ol.portal-points > li")),
            "leaders": len(home.select(".portal-quote")),
            "severity examples": [len(section.select("li")) for section in commitment.select(".portal-severity")],
            "timings": len(commitment.select(".portal-definitions dt")),
            "escalation lists": [len(items.select("li")) for items in escalation.select("ul.portal-points, ol.portal-points")],
            "mailto": [a["href"] for a in escalation.select("a[href^=mailto]")],
            "reasons": len(ticket.select("ol.portal-points > li")),
            "products": [item["data-product"] for item in ticket.select("li[data-product]")],
            "categories": [item["data-category"] for item in ticket.select("li[data-category]")],
            "digits": {path: digits(page(locale, path).select_one("article").get_text(" ")) for path in ("commitment/", "priority-support/")},
        }

    english = shape("en")
    assert english["covers"] == 3 and english["expectations"] == 3 and english["timings"] == 3
    assert english["escalation lists"] == [3, 4]
    for locale in LOCALES[1:]:
        assert shape(locale) == english, locale


@pytest.mark.parametrize("locale", LOCALES[1:])
def test_no_english_sentence_left_on_a_translated_page(page, locale: str) -> None:
    from partner_portal.validate import flatten

    english = flatten(MESSAGES["en"])
    translated = flatten(MESSAGES[locale])
    leftovers = []
    for path in PAGES:
        text = page(locale, path).get_text(" ", strip=True)
        for key, source in english.items():
            words = re.sub(r"\{[a-z_]+\}", "", source)
            if translated[key] != source and len(words) > 12 and words.split("{")[0].strip() and words.split("{")[0].strip() in text:
                leftovers.append((path, ".".join(map(str, key))))
    assert leftovers == []
    # Material's own English-only strings must not show either.
    assert "Made with" not in page(locale, "").get_text()


@pytest.mark.parametrize("locale", LOCALES)
def test_no_request_to_a_third_party_host(site, locale: str) -> None:
    prefix = "" if locale == "en" else f"{locale}/"
    for path in (site.site / prefix).glob("*/index.html"):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:link|script|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"', html):
            url = match.group(1)
            tag = match.group(0)
            if url.startswith("http") and 'rel="alternate"' not in tag and 'rel="canonical"' not in tag:
                pytest.fail(f"{path}: loads {url}")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_data_is_parsed_and_validated_once_for_three_languages(site) -> None:
    assert site.log.count("Loading and validating data/ and locales/") == 1


# --- the description's length, per language (data/requests.yml) -------------------------------


def test_the_length_is_chosen_by_language() -> None:
    from partner_portal.blocks import length_for

    field = {"name": "description", "type": "long_text", "length": {"default": {"words": [150, 200]}, "ja": {"characters": [300, 400]}, "zh": {"characters": [250, 350]}, "zh-Hant": {"characters": [260, 360]}}}
    words, japanese = {"unit": "words", "min": 150, "max": 200}, {"unit": "characters", "min": 300, "max": 400}
    for locale in ("en", "fr", "vi", "ar", "pt_BR"):
        assert length_for(field, locale) == words, locale
    assert length_for(field, "ja") == length_for(field, "ja_JP") == japanese
    assert length_for(field, "zh") == length_for(field, "zh-Hans") == {"unit": "characters", "min": 250, "max": 350}
    # zh-TW and zh-HK are written in traditional characters (CLDR's likely subtags): zh-Hant's.
    assert length_for(field, "zh_TW") == length_for(field, "zh-HK") == length_for(field, "zh_Hant") == {"unit": "characters", "min": 260, "max": 360}
    assert length_for({"name": "comment", "type": "long_text"}, "ja") is None
    # The sample data: Japanese in characters, every other language in words.
    description = next(field for field in DATA["requests"]["fields"] if field["name"] == "description")
    assert length_for(description, "ja") == japanese and length_for(description, "en") == words


def test_the_japanese_ticket_page_asks_for_characters(tmp_path: Path) -> None:
    """Built from a copy of the project with Japanese in mkdocs.yml (added there if missing)."""
    import json

    from bs4 import BeautifulSoup
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "- locale: ja\n" not in text:
        anchor = "          name: Tiếng Việt\n          build: true\n"
        assert anchor in text
        config.write_text(text.replace(anchor, anchor + "        - locale: ja\n          name: 日本語\n          build: true\n"), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    ja = yaml.safe_load((ROOT / "locales/ja.yml").read_text(encoding="utf-8"))
    for locale, unit, low, high in (("ja", "characters", 300, 400), ("en", "words", 150, 200)):
        soup = BeautifulSoup((build.site / ("" if locale == "en" else f"{locale}/") / "ticket/index.html").read_text(encoding="utf-8"), "html.parser")
        help_text = soup.select_one("#ticket-description-help").get_text()
        config_data = json.loads(soup.select_one('form[data-portal-form="ticket"] [data-portal-config]').string)
        [description] = [field for field in config_data["fields"] if field["name"] == "description"]
        assert description["length"] == {"unit": unit, "min": low, "max": high}
        counted = {"characters": ("character_count", "errors.too_few_characters", "errors.too_many_characters"), "words": ("word_count", "errors.too_few_words", "errors.too_many_words")}
        assert set(counted[unit]) <= set(config_data["messages"]), "the counter's and the errors' texts of the unit"
        assert not set(counted["words" if unit == "characters" else "characters"]) & set(config_data["messages"])
        # The template table above the form says the same as the form's help.
        assert help_text in soup.select_one('table[data-portal-table="template"] tr[data-field="description"] td').get_text()
        if locale == "ja":
            assert help_text == ja["ticket"]["fields"]["description"]["help"].format(words=ja["ticket"]["characters"].format(min="300", max="400"))
            assert "300～400文字" in help_text and "語" not in help_text
            assert config_data["messages"]["character_count"] == ja["form"]["character_count"]
        else:
            assert "150 to 200 words" in help_text
