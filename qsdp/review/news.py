"""The public news summary of a year-end review: a short article of the kind the
city portal publishes (headline, date line, results with the figures, the awards
as counts, next year's focus), with no personal data — no person's name, citizen
ID or date of birth. ``personal_data_in`` checks a text the press officer edits
against the register of the unit's area before it is kept.
"""

import re
from dataclasses import dataclass
from datetime import date

from qsdp.people.models import Person
from qsdp.review.generator import ReviewContext
from qsdp.review.models import ReviewDocument
from qsdp.review.narrative import lower_first

CITIZEN_ID = re.compile(r"(?<!\d)\d{12}(?!\d)")
DAY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# The paragraphs the article retells, in its order.
RESULTS = ("leadership", "call_up", "returnees", "drills", "readiness")


@dataclass(frozen=True)
class NewsArticle:
    headline: str
    paragraphs: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def news_article(context: ReviewContext, *, held_on: date | None = None) -> NewsArticle:
    facts, values = context.facts, context.values
    unit = str(values["unit"])
    texts = {p.key: p.text for p in context.paragraphs()}
    when = f"Ngày {held_on.day:02d}/{held_on.month:02d}, " if held_on else ""
    opening = (
        f"{when}UBND {unit} tổ chức hội nghị tổng kết công tác quốc phòng, quân sự địa phương "
        f"năm {facts.year}, triển khai nhiệm vụ năm {facts.plan_year}."
    )
    results = f"Năm {facts.year}, " + " ".join(
        lower_first(texts[key]) if i == 0 else texts[key] for i, key in enumerate(RESULTS)
    )
    paragraphs = [opening[:1].upper() + opening[1:], results]
    collective, individual = (
        values.get("awards.collective_count"),
        values.get("awards.individual_count"),
    )
    if collective or individual:
        paragraphs.append(
            f"Dịp này, UBND {unit} khen thưởng cho {collective or 0} tập thể, "
            f"{individual or 0} cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ "
            f"QPQS địa phương năm {facts.year}."
        )
    focus = [texts["direction"]]
    if facts.plan_drills:
        focus.append(texts["plan_drills"])
    paragraphs.append(" ".join(focus))
    headline = (
        f"{facts.org_unit.name} tổng kết công tác quốc phòng, quân sự địa phương năm {facts.year}"
    )
    return NewsArticle(headline, paragraphs)


def personal_data_in(text: str, *, review: ReviewDocument) -> list[str]:
    """What in ``text`` is personal data of the unit's register: citizen IDs, full
    names and dates of birth of people of the area."""
    found = CITIZEN_ID.findall(text)
    people = Person.all_objects.filter(org_unit__path__startswith=review.org_unit.path)
    folded = " ".join(text.split())
    days = set()
    for match in DAY.finditer(text):
        try:
            days.add(date(int(match[3]), int(match[2]), int(match[1])))
        except ValueError:
            continue
    for family, middle, given, born in people.values_list(
        "family_name", "middle_name", "given_name", "birth_date"
    ).iterator():
        name = " ".join(part for part in (family, middle, given) if part)
        if name in folded:
            found.append(name)
        if born in days:
            found.append(born.strftime("%d/%m/%Y"))
    return list(dict.fromkeys(found))
