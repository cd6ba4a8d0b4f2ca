import os
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from qsdp.core.errors import DomainError
from qsdp.demo.accounts import generate_password
from qsdp.demo.builder import DEFAULT_PEOPLE, DemoSummary, build_demo
from qsdp.demo.military_service import MilitaryServiceSummary
from qsdp.demo.militia import MilitiaSummary
from qsdp.demo.operations import OperationsSummary
from qsdp.demo.reserves import ReserveSummary
from qsdp.demo.training import TrainingSummary
from qsdp.demo.units import DemoTreeError

ENV_VARIABLE = "QSDP_DEMO_PASSWORD"


class Command(BaseCommand):
    help = (
        "Build the Bắc Kạn 2023 demo: province 19 (Thái Nguyên) with legacy Bắc Kạn and "
        "the 2025 reform, villages, synthetic people with their 2023 moves, their military "
        "service (the call-up years 2021–2024 and the soldiers back home in 2023 and 2024), "
        "the reserve register with its 2023 review, the militia of every ward and commune, "
        "the year's directives, drills, readiness duty, patrols and incidents, its "
        "training and defence education, and one account per persona; print the accounts "
        "and their password. Running it again adds nothing. Refused in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--people",
            type=int,
            default=DEFAULT_PEOPLE,
            metavar="N",
            help=f"How many synthetic people (default {DEFAULT_PEOPLE}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Read at call time (not import time), so a test can switch it.
        if settings.PRODUCTION:
            raise CommandError(
                "load_demo refuses to run in production (QSDP_ENV=production): it writes "
                "synthetic people and accounts whose password it prints."
            )
        if options["people"] < 0:
            raise CommandError("--people must be 0 or more.")
        password = os.environ.get(ENV_VARIABLE) or generate_password()
        if os.environ.get(ENV_VARIABLE):
            try:
                validate_password(password)
            except ValidationError as error:
                self.stderr.write(
                    self.style.WARNING(
                        f"{ENV_VARIABLE} is weak ({' '.join(error.messages)}); "
                        "it is used anyway, for the demo only."
                    )
                )
        try:
            summary = build_demo(people=options["people"], password=password)
        except DemoTreeError as error:
            raise CommandError(str(error)) from error
        except DomainError as error:
            raise CommandError(error.message) from error
        self._report(summary)

    def _report(self, summary: DemoSummary) -> None:
        write = self.stdout.write
        port = os.environ.get("PORT") or "8000"
        counts = summary.counts
        write(
            self.style.SUCCESS(
                f"Dữ liệu mẫu thành phố Bắc Kạn năm 2023: xong trong {summary.seconds:.1f} giây."
            )
        )
        write(
            f"  Đơn vị: {counts['org_units']} trong cơ sở dữ liệu (tỉnh Thái Nguyên, "
            f"trước 01/07/2025 gồm cả tỉnh Bắc Kạn, với các cơ quan quân sự); thành phố Bắc "
            f"Kạn có {summary.city_units} phường, xã và {summary.city_villages} thôn, tổ dân phố."
        )
        write(
            f"  Công dân: {summary.city_people} ({summary.people_created} mới thêm, "
            f"{summary.people_existing} đã có); đã chuyển đến từ phường, xã khác trong "
            f"thành phố: {summary.moves}, đã chuyển đi nơi khác: {summary.moves_away}, "
            f"đang chờ tiếp nhận: {summary.pending}."
        )
        write(f"  Nghĩa vụ quân sự: {military_service_line(summary.military_service)}")
        write(f"  {reserves_line(summary.reserves)}")
        write(f"  {militia_line(summary.militia)}")
        for text in operations_lines(summary.operations):
            write(f"  {text}")
        write(f"  {training_line(summary.training)}")
        write("")
        write(self.style.MIGRATE_HEADING(f"Mở http://127.0.0.1:{port} và đăng nhập:"))
        width = max(len(line.username) for line in summary.accounts)
        for line in summary.accounts:
            write(
                f"  {line.username:<{width}}  {line.role.label} ({line.role.value}), "
                f"{line.unit.name} — {line.full_name}, {line.position}"
            )
        write(f"  Mật khẩu của mọi tài khoản: {self.style.SUCCESS(summary.password)}")


def _percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    return f"{text.replace('.', ',')}%"


def military_service_line(figures: MilitaryServiceSummary) -> str:
    """ "năm 2023 chỉ tiêu 45, giao 45 (100%); … quân nhân xuất ngũ trở về năm 2023: 42,
    đăng ký dự bị đúng hạn 42; …" (the city's figures, from the indicators)."""
    call_up = "; ".join(
        f"năm {year} chỉ tiêu {f.quota}, giao {f.enlisted} ({_percent(f.fulfilment_pct)})"
        for year, f in figures.call_up.items()
    )
    returnees = "; ".join(
        f"năm {year}: {f.returned}, đăng ký dự bị đúng hạn {f.on_time}"
        + (f", quá hạn chưa đăng ký {f.overdue}" if f.overdue else "")
        for year, f in figures.returnees.items()
    )
    return f"{call_up}; quân nhân xuất ngũ trở về {returnees}."


def reserves_line(figures: ReserveSummary) -> str:
    """ "Dự bị động viên 2023: 312 quân nhân dự bị, sắp xếp 85,3%, rà soát 100%, bổ nhiệm 4,
    miễn nhiệm 2; phương tiện 14." (the city's figures, from the indicators)."""
    return (
        f"Dự bị động viên 2023: {figures.count} quân nhân dự bị, sắp xếp "
        f"{_percent(figures.arranged_pct)}, rà soát {_percent(figures.reviewed_pct)}, "
        f"bổ nhiệm {figures.appointments}, miễn nhiệm {figures.dismissals}; "
        f"phương tiện {figures.equipment}."
    )


def militia_line(figures: MilitiaSummary) -> str:
    """ "Dân quân tự vệ 2023: 58 đội viên ở 8 xã, phường (1,9% dân số trong sổ)." """
    return (
        f"Dân quân tự vệ 2023: {figures.members} đội viên ở {figures.communes} xã, phường "
        f"({_percent(figures.population_pct)} dân số trong sổ)."
    )


DRILL_KINDS = {
    "defence_zone_combat": "chiến đấu phòng thủ",
    "disaster_response": "PCTT-TKCN",
    "civil_defence": "phòng thủ dân sự",
}


def operations_lines(figures: OperationsSummary) -> list[str]:
    """ "Diễn tập 2023: 2 cuộc (1 chiến đấu phòng thủ, 1 PCTT-TKCN), xếp loại giỏi trở lên
    100%; trực SSCĐ 100% ngày; tuần tra 240 lượt; điểm nóng 0." and the directives of the
    year with the drill planned for the next (the city's figures, from the indicators)."""
    kinds = ", ".join(
        f"{count} {DRILL_KINDS.get(kind, kind)}"
        for kind, count in figures.drills_by_kind.items()
        if count
    )
    drills = f"{figures.drills} cuộc" + (f" ({kinds})" if kinds else "")
    planned = ", ".join(name[0].lower() + name[1:] for name in figures.planned_next_year)
    return [
        f"Diễn tập 2023: {drills}, xếp loại giỏi trở lên {_percent(figures.rated_good_pct)}; "
        f"trực SSCĐ {_percent(figures.duty_days_pct)} ngày; tuần tra {figures.patrols} lượt; "
        f"điểm nóng {figures.hot_spots}.",
        f"Lãnh đạo, chỉ đạo 2023: {figures.directives} văn bản, {figures.tasks} nhiệm vụ giao "
        f"xã, phường, hoàn thành {figures.tasks_completed}; kế hoạch diễn tập 2024: "
        f"{planned or 'chưa có'}.",
    ]


def training_line(figures: TrainingSummary) -> str:
    """ "Huấn luyện 2023: 9 kế hoạch, 180 buổi, 330 người tham gia, đạt yêu cầu 98,5%;
    bồi dưỡng KTQP&AN: 70 người (ĐT3 14, hoàn thành 92,9%; ĐT4 56, hoàn thành 96,4%),
    tuyên truyền viên cơ sở 16." (the city's figures, from the indicators)."""
    categories = "; ".join(
        f"{code.upper().replace('DT', 'ĐT')} {count}, hoàn thành {_percent(pct)}"
        for code, (count, pct) in figures.by_category.items()
        if count
    )
    return (
        f"Huấn luyện 2023: {figures.plans} kế hoạch, {figures.sessions} buổi, "
        f"{figures.participants} người tham gia, đạt yêu cầu {_percent(figures.pass_pct)}; "
        f"bồi dưỡng KTQP&AN: {figures.education_participants} người"
        + (f" ({categories})" if categories else "")
        + f", hoàn thành {_percent(figures.completion_pct)}; "
        f"tuyên truyền viên cơ sở {figures.propagandists}."
    )
