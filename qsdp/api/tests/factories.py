"""Tokens made through the service, and API clients that present them."""

from rest_framework.test import APIClient

from qsdp.api.services import api_token_create


def token_client(user, **create) -> APIClient:  # type: ignore[no-untyped-def]
    """A client sending a fresh token of ``user`` as ``Authorization: Bearer``."""
    create.setdefault("name", "test")
    _, secret = api_token_create(actor=user, **create)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client
