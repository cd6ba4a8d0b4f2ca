"""The law on citizen records, as pure functions (no ORM, no request).

CCCD layout (Decree 137/2015/NĐ-CP Điều 7; Circular 07/2016/TT-BCA Điều 7, as
kept by Circular 59/2021/TT-BCA): 12 digits — 3 for the province where the
birth was registered, 1 for century and sex, 2 for the last two digits of the
birth year, 6 random.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from qsdp.people.errors import PersonErrorCode

NATIONAL_ID_BASIS = "Nghị định 137/2015/NĐ-CP Điều 7; Thông tư 07/2016/TT-BCA Điều 7"

# The 63 provinces' codes of Circular 07/2016 (the pre-2025 list; CCCDs keep
# the code of the province of birth registration for life).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

MALE = "male"
FEMALE = "female"
OLDEST_AGE = 120
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
_PHONE = re.compile(r"^(?:0|\+84)\d{9,10}$")


@dataclass(frozen=True)
class Problem:
    """One reason the law or the data refuses a value, tied to a form field."""

    field: str
    code: PersonErrorCode
    message: str


def century_sex_digit(birth_year: int, sex: str) -> int:
    """0/1 for 1900–1999, 2/3 for 2000–2099, … (even for men, odd for women)."""
    return (birth_year // 100 - 19) * 2 + (1 if sex == FEMALE else 0)


def national_id_problems(national_id: str, *, birth_date: date, sex: str) -> list[Problem]:
    """What is wrong with a CCCD given the person's birth date and sex; [] if nothing.

    Each part is checked on its own so that the message says which one is wrong.
    """
    field = "national_id"
    if not re.fullmatch(r"\d{12}", national_id):
        return [
            Problem(
                field,
                PersonErrorCode.NATIONAL_ID_FORMAT,
                _("A citizen ID (CCCD) has exactly 12 digits; “%(value)s” does not.")
                % {"value": national_id},
            )
        ]
    problems: list[Problem] = []
    province = national_id[:3]
    if province not in PROVINCE_CODES:
        problems.append(
            Problem(
                field,
                PersonErrorCode.NATIONAL_ID_PROVINCE,
                _("The first three digits of the citizen ID (%(code)s) are not a province code.")
                % {"code": province},
            )
        )
    digit = int(national_id[3])
    expected = century_sex_digit(birth_date.year, sex)
    if digit % 2 != expected % 2:
        problems.append(
            Problem(
                field,
                PersonErrorCode.NATIONAL_ID_SEX,
                _(
                    "The fourth digit of the citizen ID (%(digit)s) is for a %(id_sex)s, "
                    "but the person is recorded as %(sex)s."
                )
                % {
                    "digit": digit,
                    "id_sex": _("woman") if digit % 2 else _("man"),
                    "sex": _("female") if sex == FEMALE else _("male"),
                },
            )
        )
    if digit // 2 != expected // 2:
        first_year = 1900 + (digit // 2) * 100
        problems.append(
            Problem(
                field,
                PersonErrorCode.NATIONAL_ID_CENTURY,
                _(
                    "The fourth digit of the citizen ID (%(digit)s) is for people born "
                    "%(first)s–%(last)s, but the birth year is %(year)s."
                )
                % {
                    "digit": digit,
                    "first": first_year,
                    "last": first_year + 99,
                    "year": birth_date.year,
                },
            )
        )
    if national_id[4:6] != f"{birth_date.year % 100:02d}":
        problems.append(
            Problem(
                field,
                PersonErrorCode.NATIONAL_ID_YEAR,
                _(
                    "The fifth and sixth digits of the citizen ID (%(digits)s) must be the last "
                    "two digits of the birth year (%(year)s)."
                )
                % {"digits": national_id[4:6], "year": f"{birth_date.year % 100:02d}"},
            )
        )
    return problems


def birth_date_problems(birth_date: date, *, today: date) -> list[Problem]:
    if birth_date > today:
        return [
            Problem(
                "birth_date",
                PersonErrorCode.BIRTH_DATE_FUTURE,
                _("The date of birth cannot be after today."),
            )
        ]
    if today.year - birth_date.year > OLDEST_AGE:
        return [
            Problem(
                "birth_date",
                PersonErrorCode.BIRTH_DATE_TOO_OLD,
                _("The date of birth is more than %(years)s years ago.") % {"years": OLDEST_AGE},
            )
        ]
    return []


def name_problems(*, family_name: str, middle_name: str, given_name: str) -> list[Problem]:
    problems = []
    for field, value, required in (
        ("family_name", family_name, True),
        ("middle_name", middle_name, False),
        ("given_name", given_name, True),
    ):
        if (value or required) and not _NAME.fullmatch(value):
            problems.append(
                Problem(
                    field,
                    PersonErrorCode.NAME_INVALID,
                    _("A name may contain only letters, spaces, hyphens and apostrophes."),
                )
            )
    return problems


def phone_problems(phone: str) -> list[Problem]:
    if phone and not _PHONE.fullmatch(phone):
        return [
            Problem(
                "phone",
                PersonErrorCode.PHONE_INVALID,
                _("A phone number starts with 0 or +84 and has 10 or 11 digits."),
            )
        ]
    return []


def education_problems(grade: int | None) -> list[Problem]:
    if grade is not None and not 0 <= grade <= 12:
        return [
            Problem(
                "education_grade",
                PersonErrorCode.EDUCATION_GRADE,
                _("The general education grade is a number from 0 to 12."),
            )
        ]
    return []
