"""Tests of the knowledge base: events, registers, compare, re-extraction."""
