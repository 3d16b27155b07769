"""Build benchmark of the portal generator (issue #6); results go into benchmarks/README.md.

Usage: .venv/bin/python benchmarks/build.py [--runs N] [--scaling-runs N] [--quick] [--only ratio,hooks,scaling,serve,serve-lang] [--browser] [--max-load L]

  ratio    the sample site built in full as `./portal build` builds it (its languages in one
           process per core), cold and warm, and as a plain sequential `mkdocs build`, against the
           same Markdown built by stock Material + mkdocs-static-i18n (no hooks), alternately in
           one run; the ratios of the medians, and each build's peak memory
  hooks    the time spent in each of our hook functions, per language, and how often the data
           is parsed (partner_portal.load._load) and each file read and validated in one build
           (a sequential build)
  scaling  generated data and languages: 5 (the sample's), 10 and 40 languages, 8 and 80
           escalation regions, 52 and 500 products; stock, `./portal build` and the sequential
           build alternated; wall time and peak memory of each
  serve    `mkdocs serve`: seconds from an edit to data/ until the served page shows it
  serve-lang  the translators' preview, `./portal serve --lang fr`: seconds from an edit to
           locales/fr.yml or docs/fr/index.md until /fr/ shows it (5 of each), then the same
           edits with the full `mkdocs serve` (not part of the default run); with --browser,
           also until the page open in Chromium shows it

Every build runs in its own Python process, so that imports, caches and memory start from
nothing, as for a maintainer's `./portal build`. Peak memory is given two ways: the largest
process's peak resident size (getrusage's ru_maxrss over the build's processes), and the peak of
the sum of the proportional set sizes (PSS) of all its processes, sampled every 20 ms in a run of
its own (what the machine holds: pages the forked processes share are counted once). The machine's
load average is recorded with every round.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from local_server import fetch, free_port  # noqa: E402  (the tools folder is not a package)

PROJECT_FILES = ("data", "locales", "docs", "overrides", "hooks", "schemas")
BLOCK_LINE = re.compile(r"^::: portal .*\n?", re.M)
JOBS = "PORTAL_BUILD_JOBS"  # hooks/partner_portal/parallel.py; `./portal build` sets it to auto
ENV = {key: value for key, value in {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}.items() if key != JOBS}
# The builds compared: (name, which project, environment). "ours" is `./portal build`.
PARALLEL = {JOBS: "auto"}


MAX_LOAD = {"value": None, "patience": 90.0}  # --max-load


def load() -> float:
    return round(os.getloadavg()[0], 2)


def quiet_enough() -> float:
    """Wait (up to --max-load's patience) until the machine's 1-minute load is at most --max-load;
    the load it starts the round at."""
    limit, deadline = MAX_LOAD["value"], time.monotonic() + MAX_LOAD["patience"]
    while limit is not None and load() > limit and time.monotonic() < deadline:
        time.sleep(5)
    return load()


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of a process in KB, 0 if it is gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def measure(command: list[str], cwd: Path, env: dict[str, str], sample: bool = False) -> dict:
    """Run one build; its wall time, the largest process's peak RSS (MB) and, if `sample`, the
    peak of the summed PSS and RSS of its processes (MB), sampled every 20 ms."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak_pss = peak_rss = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if sample else 0)
            if pid:
                break
            pss, rss = map(sum, zip(*(_memory_kb(child) for child in _descendants(process.pid)))) if sample else (0, 0)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            time.sleep(0.02)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} in {cwd} failed:\n{errors.read().decode('utf-8', 'replace')[-4000:]}")
    result = {"wall": wall, "max_rss_mb": usage.ru_maxrss / 1024}
    if sample:
        result.update(pss_sum_mb=peak_pss / 1024, rss_sum_mb=peak_rss / 1024)
    return result


def mkdocs_build(site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)]


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


# --- one build, in this process, measured -----------------------------------------------------


def profile(project: Path, site: Path) -> dict:
    """Build `project` into `site` and return timings; run in a fresh process (see main)."""
    os.chdir(project)
    sys.path.insert(0, str(project / "hooks"))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    result: dict = {"hooks": {}, "locales": [], "load_calls": 0, "files_read": {}, "schema_checks": {}}
    hooked = (project / "hooks").exists() and "hooks:" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    started = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if hooked:
        import partner_portal.load as load

        def counting(function, table):  # load_source(path, name), schema_problems(source, name)
            def wrapper(*args, **kwargs):
                table[str(args[1])] = table.get(str(args[1]), 0) + 1
                return function(*args, **kwargs)
            return wrapper

        load.load_source = counting(load.load_source, result["files_read"])
        load.schema_problems = counting(load.schema_problems, result["schema_checks"])
        load._load.cache_clear()
        ours = str(project / "hooks" / "portal.py")
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                if getattr(getattr(method, "__code__", None), "co_filename", "") == ours:
                    methods[index] = _timed(event, method, result)
    build(config)
    result["ended"] = time.perf_counter()
    result["wall"] = result["ended"] - started
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if hooked:
        info = load._load.cache_info()
        result["load_calls"] = info.misses
        result["load_cache_hits"] = info.hits
    return result


def _timed(event: str, method, result: dict):
    def wrapper(*args, **kwargs):
        config = kwargs.get("config") or (args[0] if event == "config" else None)
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - started
            locale = config.theme["language"] if config is not None else "?"
            per_locale = result["hooks"].setdefault(locale, {})
            per_locale[event] = per_locale.get(event, 0.0) + elapsed
            if event == "config":  # a language's build starts with its on_config
                result["locales"].append((locale, started))
    wrapper.__name__ = method.__name__
    wrapper.mkdocs_priority = getattr(method, "mkdocs_priority", None)
    return wrapper


def run_profile(project: Path, site: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--profile", str(project), str(site)],
        env=ENV, capture_output=True, text=True, timeout=3600,
    )
    if completed.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{completed.stderr[-4000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- 1. against stock Material + static-i18n --------------------------------------------------


def stock_project(destination: Path) -> Path:
    """The same docs/ without our generator: no `hooks:`, no theme overrides (their templates
    call the hooks' functions), no extra CSS; the `::: portal` lines are removed, so each page
    is its prose alone, which is all a stock build could show."""
    return _strip(copy_project(destination))


def _strip(destination: Path) -> Path:
    for page in (destination / "docs").rglob("*.md"):
        page.write_text(BLOCK_LINE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    text = (destination / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\n  custom_dir: overrides\n", "\n", text)
    text = re.sub(r"\n  favicon: .*\n", "\n", text)
    text = re.sub(r"\nextra_css:\n(  - .*\n)+", "\n", text)
    (destination / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.rmtree(destination / "hooks")
    return destination


def alternate(work: Path, kinds: list[tuple[str, Path, dict, Any]], runs: int, warm_up: bool = True) -> dict:
    """Build each kind in turn, `runs` rounds (after a round that warms the disk caches and is
    not counted), then once more each with memory sampling. kinds: (name, project, environment,
    TMPDIR for a round: a function of the round)."""
    walls: dict[str, list[float]] = {name: [] for name, *_ in kinds}
    rss: dict[str, list[float]] = {name: [] for name, *_ in kinds}
    loads = []
    for run in range(0 if warm_up else 1, runs + 1):
        loads.append(quiet_enough())
        for name, project, env, temp in kinds:
            temp(run).mkdir(exist_ok=True)
            measured = measure(mkdocs_build(work / f"site-{name}"), project, {**ENV, **env, "TMPDIR": str(temp(run))})
            if run:
                walls[name].append(measured["wall"])
                rss[name].append(measured["max_rss_mb"])
    memory = {}
    for name, project, env, temp in kinds:
        temp(runs + 1).mkdir(exist_ok=True)
        memory[name] = measure(mkdocs_build(work / f"site-{name}"), project, {**ENV, **env, "TMPDIR": str(temp(runs + 1))}, sample=True)
    loads.append(load())
    return {"runs": runs, "walls": walls, "max_rss_mb": rss, "loads": loads, "memory": memory,
            "medians": {name: statistics.median(values) for name, values in walls.items()}}


def bench_ratio(work: Path, runs: int) -> dict:
    """Alternating builds in one run. `ours` is `./portal build` as a maintainer repeats it (its
    languages in parallel processes; Jinja's compiled templates on disk from the previous build,
    partner_portal/templates.py); `ours_cold` starts with an empty temporary directory each time,
    as a fresh clone in CI; `ours_sequential` is a plain `mkdocs build` (warm)."""
    ours, stock = copy_project(work / "ours"), stock_project(work / "stock")
    warm = lambda run: work / "tmp-warm"  # noqa: E731
    kinds = [("stock", stock, {}, warm), ("ours", ours, PARALLEL, warm), ("ours_cold", ours, PARALLEL, lambda run: work / f"tmp-cold-{run}"),
             ("ours_sequential", ours, {}, warm)]
    result = alternate(work, kinds, runs)
    medians = result["medians"]
    result.update(ratio=medians["ours"] / medians["stock"], ratio_cold=medians["ours_cold"] / medians["stock"],
                  ratio_sequential=medians["ours_sequential"] / medians["stock"])
    return result


# --- 2. hooks per language, data parsed once ---------------------------------------------------


def bench_hooks(work: Path) -> dict:
    project = copy_project(work / "hooks-project")
    return run_profile(project, work / "hooks-site")


# --- 3. scaling ---------------------------------------------------------------------------------

# Languages that Babel (CLDR) and Material's theme both know, added after the sample's own (those
# already in mkdocs.yml are skipped).
EXTRA_LOCALES = ["de", "es", "it", "pt", "nl", "ja", "zh", "ko", "ru", "sv", "da", "fi", "nb", "pl", "cs",
                 "tr", "ro", "hu", "ar", "hi", "th", "id", "uk", "el", "bg", "he", "hr", "sk", "sl", "lt",
                 "lv", "et", "ca", "ms", "sr", "is", "ta"]
LANGUAGE_ENTRY = re.compile(r"^        - locale: (?P<code>\S+)\n(?:          .*\n)*", re.M)


def sample_locales(config: str) -> list[str]:
    return [match["code"] for match in LANGUAGE_ENTRY.finditer(config)]


def generate(destination: Path, locales: int, regions: int, products: int) -> Path:
    """The sample project grown to `locales` languages (each a copy of the French texts and pages,
    so every string exists), `regions` escalation regions (the sample's countries split among
    them, one regional lead each) and `products` products in the catalogue."""
    import yaml

    project = copy_project(destination)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    existing = sample_locales(config)
    added = [code for code in EXTRA_LOCALES if code not in existing][: max(0, locales - len(existing))]
    if len(existing) + len(added) < locales:
        raise SystemExit(f"{locales} languages asked, {len(existing) + len(added)} known to the generator")
    for code in added:
        shutil.copy(project / "locales" / "fr.yml", project / "locales" / f"{code}.yml")
        sources = project / "locales" / "fr.sources.yml"
        if sources.exists():
            shutil.copy(sources, project / "locales" / f"{code}.sources.yml")
        shutil.copytree(project / "docs" / "fr", project / "docs" / code)
    entries = "".join(f"        - locale: {code}\n          name: {code}\n          build: true\n" for code in added)
    last = list(LANGUAGE_ENTRY.finditer(config))[-1]  # after the sample's last language
    config = config[: last.end()] + entries + config[last.end() :]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")

    escalation_path = project / "data" / "escalation.yml"
    escalation = yaml.safe_load(escalation_path.read_text(encoding="utf-8"))
    if regions != len(escalation["regions"]):
        countries = [(code, region["time_zone"]) for region in escalation["regions"] for code in region["countries"]]
        size = -(-len(countries) // regions)
        chunks = [countries[start:start + size] for start in range(0, len(countries), size)]
        escalation["regions"] = [
            {"id": f"region-{number:03}", "territories": [chunk[0][0]], "time_zone": chunk[0][1],
             "countries": [code for code, _ in chunk],
             "levels": {"regional-leads": [f"lead-{number:03}"], "support-managers": ["central-manager"], "account-managers": []}}
            for number, chunk in enumerate(chunks, 1)
        ]
        escalation["people"] += [
            {"id": f"lead-{number:03}", "name": f"Lead {number}", "role": "regional-lead",
             "email": f"lead{number}@halcyra.example.com", "territories": [region["territories"][0]]}
            for number, region in enumerate(escalation["regions"], 1)
        ]
        escalation_path.write_text(yaml.safe_dump(escalation, allow_unicode=True, sort_keys=False), encoding="utf-8")

    catalogue_path = project / "data" / "catalogue.yml"
    catalogue = yaml.safe_load(catalogue_path.read_text(encoding="utf-8"))
    have = len(catalogue["products"])
    categories = catalogue["categories"]
    catalogue["products"] += [
        {"id": f"product-{number:03}", "name": f"Product {number}", "categories": [categories[number % len(categories)]]}
        for number in range(have + 1, products + 1)
    ]
    catalogue_path.write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def sample_sizes() -> tuple[int, int]:
    import yaml

    escalation = yaml.safe_load((ROOT / "data" / "escalation.yml").read_text(encoding="utf-8"))
    catalogue = yaml.safe_load((ROOT / "data" / "catalogue.yml").read_text(encoding="utf-8"))
    return len(escalation["regions"]), len(catalogue["products"])


def bench_scaling(work: Path, quick: bool, runs: int) -> list[dict]:
    """Each case: stock, `./portal build` and the sequential build alternated, `runs` rounds after
    a round that warms the caches (Jinja's compiled templates of the new project); then one
    sampled run each for memory."""
    regions, products = sample_sizes()
    sample = len(sample_locales((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    cases = [(sample, regions, products), (10, regions, products), (40, regions, products),
             (sample, 80, products), (sample, regions, 500), (sample, 80, 500), (10, 80, 500)]
    if not quick:
        cases.append((40, 80, 500))
    rows = []
    for locales, region_count, product_count in cases:
        name = f"l{locales}-r{region_count}-p{product_count}"
        case = work / name
        project = generate(case / "ours", locales, region_count, product_count)
        shutil.copytree(project, case / "stock")
        stock = _strip(case / "stock")  # the same languages and pages without the generator (data plays no part)
        warm = lambda run, case=case: case / "tmp"  # noqa: E731
        kinds = [("stock", stock, {}, warm), ("ours", project, PARALLEL, warm), ("ours_sequential", project, {}, warm)]
        result = alternate(case, kinds, runs)
        medians, memory = result["medians"], result["memory"]
        row = {"locales": locales, "regions": region_count, "products": product_count, "loads": result["loads"],
               "walls": result["walls"], "medians": medians, "ratio": medians["ours"] / medians["stock"],
               "ratio_sequential": medians["ours_sequential"] / medians["stock"],
               "max_rss_mb": {kind: max(values) for kind, values in result["max_rss_mb"].items()},
               "pss_sum_mb": {kind: memory[kind]["pss_sum_mb"] for kind in memory}}
        rows.append(row)
        print(f"  scaling {name}: ours {medians['ours']:.2f} s, sequential {medians['ours_sequential']:.2f} s, stock {medians['stock']:.2f} s "
              f"(ratio {row['ratio']:.2f}); largest process {row['max_rss_mb']['ours']:.0f} MB, all processes (PSS) {row['pss_sum_mb']['ours']:.0f} MB, "
              f"stock {row['max_rss_mb']['stock']:.0f} MB; load {result['loads']}", file=sys.stderr)
        shutil.rmtree(case)
    return rows


# --- 4. mkdocs serve ----------------------------------------------------------------------------




def start_serve(project: Path, port: int, env: dict, url: str) -> subprocess.Popen:
    """`mkdocs serve` of `project` on `port`, once `url` shows the sample (at most 120 s)."""
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while "Halcyra" not in fetch(url):
        if time.monotonic() > deadline:
            server.terminate()
            raise SystemExit("mkdocs serve did not serve the site within 120 s")
        time.sleep(0.2)
    return server

def bench_serve(work: Path, edits: int) -> dict:
    """Edit the priority threshold of a region in data/priority.yml and poll the French page
    until it shows the new figure (at most 60 s per edit, 20 polls a second)."""
    project = copy_project(work / "serve")
    port = free_port()
    url = f"http://127.0.0.1:{port}/fr/priority-support/"
    server = start_serve(project, port, ENV, url)
    latencies = []
    try:
        time.sleep(2)  # let the first build's file watcher settle
        priority = project / "data" / "priority.yml"
        original = priority.read_text(encoding="utf-8")
        for edit in range(edits):
            figure = 5100 + edit  # shown as "5 100" (fr, narrow no-break space) on the page
            priority.write_text(original.replace("min_user_licences: 100,", f"min_user_licences: {figure},", 1), encoding="utf-8")
            started = time.monotonic()
            expected = re.compile(rf"5\W{{1,12}}{figure - 5000:03}")
            while not expected.search(fetch(url)):
                if time.monotonic() - started > 60:
                    raise SystemExit(f"edit {edit + 1}: the page did not change within 60 s")
                time.sleep(0.05)
            latencies.append(time.monotonic() - started)
            time.sleep(1.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"edits": edits, "latencies": latencies, "median": statistics.median(latencies), "max": max(latencies)}


# --- 4b. the translators' preview: ./portal serve --lang fr ------------------------------------

# Each edit and the text the served page shows once it is rebuilt.
LANG_EDITS = (
    ("locales/fr.yml", 'name: "Support partenaires {vendor}"', 'name: "Support partenaires {{vendor}} {n}"', "Support partenaires Halcyra {n}"),
    ("docs/fr/index.md", "# Support partenaires\n", "# Support partenaires {n}\n", ">Support partenaires {n}<"),
)


def bench_serve_lang(work: Path, edits: int, preview: bool = True, browser: bool = False) -> dict:
    """`./portal serve --lang fr` (PORTAL_PREVIEW=fr, as the script sets it; `preview=False`: the
    full `mkdocs serve`, for comparison): `edits` edits of locales/fr.yml, then as many of
    docs/fr/index.md, each polled on /fr/ 20 times a second until it shows; seconds from the save.
    `browser`: /fr/ is also open in Chromium, and the time until the page there shows the edit
    (reloaded by MkDocs' live-reload script) is measured too."""
    project = copy_project(work / ("serve-lang" if preview else "serve-lang-full"))
    port = free_port()
    env = {**ENV, "PORTAL_PREVIEW": "fr"} if preview else {key: value for key, value in ENV.items() if key != "PORTAL_PREVIEW"}
    url = f"http://127.0.0.1:{port}/fr/"
    result: dict = {"preview": preview, "load_before": os.getloadavg()}
    server = start_serve(project, port, env, url)
    playwright = page = None
    try:
        result["vi_served"] = "Halcyra" in fetch(f"http://127.0.0.1:{port}/vi/")
        if browser:
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = chromium.new_page()
            page.goto(url)
        time.sleep(2)  # let the first build's file watcher settle
        for name, old, new, shown in LANG_EDITS:
            path = project / name
            original = path.read_text(encoding="utf-8")
            assert old in original, (name, old)
            result[name], result[f"{name} in the browser"] = [], []
            for edit in range(1, edits + 1):
                path.write_text(original.replace(old, new.format(n=edit), 1), encoding="utf-8")
                started = time.monotonic()
                served = in_browser = None
                while served is None or (page is not None and in_browser is None):
                    if time.monotonic() - started > 60:
                        raise SystemExit(f"{name}, edit {edit}: the page did not change within 60 s")
                    if served is None and shown.format(n=edit) in fetch(url):
                        served = time.monotonic() - started
                    if page is not None and in_browser is None and shown.format(n=edit) in _page_html(page):
                        in_browser = time.monotonic() - started
                    time.sleep(0.05)
                result[name].append(served)
                if in_browser is not None:
                    result[f"{name} in the browser"].append(in_browser)
                time.sleep(1.5)
            path.write_text(original, encoding="utf-8")
            time.sleep(1.5)
    finally:
        if playwright is not None:
            playwright.stop()
        server.terminate()
        server.wait(timeout=30)
    result["load_after"] = os.getloadavg()
    every = [seconds for name, _, _, _ in LANG_EDITS for seconds in result[name]]
    result.update(median=statistics.median(every), max=max(every),
                  medians={name: statistics.median(result[name]) for name, _, _, _ in LANG_EDITS})
    if browser:
        seen = [seconds for name, _, _, _ in LANG_EDITS for seconds in result[f"{name} in the browser"]]
        result.update(browser_median=statistics.median(seen), browser_max=max(seen))
    return result


def _page_html(page) -> str:
    """The page open in Chromium, or "" while it reloads."""
    from playwright.sync_api import Error

    try:
        return page.content()
    except Error:
        return ""


# --- report -------------------------------------------------------------------------------------


def machine() -> dict:
    from importlib.metadata import version
    import platform

    with open("/proc/meminfo", encoding="ascii") as meminfo:
        memory_gib = int(meminfo.readline().split()[1]) / 1024 / 1024
    return {"cores": len(os.sched_getaffinity(0)), "memory_gib": round(memory_gib, 1), "system": platform.platform(),
            "python": platform.python_version(),
            **{name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", nargs=2, metavar=("PROJECT", "SITE"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5, help="measured builds of each kind for the ratio (default 5)")
    parser.add_argument("--scaling-runs", type=int, default=3, help="measured builds of each kind per scaling case (default 3)")
    parser.add_argument("--quick", action="store_true", help="skip the largest scaling case (40 languages, 80 regions, 500 products)")
    parser.add_argument("--only", default="ratio,hooks,scaling,serve")
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    parser.add_argument("--browser", action="store_true", help="serve-lang: also time the edit's arrival in a page open in Chromium")
    parser.add_argument("--max-load", type=float, help="before each round, wait (up to 90 s) for the 1-minute load average to drop to this")
    args = parser.parse_args()
    if args.profile:
        print(json.dumps(profile(Path(args.profile[0]), Path(args.profile[1]))))
        return 0

    parts = args.only.split(",")
    MAX_LOAD["value"] = args.max_load
    results: dict = {"machine": machine()}
    print(f"machine: {results['machine']}")
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temp:
        work = Path(temp)
        if "ratio" in parts:
            results["ratio"] = ratio = bench_ratio(work, args.runs)
            medians, memory = ratio["medians"], ratio["memory"]
            print(f"./portal build {medians['ours']:.2f} s (cold: {medians['ours_cold']:.2f} s; sequential mkdocs build {medians['ours_sequential']:.2f} s), "
                  f"stock Material + static-i18n {medians['stock']:.2f} s (medians of {args.runs}): ratio {ratio['ratio']:.3f}, "
                  f"cold {ratio['ratio_cold']:.3f}, sequential {ratio['ratio_sequential']:.3f} (target <= 1.0); load {ratio['loads']}")
            for kind in ("stock", "ours", "ours_cold", "ours_sequential"):
                print(f"  {kind}: largest process {max(ratio['max_rss_mb'][kind]):.0f} MB, all processes (PSS) {memory[kind]['pss_sum_mb']:.0f} MB")
        if "hooks" in parts:
            results["hooks"] = hooks = bench_hooks(work)
            starts = hooks["locales"] + [(None, hooks["ended"])]
            print(f"one full build: {hooks['wall']:.2f} s, max RSS {hooks['max_rss_mb']:.0f} MB")
            print(f"  data parsed and validated {hooks['load_calls']} time(s) ({hooks['load_cache_hits']} cache hits); "
                  f"each file read {sorted(set(hooks['files_read'].values()))} time(s), each schema check {sorted(set(hooks['schema_checks'].values()))}")
            for (locale, start), (_, end) in zip(starts, starts[1:]):
                events = hooks["hooks"].get(locale, {})
                span = f"{end - start:.2f} s"
                detail = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in sorted(events.items(), key=lambda item: -item[1]))
                print(f"  {locale}: hooks {sum(events.values()) * 1000:.0f} ms of a {span} language build: {detail}")
        if "scaling" in parts:
            results["scaling"] = rows = bench_scaling(work, args.quick, args.scaling_runs)
            print("locales regions products  stock s  ours s  ratio  sequential s  stock MB  ours largest MB  ours PSS sum MB  sequential MB  load")
            for row in rows:
                medians, rss, pss = row["medians"], row["max_rss_mb"], row["pss_sum_mb"]
                print(f"{row['locales']:>7} {row['regions']:>7} {row['products']:>8} {medians['stock']:>8.2f} {medians['ours']:>7.2f} {row['ratio']:>6.2f} "
                      f"{medians['ours_sequential']:>13.2f} {rss['stock']:>9.0f} {rss['ours']:>16.0f} {pss['ours']:>16.0f} {rss['ours_sequential']:>14.0f}  "
                      f"{row['loads']}")
        if "serve" in parts:
            results["serve"] = serve = bench_serve(work, 5)
            print(f"mkdocs serve, edit to data/ -> page rebuilt: median {serve['median']:.2f} s, max {serve['max']:.2f} s "
                  f"({', '.join(f'{s:.2f}' for s in serve['latencies'])}) (target <= 3 s)")
        if "serve-lang" in parts:
            for preview in (True, False):
                results["serve-lang" if preview else "serve-lang-full"] = lang = bench_serve_lang(work, 5, preview, args.browser)
                label = "./portal serve --lang fr" if preview else "./portal serve (every language)"
                print(f"{label}, edit to fr -> /fr/ rebuilt: median {lang['median']:.2f} s, max {lang['max']:.2f} s; load "
                      f"{' '.join(f'{load:.2f}' for load in lang['load_before'])} before, {' '.join(f'{load:.2f}' for load in lang['load_after'])} after"
                      + ("" if preview else " (target <= 1 s for the preview)") + ("; /vi/ served" if lang["vi_served"] else "; /vi/ not served"))
                for name, _, _, _ in LANG_EDITS:
                    print(f"  {name}: median {lang['medians'][name]:.2f} s ({', '.join(f'{s:.2f}' for s in lang[name])})")
                    if args.browser:
                        print(f"    in Chromium: {', '.join(f'{s:.2f}' for s in lang[f'{name} in the browser'])}")
                if args.browser:
                    print(f"  in Chromium: median {lang['browser_median']:.2f} s, max {lang['browser_max']:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
