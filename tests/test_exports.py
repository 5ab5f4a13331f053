"""``counterclaim export``: every format read back by the tools it is for (stix2 and its validator, pandas, networkx).

The store is built by ``counterclaim analyze`` from the demo inputs and the
multi-article corpus (ten events, nineteen articles), once for the module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import networkx as nx
import pandas as pd
import pytest
import stix2
from stix2validator import ValidationOptions, validate_string
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.events import UnknownEvent
from counterclaim.export import FORMATS, export_chunks
from counterclaim.export.ids import statement_id
from counterclaim.records import ArticleRecord
from counterclaim.store import Store

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "docs" / "schema" / "ExportedArticle.schema.json"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("exports") / "store.db"
    inputs = [str(ROOT / "examples"), str(ROOT / "tests" / "corpus" / "multi")]
    result = CliRunner().invoke(app, ["analyze", *inputs, "--db", str(db), "--no-report"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def records(store_path: Path) -> list[ArticleRecord]:
    with Store(str(store_path)) as store:
        return list(store.iter_records())


@pytest.fixture(scope="module")
def exported(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format exported once through the CLI (csv as a folder)."""
    out = tmp_path_factory.mktemp("exported")
    paths = {}
    for name in FORMATS:
        target = out / (name if name == "csv" else f"all{FORMATS[name].suffix}")
        result = CliRunner().invoke(app, ["export", "--format", name, "--out", str(target), "--db", str(store_path)])
        assert result.exit_code == 0, result.output
        assert "10 events, 19 documents" in result.output
        paths[name] = target
    return paths


def _statement_ids(records: list[ArticleRecord]) -> set[str]:
    return {statement_id(r.document.id, i) for r in records for i in range(len(r.statements))}


def _kerman(store_path: Path) -> str:
    with Store(str(store_path)) as store:
        return next(e.id for e in store.event_summaries() if e.city == "Kerman")


# --- STIX ---------------------------------------------------------------------------------------------------


def test_stix_bundle_parses_back_with_every_statement(exported: dict[str, Path], records: list) -> None:
    bundle = stix2.parse(exported["stix"].read_text(encoding="utf-8"), allow_custom=True)
    objects = {o.id: o for o in bundle.objects}
    assert len(objects) == len(bundle.objects), "every object once"
    acts = [o for o in bundle.objects if o.type in ("relationship", "note") and "x_counterclaim_statement_id" in o]
    assert sorted(o.x_counterclaim_statement_id for o in acts) == sorted(_statement_ids(records))
    by_type = {t: [o for o in bundle.objects if o.type == t] for t in ("campaign", "grouping", "report")}
    assert len(by_type["campaign"]) == len(by_type["grouping"]) == 10
    assert len(by_type["report"]) == len(records)
    urls = {ref.url for r in by_type["report"] for ref in r.external_references if "url" in ref}
    assert urls == {r.document.url for r in records if r.document.url}

    for act in acts:
        speaker = objects[act.created_by_ref]
        assert speaker.type == "identity"
        assert act.x_cameo_code and act.x_counterclaim_evidence["sentence"]
        if act.type == "relationship":  # claims and confirmations: the campaign attributed to the party
            assert act.relationship_type == "attributed-to" and act.x_counterclaim_stance in ("claim", "confirm")
            assert objects[act.source_ref].type == "campaign" and objects[act.target_ref].type == "threat-actor"
        else:  # the other stances, and a claim or confirmation naming no party (nothing to attribute to)
            unattributed = "x_counterclaim_party" not in act
            assert act.x_counterclaim_stance in ("accuse", "deny", "condemn", "other") or unattributed

    kerman = [a for a in acts if a.x_counterclaim_evidence["document_name"] == "kerman_reactions"]
    qaani = next(a for a in kerman if a.x_counterclaim_speaker == "Esmail Qa'ani")
    assert qaani.type == "note" and qaani.x_counterclaim_stance == "accuse" and qaani.x_cameo_code == "112"
    assert objects[qaani.created_by_ref].name == "Esmail Qa'ani"
    assert any(objects[ref].name == "Israel" for ref in qaani.object_refs)
    claim = next(a for a in kerman if a.x_counterclaim_stance == "claim")
    group = objects[claim.target_ref]
    assert group.threat_actor_types == ["terrorist"] and group.name.startswith("Islamic State")
    assert claim.created_by_ref == next(o.id for o in bundle.objects if o.type == "identity" and o.name == group.name)


def test_stix_bundle_passes_the_validator(exported: dict[str, Path]) -> None:
    text = exported["stix"].read_text(encoding="utf-8")
    assert validate_string(text, ValidationOptions(version="2.1")).is_valid
    # strict: every best practice too, except "ids SHOULD be UUIDv4" (ours are UUIDv5, deterministic, as OpenCTI's)
    strict = validate_string(text, ValidationOptions(version="2.1", strict=True, disabled=["uuid-check"]))
    assert strict.is_valid, [e for o in strict.object_results for e in o.errors]
    assert all(o.type in stix2.v21.OBJ_MAP for o in stix2.parse(text, allow_custom=True).objects)


def test_stix_export_is_byte_stable_across_processes(
    store_path: Path, exported: dict[str, Path], tmp_path: Path
) -> None:
    """Same store, another process with another hash seed: the same bytes (ids, timestamps and key order)."""
    target = tmp_path / "again.json"
    command = [sys.executable, "-m", "counterclaim.cli", "export", "--format", "stix", "--out", str(target)]
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([*command, "--db", str(store_path)], check=True, env=env, capture_output=True)
    assert target.read_bytes() == exported["stix"].read_bytes()


# --- CSV ----------------------------------------------------------------------------------------------------

PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


def _read_table(folder: Path, resource: dict) -> pd.DataFrame:
    """A table read with the types its datapackage.json gives (as a pandas user would)."""
    fields = resource["schema"]["fields"]
    dtypes = {f["name"]: PANDAS_TYPES[f["type"]] for f in fields if f["type"] in PANDAS_TYPES}
    dates = [f["name"] for f in fields if f["type"] in ("date", "datetime")]
    return pd.read_csv(
        folder / resource["path"], dtype=dtypes, parse_dates=dates, keep_default_na=False, na_values=[""]
    )


def test_csv_tables_load_in_pandas_with_the_right_types(exported: dict[str, Path], records: list) -> None:
    folder = exported["csv"]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: _read_table(folder, r) for r in package["resources"]}

    statements, documents, attacks = tables["statements"], tables["documents"], tables["attacks"]
    assert len(statements) == sum(len(r.statements) for r in records) and len(documents) == len(records)
    assert str(statements["position"].dtype) == "Int64" and str(statements["direct"].dtype) == "boolean"
    assert statements["evidence_confidence"].dtype == "float64"
    assert pd.api.types.is_datetime64_any_dtype(statements["date"])
    assert set(statements["cameo"].dropna()) <= {"010", "015", "016", "111", "112"}, "codes keep their leading zero"
    assert str(attacks["killed"].dtype) == "Int64" and pd.api.types.is_datetime64_any_dtype(documents["published"])

    # ids join the tables: every foreign key names a row of the table it points at
    for resource in package["resources"]:
        table = tables[resource["name"]]
        assert table["id"].is_unique
        for key in resource["schema"]["foreignKeys"]:
            column, target = key["fields"][0], key["reference"]["resource"]
            assert set(table[column].dropna()) <= set(tables[target]["id"]), f"{resource['name']}.{column}"
    joined = statements.merge(documents, left_on="document_id", right_on="id", suffixes=("", "_doc"))
    assert len(joined) == len(statements)
    # offsets index the exported text
    row = joined.iloc[0]
    assert row["evidence_sentence"].strip() in row["text"]

    # without the datapackage, pandas still infers numbers and booleans
    plain = pd.read_csv(folder / "statements.csv")
    assert plain["position"].dtype == "int64" and plain["direct"].dtype == "bool"


def test_csv_as_zip_holds_the_same_tables(store_path: Path, exported: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "tables.zip"
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(target), "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted(p.name for p in exported["csv"].iterdir())
        assert archive.read("statements.csv") == (exported["csv"] / "statements.csv").read_bytes()


# --- JSON Lines -----------------------------------------------------------------------------------------------


def test_jsonl_lines_follow_the_published_schema(exported: dict[str, Path], records: list) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    lines = [json.loads(line) for line in exported["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(records)
    stored = {r.document.id: r for r in records}
    for line in lines:
        jsonschema.validate(line, schema)
        record = ArticleRecord.model_validate(line["record"])
        assert record == stored[record.document.id], "the record exactly as stored"
        assert [c["statement_id"] for c in line["codes"]] == [
            statement_id(record.document.id, i) for i in range(len(record.statements))
        ]
        assert line["event"]["id"].startswith("ev-")
    claims = [c for line in lines for c, s in zip(line["codes"], line["record"]["statements"], strict=True)]
    assert {c["cameo"] for c in claims} >= {"015", "111", "112"}


# --- GraphML and GEXF -----------------------------------------------------------------------------------------


def test_graphml_loads_in_networkx(exported: dict[str, Path]) -> None:
    graph = nx.read_graphml(exported["graphml"], force_multigraph=True)
    assert graph.is_directed() and graph.number_of_edges() > 0
    labels = dict(graph.nodes(data="label"))
    edges = [(labels[u], labels[v], d) for u, v, d in graph.edges(data=True)]
    assert all(d["stance"] in ("claim", "confirm", "accuse", "deny", "condemn", "other") for _, _, d in edges)
    qaani = [d for u, v, d in edges if u == "Esmail Qa'ani" and v == "Israel"]
    assert qaani and qaani[0]["stance"] == "accuse" and qaani[0]["cameo"] == "112" and qaani[0]["plover"] == "ACCUSE"
    assert "kerman_reactions@" in qaani[0]["evidence"]
    condemnations = [(v, d) for u, v, d in graph.edges(data=True) if d["stance"] == "condemn"]
    assert condemnations and all(graph.nodes[v]["kind"] == "event" for v, _ in condemnations)
    gexf = nx.read_gexf(exported["gexf"])
    assert gexf.number_of_nodes() == graph.number_of_nodes()


# --- GTD ------------------------------------------------------------------------------------------------------


def test_gtd_row_of_the_kerman_bombing(store_path: Path, exported: dict[str, Path], records: list) -> None:
    rows = list(csv.DictReader(exported["gtd"].open(encoding="utf-8")))
    assert len(rows) == 10
    kerman = next(r for r in rows if r["cc_event_id"] == _kerman(store_path))
    attack = next(r.event for r in records if r.document.name == "kerman_reactions")
    expected = {
        "iyear": "2024",
        "imonth": "1",
        "iday": "3",
        "country_txt": "Iran",
        "city": "Kerman",
        "attacktype1": "3",
        "attacktype1_txt": "Bombing/Explosion",
        "suicide": "1",
        "gname": "Khorasan Chapter of the Islamic State",
        "guncertain1": "0",
        "claimed": "1",
        "nkill": str(attack.killed),
        "nwound": str(attack.injured),
    }
    assert {k: kerman[k] for k in expected} == expected
    assert kerman["eventid"].startswith("20240103") and len(kerman["eventid"]) == 12
    assert kerman["summary"].startswith("01/03/2024: ")
    assert {"015", "112"} <= set(kerman["cc_cameo"].split(";"))
    assert len({r["eventid"] for r in rows}) == len(rows)


# --- the interface the web API calls, and the CLI's errors --------------------------------------------------


def test_export_chunks_streams_one_event_and_refuses_an_unknown_one(store_path: Path) -> None:
    kerman = _kerman(store_path)
    with Store(str(store_path)) as store:
        with pytest.raises(UnknownEvent):
            export_chunks(store, "stix", "ev-000000000000")  # raised before any byte is produced
        data = b"".join(export_chunks(store, "gtd", kerman))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [r["city"] for r in rows] == ["Kerman"]


def test_cli_errors_are_one_line(store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["export", "--db", str(store_path)]
    cases = [
        (["--format", "stix", "--event", "ev-000000000000", "--out", str(tmp_path / "x.json")], "no event"),
        (["--format", "csv", "--out", "-"], "csv writes several files"),
        (["--format", "gtd", "--out", str(tmp_path / "missing" / "x.csv")], "cannot write"),
    ]
    for args, message in cases:
        result = runner.invoke(app, [*base, *args])
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.json").exists()


def test_every_format_exports_from_either_backend(tmp_db: str, records: list) -> None:
    """The exporters read through the Store, so PostgreSQL exports as SQLite does (timestamps in UTC on both)."""
    with Store(tmp_db) as store:
        store.save_many(records)
        store.update_events([r.document.id for r in records])
        times = store.ingestion_times([r.document.id for r in records])
        assert len(times) == len(records) and all(t.utcoffset() == dt.timedelta(0) for t in times.values())
        outputs = {name: b"".join(export_chunks(store, name)) for name in FORMATS}
    bundle = stix2.parse(outputs["stix"].decode("utf-8"), allow_custom=True)
    exported_ids = {o.x_counterclaim_statement_id for o in bundle.objects if "x_counterclaim_statement_id" in o}
    assert exported_ids == _statement_ids(records)
    assert len(outputs["jsonl"].splitlines()) == len(records)
    with zipfile.ZipFile(io.BytesIO(outputs["csv"])) as archive:
        assert "datapackage.json" in archive.namelist()
