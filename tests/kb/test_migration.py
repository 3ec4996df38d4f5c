"""Schema step 2 adds the knowledge-base tables to a version-1 database."""
from __future__ import annotations

from sqlalchemy import inspect

from armstrace.store import Store
from armstrace.store.events import events, merge_new_claims
from armstrace.store.migrations import STEPS

from .kb_helpers import PAD, add_doc


def test_version_1_database_gains_event_tables(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        with store.engine.begin() as conn:
            for table in ("event_actors", "event_claims", "events"):
                conn.exec_driver_sql(f"DROP TABLE {table}")
            conn.exec_driver_sql("UPDATE schema_info SET value = '1' WHERE key = 'version'")
        add_doc(store, "Iran sent drones to Russia." + PAD, [
            {"type": "transfer", "supplier": "IRN", "recipient": "RUS", "item": "uav",
             "quote": "Iran sent drones"}], date="2022-09-01")
    with Store(path) as store:
        assert store.schema_version == STEPS[-1][0]
        assert {"events", "event_claims", "event_actors"} <= set(inspect(store.engine).get_table_names())
        assert merge_new_claims(store)["claims"] == 1      # old claims merge like new ones
        assert events(store)[0].keys == {"supplier": "IRN", "recipient": "RUS", "item": "uav"}
