"""`./portal build` spreads the languages over processes (hooks/partner_portal/parallel.py): the
site it writes is byte for byte the one a sequential `mkdocs build` writes, and a mistake stops it
as it stops the sequential build."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import LOCALES, ROOT, mkdocs_build
from partner_portal import parallel


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def portal_build(site: Path, jobs: int, *extra: str, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", parallel.JOBS_VARIABLE: str(jobs), "TMPDIR": str(tmp)}
    return subprocess.run([str(ROOT / "portal"), "build", str(site), *extra], env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("jobs", [2, 3])
def test_the_parallel_build_writes_the_sequential_build_byte_for_byte(site, tmp_path: Path, jobs: int) -> None:
    """Every file, sitemap.xml(.gz), the search indexes, i18n-status.json, the API, the host
    configurations and the .br/.gz files included; `site` is the sequential `mkdocs build --strict`."""
    staging = tmp_path / "tmp"
    staging.mkdir()
    built = portal_build(tmp_path / "site", jobs, "--strict", tmp=staging)
    assert built.returncode == 0, built.stdout + built.stderr
    sequential, parallel_site = tree(site.site), tree(tmp_path / "site")
    assert sorted(parallel_site) == sorted(sequential)
    different = [name for name in sequential if parallel_site[name] != sequential[name]]
    assert different == []
    assert {"sitemap.xml", "sitemap.xml.gz", "i18n-status.json", "search/search_index.json", "ja/search/search_index.json",
            "ar/api/portal.json", "index.html.br", "vi/index.html.gz", ".hosting/nginx.conf", "_headers"} <= set(sequential)
    assert [path.name for path in staging.iterdir() if path.name.startswith("portal-build-")] == []  # the workers' folders are gone


def test_the_parallel_build_logs_what_the_sequential_build_logs(site, tmp_path: Path) -> None:
    built = portal_build(tmp_path / "site", 3, "--strict", tmp=tmp_path)
    assert built.returncode == 0
    lines = lambda log: [re.sub(r"[0-9.]+ seconds", "", line.replace(str(site.site), "SITE").replace(str(tmp_path / "site"), "SITE"))
                         for line in log.splitlines() if not line.startswith("DEBUG")]
    assert lines(built.stderr) == lines(site.log)


def test_the_build_order_is_cut_into_runs_of_consecutive_languages() -> None:
    order = ["en", "fr", "vi", "ar", "ja"]
    assert parallel.runs(order, 1) == [order]
    assert parallel.runs(order, 2) == [["en", "fr"], ["vi", "ar", "ja"]]
    assert parallel.runs(order, 3) == [["en"], ["fr", "vi"], ["ar", "ja"]]
    assert parallel.runs(order, 8) == [[locale] for locale in order]
    assert parallel.requested_jobs({}) == 1  # a plain `mkdocs build`: static-i18n's own loop
    assert parallel.requested_jobs({parallel.JOBS_VARIABLE: "3"}) == 3
    assert parallel.requested_jobs({parallel.JOBS_VARIABLE: "auto"}) >= 1


def test_a_data_mistake_stops_the_parallel_build_in_one_line_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    path = project / "data" / "escalation.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("regional-leads: [anz-lead]", "regional-leads: [anz-laed]", 1), encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    staging = tmp_path / "tmp"
    staging.mkdir()
    build = mkdocs_build(project, site, "--strict", env={parallel.JOBS_VARIABLE: "2", "TMPDIR": str(staging)})
    assert build.returncode != 0
    assert "Traceback" not in build.log
    [line] = [line.strip() for line in build.log.splitlines() if line.startswith("  ") and ".yml:" in line]
    assert re.fullmatch(r"data/escalation\.yml:[0-9]+: regions\[[0-9]+\]\.levels\.regional-leads\[0\]: unknown person id 'anz-laed'.*", line), build.log
    assert tree(site) == {"index.html": b"the previous site"}
    assert not any(path.name.startswith("portal-build-") for path in staging.iterdir())


def test_a_warning_in_another_process_stops_a_strict_build_as_it_stops_the_sequential_one(project: Path, tmp_path: Path) -> None:
    """Japanese, the last language, is built by the last process; its warning is logged in its
    place and stops `--strict` with MkDocs' own message."""
    page = project / "docs" / "ja" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[?](no-such-page.md)\n", encoding="utf-8")
    staging = tmp_path / "tmp"
    staging.mkdir()
    sequential = mkdocs_build(project, tmp_path / "sequential", "--strict")
    in_parallel = mkdocs_build(project, tmp_path / "parallel", "--strict", env={parallel.JOBS_VARIABLE: "2", "TMPDIR": str(staging)})
    assert sequential.returncode == in_parallel.returncode == 1
    said = lambda build: [line for line in build.log.splitlines() if line.startswith(("WARNING", "ERROR", "Aborted"))]
    assert said(in_parallel) == said(sequential)
    assert sorted(said(sequential)) == [
        "Aborted with 1 warnings in strict mode!",
        "WARNING -  Doc file 'ja/index.md' contains a link 'no-such-page.md', but the target 'ja/no-such-page.md' is not found among documentation files.",
    ]
    assert "Traceback" not in in_parallel.log
    assert not any(path.name.startswith("portal-build-") for path in staging.iterdir())


def test_every_404_page_offers_each_languages_home(site) -> None:
    """Not the page the previous language's build happened to end with (static-i18n sets the
    switcher's links per page, and the 404 page is written before any page)."""
    for locale in LOCALES:
        html = (site.site / ("" if locale == "en" else f"{locale}/") / "404.html").read_text(encoding="utf-8")
        links = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"', html))
        assert links == {("/" if target == "en" else f"/{target}/"): target for target in LOCALES}, locale


def test_each_pages_alternates_are_static_i18ns(project: Path) -> None:
    """partner_portal/once.py finds each page's other languages as static-i18n does, with pages
    missing in some languages (the English page stands in) and a page only in English."""
    (project / "docs" / "fr" / "ticket.md").unlink()
    (project / "docs" / "vi" / "offerings.md").unlink()
    (project / "docs" / "en" / "only-english.md").write_text("# Only in English\n", encoding="utf-8")
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from partner_portal.once import alternates_once, files_static_i18n_can_choose

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    i18n = config.plugins["i18n"]

    def alternates(locale: str, ours: bool) -> dict[str, dict[str, tuple]]:
        i18n.current_language = locale
        files = get_files(config)
        files = i18n.reconfigure_files(files_static_i18n_can_choose(files, config, i18n) if ours else files, config)
        pages = {file.src_uri: {lang: (alt.src_uri, alt.dest_uri, alt.url, alt.locale) for lang, alt in file.alternates.items()}
                 for file in files.documentation_pages()}
        return {"pages": pages, "files": [(file.src_uri, file.dest_uri, file.url) for file in files]}

    for locale in i18n.build_languages:
        theirs = alternates(locale, ours=False)
        alternates_once(i18n)
        ours = alternates(locale, ours=True)
        del i18n.reconfigure_files_alternates  # static-i18n's own again
        assert ours == theirs, locale
        assert "en/only-english.md" in ours["pages"] and set(ours["pages"][f"{locale}/index.md"]) == set(i18n.build_languages)


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _no_offerings_page(project: Path) -> None:
    from test_links import rename

    rename(project, "offerings.md", None)


# Mistakes found by the checks each process makes for its own languages (load.py), in languages
# of different processes: the message is the one a sequential build gives.
MISTAKES = {
    "yaml syntax": lambda project: _edit(project, "locales/ja.yml", "site:\n", "site: [\n"),
    "schema and placeholders": lambda project: (
        _edit(project, "locales/vi.yml", '  name: "Hỗ trợ Đối tác {vendor}"', "  name: [1, 2]"),
        _edit(project, "locales/fr.yml", "Support partenaires {vendor}", "Support partenaires {vendeur}")),
    "placeholders in two processes": lambda project: (
        _edit(project, "locales/fr.yml", "Support partenaires {vendor}", "Support partenaires {vendeur}"),
        _edit(project, "locales/ja.yml", '  name: "{vendor}パートナーサポート"', '  name: "{vender}パートナーサポート"')),
    "text missing in English": lambda project: (
        _edit(project, "data/escalation.yml", "    account_managers: true\n", "    account_managers: true\n  - id: executives\n"),
        _edit(project, "data/escalation.yml", "levels: {regional-leads: [anz-lead], support-managers: [central-manager], account-managers: []}",
              "levels: {regional-leads: [anz-lead], support-managers: [central-manager], account-managers: [], executives: [central-manager]}")),
    "link to a block no page places": _no_offerings_page,
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_in_the_languages_of_several_processes_is_reported_as_one_process_reports_it(project: Path, tmp_path: Path, mistake: str) -> None:
    MISTAKES[mistake](project)
    staging = tmp_path / "tmp"
    staging.mkdir()
    sequential = mkdocs_build(project, tmp_path / "sequential", "--strict")
    problems = lambda build: [line for line in build.log.splitlines() if "problem" in line or line.startswith("  ")]
    assert sequential.returncode != 0 and problems(sequential), sequential.log
    for jobs in (2, 5):
        in_parallel = mkdocs_build(project, tmp_path / f"parallel-{jobs}", "--strict", env={parallel.JOBS_VARIABLE: str(jobs), "TMPDIR": str(staging)})
        assert in_parallel.returncode == sequential.returncode
        assert problems(in_parallel) == problems(sequential), in_parallel.log
        assert "Traceback" not in in_parallel.log
        assert not (tmp_path / f"parallel-{jobs}").exists()
    assert not any(path.name.startswith("portal-build-") for path in staging.iterdir())


COUNTING_BUILD = """
import json, sys
import mkdocs.structure.files as files
from mkdocs.__main__ import cli
sys.path.insert(0, "hooks")
import partner_portal.render as render, partner_portal.load as load
counts = {"copies": {}, "renders": 0}
copy_file, render_block = files.File.copy_file, render.render_block
def counted_copy(self, dirty=False):
    counts["copies"][self.dest_uri] = counts["copies"].get(self.dest_uri, 0) + 1
    return copy_file(self, dirty)
def counted_render(*args, **kwargs):
    counts["renders"] += 1
    return render_block(*args, **kwargs)
files.File.copy_file = counted_copy
render.render_block = load.render_block = counted_render
import portal  # the hooks module MkDocs loads, to count its renders too
portal.render_block = counted_render
try:
    cli(["build", "-q", "-d", sys.argv[1]])
except SystemExit as exit:
    assert not exit.code, exit.code
print(json.dumps(counts))
"""


def test_a_build_copies_the_themes_files_once_and_renders_each_block_once(tmp_path: Path) -> None:
    """MkDocs copied every static file of the theme in each language's build, and each page's
    blocks were rendered twice: by the validation and by the page (partner_portal/once.py, load.py)."""
    import json
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", parallel.JOBS_VARIABLE: "1"}
    built = subprocess.run([sys.executable, "-c", COUNTING_BUILD, str(tmp_path / "site")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    counts = json.loads(built.stdout.splitlines()[-1])
    theme = {name: count for name, count in counts["copies"].items() if name.startswith("assets/")}
    assert len(theme) > 40 and set(theme.values()) == {1}
    blocks = sum(len(re.findall(r"^::: portal ", path.read_text(encoding="utf-8"), re.MULTILINE)) for path in (ROOT / "docs" / "en").rglob("*.md"))
    assert counts["renders"] == blocks * len(LOCALES)


def test_the_validation_keeps_the_blocks_of_the_first_languages_and_no_languages_cldr_data(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What it rendered stays for the pages of the first languages built, within a bound; each
    language's CLDR data goes once its blocks are rendered (a 40-language build held 38 MB of it)."""
    from babel import localedata

    from partner_portal import load

    monkeypatch.setattr(load, "PRERENDERED_LANGUAGES", 2)
    portal = load.load_portal(project, LOCALES, "en")
    assert {locale for locale, _, _ in portal.rendered} == set(LOCALES[:2])
    assert {(locale, url) for locale, _, url in portal.rendered} >= {("en", "escalation/"), ("fr", "fr/escalation/")}
    assert not set(localedata._cache) & set(LOCALES[1:])
