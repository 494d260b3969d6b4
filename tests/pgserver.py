"""A throwaway PostgreSQL server for the tests (and the benchmark): initdb + pg_ctl into a
temporary folder, TCP on 127.0.0.1 at a free port, the socket in that folder, stopped and
deleted at the end. Nothing is installed or downloaded here: the server binaries come from
the system (Debian's ``postgresql`` package puts them under /usr/lib/postgresql/*/bin;
``$STORYLINE_PG_BIN`` names another folder). PostgreSQL refuses to run as root, so as root
the server runs as the ``postgres`` system user (or ``nobody``).

:func:`start_or_skip` gives the reason in words when no server can be started; the tests skip
with it, unless ``$STORYLINE_REQUIRE_PG`` is set (CI), where they fail instead.

Example::

    server = start_server()
    url = server.create_database("t1")     # postgresql://postgres@127.0.0.1:PORT/t1
    ...
    server.stop()
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

REQUIRE_ENV = "STORYLINE_REQUIRE_PG"
BIN_ENV = "STORYLINE_PG_BIN"


class Unavailable(Exception):
    """Why no server could be started, in words."""


def find_bin() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: $STORYLINE_PG_BIN, the newest
    /usr/lib/postgresql/*/bin, or the PATH."""
    if os.environ.get(BIN_ENV):
        return Path(os.environ[BIN_ENV])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> tuple[int, int] | None:
    """(uid, gid) of the unprivileged user the server runs as when we are root."""
    if os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_uid, entry.pw_gid
    raise Unavailable("running as root and neither a 'postgres' nor a 'nobody' user exists "
                      "to run the server as")


class Server:
    """A running throwaway server; :meth:`create_database` gives a fresh database's URL."""

    def __init__(self, bin_dir: Path, folder: Path, port: int, owner: tuple[int, int] | None):
        self.bin_dir, self.folder, self.port, self.owner = bin_dir, folder, port, owner
        self.data = folder / "data"
        self.log = folder / "server.log"

    def _cmd(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.owner:
            kwargs = {"user": self.owner[0], "group": self.owner[1], "extra_groups": []}
        return subprocess.run([str(self.bin_dir / args[0]), *args[1:]], capture_output=True,
                              text=True, check=check, cwd=self.folder, timeout=120, **kwargs)

    def start(self) -> None:
        try:
            self._cmd("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
            self._cmd("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                      "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                            f"-c fsync=off -c full_page_writes=off -c max_connections=200",
                      "start")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            out = getattr(exc, "stderr", "") or ""
            log = self.log.read_text(errors="replace")[-500:] if self.log.exists() else ""
            raise Unavailable(f"could not start a PostgreSQL server with {self.bin_dir}: "
                              f"{' '.join((str(exc) + ' ' + out + ' ' + log).split())[:600]}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new, empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop",
                      check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> Server:
    """Start a throwaway server, or raise Unavailable saying why not."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable("the psycopg driver is not installed (pip install "
                          "'storyline[postgres]')") from None
    bin_dir = find_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) found under "
                          "/usr/lib/postgresql/*/bin or on PATH: install Debian's postgresql "
                          f"package, or point ${BIN_ENV} at them")
    owner = _run_as()
    # its own folder under /tmp (not pytest's, which the server's user cannot enter)
    folder = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    if owner:
        os.chown(folder, *owner)
    server = Server(bin_dir, folder, _free_port(), owner)
    try:
        server.start()
    except Unavailable:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def start_or_skip() -> Server:
    """:func:`start_server` for a pytest fixture: skips with the reason (fails under
    $STORYLINE_REQUIRE_PG)."""
    import pytest

    try:
        return start_server()
    except Unavailable as exc:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"${REQUIRE_ENV} is set but {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
