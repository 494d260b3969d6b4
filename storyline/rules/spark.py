"""Settings of the Spark job (``storyline spark``) and of ``storyline load``.

Example::

    from storyline.rules import spark as rules
    rules.TASKS_PER_CORE
"""
from __future__ import annotations

#: A local WARC is cut into splits of whole records so that one big file keeps
#: every core busy: at least TASKS_PER_CORE splits per core (small tasks even out
#: slow pages), each at most MAX_RECORDS_PER_SPLIT records (a retried task
#: redoes little work).
TASKS_PER_CORE = 4
MAX_RECORDS_PER_SPLIT = 500

#: Value of the ``published_date`` partition column for articles without a
#: readable publication date (Hive partition values must not be empty).
UNKNOWN_DATE = "unknown"

#: Schemes a WARC input may have besides a local path.
REMOTE_SCHEMES = ("https://", "http://", "s3a://", "s3://")

#: Endings of a CC-NEWS style list of WARC paths (one path a line).
PATH_LIST_ENDINGS = ("warc.paths", "warc.paths.gz", ".paths", ".paths.gz")

#: Endings of WARC files picked up from a directory input.
WARC_ENDINGS = (".warc", ".warc.gz", ".arc", ".arc.gz")

#: Default master of ``storyline spark`` (every local core); a cluster run names
#: its own with --master or through spark-submit.
DEFAULT_MASTER = "local[*]"

#: Spark settings of ``storyline spark``: no web UI (nothing listens on a port) nor
#: progress bars, few shuffle partitions (the job writes, it does not shuffle much).
SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.python.worker.reuse": "true",
}

#: ``storyline load`` reads the articles table this many rows at a time.
LOAD_BATCH_ROWS = 256
