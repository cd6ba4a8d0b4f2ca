"""The militia, training, operations and awards rows of ``bench/generate.py``
(split out to keep modules short): a mixin of ``ProvinceWriter``, which gives
``rng``, ``loader`` and ``province``."""

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from bench.loader import Loader

YEARS = (2023, 2024)
OPENED = date(2015, 1, 1)


class MoreRegisters:
    rng: random.Random
    loader: Loader
    province: Any

    def _men(self, commune: Any, born: range) -> list[int]:
        return [pk for pk, sex, year in commune.people if sex == "male" and year in born]

    # -- militia and training -------------------------------------------------

    def militia_and_training(self) -> None:
        from qsdp.militia.models import MilitiaMember
        from qsdp.training.models import (
            Attendance,
            CourseParticipant,
            EducationCourse,
            ResultGrade,
            TraineeCategory,
            TrainingPlan,
            TrainingSession,
        )

        rng, loader = self.rng, self.loader
        grades = list(ResultGrade.objects.filter(scale="training").values_list("id", "passes"))
        category = TraineeCategory.objects.order_by("rank", "id").values_list("id", flat=True)[0]
        members, plans, sessions, attendance, courses, participants = [], [], [], [], [], []
        for c in self.province.communes:
            chosen = [pk for pk in self._men(c, range(1985, 2006)) if rng.random() < 0.12]
            for pk in chosen:
                members.append(
                    {
                        "person_id": pk,
                        "org_unit_id": c.id,
                        "militia_type": "local",
                        "term_start": date(2022, 1, 1),
                        "term_end": date(2026, 1, 1),
                    }
                )
            for year in YEARS:
                plan = {
                    "org_unit_id": c.id,
                    "year": year,
                    "audience": "militia",
                    "title": f"Huấn luyện dân quân năm {year}",
                    "planned_days": Decimal(12),
                }
                plans.append(plan)
                for month in (3, 6):
                    session = {
                        "_plan": plan,
                        "held_on": date(year, month, 10),
                        "org_unit_id": c.id,
                        "days": Decimal(3),
                        "topic": "Điều lệnh",
                        "location": "Sân UBND",
                    }
                    sessions.append(session)
                    for pk in chosen:
                        present = rng.random() < 0.9
                        grade = rng.choice(grades)[0] if present and month == 6 else None
                        attendance.append(
                            {
                                "_session": session,
                                "person_id": pk,
                                "present": present,
                                "result_id": grade,
                                "updated_at": loader.now,
                            }
                        )
                course = {
                    "org_unit_id": c.id,
                    "year": year,
                    "category_id": category,
                    "title": f"Bồi dưỡng KTQP&AN {year}",
                    "organiser": "Ban CHQS",
                    "starts_on": date(year, 5, 5),
                    "ends_on": date(year, 5, 9),
                    "planned_trainees": 20,
                }
                courses.append(course)
                for n in range(18):
                    participants.append(
                        {
                            "_course": course,
                            "official_name": f"Cán bộ {n + 1}",
                            "completed": n < 16,
                            "updated_at": loader.now,
                        }
                    )
        loader.insert(MilitiaMember, members)
        loader.insert(TrainingPlan, plans)
        loader.insert(TrainingSession, sessions, "plan")
        loader.insert(Attendance, attendance, "session")
        loader.insert(EducationCourse, courses)
        loader.insert(CourseParticipant, participants, "course")

    # -- operations and awards ------------------------------------------------

    def operations(self) -> None:
        from qsdp.operations.models import Drill, DrillPlan, DutyLog, DutyPost, Incident, Patrol

        rng, loader, communes = self.rng, self.loader, self.province.communes
        kinds = ("defence_zone_combat", "disaster_response", "civil_defence")
        plans, drills, posts, logs, patrols, incidents = [], [], [], [], [], []
        for i, c in enumerate(communes):
            post = {"org_unit_id": c.command_id, "name": "Trực SSCĐ", "opened_on": OPENED}
            posts.append(post)
            for year in YEARS:
                plan = {
                    "org_unit_id": c.id,
                    "year": year,
                    "kind": kinds[(i + year) % 3],
                    "level": "commune",
                    "title": f"Diễn tập {year}",
                }
                plans.append(plan)
                good = rng.random() < 0.8
                drills.append(
                    {
                        "_plan": plan,
                        "held_from": date(year, 9, 10),
                        "held_to": date(year, 9, 11),
                        "participants": 120,
                        "rating": "good" if good else "pass",
                        "rating_label": "Khá" if good else "Đạt",
                        "rated_good_or_better": good,
                        "rated_on": date(year, 9, 20),
                    }
                )
                day = date(year, 1, 1)
                while day.year == year:
                    if rng.random() < 0.95:
                        logs.append({"_post": post, "day": day, "handed_over_to": "Trực ban"})
                    day += timedelta(days=1)
                for month in range(1, 13):
                    patrols.append(
                        {
                            "org_unit_id": c.id,
                            "on": date(year, month, 15),
                            "area": "Thôn 1",
                            "militia_count": 4,
                        }
                    )
                if rng.random() < 0.5:
                    incidents.append(
                        {
                            "org_unit_id": c.id,
                            "reported_on": date(year, 7, 1),
                            "kind": "public_order",
                            "location": "Chợ",
                            "description": "Tụ tập đông người",
                            "is_hot_spot": rng.random() < 0.5,
                        }
                    )
        loader.insert(DutyPost, posts)
        loader.insert(DrillPlan, plans)
        loader.insert(Drill, drills, "plan")
        loader.insert(DutyLog, logs, "post")
        loader.insert(Patrol, patrols)
        loader.insert(Incident, incidents)

    def awards(self) -> None:
        from qsdp.awards.models import AwardDecision, AwardForm, AwardProposal, AwardRecipient

        rng, loader = self.rng, self.loader
        form = AwardForm.objects.filter(for_individuals=True, for_collectives=True).first()
        form = form or AwardForm.objects.first()
        assert form is not None, "the award forms are seeded by a migration"
        decisions, proposals, recipients = [], [], []
        for year in YEARS:
            decision = {
                "number": f"{year}/QĐ-KT",
                "decided_on": date(year, 12, 20),
                "deciding_unit_id": self.province.id,
                "form_id": form.pk,
                "title": f"Khen thưởng năm {year}",
            }
            decisions.append(decision)
            for c in self.province.communes:
                proposal = {
                    "org_unit_id": c.id,
                    "year": year,
                    "form_id": form.pk,
                    "title": "Đề nghị khen thưởng",
                    "status": "decided",
                    "_decision": decision,
                }
                proposals.append(proposal)
                if form.for_collectives:
                    recipients.append(
                        {
                            "_proposal": proposal,
                            "kind": "collective",
                            "unit_id": c.id,
                            "org_unit_id": c.id,
                            "name": "Ban CHQS",
                        }
                    )
                if form.for_individuals:
                    for pk, _, _ in rng.sample(c.people, min(3, len(c.people))):
                        recipients.append(
                            {
                                "_proposal": proposal,
                                "kind": "individual",
                                "person_id": pk,
                                "org_unit_id": c.id,
                                "name": "Cá nhân",
                            }
                        )
        loader.insert(AwardDecision, decisions)
        loader.insert(AwardProposal, proposals, "decision")
        loader.insert(AwardRecipient, recipients, "proposal")
