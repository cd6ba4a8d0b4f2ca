"""The data the synthetic population is drawn from: names, ethnic groups,
places, occupations. Weights are rough shares in Bắc Kạn, not statistics.

Every table is a tuple of ``(value, weight)`` pairs, in a fixed order, so that
the same seed gives the same people on every machine.
"""

from dataclasses import dataclass

from qsdp.people.choices import Ethnicity, Religion

Weighted = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CityUnit:
    """A ward or commune of Thành phố Bắc Kạn (codes of 2023) and the demo's share
    of its people."""

    code: str
    name: str  # the full official name, as the loader writes it
    weight: int  # share of the demo population
    rural: bool  # a commune: more farmers, "Thôn" instead of "Tổ"
    villages: tuple[str, ...]

    @property
    def address_name(self) -> str:
        """ "phường Sông Cầu" for "Phường Sông Cầu", as written after a village."""
        return self.name[0].lower() + self.name[1:]


CITY_UNITS: tuple[CityUnit, ...] = (
    CityUnit(
        "01834", "Phường Nguyễn Thị Minh Khai", 15, False,
        ("Tổ 1", "Tổ 2", "Tổ 3", "Tổ 4", "Tổ 5", "Tổ 6"),
    ),
    CityUnit(
        "01837", "Phường Sông Cầu", 16, False,
        ("Tổ 1", "Tổ 2", "Tổ 3", "Tổ 4", "Tổ 5", "Tổ 6"),
    ),
    CityUnit(
        "01840", "Phường Đức Xuân", 18, False,
        ("Tổ 1", "Tổ 2", "Tổ 3", "Tổ 4", "Tổ 5", "Tổ 6"),
    ),
    CityUnit(
        "01843", "Phường Phùng Chí Kiên", 13, False,
        ("Tổ 1", "Tổ 2", "Tổ 3", "Tổ 4", "Tổ 5"),
    ),
    CityUnit(
        "01846", "Phường Huyền Tụng", 12, False,
        ("Tổ Bản Giềng", "Tổ Nà Kẹn", "Tổ Khuổi Dủm", "Tổ Đon Tuấn", "Tổ Nà Diểu"),
    ),
    CityUnit(
        "01849", "Xã Dương Quang", 8, True,
        ("Thôn Nà Pài", "Thôn Nà Chuông", "Thôn Khuổi Cuồng", "Thôn Phặc Tràng"),
    ),
    CityUnit(
        "01852", "Xã Nông Thượng", 8, True,
        ("Thôn Khuổi Chang", "Thôn Nà Diệc", "Thôn Thôm Luông", "Thôn Thanh Mai"),
    ),
    CityUnit(
        "01855", "Phường Xuất Hóa", 8, False,
        ("Tổ Nà Cưởm", "Tổ Bản Vẻn", "Tổ Khau Cút", "Tổ Lâm Trường"),
    ),
)  # fmt: skip

# Tày ~55 %, Kinh ~20 %, Nùng ~10 %, Dao ~10 %, Mông ~4 %, others ~1 %.
ETHNICITIES: Weighted = (
    (Ethnicity.TAY.value, 550),
    (Ethnicity.KINH.value, 200),
    (Ethnicity.NUNG.value, 100),
    (Ethnicity.DAO.value, 100),
    (Ethnicity.HMONG.value, 40),
    (Ethnicity.SAN_CHAY.value, 6),
    (Ethnicity.HOA.value, 4),
)

FAMILY_NAMES: dict[str, Weighted] = {
    Ethnicity.TAY.value: (
        ("Hoàng", 20), ("Nông", 15), ("Hà", 7), ("Lường", 6), ("Ma", 6), ("Triệu", 6),
        ("Nguyễn", 5), ("Lục", 4), ("Đinh", 4), ("Lý", 3), ("Hứa", 3), ("Bế", 3),
        ("Dương", 3), ("Mông", 2), ("Lèo", 2), ("Lưu", 2), ("Lâm", 2),
    ),
    Ethnicity.KINH.value: (
        ("Nguyễn", 35), ("Trần", 12), ("Lê", 10), ("Phạm", 8), ("Hoàng", 5), ("Vũ", 5),
        ("Đỗ", 5), ("Đinh", 4), ("Bùi", 4), ("Ngô", 3), ("Dương", 3), ("Đặng", 3), ("Phan", 2),
    ),
    Ethnicity.NUNG.value: (
        ("Hoàng", 20), ("Nông", 15), ("Lương", 8), ("Lộc", 8), ("Vi", 6), ("Chu", 6),
        ("Lý", 5), ("Mã", 4), ("Lăng", 4), ("Hà", 4), ("Triệu", 4),
    ),
    Ethnicity.DAO.value: (
        ("Bàn", 30), ("Triệu", 30), ("Lý", 15), ("Đặng", 15), ("Phùng", 5), ("Chu", 5),
    ),
    Ethnicity.HMONG.value: (
        ("Giàng", 25), ("Lý", 20), ("Vàng", 20), ("Thào", 15), ("Hầu", 10), ("Mùa", 10),
    ),
    Ethnicity.SAN_CHAY.value: (("Hoàng", 4), ("Lâm", 3), ("Đặng", 3)),
    Ethnicity.HOA.value: (("Lưu", 4), ("Trương", 3), ("Lâm", 3)),
}  # fmt: skip

MALE_MIDDLE_NAMES: Weighted = (
    ("Văn", 60), ("Đức", 8), ("Minh", 7), ("Quang", 6), ("Hữu", 5), ("Xuân", 4),
    ("Tiến", 4), ("Thanh", 3), ("Công", 3), ("Ngọc", 2), ("Trung", 2), ("Mạnh", 2),
    ("Duy", 2), ("Văn Minh", 1), ("Đức Anh", 1),
)  # fmt: skip
FEMALE_MIDDLE_NAMES: Weighted = (
    ("Thị", 60), ("Thu", 8), ("Ngọc", 7), ("Thanh", 5), ("Hồng", 4), ("Minh", 4),
    ("Phương", 3), ("Kim", 3), ("Thị Thu", 3), ("Thị Hồng", 2), ("Mai", 1),
)  # fmt: skip
MALE_GIVEN_NAMES: tuple[str, ...] = (
    "Anh", "Bắc", "Bình", "Chiến", "Công", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Đức",
    "Giang", "Hải", "Hào", "Hậu", "Hiệp", "Hiếu", "Hoàn", "Hùng", "Huy", "Hưng", "Khánh",
    "Khoa", "Kiên", "Lâm", "Linh", "Long", "Lợi", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa",
    "Phong", "Phúc", "Quân", "Quang", "Quyết", "Sơn", "Tài", "Thái", "Thắng", "Thành",
    "Thịnh", "Tiến", "Toàn", "Trung", "Trường", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
)  # fmt: skip
FEMALE_GIVEN_NAMES: tuple[str, ...] = (
    "An", "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa",
    "Hoài", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Ly", "Mai",
    "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thơm", "Thu", "Thủy",
    "Trang", "Tuyết", "Uyên", "Vân", "Yến",
)  # fmt: skip
# Mông names follow their own pattern (Giàng A Páo, Lý Thị Mỷ).
HMONG_MALE_MIDDLE_NAMES: Weighted = (("A", 50), ("Văn", 30), ("Seo", 20))
HMONG_MALE_GIVEN_NAMES: tuple[str, ...] = ("Páo", "Sình", "Dính", "Chứ", "Pó", "Lử", "Tủa", "Mua")
HMONG_FEMALE_GIVEN_NAMES: tuple[str, ...] = ("Mỷ", "Dợ", "Sua", "Chò", "Dúa", "Mai", "Ly", "Pà")

RELIGIONS: dict[str, Weighted] = {
    Ethnicity.HMONG.value: ((Religion.NONE.value, 80), (Religion.PROTESTANTISM.value, 20)),
    Ethnicity.KINH.value: (
        (Religion.NONE.value, 94), (Religion.BUDDHISM.value, 5), (Religion.CATHOLICISM.value, 1),
    ),
}  # fmt: skip
DEFAULT_RELIGIONS: Weighted = ((Religion.NONE.value, 98), (Religion.BUDDHISM.value, 2))

# Where a birth was registered, for people born outside Bắc Kạn (CCCD codes).
OTHER_BIRTH_PROVINCES: Weighted = (
    ("019", 30), ("004", 15), ("020", 15), ("008", 10), ("001", 10), ("024", 8),
    ("022", 5), ("025", 4), ("038", 3),
)  # fmt: skip
BORN_IN_BAC_KAN_PERCENT = 85
NO_CCCD_PERCENT = 3
PHONE_PERCENT = 65
PHONE_PREFIXES: tuple[str, ...] = (
    "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039",
    "088", "091", "094", "083", "084", "085", "081", "082", "070", "076", "077", "078",
)  # fmt: skip

# The general-education grade of those who left school.
EDUCATION_GRADES: tuple[tuple[int, int], ...] = (
    (6, 2), (7, 3), (8, 4), (9, 22), (10, 8), (11, 8), (12, 53),
)  # fmt: skip

SCHOOLS_LOWER = ("Trường THCS Đức Xuân", "Trường THCS Bắc Kạn", "Trường THCS Huyền Tụng")
SCHOOLS_UPPER = (
    "Trường THPT Bắc Kạn",
    "Trường THPT Chuyên Bắc Kạn",
    "Trường PT Dân tộc nội trú tỉnh Bắc Kạn",
)
COLLEGES = (
    "Trường Cao đẳng Bắc Kạn",
    "Đại học Thái Nguyên",
    "Trường Đại học Nông Lâm - Đại học Thái Nguyên",
    "Học viện Nông nghiệp Việt Nam",
)
EMPLOYERS = (
    "Công ty Cổ phần Khoáng sản Bắc Kạn",
    "Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên",
    "Công ty Cổ phần Xi măng Bắc Kạn",
    "Công ty TNHH MTV Lâm nghiệp Bắc Kạn",
)
OFFICES = (
    "UBND thành phố Bắc Kạn",
    "Sở Giáo dục và Đào tạo tỉnh Bắc Kạn",
    "Bệnh viện Đa khoa tỉnh Bắc Kạn",
    "Kho bạc Nhà nước Bắc Kạn",
)

# Occupations of adults out of school, for a ward and for a commune.
# (Officials, "Cán bộ", are drawn among graduates; students by age.)
URBAN_OCCUPATIONS: Weighted = (
    ("Lao động tự do", 34), ("Buôn bán", 26), ("Công nhân", 26), ("Làm nông", 14),
)  # fmt: skip
RURAL_OCCUPATIONS: Weighted = (
    ("Làm nông", 62), ("Lao động tự do", 18), ("Công nhân", 15), ("Buôn bán", 5),
)  # fmt: skip
OFFICIAL = "Cán bộ"
STUDENT = "Học sinh"
UNDERGRADUATE = "Sinh viên"

# Where ~10 people went when they left the area the demo covers.
MOVED_AWAY_TO: tuple[str, ...] = (
    "Thành phố Thái Nguyên, tỉnh Thái Nguyên",
    "Quận Cầu Giấy, thành phố Hà Nội",
    "Huyện Yên Phong, tỉnh Bắc Ninh",
    "Thành phố Lạng Sơn, tỉnh Lạng Sơn",
    "Thành phố Cao Bằng, tỉnh Cao Bằng",
    "Thành phố Phổ Yên, tỉnh Thái Nguyên",
)
