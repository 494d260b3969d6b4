"""Ingestion: every kind of source, and one clear InputError per bad input."""
from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.ingest import decode_bytes, detect_format, iter_pages
from storyline.ingest.detect import binary_kind
from storyline.model import RawPage
from conftest import SEED as SEED_PATH

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = SEED_PATH


def pages(sources, **kw):
    return list(iter_pages([str(s) for s in sources], **kw))


def only_error(items) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items
    line = items[0].line()
    assert "\n" not in line and "Traceback" not in line
    return items[0]


def write_warc(path: Path, records, *, gz: bool) -> Path:
    """records: (url, status, content_type, body bytes, rec_type)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, status, ctype, body, rec_type in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                        is_http_request=True)
            rec = writer.create_warc_record(url, rec_type, payload=io.BytesIO(body),
                                            http_headers=http)
            writer.write_record(rec)
    return path


ARTICLE = ("<html><head><meta charset='utf-8'><title>Ferry</title></head><body>"
           "<p>The council voted on Tuesday. “Long enough,” said Mara Quint.</p>"
           + "<p>More text about the ferry and the island.</p>" * 20 + "</body></html>")

WARC_RECORDS = [
    ("https://news.example/", "200 OK", "text/html", b"", "request"),
    ("https://news.example/a", "200 OK", "text/html; charset=utf-8", ARTICLE.encode(), "response"),
    ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n....", "response"),
    ("https://news.example/gone", "404 Not Found", "text/html", b"<html>gone</html>", "response"),
    ("https://news.example/moved", "301 Moved", "text/html", b"<html>moved</html>", "response"),
    ("https://news.example/b", "200 OK", "text/html; charset=windows-1252",
     ARTICLE.replace("utf-8", "windows-1252").encode("cp1252"), "response"),
]


# ------------------------------------------------------------------ happy paths
def test_html_file():
    (page,) = pages([FIXTURES / "article.html"])
    assert isinstance(page, RawPage)
    assert page.kind == "html" and "ferry line" in page.content
    assert page.origin.endswith("article.html") and page.published is None


def test_html_gz(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "article.html").read_bytes()))
    (page,) = pages([path])
    assert page.kind == "html" and "“We have waited long enough,”" in page.content


@pytest.mark.parametrize("name, kind", [("scraped.txt", "text"), ("article.html", "html"),
                                        ("feed.rss", "html"), ("pages.jsonl", "html")])
def test_detection_by_content_without_extension(tmp_path, name, kind):
    path = tmp_path / "page"
    shutil.copy(FIXTURES / name, path)
    first = pages([path])[0]
    assert isinstance(first, RawPage) and first.kind == kind


def test_text_file_is_a_scraped_page():
    (page,) = pages([FIXTURES / "scraped.txt"])
    assert page.kind == "text" and page.content.startswith("Menu")


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_text_page():
    (page,) = pages([SEED])
    assert page.kind == "text" and "Putin" in page.content


@pytest.mark.parametrize("fmt", ["html", "text", "body"])
def test_input_format_overrides_kind(fmt):
    (page,) = pages([FIXTURES / "scraped.txt"], input_format=fmt)
    assert page.kind == fmt


def test_body_kept_exactly(tmp_path):
    text = "  Line one.\r\n\r\nLine two “quoted”.\n\n"
    path = tmp_path / "body.txt"
    path.write_bytes(text.encode("utf-8"))
    (page,) = pages([path], input_format="body")
    assert page.content == text


def test_directory_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "2.html").write_text(ARTICLE)
    (tmp_path / "a" / "9.html").write_text(ARTICLE)
    (tmp_path / "a" / "1.txt").write_text("Plain scraped page.\n\nWith text.")
    (tmp_path / "a" / "style.css").write_text("body{}")  # not a page file: skipped
    (tmp_path / ".hidden.html").write_text(ARTICLE)  # hidden: skipped
    got = pages([tmp_path])
    assert [Path(p.origin).relative_to(tmp_path).as_posix() for p in got] == [
        "a/1.txt", "a/9.html", "b/2.html"]


def test_glob(tmp_path):
    for name in ("x1.html", "x2.html", "y.txt"):
        (tmp_path / name).write_text(ARTICLE)
    got = pages([tmp_path / "x*.html"])
    assert [Path(p.origin).name for p in got] == ["x1.html", "x2.html"]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc(tmp_path, gz):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), WARC_RECORDS, gz=gz)
    got = pages([path])
    assert all(isinstance(p, RawPage) for p in got), got
    assert [p.url for p in got] == ["https://news.example/a", "https://news.example/b"]
    assert all("“Long enough,”" in p.content for p in got)  # utf-8 and cp1252 both decoded
    assert got[0].origin == f"{path}#record-3"
    assert got[0].published is None and got[0].fetched_at  # WARC-Date is not publication


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_yields_read_records_then_one_error(tmp_path, gz, capsys):
    records = [(f"https://news.example/{i}", "200 OK", "text/html", ARTICLE.encode(), "response")
               for i in range(4)]
    path = write_warc(tmp_path / "c.warc", records, gz=gz)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.6)])
    got = pages([path])
    *ok, err = got
    assert ok and all(isinstance(p, RawPage) for p in ok)
    assert len(ok) < 4
    assert isinstance(err, InputError) and "truncated" in err.message
    assert err.source == str(path)
    assert capsys.readouterr().err == ""  # no warcio warnings leak out


def test_warc_record_over_limit(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", WARC_RECORDS, gz=True)
    got = pages([path], max_bytes=1000)
    assert all(isinstance(p, InputError) for p in got)
    assert all("over the limit" in e.message and "#record-" in e.source for e in got)


def test_rss_feed():
    first, second = pages([FIXTURES / "feed.rss"])
    assert first.kind == "html" and "<p>The harbour council" in first.content  # content:encoded
    assert first.url == "https://ledger.example/2024/03/ferry"
    assert first.title_hint == "Harbour council approves new ferry line"
    assert first.published == "2024-03-05T08:30:00+00:00"
    assert second.kind == "body" and second.content.startswith("The coast road")  # summary
    assert second.origin.endswith("feed.rss#item-2")


def test_atom_feed():
    (entry,) = pages([FIXTURES / "feed.atom"])
    assert entry.kind == "html" and "ferry line" in entry.content and "voted for" not in entry.content
    assert entry.published == "2024-03-05T08:30:00+00:00"
    assert entry.url == "https://ledger.example/2024/03/ferry"


def test_jsonl():
    first, second = pages([FIXTURES / "pages.jsonl"])
    assert first.kind == "html" and first.published == "2024-03-05"
    assert first.origin.endswith("pages.jsonl:1")
    assert second.kind == "body" and second.title_hint == "Second"
    assert second.origin.endswith("pages.jsonl:3")


def test_jsonl_bad_lines_go_on(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join([
        json.dumps({"url": "u1", "html": "<p>one</p>"}),
        '{"url": "u2", "html": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"url": "u4"}),
        json.dumps({"url": "u5", "text": "five"}),
    ]))
    got = pages([path])
    assert [type(g).__name__ for g in got] == ["RawPage", "InputError", "InputError",
                                               "InputError", "RawPage"]
    assert [g.source for g in got if isinstance(g, InputError)] == [
        f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "malformed JSON" in got[1].message


@pytest.mark.parametrize("data, kind", [
    (ARTICLE.encode(), "html"),
    ("Plain scraped page.\n\nNo markup here.".encode(), "text"),
    (gzip.compress(ARTICLE.encode()), "html"),
])
def test_stdin(data, kind):
    (page,) = list(iter_pages(["-"], stdin=io.BytesIO(data)))
    assert page.kind == kind and page.origin == "stdin"


def test_stdin_text_stream_and_jsonl():
    got = list(iter_pages(["-"], stdin=io.StringIO((FIXTURES / "pages.jsonl").read_text())))
    assert [p.kind for p in got] == ["html", "body"]


def test_order_kept_across_sources_and_errors(tmp_path):
    got = pages([FIXTURES / "article.html", tmp_path / "missing.html", FIXTURES / "scraped.txt"])
    assert [type(g).__name__ for g in got] == ["RawPage", "InputError", "RawPage"]


# --------------------------------------------------------------------- bad inputs
BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
    "elf": b"\x7fELF\x02\x01\x01" + bytes(200),
    "nul": b"abc\x00\x01\x02\x03" * 50,
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_file(tmp_path, name):
    path = tmp_path / "thing.html"
    path.write_bytes(BINARIES[name])
    err = only_error(pages([path]))
    assert "binary" in err.message and err.source == str(path)


def test_missing_file(tmp_path):
    err = only_error(pages([tmp_path / "nope.html"]))
    assert "no such file" in err.message


@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.html"
    path.write_bytes(content)
    assert "empty" in only_error(pages([path])).message


def test_empty_gz(tmp_path):
    path = tmp_path / "empty.html.gz"
    path.write_bytes(gzip.compress(b""))
    assert "empty" in only_error(pages([path])).message


def test_truncated_gzip(tmp_path):
    path = tmp_path / "page.html.gz"
    data = gzip.compress(ARTICLE.encode() * 50)
    path.write_bytes(data[: len(data) // 2])
    err = only_error(pages([path]))
    assert "truncated gzip" in err.message and err.source == str(path)


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"garbage!" * 20)
    assert "gzip" in only_error(pages([path])).message


def test_huge_file_refused_before_reading(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(ARTICLE.encode() * 10)
    err = only_error(pages([path], max_bytes=1000))
    assert "over the limit" in err.message


def test_gzip_bomb_refused_while_reading(tmp_path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<html><body>" + b" " * 200_000))
    err = only_error(pages([path], max_bytes=50_000))
    assert "more than" in err.message


def test_huge_stdin():
    err = only_error(list(iter_pages(["-"], stdin=io.BytesIO(b"x" * 2000), max_bytes=1000)))
    assert err.source == "stdin" and "more than" in err.message


@pytest.mark.parametrize("body", [b"<rss><channel><item><title>x</title", b"<rss version='2.0'><<<"])
def test_malformed_feed(tmp_path, body):
    path = tmp_path / "bad.rss"
    path.write_bytes(body)
    err = only_error(pages([path]))
    assert "feed" in err.message


def test_empty_glob_and_empty_directory(tmp_path):
    assert "no file matches" in only_error(pages([tmp_path / "*.html"])).message
    assert "no page files" in only_error(pages([tmp_path])).message


@pytest.mark.parametrize("data", [
    b"this is not a warc file at all\n" * 5,
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zzz\r\n\r\nbody",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort body",
])
def test_not_a_warc_or_damaged_header(tmp_path, data, capsys):
    path = tmp_path / "x.warc"
    path.write_bytes(data)
    err = only_error(pages([path]))
    assert err.source == str(path)
    assert capsys.readouterr().err == ""


def test_unknown_input_format_is_a_usage_error():
    with pytest.raises(ValueError):
        list(iter_pages(["x"], input_format="pdf"))


# ----------------------------------------------------------------------- decoding
TEXT = "Café “quoted” — naïve résumé, 50 € and a long dash – done."


@pytest.mark.parametrize("data, declared", [
    (TEXT.encode("utf-8"), None),
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), None),
    (TEXT.encode("utf-16"), None),                       # BOM
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("cp1252"), "windows-1252"),
    (TEXT.encode("cp1252"), "iso-8859-1"),               # WHATWG: latin-1 means cp1252
    (TEXT.encode("cp1252"), "utf-8"),                    # cp1252 bytes in a page declared UTF-8
    (TEXT.encode("cp1252"), None),                       # undeclared cp1252
    (TEXT.encode("utf-8"), "iso-8859-1"),                # mislabelled UTF-8
    (TEXT.encode("utf-8"), "no-such-codec"),             # unknown label ignored
    (b'<meta charset="utf-16">' + TEXT.encode("utf-8"), None),  # browsers read UTF-8 here
    (b'<meta charset="windows-1252">' + TEXT.encode("cp1252"), None),
    (b'<?xml version="1.0" encoding="ISO-8859-1"?>' + TEXT.encode("cp1252"), None),
])
def test_decode_recovers_text(data, declared):
    assert TEXT in decode_bytes(data, declared)


def test_decode_mixed_utf8_and_cp1252():
    data = TEXT.encode("utf-8") + b"\n" + "He said “no” – twice.".encode("cp1252") + b"\n"
    assert decode_bytes(data) == TEXT + "\nHe said “no” – twice.\n"


def test_decode_other_legacy_codecs():
    ru = "Президент заявил журналистам, что переговоры прошли хорошо."
    assert decode_bytes(ru.encode("cp1251"), "windows-1251") == ru
    assert decode_bytes(ru.encode("utf-8"), "windows-1251") == ru  # valid UTF-8 wins


# Undeclared legacy pages in other languages: the cp1252 preference must not eat them.
@pytest.mark.parametrize("text, codec", [
    ("Příliš žluťoučký kůň úpěl ďábelské ódy, řekl ministr ve středu novinářům.", "cp1250"),
    ("Zażółć gęślą jaźń, powiedział minister w środę dziennikarzom w Warszawie.", "cp1250"),
    ("Президент заявил журналистам, что переговоры прошли хорошо и конструктивно.", "cp1251"),
    ("Ο πρωθυπουργός δήλωσε ότι οι συνομιλίες ήταν εποικοδομητικές και ειλικρινείς.", "cp1253"),
    ("Die Bürger müssen größere Straßen bauen, sagte der Bürgermeister am Dienstag.", "cp1252"),
    ("「東京」で会議が開かれた。" * 3 + "政府は新しい政策を発表しました。経済の回復に向けて取り組みます。",
     "shift_jis"),
    ("Test “quoted” text – the end.", "utf-16-le"),   # UTF-16 without BOM
    ("Test “quoted” text – the end.", "utf-16-be"),
])
def test_decode_undeclared_legacy(text, codec):
    assert decode_bytes(text.encode(codec)) == text


@pytest.mark.parametrize("data", [b"", bytes(range(256)), b"\xff" * 100, b"\xfe\xff\xd8",
                                  b"\x00" * 10, b"\xc3", b"\xef\xbb\xbf\xff\xfe"])
def test_decode_never_raises(data):
    assert isinstance(decode_bytes(data), str)
    assert isinstance(decode_bytes(data, "utf-16"), str)


# ---------------------------------------------------------------------- detection
@pytest.mark.parametrize("head, name, fmt", [
    (b"<!DOCTYPE html><html>", None, "html"),
    (b"<div><p>One</p><p>Two</p></div>", None, "html"),
    (b"Plain text with one <b> tag only.", None, "text"),
    (b"Plain text.\n\nSecond paragraph.", None, "text"),
    (b"<?xml version='1.0'?><rss version='2.0'><channel>", None, "feed"),
    (b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", None, "feed"),
    (b"<rdf:RDF xmlns:rdf='x'>", None, "feed"),
    (b'{"url": "u", "html": "<p>x</p>"}\n', None, "jsonl"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "crawl.bin", "warc"),
    (b"<html><p>x</p></html>", "notes.txt", "text"),      # the name decides
    (b"anything", "feed.rss.gz", "feed"),
    (b"<!DOCTYPE html>", "page.xml", "html"),             # .xml is sniffed
])
def test_detect_format(head, name, fmt):
    assert detect_format(head, name) == fmt


@pytest.mark.parametrize("head, binary", [
    (BINARIES["png"], True), (BINARIES["zip"], True), (BINARIES["elf"], True),
    (b"%PDF-1.7\n", True),
    (ARTICLE.encode(), False), (TEXT.encode("utf-16"), False),
    (TEXT.encode("utf-16-le"), False), (TEXT.encode("cp1252"), False),
])
def test_binary_kind(head, binary):
    assert (binary_kind(head) is not None) is binary


# ------------------------------------------------------------------- more containers
def test_jsonl_gz_and_long_line(tmp_path):
    lines = [json.dumps({"url": "u1", "html": "<p>" + "x" * 5000 + "</p>"}),
             json.dumps({"url": "u2", "text": "short body"})]
    path = tmp_path / "p.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    first, second = pages([path], max_bytes=1000)
    assert isinstance(first, InputError) and first.source == f"{path}:1"
    assert isinstance(second, RawPage) and second.url == "u2"


def test_truncated_jsonl_gz_keeps_lines_read(tmp_path):
    lines = [json.dumps({"url": f"u{i}", "text": f"body {i} " * 50}) for i in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "p.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    *ok, err = pages([path])
    assert ok and all(isinstance(p, RawPage) for p in ok)
    assert isinstance(err, InputError) and "truncated gzip" in err.message


def test_utf16_html_file_and_path_objects(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes((FIXTURES / "article.html").read_text(encoding="utf-8").encode("utf-16"))
    (page,) = list(iter_pages([path]))  # a Path, not a str
    assert "“We have waited long enough,”" in page.content


def test_cp1252_page_declared_utf8_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(ARTICLE.encode("cp1252"))  # its meta says utf-8
    (page,) = pages([path])
    assert "“Long enough,”" in page.content


def test_warc_on_stdin(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", WARC_RECORDS, gz=True)
    got = list(iter_pages(["-"], stdin=io.BytesIO(path.read_bytes())))
    assert [p.url for p in got] == ["https://news.example/a", "https://news.example/b"]
    assert got[0].origin == "stdin#record-3"


def test_forced_format_on_wrong_input(tmp_path):
    err = only_error(pages([FIXTURES / "article.html"], input_format="warc"))
    assert "not a WARC" in err.message
    err = only_error(pages([FIXTURES / "scraped.txt"], input_format="feed"))
    assert "feed" in err.message


# ------------------------------------------------------------------ never raises
def _blobs():
    import random
    rng = random.Random(7)
    valid = [(FIXTURES / n).read_bytes() for n in
             ("article.html", "feed.rss", "feed.atom", "pages.jsonl", "scraped.txt")]
    for i in range(40):
        base = rng.choice(valid)
        kind = i % 4
        if kind == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        elif kind == 1:
            data = base[: rng.randrange(1, len(base))]
        elif kind == 2:
            data = gzip.compress(base)[: rng.randrange(1, 60)]
        else:
            data = bytearray(base)
            for _ in range(10):
                data[rng.randrange(len(data))] = rng.randrange(256)
            data = bytes(data)
        yield pytest.param(data, rng.choice([".html", ".txt", ".rss", ".jsonl", ".warc", ".gz",
                                             ".warc.gz", ""]), id=f"blob{i}")


@pytest.mark.parametrize("data, ext", list(_blobs()))
def test_any_bytes_give_pages_or_errors(tmp_path, data, ext, capsys):
    path = tmp_path / f"blob{ext}"
    path.write_bytes(data)
    for item in iter_pages([str(path)]):
        assert isinstance(item, (RawPage, InputError))
        if isinstance(item, RawPage):
            assert isinstance(item.content, str) and item.kind in ("html", "text", "body")
        else:
            assert "\n" not in item.line() and item.source
    for item in iter_pages(["-"], stdin=io.BytesIO(data)):
        assert isinstance(item, (RawPage, InputError))
    assert "Traceback" not in capsys.readouterr().err


# ------------------------------------------------- not JSON Lines / feed outlet, authors
@pytest.mark.parametrize("body", [
    ARTICLE.replace("><", ">\n<"),                    # an HTML page, one tag a line
    "Plain text\nsecond line\nthird line\nfourth\n",  # a text page
    "\n\nnot json\n\n[1, 2\n{broken\nmore\n",          # blank lines do not count
])
def test_not_jsonl_is_one_error(tmp_path, body):
    path = tmp_path / "page.jsonl"
    path.write_text(body)
    err = only_error(pages([path]))
    assert err.message.startswith("not JSON Lines: line ") and "is not a JSON object" in err.message
    assert err.source == str(path)


@pytest.mark.parametrize("lines, kinds", [
    # two bad lines then a good one: a damaged start, each line reported
    (['{"url": ', "oops", json.dumps({"url": "u", "html": "<p>x</p>"})],
     ["InputError", "InputError", "RawPage"]),
    # once a line parsed, later bad lines never stop the file
    ([json.dumps({"url": "u", "html": "<p>x</p>"}), "a", "b", "c", "d"],
     ["RawPage"] + ["InputError"] * 4),
    # a short file of bad lines: one error per line, as before
    (["a", "b"], ["InputError", "InputError"]),
])
def test_jsonl_damaged_lines_still_reported_one_by_one(tmp_path, lines, kinds):
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines))
    got = pages([path])
    assert [type(g).__name__ for g in got] == kinds
    assert not any(isinstance(g, InputError) and "not JSON Lines" in g.message for g in got)


def test_forced_jsonl_on_html_page_is_one_error():
    err = only_error(pages([FIXTURES / "article.html"], input_format="jsonl"))
    assert "not JSON Lines" in err.message


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>{title}</title><link>https://courier.example/</link><description>d</description>
<item><title>Tram line</title><link>https://courier.example/tram</link>
{author}<description>The tram line opens in May, officials said.</description></item>
</channel></rss>"""


@pytest.mark.parametrize("title, outlet", [
    ("Lakeside Courier - Transport", "Lakeside Courier"),
    ("The Valley Post | Politics", "The Valley Post"),
    ("Hill Gazette — Sport", "Hill Gazette"),
    ("Rhein-Zeitung", "Rhein-Zeitung"),           # a hyphen inside a name is no separator
    ("The Coastal Ledger", "The Coastal Ledger"),  # no section: kept whole
])
def test_feed_outlet_from_channel_title(tmp_path, title, outlet):
    path = tmp_path / "f.rss"
    path.write_text(FEED.format(title=title, author=""))
    (page,) = pages([path])
    assert page.meta["outlet"] == outlet and page.meta["feed_title"] == title
    assert page.meta["authors"] == []


@pytest.mark.parametrize("author, authors", [
    ("<dc:creator>Ines Valcourt</dc:creator>", ["Ines Valcourt"]),
    ("<dc:creator>Ines Valcourt and Bo Lindqvist</dc:creator>", ["Ines Valcourt", "Bo Lindqvist"]),
    ("<author>desk@courier.example (Ines Valcourt)</author>", ["Ines Valcourt"]),
    ("<author>desk@courier.example</author>", []),  # an address names nobody
    ("", []),
])
def test_feed_item_authors(tmp_path, author, authors):
    path = tmp_path / "f.rss"
    path.write_text(FEED.format(title="Lakeside Courier - Transport", author=author))
    (page,) = pages([path])
    assert page.meta["authors"] == authors


def test_feed_outlet_and_authors_reach_the_article(tmp_path):
    from storyline.extract.core import fill_common
    from storyline.model import Article

    path = tmp_path / "f.rss"
    path.write_text(FEED.format(title="Lakeside Courier - Transport",
                                author="<dc:creator>Ines Valcourt</dc:creator>"))
    (page,) = pages([path])
    art = fill_common(Article(text="The tram line opens in May, officials said."), page)
    assert art.outlet == "Lakeside Courier" and art.provenance["outlet"] == "feed"
    assert art.authors == ["Ines Valcourt"] and art.provenance["authors"] == "feed"
    # a page that is no feed item keeps the host name
    plain = RawPage(content="x", origin="o", url="https://courier.example/tram", kind="body")
    art = fill_common(Article(text="The tram line opens in May."), plain)
    assert art.outlet != "Lakeside Courier" and art.provenance["outlet"] == "url-host"
