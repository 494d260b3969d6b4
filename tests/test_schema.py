"""Every article JSON validates against the published JSON Schema (v1)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storyline.extract.core import extract
from storyline.model import Article, Image, RawPage

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "storyline" / "schema" / "article.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_minimal_article_validates(validator):
    art = extract(RawPage(content="Some words here.", origin="t", kind="body"))
    validator.validate(art.to_dict())


def test_full_article_validates(validator):
    art = Article(text="Putin spoke.", title="T", subtitle="S", published="2021-12-31",
                  authors=["Jane Doe"], images=[Image(caption="c", credit="AFP", url=None)])
    art.entities = [{"id": "e1", "label": "PERSON", "name": "Vladimir Putin", "start": 0,
                     "end": 5, "mentions": [{"start": 0, "end": 5, "text": "Putin"}],
                     "roles": [], "aliases": []}]
    art.times = [{"id": "t1", "text": "x", "start": 0, "end": 1, "type": "DATE",
                  "value": "2021-12-31", "mod": None}]
    validator.validate(art.to_dict())


@pytest.mark.parametrize("bad", [
    {"id": "not-hex"},
    {"times": [{"text": "x", "start": 0, "end": 1, "type": "DAY", "value": "2021"}]},
    {"quotes": [{"kind": "shouted", "text": "x", "start": 0, "end": 1, "cue": None,
                 "speaker": None}]},
    {"places": [{"name": "X", "start": 0, "end": 1, "country_code": "usa"}]},
])
def test_schema_rejects_malformed(validator, bad):
    data = Article(text="Words.").to_dict()
    data.update(bad)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)
