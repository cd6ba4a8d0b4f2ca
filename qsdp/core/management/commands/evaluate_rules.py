"""``manage.py evaluate_rules CASES.json`` (or ``-`` for stdin): the public contract
of the rules (RULES.md). Reads a JSON array of ``{"id", "rule_area", "input"}``,
writes a JSON array of ``{"id", "result"}`` or ``{"id", "error"}`` in the same
order. Exit 0 when the file was read, 2 when it is not a JSON array, 1 when it
cannot be read at all."""

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from qsdp.core.rule_inputs import discover_evaluators, evaluate_case
from qsdp.core.selectors import rule_context

NOT_AN_ARRAY = 2
UNREADABLE = 1


class Command(BaseCommand):
    help = (
        "Answer rule questions from a JSON file (or - for stdin): an array of "
        '{"id", "rule_area", "input"}. See RULES.md.'
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("cases", help="JSON file of cases, or - to read standard input")

    def _fail(self, message: str, code: int) -> NoReturn:
        self.stderr.write(message)
        raise SystemExit(code)

    def _read(self, source: str, stdin: Any) -> str:
        if source == "-":
            data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
            return data.decode("utf-8-sig") if isinstance(data, bytes) else str(data)
        return Path(source).read_text(encoding="utf-8-sig")

    def handle(self, *args: Any, **options: Any) -> None:
        for wrapper, stream in ((self.stdout, sys.stdout), (self.stderr, sys.stderr)):
            if wrapper._out is stream and hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8")
        with translation.override("vi"):
            try:
                text = self._read(options["cases"], options.get("stdin") or sys.stdin)
            except OSError as error:
                self._fail(
                    _("Cannot read the file %(name)s: %(error)s.")
                    % {"name": options["cases"], "error": error.strerror or error},
                    UNREADABLE,
                )
            except UnicodeDecodeError:
                self._fail(
                    _("The file is not UTF-8 text, so it is not a JSON array."), NOT_AN_ARRAY
                )
            try:
                cases = json.loads(text)
            except json.JSONDecodeError as error:
                self._fail(
                    _("The file is not valid JSON (line %(line)s, column %(column)s).")
                    % {"line": error.lineno, "column": error.colno},
                    NOT_AN_ARRAY,
                )
            if not isinstance(cases, list):
                self._fail(_("The file must hold a JSON array of cases."), NOT_AN_ARRAY)
            evaluators = discover_evaluators()
            context = rule_context()
            answers = [evaluate_case(case, evaluators, context) for case in cases]
        self.stdout.write(json.dumps(answers, ensure_ascii=False, indent=2))
