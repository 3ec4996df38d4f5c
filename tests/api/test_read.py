"""The read endpoints: documents, claims, events with their evidence, actors, network."""
from __future__ import annotations


def test_documents_are_paginated_and_one_has_its_text(client):
    first = client.get("/documents", params={"limit": 2}).json()
    assert first["total"] == 5 and len(first["items"]) == 2 and first["next_offset"] == 2
    last = client.get("/documents", params={"limit": 2, "offset": 4}).json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    doc = client.get(f"/documents/{first['items'][0]['id']}").json()
    assert "Bayraktar TB2" in doc["text"] and doc["title"] == "TB2s arrive"


def test_claims_take_every_claim_filter(client):
    by_actor = client.get("/claims", params={"actor": "PRK", "role": "supplier"}).json()
    assert {c["supplier"] for c in by_actor["items"]} == {"PRK"} and by_actor["total"] == 2
    hedged = client.get("/claims", params={"assertion": "hypothetical"}).json()["items"]
    assert [(c["supplier"], c["item"]) for c in hedged] == [("RUS", "space")]
    dated = client.get("/claims", params={"date_from": "2024", "type": "transfer"}).json()
    assert [c["item"] for c in dated["items"]] == ["uav"]
    quote = dated["items"][0]["evidence"]["quote"]
    assert quote.startswith("Chinese firms sold small drones")


def test_events_filter_paginate_and_explain(client):
    contested = client.get("/events", params={"assertion": "contested"}).json()
    assert contested["total"] == 1
    event = contested["items"][0]
    assert event["keys"] == {"supplier": "PRK", "recipient": "RUS", "item": "ammunition"}
    assert event["n_sources"] == 2
    two_sources = client.get("/events", params={"min_sources": 2}).json()["items"]
    assert [e["id"] for e in two_sources] == [event["id"]]
    page = client.get("/events", params={"limit": 3, "offset": 3}).json()
    assert page["total"] == 8 and len(page["items"]) == 3 and page["next_offset"] == 6
    claims = client.get(f"/events/{event['id']}/claims").json()
    assert {c["assertion"] for c in claims} == {"reported", "denied"}
    assert all(c["title"] and c["evidence"]["quote"] for c in claims)
    why = client.get(f"/events/{event['id']}/explain").json()
    assert why["rule"]["key_fields"] == ["supplier", "recipient", "item"]
    assert len(why["claims"]) == 2


def test_actors_have_names_and_activity(client):
    actors = {a["code"]: a for a in client.get("/actors").json()}
    assert actors["PRK"]["name"] == "North Korea"
    assert actors["RUS"]["events"] == 6 and actors["RUS"]["by_type"]["transfer"] == 3
    assert actors["EU"]["kind"] == "organisations"
    one = client.get("/actors/CHN").json()
    assert one["by_role"] == {"supplier": 1, "participants": 1}


def test_network_aggregates_edges_and_marks_hedged_ones(client):
    net = client.get("/network").json()
    assert {n["id"] for n in net["nodes"]} == {"CHN", "EU", "IRN", "POL", "PRK", "ROU", "RUS",
                                                "TUR", "UKR"} - {"POL", "ROU"}
    edges = {e["id"]: e for e in net["edges"]}
    assert edges["RUS|PRK|transfer|proposed|h"]["hedged"] is True
    assert edges["CHN|RUS|transfer|delivered|c"]["items"] == ["uav"]
    exercise = [e for e in net["edges"] if e["type"] == "exercise"]
    assert len(exercise) == 3 and not any(e["directed"] for e in exercise)
    assert len(net["timeline"]) == net["n_events"] == 8
    only_uav = client.get("/network", params={"item": "uav"}).json()
    assert {(e["source"], e["target"]) for e in only_uav["edges"]} == {("CHN", "RUS"), ("TUR", "UKR")}


def test_edge_lists_the_events_behind_it(client):
    found = client.get("/network/edge", params={"a": "CHN", "b": "RUS", "edge_type": "transfer"}).json()
    assert [e["label"] for e in found] == ["CHN \u2192 RUS: uav"]
    none = client.get("/network/edge", params={"a": "CHN", "b": "RUS", "hedged": True}).json()
    assert none == []


def test_meta_lists_codes_from_the_ontology(client):
    from armstrace.ontology import ontology
    meta = client.get("/meta").json()
    assert meta["code_lists"]["item"] == list(ontology().codes("item"))
    assert meta["date_range"] == ["2022-02", "2024-06-20"]


def test_analyses_answer(client):
    dossier = client.get("/analyses/dossier/PRK").json()
    assert "RUS" in dossier["recipients"]
    assert isinstance(client.get("/analyses/breaches").json(), list)
    risk = client.get("/analyses/risk", params={"supplier": "USA", "recipient": "UKR",
                                                "item": "uav", "as_of": "2024"}).json()
    assert risk["as_of"] == "2024-12-31" and "level" in risk
    blocs = client.get("/analyses/blocs", params={"window": "year"}).json()
    assert [w["window"] for w in blocs["windows"]] == ["2022", "2023", "2024"]


def test_openapi_enums_come_from_the_ontology(client):
    from armstrace.ontology import ontology
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    schemas = spec["components"]["schemas"]
    item_enum = schemas[params["item"]["schema"]["anyOf"][0]["$ref"].split("/")[-1]]["enum"]
    assert item_enum == list(ontology().codes("item"))
    assert {"/documents", "/claims", "/events/{event_id}/claims", "/actors", "/ingest",
            "/analyses/breaches", "/export/{format}"} <= set(spec["paths"])
