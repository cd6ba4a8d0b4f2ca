"""Making and recognising token secrets: pure functions, no database."""

import hashlib
import hmac
import secrets

SCHEME = "qsdp"
PREFIX_LENGTH = 8


def new_secret() -> str:
    """``qsdp_<43 url-safe characters>``: 256 random bits."""
    return f"{SCHEME}_{secrets.token_urlsafe(32)}"


def secret_prefix(secret: str) -> str:
    """The first characters after the scheme, shown in lists and used to find the row."""
    return secret.removeprefix(f"{SCHEME}_")[:PREFIX_LENGTH]


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def hash_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(secret_hash(secret), stored_hash)
