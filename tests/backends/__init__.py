"""Tests of the store on both engines (SQLite, PostgreSQL) and of concurrent writers."""
