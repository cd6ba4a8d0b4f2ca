"""What the militia rules share: the law they cite and the types of militia.

Ages, dates and results come from the military-service rules and the citation
helper from the reserve rules; the militia rules import them, they do not copy
them.
"""

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from qsdp.reserves.rules.common import NVQS, cite

# Luật Dân quân tự vệ 48/2019/QH14, in force since 2020-07-01 (amended by Law 98/2025/QH15).
DQTV = "Luật DQTV 2019"

__all__ = ["DQTV", "NVQS", "SPECIALISED_TYPES", "TYPE_LABELS", "MilitiaType", "cite"]


class MilitiaType(StrEnum):
    """The components of the core militia (Luật DQTV 2019 Điều 6, Điều 8, Điều 28)."""

    LOCAL = "local"
    MOBILE = "mobile"
    STANDING = "standing"
    MARITIME = "maritime"
    AIR_DEFENCE = "air_defence"
    ARTILLERY = "artillery"
    RECONNAISSANCE = "reconnaissance"
    SIGNALS = "signals"
    ENGINEERS = "engineers"
    CHEMICAL = "chemical"
    MEDICAL = "medical"


T = MilitiaType

SPECIALISED_TYPES = frozenset(
    {T.AIR_DEFENCE, T.ARTILLERY, T.RECONNAISSANCE, T.SIGNALS, T.ENGINEERS, T.CHEMICAL, T.MEDICAL}
)

TYPE_LABELS: dict[MilitiaType, Promise] = {
    T.LOCAL: gettext_lazy("local militia"),
    T.MOBILE: gettext_lazy("mobile militia"),
    T.STANDING: gettext_lazy("standing militia"),
    T.MARITIME: gettext_lazy("maritime militia"),
    T.AIR_DEFENCE: gettext_lazy("air-defence militia"),
    T.ARTILLERY: gettext_lazy("artillery militia"),
    T.RECONNAISSANCE: gettext_lazy("reconnaissance militia"),
    T.SIGNALS: gettext_lazy("signals militia"),
    T.ENGINEERS: gettext_lazy("engineer militia"),
    T.CHEMICAL: gettext_lazy("chemical-defence militia"),
    T.MEDICAL: gettext_lazy("medical militia"),
}
