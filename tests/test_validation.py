"""Every kind of maintainer or translator mistake gets one precise message: file, line, key path."""

from __future__ import annotations

import datetime
import re
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import pytest
import yaml

from conftest import LOCALES, mkdocs_build
from partner_portal import source
from partner_portal.errors import PortalDataError
from partner_portal.load import load_portal


def edit(project: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, name: str, needle: str) -> int:
    lines = (project / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def problems(project: Path) -> list[str]:
    with pytest.raises(PortalDataError) as caught:
        load_portal(project, LOCALES, "en")
    return [str(problem) for problem in caught.value.problems]


def test_the_sample_data_is_valid(project: Path) -> None:
    portal = load_portal(project, LOCALES, "en")
    assert len(portal["escalation"]["regions"]) == 8


def test_yaml_syntax_error(project: Path) -> None:
    edit(project, "data/tiers.yml", "  - authorized\n", "  - [authorized\n")
    opened = line_of(project, "data/tiers.yml", "[authorized")
    [message] = problems(project)
    assert message.startswith("data/tiers.yml:")
    assert f"YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence on line {opened})" in message


def test_duplicate_key_that_yaml_would_silently_drop(project: Path) -> None:
    edit(project, "data/programme.yml", "  blog: https://blog.example.net/\n", "  blog: https://blog.example.net/\n  blog: https://blog.example.org/\n")
    line = line_of(project, "data/programme.yml", "blog.example.org")
    assert problems(project) == [
        f"data/programme.yml:{line}: links.blog: duplicate key 'blog' (first defined on line {line - 1}); YAML would keep only the last one"
    ]


def test_unknown_key_suggests_the_right_one(project: Path) -> None:
    edit(project, "data/priority.yml", "min_user_licences: 100", "min_user_licenses: 100")
    line = line_of(project, "data/priority.yml", "min_user_licenses")
    assert f"data/priority.yml:{line}: regions[2].min_user_licenses: unknown key 'min_user_licenses'; did you mean 'min_user_licences'?" in problems(project)
    assert f"data/priority.yml:{line}: regions[2]: missing key 'min_user_licences'" in problems(project)


def test_missing_key(project: Path) -> None:
    edit(project, "data/commitment.yml", "    determination: {min: 24 hours, max: 48 hours}\n", "")
    line = line_of(project, "data/commitment.yml", "id: moderate")
    assert problems(project) == [f"data/commitment.yml:{line}: severities[1]: missing key 'determination'"]


def test_wrong_type(project: Path) -> None:
    edit(project, "data/escalation.yml", "when:\n  - after-response-time\n  - unsatisfied\n  - production-impact\n", "when: after-response-time\n")
    line = line_of(project, "data/escalation.yml", "when: after-response-time")
    assert problems(project) == [f"data/escalation.yml:{line}: when: expected a list, got a text (\"after-response-time\")"]


def test_unquoted_norway_reads_as_a_boolean(project: Path) -> None:
    edit(project, "data/escalation.yml", '"NO", DK', "NO, DK")
    [message] = problems(project)
    assert "people[19].territories[3]: the boolean false (YAML reads yes, no, on, off and NO as booleans: quote the value)" in message


def test_malformed_email(project: Path) -> None:
    edit(project, "data/escalation.yml", "olivia.brandt@halcyra.example.com", "olivia.brandt@halcyra")
    line = line_of(project, "data/escalation.yml", "olivia.brandt@halcyra,")
    assert problems(project) == [f'data/escalation.yml:{line}: people[0].email: a text ("olivia.brandt@halcyra") must be an e-mail address like name@example.com']


def test_duplicate_id(project: Path) -> None:
    edit(project, "data/catalogue.yml", "{id: pipeline, name: Pipeline", "{id: crm, name: Pipeline")
    line = line_of(project, "data/catalogue.yml", "{id: crm, name: Pipeline")
    assert problems(project) == [f"data/catalogue.yml:{line}: products[1].id: duplicate 'crm' (already at products[0])"]


def test_reference_to_an_unknown_person(project: Path) -> None:
    edit(project, "data/escalation.yml", "regional-leads: [anz-lead]", "regional-leads: [anz-laed]")
    line = line_of(project, "data/escalation.yml", "anz-laed")
    assert problems(project) == [f"data/escalation.yml:{line}: regions[0].levels.regional-leads[0]: unknown person id 'anz-laed'; did you mean 'anz-lead'?"]


# --- contact channels (data/programme.yml: where a card's link goes) ------------------------------


def test_contact_channel_linking_to_an_unknown_block(project: Path) -> None:
    edit(project, "data/programme.yml", "link: {block: tier-offerings}", "link: {block: tier-offering}")
    line = line_of(project, "data/programme.yml", "tier-offering}")
    assert problems(project) == [f"data/programme.yml:{line}: contact_channels[1].link.block: unknown block 'tier-offering'; did you mean 'tier-offerings'?"]


def test_contact_channel_linking_to_an_unknown_link(project: Path) -> None:
    edit(project, "data/programme.yml", "link: {url: help_centre}", "link: {url: help_center}")
    line = line_of(project, "data/programme.yml", "help_center}")
    assert problems(project) == [f"data/programme.yml:{line}: contact_channels[0].link.url: unknown link 'help_center'; did you mean 'help_centre'?"]


def test_contact_channel_with_two_links(project: Path) -> None:
    edit(project, "data/programme.yml", "link: {url: help_centre}", "link: {url: help_centre, block: ticket-form}")
    line = line_of(project, "data/programme.yml", "block: ticket-form}")
    assert problems(project) == [f"data/programme.yml:{line}: contact_channels[0].link: a mapping ({{\"url\": \"help_centre\", \"block\": \"ticket-form\"}}) must be one of {{block: <a block a page places>}} or {{url: <a key of links>}}"]


# --- escalation levels (data/escalation.yml: levels, and each region's levels) ------------------

LEVELS = "levels:\n  - id: desk\n    contact: desk\n  - id: regional-leads\n  - id: support-managers\n  - id: account-managers\n    account_managers: true\n"
ANZ_LEVELS = "levels: {regional-leads: [anz-lead], support-managers: [central-manager], account-managers: []}"


def test_the_sample_levels_are_as_the_tests_expect(project: Path) -> None:
    text = (project / "data/escalation.yml").read_text(encoding="utf-8")
    assert LEVELS in text and ANZ_LEVELS in text


def test_unknown_level_id_in_a_region(project: Path) -> None:
    edit(project, "data/escalation.yml", "levels: {regional-leads: [anz-lead]", "levels: {regional-lead: [anz-lead]")
    line = line_of(project, "data/escalation.yml", "regional-lead: [anz-lead]")
    assert problems(project) == [f"data/escalation.yml:{line}: regions[0].levels.regional-lead: unknown level id 'regional-lead'; did you mean 'regional-leads'?"]


def test_level_named_the_old_way(project: Path) -> None:
    # The numbered keys of before the levels were data: no id is close, so the message lists them.
    edit(project, "data/escalation.yml", "levels: {regional-leads: [anz-lead]", "levels: {level_2: [anz-lead]")
    line = line_of(project, "data/escalation.yml", "level_2: [anz-lead]")
    assert problems(project) == [
        f"data/escalation.yml:{line}: regions[0].levels.level_2: unknown level id 'level_2'; expected one of the ids of 'levels': desk, regional-leads, support-managers, account-managers"
    ]


def test_duplicate_level_id(project: Path) -> None:
    edit(project, "data/escalation.yml", "  - id: support-managers\n", "  - id: support-managers\n  - id: regional-leads\n")
    line = line_of(project, "data/escalation.yml", "  - id: regional-leads") + 2
    assert problems(project) == [f"data/escalation.yml:{line}: levels[3].id: duplicate 'regional-leads' (already at levels[1])"]


def test_two_levels_of_account_managers(project: Path) -> None:
    edit(project, "data/escalation.yml", "  - id: support-managers\n", "  - id: support-managers\n    account_managers: true\n")
    line = line_of(project, "data/escalation.yml", "  - id: account-managers") + 1
    assert problems(project) == [
        f"data/escalation.yml:{line}: levels[3].account_managers: only one level may have account_managers: true; level 'support-managers' (levels[2]) already has it"
    ]


def test_two_desk_levels(project: Path) -> None:
    edit(project, "data/escalation.yml", "  - id: regional-leads\n", "  - id: regional-leads\n    contact: desk\n")
    line = line_of(project, "data/escalation.yml", "  - id: regional-leads") + 1
    found = problems(project)
    assert found[0] == f"data/escalation.yml:{line}: levels[1].contact: only one level may have contact: desk; level 'desk' (levels[0]) already has it"
    # and every region that lists people for it is told that the desk's level takes none
    assert len(found) == 1 + 8 and all("lists the escalation desk's address in every region" in problem for problem in found[1:])


def test_desk_level_listing_people(project: Path) -> None:
    edit(project, "data/escalation.yml", "levels: {regional-leads: [anz-lead]", "levels: {desk: [anz-lead], regional-leads: [anz-lead]")
    line = line_of(project, "data/escalation.yml", "levels: {desk: [anz-lead]")
    assert problems(project) == [
        f"data/escalation.yml:{line}: regions[0].levels.desk: level 'desk' lists the escalation desk's address in every region (contact: desk): a region gives it no people"
    ]


def test_desk_level_of_account_managers(project: Path) -> None:
    edit(project, "data/escalation.yml", "    contact: desk\n", "    contact: desk\n    account_managers: true\n")
    edit(project, "data/escalation.yml", "  - id: account-managers\n    account_managers: true\n", "  - id: account-managers\n")
    line = line_of(project, "data/escalation.yml", "    contact: desk") + 1
    assert problems(project) == [
        f"data/escalation.yml:{line}: levels[0].account_managers: a level with contact: desk lists the escalation desk's address, not people, so its people cannot be the account managers"
    ]


def test_level_without_role_text(project: Path) -> None:
    # A level's role is a text of the locale files: a new level without one is a missing text,
    # reported once although the table and the published JSON both need it.
    edit(project, "data/escalation.yml", "    account_managers: true\n", "    account_managers: true\n  - id: executives\n")
    edit(project, "data/escalation.yml", ANZ_LEVELS, ANZ_LEVELS[:-1] + ", executives: [central-manager]}")
    line = line_of(project, "locales/en.yml", "  level_roles:")
    assert problems(project) == [f"locales/en.yml:{line}: escalation.level_roles.executives: missing text needed by the data (block 'escalation-matrix')"]


def test_every_text_a_new_severity_lacks_is_named_in_one_build(project: Path) -> None:
    # A maintainer adding a severity learns of its name, its definition and its example's text
    # at once, not one rebuild at a time.
    edit(project, "data/commitment.yml", "timings:\n", "  - id: cosmetic\n    level: 4\n    acknowledgement: {min: 2 days, max: 3 days}\n    determination: {min: 3 days, max: 5 days}\n    examples: [typo]\n" + "timings:\n")
    severities, examples = line_of(project, "locales/en.yml", "  severities:"), line_of(project, "locales/en.yml", "  examples_list:")
    assert sorted(problems(project)) == sorted([
        f"locales/en.yml:{severities}: commitment.severities.cosmetic.name: missing text needed by the data (block 'severity-matrix')",
        f"locales/en.yml:{severities}: commitment.severities.cosmetic.definition: missing text needed by the data (block 'severity-levels')",
        f"locales/en.yml:{examples}: commitment.examples_list.typo: missing text needed by the data (block 'severity-levels')",
    ])


def test_no_level_at_all(project: Path) -> None:
    edit(project, "data/escalation.yml", LEVELS, "levels: []\n")
    line = line_of(project, "data/escalation.yml", "levels: []")
    assert problems(project) == [f"data/escalation.yml:{line}: levels: must not be empty"]


def test_levels_missing(project: Path) -> None:
    edit(project, "data/escalation.yml", LEVELS, "")
    line = line_of(project, "data/escalation.yml", "when:")
    assert problems(project) == [f"data/escalation.yml:{line}: (top level): missing key 'levels'"]


def test_region_that_shows_no_level(project: Path) -> None:
    # Without the desk's level and the account managers' level, which every region shows, a
    # region listing no one would have an empty table.
    edit(project, "data/escalation.yml", "    contact: desk\n", "")
    edit(project, "data/escalation.yml", "    account_managers: true\n", "")
    edit(project, "data/escalation.yml", ANZ_LEVELS, "levels: {}")
    line = line_of(project, "data/escalation.yml", "  - id: anz")
    assert problems(project) == [
        f"data/escalation.yml:{line}: regions[0]: the region shows no escalation level: give people to one of its levels (desk, regional-leads, support-managers, account-managers)"
    ]


def test_unknown_country_code(project: Path) -> None:
    edit(project, "data/escalation.yml", "[FR, MC]", "[FR, QQ]")
    line = line_of(project, "data/escalation.yml", "[FR, QQ]")
    assert problems(project) == [f"data/escalation.yml:{line}: people[20].territories[1]: 'QQ' is not a country or area code known to CLDR"]


def test_unknown_time_zone(project: Path) -> None:
    edit(project, "data/escalation.yml", "time_zone: Asia/Kolkata", "time_zone: Asia/Bombay_City")
    line = line_of(project, "data/escalation.yml", "Asia/Bombay_City")
    assert problems(project) == [f"data/escalation.yml:{line}: regions[2].time_zone: unknown time zone 'Asia/Bombay_City'"]


def test_empty_offerings_cell(project: Path) -> None:
    edit(project, "data/tiers.yml", "values: {authorized: false, advanced: true, premium: true}", "values: {authorized: false, advanced: true}")
    line = line_of(project, "data/tiers.yml", "values: {authorized: false, advanced: true}")
    assert problems(project) == [f"data/tiers.yml:{line}: services[3].values: no value for tier 'premium': every cell of the offerings table must be filled"]


def test_unknown_category(project: Path) -> None:
    edit(project, "data/catalogue.yml", "{id: books, name: Books, categories: [finance]}", "{id: books, name: Books, categories: [finances]}")
    line = line_of(project, "data/catalogue.yml", "[finances]")
    assert problems(project) == [f"data/catalogue.yml:{line}: products[19].categories[0]: unknown category 'finances'; did you mean 'finance'?"]


def test_missing_translation_falls_back_and_is_listed_not_an_error(project: Path) -> None:
    # A missing string is no data error: the page shows the English text (marked), the status
    # lists it, and only --strict refuses it (test_i18n.py builds both ways).
    edit(project, "locales/vi.yml", "    upgrades: ", "    upgrades_removed: ")
    portal = load_portal(project, LOCALES, "en")
    vi = portal.translation.locales["vi"]
    assert [item["key"] for item in vi.missing] == ["ticket.request_types.upgrades"]
    assert [(item["key"], item["suggestion"]) for item in vi.unused] == [("ticket.request_types.upgrades_removed", "ticket.request_types.upgrades")]
    line = line_of(project, "locales/vi.yml", "upgrades_removed")
    strict = [str(problem) for problem in portal.translation.strict_problems]
    assert f"locales/vi.yml:{line}: ticket.request_types.upgrades_removed: unused key: not in locales/en.yml; did you mean 'ticket.request_types.upgrades'?" in strict
    assert any(message.startswith("locales/vi.yml:") and 'ticket.request_types.upgrades: missing translation (English: "Upgrades")' in message for message in strict)


def test_placeholder_mismatch(project: Path) -> None:
    text = (project / "locales/fr.yml").read_text(encoding="utf-8")
    assert "{vendor}" in text
    edit(project, "locales/fr.yml", "Support partenaires {vendor}", "Support partenaires {vendeur}")
    line = line_of(project, "locales/fr.yml", "{vendeur}")
    assert problems(project) == [f"locales/fr.yml:{line}: site.name: placeholders differ from English: expected {{vendor}}"]


def test_a_theme_text_that_lost_its_number(project: Path) -> None:
    # Unquoted, YAML cuts "Thêm # kết quả trên trang này" at " #": the panel read "Thêm".
    edit(project, "locales/vi.yml", '"Thêm # kết quả trên trang này"', "Thêm # kết quả trên trang này")
    line = line_of(project, "locales/vi.yml", "Thêm # kết quả")
    assert problems(project) == [
        f'locales/vi.yml:{line}: theme.search_result_more_other: the theme puts the number where English has "#": keep it, and quote the text ("… # …"), since in YAML " #" starts a comment'
    ]


@pytest.mark.parametrize("placeholder", ["{}", "{0}"])
def test_placeholder_without_a_name(project: Path, placeholder: str) -> None:
    edit(project, "locales/fr.yml", "Support partenaires {vendor}", f"Support partenaires {placeholder}")
    line = line_of(project, "locales/fr.yml", f"Support partenaires {placeholder}")
    assert problems(project) == [
        f"locales/fr.yml:{line}: site.name: a placeholder without a name ({{}} or {{0}}); write it as the English text names it, or a literal brace as {{{{ or }}}}"
    ]


def test_text_the_data_needs_but_english_lacks(project: Path) -> None:
    # Translations fall back to English; a text English lacks too has nothing to fall back to.
    edit(project, "data/programme.yml", "  - product-feedback\n", "  - product-feedback\n  - training\n")
    line = line_of(project, "locales/en.yml", "covers:")
    assert sorted(problems(project)) == [f"locales/en.yml:{line}: covers.training.{key}: missing text needed by the data (block 'covers')" for key in ("text", "title")]


def test_markdown_link_must_come_from_data(project: Path) -> None:
    edit(project, "locales/fr.yml", "({blog})", "(javascript:alert(1))")
    line = line_of(project, "locales/fr.yml", "text_md:")
    assert f"locales/fr.yml:{line}: expectations.stay-connected.text_md: link target 'javascript:alert(1)' must be one of the placeholders of the English text" in problems(project)


def test_unknown_block_in_a_page(project: Path) -> None:
    edit(project, "docs/fr/offerings.md", "::: portal tier-offerings", "::: portal tier-offering")
    line = line_of(project, "docs/fr/offerings.md", "tier-offering")
    [message] = problems(project)
    assert message.startswith(f"docs/fr/offerings.md:{line}: ::: portal: unknown block 'tier-offering'; known blocks: ")


# --- unsafe input (#12): each stops the build with one line, before a file is written ---


def billion_laughs(project: Path) -> None:
    """Nine lines of nested aliases, appended to data/tiers.yml, that expand to 9**9 values."""
    lines = ["lol0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"lol{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]" for level in range(1, 9)]
    with (project / "data/tiers.yml").open("a", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


LOADERS = [
    pytest.param("CSafeLoader", id="libyaml", marks=pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")),
    pytest.param("SafeLoader", id="pure-python"),
]


@pytest.mark.parametrize("loader", LOADERS)
def test_yaml_alias_is_refused_before_it_expands(project: Path, monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    monkeypatch.setattr(source, "FAST_LOADER", getattr(yaml, loader))
    billion_laughs(project)
    line = line_of(project, "data/tiers.yml", "lol1:")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(source.SourceError) as caught:
            source.load_source(project / "data/tiers.yml", "data/tiers.yml")
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(caught.value.problem) == (
        f"data/tiers.yml:{line}: lol1[0]: YAML alias '*a0' is not allowed: aliases repeat data, and nested ones expand a small file without bound; write the value out"
    )
    assert elapsed < 1 and peak < 16 * 2**20, (elapsed, peak)


def test_recursive_yaml_alias(project: Path) -> None:
    edit(project, "data/tiers.yml", "tiers:\n", "loop: &loop [*loop]\ntiers:\n")
    line = line_of(project, "data/tiers.yml", "loop:")
    [message] = problems(project)
    assert message.startswith(f"data/tiers.yml:{line}: loop[0]: YAML alias '*loop' is not allowed")


def add_language(project: Path, code: str) -> None:
    """A language in mkdocs.yml, after Vietnamese, with a locale file copied from French."""
    edit(project, "mkdocs.yml", "          name: Tiếng Việt\n          build: true\n", f"          name: Tiếng Việt\n          build: true\n        - locale: {code}\n          name: New\n          build: true\n")
    (project / f"locales/{code}.yml").write_text((project / "locales/fr.yml").read_text(encoding="utf-8"), encoding="utf-8")


def test_language_code_cldr_does_not_know(project: Path) -> None:
    add_language(project, "jp")  # Japan's country code; Japanese is ja
    line = line_of(project, "mkdocs.yml", "locale: jp")
    with pytest.raises(PortalDataError) as caught:
        load_portal(project, LOCALES + ("jp",), "en")
    assert [str(problem) for problem in caught.value.problems] == [
        f"mkdocs.yml:{line}: plugins.i18n.languages[3].locale: 'jp' is not a language code CLDR knows; closest CLDR codes: 'ja', 'pt', 'ps'"
    ]


def link_after_a_space(project: Path) -> None:
    # Markdown skips the space; a check of the source that expected `](` right before `{` did not.
    edit(project, "locales/fr.yml", "[blog]({blog})", "[blog]( javascript:alert(1)) ({blog})")


def reference_style_link(project: Path) -> None:
    edit(project, "locales/en.yml", "[i18n-status.json]({json}).", "[i18n-status.json][r] ({json}).\\n\\n[r]: javascript:alert(1)")


def test_markdown_link_target_after_a_space(project: Path) -> None:
    link_after_a_space(project)
    line = line_of(project, "locales/fr.yml", "text_md:")
    assert problems(project) == [f"locales/fr.yml:{line}: expectations.stay-connected.text_md: link target 'javascript:alert(1)' must be one of the placeholders of the English text"]


def test_reference_style_markdown_link(project: Path) -> None:
    reference_style_link(project)
    line = line_of(project, "locales/en.yml", "json_md:")
    assert problems(project) == [f"locales/en.yml:{line}: i18n.status.json_md: link target 'javascript:alert(1)' must be one of the placeholders of the English text"]


def test_markdown_that_the_page_would_leave_out(project: Path) -> None:
    edit(project, "locales/fr.yml", "[blog]({blog})", "![blog]({blog})")
    line = line_of(project, "locales/fr.yml", "text_md:")
    assert problems(project) == [
        f"locales/fr.yml:{line}: expectations.stay-connected.text_md: Markdown makes a <img> of this text, which the page leaves out: "
        "only [links]({placeholder}), *emphasis*, **strong**, `code` and line breaks are kept"
    ]


def test_html_in_a_markdown_text(project: Path) -> None:
    edit(project, "locales/fr.yml", "[blog]({blog})", '<a href="{blog}">blog</a>')
    line = line_of(project, "locales/fr.yml", "text_md:")
    assert problems(project) == [
        f"locales/fr.yml:{line}: expectations.stay-connected.text_md: '<a href=\"{{blog}}\">' would show as text: HTML is not allowed here; "
        "write Markdown, such as [words]({placeholder}) or *emphasis*"
    ]


UNSAFE: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "billion-laughs": (billion_laughs, "data/tiers.yml", "lol1[0]: YAML alias '*a0' is not allowed"),
    "unknown-language": (lambda project: add_language(project, "xx"), "mkdocs.yml", "plugins.i18n.languages[3].locale: 'xx' is not a language code CLDR knows"),
    "link-after-a-space": (link_after_a_space, "locales/fr.yml", "expectations.stay-connected.text_md: link target 'javascript:alert(1)'"),
    "reference-style-link": (reference_style_link, "locales/en.yml", "i18n.status.json_md: link target 'javascript:alert(1)'"),
}


@pytest.mark.parametrize("mistake", UNSAFE)
def test_unsafe_input_stops_the_build_in_one_line_and_writes_nothing(project: Path, mistake: str) -> None:
    break_it, file, message = UNSAFE[mistake]
    break_it(project)
    site = project / "site"
    build = mkdocs_build(project, site, "--strict")
    assert build.returncode != 0
    assert "Traceback" not in build.log
    [line] = [line.strip() for line in build.log.splitlines() if line.startswith("  ") and ".yml:" in line]
    assert re.fullmatch(rf"{re.escape(file)}:[0-9]+: {re.escape(message)}.*", line), build.log
    assert not site.exists()


def test_missing_data_file(project: Path) -> None:
    # data/tiers.yml may be absent (a portal without offerings, tests/test_sections.py); this one may not.
    (project / "data/commitment.yml").unlink()
    assert problems(project) == ["data/commitment.yml:1: (top level): file is missing"]


def test_a_failed_build_says_why_without_a_traceback_and_writes_nothing(project: Path) -> None:
    edit(project, "data/escalation.yml", "regional-leads: [anz-lead]", "regional-leads: [anz-laed]")
    site = project / "site"
    build = mkdocs_build(project, site)
    assert build.returncode != 0
    assert "unknown person id 'anz-laed'" in build.log
    assert "data/escalation.yml:" in build.log
    assert "Traceback" not in build.log
    assert not site.exists()


def test_a_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    site = project / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
    edit(project, "locales/fr.yml", "Support partenaires {vendor}", "Support partenaires {vendeur}")
    assert mkdocs_build(project, site).returncode != 0
    assert before == {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}


# --- the length of a long text, per language (data/requests.yml) -------------------------------

LENGTH = "      ja: {characters: [300, 400]}\n"


def test_length_in_an_unknown_unit(project: Path) -> None:
    edit(project, "data/requests.yml", LENGTH, "      ja: {letters: [300, 400]}\n")
    line = line_of(project, "data/requests.yml", "ja: {letters")
    assert problems(project) == [f"data/requests.yml:{line}: fields[5].length.ja.letters: unknown key 'letters'; expected one of: words, characters"]


def test_length_in_a_misspelled_unit(project: Path) -> None:
    edit(project, "data/requests.yml", LENGTH, "      ja: {chars: [300, 400]}\n")
    line = line_of(project, "data/requests.yml", "ja: {chars")
    assert problems(project) == [f"data/requests.yml:{line}: fields[5].length.ja.chars: unknown key 'chars'; did you mean 'characters'?"]


def test_length_in_two_units_at_once(project: Path) -> None:
    edit(project, "data/requests.yml", LENGTH, "      ja: {characters: [300, 400], words: [150, 200]}\n")
    line = line_of(project, "data/requests.yml", "ja: {characters: [300, 400], words")
    assert problems(project) == [
        f"data/requests.yml:{line}: fields[5].length.ja: a mapping ({{\"characters\": [300, 400], \"words\": [150, 200]}}) must give one unit, words or characters, "
        "with its [min, max], such as {words: [150, 200]} or {characters: [300, 400]}"
    ]


def test_length_whose_min_is_greater_than_its_max(project: Path) -> None:
    edit(project, "data/requests.yml", LENGTH, "      ja: {characters: [400, 300]}\n")
    line = line_of(project, "data/requests.yml", "ja: {characters: [400, 300]}")
    assert problems(project) == [f"data/requests.yml:{line}: fields[5].length.ja.characters: min (400) is greater than max (300)"]


def test_length_that_is_not_min_and_max(project: Path) -> None:
    edit(project, "data/requests.yml", LENGTH, "      ja: {characters: 300}\n")
    line = line_of(project, "data/requests.yml", "ja: {characters: 300}")
    assert problems(project) == [f"data/requests.yml:{line}: fields[5].length.ja.characters: a number (300) must be [min, max]: two whole numbers from 1, such as [150, 200]"]


def test_length_for_an_unknown_language_code(project: Path) -> None:
    edit(project, "data/requests.yml", LENGTH, "      jp: {characters: [300, 400]}\n")  # Japan's country code; Japanese is ja
    line = line_of(project, "data/requests.yml", "jp: {characters")
    assert problems(project) == [
        f"data/requests.yml:{line}: fields[5].length.jp: 'jp' is not a language code CLDR knows; closest CLDR codes: 'ja', 'pt', 'ps' "
        "(a key of 'length' is 'default' or a language code, such as ja, zh or zh-Hant)"
    ]


def test_length_with_a_misspelled_default(project: Path) -> None:
    edit(project, "data/requests.yml", "      default: {words: [150, 200]}\n", "      defualt: {words: [150, 200]}\n")
    line = line_of(project, "data/requests.yml", "defualt:")
    assert problems(project) == [f"data/requests.yml:{line}: fields[5].length.defualt: unknown key 'defualt'; did you mean 'default'?"]


def test_length_without_a_default(project: Path) -> None:
    edit(project, "data/requests.yml", "      default: {words: [150, 200]}\n", "")
    line = line_of(project, "data/requests.yml", "    length:")
    assert problems(project) == [
        f"data/requests.yml:{line}: fields[5].length: missing key 'default': the length in every language the field does not list, such as default: {{words: [150, 200]}}"
    ]


def test_the_word_limits_of_before_say_what_replaced_them(project: Path) -> None:
    edit(project, "data/requests.yml", "  - {name: troubleshooting, type: long_text, required: false}", "  - {name: troubleshooting, type: long_text, required: false, min_words: 10}")
    line = line_of(project, "data/requests.yml", "min_words: 10")
    assert problems(project) == [
        f"data/requests.yml:{line}: fields[6].min_words: a number (10) is no longer read: write the length per language, such as length: {{default: {{words: [150, 200]}}}}"
    ]


def _schema_cases() -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """The data files and a locale file as they are; then broken in the ways maintainers break them."""
    from conftest import ROOT

    read = lambda name: yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))  # noqa: E731
    escalation, locale = read("data/escalation.yml"), read("locales/fr.yml")
    region, home = escalation["regions"][0], locale["home"]
    as_they_are = [(path.stem, read(f"data/{path.name}")) for path in sorted((ROOT / "data").glob("*.yml"))] + [("locale", locale)]
    broken: list[tuple[str, object]] = [
        ("escalation", {**escalation, "regions": [{**region, "time_zone": "Europe London"}]}),
        ("escalation", {**escalation, "regions": [{**region, "countries": ["FR\n"]}]}),  # Python's "$" lets a final newline pass
        ("escalation", {**escalation, "regions": [{**region, "countries": []}]}),
        ("escalation", {**escalation, "regoins": escalation["regions"]}),
        ("escalation", {key: value for key, value in escalation.items() if key != "regions"}),
        ("escalation", {**escalation, "regions": [{**region, "holidays": [datetime.date(2026, 12, 25)]}]}),
        ("locale", {**locale, "home": {**home, "title": 3}}),
        ("locale", {**locale, "home": {**home, "title": None}}),
        ("locale", {**locale, "home": {}}),
        ("locale", {**locale, "bad key": "x"}),
    ]
    return as_they_are, broken


def test_the_fast_schema_check_never_passes_what_the_full_one_refuses() -> None:
    """jsonschema-rs answers whether a file passes; jsonschema, whose errors the messages are made
    from, checks only what it refuses. A file the fast check passed would lose its messages."""
    from partner_portal.validate import _passes, schema_validator

    as_they_are, broken = _schema_cases()
    for schema, document in as_they_are:
        assert _passes(schema, document) and not list(schema_validator(schema).iter_errors(document)), schema
    refused_by_both = 0
    for schema, document in broken:
        full = list(schema_validator(schema).iter_errors(document))
        if full:
            assert not _passes(schema, document), (schema, full[0].message)
            refused_by_both += 1
    assert refused_by_both == len(broken) - 1  # all but the final newline, which only the fast check refuses

def test_a_portal_whose_data_is_right_never_imports_jsonschema() -> None:
    """Its 7 MB are paid only to write the messages of a file the fast check refused."""
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys; sys.path.insert(0, 'hooks'); from pathlib import Path; from partner_portal.load import load_portal; "
            f"load_portal(Path('.'), {LOCALES!r}, 'en'); print('jsonschema' in sys.modules, 'referencing' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
