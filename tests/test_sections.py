"""The sections of the portal, registered in hooks/partner_portal/sections.py (issue #9, item 3):
the registry is complete, each optional section can be left out, and a portal without them has
nothing of them left: no block, no link, no API part, no string asked of translators."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LOCALES, ROOT, Build, copy_project, mkdocs_build, nginx_serving, watched_page
from partner_portal import blocks  # noqa: F401  (registers the blocks' views)
from partner_portal import i18n, sections
from partner_portal.load import load_portal
from partner_portal.localize import Localizer
from partner_portal.publish import api_document
from partner_portal.render import BLOCKS, PageLinks
from partner_portal.sections import SECTIONS, Absence, LocaleScope, Presence, locale_scope, presence
from partner_portal.validate import flatten, schema_validator
from sections_project import PORTAL_WITHOUT_OPTIONS_KEYS, delete_locale_keys, drop_block_line, without_options
from test_forms import decode_mailto, description_for, launched
from test_links import rename
from test_validation import edit, line_of, problems

SITE = "https://partners.example.com/"
SAMPLE = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in sections.DATA_FILES}
MESSAGES = {locale: yaml.safe_load((ROOT / f"locales/{locale}.yml").read_text(encoding="utf-8")) for locale in LOCALES}


def prefix(locale: str) -> str:
    return "" if locale == "en" else f"{locale}/"


def english_keys() -> list[str]:
    return [".".join(map(str, path)) for path in flatten(MESSAGES["en"])]


def without(*files: str, **changes) -> dict:
    """The sample's data without some files, programme.yml changed by `changes` (None deletes a key)."""
    data = {name: value for name, value in SAMPLE.items() if name not in files}
    programme = {**data["programme"], **changes}
    data["programme"] = {key: value for key, value in programme.items() if value is not None}
    return data


# --- the registry ---------------------------------------------------------------------------


def test_every_block_is_in_one_section_with_its_template_and_view() -> None:
    listed = [block for section in SECTIONS.values() for block in section.blocks]
    assert len(listed) == len(set(listed)), "a block in two sections"
    templates = {path.stem for path in (ROOT / "overrides/portal/blocks").glob("*.html") if not path.stem.startswith("_")}
    assert set(listed) == templates, "every block has its template, every template is a block"
    assert set(BLOCKS) <= set(listed), "a view for a block of no section"
    with pytest.raises(LookupError, match="block 'nowhere' is in no section of sections.py"):
        from partner_portal.render import block

        block("nowhere")(lambda portal, t: {})


def test_every_data_file_has_its_schema_and_every_section_what_it_needs() -> None:
    assert sections.DATA_FILES == ("programme", "commitment", "escalation", "priority", "tiers", "requests", "catalogue")
    for file in sections.DATA_FILES:
        assert (ROOT / "schemas" / f"{sections.schema(file)}.schema.json").exists()
    assert [file for file in sections.DATA_FILES if sections.file_is_optional(file)] == ["priority", "tiers", "catalogue"]
    order = list(SECTIONS)
    for name, section in SECTIONS.items():
        assert all(order.index(need) < order.index(name) for need in section.needs), f"{name} needs a section registered after it"
        assert not section.key or section.file, name
        if section.tool:
            assert section.optional and section.page and section.blocks == (name,)
    assert sections.TOOLS == ("response-time-calculator", "escalation-finder", "priority-check")
    assert sections.CHOICE_SECTIONS == {"products": "catalogue"}


def test_every_locale_key_of_the_sample_belongs_to_a_section_and_every_namespace_is_used() -> None:
    scope = locale_scope(Presence(), SAMPLE)
    keys = english_keys()
    assert [key for key in keys if not scope.owners(key)] == []
    for namespace, section, _ in scope.namespaces:
        assert any(sections.in_namespace(key, namespace) for key in keys), f"{section}: no key of locales/en.yml is under {namespace!r}"


def test_the_most_specific_namespace_owns_a_key() -> None:
    scope = locale_scope(Presence(), SAMPLE)
    assert scope.owners("ticket.fields.product.label") == ["requests"]
    assert scope.owners("ticket.fields.product.help") == ["catalogue"]  # named after the field that lists the products
    assert scope.owners("ticket.categories.sales") == ["catalogue"]
    assert scope.owners("tools.country.label") == ["escalation-finder", "priority-check"]
    assert scope.owners("tools.calculator.contacts") == ["escalation-finder"]
    assert scope.owners("tools.calculator.intro") == ["response-time-calculator"]
    assert scope.owners("contact_channels.toll-free-phone.text") == ["offerings"]  # names the tiers
    assert scope.owners("contact_channels.toll-free-phone.link") == ["programme"]  # the help centre
    assert scope.owners("contact_channels.chat-and-phone.title") == ["offerings"]  # a card pointing at the offerings
    assert scope.owners("leaders.quotes.partner-programme-head") == ["leaders"]
    assert scope.owners("theme.search") == ["site"]
    assert scope.owners("nowhere.at.all") == []


# --- which sections a portal has ---------------------------------------------------------------


def test_the_sample_has_every_section() -> None:
    present = presence(SAMPLE)
    assert present.absent == {}
    assert set(present.blocks) == {block for section in SECTIONS.values() for block in section.blocks}
    with pytest.raises(KeyError):
        "priorities" in present  # noqa: B015  (a misspelt section is a mistake, not an absent section)


def test_a_missing_file_or_key_leaves_its_section_out() -> None:
    present = presence(without("priority", "tiers", "catalogue", leaders=None))
    assert {name: str(absence) for name, absence in present.absent.items()} == {
        "leaders": "the leaders section is not in this portal (data/programme.yml has no 'leaders')",
        "priority": "the priority section is not in this portal (data/priority.yml is absent)",
        "offerings": "the offerings section is not in this portal (data/tiers.yml is absent)",
        "catalogue": "the catalogue section is not in this portal (data/catalogue.yml is absent)",
        # A tool goes with the section it needs, and says so.
        "priority-check": "the priority section is not in this portal (data/priority.yml is absent)",
    }
    assert present.absent["priority-check"] == Absence("priority", "data/priority.yml is absent")
    assert present.left_out_blocks == {"leaders", "priority-intro", "priority-thresholds", "priority-faq", "priority-check", "tier-offerings", "product-catalogue"}
    assert "priority-check" not in present.blocks and "escalation-finder" in present.blocks
    assert present.why_not("priority-faq") == present.absent["priority"]
    assert present.why_not("severity-matrix") is None and present.why_not("nowhere") is None


def test_tools_lists_the_tools_and_without_it_every_tool_whose_sections_are_present() -> None:
    present = presence(without(tools=["escalation-finder"]))
    assert {name: str(absence) for name, absence in present.absent.items()} == {
        "response-time-calculator": "the tool response-time-calculator is not in this portal ('tools' of data/programme.yml does not list it)",
        "priority-check": "the tool priority-check is not in this portal ('tools' of data/programme.yml does not list it)",
    }
    assert presence(without(tools=[])).absent.keys() == set(sections.TOOLS)
    assert presence(without(tools=list(sections.TOOLS))).absent == {}
    assert presence(without("priority")).absent.keys() == {"priority", "priority-check"}


# --- the locale keys asked ------------------------------------------------------------------------


def test_the_keys_of_a_section_left_out_are_not_asked_and_listed_with_the_reason() -> None:
    data = without("priority", "tiers", "catalogue", leaders=None, tools=["response-time-calculator", "escalation-finder"])
    scope = locale_scope(presence(data), data)
    for key in english_keys():
        owned = any(sections.in_namespace(key, name) for name in PORTAL_WITHOUT_OPTIONS_KEYS)
        assert scope.asked(key) != owned, key
        assert bool(scope.left_out(key)) == owned, key
    assert scope.left_out("priority.intro") == "the priority section is not in this portal (data/priority.yml is absent)"
    assert scope.left_out("tools.priority.intro") == "the priority section is not in this portal (data/priority.yml is absent)"
    assert scope.asked("tools.country.label")  # the finder, still there, uses it too
    # The product field is free text: its help of its own is asked; the one naming products is not.
    assert scope.asked("ticket.fields.product.free_text_help") and not scope.asked("ticket.fields.product.help")
    assert scope.left_out("ticket.fields.product.free_text_help") is None


def test_a_key_used_only_without_a_section_is_neither_asked_nor_unused_while_it_is_there() -> None:
    scope = locale_scope(presence(SAMPLE), SAMPLE)
    assert not scope.asked("ticket.fields.product.free_text_help")
    assert scope.left_out("ticket.fields.product.free_text_help") is None
    assert LocaleScope().asked("ticket.fields.product.free_text_help")  # no scope: every key asked


# --- mistakes and their messages ----------------------------------------------------------------


def test_an_unknown_tool(project: Path) -> None:
    edit(project, "data/programme.yml", "contact_channels:", "tools: [escalation-finder, priority-chek]\ncontact_channels:")
    line = line_of(project, "data/programme.yml", "tools:")
    assert problems(project) == [
        f"data/programme.yml:{line}: tools[1]: unknown tool 'priority-chek'; did you mean 'priority-check'? (the tools: response-time-calculator, escalation-finder, priority-check)"
    ]


def test_a_tool_listed_without_the_section_it_needs(project: Path) -> None:
    (project / "data/priority.yml").unlink()
    edit(project, "data/programme.yml", "contact_channels:", "tools: [priority-check]\ncontact_channels:")
    line = line_of(project, "data/programme.yml", "tools:")
    assert problems(project) == [
        f"data/programme.yml:{line}: tools[0]: the tool priority-check needs the priority section, which is not in this portal (data/priority.yml is absent)"
    ]


def test_a_page_placing_a_block_of_a_section_left_out_is_one_error_at_its_line(project: Path) -> None:
    without_options(project)
    (project / "docs/en/index.md").write_text((project / "docs/en/index.md").read_text(encoding="utf-8") + "\n::: portal priority-check\n", encoding="utf-8")
    line = line_of(project, "docs/en/index.md", "::: portal priority-check")
    assert problems(project) == [f"docs/en/index.md:{line}: ::: portal priority-check: the priority section is not in this portal (data/priority.yml is absent)"]


@pytest.mark.parametrize(
    "block, page, message",
    [
        ("leaders", "ticket.md", "the leaders section is not in this portal (data/programme.yml has no 'leaders')"),
        ("tier-offerings", "ticket.md", "the offerings section is not in this portal (data/tiers.yml is absent)"),
        ("product-catalogue", "index.md", "the catalogue section is not in this portal (data/catalogue.yml is absent)"),
        ("priority-faq", "commitment.md", "the priority section is not in this portal (data/priority.yml is absent)"),
        ("escalation-finder", "ticket.md", "the tool escalation-finder is not in this portal ('tools' of data/programme.yml does not list it)"),
    ],
)
def test_every_kind_of_block_left_out_names_its_reason(project: Path, block: str, page: str, message: str) -> None:
    without_options(project)
    drop_block_line(project, "escalation.md", "escalation-finder")
    edit(project, "data/programme.yml", "tools: [response-time-calculator, escalation-finder]", "tools: [response-time-calculator]")
    path = project / "docs/fr" / page
    path.write_text(path.read_text(encoding="utf-8") + f"\n::: portal {block}\n", encoding="utf-8")
    line = line_of(project, f"docs/fr/{page}", f"::: portal {block}")
    assert problems(project) == [f"docs/fr/{page}:{line}: ::: portal {block}: {message}"]


def test_the_rules_across_files_of_a_section_left_out_are_not_checked(project: Path) -> None:
    for name in ("priority", "tiers", "catalogue"):
        (project / "data" / f"{name}.yml").unlink()
    # Each of these would be an error with the file there (tests/test_validation.py).
    edit(project, "data/programme.yml", "tiers_from_service: phone-support", "tiers_from_service: no-such-service")
    edit(project, "data/requests.yml", "examples: [crm, desk]", "examples: [no-such-product]")
    for page in ("priority-support.md", "offerings.md"):
        rename(project, page, None)
    drop_block_line(project, "ticket.md", "product-catalogue")
    portal = load_portal(project, LOCALES, "en")
    assert set(portal.sections.absent) == {"priority", "offerings", "catalogue", "priority-check"}
    # No priority region is asked of any country any more; the escalation regions still are.
    edit(project, "data/escalation.yml", "countries: [IN]", "countries: [IN, FR]")
    assert any("'FR' is already in region 'india'" in problem for problem in problems(project))


def test_a_section_s_leftover_keys_are_unused_with_their_reason_and_no_error(project: Path, capsys) -> None:
    (project / "data/priority.yml").unlink()
    rename(project, "priority-support.md", None)
    status = load_portal(project, LOCALES, "en").translation
    assert status.strict_problems == []
    english = status.locales["en"]
    priority_keys = [key for key in english_keys() if key.startswith(("priority.", "tools.priority."))]
    assert [item["key"] for item in english.unused] == priority_keys
    first = english.unused[0]
    assert first == {"key": "priority.intro", "line": line_of(project, "locales/en.yml", "  intro: >-"), "suggestion": None,
                     "reason": "the priority section is not in this portal (data/priority.yml is absent)"}
    assert english.total == len(english_keys()) - len(priority_keys) - 1  # and the free-text help, unused with the catalogue there
    french = status.locales["fr"]
    assert french.total == french.translated == english.total and french.missing == []
    assert [item["key"] for item in french.unused] == priority_keys
    assert english.as_json()["unused"] == english.unused

    assert i18n.main(["--root", str(project), "status", "en", "fr"]) == 0
    out = capsys.readouterr().out
    assert f"Translation status en (source): {english.total} strings, {english.total} with a description for translators, 0 without, 0 over the limit, {len(priority_keys)} unused" in out
    assert f"Translation status fr: {english.total}/{english.total} strings translated (100%), 0 missing, 0 outdated, {len(priority_keys)} unused," in out
    line = line_of(project, "locales/fr.yml", "  intro: ")
    assert f"  unused          locales/fr.yml:{line}: priority.intro  (the priority section is not in this portal (data/priority.yml is absent))" in out


def test_a_translation_keeping_keys_english_deleted_is_told_why_without_an_error(project: Path) -> None:
    (project / "data/tiers.yml").unlink()
    rename(project, "offerings.md", None)
    assert delete_locale_keys(project / "locales/en.yml", ("offerings.",)) == ["offerings"]
    status = load_portal(project, LOCALES, "en").translation
    assert status.strict_problems == []
    assert status.locales["en"].unused == [item for item in status.locales["en"].unused if item["key"].startswith("contact_channels.")]
    unused = {item["key"]: item["reason"] for item in status.locales["vi"].unused}
    assert "offerings.tiers.premium" in unused and set(unused.values()) == {"the offerings section is not in this portal (data/tiers.yml is absent)"}


# --- the API of a portal without priority support ---------------------------------------------


def api_parts(present: Presence) -> set[str]:
    """The top-level parts api/portal.json has for these sections, by the registry."""
    parts = {part for name, section in SECTIONS.items() if name in present for part in section.api}
    return {"schema_version", "locale", "vendor", "pages"} | {part for part in parts if part.isidentifier()}


def test_the_api_schema_ties_priority_regions_to_the_priority_part() -> None:
    portal = load_portal(ROOT, LOCALES, "en")
    document = json.loads(json.dumps(api_document(portal, Localizer("en", portal.messages["en"]))))
    validator = schema_validator("api")
    assert list(validator.iter_errors(document)) == []
    assert set(document) == api_parts(portal.sections) == {"schema_version", "locale", "vendor", "pages", "commitment", "escalation", "priority", "countries"}
    without_part = {key: value for key, value in document.items() if key != "priority"}
    assert list(validator.iter_errors(without_part)), "countries with a priority_region, and no priority part"
    countries = [{key: value for key, value in country.items() if key != "priority_region"} for country in document["countries"]]
    assert list(validator.iter_errors({**without_part, "countries": countries})) == []
    assert list(validator.iter_errors({**document, "countries": countries})), "a priority part, and countries without their region"


# --- a portal built without priority support, offerings, catalogue and leaders -----------------


@pytest.fixture(scope="module")
def lean(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = without_options(copy_project(tmp_path_factory.mktemp("lean") / "project"))
    build = mkdocs_build(project, project.parent / "site", "--strict")
    assert build.returncode == 0, build.log
    return build


def pages_of(site: Path, locale: str) -> dict[str, BeautifulSoup]:
    root = site / prefix(locale).rstrip("/") if prefix(locale) else site
    others = {f"{other}/" for other in LOCALES if other != "en"}
    found = {}
    for html in sorted(root.rglob("index.html")):
        relative = html.parent.relative_to(root).as_posix()
        if locale == "en" and (relative + "/").split("/")[0] + "/" in others:
            continue
        found["" if relative == "." else relative + "/"] = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return found


def test_the_lean_portal_builds_strict_and_asks_only_its_strings(lean: Build) -> None:
    lines = [line for line in lean.log.splitlines() if "Translation status" in line]
    assert len(lines) == len(LOCALES)
    assert all(" 0 missing, 0 outdated, 0 unused," in line for line in lines[1:]), lines
    assert "unused key" not in lean.log
    status = json.loads((lean.site / "i18n-status.json").read_text(encoding="utf-8"))
    assert status["locales"]["en"]["strings"] == len(english_keys()) - sum(1 for key in english_keys() if any(sections.in_namespace(key, name) for name in PORTAL_WITHOUT_OPTIONS_KEYS))


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_of_the_sections_left_out_remains(lean: Build, locale: str) -> None:
    pages = pages_of(lean.site, locale)
    assert set(pages) == {"", "commitment/", "escalation/", "ticket/", "feedback/", "translation-status/"}
    # The texts of the sections left out, wherever a page could show them (long enough not to be
    # another string's words too, Japanese being denser; placeholders filled by other words are left aside).
    shortest = 12 if locale == "ja" else 25
    gone = [text for key, text in ((".".join(map(str, path)), text) for path, text in flatten(MESSAGES[locale]).items())
            if any(sections.in_namespace(key, name) for name in PORTAL_WITHOUT_OPTIONS_KEYS) and "{" not in text and len(text) >= shortest]
    assert len(gone) > 15
    for url, soup in pages.items():
        root = SITE + prefix(locale) + url
        links = {urljoin(root, anchor["href"]) for anchor in soup.select("a[href]")}
        assert not [link for link in links if "/offerings/" in link or "/priority-support/" in link], (url, links)
        assert not soup.select(".portal-quote, [data-portal-tool=priority], .portal-catalogue, [data-portal-table=offerings], [data-portal-table=thresholds], .portal-faq, [data-tier]")
        text = " ".join(soup.get_text(" ").split())
        assert not [sentence for sentence in gone if " ".join(sentence.split()) in text], url
    home = pages[""]
    assert [card.select_one("strong").get_text() for card in home.select(".portal-channels li")] == [MESSAGES[locale]["contact_channels"]["toll-free-phone"]["title"]]
    assert [anchor["href"] for anchor in home.select(".portal-channels a")] == [SAMPLE["programme"]["links"]["help_centre"]]
    sitemap = (lean.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "priority-support" not in sitemap and "offerings" not in sitemap


@pytest.mark.parametrize("locale", LOCALES)
def test_the_product_is_a_free_text_field_of_the_ticket_form(lean: Build, locale: str) -> None:
    soup = pages_of(lean.site, locale)["ticket/"]
    field = soup.select_one('form [data-field="product"]')
    control = field.select_one("#ticket-product")
    assert (control.name, control["type"], control["name"]) == ("input", "text", "product")
    assert not soup.select("select#ticket-product, optgroup")
    texts = MESSAGES[locale]["ticket"]["fields"]["product"]
    assert field.select_one("label").get_text().startswith(texts["label"])
    assert field.select_one("#ticket-product-help").get_text() == texts["free_text_help"]
    assert control["aria-describedby"] == "ticket-product-help ticket-product-error"
    row = soup.select_one('table [data-field="product"] td')
    assert row.get_text().strip() == texts["free_text_help"]  # the template table says the same
    config = json.loads(soup.select_one('form[data-portal-form="ticket"] [data-portal-config]').string)
    product = next(item for item in config["fields"] if item["name"] == "product")
    assert product == {"name": "product", "type": "text", "required": True, "label_en": MESSAGES["en"]["ticket"]["fields"]["product"]["label"]}
    assert config["subject_fields"] == SAMPLE["requests"]["ticket_subject"]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_lean_api_has_no_priority_part(lean: Build, locale: str) -> None:
    document = json.loads((lean.site / prefix(locale) / "api" / "portal.json").read_text(encoding="utf-8"))
    assert list(schema_validator("api").iter_errors(document)) == []
    assert "priority" not in document and set(document) == api_parts(presence(without("priority")))
    assert not [country for country in document["countries"] if "priority_region" in country]
    assert document["pages"] == {"commitment": SITE + prefix(locale) + "commitment/", "escalation": SITE + prefix(locale) + "escalation/"}
    finder = json.loads(pages_of(lean.site, locale)["escalation/"].select_one('[data-portal-tool="finder"] script[data-config]').string)
    assert {key for country in finder["countries"] for key in country} == {"code", "name", "other_names", "escalation_region", "account_managers"}


def test_a_page_still_placing_a_block_left_out_stops_the_build_in_one_line(tmp_path: Path) -> None:
    project = without_options(copy_project(tmp_path / "project"))
    page = project / "docs/ja/commitment.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n::: portal tier-offerings\n", encoding="utf-8")
    line = line_of(project, "docs/ja/commitment.md", "::: portal tier-offerings")
    build = mkdocs_build(project, tmp_path / "site", "--strict")
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert "1 problem in the portal's data; nothing was built:" in build.log
    assert f"  docs/ja/commitment.md:{line}: ::: portal tier-offerings: the offerings section is not in this portal (data/tiers.yml is absent)" in build.log.splitlines()
    assert not (tmp_path / "site").exists()


# --- in the browser -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lean_served(lean: Build, tmp_path_factory: pytest.TempPathFactory):
    with nginx_serving(lean.site, tmp_path_factory.mktemp("lean-nginx")) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_free_text_product_goes_into_the_email_and_its_subject(lean_served: str, browser, locale: str) -> None:
    with watched_page(browser) as watched:
        page = watched.page
        page.goto(lean_served + prefix(locale) + "ticket/")
        page.fill('form [name="customer_email"]', "client@customer.example.org")
        page.select_option('form [name="request_type"]', "technical-support")
        page.check('form [name="reproducible"][value="no"]')
        page.fill('form [name="description"]', description_for(locale))
        page.click('form[data-portal-form="ticket"] button[type="submit"]')
        error = page.locator("#ticket-product-error")
        assert error.is_visible() and error.inner_text() == MESSAGES[locale]["form"]["errors"]["required"]
        page.fill('form [name="product"]', "Halcyra Desk « Pro » & co")
        page.click('form[data-portal-form="ticket"] button[type="submit"]')
        assert error.is_hidden()
        link = page.locator("[data-ticket-mailto]")
        assert link.is_visible()
        to, fields = decode_mailto(link.get_attribute("href"))
        assert to == SAMPLE["programme"]["addresses"]["support"]
        assert fields["subject"] == "Technical support | Halcyra Desk « Pro » & co | client@customer.example.org"
        label = MESSAGES["en"]["ticket"]["fields"]["product"]["label"]
        assert f"{label}: Halcyra Desk « Pro » & co" in fields["body"].split("\r\n")
        assert launched(watched.console_errors) == []
        assert watched.foreign_requests == []


# --- a portal whose calculator has no finder to send the reader to ------------------------------


@pytest.fixture(scope="module")
def no_finder(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sample with `tools:` leaving the escalation finder out, and its locale keys kept: they
    are listed as unused, which no build, --strict included, refuses."""
    project = copy_project(tmp_path_factory.mktemp("no-finder") / "project")
    edit(project, "data/programme.yml", "contact_channels:", "tools: [response-time-calculator, priority-check]\ncontact_channels:")
    drop_block_line(project, "escalation.md", "escalation-finder")
    build = mkdocs_build(project, project.parent / "site", "--strict")
    assert build.returncode == 0, build.log
    return build


def test_leftover_keys_are_reported_in_the_log_not_refused(no_finder: Build) -> None:
    project = no_finder.site.parent / "project"
    line = line_of(project, "locales/en.yml", "  contacts: ")
    reason = "the tool escalation-finder is not in this portal ('tools' of data/programme.yml does not list it)"
    assert f"INFO    -  locales/en.yml:{line}: tools.calculator.contacts: unused key: {reason}; delete it" in no_finder.log
    finder = [key for key in english_keys() if key.startswith("tools.finder.")]
    assert sum(f": {key}: unused key: {reason}" in no_finder.log for key in finder) == len(finder)
    assert "tools.country." not in no_finder.log  # the priority check still uses them
    api = json.loads((no_finder.site / "api/portal.json").read_text(encoding="utf-8"))
    assert set(api["pages"]) == {"commitment", "priority-support"}
    assert "WARNING" not in no_finder.log
    status = json.loads((no_finder.site / "i18n-status.json").read_text(encoding="utf-8"))["locales"]
    assert len(status["en"]["unused"]) == len(status["fr"]["unused"]) == len(finder) + 1
    assert status["fr"]["counts"]["unused"] == len(finder) + 1 and status["fr"]["counts"]["missing"] == 0
    soup = BeautifulSoup((no_finder.site / "fr/translation-status/index.html").read_text(encoding="utf-8"), "html.parser")
    english = soup.select_one('section[data-locale="en"] details[data-list="unused"]')
    assert [code.get_text() for code in english.select("li code")] == [item["key"] for item in status["en"]["unused"]]


@pytest.mark.browser
def test_the_calculator_works_without_a_button_to_the_finder(no_finder: Build, browser, tmp_path: Path) -> None:
    commitment = BeautifulSoup((no_finder.site / "commitment/index.html").read_text(encoding="utf-8"), "html.parser")
    assert commitment.select_one('[data-portal-tool="calculator"]') and not commitment.select("[data-contacts]")
    with nginx_serving(no_finder.site, tmp_path / "nginx") as url:
        with watched_page(browser) as watched:
            page = watched.page
            page.goto(url + "commitment/")
            page.select_option("#portal-calc-severity", index=1)
            page.select_option("#portal-calc-region", "europe-uk")
            assert page.locator("[data-times]").is_visible()
            assert page.locator('[data-milestone="escalation_from"] [data-zone="region"] time').count() == 1
            assert watched.console_errors == [] and watched.foreign_requests == []


def test_to_block_gives_no_link_to_a_block_left_out() -> None:
    links = PageLinks("commitment/", "", {"escalation-finder": "escalation/"}, frozenset({"escalation-finder", "tier-offerings"}))
    assert links.to_block("escalation-finder") is None
    assert links.to_block("tier-offerings") is None
