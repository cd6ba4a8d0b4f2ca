"""Fixed lists of the person register. Ethnic group names are data (official
names, the same in every interface language), so they are not translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Ethnicity(models.TextChoices):
    """The 54 ethnic groups with the codes of the General Statistics Office
    (Decision 121-TCTK/PPCĐ, 1979)."""

    KINH = "01", "Kinh"
    TAY = "02", "Tày"
    THAI = "03", "Thái"
    HOA = "04", "Hoa"
    KHMER = "05", "Khmer"
    MUONG = "06", "Mường"
    NUNG = "07", "Nùng"
    HMONG = "08", "Mông"
    DAO = "09", "Dao"
    GIA_RAI = "10", "Gia Rai"
    NGAI = "11", "Ngái"
    E_DE = "12", "Ê Đê"
    BA_NA = "13", "Ba Na"
    XO_DANG = "14", "Xơ Đăng"
    SAN_CHAY = "15", "Sán Chay"
    CO_HO = "16", "Cơ Ho"
    CHAM = "17", "Chăm"
    SAN_DIU = "18", "Sán Dìu"
    HRE = "19", "Hrê"
    MNONG = "20", "Mnông"
    RA_GLAI = "21", "Ra Glai"
    XTIENG = "22", "Xtiêng"
    BRU_VAN_KIEU = "23", "Bru Vân Kiều"
    THO = "24", "Thổ"
    GIAY = "25", "Giáy"
    CO_TU = "26", "Cơ Tu"
    GIE_TRIENG = "27", "Gié Triêng"
    MA = "28", "Mạ"
    KHO_MU = "29", "Khơ Mú"
    CO = "30", "Co"
    TA_OI = "31", "Tà Ôi"
    CHO_RO = "32", "Chơ Ro"
    KHANG = "33", "Kháng"
    XINH_MUN = "34", "Xinh Mun"
    HA_NHI = "35", "Hà Nhì"
    CHU_RU = "36", "Chu Ru"
    LAO = "37", "Lào"
    LA_CHI = "38", "La Chí"
    LA_HA = "39", "La Ha"
    PHU_LA = "40", "Phù Lá"
    LA_HU = "41", "La Hủ"
    LU = "42", "Lự"
    LO_LO = "43", "Lô Lô"
    CHUT = "44", "Chứt"
    MANG = "45", "Mảng"
    PA_THEN = "46", "Pà Thẻn"
    CO_LAO = "47", "Cơ Lao"
    CONG = "48", "Cống"
    BO_Y = "49", "Bố Y"
    SI_LA = "50", "Si La"
    PU_PEO = "51", "Pu Péo"
    BRAU = "52", "Brâu"
    O_DU = "53", "Ơ Đu"
    RO_MAM = "54", "Rơ Măm"


class Religion(models.TextChoices):
    NONE = "none", _("None")
    BUDDHISM = "buddhism", _("Buddhism")
    CATHOLICISM = "catholicism", _("Catholicism")
    PROTESTANTISM = "protestantism", _("Protestantism")
    CAO_DAI = "cao_dai", _("Cao Dai")
    HOA_HAO = "hoa_hao", _("Hoa Hao Buddhism")
    ISLAM = "islam", _("Islam")
    OTHER = "other", _("Other")


class EducationLevel(models.TextChoices):
    ELEMENTARY_VOCATIONAL = "elementary", _("Elementary vocational")
    INTERMEDIATE = "intermediate", _("Intermediate vocational")
    COLLEGE = "college", _("College")
    UNIVERSITY = "university", _("University")
    POSTGRADUATE = "postgraduate", _("Postgraduate")
