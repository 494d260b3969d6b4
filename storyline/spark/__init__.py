"""Storyline on Spark: CC-NEWS scale extraction and enrichment (``storyline spark``),
and bringing its Parquet output into an archive (``storyline load``).

Modules: ``inputs`` (WARC paths and record splits), ``schema`` (the Parquet
tables), ``job`` (the PySpark job, also runnable with ``spark-submit``), ``load``
(Parquet output into an archive), ``cli`` (the commands).
"""
