"""Schemathesis against /openapi.json: whatever parameters it makes up, the server
answers without a server error (5xx). Kept short: a few examples per operation."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (test extra) missing")
pytest.importorskip("fastapi", reason="the web dependencies are not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from storyline.web.app import create_app  # noqa: E402
from webarchive import build_archive  # noqa: E402


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "web.db"
    build_archive(path)
    return create_app(path)


def _operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_api_operation_is_documented(app):
    paths = {op.path for op in _operations(app)}
    assert {"/api/search", "/api/articles/{article_id}", "/api/stories",
            "/api/stories/{story_id}", "/api/entities/{name}", "/api/quotes",
            "/api/events", "/events.ics", "/search.atom"} <= paths


def test_no_parameter_makes_a_server_error(app):
    for operation in _operations(app):
        @given(operation.as_strategy())
        @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(checks=[not_a_server_error])

        call()
