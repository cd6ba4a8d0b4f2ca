from enum import Enum


class ImportErrorCode(Enum):
    """Why a file or one of its rows cannot be imported."""

    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE = "file_type"
    FILE_UNREADABLE = "file_unreadable"
    ZIP_BOMB = "zip_bomb"
    NO_HEADER = "no_header"
    MISSING_COLUMN = "missing_column"
    REQUIRED = "required"
    NAME_INCOMPLETE = "name_incomplete"
    DATE_INVALID = "date_invalid"
    BIRTH_DATE_YEAR_ONLY = "birth_date_year_only"
    SEX_UNKNOWN = "sex_unknown"
    CHOICE_UNKNOWN = "choice_unknown"
    NUMBER_INVALID = "number_invalid"
    DUPLICATE_IN_FILE = "duplicate_in_file"
    NATIONAL_ID_CONFLICT = "national_id_conflict"
    NAMESAKE_CONFLICT = "namesake_conflict"
    PERSON_ELSEWHERE = "person_elsewhere"
    UNIT_NOT_COMMUNE_LEVEL = "unit_not_commune_level"
    JOB_NOT_RESUMABLE = "job_not_resumable"
