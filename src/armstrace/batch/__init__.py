"""Batch extraction on a Dask cluster: partitions of a corpus extracted by workers,
written as Parquet, loaded in bulk into the store, merged into events."""
from .driver import BatchResult, cluster_client, run_batch
from .partitions import Partition, plan

__all__ = ["BatchResult", "cluster_client", "run_batch", "Partition", "plan"]
