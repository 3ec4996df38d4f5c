"""GraphML (networkx writer): opens in Gephi, yEd, Cytoscape desktop; read back by
``networkx.read_graphml``."""
from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from .graph import knowledge_graph


def write(store, out: BinaryIO, what: str = "events") -> None:
    nx.write_graphml(knowledge_graph(store), out, encoding="utf-8", named_key_ids=True)
