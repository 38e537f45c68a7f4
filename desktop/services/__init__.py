"""The services: the program's use cases over storage and the domain's rules.

The request kinds that need a second person are wired here, in one place, when the package is
first imported: the approvals apply, decide and close requests with the hooks the services
owning each kind supply (``approvals.KindHooks``); the approvals import none of them.
"""

from . import approvals, customers, loans

approvals.install(customers.approval_hooks(), loans.approval_hooks())
