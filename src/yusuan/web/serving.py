"""How `yusuan serve` runs the app under uvicorn: bounded connections and timeouts, and proxy
headers trusted only from a proxy the user names.

uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, so anyone on the machine (or a local
tunnel) could pick the address the login throttle counts. Here no forwarded header is believed
unless `trusted_proxy` is given. uvicorn has no timeout for a request's head: a client that opens
connections and sends its headers a byte at a time (slow-loris) would hold them for ever, so the
connection is closed when the head is not complete within `header_timeout` seconds (the body has
its own timeouts, web/limits.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol


@dataclass(frozen=True)
class ServerOptions:
    """trusted_proxy: addresses (comma-separated, as uvicorn's forwarded_allow_ips) whose
    X-Forwarded-For is believed; None believes none. limit_concurrency: connections and requests
    at once, beyond which uvicorn answers 503."""

    trusted_proxy: str | None = None
    header_timeout: float = 10.0
    keep_alive_seconds: int = 5
    limit_concurrency: int = 200
    backlog: int = 256
    max_header_bytes: int = 32 * 1024


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head stalls."""

    header_timeout = 10.0
    _head_timer = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:
            self._arm()  # a head begun (or a next one on a kept-alive connection): it must finish in time
        else:
            self._disarm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE:  # still no complete head
            self.transport.close()


def server_config(app, host: str, port: int, options: ServerOptions = ServerOptions()) -> uvicorn.Config:
    protocol = type("GuardedH11", (GuardedH11Protocol,), {"header_timeout": options.header_timeout})
    return uvicorn.Config(
        app, host=host, port=port, log_level="warning", http=protocol,
        proxy_headers=options.trusted_proxy is not None, forwarded_allow_ips=options.trusted_proxy or "",
        timeout_keep_alive=options.keep_alive_seconds, limit_concurrency=options.limit_concurrency,
        backlog=options.backlog, h11_max_incomplete_event_size=options.max_header_bytes,
    )
