"""The smtp_server fixture receives what Django sends over real SMTP."""

from __future__ import annotations

from django.core.mail import EmailMessage as DjangoEmailMessage
from django.core.mail import send_mail

from tests.support.mail import ReceivedMail


def test_send_mail_arrives_at_the_smtp_server(smtp_server: ReceivedMail) -> None:
    sent = send_mail(
        "Einladung: Cluster-Frühstück",
        "Grüße aus Mannheim – bis Donnerstag!",
        "agentur@example.org",
        ["anna.schmidt@example.com"],
    )

    assert sent == 1
    [message] = smtp_server.messages
    assert message["Subject"] == "Einladung: Cluster-Frühstück"
    assert message["To"] == "anna.schmidt@example.com"
    assert message.get_content().strip() == "Grüße aus Mannheim – bis Donnerstag!"


def test_bcc_recipients_travel_only_in_the_envelope(smtp_server: ReceivedMail) -> None:
    DjangoEmailMessage(
        "Protokoll",
        "Anbei.",
        "agentur@example.org",
        to=["a@example.com"],
        bcc=["b@example.com"],
    ).send()

    [message] = smtp_server.messages
    assert message["Bcc"] is None
    assert smtp_server.envelope_recipients == [["a@example.com", "b@example.com"]]
