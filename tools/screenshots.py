"""Screenshot every page of a built site in every language, to look at what we ship.

Usage: python tools/screenshots.py SITE_DIR OUT_DIR [--width 1280] [--dark]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from local_server import serve
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server = serve(args.site)
    base = server.url
    pages = sorted(str(path.relative_to(args.site)) for path in args.site.rglob("index.html"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 900}, color_scheme="dark" if args.dark else "light")
        for relative in pages:
            if args.only not in relative:
                continue
            url = base + relative.removesuffix("index.html")
            page.goto(url)
            name = relative.removesuffix("/index.html").removesuffix("index.html").replace("/", "_") or "home"
            page.screenshot(path=str(args.out / f"{name}-{args.width}.png"), full_page=True)
            print(args.out / f"{name}-{args.width}.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
