"""Running one allocation-heavy job (laying out the PDF) in a forked child, collector off.

WeasyPrint builds about a million objects in reference cycles for the reference publication. In
the caller's process the cyclic garbage collector scans them over and over while they are built
(a third of the PDF's time) and once more to free them afterwards. A forked child starts warm
(imports, fonts, fontconfig caches are the parent's), never collects, sends back its result and
ends with ``os._exit``: the system takes its memory back whole and the caller's heap is untouched.

Where forking is not safe or not there (other threads running, no ``os.fork``), the job runs in
this process with the collector paused for its duration.

Either way the job runs under a frame with a large reserved evaluation stack (`_roomy`). CPython
before 3.13 keeps frames in 16 KiB chunks and frees a chunk as soon as the frame at its start
returns; a deep recursion looping at a chunk's edge (WeasyPrint's layout does) maps and unmaps
memory on every call across it (CPython issue gh-142183): 170,000 page faults and over a second
of system time for the reference PDF. Started inside a frame that reserves 512 KiB, the job's
frames fit in that frame's 1 MiB chunk and never cross an edge.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
import types
from typing import Callable, TypeVar

T = TypeVar("T")


def _call(job: Callable[..., T], args: tuple) -> T:
    return job(*args)


# `_call` with 64 Ki spare stack slots: only its frame's size changes, not what it does.
_roomy = types.FunctionType(_call.__code__.replace(co_stacksize=_call.__code__.co_stacksize + (1 << 16)), {})


def isolated(job: Callable[..., T], *args) -> T:
    """`job(*args)`, computed in a forked child when that is safe; its result must pickle."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return paused(job, *args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(write_end, job, args)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        _, status = os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(f"PDF 排版子进程意外结束（状态 {status}），未生成文件。")
    ok, value = pickle.loads(data)
    if ok:
        return value
    raise value


def paused(job: Callable[..., T], *args) -> T:
    """`job(*args)` here, with the cyclic collector off while it runs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _roomy(job, args)
    finally:
        if enabled:
            gc.enable()


def _child(fd: int, job: Callable, args: tuple) -> None:
    gc.disable()
    code = 0
    try:
        payload = pickle.dumps((True, _roomy(job, args)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as error:  # handed to the parent, which raises it
        code = 1
        try:
            payload = pickle.dumps((False, error))
        except Exception:
            payload = pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))
    try:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers, no collection
