"""Links between blocks follow the pages: a block links to the page of docs/ that places the other
block, in every language, so renaming or moving a page needs no code change (issue #9, item 5)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import LOCALES, mkdocs_build

from partner_portal.render import ANCHORS, PageLinks, UnplacedBlock

SITE = "https://partners.example.com/"


def prefix(locale: str) -> str:
    return "" if locale == "en" else f"{locale}/"


def rename(project: Path, old: str, new: str | None) -> None:
    """Move docs/<lang>/<old> to docs/<lang>/<new> in every language, and in the navigation;
    remove it if `new` is None."""
    for locale in LOCALES:
        source = project / "docs" / locale / old
        if new is None:
            source.unlink()
            continue
        target = project / "docs" / locale / new
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(f"  - {old}\n") == 1
    config.write_text(text.replace(f"  - {old}\n", f"  - {new}\n" if new else ""), encoding="utf-8")


def links_in(site: Path) -> dict[str, set[str]]:
    """Every link of every page of the built site, resolved: {page URL: {absolute targets}}."""
    found = {}
    for html in site.rglob("index.html"):
        url = SITE + html.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        url = url.replace("//", "/").replace("https:/", "https://")
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        found[url] = {urljoin(url, anchor["href"]) for anchor in soup.select("a[href]")}
    return found


def test_to_block_links_to_the_page_that_places_the_block() -> None:
    import partner_portal.blocks  # noqa: F401  (registers the blocks and their anchors)

    links = PageLinks("fr/commitment/", "fr/", {"tier-offerings": "tiers/", "escalation-finder": "help/contacts/"})
    assert links.to_block("tier-offerings") == "../tiers/"
    assert links.to_block("escalation-finder") == f"../help/contacts/#{ANCHORS['escalation-finder']}"
    assert links.to_block("support-calendar", optional=True) is None
    with pytest.raises(UnplacedBlock):
        links.to_block("support-calendar")


def test_a_renamed_page_is_found_by_the_blocks_that_link_to_it(project: Path, tmp_path: Path) -> None:
    rename(project, "offerings.md", "tiers.md")
    build = mkdocs_build(project, tmp_path / "site", "--strict")
    assert build.returncode == 0, build.log
    links = links_in(build.site)
    for locale in LOCALES:
        root = SITE + prefix(locale)
        assert root + "tiers/" in links, sorted(links)
        home = BeautifulSoup((build.site / prefix(locale) / "index.html").read_text(encoding="utf-8"), "html.parser")
        channels = {urljoin(root, anchor["href"]) for anchor in home.select(".portal-channels a[href]")}
        assert root + "tiers/" in channels, channels
    stale = {page: sorted(target for target in targets if "/offerings/" in target) for page, targets in links.items()}
    assert not {page: targets for page, targets in stale.items() if targets}


def test_a_moved_page_keeps_the_tools_links_and_the_api_pages(project: Path, tmp_path: Path) -> None:
    rename(project, "escalation.md", "help/contacts.md")
    build = mkdocs_build(project, tmp_path / "site", "--strict")
    assert build.returncode == 0, build.log
    for locale in LOCALES:
        root = SITE + prefix(locale)
        page = root + "commitment/"
        soup = BeautifulSoup((build.site / prefix(locale) / "commitment/index.html").read_text(encoding="utf-8"), "html.parser")
        targets = {urljoin(page, anchor["href"]) for anchor in soup.select("[data-portal-tool=calculator] a[href], .admonition a[href]")}
        assert {root + "help/contacts/#your-region", root + "help/contacts/#support-calendar"} <= targets, targets
        document = json.loads((build.site / prefix(locale) / "api/portal.json").read_text(encoding="utf-8"))
        assert document["pages"] == {"commitment": page, "escalation": root + "help/contacts/", "priority-support": root + "priority-support/"}


def test_a_link_to_a_block_no_page_places_is_one_error(project: Path, tmp_path: Path) -> None:
    rename(project, "offerings.md", None)
    index = (project / "docs/en/index.md").read_text(encoding="utf-8").splitlines()
    line = index.index("::: portal contact-channels") + 1
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert "1 problem in the portal's data; nothing was built:\n" in build.log, build.log
    expected = f"  docs/en/index.md:{line}: ::: portal: block 'contact-channels' links to block 'tier-offerings', which no page places in {', '.join(LOCALES)}"
    assert expected in build.log.splitlines(), build.log
    assert not (tmp_path / "site").exists()
