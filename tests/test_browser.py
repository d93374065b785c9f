"""The rendered map in a real browser (headless Chromium via Playwright), fully offline.

Every request that is not the local file is aborted and recorded, so these tests also prove the
self-contained page needs no network. Article text in the fixture carries a ``<script>`` and an
``onerror`` payload that would set ``window.__pwned``; it must show as text and never run.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from routes.render import route_map, to_html

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and shutil.which("chromium") is None,
    reason="no Chromium at /usr/bin/chromium",
)
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SAMPLE = Path(__file__).parent / "data" / "sample_route.geojson"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        exe = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def collection() -> dict:
    """The sample route plus hostile text in places a careless renderer would trust."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for feature in data["features"]:
        props = feature["properties"]
        if props["role"] == "stop" and props["seq"] == 2:
            props["name"] = "Ussuriysk ${window.__pwned=2} `x`"
            props["evidence"].append("<img src=x onerror=window.__pwned=3> it went on to it.")
        if props["role"] == "leg" and props["to_seq"] == 3:
            props["reason"] = "Known <img src=x onerror=window.__pwned=4>."
    return data


def counts(data: dict) -> dict[str, int]:
    feats = [f["properties"] for f in data["features"]]
    return {
        "stops": sum(p["role"] == "stop" for p in feats),
        "known": sum(p["role"] == "leg" and p["certainty"] == "known" for p in feats),
        "uncertain": sum(p["role"] == "leg" and p["certainty"] != "known" for p in feats),
        "areas": sum(p["role"] == "area" for p in feats),
        "mentions": sum(p["role"] == "mention" for p in feats),
    }


class Session:
    """One page with its console errors and every non-local request it tried."""

    def __init__(self, browser, tmp_path: Path):
        self.page = browser.new_page(viewport={"width": 1100, "height": 800})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.tmp_path = tmp_path
        self.page.on(
            "console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None
        )
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, html: str, name: str = "map.html"):
        path = self.tmp_path / name
        path.write_text(html, encoding="utf-8")
        self.page.goto(path.as_uri(), wait_until="load")
        return self.page

    def close(self):
        self.page.close()


@pytest.fixture
def session(browser, tmp_path):
    s = Session(browser, tmp_path)
    yield s
    s.close()


def test_self_contained_page_draws_the_route(session, collection, tmp_path):
    expected = counts(collection)
    html = to_html(route_map(collection, tiles="none"), self_contained=True)
    page = session.open(html)
    page.wait_for_selector(".routes-stop")

    assert page.locator(".routes-stop").count() == expected["stops"]
    assert page.locator("path.routes-leg-known").count() == expected["known"]
    assert page.locator("path.routes-leg-uncertain").count() == expected["uncertain"]
    assert page.locator("path.routes-area").count() == expected["areas"]
    assert page.locator(".routes-stop-current .routes-pulse").count() == 1
    assert page.locator(".routes-arrow").count() == expected["known"] + expected["uncertain"]
    assert page.locator(".leaflet-tile-pane img").count() == 0  # tiles="none"
    assert "GeoNames" in page.locator(".leaflet-control-attribution").inner_text()

    title = page.locator(".routes-title").inner_text()
    assert "<script>window.__pwned=1</script>" in title
    assert "Ann <b>Test</b>" in title

    # The stop popup: evidence with the cue marked, the planted script shown as text.
    page.locator(".routes-stop").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "The delegation reached Khasan" in text
    assert "<script>window.__pwned=1</script>" in text
    assert popup.locator("mark").first.inner_text().lower() == "reached"
    assert "gn:2039557" in text

    # Other mentions: off by default, switched on from the layer control.
    assert page.locator(".routes-mention").count() == 0
    page.locator(".leaflet-control-layers").hover()
    page.locator(".leaflet-control-layers-overlays label", has_text="Other mentions").click()
    assert page.locator("path.routes-mention").count() == expected["mentions"]

    page.screenshot(path=str(tmp_path / "route.png"))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert session.errors == []
    assert session.blocked == []


def test_hostile_names_and_reasons_stay_text(session, collection):
    page = session.open(to_html(route_map(collection, tiles="none"), self_contained=True))
    page.wait_for_selector(".routes-stop")
    page.locator(".routes-stop").nth(1).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "${window.__pwned=2} `x`" in text
    assert "<img src=x onerror=window.__pwned=3>" in text
    assert popup.locator("img").count() == 0
    page.locator("path.routes-leg-known").nth(1).hover(force=True)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert session.errors == []


def test_timeline_steps_through_the_stops(session, collection, tmp_path):
    n = counts(collection)["stops"]
    page = session.open(to_html(route_map(collection, tiles="none"), self_contained=True))
    page.wait_for_selector(".routes-timeline")
    control = page.locator(".routes-timeline")
    assert control.get_attribute("data-step") == "0"
    assert page.locator(".routes-dim").count() == 0

    control.locator(".routes-tl-next").click()
    assert control.get_attribute("data-step") == "1"
    assert "Khasan" in control.locator(".routes-tl-text").inner_text()
    assert "on Tuesday morning" in control.locator(".routes-tl-text").inner_text()
    assert page.locator(".routes-stop.routes-active").count() == 1
    assert page.locator(".routes-stop.routes-dim").count() == n - 1

    control.locator(".routes-tl-next").click()
    assert control.get_attribute("data-step") == "2"
    # the leg into stop 2 is highlighted, the legs into stops 3..n are dimmed
    assert page.locator("path.routes-leg.routes-active").count() == 1
    assert page.locator("path.routes-leg.routes-dim").count() == n - 2

    control.locator(".routes-tl-prev").click()
    assert control.get_attribute("data-step") == "1"
    for _ in range(n + 2):
        control.locator(".routes-tl-next").click()
    assert control.get_attribute("data-step") == str(n)  # stops at the last stop
    control.locator(".routes-tl-all").click()
    assert control.get_attribute("data-step") == "0"
    assert page.locator(".routes-dim").count() == 0

    control.locator(".routes-tl-play").click()
    page.wait_for_function(
        "el => el.getAttribute('data-step') === '2'", arg=control.element_handle(), timeout=5000
    )
    control.locator(".routes-tl-play").click()  # pause
    page.screenshot(path=str(tmp_path / "timeline.png"))
    assert session.errors == []


def test_two_embedded_fragments_on_one_page(session, collection, tmp_path):
    expected = counts(collection)
    m = route_map(collection, tiles="none")
    other = copy.deepcopy(collection)
    other["features"] = [
        f for f in other["features"]
        if f["properties"]["role"] != "stop" or f["properties"]["seq"] <= 2
    ]
    fragments = [
        to_html(m, embed=True, self_contained=True),
        to_html(m, embed=True, self_contained=True),  # the same map again
        to_html(route_map(other, tiles="none"), embed=True, self_contained=True),
    ]
    host = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head><body>"
        "<h1>A static site</h1>"
        + "".join(f"<section><p>Map {i}</p>{frag}</section>" for i, frag in enumerate(fragments))
        + "</body></html>"
    )
    page = session.open(host, "host.html")
    page.wait_for_selector(".routes-stop")

    maps = page.locator(".leaflet-container")
    assert maps.count() == 3
    ids = [maps.nth(i).get_attribute("id") for i in range(3)]
    assert len(set(ids)) == 3
    for i, stops in enumerate([expected["stops"], expected["stops"], 2]):
        container = maps.nth(i)
        assert container.bounding_box()["height"] > 200
        assert container.locator(".routes-stop").count() == stops
        assert container.locator("path.routes-leg-known").count() == expected["known"]
        assert container.locator(".routes-title").count() == 1
        assert container.locator(".routes-timeline").count() == 1

    # each timeline drives only its own map
    maps.nth(1).locator(".routes-tl-next").click()
    assert maps.nth(1).locator(".routes-timeline").get_attribute("data-step") == "1"
    assert maps.nth(0).locator(".routes-timeline").get_attribute("data-step") == "0"
    assert maps.nth(0).locator(".routes-dim").count() == 0
    assert maps.nth(1).locator(".routes-stop.routes-active").count() == 1

    maps.nth(0).locator(".routes-stop").first.click()
    assert "reached Khasan" in maps.nth(0).locator(".leaflet-popup-content").inner_text()
    assert page.locator("h1").inner_text() == "A static site"  # host page untouched
    page.screenshot(path=str(tmp_path / "embeds.png"), full_page=True)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert session.errors == []
    assert session.blocked == []


def test_empty_route_shows_the_message(session):
    data = {
        "type": "FeatureCollection",
        "route": {"traveler": None, "published": None, "source": "x.txt", "title": None,
                  "summary": "no stops", "message": "No trip found: <i>no movement</i>."},
        "features": [{"type": "Feature",
                      "geometry": {"type": "Point", "coordinates": [131.87, 43.1]},
                      "properties": {"role": "mention", "name": "Vladivostok",
                                     "surface": "Vladivostok", "reason": "context",
                                     "evidence": "Vladivostok is a port.", "start": 0,
                                     "end": 11}}],
    }
    page = session.open(to_html(route_map(data, tiles="none"), self_contained=True))
    page.wait_for_selector(".routes-message")
    assert page.locator(".routes-message").inner_text() == "No trip found: <i>no movement</i>."
    assert page.locator(".routes-stop").count() == 0
    assert page.locator("path.routes-mention").count() == 1  # shown when there is no route
    assert session.errors == []


def test_page_with_tiles_asks_only_for_tiles(session, collection):
    page = session.open(to_html(route_map(collection), self_contained=True))
    page.wait_for_selector(".routes-stop")
    assert session.blocked, "the tile layer should have requested tiles"
    assert all("tile.openstreetmap.org" in url for url in session.blocked)
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    # blocked tile images are the only errors allowed
    assert all("Failed to load resource" in e for e in session.errors)


def test_real_cli_page_matches_its_route(session, gazetteer, tmp_path):
    """The page `routes map` writes for a real report draws exactly its route's features."""
    from tests.conftest import SHARED, run_cli

    seed = SHARED / "seeds" / "yonhap-2023-09-13-kim-russia.txt"
    article = tmp_path / "report.txt"
    # The report, plus a planted script in the text, which must show as text and never run.
    article.write_text(seed.read_text(encoding="utf-8").replace(
        "crossed the railway bridge over the Razdolnaya River",
        "crossed the railway bridge over the Razdolnaya River <script>window.__pwned=9</script>",
    ), encoding="utf-8")
    page_path, data_path = tmp_path / "seed.html", tmp_path / "seed.geojson"
    for out, extra in ((page_path, ["--self-contained", "--tiles", "none"]),
                       (data_path, ["--format", "geojson"])):
        result = run_cli("map", str(article), "--published", "2023-09-13", "-o", str(out),
                         *extra)
        assert result.returncode == 0, result.stderr
    data = json.loads(data_path.read_text(encoding="utf-8"))
    expected = counts(data)
    assert expected["stops"] >= 5 and expected["uncertain"] >= 1

    page = session.open(page_path.read_text(encoding="utf-8"), name="seed.html")
    page.wait_for_selector(".routes-stop")
    assert page.locator(".routes-stop").count() == expected["stops"]
    assert page.locator("path.routes-leg-known").count() == expected["known"]
    assert page.locator("path.routes-leg-uncertain").count() == expected["uncertain"]
    assert page.locator("path.routes-area").count() == expected["areas"]

    stops = sorted((f["properties"] for f in data["features"]
                    if f["properties"]["role"] == "stop"), key=lambda p: p["seq"])
    river = next(i for i, s in enumerate(stops) if s["name"] == "Razdolnaya River")
    page.locator(".routes-stop").nth(river).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "<script>window.__pwned=9</script>" in popup.inner_text()
    assert popup.locator("mark").count() >= 1
    page.screenshot(path=str(tmp_path / "seed.png"))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert session.errors == [] and session.blocked == []
