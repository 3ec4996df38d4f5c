"""CSV and Parquet read by pandas and DuckDB, GraphML and GEXF by networkx, FtM entities
valid by the followthemoney model; the API serves the same files."""
from __future__ import annotations

import io
import json

import duckdb
import networkx as nx
import pandas as pd
import pytest
from followthemoney import model

from armstrace.present.export import export
from armstrace.present.export.ftm_fmt import validate_line


def exported(kb, fmt: str, what: str = "events") -> bytes:
    out = io.BytesIO()
    export(kb, fmt, out, what)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_read_by_pandas_and_duckdb(kb, fmt, tmp_path):
    for what, rows in (("events", 8), ("claims", 9)):
        path = tmp_path / f"{what}.{fmt}"
        path.write_bytes(exported(kb, fmt, what))
        frame = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        counted = duckdb.sql(f"SELECT count(*) FROM {reader}('{path}')").fetchall()[0][0]
        assert len(frame) == rows == counted
        quotes = frame["best_quote" if what == "events" else "quote"]
        assert quotes.notna().all() and (quotes.str.len() > 20).all()
    events = pd.read_csv(tmp_path / f"events.{fmt}") if fmt == "csv" else \
        pd.read_parquet(tmp_path / f"events.{fmt}")
    tb2 = events[events["designation"] == "Bayraktar TB2"].iloc[0]
    assert tb2["via"] == "POL;ROU" and tb2["best_title"] == "TB2s arrive"
    contested = events[events["assertion"] == "contested"].iloc[0]
    assert bool(contested["hedged"]) and contested["n_sources"] == 2
    assert str(contested["claim_ids"]).count(";") == 1


def test_parquet_columns_are_typed(kb, tmp_path):
    path = tmp_path / "claims.parquet"
    path.write_bytes(exported(kb, "parquet", "claims"))
    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["claim_id"] == "BIGINT" and types["tech"] == "BOOLEAN"
    assert types["ev_start"] == "BIGINT" and types["quote"] == "VARCHAR"


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphs_read_back_by_networkx(kb, fmt, read):
    g = read(io.BytesIO(exported(kb, fmt)))
    assert set(g.nodes) == {"CHN", "EU", "IRN", "PRK", "RUS", "TUR", "UKR"}
    assert g.nodes["PRK"]["label"] == "North Korea"
    # 4 transfers, a sanction, an agreement and a meeting pair, 3 pairs of one exercise
    assert g.number_of_edges() == 4 + 1 + 1 + 1 + 3
    uav = [d for _a, _b, d in g.edges(data=True) if d.get("item") == "uav"]
    assert {d["event_type"] for d in uav} == {"transfer"}
    hedged = [d for a, b, d in g.edges(data=True) if (a, b) == ("RUS", "PRK")]
    assert hedged[0]["hedged"] in (True, "true", "True")


def test_ftm_entities_are_valid_and_linked(kb):
    lines = [json.loads(line) for line in exported(kb, "ftm").decode().splitlines()]
    ids = {e["id"] for e in lines}
    for entity in lines:
        validate_line(entity)
        proxy = model.get_proxy(entity)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, f"{entity['schema']}.{prop.name} dangles"
    by_schema = {}
    for e in lines:
        by_schema.setdefault(e["schema"], []).append(e)
    assert len(by_schema["UnknownLink"]) == 4 and len(by_schema["Sanction"]) == 1
    assert len(by_schema["Event"]) == 3 and len(by_schema["Article"]) == 5
    assert {e["properties"]["name"][0] for e in by_schema["Organization"]} == {"European Union"}
    articles = {e["id"] for e in by_schema["Article"]}
    for link in by_schema["UnknownLink"]:
        assert link["properties"]["proof"] and set(link["properties"]["proof"]) <= articles
    states = {e["properties"]["alias"][0]: e for e in by_schema["PublicBody"]}
    assert states["PRK"]["properties"]["country"] == ["kp"]


def test_api_serves_the_same_exports(kb):
    from starlette.testclient import TestClient

    from armstrace.present.api import create_app
    with TestClient(create_app(kb.url)) as client:
        response = client.get("/export/csv", params={"what": "claims"})
        assert response.status_code == 200
        assert response.content == exported(kb, "csv", "claims")
        assert "armstrace-claims.csv" in response.headers["content-disposition"]
        gexf = client.get("/export/gexf")
        assert nx.read_gexf(io.BytesIO(gexf.content)).number_of_nodes() == 7


def test_cli_parquet_needs_a_file(cli, kb):
    refused = cli("export", "--format", "parquet", "--db", kb.url)
    assert refused.exit_code == 2 and "--out" in " ".join(refused.stderr.split())
