"""党费 dialogs: record a payment (asking when the amount is not months × the monthly amount),
correct one (更正: a reversing line), set a member's monthly amount. Each 确定 calls one service
method; the domain's Chinese messages land beside the fields and nothing is written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QSpinBox, QWidget

from govdesk.dues.rules import MONTHS, ConfirmationNeeded, PaymentInput, yuan
from govdesk.errors import GovdeskError
from govdesk.services.dues import DuesService
from ui.dialogs.common import FieldDialog, spin

Ask = Callable[[QWidget, str], bool]


def ask_yes_no(parent: QWidget, question: str) -> bool:
    """金额核对: the clerk answers the service's question; 返回修改 is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "请核对金额", question, parent=parent)
    yes = box.addButton("按此金额登记", QMessageBox.ButtonRole.YesRole)
    back = box.addButton("返回修改", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is yes


def _month_combo(current: int) -> QComboBox:
    combo = QComboBox()
    for m in range(1, MONTHS + 1):
        combo.addItem(f"{m}月", m)
    combo.setCurrentIndex(current - 1)
    return combo


class PaymentDialog(FieldDialog):
    """登记交费 for one member: months from–to of one year, amount (filled with months × the monthly
    amount until typed), date, receipt number and who took it."""

    def __init__(
        self, dues: DuesService, member_id: int, year: int, parent: QWidget | None = None, ask: Ask = ask_yes_no
    ) -> None:
        super().__init__("登记党费", parent, min_width=460)
        self.dues, self.member_id, self.ask = dues, member_id, ask
        view = dues.member_year(member_id, year)
        self.name = view.name
        self.set_intro(f"{view.name}（{view.branch or '未编入支部'}）　{view.summary()}")
        unpaid = [m for m in range(1, MONTHS + 1) if m not in view.paid_months]
        first = unpaid[0] if unpaid else 1
        self.year = self.add_row("dues_year", spin(2100, year))
        self.year.setMinimum(2000)
        self.first = self.add_row("dues_months", _month_combo(first), "起始月份")
        self.last = self.add_row("dues_last_month", _month_combo(first), "截止月份")
        self.amount: QLineEdit = self.line("dues_amount", "", "如 1.50")
        self.paid_on = self.date_field("dues_paid_on", dues.today())
        self.receipt = self.line("dues_receipt_no", "", max_length=40)
        self.taken_by = self.line("dues_taken_by", "", max_length=50)
        self._typed = False
        self.amount.textEdited.connect(lambda _t: setattr(self, "_typed", True))
        for signal in (self.first.currentIndexChanged, self.last.currentIndexChanged, self.year.valueChanged):
            signal.connect(lambda *_a: self._follow())
        self._follow()

    def _follow(self) -> None:
        """Months × the monthly amount, until the clerk types an amount of their own."""
        if self._typed:
            return
        rate = self.dues.rate(self.member_id, self.year.value())
        months = self.last.currentData() - self.first.currentData() + 1
        self.amount.setText(yuan(rate * months) if rate is not None and months > 0 else "")

    def input(self) -> PaymentInput:
        return PaymentInput(
            member_id=self.member_id,
            year=self.year.value(),
            first_month=self.first.currentData(),
            last_month=self.last.currentData(),
            amount=self.amount.text(),
            paid_on=self.paid_on.text(),
            receipt_no=self.receipt.text(),
            taken_by=self.taken_by.text(),
        )

    def submit(self) -> int:
        data = self.input()
        try:
            return self.dues.record_payment(data)
        except ConfirmationNeeded as needed:
            if not self.ask(self, needed.question):
                raise GovdeskError("未登记：请核对金额后再确定") from None
            return self.dues.record_payment(data, confirmed=True)


class ReverseDialog(FieldDialog):
    """更正: choose a standing payment of the member; a reversing line is added, nothing is edited."""

    def __init__(self, dues: DuesService, member_id: int, year: int, parent: QWidget | None = None) -> None:
        super().__init__("更正党费记录", parent, min_width=520)
        self.dues = dues
        view = dues.member_year(member_id, year)
        self.set_intro(
            f"{view.name}　{year}年。更正不会修改或删除原记录，而是登记一笔金额相反的更正记录；"
            "更正后这些月份可重新登记。"
        )
        lines = [p for p in dues.payments(member_id, year) if p.standing]
        self.payment = self.add_row("dues_payment", QComboBox())
        for p in lines:
            self.payment.addItem(p.text(), p.id)
        self.reason = self.line("dues_reason", "", "如：金额登记错误", max_length=200)
        self.taken_by = self.line("dues_taken_by", "", max_length=50)
        if not lines:
            self.show_errors([], general=f"{view.name}{year}年没有可更正的交费记录")
            self.ok_button.setEnabled(False)

    def submit(self) -> int:
        payment_id = self.payment.currentData()
        if payment_id is None:
            raise GovdeskError("请选择要更正的一笔记录")
        return self.dues.reverse(int(payment_id), self.reason.text(), self.taken_by.text())


class RateDialog(FieldDialog):
    """设定月交纳额 of one member for a year (0 = 免交)."""

    def __init__(self, dues: DuesService, member_id: int, year: int, parent: QWidget | None = None) -> None:
        super().__init__("设定月交纳额", parent, min_width=420)
        self.dues, self.member_id = dues, member_id
        view = dues.member_year(member_id, year)
        self.set_intro(f"{view.name}：每月应交党费（元）。农民党员一般每月 0.2—1 元；填 0 表示免交。")
        self.year: QSpinBox = self.add_row("dues_year", spin(2100, year))
        self.year.setMinimum(2000)
        current = view.monthly_fen
        self.rate = self.line("dues_rate", yuan(current) if current is not None else "", "如 0.50")
        self.year.valueChanged.connect(self._load)

    def _load(self, year: int) -> None:
        fen = self.dues.rate(self.member_id, year)
        self.rate.setText(yuan(fen) if fen is not None else "")

    def submit(self) -> int:
        return self.dues.set_rates(self.year.value(), {self.member_id: self.rate.text()})
