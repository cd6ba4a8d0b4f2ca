"""The persona matrix on every awards page (anonymous, out of scope, read-only,
allowed; denied requests change nothing) and what the allowed ones change."""

import pytest
from django.urls import reverse

from qsdp.awards.models import AwardDecision, AwardProposal, AwardRecipient
from qsdp.awards.tests.factories import form, rows

pytestmark = pytest.mark.django_db


def reads(world):
    return [
        reverse("awards:award-list"),
        reverse("awards:proposal-detail", args=[world["draft"].pk]),
        reverse("awards:decision-detail", args=[world["decision"].pk]),
        reverse("awards:decision-pdf", args=[world["decision"].pk]),
    ]


def changes(world):
    """The pages that change Dương Quang's proposals and the city's decision."""
    recipient = world["draft"].recipients.get()
    return [
        reverse("awards:proposal-edit", args=[world["draft"].pk]),
        reverse("awards:recipient-add", args=[world["draft"].pk]),
        reverse("awards:recipient-remove", args=[recipient.pk]),
        reverse("awards:proposal-submit", args=[world["draft"].pk]),
        reverse("awards:proposal-review", args=[world["submitted"].pk]),
        reverse("awards:decision-revoke", args=[world["decision"].pk]),
    ]


def creates():
    return [reverse("awards:proposal-create"), reverse("awards:decision-create")]


def everything(world, tree):
    """A post that would change something on any page if it were allowed."""
    return {
        "org_unit": tree.duong_quang.pk, "year": "2023", "form": form().pk, "title": "X",
        "summary": "X", "kind": "individual", "person": world["an"].pk, "achievement": "X",
        "recommend": "1", "note": "X", "proposals": [world["recommended"].pk],
        "number": "99/QĐ-UBND", "decided_on": "22/11/2023", "deciding_unit": tree.city.pk,
        "signer_name": "X", "signer_title": "X", "recipients": [
            AwardRecipient.objects.get(person=world["dung"]).pk
        ], "revoked_on": "01/03/2024", "reason": "X",
    }  # fmt: skip


def test_anonymous_is_sent_to_login(client, world, tree):
    before = rows()

    for url in [*reads(world), *changes(world), *creates()]:
        for response in (client.get(url), client.post(url, everything(world, tree))):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url

    assert rows() == before


def test_an_officer_of_another_commune_gets_404_on_every_record(client, world, tree, outsider):
    client.force_login(outsider)
    before = rows()

    for url in reads(world)[1:]:
        assert client.get(url).status_code == 404, url
    for url in changes(world):
        assert client.post(url, everything(world, tree)).status_code == 404, url
    listed = client.get(reverse("awards:award-list") + "?year=2023")
    created = client.post(reverse("awards:proposal-create"), everything(world, tree))

    assert listed.context["page"].items == []
    assert created.status_code == 200  # the form again: Dương Quang is not a choice
    assert client.get(reverse("awards:decision-create")).status_code == 403
    assert rows() == before


def test_the_leader_reads_everything_and_every_change_is_403(client, world, tree, leader):
    client.force_login(leader)
    before = rows()

    for url in reads(world):
        assert client.get(url).status_code == 200, url
    for url in [*changes(world), *creates()]:
        assert client.post(url, everything(world, tree)).status_code == 403, url

    assert rows() == before


def test_the_commune_officer_may_not_review_decide_or_revoke(client, world, tree, commune_officer):
    client.force_login(commune_officer)
    before = rows()

    for url in [*changes(world)[4:], creates()[1]]:
        assert client.post(url, everything(world, tree)).status_code == 403, url

    assert rows() == before


def test_the_commune_officer_proposes_adds_and_submits(client, world, tree, commune_officer):
    client.force_login(commune_officer)

    created = client.post(
        reverse("awards:proposal-create"),
        {"org_unit": tree.duong_quang.pk, "year": "2023", "form": form().pk, "title": "Năm 2023"},
    )
    made = AwardProposal.objects.latest("pk")
    added = client.post(
        reverse("awards:recipient-add", args=[made.pk]),
        {
            "kind": "individual",
            "person": world["an"].pk,
            "achievement": "Dẫn đầu phong trào",
            "indicators": ["call_up.fulfilment_pct"],
            "records": f"people.person {world['an'].pk} Hồ sơ",
        },
    )
    sent = client.post(reverse("awards:proposal-submit", args=[made.pk]))

    made.refresh_from_db()
    assert created.status_code == added.status_code == sent.status_code == 302
    assert (made.org_unit, made.year, made.title, made.status, made.created_by) == (
        tree.duong_quang, 2023, "Năm 2023", "submitted", commune_officer,
    )  # fmt: skip
    recipient = made.recipients.get()
    assert (recipient.name, recipient.achievement) == (
        world["an"].full_name,
        "Dẫn đầu phong trào",
    )
    assert sorted(str(e) for e in recipient.evidence.all()) == ["Hồ sơ", "call_up.fulfilment_pct"]


def test_the_commune_officer_removes_a_recipient_of_a_draft(client, world, commune_officer):
    client.force_login(commune_officer)
    recipient = world["draft"].recipients.get()

    response = client.post(reverse("awards:recipient-remove", args=[recipient.pk]))

    assert response.status_code == 302
    assert world["draft"].recipients.count() == 0


def test_the_command_staff_rejects_with_a_reason(client, world, command_staff):
    client.force_login(command_staff)
    url = reverse("awards:proposal-review", args=[world["submitted"].pk])

    without = client.post(url, {"recommend": "0", "note": ""})
    response = client.post(url, {"recommend": "0", "note": "Thiếu minh chứng"})

    world["submitted"].refresh_from_db()
    assert "Nêu lý do trả lại đề nghị." in without.content.decode()
    assert response.status_code == 302
    assert (world["submitted"].status, world["submitted"].review_note) == (
        "rejected",
        "Thiếu minh chứng",
    )


def test_the_command_staff_records_the_decision(client, world, tree, command_staff):
    client.force_login(command_staff)
    url = reverse("awards:decision-create")

    page = client.get(url + f"?proposal={world['recommended'].pk}")
    response = client.post(
        url,
        {
            "form": form().pk,
            "proposals": [world["recommended"].pk],
            "number": "13/QĐ-UBND",
            "decided_on": "23/11/2023",
            "deciding_unit": tree.city.pk,
            "signer_name": "Lường Văn Khánh",
            "signer_title": "Chủ tịch UBND thành phố",
            "title": "",
        },
    )

    decision = AwardDecision.objects.get(number="13/QĐ-UBND")
    assert page.context["form"].initial["proposals"] == [world["recommended"].pk]
    assert response["Location"] == reverse("awards:decision-detail", args=[decision.pk])
    assert (decision.decided_on.isoformat(), decision.deciding_unit, decision.recorded_by) == (
        "2023-11-23", tree.city, command_staff,
    )  # fmt: skip
    assert list(decision.proposals.all()) == [world["recommended"]]


def test_the_command_staff_revokes_an_award(client, world, command_staff):
    client.force_login(command_staff)
    dung = AwardRecipient.objects.get(person=world["dung"])

    response = client.post(
        reverse("awards:decision-revoke", args=[world["decision"].pk]),
        {"recipients": [dung.pk], "number": "20/QĐ-UBND", "revoked_on": "01/03/2024",
         "reason": "Kê khai không trung thực"},
    )  # fmt: skip

    dung.refresh_from_db()
    assert response.status_code == 302
    assert (dung.revocation.number, dung.revocation.reason) == (
        "20/QĐ-UBND",
        "Kê khai không trung thực",
    )


def test_the_list_filters_by_year_unit_status_and_form(client, world, tree, command_staff):
    client.force_login(command_staff)

    def listed(query):  # type: ignore[no-untyped-def]
        page = client.get(reverse("awards:award-list") + query).context["page"]
        return {p.pk for p in page.items}

    assert listed("?year=2023") == {
        world[k].pk for k in ("draft", "submitted", "recommended", "decided")
    }
    assert listed("?status=decided") == {world["decided"].pk}
    assert listed(f"?org_unit={tree.song_cau.pk}") == set()
    assert listed("?year=2024") == set()
    assert listed(f"?form={form('lao-dong-tien-tien').pk}") == set()


def test_the_decision_pdf(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("awards:decision-pdf", args=[world["decision"].pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="quyet-dinh-khen-thuong-12-qd-ubnd.pdf"' in response["Content-Disposition"]


def test_the_decision_page_lists_its_recipients(client, world, leader):
    client.force_login(leader)

    page = client.get(reverse("awards:decision-detail", args=[world["decision"].pk]))

    assert [r.name for r in page.context["recipients"]] == [
        "Ban CHQS xã Dương Quang",
        world["dung"].full_name,
    ]
    assert page.context["can_revoke"] is False
    assert "22/11/2023" in page.content.decode()


def test_the_person_page_shows_his_awards(client, world, commune_officer):
    client.force_login(commune_officer)

    page = client.get(reverse("people:person-detail", args=[world["dung"].pk])).content.decode()
    other = client.get(reverse("people:person-detail", args=[world["an"].pk])).content.decode()

    assert 'id="awards-panel"' in page
    assert "Giấy khen của Chủ tịch UBND cấp huyện, cấp xã</a>, 12/QĐ-UBND ngày 22/11/2023" in page
    assert 'id="awards-panel"' not in other  # proposed, not decided


def test_the_unit_page_shows_the_awards_of_its_area(client, world, tree, command_staff):
    client.force_login(command_staff)

    city = client.get(reverse("orgunits:detail", args=[tree.city.pk]))
    song_cau = client.get(reverse("orgunits:detail", args=[tree.song_cau.pk]))

    html = city.content.decode()
    assert 'id="awards-panel"' in html
    assert world["dung"].full_name in html and "Ban CHQS xã Dương Quang" in html
    assert 'id="awards-panel"' not in song_cau.content.decode()


def test_the_main_menu_has_awards(client, world, commune_officer):
    client.force_login(commune_officer)

    page = client.get(reverse("awards:award-list"))

    assert {"url": "/awards/", "label": "Thi đua, khen thưởng", "active": True} in [
        {**item, "label": str(item["label"])} for item in page.context["nav_items"]
    ]
