"""Where a rebuild of `mkdocs serve` spends its time after an edit (issue #13); benchmarks/README.md, section 4.

Usage: .venv/bin/python benchmarks/serve_profile.py [--lang fr] [--edit locales/fr.yml] [--rebuilds 7]

Copies the project into a temporary directory, builds it once as `mkdocs serve` does (the same
process keeps its modules, caches and compiled templates), then edits the file `--edit` and
rebuilds, `--rebuilds` times: each rebuild reads mkdocs.yml again and builds into the same
folder, as serve's own rebuild does. `--lang fr` is the translators' preview (PORTAL_PREVIEW=fr,
as `./portal serve --lang fr` sets it); without it, every language is built. Prints the wall and
CPU time of each rebuild and the CPU time of each phase, median over the rebuilds. What this
leaves out, the file watcher's delay and the page's reload, `build.py --only serve-lang` measures.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("data", "locales", "docs", "overrides", "hooks", "schemas")
# Each file the benchmark may edit: a text to change, so that the pages show the edit.
EDITS = {
    "locales/fr.yml": ('name: "Support partenaires {vendor}"', 'name: "Support partenaires {{vendor}} {n}"'),
    "docs/fr/index.md": ("# Support partenaires\n", "# Support partenaires {n}\n"),
    "data/priority.yml": ("min_user_licences: 100,", "min_user_licences: {figure},"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", help="the preview of this language (PORTAL_PREVIEW), else every language")
    parser.add_argument("--edit", default="locales/fr.yml", choices=sorted(EDITS))
    parser.add_argument("--rebuilds", type=int, default=7)
    parser.add_argument("--mkdocs-yml-only", metavar="LANG",
                        help="build only LANG and the default language by setting `build: false` for the others in the copy's "
                             "mkdocs.yml (how one language was built before the preview; to profile an older commit)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-serve-profile-") as temp:
        project = Path(temp) / "project"
        for name in PROJECT_FILES:
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        if args.mkdocs_yml_only:
            only_in_mkdocs_yml(project / "mkdocs.yml", args.mkdocs_yml_only)
        if args.lang:
            os.environ["PORTAL_PREVIEW"] = args.lang
        else:
            os.environ.pop("PORTAL_PREVIEW", None)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        os.chdir(project)
        built = (f"preview of {args.lang}" if args.lang else
                 f"{args.mkdocs_yml_only} and the default language (mkdocs.yml)" if args.mkdocs_yml_only else "every language")
        profile(project, Path(temp) / "site", args.edit, args.rebuilds, built)
    return 0


def only_in_mkdocs_yml(path: Path, locale: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    current = default = None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("- locale:"):
            current, default = stripped.split(":", 1)[1].strip(), False
        elif stripped == "default: true":
            default = True
        elif stripped == "build: true" and current not in (None, locale) and not default:
            lines[number] = line.replace("build: true", "build: false")
    path.write_text("".join(lines), encoding="utf-8")


def profile(project: Path, site: Path, edit: str, rebuilds: int, built: str = "every language") -> None:
    sys.path.insert(0, str(project / "hooks"))
    import material.plugins.search.plugin as material_search
    import mkdocs.commands.build as mkdocs_build
    import mkdocs.structure.files as mkdocs_files
    from mkdocs.config import load_config

    import partner_portal.load as load
    import partner_portal.search as search

    spent: dict[str, float] = defaultdict(float)

    def timed(owner, name: str, label: str) -> None:
        function = getattr(owner, name)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - started

        setattr(owner, name, wrapper)

    timed(mkdocs_build, "_populate_page", "pages: Markdown and our blocks (page_markdown, page_content)")
    timed(mkdocs_build, "_build_page", "pages: theme template, search entries, our post_page")
    timed(mkdocs_build, "_build_theme_template", "404 pages and sitemap.xml")
    timed(mkdocs_files.Files, "copy_static_files", "copying the theme's static files")
    timed(material_search.SearchPlugin, "on_config", "Material's search plugin: settings (compiles partials/language.html)")
    timed(material_search.SearchPlugin, "on_page_context", "  of which search entries (Material parses each page)")
    timed(load, "_load", "our data: load and validate (partner_portal.load)")
    timed(load, "_rendering_problems", "  of which every block rendered in every language, as a check")
    timed(load, "locale_problems", "  of which locale files: schema and placeholders")
    timed(load, "compute_status", "  of which translation status")
    timed(search, "write_indexes", "our search indexes, one per language")
    config_time = [0.0]

    def get_config():
        started = time.process_time()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.site_url = "http://127.0.0.1:8000/"
        config_time[0] += time.process_time() - started
        return config

    config = get_config()
    # The theme's file list is taken before any event: timed here, once our on_startup has run.
    config.plugins.on_startup(command="serve", dirty=False)
    timed(mkdocs_files.Files, "add_files_from_theme", "the theme's file list (Material's 14,000 icons walked)")
    logging.disable(logging.INFO)
    mkdocs_build.build(config, serve_url="http://127.0.0.1:8000/")
    path = project / edit
    original = path.read_text(encoding="utf-8")
    old, new = EDITS[edit]
    assert old in original, (edit, old)
    walls, cpus, phases = [], [], defaultdict(list)
    for number in range(1, rebuilds + 1):
        path.write_text(original.replace(old, new.format(n=number, figure=5100 + number), 1), encoding="utf-8")
        spent.clear()
        config_time[0] = 0.0
        wall, cpu = time.perf_counter(), time.process_time()
        mkdocs_build.build(get_config(), serve_url="http://127.0.0.1:8000/")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        spent["reading mkdocs.yml again"] = config_time[0]
        for label, seconds in spent.items():
            phases[label].append(seconds)
    print(f"{built}, {rebuilds} rebuilds after an edit to {edit}; load {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print(f"  wall {' '.join(f'{seconds:.2f}' for seconds in walls)} s, median {statistics.median(walls):.3f} s")
    print(f"  CPU  {' '.join(f'{seconds:.2f}' for seconds in cpus)} s, median {statistics.median(cpus):.3f} s; by phase (CPU, median):")
    for label, values in sorted(phases.items(), key=lambda item: -statistics.median(item[1])):
        print(f"  {statistics.median(values) * 1000:7.0f} ms  {label}")


if __name__ == "__main__":
    sys.exit(main())
