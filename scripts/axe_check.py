#!/usr/bin/env python3
"""Checks HTML pages against axe-core's WCAG 2.2 AA rules in headless Chromium.

    scripts/axe_check.py [--width 375] [--height 900] [--screenshot OUT.png] FILE.html [...]

Each file is opened in Debian's headless Chromium through selenium and chromedriver
(nothing is fetched from the network), axe-core is injected from the axe.min.js that a
PyPI package ships (axe-playwright-python; or the file named by $AXE_JS), and run with
the tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa. Every violation is printed with its
rule, impact, the failing element's selector and axe's summary of what to fix.

With --width the window is that many CSS pixels wide, and the script also says whether the
page scrolls sideways (document.scrollingElement.scrollWidth > clientWidth), which counts as
a failure. With --screenshot the whole page is saved as a PNG (one file: with several pages,
the name gets -1-PAGE, -2-PAGE ... before .png, after each file's name); with --viewport, only the window.

Exit status: 0 when every page passes, 1 when any has a violation or scrolls sideways,
2 when the check itself cannot run (no chromium, chromedriver, selenium or axe.min.js).
"""

import argparse
import importlib.util
import json
import os
import pathlib
import shutil
import sys

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def fail_setup(message):
    print(f"axe_check: {message}; scripts/setup installs what it needs", file=sys.stderr)
    sys.exit(2)


def axe_source():
    override = os.environ.get("AXE_JS")
    if override:
        path = pathlib.Path(override)
    else:
        # Found without importing the package, which would want playwright.
        spec = importlib.util.find_spec("axe_playwright_python")
        if spec is None or not spec.submodule_search_locations:
            fail_setup("axe-core's axe.min.js not found (pip install --no-deps axe-playwright-python, or set AXE_JS)")
        path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.is_file():
        fail_setup(f"{path} does not exist")
    return path.read_text(encoding="utf-8")


def first_program(*names):
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for name in names:
        for folder in ("/usr/bin", "/usr/lib/chromium"):
            candidate = os.path.join(folder, name)
            if os.access(candidate, os.X_OK):
                return candidate
    return None


def start_browser(width, height):
    os.environ.setdefault("SE_AVOID_STATS", "true")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        fail_setup("the Python package selenium is not installed")
    browser = first_program("chromium", "chromium-browser", "google-chrome")
    driver = first_program("chromedriver")
    if browser is None:
        fail_setup("chromium is not installed")
    if driver is None:
        fail_setup("chromedriver is not installed (Debian: chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={width},{height}"):
        options.add_argument(flag)
    session = webdriver.Chrome(service=Service(driver), options=options)
    session.set_script_timeout(120)
    session.set_page_load_timeout(120)
    # The window's outer size includes no chrome in headless mode, but set the viewport
    # exactly so that 375 means 375 CSS pixels of page.
    session.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return session


def check(session, axe, file, screenshot, height, viewport_only=False, anchor=None):
    url = pathlib.Path(file).resolve().as_uri()
    session.get(url)
    session.execute_script(axe)
    result = session.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify({error: String(e)})));",
        TAGS)
    violations = json.loads(result)
    if isinstance(violations, dict):
        print(f"{file}: axe could not run: {violations['error']}")
        return 1, False
    scroll = session.execute_script(
        "const e = document.scrollingElement;"
        "return [e.scrollWidth, e.clientWidth, e.scrollHeight];")
    scroll_width, client_width, page_height = scroll
    scrolls = scroll_width > client_width
    count = 0
    for violation in violations:
        for node in violation["nodes"]:
            count += 1
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or violation.get("help", "")).replace("\n", " ")
            print(f"{file}: {violation['id']} ({violation.get('impact') or 'no impact'}) at {target}: {summary}")
    if screenshot and viewport_only:
        if anchor:
            session.execute_script("const e = document.getElementById(arguments[0]); if (e) e.scrollIntoView();", anchor)
        session.save_screenshot(screenshot)
    elif screenshot:
        width = client_width
        session.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": max(int(page_height), height), "deviceScaleFactor": 1,
                                 "mobile": width < 600})
        session.save_screenshot(screenshot)
        session.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return count, scrolls, scroll_width, client_width


def main():
    parser = argparse.ArgumentParser(description="Check HTML files against axe-core's WCAG 2.2 AA rules in headless Chromium.")
    parser.add_argument("files", nargs="+", metavar="FILE.html")
    parser.add_argument("--width", type=int, default=1280, help="window width in CSS pixels (default 1280)")
    parser.add_argument("--height", type=int, default=900, help="window height in CSS pixels (default 900)")
    parser.add_argument("--screenshot", metavar="PNG", help="save a full-page screenshot here")
    parser.add_argument("--viewport", action="store_true", help="with --screenshot, only the window (width x height), not the whole page")
    parser.add_argument("--anchor", metavar="ID", help="with --viewport, scroll the element with this id to the top first")
    args = parser.parse_args()
    for file in args.files:
        if not os.path.isfile(file):
            print(f"axe_check: {file} is not a file", file=sys.stderr)
            return 2
    axe = axe_source()
    session = start_browser(args.width, args.height)
    failed = False
    try:
        for index, file in enumerate(args.files):
            shot = args.screenshot
            if shot and len(args.files) > 1:
                stem, dot, ext = shot.rpartition(".")
                name = f"{index + 1}-{pathlib.Path(file).stem}"
                shot = f"{stem}-{name}.{ext}" if dot else f"{shot}-{name}"
            outcome = check(session, axe, file, shot, args.height, args.viewport, args.anchor)
            if len(outcome) == 2:
                failed = True
                continue
            count, scrolls, scroll_width, client_width = outcome
            if shot:
                print(f"{file}: screenshot at {args.width} px in {shot}")
            print(f"{file}: {count} violation{'s' if count != 1 else ''} of {', '.join(TAGS)} at {args.width} px")
            if scrolls:
                print(f"{file}: scrolls sideways at {args.width} px (scrollWidth {scroll_width} > clientWidth {client_width})")
            else:
                print(f"{file}: no sideways scrolling at {args.width} px")
            failed = failed or count > 0 or scrolls
    finally:
        session.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
