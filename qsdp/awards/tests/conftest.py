"""The awards world of the page tests."""

import pytest

from qsdp.awards.tests.factories import (
    collective,
    decided,
    individual,
    person,
    proposal,
    recommended,
    submitted,
)


@pytest.fixture
def world(tree):
    """Dương Quang: a draft with An, a submitted proposal with Bình, a
    recommended one with Cường, and one decided by the city (12/QĐ-UBND of
    22/11/2023) for Dũng and the commune command. Sông Cầu: Khánh, nothing proposed."""
    dq = tree.duong_quang
    an = person(dq, family_name="Hoàng", given_name="An")
    binh = person(dq, family_name="Lý", given_name="Bình")
    cuong = person(dq, family_name="Nông", given_name="Cường")
    dung = person(dq, family_name="Triệu", given_name="Dũng")
    khanh = person(tree.song_cau, family_name="Lục", given_name="Khánh")
    draft = proposal(dq, individual(an))
    sent = submitted(proposal(dq, individual(binh)))
    ready = recommended(proposal(dq, individual(cuong)))
    done = proposal(dq, individual(dung), collective(tree.duong_quang_command))
    decision = decided(tree.city, done)
    done.refresh_from_db()
    return {
        "an": an, "binh": binh, "cuong": cuong, "dung": dung, "khanh": khanh,
        "draft": draft, "submitted": sent, "recommended": ready, "decided": done,
        "decision": decision,
    }  # fmt: skip
