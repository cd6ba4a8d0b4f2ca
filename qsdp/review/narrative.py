# ruff: noqa: E501 — the sentences read better whole than cut at 100 columns.
"""The sentences of the review, written from the figures (no database, no rendering).

The review is a Vietnamese administrative document: its sentences are document
data in Vietnamese, like the fixed texts of ``qsdp.documents.layout``, not UI
strings for gettext. ``values_of`` turns the facts into the placeholder values;
``default_paragraphs`` chooses, from those values, the template of each
paragraph — a target met, missed or without data is each said as it is.
"""

from collections.abc import Callable

from qsdp.documents.layout import place_of
from qsdp.orgunits.models import OrgUnitKind
from qsdp.review.facts import ReviewFacts
from qsdp.review.placeholders import Value

DRILL_KINDS = {
    "defence_zone_combat": "diễn tập chiến đấu trong khu vực phòng thủ",
    "disaster_response": "diễn tập phòng chống thiên tai – tìm kiếm cứu nạn",
    "civil_defence": "diễn tập phòng thủ dân sự",
}
KIND_WORDS = {
    OrgUnitKind.PROVINCE: "tỉnh",
    OrgUnitKind.DISTRICT: "huyện",
    OrgUnitKind.TOWN: "thị trấn",
    OrgUnitKind.WARD: "phường",
    OrgUnitKind.COMMUNE: "xã",
    OrgUnitKind.SPECIAL_ZONE: "đặc khu",
}

# Percentages the review weighs (strengths and shortcomings), with how they are named.
ASSESSED = {
    "call_up.fulfilment_pct": "tuyển chọn, gọi công dân nhập ngũ",
    "first_registration.registered_pct": "đăng ký nghĩa vụ quân sự lần đầu",
    "returnees.registered_on_time_pct": "đăng ký quân nhân hoàn thành NVQS vào ngạch dự bị",
    "reserves.arranged_pct": "sắp xếp quân nhân dự bị vào đơn vị",
    "reserves.reviewed_pct": "rà soát quân nhân dự bị",
    "training.pass_pct": "kết quả huấn luyện",
    "defence_education.completion_pct": "bồi dưỡng kiến thức quốc phòng, an ninh",
    "drills.rated_good_or_better_pct": "diễn tập xếp loại khá trở lên",
    "readiness_duty.days_covered_pct": "trực sẵn sàng chiến đấu",
}
# Other indicators a target may be set for, named in the plan and the assessment.
COUNTED = {
    "call_up.quota": "chỉ tiêu gọi công dân nhập ngũ",
    "call_up.enlisted": "công dân nhập ngũ",
    "militia.count": "dân quân tự vệ",
    "militia.population_pct": "tỷ lệ dân quân tự vệ so với dân số",
    "reserves.count": "quân nhân dự bị",
    "patrols.count": "lượt tuần tra",
    "drills.held": "cuộc diễn tập",
    "defence_education.participants": "lượt người được bồi dưỡng kiến thức quốc phòng, an ninh",
    "training.participants": "lượt người được huấn luyện",
    "awards.collective_count": "tập thể được khen thưởng",
    "awards.individual_count": "cá nhân được khen thưởng",
}


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _units_phrase(kinds: list[str]) -> str:
    words = {KIND_WORDS.get(OrgUnitKind(kind), "đơn vị") for kind in kinds}
    return words.pop() if len(words) == 1 else "đơn vị"


def _breakdown(facts: ReviewFacts) -> str:
    counts: dict[str, int] = {}
    for child in facts.children:
        word = KIND_WORDS.get(OrgUnitKind(child.kind), "đơn vị")
        counts[word] = counts.get(word, 0) + 1
    return ", ".join(f"{n:02d} {word}" for word, n in counts.items())


def _join(items: list[str]) -> str:
    return ", ".join(dict.fromkeys(items))


def values_of(facts: ReviewFacts) -> dict[str, Value]:
    """Every placeholder value of the review: indicators (with their counts),
    targets (``target.<code>``, ``plan.<code>``) and the phrases built from records."""
    values: dict[str, Value] = {
        "year": facts.year,
        "next_year": facts.plan_year,
        "unit": lower_first(facts.org_unit.name),
        "unit.name": facts.org_unit.name,
        "children.count": len(facts.children),
        "children.breakdown": _breakdown(facts),
    }
    for code, figure in facts.indicators.items():
        values[code] = figure.value
        values[f"{code}.numerator"] = figure.numerator
        values[f"{code}.denominator"] = figure.denominator
    values.update(facts.extra)
    values.update({f"target.{code}": value for code, value in facts.targets.items()})
    values.update({f"plan.{code}": value for code, value in facts.plan_targets.items()})

    quota, enlisted = facts.value("call_up.quota"), facts.value("call_up.enlisted")
    values["call_up.shortfall"] = max(int(quota or 0) - int(enlisted or 0), 0)
    returned = facts.indicators.get("returnees.registered_on_time_pct")
    values["returnees.late"] = returned.denominator - returned.numerator if returned else None

    drills = facts.drills
    values["drills.units_count"] = len({d.org_unit.code or d.org_unit.name for d in drills})
    values["drills.units_kind"] = _units_phrase([d.org_unit.kind for d in drills])
    values["drills.units"] = _join([place_of(d.org_unit.name) for d in drills])
    values["drills.kinds"] = _join([DRILL_KINDS[d.kind] for d in drills])
    values["drills.ratings"] = _join([d.rating_label or d.rating for d in drills if d.rating])
    values["plan.drills"] = "; ".join(
        f"{lower_first(d.org_unit.name)} {DRILL_KINDS[d.kind]}" for d in facts.plan_drills
    )
    return values


Paragraphs = dict[str, str]


def _situation(facts: ReviewFacts) -> str:
    if facts.children:
        opening = (
            "Năm {year}, {unit} có {children.count:02} đơn vị hành chính cấp xã "
            "({children.breakdown}) thực hiện nhiệm vụ quốc phòng, quân sự địa phương. "
        )
    else:
        opening = "Năm {year}, {unit} thực hiện nhiệm vụ quốc phòng, quân sự địa phương. "
    hot = facts.value("incidents.hot_spots")
    if hot is None:
        return opening + "Chưa có số liệu về tình hình an ninh, trật tự trên địa bàn."
    if hot == 0:
        return opening + (
            "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định, "
            "không để xảy ra điểm nóng."
        )
    return (
        opening
        + "Trong năm trên địa bàn xảy ra {incidents.hot_spots:02} điểm nóng về an ninh, trật tự."
    )


def _leadership(facts: ReviewFacts) -> str:
    if not facts.extra.get("directives.issued"):
        return (
            "Trong năm {year}, hệ thống chưa ghi nhận văn bản lãnh đạo, chỉ đạo công tác "
            "quốc phòng, quân sự địa phương của {unit}."
        )
    text = (
        "Cụ thể hóa nghị quyết lãnh đạo về công tác quốc phòng, quân sự địa phương, "
        "{unit} đã ban hành {directives.issued:02} văn bản lãnh đạo, chỉ đạo (nghị quyết, "
        "kế hoạch, chỉ thị, hướng dẫn)"
    )
    tasks = facts.extra.get("directives.tasks") or 0
    if not tasks:
        return text + "."
    if facts.extra.get("directives.tasks_completed") == tasks:
        return text + "; giao {directives.tasks:02} nhiệm vụ cho các đơn vị, 100% đã hoàn thành."
    return text + (
        "; giao {directives.tasks:02} nhiệm vụ cho các đơn vị, đã hoàn thành "
        "{directives.tasks_completed:02} nhiệm vụ, còn lại đang thực hiện."
    )


def _pct_clause(facts: ReviewFacts, code: str, with_value: str, missing: str) -> str:
    return with_value if facts.value(code) is not None else missing


def _defence_education(facts: ReviewFacts) -> str:
    if not facts.value("defence_education.participants"):
        return "Trong năm {year} chưa có số liệu bồi dưỡng kiến thức quốc phòng, an ninh."
    return (
        "Tổ chức giáo dục, bồi dưỡng kiến thức quốc phòng, an ninh cho {defence_education.participants} lượt người; "
        + _pct_clause(
            facts,
            "defence_education.completion_pct",
            "tỷ lệ hoàn thành chương trình đạt {defence_education.completion_pct}%.",
            "chưa có số liệu về tỷ lệ hoàn thành chương trình.",
        )
    )


def _forces(facts: ReviewFacts) -> str:
    militia = (
        "Lực lượng dân quân tự vệ được củng cố, có {militia.count} đồng chí"
        + (
            ", bằng {militia.population_pct}% dân số"
            if facts.value("militia.population_pct")
            else ""
        )
        + "; "
    )
    reserves = (
        "lực lượng dự bị động viên thường xuyên được rà soát, bổ nhiệm, miễn nhiệm: "
        "{reserves.count} quân nhân dự bị trong danh sách, "
        + _pct_clause(
            facts,
            "reserves.arranged_pct",
            "{reserves.arranged_pct}% được sắp xếp vào đơn vị, ",
            "chưa có số liệu sắp xếp vào đơn vị, ",
        )
        + _pct_clause(
            facts,
            "reserves.reviewed_pct",
            "{reserves.reviewed_pct}% được rà soát trong năm; ",
            "chưa có số liệu rà soát trong năm; ",
        )
        + "bổ nhiệm {reserves.appointments:02}, miễn nhiệm {reserves.dismissals:02} cán bộ khung. "
    )
    if facts.value("training.participants"):
        training = (
            "Công tác huấn luyện được triển khai cho {training.participants} lượt người, "
            + _pct_clause(
                facts,
                "training.pass_pct",
                "{training.pass_pct}% đạt yêu cầu.",
                "chưa có số liệu kết quả kiểm tra.",
            )
        )
    else:
        training = "Chưa có số liệu huấn luyện năm {year}."
    return militia + reserves + training


def _call_up(facts: ReviewFacts) -> str:
    pct = facts.value("call_up.fulfilment_pct")
    if pct is None:
        return "Năm {year}, {unit} không được giao chỉ tiêu gọi công dân nhập ngũ."
    counts = "({call_up.fulfilment_pct.numerator}/{call_up.fulfilment_pct.denominator})"
    if pct >= 100:
        return f"Công tác tuyển quân bảo đảm chặt chẽ, đúng luật, hoàn thành {{call_up.fulfilment_pct}}% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ {counts}."
    return (
        f"Công tác tuyển quân đạt {{call_up.fulfilment_pct}}% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ {counts}, "
        "chưa hoàn thành chỉ tiêu được giao (còn thiếu {call_up.shortfall:02} công dân)."
    )


def _returnees(facts: ReviewFacts) -> str:
    pct = facts.value("returnees.registered_on_time_pct")
    if pct is None:
        return "Trong năm không có quân nhân hoàn thành NVQS trở về địa phương."
    if pct >= 100:
        return (
            "Tổ chức tiếp nhận, đăng ký cho {returnees.registered_on_time_pct}% quân nhân hoàn thành NVQS "
            "trở về địa phương đúng quy định ({returnees.registered_on_time_pct.numerator}/"
            "{returnees.registered_on_time_pct.denominator})."
        )
    return (
        "Tổ chức tiếp nhận {returnees.registered_on_time_pct.denominator} quân nhân hoàn thành NVQS trở về "
        "địa phương; đăng ký đúng quy định cho {returnees.registered_on_time_pct}% "
        "({returnees.registered_on_time_pct.numerator}/{returnees.registered_on_time_pct.denominator}), "
        "còn {returnees.late:02} quân nhân chưa được đăng ký đúng thời hạn."
    )


def _drills(facts: ReviewFacts) -> str:
    if not facts.drills:
        return "Năm {year}, {unit} không tổ chức diễn tập."
    text = "Chỉ đạo tổ chức {drills.kinds} cho {drills.units_count:02} {drills.units_kind} ({drills.units})"
    rated = [d for d in facts.drills if d.good_or_better is not None]
    safe = not any(d.safety_incidents for d in facts.drills)
    if len(rated) < len(facts.drills):
        result = ", có cuộc diễn tập chưa được đánh giá, xếp loại"
    elif all(d.good_or_better for d in rated):
        result = (
            " chặt chẽ, vận hành đúng cơ chế, hoàn thành tốt nhiệm vụ (xếp loại {drills.ratings})"
        )
    else:
        result = ", có cuộc diễn tập chưa đạt loại khá (xếp loại {drills.ratings})"
    return (
        text
        + result
        + (", an toàn tuyệt đối." if safe else "; có sự cố mất an toàn trong diễn tập.")
    )


def _readiness(facts: ReviewFacts) -> str:
    covered = facts.value("readiness_duty.days_covered_pct")
    if covered is None:
        duty = "Chưa có số liệu trực sẵn sàng chiến đấu"
    elif covered >= 100:
        duty = "Duy trì nghiêm chế độ thường trực sẵn sàng chiến đấu ({readiness_duty.days_covered_pct}% số ngày có trực, ghi sổ trực đầy đủ)"
    else:
        duty = "Duy trì chế độ thường trực sẵn sàng chiến đấu, số ngày có trực mới đạt {readiness_duty.days_covered_pct}%"
    patrols = (
        "; phối hợp tổ chức {patrols.count} lượt tuần tra bảo đảm an ninh trật tự"
        if facts.value("patrols.count")
        else "; chưa ghi nhận lượt tuần tra phối hợp nào"
    )
    hot = facts.value("incidents.hot_spots")
    spots = (
        "; nắm chắc tình hình địa bàn, không để xảy ra điểm nóng."
        if hot == 0
        else "; trong năm xảy ra {incidents.hot_spots:02} điểm nóng về an ninh, trật tự."
    )
    return duty + patrols + spots


def _awards(facts: ReviewFacts) -> str:
    collective, individual = (
        facts.value("awards.collective_count"),
        facts.value("awards.individual_count"),
    )
    if collective is None or individual is None:
        return "Chưa có số liệu thi đua, khen thưởng năm {year} trong hệ thống."
    if not (collective or individual):
        return "Trong năm {year} chưa có tập thể, cá nhân được khen thưởng về thực hiện nhiệm vụ QPQS địa phương."
    return (
        "Phát động và thực hiện tốt các phong trào thi đua; UBND {unit} khen thưởng cho "
        "{awards.collective_count} tập thể, {awards.individual_count} cá nhân có thành tích xuất sắc "
        "trong thực hiện nhiệm vụ QPQS địa phương năm {year}."
    )


def _name(code: str) -> str:
    return ASSESSED.get(code) or COUNTED.get(code) or code


def _assessment(facts: ReviewFacts) -> tuple[list[str], list[str]]:
    strengths, shortcomings = [], []
    codes = list(dict.fromkeys([*facts.targets, *ASSESSED]))
    for code in codes:
        value, target = facts.value(code), facts.targets.get(code)
        if code not in facts.indicators:
            continue
        if value is None:
            if target is not None or code in ("call_up.fulfilment_pct",):
                shortcomings.append(f"chưa có số liệu {_name(code)}")
            continue
        unit = "%" if code.endswith("_pct") else ""
        goal = target if target is not None else (100 if unit else None)
        if goal is None:
            continue
        aim = f" (chỉ tiêu {{target.{code}}}{unit})" if target is not None else ""
        if value >= goal:
            strengths.append(f"{_name(code)} đạt {{{code}}}{unit}{aim}")
        else:
            shortcomings.append(f"{_name(code)} mới đạt {{{code}}}{unit}{aim}")
    if facts.value("incidents.hot_spots"):
        shortcomings.append("còn xảy ra {incidents.hot_spots:02} điểm nóng về an ninh, trật tự")
    return strengths, shortcomings


def _strengths(facts: ReviewFacts) -> str:
    strengths, _ = _assessment(facts)
    basis = (
        ""
        if facts.targets
        else " Năm {year} chưa có chỉ tiêu được giao trong hệ thống; kết quả được đối chiếu với yêu cầu đạt 100%."
    )
    if not strengths:
        return "Chưa có chỉ tiêu nào đạt yêu cầu." + basis
    return (
        "Công tác quốc phòng, quân sự địa phương được triển khai đồng bộ, đạt kết quả: "
        + "; ".join(strengths)
        + "."
        + basis
    )


def _shortcomings(facts: ReviewFacts) -> str:
    _, shortcomings = _assessment(facts)
    if not shortcomings:
        return "Các chỉ tiêu được theo dõi đều đạt yêu cầu; không có chỉ tiêu nào chưa đạt."
    return "Bên cạnh kết quả đạt được, còn một số hạn chế: " + "; ".join(shortcomings) + "."


def _direction(facts: ReviewFacts) -> str:
    text = (
        "Năm {next_year}, {unit} tập trung lãnh đạo, chỉ đạo thực hiện tốt nhiệm vụ quốc phòng, quân sự "
        "địa phương, xây dựng khu vực phòng thủ vững chắc"
    )
    if not facts.plan_targets:
        return text + "; chưa có chỉ tiêu kế hoạch năm {next_year} trong hệ thống."
    goals = []
    for code in facts.plan_targets:
        if code == "call_up.fulfilment_pct":
            goals.append("chỉ đạo công tác tuyển quân đạt {plan.call_up.fulfilment_pct}% chỉ tiêu")
        elif code.endswith("_pct"):
            goals.append(f"{_name(code)} đạt {{plan.{code}}}%")
        else:
            goals.append(f"{_name(code)}: {{plan.{code}}}")
    return text + ", phấn đấu: " + "; ".join(goals) + "."


def _plan_drills(facts: ReviewFacts) -> str:
    if not facts.plan_drills:
        return "Năm {next_year} chưa có kế hoạch diễn tập trong hệ thống."
    return "Chỉ đạo {plan.drills} hoàn thành tốt nhiệm vụ trở lên."


# (section, subsection title, paragraph key, writer), in the order of the report.
PARAGRAPHS: list[tuple[str, str, str, Callable[[ReviewFacts], str]]] = [
    ("I", "", "situation", _situation),
    ("II", "1. Công tác lãnh đạo, chỉ đạo", "leadership", _leadership),
    ("II", "2. Công tác giáo dục quốc phòng và an ninh", "defence_education", _defence_education),
    (
        "II",
        "3. Xây dựng, huấn luyện lực lượng dân quân tự vệ và dự bị động viên",
        "forces",
        _forces,
    ),
    ("II", "4. Công tác tuyển quân và tiếp nhận quân nhân xuất ngũ", "call_up", _call_up),
    ("II", "4. Công tác tuyển quân và tiếp nhận quân nhân xuất ngũ", "returnees", _returnees),
    ("II", "5. Công tác diễn tập", "drills", _drills),
    ("II", "6. Trực sẵn sàng chiến đấu và phối hợp tuần tra", "readiness", _readiness),
    ("II", "7. Công tác thi đua, khen thưởng", "awards", _awards),
    ("III", "1. Ưu điểm", "strengths", _strengths),
    ("III", "2. Hạn chế", "shortcomings", _shortcomings),
    ("IV", "", "direction", _direction),
    ("IV", "", "plan_drills", _plan_drills),
]
PARAGRAPH_KEYS = [key for _, _, key, _ in PARAGRAPHS]


def default_paragraphs(facts: ReviewFacts) -> Paragraphs:
    """key → the template the figures call for."""
    return {key: write(facts) for _, _, key, write in PARAGRAPHS}
