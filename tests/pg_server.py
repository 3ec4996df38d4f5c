"""A throwaway PostgreSQL server for the tests, from Debian's server binaries.

``initdb`` and ``pg_ctl`` refuse to run as root, so when the tests run as root (CI)
the server runs as an unprivileged system user (``armstrace-pg``, created if absent,
else ``nobody``) that owns the temporary directory. The server listens on a free
port of 127.0.0.1 with its socket in the temporary directory and trusts local
connections; :meth:`PgServer.stop` shuts it down (fast) and removes the directory.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SERVER_USER = "armstrace-pg"
SUPERUSER = "postgres"


def find_bindir() -> Path | None:
    """The folder of ``initdb``: $PG_BINDIR, PATH, or the newest /usr/lib/postgresql/N/bin."""
    candidates = [os.environ.get("PG_BINDIR", "")]
    on_path = shutil.which("initdb")
    candidates.append(str(Path(on_path).parent) if on_path else "")
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                         else 0, reverse=True)
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_user() -> str | None:
    """The user to run the server as: None when not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
        return SERVER_USER
    except KeyError:
        pass
    made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                           "/usr/sbin/nologin", SERVER_USER], capture_output=True)
    return SERVER_USER if made.returncode == 0 else "nobody"


class PgServer:
    """``start()`` a server, ``url(db)`` to reach a database, ``create_database(name)``,
    ``stop()``."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.user = server_user()
        self.root = Path(tempfile.mkdtemp(prefix="armstrace-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.started = False

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              cwd=self.root)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}\n"
                               f"{tail}")
        return done

    def start(self, durable: bool = False) -> "PgServer":
        """Start the server; ``durable`` keeps fsync and synchronous commits (benchmarks),
        else they are off (tests: nothing here must survive a crash)."""
        if self.user:
            self.root.chmod(0o755)
            shutil.chown(self.root, self.user)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  "--no-sync", *self._locale())
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c max_connections=60"
        if not durable:
            options += " -F -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-t", "60", "-o", options, "start")
        self.started = True
        return self

    def _locale(self) -> list[str]:
        """ICU root collation where the build has it (like a server set up with a real
        language's collation, not byte order), else C.UTF-8."""
        help_text = subprocess.run([str(self.bindir / "initdb"), "--help"], capture_output=True,
                                   text=True).stdout
        if "--locale-provider" in help_text:
            return ["--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=und"]
        return ["--locale=C.UTF-8"]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; return its URL."""
        import psycopg
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={SUPERUSER} "
                             "dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            if self.started:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop",
                          timeout=60)
                self.started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
