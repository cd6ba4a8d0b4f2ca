"""Time-based one-time codes (TOTP, RFC 6238) and recovery codes, without the
database: the services store what these functions produce."""

import hashlib
import secrets
import time

import pyotp
import segno

ISSUER = "qsdp"
STEP_SECONDS = 30
# One step either side: phones whose clock is a little off still sign in.
WINDOW = 1
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code of ``uri`` as inline SVG (no image request, no inline style)."""
    return str(segno.make(uri, error="m").svg_inline(scale=4, title="QR"))


def matching_step(secret: str, code: str, *, now: float | None = None) -> int | None:
    """The time step whose code is ``code`` within the window, else None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if now is None else now
    current = totp.timecode(moment)
    for offset in range(-WINDOW, WINDOW + 1):
        if secrets.compare_digest(totp.at(moment + offset * STEP_SECONDS), code):
            return int(current + offset)
    return None


def new_recovery_codes() -> list[str]:
    return [
        "-".join("".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(5)) for _ in range(2))
        for _ in range(RECOVERY_CODE_COUNT)
    ]


def recovery_hash(code: str) -> str:
    """The stored form of a recovery code: codes carry 50 random bits, so a fast
    hash suffices (no dictionary to try)."""
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()
