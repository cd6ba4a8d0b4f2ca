"""Classes of the users' data (see ``qsdp.core.privacy``): names, contact and roles
are basic; password hashes, authenticator secrets and recovery-code hashes are
credentials, technical and never shown."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "accounts.user": {
        "id": T, "password": T, "is_superuser": T, "is_staff": T, "is_active": T,
        "last_login": B, "username": B, "first_name": B, "last_name": B, "email": B,
        "date_joined": B, "full_name": B, "position": B,
    },
    "accounts.roleassignment": {
        "id": T, "user": T,
        "org_unit": B, "role": B, "valid_from": B, "valid_to": B,
    },
    "accounts.twofactordevice": {
        "id": T, "user": T, "secret": T, "confirmed_at": T, "last_step": T,
    },
    "accounts.recoverycode": {
        "id": T, "user": T, "code_hash": T, "used_at": T,
    },
}  # fmt: skip
