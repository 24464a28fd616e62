"""The SQL sandbox shared by the SQL page and ``python -m analytics sql``.

Why: researchers want to ask the warehouse their own questions in SQL, and a text box
that runs arbitrary SQL inside the app would let anyone read files, leak settings or
stall the server. Here every query runs in a worker process (analytics/sandbox_worker.py)
that checks it with DuckDB's own parser, runs it on a locked-down read-only connection
under an OS memory limit, and is killed at its deadline. The app's own process only
sends text and receives an Arrow table, so one runaway query never blocks other users. Before
that, the app's process makes every refusal that needs only DuckDB's parser (``precheck``, on an
in-memory connection, no data read), so a refused query is told at once even while every worker is
busy; the worker checks the whole query again.

A small pool keeps warm workers (python + duckdb + pyarrow start in ~0.2 s, a query on
a warm worker in a few ms); a killed or retired worker is replaced in the background.
Queries wait in a fair line for a worker, and the time limit starts when a worker is
theirs; it counts the query's own run, not the time its worker (at the lowest priority) waits
for a processor other work holds, up to a wall-clock limit. Downloads are built in a worker
too, streamed to the app in chunks.
"""

from __future__ import annotations

import atexit
import functools
import json
import logging
import math
import os
import select
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb
import pyarrow as pa

from analytics.sandbox_worker import Refused, check_query, setup_statements
from etl.warehouse.paths import current_version, resolve_db_path

WORKER = Path(__file__).with_name("sandbox_worker.py")
READY_S = 30.0  # the most a new worker may take to say it is ready
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_ROWS = 10_000  # rows shown on the page
DOWNLOAD_MAX_ROWS = 1_000_000  # rows in a download and in the CLI
MAX_RESULT_BYTES = 256 * 2**20  # Arrow bytes a result may bring into the app, whatever its row count
MAX_DOWNLOAD_BYTES = 256 * 2**20  # a page download stops at whole rows past this size, and says so
EXCEL_MAX_ROWS = 100_000  # Excel files are for people; beyond this, CSV or Parquet (the file says so)
EXPORT_FORMATS = ("csv", "parquet", "xlsx")
EXPORT_TIMEOUT_S = 60.0
QUEUE_TIMEOUT_S = 60.0  # longest wait in line for a worker before "busy"
WALL_LIMIT_S = 30.0  # the least wall-clock time a query gets whatever the machine (3x its own limit if more)
COUNT_BUDGET_S = 1.0  # time spent counting rows beyond those shown (then "more than N")
TIMEOUT_ENV = "SQL_TIMEOUT_S"  # the SQL page's time limit, from the server's environment (never the UI)
# Its ceiling: a download runs the query again at EXPORT_TIMEOUT_S, so a query the page ran downloads too
MAX_TIMEOUT_S = EXPORT_TIMEOUT_S
HOW_TO_BUILD = "build one with `make run` or `python -m etl demo`"
log = logging.getLogger(__name__)


def timeout_from(environ: Mapping[str, str]) -> float:
    """The SQL page's time limit in seconds: ``SQL_TIMEOUT_S`` in ``environ``, DEFAULT_TIMEOUT_S when unset or
    blank. A value that is not a number of seconds in (0, MAX_TIMEOUT_S] keeps the default, with a warning in
    the log naming it. Why not an error: the setting is one page's, and a server that refused to start for it
    would take every chart page down with the SQL page; the warning is in the server's log at its start
    (ui.serve reads it first) and the page's own line states the limit it runs with. Pure but for the log."""
    raw = environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT_S
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT_S:  # NaN fails too
        log.warning("%s=%r is not a number of seconds above 0 and at most %g: the SQL page's time limit "
                    "stays %g s", TIMEOUT_ENV, raw, MAX_TIMEOUT_S, DEFAULT_TIMEOUT_S)
        return DEFAULT_TIMEOUT_S
    return seconds


@functools.cache
def page_timeout_s() -> float:
    """The SQL page's time limit, read from the environment once, at the first use (ui.serve: at start)."""
    return timeout_from(os.environ)


class ByteSink(Protocol):
    """Where a download goes: a BytesIO, a file, standard output's buffer."""

    def write(self, data: bytes, /) -> object: ...


class SandboxError(Exception):
    """A refused or failed query: ``message`` is one line, ``kind`` one of KINDS."""

    KINDS = ("refused", "error", "timeout", "memory", "busy")

    def __init__(self, message: str, kind: str = "error", cpu_wait_s: float = 0.0) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.cpu_wait_s = cpu_wait_s  # a stopped query's time waiting for a processor (not counted)

    def __str__(self) -> str:
        return self.message


class NoWarehouseError(SandboxError):
    """No published warehouse at the configured path."""


@dataclass(frozen=True)
class QueryResult:
    table: pa.Table
    total_rows: int | None  # all rows the query produced; None when more than ``counted`` (not all counted)
    truncated: bool  # True when table holds fewer rows than the query produced
    elapsed_s: float
    counted: int = 0  # rows seen: the total when total_rows is set, else a lower bound
    waited_s: float = 0.0  # time in line for a worker (not part of the time limit)
    worker_pid: int = 0  # the worker process that answered (for the server log)
    ran_s: float = 0.0  # the query's own run (processor time, see _RunLimit), within the time limit

    @property
    def row_count(self) -> int:
        return self.table.num_rows


@dataclass(frozen=True)
class ExportResult:
    rows: int  # rows in the file
    truncated: bool  # the result had more rows than the file holds
    capped: str  # why it stopped early: "rows" (the row cap) or "bytes" (the size cap); "" when complete
    elapsed_s: float


def _cpu_s(pid: int) -> tuple[float, float]:
    """(processor seconds of the worker's main thread, of all its threads); (0, 0) where the kernel
    does not say (the limit is then wall-clock time)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/schedstat") as f:
            main = int(f.read().split()[0]) / 1e9
        with open(f"/proc/{pid}/stat") as f:
            utime, stime = f.read().rsplit(")", 1)[1].split()[11:13]
        return main, (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0, 0.0


class _RunLimit:
    """A query's time limit counted on its own run, not on the machine's other work. The worker runs
    at the lowest priority, so on a busy machine a count DuckDB answers in 0.04 s waited 1.4-16 s for a
    processor and was stopped as "ran longer than 10 s" (QA round twenty-three; beside a busy loop
    of another session the worker gets about 1.5% of a core). Its run is the processor time it used:
    its main thread's, or its threads' together over the ``threads`` DuckDB may use, whichever is
    more (a runaway query on an idle machine is stopped at its limit as before). ``wall_s`` of
    wall-clock time end it anyway (the server too busy to let it run). Where the kernel does not
    give processor times the limit is wall-clock time."""

    def __init__(self, pid: int, run_s: float, wall_s: float, threads: int) -> None:
        self.pid, self.run_s, self.wall_s, self.threads = pid, run_s, max(wall_s, run_s), max(1, threads)
        self.start, self.cpu0 = time.monotonic(), _cpu_s(pid)
        self.measured = os.path.exists(f"/proc/{pid}/task/{pid}/schedstat")

    def ran(self) -> float:
        wall = time.monotonic() - self.start
        if not self.measured:
            return wall
        main, every = _cpu_s(self.pid)
        return min(wall, max(main - self.cpu0[0], (every - self.cpu0[1]) / self.threads))

    def waited(self) -> float:
        """Wall-clock time not counted as the query's run (it waited for a processor)."""
        return max(0.0, time.monotonic() - self.start - self.ran())

    def left(self) -> float:
        """Seconds the caller may wait before asking again (<= 0: the limit is reached)."""
        wall = time.monotonic() - self.start
        if wall >= self.wall_s:
            return 0.0
        return min(self.run_s - self.ran(), self.wall_s - wall)

    def by_wall(self) -> bool:
        return time.monotonic() - self.start >= self.wall_s


class _Deadline:
    """A plain wall-clock deadline (a worker's start), with _RunLimit's ``left``."""

    def __init__(self, at: float) -> None:
        self.at = at

    def left(self) -> float:
        return self.at - time.monotonic()


class _Worker:
    """One worker process and its two pipes."""

    def __init__(self, address_mb: int, memory_mb: int, threads: int) -> None:
        # MALLOC_ARENA_MAX: opening a DuckDB database starts eight threads (even with threads = 1) and glibc
        # gave each a malloc arena reserving 64 MB of address space - 600 MB of the worker's RLIMIT_AS spent
        # idle, more or less by lock contention, so a wide result failed under load ("ArrowBuffer: failed
        # to allocate"). Two arenas: the worker's peak address space 1.4 GB -> 0.6 GB for the same result.
        env = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8", "MALLOC_ARENA_MAX": "2"}
        self.proc = subprocess.Popen(
            [sys.executable, "-I", str(WORKER), str(address_mb), str(memory_mb), str(threads)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd="/", env=env, start_new_session=True,
        )
        try:
            self._read(_Deadline(time.monotonic() + READY_S))  # the ready frame
        except BaseException:
            # a start that timed out (or failed) left its process running, never used nor told to stop: at
            # load 14 the server held twelve of them, each start adding to the load (QA round twenty-one)
            self.kill()
            raise

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read_exact(self, size: int, limit: _RunLimit | _Deadline) -> bytes:
        assert self.proc.stdout is not None
        fd, chunks, got = self.proc.stdout.fileno(), [], 0
        while got < size:
            left = limit.left()
            if left <= 0:
                raise TimeoutError
            if not select.select([fd], [], [], max(left, 0.02))[0]:
                continue  # asked again: time the worker waited for a processor is given back
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def _read(self, limit: _RunLimit | _Deadline) -> bytes:
        (size,) = struct.unpack(">I", self._read_exact(4, limit))
        return self._read_exact(size, limit)

    def ask(self, request: dict[str, object], limit: _RunLimit,
            on_data: Callable[[bytes], object]) -> dict[str, object]:
        """Send one request; hand each data frame to ``on_data`` as it arrives; return the last header."""
        assert self.proc.stdin is not None
        payload = json.dumps(request).encode()
        self.proc.stdin.write(struct.pack(">I", len(payload)) + payload)
        self.proc.stdin.flush()
        while True:
            header = json.loads(self._read(limit))
            if header.get("done"):
                return dict(header)
            if header.get("body") or header.get("chunk"):
                on_data(self._read(limit))

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


WaitCallback = Callable[[int, bool], object]  # (queries ahead of this one, this session's share is in use)


class _Slots:
    """The pool's running-query slots, handed out first come first served, but never more than
    ``per_session`` to one session, so one user's burst cannot take every slot."""

    def __init__(self, total: int, per_session: int) -> None:
        self.total, self.per_session = total, max(1, min(per_session, total))
        self._cond = threading.Condition()
        self._running: Counter[object] = Counter()
        self._busy = 0
        self._queue: list[tuple[object, object]] = []  # (ticket, session), oldest first

    def _state(self, ticket: object, session: object) -> tuple[int, bool]:
        """Queries ahead of ``ticket`` that could start before it; whether its session is at its share."""
        ahead = 0
        for other, owner in self._queue:
            if other is ticket:
                break
            if self._running[owner] < self.per_session:
                ahead += 1
        return ahead, self._running[session] >= self.per_session

    def acquire(self, session: object, wait_s: float, on_wait: WaitCallback | None) -> float:
        """Wait for a slot (at most ``wait_s``); return the seconds waited."""
        start, ticket, told = time.monotonic(), object(), None
        with self._cond:
            self._queue.append((ticket, session))
        try:
            while True:
                with self._cond:
                    ahead, full = self._state(ticket, session)
                    if not ahead and not full and self._busy < self.total:
                        self._queue.remove((ticket, session))
                        self._busy += 1
                        self._running[session] += 1
                        return time.monotonic() - start
                    left = start + wait_s - time.monotonic()
                    if left <= 0:
                        raise SandboxError(
                            f"the SQL sandbox is busy: {ahead + (self._busy >= self.total)} "
                            f"quer{'y' if ahead == 0 else 'ies'} still ahead of yours after {wait_s:g} s "
                            "of waiting; try again shortly", "busy")
                    if (ahead, full) == told:
                        self._cond.wait(min(left, 1.0))
                        continue
                told = (ahead, full)
                if on_wait is not None:  # outside the lock: the caller may draw something
                    on_wait(ahead, full)
        finally:
            with self._cond:
                if (ticket, session) in self._queue:
                    self._queue.remove((ticket, session))
                    self._cond.notify_all()

    def release(self, session: object) -> None:
        with self._cond:
            self._busy -= 1
            self._running[session] -= 1
            if self._running[session] <= 0:
                del self._running[session]
            self._cond.notify_all()


class SandboxPool:
    """Warm worker processes; ``run`` and ``export`` are safe to call from many threads at once.

    At most ``max_busy`` queries run at once, at most ``per_session`` of them from one session;
    the others wait in line (``queue_timeout_s`` at most), and a query's time limit starts only
    when it gets its worker. A worker that ran out of memory, hit an internal DuckDB error or
    grew past ``rss_limit_mb`` of resident memory is retired, never handed to the next user.
    """

    def __init__(self, size: int = 2, max_busy: int = 4, memory_mb: int = 1024,
                 address_mb: int = 3072, threads: int = 2, per_session: int | None = None,
                 rss_limit_mb: int = 1536, queue_timeout_s: float = QUEUE_TIMEOUT_S) -> None:
        self.size, self.memory_mb, self.address_mb, self.threads = size, memory_mb, address_mb, threads
        self.rss_limit_mb, self.queue_timeout_s = rss_limit_mb, queue_timeout_s
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots = _Slots(max_busy, per_session if per_session is not None else max(1, max_busy // 2))
        self._closed = False
        self.retired: Counter[str] = Counter()  # why workers were retired, for the log and tests

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
            try:
                worker = self._spawn()
            except Exception as exc:  # a query takes a worker of its own then (_take); no traceback here
                log.warning("sandbox worker could not start: %s", type(exc).__name__)
                return
            with self._lock:
                if self._closed or len(self._idle) >= self.size:
                    worker.kill()
                    return
                self._idle.append(worker)

    def _retire(self, worker: _Worker, reason: str) -> None:
        worker.kill()
        with self._lock:
            self.retired[reason] += 1
        log.info("sandbox worker %s retired: %s", worker.pid, reason)
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

    def _exchange(
        self,
        request: dict[str, object],
        timeout_s: float,
        session: object | None,
        on_wait: WaitCallback | None,
        on_data: Callable[[bytes], object],
        wall_limit_s: float | None = None,
    ) -> tuple[dict[str, object], int, float, float]:
        """One request on one worker: (final header, worker pid, seconds waited in the queue, seconds of
        its own run). ``timeout_s`` limits the query's own run (time waiting for a processor is not
        counted); ``wall_limit_s`` (default: WALL_LIMIT_S or 3 x ``timeout_s``) the wall-clock time."""
        session = object() if session is None else session  # no session: a line of its own
        waited = self._slots.acquire(session, self.queue_timeout_s, on_wait)
        try:
            try:
                worker = self._take()
            except (TimeoutError, EOFError, OSError, struct.error):
                raise SandboxError("the query process could not start; see the server log", "error") from None
            # from here: the queue and a worker's start never count, nor its waits for a processor
            wall = wall_limit_s if wall_limit_s is not None else max(WALL_LIMIT_S, 3 * timeout_s)
            limit = _RunLimit(worker.pid, timeout_s, wall, self.threads)
            try:
                header = worker.ask(request, limit, on_data)
            except TimeoutError:
                waited_cpu, ran = limit.waited(), limit.ran()
                self._retire(worker, "deadline")
                if limit.by_wall():
                    raise SandboxError(
                        f"stopped: the server was too busy to run the query: in {limit.wall_s:g} s it got "
                        f"{ran:.1f} s of its {timeout_s:g} s; try again shortly", "busy",
                        waited_cpu) from None
                busy = (f" (not counting {waited_cpu:.1f} s it waited for a processor the server's other "
                        "work held)" if waited_cpu >= 0.5 else "")
                raise SandboxError(f"stopped: the query ran longer than {timeout_s:g} s{busy}", "timeout",
                                   waited_cpu) from None
            except (EOFError, OSError, ValueError, struct.error):
                self._retire(worker, "ended without an answer")
                raise SandboxError(
                    "the query process ended without an answer, most likely because it needed more "
                    f"memory than the sandbox allows ({self.address_mb} MB)", "memory") from None
            rss = header.get("rss_mb")
            reason = header.get("retire") or (
                f"resident memory {rss} MB over {self.rss_limit_mb} MB"
                if isinstance(rss, int) and rss > self.rss_limit_mb else None)
            if reason:
                self._retire(worker, str(reason))
            else:
                self._give_back(worker)
        finally:
            self._slots.release(session)
        if not header.get("ok"):
            raise SandboxError(str(header.get("message")), str(header.get("kind", "error")))
        return header, worker.pid, waited, limit.ran()

    def run(self, db_file: Path, sql: str, timeout_s: float = DEFAULT_TIMEOUT_S,
            max_rows: int = DEFAULT_MAX_ROWS, count_cap: int = DOWNLOAD_MAX_ROWS, *,
            as_text: bool = False, session: object | None = None,
            on_wait: WaitCallback | None = None, wall_limit_s: float | None = None) -> QueryResult:
        start = time.monotonic()
        request = {"db": str(db_file), "sql": sql, "max_rows": max_rows, "count_cap": count_cap,
                   "max_bytes": MAX_RESULT_BYTES, "as_text": as_text,
                   "count_budget_s": min(COUNT_BUDGET_S, timeout_s / 4)}
        bodies: list[bytes] = []
        header, pid, waited, ran = self._exchange(request, timeout_s, session, on_wait, bodies.append,
                                                  wall_limit_s)
        table = pa.ipc.open_stream(b"".join(bodies)).read_all()
        total, counted = header.get("total_rows"), header.get("counted")
        return QueryResult(table, total if isinstance(total, int) else None, bool(header.get("truncated")),
                           time.monotonic() - start, counted if isinstance(counted, int) else table.num_rows,
                           waited, pid, ran)

    def export(self, db_file: Path, sql: str, fmt: str, out: ByteSink, *, timeout_s: float = EXPORT_TIMEOUT_S,
               max_rows: int = DOWNLOAD_MAX_ROWS, max_bytes: int | None = MAX_DOWNLOAD_BYTES,
               session: object | None = None, on_wait: WaitCallback | None = None,
               formula_guard: tuple[str, ...] | None = None) -> ExportResult:
        """Build a CSV, Parquet or Excel file of the query's result in a worker, streamed into ``out``.

        ``formula_guard`` = (formula pattern, plain-number pattern, separators): CSV text cells matching
        the first and not the second get a leading ``'``, and so does each part after one of the
        separators that would (files for people; None for raw output).
        Excel cells are always written as values or text, never as formulas or links."""
        if fmt not in EXPORT_FORMATS:
            raise SandboxError(f"unknown download format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
        start = time.monotonic()
        if fmt == "xlsx":
            max_rows = min(max_rows, EXCEL_MAX_ROWS)
        request = {
            "db": str(db_file),
            "sql": sql,
            "export": fmt,
            "max_rows": max_rows,
            "max_bytes": max_bytes,
            "formula_guard": list(formula_guard) if formula_guard else None,
        }
        header, _, _, _ = self._exchange(request, timeout_s, session, on_wait, out.write)
        rows = header.get("rows")
        return ExportResult(rows if isinstance(rows, int) else 0, bool(header.get("truncated")),
                            str(header.get("capped") or ""), time.monotonic() - start)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


_parser_db: duckdb.DuckDBPyConnection | None = None
_parser_lock = threading.Lock()


def _parser() -> duckdb.DuckDBPyConnection:
    """A connection to the app's own in-memory DuckDB used only to parse (never the warehouse), set up as a
    worker's (external access off, configuration locked); one per call, over one database."""
    global _parser_db
    with _parser_lock:
        if _parser_db is None:
            con = duckdb.connect(":memory:")
            for statement in setup_statements(memory_mb=256, threads=1):
                con.execute(statement)
            _parser_db = con
        return _parser_db.cursor()


def precheck(sql: str) -> None:
    """The sandbox's refusals that need only DuckDB's parser, in the app's process before any worker is
    involved, so a refused query is told at once even while every worker is busy or the machine starves
    them (lead ruling 1 on hqa38): one statement, a SELECT, table functions from the allow-list, functions
    from sandbox_functions.txt, no file or catalog name in FROM. It parses the text on an in-memory
    connection and reads no data. The worker still runs every check (defence in depth), also the one this
    cannot: names in FROM against the warehouse's own tables and views. Raise SandboxError("refused").
    A text DuckDB cannot parse passes: the worker reports DuckDB's error, as before."""
    if not sql or not sql.strip():
        raise SandboxError("refused: the query is empty", "refused")
    con = _parser()
    try:
        check_query(con, sql, parse_only=True)
    except Refused as exc:
        raise SandboxError(str(exc), "refused") from None
    except duckdb.Error:
        return
    finally:
        con.close()


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


def run_query(
    sql: str,
    db: str | os.PathLike[str] | None = None,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_rows: int = DEFAULT_MAX_ROWS,
    pool: SandboxPool | None = None,
    session: object | None = None,
    on_wait: WaitCallback | None = None,
    wall_limit_s: float | None = None,
) -> QueryResult:
    """Run one researcher's query in the sandbox; raise SandboxError with one line on refusal or failure.

    ``session`` groups one user's queries (at most a share of the workers each); ``on_wait(ahead,
    full)`` is called while the query waits in line, with the number of queries ahead of it and
    whether the session's own share is what it waits for. ``timeout_s`` limits the query's own run,
    ``wall_limit_s`` (default: the larger of WALL_LIMIT_S and 3 x ``timeout_s``) its time in all.
    """
    precheck(sql)  # refusals at once, before a worker is involved (the worker checks again)
    version = warehouse_file(db)
    return (pool or default_pool()).run(version, sql, timeout_s, max_rows, max(max_rows, DOWNLOAD_MAX_ROWS),
                                        session=session, on_wait=on_wait, wall_limit_s=wall_limit_s)


def export_query(
    sql: str,
    db: str | os.PathLike[str] | None,
    fmt: str,
    out: ByteSink,
    *,
    timeout_s: float = EXPORT_TIMEOUT_S,
    max_rows: int = DOWNLOAD_MAX_ROWS,
    max_bytes: int | None = MAX_DOWNLOAD_BYTES,
    pool: SandboxPool | None = None,
    session: object | None = None,
    on_wait: WaitCallback | None = None,
    formula_guard: tuple[str, ...] | None = None,
) -> ExportResult:
    """The query's result as a CSV, Parquet or Excel file written to ``out``, built in a sandbox
    worker within its memory limit and streamed in chunks (Excel: at most EXCEL_MAX_ROWS rows).
    CSV cells are the values as DuckDB renders them as text."""
    precheck(sql)  # refusals at once, before a worker is involved (the worker checks again)
    version = warehouse_file(db)
    return (pool or default_pool()).export(version, sql, fmt, out, timeout_s=timeout_s, max_rows=max_rows,
                                           max_bytes=max_bytes, session=session, on_wait=on_wait,
                                           formula_guard=formula_guard)


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
    return [
        CatalogEntry(name, kind, comment, tuple(by_table.get(name, ()))) for name, kind, comment in objects
    ]
