"""Declared charsets are read as browsers read them (WHATWG labels), and valid UTF-8 bytes
win over a wrong declaration."""
from __future__ import annotations

import codecs

import pytest

from storyline.ingest.decode import decode_bytes, normalise_encoding
from storyline.rules.encodings import WHATWG_LABELS

NEWS = "Café “quoted” — naïve résumé, 50 € and a long dash – done."
ZH = "国务院总理在北京表示，经济复苏的势头正在增强。"
TW = "國務院總理在北京表示，經濟復甦的勢頭正在增強。"
JA = "政府は新しい政策を発表しました。経済の回復に向けて取り組みます。"
KO = "정부는 새로운 경제 정책을 발표했다고 밝혔습니다."


@pytest.mark.parametrize("label, codec", [
    ("latin1", "cp1252"), (" ISO-8859-1 ", "cp1252"), ("us-ascii", "cp1252"),
    ("iso-8859-9", "cp1254"), ("tis-620", "cp874"), ("gb2312", "gb18030"), ("GBK", "gb18030"),
    ("x-sjis", "cp932"), ("ks_c_5601-1987", "cp949"), ("big5", "big5hkscs"),
    ("unicode", "utf-16-le"), ("utf8", "utf-8"), ("koi8-ru", "koi8-u"),
    ("x-user-defined", "cp1252"), ("macintosh", "mac-roman"),
    # labels no browser honours: ignored
    ("utf-7", None), ("cp037", None), ("ebcdic-cp-us", None), ("utf-32", None),
    ("iso-2022-kr", None), ("hz-gb-2312", None), ("x-unknown", None), ("", None),
])
def test_labels_map_as_the_whatwg_standard_says(label, codec):
    found = normalise_encoding(label)
    assert found == (codecs.lookup(codec).name if codec else None)


def test_every_whatwg_codec_exists_in_python():
    for codec in WHATWG_LABELS:
        codecs.lookup(codec)


@pytest.mark.parametrize("label", ["utf-7", "cp037", "x-unknown-charset", "replacement"])
@pytest.mark.parametrize("where", ["meta", "container"])
def test_labels_browsers_ignore_do_not_garble_the_page(label, where):
    body = f"<p>{NEWS}</p>".encode("utf-8")
    plain = b"<p>Plain ASCII report from the council meeting, all of it.</p>"
    for data, text in ((body, NEWS), (plain, "Plain ASCII report from the council meeting")):
        if where == "meta":
            assert text in decode_bytes(f'<meta charset="{label}">'.encode() + data)
        else:
            assert text in decode_bytes(data, label)


@pytest.mark.parametrize("text, declared", [
    (NEWS, "iso-8859-1"), (NEWS, "gb2312"), (NEWS, "shift_jis"), (NEWS, "windows-1251"),
    (ZH, "gb2312"), (TW, "big5"), (JA, "euc-jp"), (KO, "euc-kr"), (ZH, "iso-8859-1"),
])
@pytest.mark.parametrize("where", ["meta", "container"])
def test_valid_utf8_wins_over_a_wrong_declaration(text, declared, where):
    data = f"<p>{text}</p>".encode("utf-8")
    if where == "meta":
        got = decode_bytes(f'<meta charset="{declared}">'.encode() + data)
    else:
        got = decode_bytes(data, declared)
    assert text in got


@pytest.mark.parametrize("text, codec, declared", [
    (ZH, "gb18030", "gb2312"), (ZH, "gbk", "gbk"), (TW, "big5", "big5"),
    (JA, "shift_jis", "shift_jis"), (JA, "euc_jp", "euc-jp"), (JA, "iso2022_jp", "iso-2022-jp"),
    (KO, "euc_kr", "euc-kr"), (NEWS, "cp1252", "iso-8859-1"),
    ("Президент заявил журналистам.", "koi8_r", "koi8-r"),
])
def test_true_legacy_pages_keep_their_declared_charset(text, codec, declared):
    data = f"<p>{text}</p>".encode(codec)
    assert text in decode_bytes(data, declared)
    assert text in decode_bytes(f'<meta charset="{declared}">'.encode() + data)
