"""Tests of batch extraction on a Dask cluster and of bulk loading."""
