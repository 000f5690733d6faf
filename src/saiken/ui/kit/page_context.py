"""What a page (an area of the main window) is given when it is built. Never a session.

Pages call services through `context.ops.call(service_function, ...)` (see `ui.background`), show errors
through `ui.errors`, copy text through `context.clipboard` and read the time from `context.clock`,
say what a save did through `context.notices` and read the user's preferences from `context.preferences`.
When the vault locks, every page is destroyed; after unlocking, pages are built again with a new context.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from saiken.domain.clock import Clock
from saiken.domain.roles import Capability
from saiken.services.context import SignedInUser
from saiken.ui.kit.background import Operations
from saiken.ui.kit.clipboard import ClipboardGuard
from saiken.ui.kit.errors import Dialogs
from saiken.ui.kit.handlers import HandlerDirectory
from saiken.ui.kit.notices import Notices
from saiken.ui.kit.preferences import PreferenceStore
from saiken.ui.kit.requests import Requests


@dataclass(frozen=True)
class PageContext:
    ops: Operations
    dialogs: Dialogs
    clipboard: ClipboardGuard
    clock: Clock
    user: SignedInUser
    org_name: str = ""
    org_role: str = ""
    demo: bool = False
    notices: Notices = field(default_factory=Notices)  # one line per save, shown in the status bar
    preferences: PreferenceStore = field(default_factory=PreferenceStore)
    handlers: HandlerDirectory = field(default_factory=HandlerDirectory)  # who may handle a debtor
    requests: Requests = field(default_factory=Requests)  # what an area asks of another (through the shell)

    def can(self, capability: Capability) -> bool:
        return self.user.can(capability)
