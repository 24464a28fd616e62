"""The posting lake: the load's extraction run by a distributed engine into partitioned Parquet.

Why: when one machine is not enough, a team runs the extraction on the cluster it already has
(Dask, Ray, Spark) and keeps the same guarantees and the same answers. ``build`` stages inputs,
maps :func:`etl.lake.batches.lake_batch` on an engine (``engines``) and commits a lake version
(``store``); ``publish`` dedupes the whole lake in DuckDB and publishes a warehouse version as a
load does. See docs/scale-out.md.
"""
