"""GEXF 1.2 (networkx writer): Gephi's own format; read back by ``networkx.read_gexf``."""
from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from .graph import knowledge_graph


def write(store, out: BinaryIO, what: str = "events") -> None:
    nx.write_gexf(knowledge_graph(store), out, encoding="utf-8")
