"""The OpenAPI schema is valid, and the API keeps to it: schemathesis sends
generated requests through the WSGI app with an officer's token and checks that
no answer is a server error and every answer matches the schema."""

import json
from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from qsdp.api.services import api_token_create
from qsdp.military_service.tests.factories import examined, registered
from qsdp.militia.tests.factories import member
from qsdp.reserves.tests.factories import reservist

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_the_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))

    assert "/api/v1/people/{id}/service-events/:" in (tmp_path / "s.yml").read_text()


@pytest.fixture
def _connection_kept():
    """As Django's test client does: a request through the WSGI app must not
    close the connection that holds the test's transaction (PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def officer_secret(_connection_kept, tree, commune_officer) -> str:
    """An officer of Dương Quang with a few records there to read (kept small:
    they are made again for each operation)."""
    man = registered(tree.duong_quang, born=date(2006, 3, 10), on=date(2023, 4, 15))
    examined(man, on=date(2025, 11, 20), year=2026, health_class=2)
    reservist(tree.duong_quang, born=date(1995, 5, 10))
    member(tree.duong_quang, born=date(2000, 5, 10))
    return api_token_create(actor=commune_officer, name="schemathesis")[1]


def _schema() -> schemathesis.schemas.BaseSchema:
    """The schema the API serves, built without a request (no database needed
    at collection), run against the WSGI app."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    loaded.app = application
    loaded.config.generation.update(
        modes=[GenerationMode.POSITIVE],
        max_examples=8,
        deterministic=True,
        database="none",
        with_security_parameters=False,
    )
    # The boundary-value phase multiplies the requests well past a minute.
    loaded.config.phases.coverage.enabled = False
    return loaded


schema = _schema()


@schema.parametrize()
# The records are made once per operation; the generated requests may add to them.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_the_api_answers_every_generated_request_as_documented(case, officer_secret):
    case.call_and_validate(headers={"Authorization": f"Bearer {officer_secret}"}, checks=CHECKS)
