"""Search in every script: our lunr-languages indexes (Material's search) against Pagefind, on the
same built pages, in every language of mkdocs.yml (issue #10 item 4). Not a test; it switches
nothing: the site keeps Material's search, this only measures.

Usage: .venv/bin/python benchmarks/search.py [--site DIR] [--pagefind PYTHON] [--json FILE] [--shots DIR] [--ours-only]

--ours-only measures our search alone (bytes and queries; no Pagefind, no CSP or RTL comparison),
in about 30 seconds, for iterating on hooks/partner_portal/search.py.

1. Builds the site once with `./portal build` (or takes --site, an existing build), then runs
   Pagefind (the `pagefind[extended]` wheel's binary, from a throwaway venv: --pagefind, default
   /tmp/pagefind-venv/bin/python, created if missing; never in requirements.txt) over the same
   HTML into two separate folders: "pagefind" as it comes (every <body> of every HTML file, the
   404 and translation-status pages included) and "pagefind, articles" (only the 35 pages our
   indexes hold, only their <article>, without Material's ¶ permalinks: --root-selector, --glob,
   --exclude-selectors; no change to the HTML). "pagefind, articles, exactDiacritics" searches the
   second with that option on (Pagefind otherwise folds every mark, Japanese voicing marks too).
2. Bytes per language: what the reader's browser fetched for search from opening the language's
   home page to the first query's first result (recorded in Chromium), raw and gzipped (level 9),
   and everything the language's search could ever fetch, from the files on disk.
3. A fixed list of queries per language, typed as readers type them, in Debian's Chromium
   (Playwright): ours through Material's search box on the language's home page (hits = pages in
   the result list, first = the first result link); Pagefind through its JavaScript API,
   `pagefind.search()`, imported on the same home page (hits = results, pages; first = the first
   result's URL). Each query names the page it must find (or none): "ok" when that page is among
   the hits (or, for none, when nothing is found).
4. The Content-Security-Policy: the built site is served with its own policy (the <meta> in
   every page and, as the host configurations send it, the header of `_headers` on every
   response, workers included). Pagefind is tried under it as it is, then with 'wasm-unsafe-eval'
   added to script-src by this script's server (the site's files are not changed); ours runs
   under the policy as it is. Screenshots of both UIs on the Arabic home page with results open
   go to --shots (default /tmp/search-shots/).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import re
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
PAGEFIND_VENV = Path("/tmp/pagefind-venv")
PAGEFIND_REQUIREMENT = "pagefind[extended]==1.5.2"
LANGUAGES = ["en", "fr", "vi", "ar", "ja"]
PAGES = ["", "commitment/", "escalation/", "feedback/", "offerings/", "priority-support/", "ticket/"]

# query, the page it must find (None: must find nothing). Typed as readers type them: French and
# Vietnamese without accents or tones, Arabic with a bare alef for a hamza-alef, Japanese words
# that sit in the middle of a sentence, and a kana without its voicing mark, which is another word.
QUERIES: dict[str, list[tuple[str, str | None]]] = {
    "en": [
        ("severity", "commitment/"),
        ("escalation", "escalation/"),
        ("escalating", "escalation/"),  # the pages say "escalate", "escalation": a stem
        ("thresholds", "priority-support/"),
        ("time zones", "escalation/"),
        ("template", "ticket/"),
    ],
    "fr": [
        ("gravite", "commitment/"),  # gravité
        ("delais de reponse", "commitment/"),  # délais de réponse
        ("remontee", "escalation/"),  # remontée
        ("fuseaux horaires", "escalation/"),
        ("modele de demande", "ticket/"),  # modèle
        ("prioritaire", "priority-support/"),
    ],
    "vi": [
        ("muc do nghiem trong", "commitment/"),  # mức độ nghiêm trọng
        ("thoi gian phan hoi", "commitment/"),  # thời gian phản hồi
        ("tang cap", "escalation/"),  # tăng cấp
        ("mui gio", "escalation/"),  # múi giờ
        ("mau yeu cau", "ticket/"),  # mẫu yêu cầu
        ("uu tien", "priority-support/"),  # ưu tiên
    ],
    "ar": [
        ("الاولوية", "priority-support/"),  # الأولوية
        ("الخطورة", "commitment/"),
        ("التصعيد", "escalation/"),
        ("الابلاغ", "feedback/"),  # الإبلاغ
        ("القالب", "ticket/"),
        ("اسئلة", "priority-support/"),  # أسئلة
    ],
    "ja": [
        ("理由", "escalation/"),  # inside エスカレーションの主な理由は次のとおりです。
        ("重大度", "commitment/"),
        ("エスカレーション", "escalation/"),
        ("応答時間", "commitment/"),
        ("優先サポート", "priority-support/"),
        ("ハートナー", None),  # パートナー without its voicing mark: no word of the site
    ],
}
SCREENSHOT_QUERY = ("ar", "الاولوية")
EXACT = "pagefind, articles, exactDiacritics"

VARIANTS = {
    "pagefind": [],
    "pagefind, articles": [
        "--root-selector", "article.md-content__inner", "--exclude-selectors", ".headerlink",
        "--glob", "{" + ",".join([f"{code}/index.html" for code in LANGUAGES if code != "en"] + ["index.html"] + [f"**/{page}index.html" for page in PAGES if page]) + "}",
    ],
}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


# --- building ----------------------------------------------------------------------------------


def build_site(site: Path) -> None:
    subprocess.run([str(ROOT / "portal"), "build", str(site)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pagefind_python(requested: str | None) -> Path:
    if requested:
        return Path(requested)
    python = PAGEFIND_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PAGEFIND_VENV)], check=True)
    if subprocess.run([str(python), "-c", "import pagefind_bin_extended"], capture_output=True).returncode:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PAGEFIND_REQUIREMENT], check=True)
    return python


def run_pagefind(python: Path, site: Path, output: Path, extra: list[str]) -> dict[str, object]:
    started = time.perf_counter()
    result = subprocess.run([str(python), "-m", "pagefind", "--site", str(site), "--output-path", str(output), *extra], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    log = result.stdout + result.stderr
    found = re.search(r"Found (\d+) files", log)
    version = re.search(r"Running Pagefind (v[\d.]+(?: \(Extended\))?)", log)
    return {"seconds": round(seconds, 2), "files": int(found[1]) if found else None, "version": version[1] if version else None,
            "notes": sorted({line.strip() for line in log.splitlines() if line.startswith("Note:")})}


# --- serving -----------------------------------------------------------------------------------


def site_policy(site: Path) -> str:
    """The Content-Security-Policy header that the host configurations send on every response."""
    match = re.search(r"^\s*Content-Security-Policy:\s*(.+)$", (site / "_headers").read_text(encoding="utf-8"), re.M)
    assert match, "no Content-Security-Policy in _headers"
    return match[1].strip()


def with_wasm(policy: str) -> str:
    return policy.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1)


class Handler(http.server.SimpleHTTPRequestHandler):
    """The built site with its policy as a header (optionally with 'wasm-unsafe-eval', then also in
    each page's <meta>), and each Pagefind output under /_pagefind/<n>/."""

    mounts: dict[str, Path] = {}
    policy = ""
    wasm = False

    def log_message(self, *args) -> None:  # quiet
        pass

    def translate_path(self, path: str) -> str:
        clean = unquote(urlsplit(path).path)
        for prefix, folder in self.mounts.items():
            if clean.startswith(prefix):
                return str(folder / clean[len(prefix):])
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", with_wasm(self.policy) if self.wasm else self.policy)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if self.wasm and path.suffix == ".html" and path.is_file() and urlsplit(self.path).path.endswith(("/", ".html")):
            body = path.read_text(encoding="utf-8").replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def serve(site: Path, mounts: dict[str, Path], wasm: bool) -> tuple[socketserver.TCPServer, str]:
    handler = type("BoundHandler", (Handler,), {"mounts": mounts, "policy": site_policy(site), "wasm": wasm})
    handler.extensions_map = {**Handler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- sizes -------------------------------------------------------------------------------------


def file_for(url: str, base: str, site: Path, mounts: dict[str, Path]) -> Path | None:
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path)
    for prefix, folder in mounts.items():
        if path.startswith(prefix):
            return folder / path[len(prefix):]
    file = site / path.lstrip("/")
    return file / "index.html" if file.is_dir() else file


def sizes(files: list[Path]) -> dict[str, int]:
    data = [file.read_bytes() for file in files if file.is_file()]
    return {"files": len(data), "raw": sum(map(len, data)), "gzip": sum(map(gz, data))}


def ours_on_disk(site: Path, code: str) -> list[Path]:
    """Everything our search can fetch in a language: its index, Material's worker (lunr inside),
    and the lunr-languages files the worker imports for the index's language."""
    root = site if code == "en" else site / code
    files = [root / "search" / "search_index.json", *sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))]
    lang = json.loads(files[0].read_text(encoding="utf-8"))["config"]["lang"]
    lunr = site / "assets/javascripts/lunr"
    for language in lang:
        if language == "ja":
            files.append(lunr / "tinyseg.js")
        if language in ("hi", "th"):
            files.append(lunr / "wordcut.js")
        if language != "en":
            files.append(lunr / "min" / f"lunr.{language}.min.js")
    if any(language != "en" for language in lang):
        files.insert(2, lunr / "min" / "lunr.stemmer.support.min.js")
    if len(lang) > 1:
        files.append(lunr / "min" / "lunr.multi.min.js")
    return files


def pagefind_on_disk(bundle: Path, code: str) -> list[Path]:
    """Everything Pagefind can fetch in a language: its loader and worker, the entry, the
    language's meta, WebAssembly (unknown: no stemmer), index chunks and fragments."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"][code]
    wasm = entry["wasm"] or "unknown"
    return [bundle / "pagefind.js", bundle / "pagefind-worker.js", bundle / "pagefind-entry.json", bundle / f"pagefind.{entry['hash']}.pf_meta",
            bundle / f"wasm.{wasm}.pagefind", *sorted((bundle / "index").glob(f"{code}_*")), *sorted((bundle / "fragment").glob(f"{code}_*"))]


# --- the browser -------------------------------------------------------------------------------


def new_context(browser, requests: list[str] | None = None, errors: list[str] | None = None):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.add_init_script("""document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));""")

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    if requests is not None:
        context.on("request", lambda request: requests.append(request.url))
    if errors is not None:
        context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        context.on("weberror", lambda error: errors.append(str(error.error)))
    return context


def material_query(page, url: str, query: str) -> dict[str, object]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)
    field.press("End")  # Material reads the query on keyup; non-ASCII text is typed without key events
    meta = page.locator(".md-search-result__meta")
    none = page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
    previous, stable = None, 0
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # until the list shows results or "none", and stops changing
        page.wait_for_timeout(150)
        state = (meta.inner_text(), page.locator(".md-search-result__item").count())
        stable = stable + 1 if state == previous else 0
        previous = state
        if stable >= 3 and (state[1] or state[0] == none):
            break
    links = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link", "links => links.map(link => link.href)")
    # A page's sections are links of their own ("more results on this page"): hits are pages, as
    # Material's count above the list says.
    pages = list(dict.fromkeys(urlsplit(link).path.lstrip("/") for link in links))
    return {"hits": len(pages), "first": pages[0] if pages else None, "pages": pages, "links": len(links), "meta": meta.inner_text()}


PAGEFIND_SEARCH = """async ([bundle, queries, options]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ basePath: bundle, ...(options || {}) });
  await pagefind.init();
  const out = [];
  for (const query of queries) {
    const started = performance.now();
    const search = await pagefind.search(query);
    const first = search.results.length ? await search.results[0].data() : null;
    const all = await Promise.all(search.results.map((r) => r.data()));
    out.push({ hits: search.results.length, first: first && first.url, pages: all.map((d) => d.url),
               ms: Math.round(performance.now() - started) });
  }
  return out;
}"""


def strip(url: str | None, code: str) -> str | None:
    """A result's path relative to its language's root, as our expectations name it."""
    if url is None:
        return None
    path = urlsplit(url).path.lstrip("/")
    prefix = "" if code == "en" else f"{code}/"
    return path[len(prefix):] if path.startswith(prefix) else "/" + path


def verdict(expected: str | None, pages: list[str | None]) -> bool:
    return not pages if expected is None else expected in pages


def language_tab(browser, base: str, code: str):
    """A fresh context on the language's root, recording its requests and console errors."""
    requests: list[str] = []
    errors: list[str] = []
    context = new_context(browser, requests, errors)
    return (base if code == "en" else f"{base}{code}/"), requests, errors, context, context.new_page()


def measure_ours(browser, base: str, site: Path, mounts: dict[str, Path]) -> dict[str, object]:
    results = {}
    for code in LANGUAGES:
        root, requests, errors, context, page = language_tab(browser, base, code)
        rows = []
        for number, (query, expected) in enumerate(QUERIES[code]):
            found = material_query(page, root, query)
            if number == 0:
                first_query = [url for url in requests if re.search(r"/search/search_index\.json|/assets/javascripts/(workers|lunr)/", url)]
            relative = [strip(p, code) for p in found["pages"]]
            rows.append({"query": query, "expected": expected, "hits": found["hits"], "first": strip(found["first"], code),
                         "ok": verdict(expected, relative), "pages": relative, "links": found["links"], "meta": found["meta"]})
        context.close()
        downloaded = [file_for(url, base, site, mounts) for url in dict.fromkeys(first_query)]
        results[code] = {"queries": rows, "first_query_files": [str(f.relative_to(site)) for f in downloaded if f],
                         "first_query": sizes([f for f in downloaded if f]), "on_disk": sizes(ours_on_disk(site, code)), "errors": errors}
    return results


def measure_pagefind(browser, base: str, site: Path, mounts: dict[str, Path], prefix: str, options: dict | None = None) -> dict[str, object]:
    results = {}
    for code in LANGUAGES:
        root, requests, errors, context, page = language_tab(browser, base, code)
        page.goto(root)
        page.wait_for_load_state("networkidle")
        before = len(requests)
        queries = QUERIES[code]
        # The first query alone, to see what it downloads (its first result's fragment included).
        first = page.evaluate(PAGEFIND_SEARCH.replace("search.results.map((r) => r.data())", "[]"), [prefix, [queries[0][0]], options])
        first_query = [url for url in requests[before:] if f"{prefix}" in url]
        found = page.evaluate(PAGEFIND_SEARCH, [prefix, [query for query, _ in queries], options])
        context.close()
        rows = []
        for (query, expected), result in zip(queries, found):
            relative = [strip(p, code) for p in result["pages"]]
            rows.append({"query": query, "expected": expected, "hits": result["hits"], "first": strip(result["first"], code),
                         "ok": verdict(expected, relative), "pages": relative, "ms": result["ms"]})
        downloaded = [file_for(url, base, site, mounts) for url in dict.fromkeys(first_query)]
        bundle = mounts[prefix]
        results[code] = {"queries": rows, "first_query_files": [f.relative_to(bundle).as_posix() for f in downloaded if f],
                         "first_query": sizes([f for f in downloaded if f]), "on_disk": sizes(pagefind_on_disk(bundle, code)),
                         "errors": errors, "first_ms": first[0]["ms"]}
    return results


def pagefind_under_policy(browser, base: str, prefix: str) -> dict[str, object]:
    """Pagefind's search on the Arabic home page, served with the site's policy as it is."""
    errors: list[str] = []
    context = new_context(browser, None, errors)
    page = context.new_page()
    page.goto(f"{base}ar/")
    page.wait_for_load_state("networkidle")
    try:
        result = page.evaluate(PAGEFIND_SEARCH, [prefix, [SCREENSHOT_QUERY[1]]])
        outcome = f"works: {result[0]['hits']} hits"
    except Exception as error:  # noqa: BLE001 — the refusal is the measurement
        outcome = "fails: " + str(error).splitlines()[0][:300]
    page.wait_for_timeout(300)
    context.close()
    return {"outcome": outcome, "errors": sorted(set(errors))}


def screenshot_ours(browser, base: str, shots: Path) -> dict[str, object]:
    errors: list[str] = []
    context = new_context(browser, None, errors)
    page = context.new_page()
    found = material_query(page, f"{base}ar/", SCREENSHOT_QUERY[1])
    path = shots / "ours-ar.png"
    page.screenshot(path=str(path))
    direction = page.evaluate("""() => ({html: document.documentElement.dir,
      results: getComputedStyle(document.querySelector('.md-search-result')).direction,
      input: getComputedStyle(document.querySelector('.md-search__input')).direction})""")
    context.close()
    return {"shot": str(path), "hits": found["hits"], "direction": direction, "errors": errors}


def screenshot_pagefind(browser, base: str, prefix: str, shots: Path) -> dict[str, object]:
    """Pagefind's default UI put at the top of the Arabic home page's article (the server allows
    WebAssembly; nothing else of the policy changes)."""
    errors: list[str] = []
    context = new_context(browser, None, errors)
    page = context.new_page()
    page.goto(f"{base}ar/")
    page.wait_for_load_state("networkidle")
    page.evaluate("""async (bundle) => {
      const css = Object.assign(document.createElement("link"), { rel: "stylesheet", href: bundle + "pagefind-ui.css" });
      document.head.append(css);
      await new Promise((resolve, reject) => {
        const script = Object.assign(document.createElement("script"), { src: bundle + "pagefind-ui.js", onload: resolve, onerror: reject });
        document.head.append(script);
      });
      const box = Object.assign(document.createElement("div"), { id: "pagefind-bench" });
      document.querySelector("article.md-content__inner").prepend(box);
      new PagefindUI({ element: "#pagefind-bench", bundlePath: bundle, showSubResults: true });
    }""", prefix)
    field = page.locator(".pagefind-ui__search-input")
    field.click()
    field.press_sequentially(SCREENSHOT_QUERY[1], delay=20)
    field.press("End")
    try:
        page.wait_for_selector(".pagefind-ui__result", timeout=10_000)
        page.wait_for_timeout(800)
    except Exception:  # noqa: BLE001 — the screenshot shows what happened
        pass
    path = shots / "pagefind-ar.png"
    page.screenshot(path=str(path))
    direction = page.evaluate("""() => { const ui = document.querySelector('.pagefind-ui');
      return { ui_dir: ui && ui.getAttribute('dir'), results: ui && getComputedStyle(ui).direction,
               message: (document.querySelector('.pagefind-ui__message') || {}).textContent || null,
               placeholder: (document.querySelector('.pagefind-ui__search-input') || {}).placeholder || null,
               results_shown: document.querySelectorAll('.pagefind-ui__result').length }; }""")
    context.close()
    return {"shot": str(path), "direction": direction, "errors": sorted(set(errors))}


# --- report ------------------------------------------------------------------------------------


def kb(value: int) -> str:
    return f"{value / 1000:.1f} kB"


def report(data: dict[str, object]) -> str:
    engines = list(data["engines"])
    lines = ["## Bytes per language (first query: fetched in Chromium from the home page to the first query's first result)", ""]
    lines.append("| language | " + " | ".join(f"{name}: first query raw / gzip" for name in engines) + " | " + " | ".join(f"{name}: all of it, gzip" for name in engines) + " |")
    lines.append("| --- |" + " ---: |" * (2 * len(engines)))
    for code in LANGUAGES:
        cells = [f"{kb(data['engines'][n][code]['first_query']['raw'])} / {kb(data['engines'][n][code]['first_query']['gzip'])}" for n in engines]
        cells += [kb(data["engines"][n][code]["on_disk"]["gzip"]) for n in engines]
        lines.append(f"| {code} | " + " | ".join(cells) + " |")
    lines += ["", "## Queries (hits = pages; first = first result's page; ok = the page it must find is among the hits)", ""]
    lines.append("| language | query | must find | " + " | ".join(engines) + " |")
    lines.append("| --- | --- | --- |" + " --- |" * len(engines))
    for code in LANGUAGES:
        for number, (query, expected) in enumerate(QUERIES[code]):
            cells = []
            for name in engines:
                row = data["engines"][name][code]["queries"][number]
                first = "–" if row["first"] is None else row["first"] or "(home)"
                cells.append(f"{row['hits']} · {first}{'' if row['ok'] else ' ✗'}")
            lines.append(f"| {code} | {query} | {expected or 'nothing'} | " + " | ".join(cells) + " |")
    lines += ["", "| | " + " | ".join(engines) + " |", "| --- |" + " ---: |" * len(engines)]
    lines.append("| queries ok | " + " | ".join(f"{sum(r['ok'] for c in LANGUAGES for r in data['engines'][n][c]['queries'])} / {sum(len(QUERIES[c]) for c in LANGUAGES)}" for n in engines) + " |")
    lines.append("")
    ui = data.get("pagefind_ui", {})
    if ui:
        lines.append("Pagefind's own UI on top of the first query: " + ", ".join(f"{name} {kb(size['raw'])} / {kb(size['gzip'])}" for name, size in ui.items()))
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build into a temporary folder)")
    parser.add_argument("--pagefind", help=f"a Python with pagefind[extended] (default: {PAGEFIND_VENV}/bin/python, made if missing)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--shots", type=Path, default=Path("/tmp/search-shots"))
    parser.add_argument("--ours-only", action="store_true", help="measure our search only: no Pagefind, no CSP or RTL comparison")
    args = parser.parse_args()
    args.shots.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="search-bench-") as temporary:
        work = Path(temporary)
        site = args.site or work / "site"
        if not args.site:
            started = time.perf_counter()
            build_site(site)
            print(f"built {site} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        python = None if args.ours_only else pagefind_python(args.pagefind)
        mounts, runs = {}, {}
        for number, (name, extra) in enumerate({} if args.ours_only else VARIANTS.items()):
            output = work / f"pagefind-{number}"
            runs[name] = run_pagefind(python, site, output, extra)
            mounts[f"/_pagefind/{number}/"] = output
            print(f"{name}: {runs[name]}", file=sys.stderr)
        bundle = mounts.get("/_pagefind/1/")
        data_ui = {} if bundle is None else {name: sizes([bundle / f"{name}.js", bundle / f"{name}.css"]) for name in ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui")}
        strict, strict_base = serve(site, mounts, wasm=False)
        allowing, wasm_base = serve(site, mounts, wasm=True)
        data: dict[str, object] = {"date": time.strftime("%Y-%m-%d"), "pagefind_runs": runs, "queries": QUERIES, "engines": {}, "pagefind_ui": data_ui}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                data["chromium"] = browser.version
                data["engines"]["ours (lunr)"] = measure_ours(browser, strict_base, site, mounts)
                print("ours measured", file=sys.stderr)
                if args.ours_only:
                    browser.close()
                    return finish(data, args)
                for number, name in enumerate(VARIANTS):
                    data["engines"][name] = measure_pagefind(browser, wasm_base, site, mounts, f"/_pagefind/{number}/")
                    print(f"{name} measured", file=sys.stderr)
                # Pagefind folds every mark away; exactDiacritics keeps them all (a page's option).
                data["engines"][EXACT] = measure_pagefind(browser, wasm_base, site, mounts, "/_pagefind/1/", {"exactDiacritics": True})
                data["csp"] = {"pagefind, site policy as built": pagefind_under_policy(browser, strict_base, "/_pagefind/1/"),
                               "pagefind, + 'wasm-unsafe-eval'": pagefind_under_policy(browser, wasm_base, "/_pagefind/1/")}
                data["rtl"] = {"ours": screenshot_ours(browser, strict_base, args.shots),
                               "pagefind": screenshot_pagefind(browser, wasm_base, "/_pagefind/1/", args.shots)}
                browser.close()
        finally:
            strict.shutdown()
            allowing.shutdown()
    return finish(data, args)


def finish(data: dict[str, object], args: argparse.Namespace) -> int:
    print(report(data))
    for name, engine in data["engines"].items():
        for code in LANGUAGES:
            print(f"{name} {code} first query fetched: {', '.join(engine[code]['first_query_files'])}")
            if engine[code]["errors"]:
                print(f"{name} {code} console errors: {engine[code]['errors']}")
    if "csp" in data:
        print("CSP:", json.dumps(data["csp"], ensure_ascii=False, indent=1))
        print("RTL:", json.dumps(data["rtl"], ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
