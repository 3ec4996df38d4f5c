"""Schema step 3: a database whose claims carry the fingerprint as a table constraint
and full secondary indexes (versions 1-2) gets a unique index of its own and partial
indexes, claims and event links untouched."""
from __future__ import annotations

from sqlalchemy import inspect, text

from armstrace.store import Store, schema
from armstrace.store.events import events, merge_new_claims
from armstrace.store.migrations import STEPS

from .kb_helpers import PAD, add_doc


def _to_version_2(store: Store) -> None:
    """Put the fingerprint key back as version 2 had it: a UNIQUE table constraint."""
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX uq_claims_fingerprint")
            conn.exec_driver_sql("ALTER TABLE claims ADD CONSTRAINT uq_claims_fingerprint "
                                 "UNIQUE (fingerprint)")
            for ix in schema.claims.indexes:
                if not ix.unique:
                    conn.exec_driver_sql(f"DROP INDEX {ix.name}")
                    conn.exec_driver_sql(_full(schema.index_sql(ix, "postgresql")))
            conn.exec_driver_sql("UPDATE schema_info SET value = '2' WHERE key = 'version'")
        return
    raw = store.engine.raw_connection()
    db = raw.driver_connection
    db.isolation_level = None
    db.execute("PRAGMA foreign_keys=OFF")
    ddl = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    old = ddl.replace("CREATE TABLE claims", "CREATE TABLE claims_v2").rstrip().rstrip(")") \
        + ", CONSTRAINT uq_claims_fingerprint UNIQUE (fingerprint))"
    db.execute("BEGIN")
    db.execute(old)
    db.execute("INSERT INTO claims_v2 SELECT * FROM claims")
    db.execute("DROP TABLE claims")
    db.execute("ALTER TABLE claims_v2 RENAME TO claims")
    for ix in schema.claims.indexes:
        if not ix.unique:
            db.execute(_full(schema.index_sql(ix, "sqlite")))
    db.execute("UPDATE schema_info SET value = '2' WHERE key = 'version'")
    db.execute("COMMIT")
    db.execute("PRAGMA foreign_keys=ON")
    raw.close()


def _full(ddl: str) -> str:
    return ddl.split(" WHERE ")[0]


def _partial(store: Store) -> set[str]:
    """Names of the claims table's partial indexes."""
    if store.engine.dialect.name == "postgresql":
        q = "SELECT indexname FROM pg_indexes WHERE tablename = 'claims' AND indexdef LIKE :w"
    else:
        q = "SELECT name FROM sqlite_master WHERE tbl_name = 'claims' AND sql LIKE :w"
    with store.engine.connect() as conn:
        return set(conn.execute(text(q), {"w": "%WHERE%"}).scalars())


def _fingerprint_indexes(store: Store) -> list[dict]:
    return [ix for ix in inspect(store.engine).get_indexes("claims")
            if ix["column_names"] == ["fingerprint"]]


def test_version_2_database_gets_the_fingerprint_index(store_url):
    with Store(store_url) as store:
        add_doc(store, "Iran sent drones to Russia." + PAD, [
            {"type": "transfer", "supplier": "IRN", "recipient": "RUS", "item": "uav",
             "quote": "Iran sent drones"}], date="2022-09-01")
        add_doc(store, "France delivered Rafale jets to India." + PAD, [
            {"type": "transfer", "supplier": "FRA", "recipient": "IND", "item": "aircraft",
             "quote": "France delivered Rafale jets"}], date="2022-10-01")
        merge_new_claims(store)
        _to_version_2(store)
        assert _partial(store) == set()
        with store.engine.connect() as conn:
            before = conn.execute(text("SELECT id, fingerprint FROM claims ORDER BY id")).all()
            links = conn.execute(text("SELECT count(*) FROM event_claims")).scalar_one()
    with Store(store_url) as store:
        assert store.schema_version == STEPS[-1][0]
        found = _fingerprint_indexes(store)
        assert [ix["name"] for ix in found] == ["uq_claims_fingerprint"] and found[0]["unique"]
        assert inspect(store.engine).get_unique_constraints("claims") == []
        assert _partial(store) == {"ix_claims_supplier", "ix_claims_recipient", "ix_claims_date"}
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT id, fingerprint FROM claims ORDER BY id")).all() \
                == before
            assert conn.execute(text("SELECT count(*) FROM event_claims")).scalar_one() \
                == links == 2
        assert len(events(store)) == 2
        again = add_doc(store, "Iran sent drones to Russia." + PAD, [
            {"type": "transfer", "supplier": "IRN", "recipient": "RUS", "item": "uav",
             "quote": "Iran sent drones"}], date="2022-09-01", version="t2")
        assert again is not None and store.counts()["claims"] == 3   # new version: new key


def test_partial_indexes_serve_lookups_with_bound_values(tmp_path):
    """Rows without a value are left out of these indexes; a lookup by value (bound
    as a parameter, as the store's queries do) still uses them."""
    with Store(tmp_path / "kb.db") as store:
        db = store.engine.raw_connection()
        try:
            for column, index in (("supplier", "ix_claims_supplier"),
                                  ("recipient", "ix_claims_recipient"), ("date", "ix_claims_date")):
                plan = db.driver_connection.execute(
                    f"EXPLAIN QUERY PLAN SELECT id FROM claims WHERE {column} = ?",
                    ("RUS",)).fetchall()
                assert index in " ".join(str(row[-1]) for row in plan), (column, plan)
        finally:
            db.close()
