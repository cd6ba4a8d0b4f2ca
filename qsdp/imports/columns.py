"""The columns of each register as officials head them, with their synonyms.

Headers are compared folded (no diacritics, lower case, punctuation as
spaces), so "Ngày, tháng, năm sinh", "NGAY THANG NAM SINH" and "Ngày/tháng/năm
sinh" are one header.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qsdp.core.text import fold


class Kind(models.TextChoices):
    PEOPLE = "people", _("Person register")
    MILITARY_SERVICE = "military_service", _("Military service registration")
    RESERVISTS = "reservists", _("Reserve register")
    MILITIA = "militia", _("Militia members")


@dataclass(frozen=True)
class Field:
    name: str
    header: str  # the template's header (Vietnamese data, as on official forms)
    synonyms: tuple[str, ...]
    required: bool = False


def header_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


PERSON_FIELDS = (
    Field("full_name", "Họ và tên", (
        "ho va ten", "ho ten", "ho chu dem va ten", "ho ten dem va ten", "ho va ten cong dan",
        "ho ten cong dan", "ho va ten khai sinh", "ho ten khai sinh",
    ), required=True),
    Field("birth_date", "Ngày sinh", (
        "ngay sinh", "ngay thang nam sinh", "sinh ngay", "nam sinh", "ngay thang nam",
    ), required=True),
    Field("sex", "Giới tính", ("gioi tinh", "gioi", "nam nu", "nam hoac nu")),
    Field("national_id", "Số CCCD", (
        "so cccd", "cccd", "so dinh danh", "so dinh danh ca nhan", "ma dinh danh",
        "so can cuoc", "so can cuoc cong dan", "so cmnd cccd", "cmnd cccd", "so cccd cmnd",
    )),
    Field("ethnicity", "Dân tộc", ("dan toc",)),
    Field("religion", "Tôn giáo", ("ton giao",)),
    Field("education", "Trình độ văn hóa", (
        "trinh do van hoa", "van hoa", "trinh do hoc van", "hoc van", "tdvh",
    )),
    Field("occupation", "Nghề nghiệp", ("nghe nghiep", "nghe")),
    Field("workplace", "Nơi làm việc, học tập", (
        "noi lam viec hoc tap", "noi lam viec", "noi cong tac", "don vi cong tac",
        "noi hoc tap", "noi lam viec hoac hoc tap",
    )),
    Field("phone", "Số điện thoại", ("so dien thoai", "dien thoai", "sdt", "so dt")),
    Field("address", "Nơi cư trú", (
        "noi cu tru", "dia chi", "noi thuong tru", "dia chi thuong tru", "cho o hien nay",
        "noi o hien nay", "noi cu tru hien nay", "thon to dan pho", "thon xom",
    )),
)  # fmt: skip

REGISTERED_ON = Field("registered_on", "Ngày đăng ký", (
    "ngay dang ky", "ngay dang ky lan dau", "ngay dang ky nvqs", "ngay dk", "ngay dang ky du bi",
), required=True)  # fmt: skip

KIND_FIELDS: dict[str, tuple[Field, ...]] = {
    Kind.PEOPLE: PERSON_FIELDS,
    Kind.MILITARY_SERVICE: (*PERSON_FIELDS, REGISTERED_ON),
    Kind.RESERVISTS: (
        *PERSON_FIELDS,
        REGISTERED_ON,
        Field("source", "Nguồn", ("nguon", "nguon dang ky", "doi tuong"), required=True),
        Field("active_service_months", "Số tháng tại ngũ", (
            "so thang tai ngu", "thoi gian tai ngu", "thoi gian phuc vu tai ngu",
            "so thang phuc vu tai ngu", "thoi gian phuc vu tai ngu thang",
        )),
        Field("rank", "Cấp bậc", ("cap bac", "quan ham")),
        Field("specialty_code", "Mã CNQS", ("ma cnqs", "so hieu cnqs", "ma chuyen nghiep quan su")),
        Field("specialty_name", "Chuyên nghiệp quân sự", ("chuyen nghiep quan su", "cnqs")),
        Field("health_class", "Phân loại sức khỏe", (
            "phan loai suc khoe", "suc khoe", "loai suc khoe",
        )),
    ),
    Kind.MILITIA: (
        *PERSON_FIELDS,
        Field("militia_type", "Loại dân quân", (
            "loai dan quan", "loai", "loai hinh", "loai hinh dan quan", "thanh phan",
        ), required=True),
        Field("term_start", "Ngày vào dân quân", (
            "ngay vao dan quan", "ngay vao", "ngay tham gia", "ngay ket nap",
            "ngay bat dau", "thoi gian vao",
        ), required=True),
        Field("position", "Chức vụ", ("chuc vu",)),
    ),
}  # fmt: skip

# Fields shown to users in errors when the sheet has no such column.
FIELD_LABELS = {
    "full_name": _("full name"),
    "birth_date": _("date of birth"),
    "sex": _("sex"),
    "national_id": _("citizen ID (CCCD)"),
    "registered_on": _("registration date"),
    "source": _("source"),
    "militia_type": _("militia type"),
    "term_start": pgettext_lazy("militia", "date joined"),
}

# Headers that are not data: the running number and notes.
IGNORED = frozenset({"stt", "tt", "so tt", "so thu tu", "ghi chu"})
# A "Nam"/"Nữ" sub-header under the birth-date header: the date goes in the
# column of the person's sex, as on many paper registers.
SEX_SUBHEADERS = {"nam": "male", "nu": "female"}


def synonyms(kind: str) -> dict[str, str]:
    """Folded header → field name for ``kind``."""
    table: dict[str, str] = {}
    for field in KIND_FIELDS[kind]:
        for key in (header_key(field.header), *field.synonyms):
            table.setdefault(key, field.name)
    return table
