"""Requests go only where they should: no private targets by default (resolved addresses,
checked on every hop, no second DNS look-up), robots.txt on every redirect hop, 304s
for a follower. Servers on 127.0.0.1 only; refused addresses are never connected to."""
from __future__ import annotations

import socket

import pytest

from hostile_server import page, redirect, serve
from storyline.errors import FetchError
from storyline.ingest.fetch import Fetcher, RefusedTarget
from storyline.ingest.netguard import AddressPolicy, address_kind
from storyline.rules import ingest as rules

PAGE = (b"<html><head><title>Ferry</title></head><body><article><p>The council voted on the "
        b"ferry timetable on Tuesday evening after a long debate about the winter crossings."
        b"</p></article></body></html>")
ROBOTS = b"User-agent: *\nDisallow: /private\n"
LOCAL_ONLY = ["127.0.0.1/32"]  # allows the test server, nothing else private


def fetcher(**kw):
    kw = {"timeout": 1.0, "retries": 0, "backoff": 0.001, "per_host_delay": 0.0, **kw}
    return Fetcher(**kw)


@pytest.fixture(autouse=True)
def no_env_allowance(monkeypatch):
    monkeypatch.delenv(rules.ALLOW_PRIVATE_ENV, raising=False)


def robots_routes(**more):
    return {"/robots.txt": page(ROBOTS, ctype="text/plain"), "/ok": page(PAGE), **more}


# ------------------------------------------------------------ private targets
def test_loopback_is_refused_by_default_before_any_request():
    with serve(robots_routes()) as srv:
        with pytest.raises(RefusedTarget) as info:
            fetcher().get(srv.url + "/ok")
        assert sum(srv.hits.values()) == 0  # not even robots.txt was asked for
    assert "loopback" in info.value.message and "--allow-private" in info.value.message


@pytest.mark.parametrize("url, kind", [
    ("http://localhost:9/x", "loopback"),
    ("http://[::1]:9/x", "loopback"),
    ("http://[::ffff:127.0.0.1]:9/x", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.0.0.1/x", "private"),
    ("http://192.168.1.10/x", "private"),
    ("http://172.16.5.4/x", "private"),
    ("http://0.0.0.0:9/x", "the unspecified address"),
    ("http://100.64.0.1/x", "not a public address"),
])
def test_private_targets_are_refused(url, kind):
    with pytest.raises(RefusedTarget) as info:
        fetcher(timeout=0.5).get(url)
    assert kind in info.value.message


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("fe80::1%eth0", "link-local"),
    ("fd00::1", "private"), ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
    ("224.0.0.1", "multicast"), ("240.0.0.1", "reserved"),
    ("93.184.216.34", None), ("2606:4700::1111", None), ("8.8.8.8", None),
])
def test_address_kind(address, kind):
    found = address_kind(address)
    assert (found is None) if kind is None else (kind in found)


@pytest.mark.parametrize("allow, address, refused", [
    (False, "127.0.0.1", True), (True, "127.0.0.1", False), (True, "10.1.2.3", False),
    (["10.1.0.0/16"], "10.1.2.3", False), (["10.1.0.0/16"], "10.2.0.1", True),
    (["10.1.0.0/16"], "127.0.0.1", True), (False, "93.184.216.34", False),
])
def test_address_policy(allow, address, refused):
    assert bool(AddressPolicy(allow).refusal(address)) is refused


@pytest.mark.parametrize("value, allowed", [("1", True), ("true", True), ("0", False), ("", False)])
def test_env_var_allows_private_targets(monkeypatch, value, allowed):
    monkeypatch.setenv(rules.ALLOW_PRIVATE_ENV, value)
    with serve(robots_routes()) as srv:
        if allowed:
            assert "council" in fetcher().get(srv.url + "/ok").content
        else:
            with pytest.raises(RefusedTarget):
                fetcher().get(srv.url + "/ok")


class _Resolver:
    """socket.getaddrinfo for test names: each look-up of ``name`` takes the next answer."""

    def __init__(self, monkeypatch, name, answers):
        self.name, self.answers, self.calls = name, list(answers), 0
        self._real = socket.getaddrinfo
        monkeypatch.setattr(socket, "getaddrinfo", self)

    def __call__(self, host, port, *args, **kw):
        if host != self.name:
            return self._real(host, port, *args, **kw)
        address = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]


def test_a_name_resolving_to_loopback_is_refused(monkeypatch):
    _Resolver(monkeypatch, "news.test", ["127.0.0.1"])
    with serve(robots_routes()) as srv:
        port = srv.server_address[1]
        with pytest.raises(RefusedTarget) as info:
            fetcher().get(f"http://news.test:{port}/ok")
        assert sum(srv.hits.values()) == 0
    assert "news.test (127.0.0.1) is a loopback address" in info.value.message


def test_dns_rebinding_cannot_swap_the_address_after_the_check(monkeypatch):
    # every second answer is a refused address: a fetcher that checked one answer and
    # connected after a second look-up would connect to 10.0.0.1 (and time out)
    resolver = _Resolver(monkeypatch, "news.test", ["127.0.0.1", "10.0.0.1"] * 5)
    with serve(robots_routes()) as srv:
        url = f"http://news.test:{srv.server_address[1]}/ok"
        f = fetcher(allow_private=LOCAL_ONLY, respect_robots=False)
        assert "council" in f.get(url).content
        assert resolver.calls == 1
        assert srv.seen[-1][1]["host"].startswith("news.test:")  # the name, sent to the address
        with pytest.raises(RefusedTarget) as info:  # the next look-up says 10.0.0.1
            f.get(url)
    assert "10.0.0.1" in info.value.message and "private" in info.value.message


# ----------------------------------------------------------------- redirects
def test_redirect_on_the_same_host_into_a_disallowed_path_is_not_fetched():
    with serve(robots_routes(**{"/go": redirect("/private/page"),
                                "/private/page": page(PAGE)})) as srv:
        with pytest.raises(FetchError) as info:
            fetcher(allow_private=True).get(srv.url + "/go")
        assert srv.hits["/private/page"] == 0
    assert "robots.txt disallows" in info.value.message and "redirected to" in info.value.message


@pytest.mark.parametrize("other_robots, fetched", [(b"User-agent: *\nDisallow: /\n", False),
                                                   (b"User-agent: *\nAllow: /\n", True)])
def test_redirect_to_another_port_obeys_that_origins_robots_txt(other_robots, fetched):
    with serve({"/robots.txt": page(other_robots, ctype="text/plain"),
                "/story": page(PAGE)}) as other:
        with serve(robots_routes(**{"/go": redirect(other.url + "/story")})) as first:
            f = fetcher(allow_private=True)
            if fetched:
                got = f.get(first.url + "/go")
                assert got.url == other.url + "/story" and "council" in got.content
                assert got.meta["redirects"] == [first.url + "/go"]
            else:
                with pytest.raises(FetchError) as info:
                    f.get(first.url + "/go")
                assert "robots.txt disallows" in info.value.message
        assert other.hits["/robots.txt"] == 1
        assert other.hits["/story"] == (1 if fetched else 0)


@pytest.mark.parametrize("target, reason", [
    ("http://169.254.169.254/latest/meta-data/", "link-local"),  # cloud metadata
    ("http://10.0.0.7:8080/admin", "private"),
    ("http://[::1]:9/", "loopback"),
    ("file:///etc/passwd", "not an http(s) URL"),
    ("ftp://127.0.0.1/x", "not an http(s) URL"),
])
def test_redirect_targets_are_checked_again(target, reason):
    with serve(robots_routes(**{"/go": redirect(target)})) as srv:
        with pytest.raises(FetchError) as info:
            fetcher(allow_private=LOCAL_ONLY, timeout=0.5).get(srv.url + "/go")
    assert reason in info.value.message


def test_redirect_loops_stop():
    with serve(robots_routes(**{"/a": redirect("/b"), "/b": redirect("/a")})) as srv:
        with pytest.raises(FetchError) as info:
            fetcher(allow_private=True).get(srv.url + "/a")
        assert srv.hits["/a"] + srv.hits["/b"] == rules.MAX_REDIRECTS + 1
    assert f"more than {rules.MAX_REDIRECTS} redirects" in info.value.message


def test_credentials_are_not_carried_to_another_origin():
    with serve({"/robots.txt": page(b"", ctype="text/plain"), "/feed": page(PAGE)}) as other:
        with serve(robots_routes(**{"/go": redirect(other.url + "/feed")})) as first:
            answer = fetcher(allow_private=True).fetch(
                first.url + "/go", headers={"Authorization": "Bearer s3cret",
                                            "If-None-Match": '"v1"'})
            assert first.seen[-1][1]["authorization"] == "Bearer s3cret"
        sent = other.seen[-1][1]
    assert answer.status == 200 and "authorization" not in sent
    assert sent["if-none-match"] == '"v1"'


# ------------------------------------------------------------ fetch() for a follower
def _conditional(h):
    if h.headers.get("If-None-Match") == '"v2"':
        h.send_response(304)
        h.send_header("ETag", '"v2"')
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
    else:
        from hostile_server import send
        send(h, 200, PAGE, headers=[("ETag", '"v2"')])


@pytest.mark.parametrize("etag, status, body", [('"v2"', 304, b""), ('"v1"', 200, PAGE),
                                                (None, 200, PAGE)])
def test_fetch_returns_304_for_a_conditional_request(etag, status, body):
    with serve(robots_routes(**{"/feed": _conditional})) as srv:
        headers = {"If-None-Match": etag} if etag else None
        answer = fetcher(allow_private=True).fetch(srv.url + "/feed", headers=headers)
    assert (answer.status, answer.body) == (status, body)
    assert answer.headers["etag"] == '"v2"'


def test_fetch_returns_error_statuses_get_raises_them():
    with serve(robots_routes(**{"/gone": page(b"gone", status=410)})) as srv:
        f = fetcher(allow_private=True)
        assert f.fetch(srv.url + "/gone").status == 410
        with pytest.raises(FetchError) as info:
            f.get(srv.url + "/gone")
    assert "HTTP 410" in info.value.message


# ----------------------------------------------------------------------- CLI
@pytest.mark.parametrize("flag, env, ok", [([], None, False), (["--allow-private"], None, True),
                                           ([], "1", True)])
def test_cli_allow_private(monkeypatch, flag, env, ok):
    from click.testing import CliRunner

    from storyline.cli import main

    if env:
        monkeypatch.setenv(rules.ALLOW_PRIVATE_ENV, env)
    with serve(robots_routes()) as srv:
        result = CliRunner().invoke(main, ["extract", srv.url + "/ok", "--no-enrich",
                                           "--format", "jsonl", "--retries", "0", *flag])
        assert srv.hits["/ok"] == (1 if ok else 0)
    assert (result.exit_code == 0) is ok, result.output
    if not ok:
        assert "loopback" in result.output and "--allow-private" in result.output
