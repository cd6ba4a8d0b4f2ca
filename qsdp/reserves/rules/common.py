"""What the reserve and militia rules share: the laws they cite.

The ages, dates and results are those of the military-service rules
(``qsdp.military_service.rules.common``): the reserve and militia rules import
them, they do not copy them.
"""

from qsdp.military_service.rules.common import LAW as NVQS  # "Luật NVQS 2015"

# Luật Lực lượng dự bị động viên 53/2019/QH14, in force since 2020-07-01.
DBDV = "Luật Lực lượng DBĐV 2019"
# Luật Sĩ quan Quân đội nhân dân Việt Nam 1999 as amended (2008, 2014, 52/2024/QH15).
OFFICERS = "Luật Sĩ quan QĐND 1999"
# Decree 14/2016/NĐ-CP: the Government's rule for the training of class-2 reservists.
DECREE_14_2016 = "Nghị định 14/2016/NĐ-CP"

__all__ = ["DBDV", "DECREE_14_2016", "NVQS", "OFFICERS", "cite"]


def cite(law_name: str, *points: str) -> str:
    """``Luật Lực lượng DBĐV 2019 Điều 15 khoản 2``: one law, its points joined."""
    return f"{law_name} {', '.join(points)}"
