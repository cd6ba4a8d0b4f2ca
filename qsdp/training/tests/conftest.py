"""The training world of the tests (2023, Bắc Kạn city)."""

from datetime import date

import pytest

from qsdp.militia.tests.factories import citizen, member
from qsdp.training.services import (
    ParticipantResult,
    course_results_record,
    participant_add,
    propagandist_appoint,
    propagandist_training_record,
)
from qsdp.training.tests.factories import course, plan, session


@pytest.fixture
def world(tree):
    """Dương Quang: militia An (mobile, first year: 15 days), Sơn (standing: 60),
    Bảo (local, fourth year: 7), Lan a citizen; its 2023 militia plan (by Ban CHQS
    xã Dương Quang) with a drill session at Thôn Nà Pài (An khá, Sơn giỏi, Bảo
    absent) and a political session (An present ungraded, Sơn không đạt); a course
    for village elders (3 planned: Lan enrolled, official Tú completed, đạt);
    Lan a propagandist. Sông Cầu: Khánh, its own plan (Khánh giỏi) and a course.
    The city: a KTQP&AN course for ĐT4 (5 planned: Lan and official Hà completed)."""
    dq, sc = tree.duong_quang, tree.song_cau
    an = member(
        dq, family_name="Hoàng", middle_name="Văn", given_name="An", militia_type="mobile",
        start=date(2023, 4, 1),
    )  # fmt: skip
    son = member(dq, given_name="Sơn", militia_type="standing", start=date(2022, 1, 10))
    bao = member(dq, given_name="Bảo", militia_type="local", start=date(2020, 1, 1))
    lan = citizen(
        dq, family_name="Ma", middle_name="Thị", given_name="Lan", sex="female",
        born=date(2000, 1, 1),
    )  # fmt: skip
    khanh = member(
        sc, family_name="Lục", middle_name="Văn", given_name="Khánh", militia_type="mobile",
        start=date(2023, 4, 1),
    )  # fmt: skip
    dq_plan = plan(tree.duong_quang_command, title="Kế hoạch huấn luyện dân quân năm 2023")
    drill = session(
        dq_plan, tree.duong_quang_village, on=date(2023, 5, 10), days="1",
        attendance={an.person: (True, "good"), son.person: (True, "excellent"),
                    bao.person: (False, "")},
    )  # fmt: skip
    political = session(
        dq_plan, dq, on=date(2023, 5, 11), days="0.5", topic="Giáo dục chính trị",
        kind="political", attendance={an.person: (True, ""), son.person: (True, "fail")},
    )  # fmt: skip
    sc_plan = plan(sc, title="Kế hoạch huấn luyện dân quân phường Sông Cầu")
    session(sc_plan, sc, on=date(2023, 6, 1), attendance={khanh.person: (True, "excellent")})
    elders = course(
        dq, code="village_elder", planned=3, title="Bồi dưỡng KTQP&AN già làng, trưởng thôn",
        organiser="Ban CHQS xã Dương Quang",
    )  # fmt: skip
    enrolled = participant_add(actor=None, course=elders, person=lan)
    tu = participant_add(
        actor=None, course=elders, official_name="Hoàng Văn Tú", position="Trưởng thôn Nà Pài"
    )
    course_results_record(
        actor=None, course=elders,
        entries=[ParticipantResult(tu, True, "pass"), ParticipantResult(enrolled, False, "")],
    )  # fmt: skip
    sc_course = course(sc, code="enterprise_owner", planned=4, title="Bồi dưỡng chủ doanh nghiệp")
    sc_official = participant_add(actor=None, course=sc_course, official_name="Trần Văn Long")
    course_results_record(
        actor=None, course=sc_course, entries=[ParticipantResult(sc_official, True, "good")]
    )
    dt4 = course(tree.city_command, code="dt4", planned=5, title="Bồi dưỡng KTQP&AN đối tượng 4")
    city_lan = participant_add(actor=None, course=dt4, person=lan)
    ha = participant_add(
        actor=None, course=dt4, official_name="Nông Thị Hà", position="Phó Chủ tịch UBND xã"
    )
    course_results_record(
        actor=None, course=dt4,
        entries=[ParticipantResult(city_lan, True, "excellent"), ParticipantResult(ha, True, "")],
    )  # fmt: skip
    propagandist = propagandist_appoint(
        actor=None, org_unit=dq, appointed_on=date(2022, 3, 1), person=lan,
        position="Tuyên truyền viên thôn Nà Pài",
    )  # fmt: skip
    propagandist_training_record(
        actor=None, propagandist=propagandist, trained_on=date(2023, 8, 1),
        title="Tập huấn tuyên truyền viên cơ sở", result="good",
    )  # fmt: skip
    sc_propagandist = propagandist_appoint(
        actor=None, org_unit=sc, appointed_on=date(2022, 3, 1), full_name="Đinh Thị Mai"
    )
    return {
        "an": an, "son": son, "bao": bao, "lan": lan, "khanh": khanh, "dq_plan": dq_plan,
        "drill": drill, "political": political, "sc_plan": sc_plan, "elders": elders,
        "enrolled": enrolled, "tu": tu, "sc_course": sc_course, "dt4": dt4,
        "propagandist": propagandist, "sc_propagandist": sc_propagandist,
    }  # fmt: skip
