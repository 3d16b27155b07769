"""How much of our own JavaScript a reader downloads, gzipped: per file, per page, in all.

Usage: python benchmarks/js_budget.py [SITE_DIR]   (builds the site into a temp dir if omitted)
Prints a table and exits non-zero when the budget is exceeded:
every page's own JavaScript, and all of it together, at most 10 KB gzipped.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE_BUDGET = 10 * 1024  # what a reader pays: tests/test_gates.py's JS_BUDGET, a gate of every portal
# All our modules as one stream: what the code base weighs. It grows with the tools' features
# (support hours and per-region weeks in #9 took it from 10,145 to 10,374 bytes) while no page
# loads more than 7.5 KB of it; the budget keeps the growth a decision.
ALL_AS_ONE_BUDGET = 11 * 1024
ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = Path("assets/portal/js")
IMPORT = re.compile(r"""(?:import|from)\s*["']([^"']+\.js)["']""")
MODULE = re.compile(r'<script type="module" src="([^"]+)"')


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def closure(entry: Path) -> set[Path]:
    """A module and everything it imports, as the browser fetches them."""
    seen: set[Path] = set()
    todo = [entry.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += [(path.parent / target).resolve() for target in IMPORT.findall(path.read_text(encoding="utf-8"))]
    return seen


def measure(site: Path) -> dict[str, object]:
    files = sorted((site / SCRIPTS).rglob("*.js"))
    sizes = {path.resolve(): gzipped(path) for path in files}
    pages = {}
    for page in sorted(site.rglob("index.html")):
        entries = [(page.parent / src).resolve() for src in MODULE.findall(page.read_text(encoding="utf-8"))]
        loaded = set().union(*(closure(entry) for entry in entries)) if entries else set()
        pages[page.parent.relative_to(site).as_posix() or "/"] = sum(sizes[path] for path in loaded)
    everything = b"".join(path.read_bytes() for path in files)
    return {
        "files": {path.relative_to(site / SCRIPTS).as_posix(): sizes[path.resolve()] for path in files},
        "pages": pages,
        "all_files": sum(sizes.values()),
        "all_as_one": len(gzip.compress(everything, 9)),
    }


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=ROOT, check=True)
    result = measure(site)
    print(f"{'gzipped bytes':>14}  file")
    for name, size in result["files"].items():
        print(f"{size:>14}  {name}")
    print(f"\n{'gzipped bytes':>14}  our JavaScript loaded by the page")
    for name, size in result["pages"].items():
        if size:
            print(f"{size:>14}  {name}")
    print(f"\n{result['all_files']:>14}  all files, each gzipped (what a reader of every page downloads)")
    print(f"{result['all_as_one']:>14}  all files gzipped as one stream")
    worst = max(result["pages"].values())
    within = worst <= PAGE_BUDGET and result["all_as_one"] <= ALL_AS_ONE_BUDGET
    print(f"\nbudgets: heaviest page {worst} of {PAGE_BUDGET} bytes, all as one {result['all_as_one']} of {ALL_AS_ONE_BUDGET}: {'within' if within else 'OVER'}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
