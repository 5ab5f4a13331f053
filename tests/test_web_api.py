"""The REST API over a real SQLite file holding the demo corpus, served by uvicorn on loopback."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from counterclaim.ingest.fetch import parse_networks
from counterclaim.records import ArticleRecord
from counterclaim.store import Store, browse
from counterclaim.watch.state import WatchState
from counterclaim.web import WebSettings, create_app
from loopback import page, serve
from processes import alive, children
from webserver import running

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
ARTICLE = (
    "Gunmen storm police post in Northfield\n\n"
    "Gunmen attacked a police post in the town of Northfield on Monday, killing four officers, "
    "the district governor said. The Northern Front claimed responsibility for the attack in a statement "
    "posted online on Tuesday. The interior minister accused the Northern Front of staging the attack to derail "
    "the talks."
)


@pytest.fixture(scope="module")
def api(demo_db: Path) -> Iterator[httpx.Client]:
    """A client of the workbench serving the demo store (read-only tests)."""
    with running(create_app(WebSettings(db=str(demo_db)))) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


@pytest.fixture
def writable(demo_db: Path, tmp_path: Path) -> Iterator[httpx.Client]:
    """A client of a workbench over a copy of the demo store, free to change it; URLs may reach 127.0.0.1 only."""
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    settings = WebSettings(db=str(copy), allowed_networks=parse_networks(["127.0.0.1"]))
    with running(create_app(settings)) as url, httpx.Client(base_url=url, timeout=120) as client:
        yield client


def event_id(client: httpx.Client, city: str) -> str:
    return next(e["id"] for e in client.get("/api/events").json()["items"] if e["city"] == city)


def assert_error(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status and words in body["error"]["message"], body


def test_health_says_what_is_served(api: httpx.Client) -> None:
    body = api.get("/api/health").json()
    assert body == {**body, "status": "ok", "documents": 4, "events": 4, "token_required": False}


def test_events_listing_with_consensus_counts_filters_and_pages(api: httpx.Client) -> None:
    listing = api.get("/api/events").json()
    assert listing["total"] == 4 and listing["next"] is None
    kerman = next(e for e in listing["items"] if e["city"] == "Kerman")
    assert kerman["consensus"]["line"].startswith("claimed by Islamic State")
    assert kerman["counts"]["documents"] == 1 and kerman["counts"]["statements"] >= 10
    assert kerman["counts"]["by_stance"]["accuse"] >= 5 and kerman["page"] == f"/events/{kerman['id']}"
    first = api.get("/api/events", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == 4 and "offset=2" in first["next"]
    rest = api.get(first["next"]).json()
    assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in listing["items"]]
    assert [e["city"] for e in api.get("/api/events", params={"actor": "israel"}).json()["items"]] == ["Kerman"]
    assert [e["city"] for e in api.get("/api/events", params={"stance": "deny"}).json()["items"]] == ["Bajaur"]
    in_2023 = api.get("/api/events", params={"date_from": "2023-01-01", "date_to": "2023-12-31"}).json()
    assert [e["city"] for e in in_2023["items"]] == ["Bajaur"]


def test_event_narrative_has_matrix_timeline_and_evidence(api: httpx.Client) -> None:
    body = api.get(f"/api/events/{event_id(api, 'Kerman')}").json()
    narrative = body["narrative"]
    assert {"Israel", "Islamic State"} <= set(narrative["matrix"]["parties"])
    assert narrative["timeline"] and all(entry["evidence"] for entry in narrative["timeline"])
    assert list(body) == ["event", "brief", "narrative"]  # the brief before the report's sections
    sentences = [s for paragraph in body["brief"] for s in paragraph["sentences"]]
    assert [s["text"] for s in sentences] == [  # the report's own brief, not another
        "".join(c["text"] for c in s["clauses"]) + "."
        for paragraph in narrative["brief"]
        for s in paragraph["sentences"]
    ]
    claim = next(s for s in sentences if s["topic"] == "claim")
    assert claim["text"].startswith("The Islamic State claimed responsibility")
    for sentence in sentences:
        assert sentence["clauses"][0]["evidence"]  # every sentence rests on evidence, each note a link to it
        for note in (n for c in sentence["clauses"] for n in c["evidence"]):
            span = f"{note['start']}-{note['end']}"
            assert note["url"] == f"/documents/{note['document_id']}?span={span}#ev-{span}"
    cited = claim["clauses"][0]["evidence"][0]
    text = api.get(f"/api/documents/{cited['document_id']}").json()["text"]
    assert " ".join(text[cited["start"] : cited["end"]].split()) == cited["sentence"]
    assert "claimed responsibility" in cited["sentence"]
    assert body["event"]["consensus"]["claimed_by"][0] == "Islamic State"
    assert_error(api.get("/api/events/ev-000000000000"), 404, "no event 'ev-000000000000'")


def test_statements_filtered_by_event_actor_stance_with_checkable_evidence(api: httpx.Client) -> None:
    kerman = event_id(api, "Kerman")
    accusations = api.get("/api/statements", params={"event": kerman, "stance": "accuse", "limit": 500}).json()
    assert accusations["total"] >= 5 and {s["stance"] for s in accusations["items"]} == {"accuse"}
    about_israel = api.get("/api/statements", params={"actor": "israel"}).json()["items"]
    assert about_israel and all("Israel" in (s["target"] or {}).get("name", "") for s in about_israel)
    text = api.get("/api/documents/kerman_reactions").json()["text"]
    for statement in accusations["items"]:
        evidence = statement["evidence"]
        assert 0 <= evidence["start"] < evidence["end"] <= len(text)
        span = f"{evidence['start']}-{evidence['end']}"
        assert evidence["url"] == f"/documents/{statement['document_id']}?span={span}#ev-{span}"
    by_name = api.get("/api/statements", params={"actor": "prominent regime officials"}).json()["items"]
    assert [s["speaker"]["name"] for s in by_name] == ["prominent regime officials"]
    page = api.get("/actors/israel").text  # the actor's page: what it said (nothing) and what names it
    said, naming = page.split("<h2>Statements naming Israel")
    assert "<h2>Statements by Israel" in said and 'class="none"' in said
    assert naming.count('<tr class="statement">') == len(about_israel) and "<th>Speaker</th>" in naming
    dated = api.get("/api/statements", params={"date_from": "2024-01-04", "date_to": "2024-01-04"}).json()["items"]
    assert dated and all(s["date"] == "2024-01-04" for s in dated)


def test_documents_records_actors_and_casualties(api: httpx.Client) -> None:
    docs = api.get("/api/documents").json()
    assert docs["total"] == 4 and all("text" not in d for d in docs["items"])
    assert {d["name"] for d in api.get("/api/documents", params={"stance": "deny"}).json()["items"]} == {
        "bajaur_rally_2023"
    }
    document = api.get("/api/documents/bajaur_rally_2023").json()
    assert document["text"] and document["event_id"] and document["page"] == f"/documents/{document['id']}"
    record = ArticleRecord.model_validate(api.get(f"/api/documents/{document['id'][:8]}/record").json())
    assert record.document.id == document["id"] and record.statements
    assert_error(api.get("/api/documents/no-such-article"), 404, "no document 'no-such-article'")
    actors = api.get("/api/actors", params={"name": "islamic state"}).json()["items"]
    assert actors[0]["id"].startswith("islamic-state") and actors[0]["statements_made"] >= 1
    assert api.get("/api/actors/israel").json()["statements_naming"] is None  # counts come with the listing only
    assert api.get("/api/actors/prominent regime officials").json()["known"] is False
    assert_error(api.get("/api/actors/nobody-at-all"), 404, "no actor")
    killed = api.get("/api/casualties", params={"kind": "killed"}).json()["items"]
    assert killed and {c["kind"] for c in killed} == {"killed"} and all(c["evidence"]["url"] for c in killed)


def test_a_syndicated_text_lists_every_outlet_that_published_it(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    with Store(str(copy)) as store:
        document_id = store.read(browse.resolve_document, "bajaur_rally_2023")
        state = WatchState(store.engine)
        state.add_source(document_id, "https://wire.example/bajaur", "original", outlet="Example Wire")
        state.add_source(document_id, "https://daily.example/bajaur?id=7", "copy", outlet="Example Daily")
        state.add_source(document_id, "javascript:alert(1)", "near-duplicate", similarity=0.91)
    with running(create_app(WebSettings(db=str(copy)))) as url, httpx.Client(base_url=url, timeout=60) as client:
        sources = client.get(f"/api/documents/{document_id}").json()["sources"]
        page_html = client.get(f"/documents/{document_id}").text
        other = client.get("/api/documents/kerman_reactions").json()["sources"]
    assert [(s["outlet"], s["relation"]) for s in sources] == [
        ("Example Wire", "original"),
        ("Example Daily", "copy"),
        (None, "near-duplicate"),
    ]
    assert sources[2]["similarity"] == 0.91 and other == []
    assert 'href="https://daily.example/bajaur?id=7"' in page_html and "91% alike" in page_html
    assert 'href="javascript:' not in page_html  # a stored URL that is no web address stays text


def test_search_and_its_errors(api: httpx.Client) -> None:
    hits = api.get("/api/search", params={"q": "Kerman Soleimani"}).json()
    assert [h["name"] for h in hits] == ["kerman_reactions"] and hits[0]["event_id"]
    assert_error(api.get("/api/search"), 422, "query.q")
    assert api.get("/api/search", params={"q": '"-(*'}).json() == []
    invalid = api.get("/api/statements", params={"limit": 0, "stance": "shrug"})
    assert_error(invalid, 422, "invalid request")
    assert {d["where"] for d in invalid.json()["error"]["details"]} == {"query.limit", "query.stance"}
    assert_error(api.get("/api/events", params={"date_from": "2024-02-01", "date_to": "2024-01-01"}), 422, "after")
    assert_error(api.get("/api/nothing-here"), 404, "Not Found")


def test_exports_stream_records_as_json_lines(api: httpx.Client) -> None:
    kerman = event_id(api, "Kerman")
    response = api.get("/api/export/records", params={"event": kerman})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    records = [ArticleRecord.model_validate_json(line) for line in response.text.splitlines()]
    assert [r.document.name for r in records] == ["kerman_reactions"]
    everything = api.get("/api/export/eval").text.splitlines()
    assert len(everything) == 4 and all(
        {"name", "event", "statements"} <= json.loads(line).keys() for line in everything
    )
    assert_error(api.get("/api/export/xml"), 422, "invalid request")


def test_standard_exports_are_served_by_the_exporters(api: httpx.Client) -> None:
    kerman = event_id(api, "Kerman")
    bundle = api.get("/api/export/stix", params={"event": kerman})
    assert bundle.status_code == 200 and bundle.json()["type"] == "bundle"
    assert any(o["type"] == "threat-actor" for o in bundle.json()["objects"])
    gtd = api.get("/api/export/gtd", params={"event": kerman})
    assert gtd.status_code == 200 and "iyear" in gtd.text.splitlines()[0]
    assert api.get("/api/export/csv").content[:2] == b"PK"  # several tables, one ZIP
    assert_error(api.get("/api/export/stix", params={"event": "ev-000000000000"}), 404, "no event")
    assert_error(api.get("/api/export/stix", params={"document": "kerman_reactions"}), 400, "not one document")


def test_openapi_and_docs_are_served_without_any_cdn(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    assert {"/api/events", "/api/statements", "/api/ingest", "/api/events/merge", "/api/search"} <= spec["paths"].keys()
    docs = api.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "https://" not in docs
    assert api.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_guard_refuses_foreign_hosts_cross_origin_writes_and_large_bodies(api: httpx.Client) -> None:
    assert_error(api.get("/api/health", headers={"host": "rebound.example"}), 400, "loopback names only")
    assert api.get("/api/health", headers={"host": "localhost:8000"}).status_code == 200
    foreign = api.post("/api/events/recluster", headers={"origin": "http://evil.example"})
    assert_error(foreign, 403, "another origin")
    huge = api.post("/api/ingest", content=b"x" * (11 * 1024 * 1024), headers={"content-type": "application/json"})
    assert_error(huge, 413, "too large")

    def chunks() -> Iterator[bytes]:
        for _ in range(12):
            yield b" " * (1024 * 1024)

    assert_error(
        api.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"}), 413, "too large"
    )
    headers = api.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"


def test_ingest_text_then_again_then_bad_submissions(writable: httpx.Client) -> None:
    first = writable.post("/api/ingest", json={"text": ARTICLE, "outlet": "Test Wire", "published": "2024-05-07"})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["stored"] and body["name"] == "gunmen-storm-police-post-in-northfield" and body["statements"] >= 2
    assert body["event_id"] and body["event_page"] == f"/events/{body['event_id']}"
    again = writable.post("/api/ingest", json={"text": ARTICLE})
    assert again.status_code == 200 and again.json()["stored"] is False
    assert_error(writable.post("/api/ingest", json={"text": ARTICLE, "url": "http://x.example/"}), 422, "exactly one")
    assert_error(writable.post("/api/ingest", json={"text": "   "}), 422, "exactly one")
    assert_error(writable.post("/api/ingest", json={"url": "http://10.1.2.3/a"}), 422, "10.1.2.3 is a private address")
    statements = writable.get("/api/statements", params={"document": body["name"]}).json()["items"]
    assert "claim" in {s["stance"] for s in statements}


def test_ingest_a_url_the_server_may_reach(writable: httpx.Client) -> None:
    html = (
        f"<html><head><title>Police post attacked</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    )
    with serve("127.0.0.1", {"/story.html": page(html.encode())}) as site:
        response = writable.post("/api/ingest", json={"url": f"{site.url}/story.html"})
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "story"
    document = writable.get(f"/api/documents/{response.json()['document_id']}").json()
    assert document["url"] == f"{site.url}/story.html" and document["title"] == "Police post attacked"


def test_merge_split_move_and_recluster_record_decisions(writable: httpx.Client) -> None:
    palma, konduga = event_id(writable, "Palma"), event_id(writable, "Konduga")
    merged = writable.post("/api/events/merge", json={"events": [palma, konduga]}).json()
    assert merged["action"] == "merge" and len(merged["moved"]) == 1
    target = merged["moved"][0]["event_id"]
    assert {d["name"] for d in writable.get(f"/api/events/{target}").json()["event"]["documents"]} == {
        "wire_batch-1",
        "wire_batch-2",
    }
    split = writable.post(f"/api/events/{target}/split", json={"documents": ["wire_batch-2"]}).json()
    assert split["action"] == "split" and [m["document_name"] for m in split["moved"]] == ["wire_batch-2"]
    moved = writable.post("/api/documents/wire_batch-2/move", json={"event": target}).json()
    assert moved["moved"][0]["event_id"] == target
    assert writable.post("/api/events/recluster").json() == {"events": 3, "documents": 4}
    assert_error(writable.post("/api/events/merge", json={"events": [palma, "ev-nope"]}), 404, "no event")
    assert_error(writable.post("/api/events/merge", json={"events": [palma]}), 422, "body.events")


def test_writes_need_the_token_when_the_server_has_one(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    with running(create_app(WebSettings(db=str(copy), token="s3cret"))) as url, httpx.Client(base_url=url) as client:
        assert_error(client.post("/api/events/recluster"), 401, "needs its write token")
        assert_error(client.post("/api/events/recluster", headers={"authorization": "Bearer nope"}), 403, "wrong")
        assert client.post("/api/events/recluster", headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert client.post("/api/events/recluster", headers={"x-counterclaim-token": "s3cret"}).status_code == 200
        assert client.get("/api/events").status_code == 200  # reading needs no token
    with pytest.raises(ValueError, match="write token is required"):
        WebSettings(host="0.0.0.0")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_serve_with_workers_answers_from_each_and_they_go_with_it(demo_db: Path, stop: signal.Signals) -> None:
    command = [COUNTERCLAIM, "serve", "--db", str(demo_db), "--port", "0", "--workers", "2"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        url = re.search(r"on (http://127\.0\.0\.1:\d+)/ ", server.stderr.readline()).group(1)
        answered = {httpx.get(f"{url}/api/health", timeout=30).json()["process"] for _ in range(10)}
        workers = children(server.pid)
        assert len(workers) == 2 and answered and answered <= workers
        server.send_signal(stop)
        server.wait(30)
        deadline = time.monotonic() + 30
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(alive(w) for w in workers)  # after SIGKILL too: they watch their parent
    finally:
        if server.poll() is None:
            server.kill()


def test_serve_starts_answers_and_reports_a_busy_port_in_one_line(demo_db: Path, tmp_path: Path) -> None:
    server = subprocess.Popen(
        [COUNTERCLAIM, "serve", "--db", str(demo_db), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    empty = subprocess.Popen(  # started alongside: a new store is created, and said to be empty
        [COUNTERCLAIM, "serve", "--db", str(tmp_path / "new.db"), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stderr is not None and empty.stderr is not None
        line = server.stderr.readline()
        url = re.search(r"on (http://127\.0\.0\.1:\d+)/ ", line).group(1)
        assert httpx.get(f"{url}/api/health", timeout=30).json()["documents"] == 4
        port = url.rsplit(":", 1)[1]
        busy = subprocess.run(
            [COUNTERCLAIM, "serve", "--db", str(demo_db), "--port", port], capture_output=True, text=True, timeout=60
        )
        assert busy.returncode == 2 and busy.stderr.strip().count("\n") == 0
        assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in busy.stderr
        assert "workbench on" in empty.stderr.readline()
        assert empty.stderr.readline().startswith("it is empty: add articles with `counterclaim analyze")
    finally:
        for process in (server, empty):
            process.terminate()
            process.wait(30)
