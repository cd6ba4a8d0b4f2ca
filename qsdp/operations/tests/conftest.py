"""The operations world of the page tests."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from qsdp.operations import services
from qsdp.operations.services import DirectiveData, IncidentData, PatrolData, ShiftData
from qsdp.operations.tests.factories import at, duty_post, held, person, plan


@pytest.fixture
def world(tree, settings, tmp_path):
    """Dương Quang: the 2023 combat drill held and rated Giỏi, the 2024 plan;
    a duty post with An and Bình, An's shift in ten days with a swap asked
    for Bình, a duty log of 02/10/2023; a patrol and a hot spot of 2023; the
    city's directive 12/CT-BCHQS (with its file) giving Dương Quang a task due
    01/03/2023. Sông Cầu: its own plan, post, patrol and incident."""
    settings.MEDIA_ROOT = tmp_path
    dq, sc = tree.duong_quang, tree.song_cau
    drill = held(plan(dq, year=2023, title="Diễn tập chiến đấu xã Dương Quang"), rating="good")
    plan_2024 = plan(dq, year=2024, title="Diễn tập chiến đấu xã Dương Quang 2024")
    plan(sc, year=2024, kind="disaster_response", title="Diễn tập PCTT-TKCN Sông Cầu")
    an = person(dq, family_name="Hoàng", given_name="An")
    binh = person(dq, family_name="Lý", given_name="Bình")
    person(sc, family_name="Lục", given_name="Khánh")
    post = duty_post(dq, name="Trực ban Ban CHQS xã")
    duty_post(sc, name="Trực ban Ban CHQS phường")
    day = timezone.localdate() + timedelta(days=10)
    services.roster_save(
        actor=None, post=post, start=day, end=day,
        shifts=[ShiftData(an, at(day), at(day) + timedelta(hours=24))],
    )  # fmt: skip
    shift = post.shifts.get()
    swap = services.swap_request(actor=None, shift=shift, replacement=binh, reason="Đi học")
    log = services.duty_log_record(actor=None, post=post, day=date(2023, 10, 2), on_duty=[an])
    for unit in (dq, sc):
        services.patrol_record(
            actor=None, org_unit=unit,
            data=PatrolData(date(2023, 3, 1), f"Địa bàn {unit.name}", 4, 2),
        )  # fmt: skip
    incident = services.incident_report(
        actor=None, org_unit=dq,
        data=IncidentData(date(2023, 5, 1), "public_order", "Chợ Dương Quang", "Gây rối", True),
    )  # fmt: skip
    services.incident_report(
        actor=None, org_unit=sc,
        data=IncidentData(date(2023, 5, 1), "fire", "Phường Sông Cầu", "Cháy nhỏ"),
    )  # fmt: skip
    directive = services.directive_create(
        actor=None, org_unit=tree.city,
        data=DirectiveData("directive", "12/CT-BCHQS", date(2023, 1, 10), "Hà Văn Tuấn",
                           "Về công tác diễn tập năm 2023"),
        file=SimpleUploadedFile("ct12.pdf", b"%PDF-1.4 chi thi"),
    )  # fmt: skip
    task = services.task_assign(
        actor=None, directive=directive, assigned_to=dq, title="Xây dựng kế hoạch diễn tập",
        deadline=date(2023, 3, 1),
    )  # fmt: skip
    return {
        "drill": drill, "plan_2024": plan_2024, "an": an, "binh": binh, "post": post,
        "shift": shift, "swap": swap, "log": log, "incident": incident, "directive": directive,
        "task": task,
    }  # fmt: skip
