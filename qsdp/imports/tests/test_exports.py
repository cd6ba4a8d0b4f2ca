"""Exports: what the list shows, formulas neutralised, every export logged."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from qsdp.core.models import AccessLog
from qsdp.imports.exports import neutralise
from qsdp.imports.models import ExportLog
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    return [
        create_person(tree.duong_quang, family_name="Nguyễn", given_name="An",
                      address="=HYPERLINK(\"http://x\",\"bấm\")"),
        create_person(tree.duong_quang, family_name="Trần", given_name="Bình",
                      address="+84 Nà Pài"),
        create_person(tree.song_cau, family_name="Lý", given_name="Cường"),
    ]  # fmt: skip


def _content(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+84", "'+84"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("Nà Pài", "Nà Pài"), (12, 12)],
)  # fmt: skip
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_export_is_the_users_filtered_list_and_logged(client, people, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("imports:export", args=["people", "csv"]), {"q": "nguyen"})

    text = _content(response).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:3] == ["STT", "Họ và tên", "Ngày sinh"]
    assert [r[1] for r in rows[1:]] == ["Nguyễn Văn An"]
    assert rows[1][5] == '\'=HYPERLINK("http://x","bấm")'
    log = ExportLog.objects.get()
    assert (log.actor, log.register, log.file_format, log.filters, log.row_count) == (
        commune_officer, "people", "csv", {"q": "nguyen"}, 1,
    )  # fmt: skip
    access = AccessLog.objects.get()
    assert (access.purpose, access.target_type, access.target_id) == (
        "export", "imports.exportlog", str(log.pk),
    )  # fmt: skip


def test_xlsx_export_is_formatted_and_holds_no_formula(client, people, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("imports:export", args=["people", "xlsx"]))

    sheet = load_workbook(io.BytesIO(_content(response))).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I3"
    assert sheet["B1"].value == "Họ và tên" and sheet["B1"].font.b
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert '\'=HYPERLINK("http://x","bấm")' in values and "'+84 Nà Pài" in values
    assert all(sheet.cell(r, c).data_type != "f" for r in range(1, 4) for c in range(1, 10))
    assert "Lý Văn Cường" not in values  # Sông Cầu is not the officer's
    assert ExportLog.objects.get().row_count == 2


def test_outsider_exports_only_his_own_area(client, people, outsider):
    client.force_login(outsider)

    response = client.get(reverse("imports:export", args=["people", "csv"]))

    rows = list(csv.reader(io.StringIO(_content(response).decode("utf-8")[1:])))
    assert [r[1] for r in rows[1:]] == ["Lý Văn Cường"]


@pytest.mark.parametrize("kind", ["military_service", "reservists", "militia"])
def test_every_register_exports(client, tree, command_staff, kind):
    client.force_login(command_staff)

    response = client.get(reverse("imports:export", args=[kind, "xlsx"]))

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(_content(response))).active
    assert sheet["B1"].value == "Họ và tên"
    assert ExportLog.objects.get().register == kind


def test_unknown_register_or_format_is_404(client, commune_officer):
    client.force_login(commune_officer)

    assert client.get(reverse("imports:export", args=["awards", "csv"])).status_code == 404
    assert client.get(reverse("imports:export", args=["people", "pdf"])).status_code == 404


@pytest.mark.parametrize(
    ("url", "params", "kind"),
    [
        ("people:person-list", {"q": "an"}, "people"),
        ("military_service:registration-list", {"year": "2023"}, "military_service"),
        ("reserves:reservist-list", {}, "reservists"),
        ("militia:member-list", {}, "militia"),
    ],
)
def test_register_lists_link_to_their_export_with_their_filters(
    client, commune_officer, url, params, kind
):
    client.force_login(commune_officer)

    page = client.get(reverse(url), params).content.decode()

    query = "&amp;".join(f"{k}={v}" for k, v in params.items())
    assert f'href="{reverse("imports:export", args=[kind, "xlsx"])}?{query}"' in page
    assert f'href="{reverse("imports:export", args=[kind, "csv"])}?{query}"' in page


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("people:person-list", "people"),
        ("military_service:registration-list", "military_service"),
        ("reserves:reservist-list", "reservists"),
        ("militia:member-list", "militia"),
    ],
)
def test_the_rows_a_filter_swaps_in_carry_the_export_with_the_new_filters(
    client, commune_officer, url, kind
):
    client.force_login(commune_officer)

    rows = client.get(reverse(url), {"q": "an"}, HTTP_HX_REQUEST="true").content.decode()

    assert f'href="{reverse("imports:export", args=[kind, "xlsx"])}?q=an"' in rows
    assert f'href="{reverse("imports:export", args=[kind, "csv"])}?q=an"' in rows
