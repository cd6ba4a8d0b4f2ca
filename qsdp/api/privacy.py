"""Which fields of the API's own tables are basic and which are sensitive
(shape of ``qsdp.people.privacy``). A token's digest describes no one, but it
is a credential: it is never shown, logged or exported."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "api.apitoken": {
        "id": T, "user": T, "name": B, "prefix": T, "secret_hash": T, "created_at": T,
        "last_used_at": T, "expires_at": T, "revoked_at": T, "revoked_by": T,
    },
}  # fmt: skip
