"""The rules of awards as pure functions: the proposal's transition table and
the caps of a form per deciding unit and year (Law 06/2022/QH15 on emulation
and commendation; the forms and caps are configuration, DOMAIN.md §11 [U])."""

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RECOMMENDED = "recommended"
    REJECTED = "rejected"
    DECIDED = "decided"
    REVOKED = "revoked"


# From each status, the statuses a proposal may move to. A rejected proposal is
# closed: the unit proposes again. "Revoked" is reached when every award of
# the proposal has been revoked.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.RECOMMENDED, Status.REJECTED}),
    Status.RECOMMENDED: frozenset({Status.DECIDED, Status.REJECTED}),
    Status.REJECTED: frozenset(),
    Status.DECIDED: frozenset({Status.REVOKED}),
    Status.REVOKED: frozenset(),
}

EDITABLE = frozenset({Status.DRAFT})


def can_move(current: str, new: str) -> bool:
    return Status(new) in TRANSITIONS[Status(current)]


@dataclass(frozen=True)
class CapCheck:
    """The cap of a form for a deciding unit and year, and what it would hold."""

    limit: int | None  # None: no cap
    count: int  # awards already counted plus the ones to decide

    @property
    def exceeded(self) -> bool:
        return self.limit is not None and self.count > self.limit


def cap_limit(*, cap_kind: str, cap_value: int | None, base_count: int = 0) -> int | None:
    """How many awards of a form one deciding unit may give in a year: a count,
    or a percentage of the awards of the base form (rounded down: 15 % of 20
    Lao động tiên tiến is 3 Chiến sĩ thi đua cơ sở)."""
    if cap_kind == "count":
        return cap_value
    if cap_kind == "percent" and cap_value is not None:
        return base_count * cap_value // 100
    return None


def check_cap(
    *, cap_kind: str, cap_value: int | None, already: int, adding: int, base_count: int = 0
) -> CapCheck:
    return CapCheck(
        cap_limit(cap_kind=cap_kind, cap_value=cap_value, base_count=base_count),
        already + adding,
    )
