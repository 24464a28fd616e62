"""Waiting for a started dashboard server in tests, and stopping it: one of each, not one per module."""

from __future__ import annotations

import io
import subprocess
import time

import pytest

from ui.replicas import free_port, healthy

__all__ = ["free_port", "stop", "wait_healthy"]


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout_s: float, detail: str = "",
                 every_s: float = 0.2) -> float:
    """Poll ``url``'s health check until it answers 200; fail the test if ``proc`` ends first or
    ``timeout_s`` passes (``detail``: where to look, such as the server's log). Returns the seconds waited."""
    start = time.monotonic()
    while not healthy(url):
        if proc.poll() is not None or time.monotonic() - start > timeout_s:
            pytest.fail(f"the server did not start (exit {proc.poll()}); {detail}")
        time.sleep(every_s)
    return time.monotonic() - start


def stop(proc: subprocess.Popen[bytes], log: io.IOBase | None = None, timeout_s: float = 10) -> None:
    """End a server a test started: ask (SIGTERM), then force after ``timeout_s``; close its log."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
    if log is not None:
        log.close()
