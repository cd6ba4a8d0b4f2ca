from enum import Enum


class PersonErrorCode(Enum):
    NATIONAL_ID_FORMAT = "national_id_format"
    NATIONAL_ID_PROVINCE = "national_id_province"
    NATIONAL_ID_SEX = "national_id_sex"
    NATIONAL_ID_CENTURY = "national_id_century"
    NATIONAL_ID_YEAR = "national_id_year"
    NATIONAL_ID_DUPLICATE = "national_id_duplicate"
    NAMESAKE_DUPLICATE = "namesake_duplicate"
    BIRTH_DATE_FUTURE = "birth_date_future"
    BIRTH_DATE_TOO_OLD = "birth_date_too_old"
    NAME_INVALID = "name_invalid"
    PHONE_INVALID = "phone_invalid"
    EDUCATION_GRADE = "education_grade"
    UNIT_NOT_COMMUNE_LEVEL = "unit_not_commune_level"
    UNIT_CLOSED = "unit_closed"
    NO_OPEN_RESIDENCE = "no_open_residence"
    DATE_BEFORE_RESIDENCE = "date_before_residence"
    NO_PENDING_TRANSFER = "no_pending_transfer"
    TRANSFER_TO_SAME_UNIT = "transfer_to_same_unit"
