"""``python -m ui.serve --replicas N``: N dashboard servers behind HAProxy, each user kept on one of them.

Why: one Streamlit server runs every session's script in one Python process, so sessions queue for its
interpreter: with ten sessions stepping back to back, a script run waited 0.32 s (p50) for 0.05 s of its
own work (``python -m bench users``), and a second core sat idle for the app. More processes use more
cores, but a Streamlit session lives in the process that holds its websocket, and a download is fetched
over HTTP from the process that made the file, so a balancer must keep each browser on one process.
HAProxy (Debian's ``haproxy``) does that with a cookie it inserts on the first answer (sticky sessions,
the way Streamlit's own deployment notes put replicas behind a load balancer); it passes websockets
through and takes a replica out while its health check fails. Nothing here schedules work: HAProxy
balances, each replica is the unchanged ``python -m ui.serve``.

What this process does: starts the replicas on free local ports (each warms and runs its pages before
its health check answers, as ``make run``'s server does), then HAProxy on the public address, then waits.
The replicas share one cookie secret, so the XSRF cookie one of them set is valid on the others if
HAProxy ever moves a browser (a replica that died), and one store of query answers (analytics.cache_shared,
in this process's private temporary directory), so a view costs one query across them. Ending: SIGTERM or
SIGINT stops every child and removes the private directory; a child that ends stops the rest and this
process (exit 1), since a half-served app is worse than a clear stop; a SIGKILL of this process reaches
the children through PR_SET_PDEATHSIG, so no process is left behind - but its directory is (nothing runs
in a SIGKILLed process), so each start first removes the directories of supervisors that are gone
(``remove_stale``: each directory names its supervisor's pid).
"""

from __future__ import annotations

import ctypes
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from analytics.cache_shared import ENV

HAPROXY = "haproxy"
COOKIE = "dashboard_replica"  # HAProxy's sticky-session cookie: which replica holds this browser's session
PR_SET_PDEATHSIG = 1
START_TIMEOUT_S = 900  # a replica warms every page's first view before it answers (minutes when big)
PREFIX = "dashboard-replicas-"  # the supervisor's private directory in the temporary directory
OWNER = "supervisor.pid"  # in it: the pid of the supervisor that made it
UNOWNED_STALE_S = 3600  # a directory without that file (made before it existed) is stale after this


def haproxy_config(address: str, port: int, backends: Sequence[int]) -> str:
    """HAProxy's configuration: ``address:port`` balanced over replicas on 127.0.0.1:``backends``.

    leastconn, since a session is one long websocket (round robin would count the short page loads);
    the cookie keeps a browser on the replica that holds its session and its download files; websockets
    stay open for a day idle (``timeout tunnel``) as a dashboard tab does; a replica whose health check
    fails gets no new browsers.
    """
    if not backends:
        raise ValueError("at least one replica")
    bind = f"{address}:{port}" if address else f"*:{port}"
    servers = "\n".join(
        f"    server r{i} 127.0.0.1:{backend} check inter 2s cookie r{i}"
        for i, backend in enumerate(backends, 1))
    return f"""global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout http-request 30s
    timeout tunnel 24h

frontend dashboard
    bind {bind}
    default_backend replicas

backend replicas
    balance leastconn
    cookie {COOKIE} insert indirect nocache httponly
    option httpchk GET /_stcore/health
    http-check expect status 200
{servers}
"""


def split_address(rest: list[str]) -> tuple[str, int, list[str]]:
    """``--server.address`` and ``--server.port`` taken out of streamlit's options (the balancer's to bind;
    each replica gets its own local port): (address, port, the other options)."""
    address, port, others = "", 8501, []
    it = iter(rest)
    for arg in it:
        name, eq, value = arg.partition("=")
        if name in ("--server.address", "--server.port"):
            value = value if eq else next(it, "")
            if name == "--server.port":
                port = int(value)
            else:
                address = value
            continue
        others.append(arg)
    return address, port, others


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent(parent: int) -> None:
    """In the child, before exec: SIGTERM when this supervisor dies (also by SIGKILL)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the supervisor died before the line above
        os._exit(1)


def healthy(url: str) -> bool:
    """Does the Streamlit server at ``url`` answer its health check now?"""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale(root: Path | None = None) -> list[Path]:
    """Remove the private directories (``PREFIX``*, ours) that supervisors no longer running left in
    ``root`` (default: the temporary directory); the removed paths. A supervisor stopped by SIGTERM or
    SIGINT removes its own; one stopped by SIGKILL cannot. A directory whose pid runs again (another
    process reusing the number) is kept: a few kilobytes too many, never a live supervisor's removed.
    One without a pid file (a supervisor older than the file) is removed once it is an hour old."""
    base = Path(tempfile.gettempdir()) if root is None else root
    removed = []
    for path in base.glob(f"{PREFIX}*"):
        try:
            if path.is_symlink() or not path.is_dir() or path.stat().st_uid != os.getuid():
                continue
            try:
                stale = not _alive(int((path / OWNER).read_text(encoding="ascii").strip()))
            except FileNotFoundError:
                stale = time.time() - path.stat().st_mtime > UNOWNED_STALE_S
        except (OSError, ValueError):  # gone meanwhile, unreadable, or a pid file being written
            continue
        if stale:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + 15
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(replicas: int, rest: list[str]) -> int:
    """Run ``replicas`` servers behind HAProxy until a signal or a child's end; the exit status."""
    haproxy = shutil.which(HAPROXY)
    if haproxy is None:
        print("--replicas needs HAProxy (Debian: apt-get install haproxy); or run one server without it",
              file=sys.stderr)
        return 2
    address, port, options = split_address(rest)
    parent = os.getpid()
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    children: list[subprocess.Popen[bytes]] = []
    names: dict[int, str] = {}  # pid -> what it is, for the message when one ends
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    remove_stale()
    with tempfile.TemporaryDirectory(prefix=PREFIX) as tmp:  # mode 0700: ours alone
        (Path(tmp) / OWNER).write_text(str(parent), encoding="ascii")  # for remove_stale after a SIGKILL
        shared = Path(tmp) / "answers"  # the replicas' shared query answers (analytics.cache_shared)
        shared.mkdir(mode=0o700)
        env[ENV] = str(shared)
        try:
            ports = [free_port() for _ in range(replicas)]
            for backend in ports:
                children.append(subprocess.Popen(
                    [sys.executable, "-m", "ui.serve", *options, "--server.port", str(backend),
                     "--server.address", "127.0.0.1"],
                    # preexec_fn is safe here: this process runs no other thread
                    env=env, preexec_fn=lambda: _die_with_parent(parent)))
                names[children[-1].pid] = f"replica on port {backend}"
            deadline = time.monotonic() + START_TIMEOUT_S
            waiting = {f"http://127.0.0.1:{p}" for p in ports}
            while waiting and not stopping:
                waiting = {url for url in waiting if not healthy(url)}
                if any(c.poll() is not None for c in children) or time.monotonic() > deadline:
                    print("a replica did not start; stopping", file=sys.stderr)
                    return 1
                time.sleep(0.3)
            if stopping:
                return 0
            config = Path(tmp) / "haproxy.cfg"
            config.write_text(haproxy_config(address, port, ports), encoding="utf-8")
            # -db: stay in the foreground, so this process sees it end and its PDEATHSIG holds
            children.append(subprocess.Popen([haproxy, "-db", "-f", str(config)], env=env,
                                             preexec_fn=lambda: _die_with_parent(parent)))
            names[children[-1].pid] = "HAProxy"
            shown = address or "0.0.0.0"
            print(f"Serving {replicas} replicas behind HAProxy at http://{shown}:{port} "
                  f"(replicas on 127.0.0.1:{', '.join(map(str, ports))})", flush=True)
            while not stopping:
                ended = [c for c in children if c.poll() is not None]
                if ended:
                    print(f"{names[ended[0].pid]} ended (exit {ended[0].returncode}); stopping the others",
                          file=sys.stderr)
                    return 1
                time.sleep(0.5)
            return 0
        finally:
            _stop(children)
