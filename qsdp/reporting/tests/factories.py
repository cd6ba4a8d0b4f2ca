"""Reporting records of the small Bắc Kạn tree, through the services."""

from datetime import datetime
from zoneinfo import ZoneInfo

from qsdp.reporting.models import Submission
from qsdp.reporting.services.submissions import submission_approve, submission_submit

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, tzinfo=HANOI)


def submitted(unit, actor, *, year=2023, on=None) -> Submission:  # type: ignore[no-untyped-def]
    return submission_submit(
        actor=actor, org_unit=unit, year=year, submitted_at=on or at(year, 11, 10)
    )


def approved(unit, submitter, approver, *, year=2023, on=None) -> Submission:  # type: ignore[no-untyped-def]
    submission = submitted(unit, submitter, year=year)
    return submission_approve(
        actor=approver, submission=submission, approved_at=on or at(year, 11, 20)
    )


def communes_approved(tree, command_staff, *, year=2023) -> None:  # type: ignore[no-untyped-def]
    """Both communes of the city submitted (by the command for them) and approved."""
    for unit in (tree.duong_quang, tree.song_cau):
        approved(unit, None, command_staff, year=year)
