"""A real SMTP server on the loopback interface, for tests that check what mail leaves Django.

Django's locmem backend (``mail.outbox``) never encodes or transmits a message; this fixture
makes Django speak SMTP to ``aiosmtpd`` so headers, encodings and attachments arrive exactly as
a mail server would see them.
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

LOOPBACK = "127.0.0.1"


@dataclass
class ReceivedMail:
    """What the test SMTP server received, in arrival order."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelope_recipients: list[list[str]] = field(default_factory=list)

    def clear(self) -> None:
        self.messages.clear()
        self.envelope_recipients.clear()


class CollectingHandler:
    """aiosmtpd handler that parses each message into an ``EmailMessage`` and keeps it."""

    def __init__(self, received: ReceivedMail) -> None:
        self.received = received

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or envelope.content or b""
        raw = content if isinstance(content, bytes) else content.encode()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        # Appending after parsing, before answering 250: when Django's send_mail()
        # returns, the message is already in the list, so tests need not wait or poll.
        self.received.envelope_recipients.append(list(envelope.rcpt_tos))
        self.received.messages.append(message)
        return "250 Message accepted for delivery"


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[ReceivedMail]:
    """Run aiosmtpd on 127.0.0.1 and point Django's SMTP EmailBackend at it.

    Use ``smtp_server.messages`` (parsed ``email.message.EmailMessage`` objects) and
    ``smtp_server.envelope_recipients`` (RCPT TO addresses, Bcc included).
    """
    port = free_loopback_port()
    received = ReceivedMail(host=LOOPBACK, port=port)
    controller = Controller(CollectingHandler(received), hostname=LOOPBACK, port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = LOOPBACK
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield received
    finally:
        controller.stop()
