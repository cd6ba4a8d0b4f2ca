"""Which fields of the review are basic and which are sensitive personal data
(Law 91/2025/QH15; see ``qsdp.core.privacy``). A review holds aggregate figures
only; the signer's name is printed on a public document."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "review.reviewdocument": {
        "id": T, "created_at": T, "updated_at": T, "created_by": T, "org_unit": B, "year": B,
        "number": B, "issued_on": B, "place": B, "signer_title": B, "signer_name": B,
        "recipients": B, "status": B, "paragraphs": B, "snapshot": B, "signed_at": B,
        "signed_by": T, "news_headline": B, "news_text": B,
    },
}  # fmt: skip
