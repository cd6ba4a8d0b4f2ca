"""The 2023 awards of Thành phố Bắc Kạn, recorded through the awards services
with the system as actor (the city's 2023 review: "Chủ tịch UBND thành phố khen
thưởng cho 4 tập thể, 9 cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ
QPQS địa phương năm 2023", at the conference of 22/11/2023).

- Collectives: the commune military commands of the two wards that held the
  2023 drills (Sông Cầu, Đức Xuân) and of Xã Dương Quang, and one militia unit
  of Phường Phùng Chí Kiên (named: militia units are not org units).
- Individuals: nine from the register, in this order: militia commanders,
  reservists, then officials (then any man of 25–55) of the city.
- Each ward or commune with a recipient proposes its own (Giấy khen of the
  chairman), submits on 06/11/2023; the city command recommends on
  13/11/2023; one decision of the chairman dated 22/11/2023 decides them all.
  Achievements come with evidence: the drill or militia record, and the
  indicators of the city's review.

Built once: when the decision exists, nothing is recorded.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from qsdp.awards.models import AwardDecision, AwardForm, AwardProposal, RecipientKind
from qsdp.awards.services import (
    DecisionData,
    ProposalData,
    RecipientData,
    RecordLink,
    decision_create,
    proposal_create,
    proposal_review,
    proposal_submit,
    recipient_add,
)
from qsdp.demo.names import OFFICIAL
from qsdp.demo.service_plan import CITY_CHAIRMAN
from qsdp.demo.units import DemoTree
from qsdp.militia.models import COMMANDER_POSITIONS, MilitiaMember, MilitiaUnit
from qsdp.operations.models import Drill
from qsdp.orgunits.models import OrgUnit
from qsdp.people.choices import Sex
from qsdp.people.models import Person
from qsdp.reserves.models import Reservist

YEAR = 2023
SUBMITTED_ON, REVIEWED_ON, DECIDED_ON = date(2023, 11, 6), date(2023, 11, 13), date(2023, 11, 22)
DECISION_NUMBER = "2156/QĐ-UBND"
FORM_CODE = "giay-khen-chu-tich-ubnd"
TITLE = "Có thành tích xuất sắc trong thực hiện nhiệm vụ quốc phòng, quân sự địa phương năm 2023"
INDIVIDUALS = 9
SONG_CAU, DUC_XUAN, DUONG_QUANG, PHUNG_CHI_KIEN = "01837", "01840", "01849", "01843"


@dataclass(frozen=True)
class Nominee:
    code: str  # the ward or commune proposing
    data: RecipientData


def _drill_link(code: str, tree: DemoTree) -> tuple[RecordLink, ...]:
    drill = Drill.objects.filter(plan__org_unit=tree.units[code], held_from__year=YEAR).first()
    return (RecordLink("operations.drill", drill.pk, str(drill.plan.title)),) if drill else ()


def _collectives(tree: DemoTree) -> list[Nominee]:
    drill_text = (
        "Tổ chức diễn tập {kind} năm 2023 chặt chẽ, đúng cơ chế, hoàn thành xuất sắc nhiệm vụ, "
        "an toàn tuyệt đối; duy trì nghiêm chế độ thường trực sẵn sàng chiến đấu."
    )
    nominees = [
        Nominee(
            SONG_CAU,
            RecipientData(
                kind=RecipientKind.COLLECTIVE,
                unit=tree.commands[SONG_CAU],
                achievement=drill_text.format(kind="phòng chống thiên tai, tìm kiếm cứu nạn"),
                indicators=("drills.rated_good_or_better_pct",),
                records=_drill_link(SONG_CAU, tree),
            ),
        ),
        Nominee(
            DUC_XUAN,
            RecipientData(
                kind=RecipientKind.COLLECTIVE,
                unit=tree.commands[DUC_XUAN],
                achievement=drill_text.format(kind="chiến đấu trong khu vực phòng thủ"),
                indicators=("drills.rated_good_or_better_pct",),
                records=_drill_link(DUC_XUAN, tree),
            ),
        ),
        Nominee(
            DUONG_QUANG,
            RecipientData(
                kind=RecipientKind.COLLECTIVE,
                unit=tree.commands[DUONG_QUANG],
                achievement=(
                    "Hoàn thành 100% chỉ tiêu gọi công dân nhập ngũ; phối hợp tuần tra bảo đảm "
                    "an ninh trật tự, không để xảy ra điểm nóng."
                ),
                indicators=("call_up.fulfilment_pct", "patrols.count"),
            ),
        ),
    ]
    militia = MilitiaUnit.objects.filter(org_unit=tree.units[PHUNG_CHI_KIEN]).order_by("pk").first()
    if militia is not None:
        unit_name = tree.units[PHUNG_CHI_KIEN].name
        nominees.append(
            Nominee(
                PHUNG_CHI_KIEN,
                RecipientData(
                    kind=RecipientKind.COLLECTIVE,
                    # "Trung đội dân quân cơ động phường Phùng Chí Kiên"
                    name=f"{militia.name} {unit_name[:1].lower()}{unit_name[1:]}",
                    achievement=(
                        "Huấn luyện đạt khá trở lên; tham gia tuần tra, thường trực sẵn sàng "
                        "chiến đấu bảo đảm quân số, an toàn."
                    ),
                    indicators=("readiness_duty.days_covered_pct",),
                    records=(RecordLink("militia.militiaunit", militia.pk, militia.name),),
                ),
            )
        )
    return nominees


def _codes(tree: DemoTree) -> dict[int, str]:
    return {unit.pk: code for code, unit in tree.units.items()}


def _individuals(tree: DemoTree) -> list[Nominee]:
    """Nine people of the city: militia commanders, reservists, officials."""
    codes = _codes(tree)
    in_city = Q(person__org_unit__in=tree.units.values())
    chosen: dict[int, Nominee] = {}

    def add(person: Person, position: str, achievement: str, evidence: RecordLink | None,
            indicators: tuple[str, ...]) -> None:  # fmt: skip
        if len(chosen) < INDIVIDUALS and person.pk not in chosen:
            chosen[person.pk] = Nominee(
                codes[person.org_unit_id],
                RecipientData(
                    kind=RecipientKind.INDIVIDUAL,
                    person=person,
                    position=position,
                    achievement=achievement,
                    indicators=indicators,
                    records=(evidence,) if evidence else (),
                ),
            )

    commanders = (
        MilitiaMember.objects.filter(
            in_city, position__in=COMMANDER_POSITIONS, left_on__isnull=True
        )
        .select_related("person", "unit")
        .order_by("person__org_unit__code", "pk")
    )
    for member in commanders[:4]:
        add(
            member.person,
            f"Chỉ huy {member.unit.name}" if member.unit else "Chỉ huy dân quân",
            "Chỉ huy đơn vị dân quân huấn luyện, thường trực sẵn sàng chiến đấu, tuần tra "
            "hoàn thành tốt nhiệm vụ.",
            RecordLink("militia.militiamember", member.pk, member.person.full_name),
            ("militia.count",),
        )
    reservists = (
        Reservist.objects.filter(in_city, removed_on__isnull=True)
        .select_related("person")
        .order_by("person__org_unit__code", "pk")
    )
    for reservist in reservists[:3]:
        add(
            reservist.person,
            "Quân nhân dự bị",
            "Chấp hành nghiêm việc đăng ký, rà soát lực lượng dự bị động viên; tham gia huấn "
            "luyện đầy đủ, đạt kết quả tốt.",
            RecordLink("reserves.reservist", reservist.pk, reservist.person.full_name),
            ("reserves.reviewed_pct",),
        )
    people = (
        Person.objects.filter(org_unit__in=tree.units.values(), sex=Sex.MALE)
        .filter(birth_date__lte=date(YEAR - 25, 12, 31), birth_date__gte=date(YEAR - 55, 1, 1))
        .order_by("org_unit__code", "pk")
    )
    for person in [*people.filter(occupation=OFFICIAL), *people.exclude(occupation=OFFICIAL)]:
        add(
            person,
            "Cán bộ" if person.occupation == OFFICIAL else "",
            "Tích cực tham gia công tác tuyển quân, giáo dục quốc phòng và an ninh ở cơ sở.",
            None,
            ("call_up.fulfilment_pct",),
        )
    return list(chosen.values())


def build_awards(tree: DemoTree) -> bool:
    """Record the 2023 awards of the city (``True``), or nothing when they exist."""
    if AwardDecision.objects.filter(deciding_unit=tree.city, number=DECISION_NUMBER).exists():
        return False
    form = AwardForm.objects.get(code=FORM_CODE, valid_from__lte=DECIDED_ON)
    nominees = _collectives(tree) + _individuals(tree)
    proposals: dict[str, AwardProposal] = {}
    for nominee in sorted(nominees, key=lambda n: n.code):
        unit: OrgUnit = tree.units[nominee.code]
        if nominee.code not in proposals:
            proposals[nominee.code] = proposal_create(
                actor=None,
                org_unit=unit,
                data=ProposalData(year=YEAR, form=form, title=TITLE),
            )
        recipient_add(actor=None, proposal=proposals[nominee.code], data=nominee.data)
    for proposal in proposals.values():
        proposal_submit(actor=None, proposal=proposal, on=SUBMITTED_ON)
        proposal_review(
            actor=None,
            proposal=proposal,
            recommend=True,
            note="Ban CHQS thành phố thẩm định, đề nghị khen thưởng.",
            on=REVIEWED_ON,
        )
    decision_create(
        actor=None,
        data=DecisionData(
            number=DECISION_NUMBER,
            decided_on=DECIDED_ON,
            deciding_unit=tree.city,
            signer_name=CITY_CHAIRMAN,
            signer_title="Chủ tịch UBND thành phố",
            form=form,
            title=TITLE,
        ),
        proposals=list(proposals.values()),
    )
    return True
