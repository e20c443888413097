"""Demo accounts, one per role, with generated (Faker) names and a fixed demo password."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from faker import Faker

from clusterhub.accounts.models import Account
from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation

DEMO_PASSWORD = "mannheim-demo"
MAIL_DOMAIN = "wifoe-mannheim.example"
Role = Account.Role

# (username, cluster slug, generated first name is female); Smart Industries first: she is
# the manager the walkthrough in the issue uses.
MANAGERS = [
    ("manager.smart", "smart-industries", True),
    ("manager.medtech", "mmt", True),
    ("manager.social", "social-economy", False),
    ("manager.green", "green-industry", False),
]


@dataclass(frozen=True)
class Login:
    role: str
    username: str
    password: str
    note: str


def stored_logins() -> list[Login]:
    """The demo's logins as ``load_accounts`` made them, read back from the database (for
    printing them again, last, after everything else the demo prints); missing ones skipped."""
    users = {
        user.username: user
        for user in User.objects.filter(
            username__in=[*(name for name, _slug, _female in MANAGERS), "admin", "reader", "member"]
        ).select_related("account__organisation")
    }
    logins: list[Login] = []
    for username, slug, _female in MANAGERS:
        cluster = Cluster.objects.filter(slug=slug).first()
        if username in users and cluster is not None:
            note = f"Clustermanagement {cluster.name} ({users[username].get_full_name()})"
            logins.append(Login("Clustermanagement", username, DEMO_PASSWORD, note))
    if "admin" in users:
        logins.append(Login("Administration", "admin", DEMO_PASSWORD, "Superuser, sieht alles"))
    if "reader" in users:
        logins.append(Login("Mitarbeitende (lesend)", "reader", DEMO_PASSWORD, "nur lesen"))
    member = users.get("member")
    organisation = getattr(getattr(member, "account", None), "organisation", None)
    if member is not None and organisation is not None:
        logins.append(Login("Mitgliedsorganisation", "member", DEMO_PASSWORD, organisation.name))
    return logins


def login_lines(logins: list[Login]) -> list[str]:
    return [
        f"  {login.role:<24} Benutzer: {login.username:<16} "
        f"Passwort: {login.password}   ({login.note})"
        for login in logins
    ]


def _user(
    username: str, first: str, last: str, password_hash: str, *, superuser: bool = False
) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@{MAIL_DOMAIN}",
            "password": password_hash,
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if not created:
        # Reset the demo password so the printed logins always work.
        user.password = password_hash
        user.save(update_fields=["password"])
    return user


def _account(user: User, role: str, organisation: Organisation | None = None) -> None:
    Account.objects.update_or_create(
        user=user, defaults={"role": role, "organisation": organisation}
    )


def load_accounts(
    seed: int, clusters: dict[str, Cluster], member_organisation: Organisation
) -> tuple[list[Login], dict[int, User]]:
    """Create the role accounts; returns the logins to print and the managers by cluster id."""
    faker = Faker("de_DE")
    faker.seed_instance(seed + 1)
    # One hash for all: hashing is deliberately slow and the password is the same.
    password_hash = make_password(DEMO_PASSWORD)
    logins: list[Login] = []
    managers: dict[int, User] = {}
    for username, slug, female in MANAGERS:
        first = faker.first_name_female() if female else faker.first_name_male()
        user = _user(username, first, faker.last_name(), password_hash)
        _account(user, Role.CLUSTER_MANAGER)
        cluster = clusters[slug]
        cluster.managers.add(user)
        managers[cluster.pk] = user
        note = f"Clustermanagement {cluster.name} ({user.get_full_name()})"
        logins.append(Login("Clustermanagement", username, DEMO_PASSWORD, note))

    admin = _user("admin", faker.first_name(), faker.last_name(), password_hash, superuser=True)
    _account(admin, Role.ADMINISTRATOR)
    logins.append(Login("Administration", "admin", DEMO_PASSWORD, "Superuser, sieht alles"))

    reader = _user("reader", faker.first_name(), faker.last_name(), password_hash)
    _account(reader, Role.STAFF_READER)
    logins.append(Login("Mitarbeitende (lesend)", "reader", DEMO_PASSWORD, "nur lesen"))

    member = _user("member", faker.first_name(), faker.last_name(), password_hash)
    _account(member, Role.MEMBER_EDITOR, member_organisation)
    logins.append(Login("Mitgliedsorganisation", "member", DEMO_PASSWORD, member_organisation.name))
    return logins, managers
