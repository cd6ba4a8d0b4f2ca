"""Malformed CCCDs and dates get clear Vietnamese messages naming the field;
oversized request bodies are refused before they are parsed."""

import pytest
from django.conf import settings
from django.urls import reverse

from qsdp.people.models import Person

pytestmark = pytest.mark.django_db

FORM = {
    "family_name": "Hoàng", "middle_name": "Văn", "given_name": "Nam", "birth_date": "15/04/2009",
    "sex": "male", "national_id": "006209004321", "ethnicity": "01", "religion": "none",
    "residence_started_on": "01/01/2024",
}  # fmt: skip


def _errors(client, tree, **changes):
    response = client.post(
        reverse("people:person-create"), {**FORM, "org_unit": tree.duong_quang.pk, **changes}
    )
    assert response.status_code == 200
    assert Person.objects.count() == 0
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("national_id", "message"),
    [
        ("00620900432", "Số CCCD phải gồm đúng 12 chữ số; “00620900432” không đúng."),
        ("00620900432A", "Số CCCD phải gồm đúng 12 chữ số; “00620900432A” không đúng."),
        (
            "999209004321",
            "Ba chữ số đầu của số CCCD (999) không phải mã tỉnh nơi đăng ký khai sinh.",
        ),
        (
            "006309004321",
            "Chữ số thứ tư của số CCCD (3) là mã của nữ, nhưng giới tính khai là nam.",
        ),
        (
            "006210004321",
            "Chữ số thứ năm và thứ sáu của số CCCD (10) phải là hai số cuối của năm sinh (09).",
        ),
    ],
)
def test_a_malformed_cccd_is_named_and_explained(client, tree, commune_officer, national_id,
                                                  message):  # fmt: skip
    client.force_login(commune_officer)

    errors = _errors(client, tree, national_id=national_id)

    assert errors == {"national_id": [message]}


@pytest.mark.parametrize("value", ["31/02/2009", "2009-04-15x", "15/4", "hôm qua", "00/00/0000"])
def test_a_malformed_date_is_named(client, tree, commune_officer, value):
    client.force_login(commune_officer)

    errors = _errors(client, tree, birth_date=value)

    assert errors == {"birth_date": ["Nhập một ngày hợp lệ."]}


def test_a_future_birth_date_is_explained(client, tree, commune_officer):
    client.force_login(commune_officer)

    errors = _errors(client, tree, birth_date="01/01/2999", national_id="")

    assert errors == {"birth_date": ["Ngày sinh không được sau ngày hôm nay."]}


def test_an_oversized_body_is_refused_unread(client, tree, commune_officer):
    client.force_login(commune_officer)
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2 * 1024 * 1024
    # Between our limit and Django's default (2.5 MB): passes only with the setting removed.
    padding = "x" * (2 * 1024 * 1024 + 200 * 1024)

    response = client.post(
        reverse("people:person-create"),
        {**FORM, "org_unit": tree.duong_quang.pk, "occupation": padding},
    )

    assert response.status_code == 400
    assert Person.objects.count() == 0


def test_a_body_under_the_limit_is_read(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        reverse("people:person-create"),
        {**FORM, "org_unit": tree.duong_quang.pk, "workplace": "x" * 1000},
    )

    assert response.status_code == 200  # read, and refused by the form's max_length
    assert "workplace" in response.context["form"].errors
