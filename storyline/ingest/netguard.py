"""Where a fetch may connect, and for how long.

Every connection the :class:`~storyline.ingest.fetch.Fetcher` opens goes through
:func:`open_checked_socket`: the host name is resolved once, each address is checked
against an :class:`AddressPolicy` (loopback, link-local, private... refused unless
allowed), and the socket connects to that very address. A DNS answer that changes
between the check and the connection (DNS rebinding) therefore cannot slip through:
there is no second look-up.

While a request runs, a :class:`Deadline` holds its sockets and shuts them down when
its time is up, so a server that drips one byte a second cannot hold a fetch past the
deadline (a per-read timeout alone never fires on such a server).

Example::

    policy = AddressPolicy(allow_private=False)
    policy.refusal("127.0.0.1")      # -> "a loopback address"
    policy.refusal("93.184.216.34")  # -> None
"""
from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
import time
from typing import Iterable

import urllib3.connection
import urllib3.connectionpool
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

from storyline.rules import ingest as rules

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetRefused(Exception):
    """A host resolves only to addresses the policy refuses (not an OSError: never retried)."""


def allow_private_from_env(environ=os.environ) -> bool:
    """True when STORYLINE_ALLOW_PRIVATE says so ("1", "true", "yes", "on")."""
    return environ.get(rules.ALLOW_PRIVATE_ENV, "").strip().lower() in rules.TRUE_WORDS


def _embedded_ipv4(ip: Address) -> Address:
    """The IPv4 address carried inside an IPv6 one (mapped, 6to4, Teredo), else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return inner
    return ip


def address_kind(address: str | Address) -> str | None:
    """Why ``address`` is not a public target ("a loopback address"...), or None if it is.

    >>> address_kind("169.254.169.254")
    'a link-local address'
    """
    ip = ipaddress.ip_address(str(address).split("%", 1)[0])  # drop an IPv6 zone id
    for candidate in dict.fromkeys((_embedded_ipv4(ip), ip)):
        for prop, name in rules.NON_PUBLIC_ADDRESSES:
            if getattr(candidate, prop):
                return name
        if not candidate.is_global:
            return rules.NOT_GLOBAL_ADDRESS
    return None


class AddressPolicy:
    """Which addresses a fetch may connect to.

    ``allow_private``: False refuses every non-public address; True allows all (a
    newsroom intranet); an iterable of networks (``["10.1.0.0/16"]``) allows those only.
    """

    def __init__(self, allow_private: bool | Iterable[str] = False):
        self.allow_all = allow_private is True
        if isinstance(allow_private, (bool, type(None))):
            self.networks: tuple = ()
        else:
            self.networks = tuple(ipaddress.ip_network(n, strict=False) for n in allow_private)

    def refusal(self, address: str) -> str | None:
        """The reason ``address`` is refused, or None when a connection to it is allowed."""
        if self.allow_all:
            return None
        ip = ipaddress.ip_address(str(address).split("%", 1)[0])
        if any(candidate in net for net in self.networks
               for candidate in (ip, _embedded_ipv4(ip)) if candidate.version == net.version):
            return None
        return address_kind(ip)


#: Used when a guarded connection is opened outside :func:`guarded` (never by the Fetcher).
STRICT = AddressPolicy(False)


class Deadline:
    """Shuts down the sockets it watches once ``seconds`` have passed.

    Each watched socket is duplicated (its own descriptor of the same connection), so
    shutting it down reaches the connection whatever the HTTP stack did with its socket
    object (wrapped it in TLS, closed it). Use as a context manager; ``expired`` tells
    afterwards whether the time ran out.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._done = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.0, self.ends - time.monotonic())

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        try:
            dup = socket.fromfd(sock.fileno(), sock.family, sock.type)
        except (OSError, ValueError):
            return
        with self._lock:
            if self._done:
                dup.close()
                return
            self._socks.append(dup)
            expired = self.expired
        if expired:
            _shutdown(dup)

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            socks = list(self._socks)
        for sock in socks:
            _shutdown(sock)

    def close(self) -> None:
        with self._lock:
            self._done = True
            socks, self._socks = self._socks, []
        self._timer.cancel()
        for sock in socks:
            sock.close()

    def __enter__(self) -> "Deadline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


_local = threading.local()


@contextlib.contextmanager
def guarded(policy: AddressPolicy, deadline: Deadline | None):
    """Connections opened in this thread inside the block obey ``policy`` and ``deadline``."""
    previous = getattr(_local, "context", None)
    _local.context = (policy, deadline)
    try:
        yield
    finally:
        _local.context = previous


def _context() -> tuple[AddressPolicy, Deadline | None]:
    return getattr(_local, "context", None) or (STRICT, None)


def resolve(host: str, port: int) -> list[tuple]:
    """getaddrinfo's answers for a TCP connection to ``host``: (family, type, proto, sockaddr)."""
    return [(family, kind, proto, sockaddr) for family, kind, proto, _, sockaddr
            in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)]


def open_checked_socket(host: str, port: int, timeout: float | None, *, policy: AddressPolicy,
                        deadline: Deadline | None = None, source_address=None,
                        socket_options=None) -> socket.socket:
    """A socket connected to an allowed address of ``host`` (resolved once).

    Raises :class:`TargetRefused` when every address is refused, ``socket.gaierror``
    when the name does not resolve, ``OSError`` when no allowed address answers.
    """
    answers = resolve(host, port)
    allowed, refused = [], []
    for answer in answers:
        reason = policy.refusal(answer[3][0])
        (refused if reason else allowed).append((answer, reason))
    if not allowed:
        (_, _, _, sockaddr), reason = refused[0]
        where = host if host == sockaddr[0] else f"{host} ({sockaddr[0]})"
        raise TargetRefused(f"refused: {where} is {reason}; fetch it only with "
                            f"--allow-private / {rules.ALLOW_PRIVATE_ENV}=1 (an intranet)")
    if deadline is not None:
        timeout = deadline.remaining() if timeout is None else min(timeout, deadline.remaining())
    error: OSError | None = None
    for (family, kind, proto, sockaddr), _ in allowed:
        sock = socket.socket(family, kind, proto)
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            if deadline is not None:
                deadline.watch(sock)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    assert error is not None
    raise error


def _timeout_seconds(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


class _Guarded:
    """Mixin for urllib3 connections: checked addresses, sockets watched by the deadline."""

    def _new_conn(self) -> socket.socket:
        policy, deadline = _context()
        try:
            return open_checked_socket(self.host, self.port, _timeout_seconds(self.timeout),
                                       policy=policy, deadline=deadline,
                                       source_address=self.source_address,
                                       socket_options=self.socket_options)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except socket.timeout as exc:
            raise ConnectTimeoutError(self, f"connecting to {self.host} timed out") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc

    def getresponse(self, *args, **kwargs):
        _, deadline = _context()
        if deadline is not None:
            deadline.watch(self.sock)  # a kept-alive connection was not opened by this request
        return super().getresponse(*args, **kwargs)


class GuardedHTTPConnection(_Guarded, urllib3.connection.HTTPConnection):
    pass


class GuardedHTTPSConnection(_Guarded, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _HTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections go through :func:`open_checked_socket`."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
