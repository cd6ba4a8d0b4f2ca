from qsdp.training.models.education import (
    CourseParticipant,
    EducationCourse,
    Propagandist,
    PropagandistTraining,
    TraineeCategory,
)
from qsdp.training.models.training import (
    MAX_DAYS,
    Attendance,
    Audience,
    ResultGrade,
    ResultScale,
    SessionKind,
    TrainingPlan,
    TrainingSession,
)

__all__ = [
    "MAX_DAYS",
    "Attendance",
    "Audience",
    "CourseParticipant",
    "EducationCourse",
    "Propagandist",
    "PropagandistTraining",
    "ResultGrade",
    "ResultScale",
    "SessionKind",
    "TraineeCategory",
    "TrainingPlan",
    "TrainingSession",
]
