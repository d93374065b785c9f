"""Render a route page in headless Chromium and save a PNG: the picture in the README.

    python docs/screenshot.py ../shared/seeds/yonhap-2023-09-13-kim-russia.txt \
        --published 2023-09-13 -o docs/seed-map.png

The page is built with ``--self-contained --tiles none`` and opened with the network blocked,
so the picture is what a reader sees offline (country outlines from the gazetteer).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article")
    parser.add_argument("--published")
    parser.add_argument("-o", "--output", default="docs/route.png")
    parser.add_argument("--size", default="1200x800", help="viewport, WIDTHxHEIGHT")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    width, height = (int(x) for x in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "route.html"
        command = [sys.executable, "-m", "routes", "map", args.article, "-o", str(page_path),
                   "--self-contained", "--tiles", "none"]
        if args.published:
            command += ["--published", args.published]
        subprocess.run(command, check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                       else r.abort())
            page.goto(page_path.as_uri())
            page.wait_for_timeout(1000)
            page.screenshot(path=args.output)
            browser.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
