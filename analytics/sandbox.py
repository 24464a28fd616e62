"""The SQL sandbox shared by the SQL page and ``python -m analytics sql``.

Why: researchers want to ask the warehouse their own questions in SQL, and a text box
that runs arbitrary SQL inside the app would let anyone read files, leak settings or
stall the server. Here every query runs in a worker process (analytics/sandbox_worker.py)
that checks it with DuckDB's own parser, runs it on a locked-down read-only connection
under an OS memory limit, and is killed at its deadline. The app's own process only
sends text and receives an Arrow table, so one runaway query never blocks other users.

A small pool keeps warm workers (python + duckdb + pyarrow start in ~0.2 s, a query on
a warm worker in a few ms); a killed worker is replaced in the background.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.warehouse.paths import current_version, resolve_db_path

WORKER = Path(__file__).with_name("sandbox_worker.py")
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_ROWS = 10_000  # rows shown on the page
DOWNLOAD_MAX_ROWS = 1_000_000  # rows in a download and in the CLI
MAX_RESULT_BYTES = 256 * 2**20  # Arrow bytes a result may bring into the app, whatever its row count
HOW_TO_BUILD = "build one with `make run` or `python -m etl demo`"


class SandboxError(Exception):
    """A refused or failed query: ``message`` is one line, ``kind`` one of KINDS."""

    KINDS = ("refused", "error", "timeout", "memory")

    def __init__(self, message: str, kind: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind

    def __str__(self) -> str:
        return self.message


class NoWarehouseError(SandboxError):
    """No published warehouse at the configured path."""


@dataclass(frozen=True)
class QueryResult:
    table: pa.Table
    total_rows: int | None  # all rows the query produced; None when more than the count cap
    truncated: bool  # True when table holds fewer rows than the query produced
    elapsed_s: float

    @property
    def row_count(self) -> int:
        return self.table.num_rows


class _Worker:
    """One worker process and its two pipes."""

    def __init__(self, address_mb: int, memory_mb: int, threads: int) -> None:
        env = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"}
        self.proc = subprocess.Popen(
            [sys.executable, "-I", str(WORKER), str(address_mb), str(memory_mb), str(threads)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd="/", env=env, start_new_session=True,
        )
        self._read(time.monotonic() + 30.0)  # the ready frame

    def _read_exact(self, size: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        fd, chunks, got = self.proc.stdout.fileno(), [], 0
        while got < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def _read(self, deadline: float) -> bytes:
        (size,) = struct.unpack(">I", self._read_exact(4, deadline))
        return self._read_exact(size, deadline)

    def ask(self, request: dict[str, object], deadline: float) -> tuple[dict[str, object], bytes]:
        assert self.proc.stdin is not None
        payload = json.dumps(request).encode()
        self.proc.stdin.write(struct.pack(">I", len(payload)) + payload)
        self.proc.stdin.flush()
        header = json.loads(self._read(deadline))
        return header, (self._read(deadline) if header.get("ok") else b"")

    def kill(self) -> None:
        """SIGKILL now; reap in the background so the caller's answer is not delayed."""
        if self.proc.poll() is None:
            self.proc.kill()
        threading.Thread(target=self._reap, daemon=True).start()

    def _reap(self) -> None:
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


class SandboxPool:
    """Warm worker processes; ``run`` is safe to call from many threads at once."""

    def __init__(self, size: int = 2, max_busy: int = 4, memory_mb: int = 1024,
                 address_mb: int = 3072, threads: int = 2) -> None:
        self.size, self.memory_mb, self.address_mb, self.threads = size, memory_mb, address_mb, threads
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._busy = threading.BoundedSemaphore(max_busy)
        self._closed = False

    def _spawn(self) -> _Worker:
        return _Worker(self.address_mb, self.memory_mb, self.threads)

    def warm(self) -> None:
        """Start workers in the background until ``size`` are idle."""
        threading.Thread(target=self._refill, daemon=True).start()

    def _refill(self) -> None:
        while not self._closed:
            with self._lock:
                if len(self._idle) >= self.size:
                    return
            worker = self._spawn()
            with self._lock:
                if self._closed or len(self._idle) >= self.size:
                    worker.kill()
                    return
                self._idle.append(worker)

    def _replace(self) -> None:
        if self.size and not self._closed:
            self.warm()

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.proc.poll() is None:
                    return worker
                worker.kill()
        return self._spawn()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.size:
                self._idle.append(worker)
                return
        worker.kill()

    def run(self, db_file: Path, sql: str, timeout_s: float = DEFAULT_TIMEOUT_S,
            max_rows: int = DEFAULT_MAX_ROWS, count_cap: int = DOWNLOAD_MAX_ROWS) -> QueryResult:
        start = time.monotonic()
        deadline = start + timeout_s
        if not self._busy.acquire(timeout=timeout_s):
            raise SandboxError("the SQL sandbox is busy with other queries; try again shortly", "timeout")
        try:
            try:
                worker = self._take()
            except (TimeoutError, EOFError, OSError, struct.error):
                raise SandboxError("the query process could not start; see the server log", "error") from None
            request = {"db": str(db_file), "sql": sql, "max_rows": max_rows, "count_cap": count_cap,
                       "max_bytes": MAX_RESULT_BYTES}
            try:
                header, body = worker.ask(request, deadline)
            except TimeoutError:
                worker.kill()
                self._replace()
                raise SandboxError(f"stopped: the query ran longer than {timeout_s:g} s", "timeout") from None
            except (EOFError, OSError, ValueError, struct.error):
                worker.kill()
                self._replace()
                raise SandboxError(
                    "the query process ended without an answer, most likely because it needed more "
                    f"memory than the sandbox allows ({self.address_mb} MB)", "memory") from None
            self._give_back(worker)
        finally:
            self._busy.release()
        if not header.get("ok"):
            raise SandboxError(str(header.get("message")), str(header.get("kind", "error")))
        table = pa.ipc.open_stream(body).read_all()
        total = header.get("total_rows")
        return QueryResult(table, total if isinstance(total, int) else None,
                           bool(header.get("truncated")), time.monotonic() - start)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


_default: SandboxPool | None = None
_default_lock = threading.Lock()


def default_pool() -> SandboxPool:
    """The process-wide pool (created and warmed on first use, closed at exit)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = SandboxPool()
            _default.warm()
            atexit.register(_default.close)
        return _default


def warehouse_file(db: str | os.PathLike[str] | None = None) -> Path:
    """The published version file to open, or NoWarehouseError saying how to make one."""
    path = resolve_db_path(db).absolute()
    version = current_version(path)
    if version is None:
        raise NoWarehouseError(f"no warehouse at {path}: {HOW_TO_BUILD}")
    return version


def run_query(sql: str, db: str | os.PathLike[str] | None = None, *, timeout_s: float = DEFAULT_TIMEOUT_S,
              max_rows: int = DEFAULT_MAX_ROWS, pool: SandboxPool | None = None) -> QueryResult:
    """Run one researcher's query in the sandbox; raise SandboxError with one line on refusal or failure."""
    if not sql or not sql.strip():
        raise SandboxError("refused: the query is empty", "refused")
    version = warehouse_file(db)
    return (pool or default_pool()).run(version, sql, timeout_s, max_rows, max(max_rows, DOWNLOAD_MAX_ROWS))


@dataclass(frozen=True)
class CatalogColumn:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    kind: str  # "table" or "view"
    description: str
    columns: tuple[CatalogColumn, ...]


def schema_catalog(db: str | os.PathLike[str] | None = None) -> list[CatalogEntry]:
    """Tables and views with columns, types and COMMENT descriptions (trusted, read-only)."""
    version = warehouse_file(db)
    try:
        con = duckdb.connect(str(version), read_only=True)
    except duckdb.Error as exc:
        raise SandboxError(f"cannot open the warehouse: {str(exc).splitlines()[0]}") from None
    try:
        objects = con.execute(
            "SELECT table_name, 'table', coalesce(comment, '') FROM duckdb_tables() "
            "WHERE database_name = current_database() AND schema_name = 'main' UNION ALL "
            "SELECT view_name, 'view', coalesce(comment, '') FROM duckdb_views() WHERE NOT internal "
            "AND database_name = current_database() AND schema_name = 'main' ORDER BY 2 DESC, 1").fetchall()
        columns = con.execute(
            "SELECT table_name, column_name, data_type, coalesce(comment, '') FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal "
            "ORDER BY table_name, column_index").fetchall()
    finally:
        con.close()
    by_table: dict[str, list[CatalogColumn]] = {}
    for table, name, dtype, comment in columns:
        by_table.setdefault(table, []).append(CatalogColumn(name, dtype, comment))
    return [CatalogEntry(name, kind, comment, tuple(by_table.get(name, ()))) for name, kind, comment in objects]
