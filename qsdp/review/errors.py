from enum import Enum


class ReviewErrorCode(Enum):
    EXISTS = "review_exists"
    SIGNED = "review_signed"
    UNKNOWN_PARAGRAPH = "review_unknown_paragraph"
    UNKNOWN_PLACEHOLDER = "review_unknown_placeholder"
    UNIT_KIND = "review_unit_kind"
    NEWS_PERSONAL_DATA = "review_news_personal_data"
