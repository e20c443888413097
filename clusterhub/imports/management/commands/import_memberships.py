from clusterhub.imports.fields import Kind
from clusterhub.imports.management.commands._console import ImportCommand


class Command(ImportCommand):
    help = "Import aus einer CSV- oder XLSX-Datei (Exit 0: alles, 1: Zeilen abgelehnt, 2: nichts)."
    kind = Kind.MEMBERSHIPS
