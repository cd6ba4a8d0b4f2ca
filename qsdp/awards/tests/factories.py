"""Builders of award records through the real services (actor None: a loader)."""

from datetime import date

from qsdp.awards import services
from qsdp.awards.models import (
    AwardDecision,
    AwardEvidence,
    AwardForm,
    AwardProposal,
    AwardRecipient,
    AwardRevocation,
    RecipientKind,
)
from qsdp.people.tests.factories import create_person

GIAY_KHEN = "giay-khen-chu-tich-ubnd"
LAO_DONG_TIEN_TIEN = "lao-dong-tien-tien"
CHIEN_SI_THI_DUA = "chien-si-thi-dua-co-so"


def form(code: str = GIAY_KHEN) -> AwardForm:
    return AwardForm.objects.get(code=code)


def person(unit, **fields):  # type: ignore[no-untyped-def]
    return create_person(unit, birth_date=date(1990, 3, 15), **fields)


def individual(who, achievement: str = "Hoàn thành xuất sắc nhiệm vụ.") -> services.RecipientData:  # type: ignore[no-untyped-def]
    return services.RecipientData(
        kind=RecipientKind.INDIVIDUAL, person=who, achievement=achievement
    )


def collective(
    unit=None, name: str = "", achievement: str = "Đơn vị dẫn đầu phong trào."
) -> services.RecipientData:  # type: ignore[no-untyped-def]
    return services.RecipientData(
        kind=RecipientKind.COLLECTIVE, unit=unit, name=name, achievement=achievement
    )


def proposal(unit, *recipients, code: str = GIAY_KHEN, year: int = 2023) -> AwardProposal:  # type: ignore[no-untyped-def]
    """A draft of ``unit`` with ``recipients`` (RecipientData)."""
    made = services.proposal_create(
        actor=None,
        org_unit=unit,
        data=services.ProposalData(year=year, form=form(code), title="Thành tích năm 2023"),
    )
    for data in recipients:
        services.recipient_add(actor=None, proposal=made, data=data)
    return made


def submitted(draft: AwardProposal) -> AwardProposal:
    return services.proposal_submit(actor=None, proposal=draft, on=date(2023, 11, 6))


def recommended(draft: AwardProposal) -> AwardProposal:
    return services.proposal_review(
        actor=None, proposal=submitted(draft), recommend=True, on=date(2023, 11, 13)
    )


def decision_data(
    unit, *, number: str = "12/QĐ-UBND", on: date = date(2023, 11, 22), code: str = GIAY_KHEN
) -> services.DecisionData:  # type: ignore[no-untyped-def]
    return services.DecisionData(
        number=number,
        decided_on=on,
        deciding_unit=unit,
        signer_name="Lường Văn Khánh",
        signer_title="Chủ tịch UBND thành phố",
        form=form(code),
        title="Có thành tích xuất sắc năm 2023",
    )


def decided(unit, *proposals: AwardProposal, **data) -> AwardDecision:  # type: ignore[no-untyped-def]
    """``proposals`` recommended and decided by ``unit``."""
    code = proposals[0].form.code
    return services.decision_create(
        actor=None,
        data=decision_data(unit, code=code, **data),
        proposals=[recommended(p) for p in proposals],
    )


def rows() -> dict[str, object]:
    """What a denied request must leave as it was."""
    return {
        "proposals": list(AwardProposal.objects.values_list("pk", "status", "title", "year")),
        "recipients": list(AwardRecipient.objects.values_list("pk", "revocation")),
        "evidence": AwardEvidence.objects.count(),
        "decisions": AwardDecision.objects.count(),
        "revocations": AwardRevocation.objects.count(),
    }
