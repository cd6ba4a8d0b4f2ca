"""The demo accounts, one per persona, each with one role assignment from 2023."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password

from qsdp.accounts.models import Role, RoleAssignment, User
from qsdp.demo.units import DemoTree
from qsdp.orgunits.models import OrgUnit

VALID_FROM = date(2023, 1, 1)
# Letters and digits that cannot be mistaken for one another when read aloud or
# copied; a password is 4 groups of 4 of them (80 bits).
UNAMBIGUOUS_CHARACTERS = "abcdefghijkmnpqrstuvwxyz23456789"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    unit: Callable[[DemoTree], OrgUnit]
    full_name: str
    position: str
    is_staff: bool = False  # may open the Django admin (administrators only)


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "chqs.thanhpho",
        Role.COMMAND_STAFF,
        lambda tree: tree.city_command,
        "Hoàng Văn Thắng",
        "Trợ lý tác chiến, Ban CHQS thành phố Bắc Kạn",
    ),
    DemoAccount(
        "chqs.duongquang",
        Role.COMMUNE_OFFICER,
        lambda tree: tree.commands["01849"],
        "Triệu Văn Lâm",
        "Chỉ huy trưởng Ban CHQS xã Dương Quang",
    ),
    DemoAccount(
        "chqs.songcau",
        Role.COMMUNE_OFFICER,
        lambda tree: tree.commands["01837"],
        "Nông Đức Hải",
        "Chỉ huy trưởng Ban CHQS phường Sông Cầu",
    ),
    DemoAccount(
        "lanhdao.thanhpho",
        Role.LEADER,
        lambda tree: tree.city,
        "Lường Văn Khánh",
        "Chủ tịch UBND thành phố Bắc Kạn",
    ),
    DemoAccount(
        "kiemtra",
        Role.AUDITOR,
        lambda tree: tree.city,
        "Hà Thị Thu Trang",
        "Thanh tra viên, Thanh tra thành phố Bắc Kạn",
    ),
    DemoAccount(
        "quantri",
        Role.ADMIN,
        lambda tree: tree.province,
        "Ma Quang Huy",
        "Quản trị hệ thống, tỉnh Bắc Kạn",
        is_staff=True,
    ),
)


def generate_password() -> str:
    """A fresh random password such as ``k7mw-q2xa-9fhe-tr4p``."""
    groups = ("".join(secrets.choice(UNAMBIGUOUS_CHARACTERS) for _ in range(4)) for _ in range(4))
    return "-".join(groups)


@dataclass(frozen=True)
class AccountLine:
    username: str
    role: Role
    unit: OrgUnit
    full_name: str
    position: str


def ensure_accounts(tree: DemoTree, *, password: str) -> list[AccountLine]:
    """Create or refresh the demo accounts; every run sets ``password`` on them
    (so the password printed is the one that works) and keeps one role
    assignment each."""
    lines = []
    # One hash for the six accounts: they share the password anyway, and
    # hashing is the slow part of this step.
    hashed = make_password(password)
    for account in ACCOUNTS:
        unit = account.unit(tree)
        user = User.objects.filter(username=account.username).first() or User(
            username=account.username
        )
        user.full_name = account.full_name
        user.position = account.position
        user.is_staff = account.is_staff
        user.is_active = True
        user.password = hashed
        user.save()
        RoleAssignment.objects.update_or_create(
            user=user,
            org_unit=unit,
            role=account.role,
            valid_from=VALID_FROM,
            defaults={"valid_to": None},
        )
        lines.append(
            AccountLine(account.username, account.role, unit, account.full_name, account.position)
        )
    return lines
