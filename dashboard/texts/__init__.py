"""All user-facing Dutch text of the dashboard, in one place so it can be translated: one catalogue, kept in a module
per area and read as `texts.NAME` everywhere (a name is defined in exactly one area; a test checks that)."""

from dashboard.texts.accounts import *  # noqa: F403
from dashboard.texts.editing import *  # noqa: F403
from dashboard.texts.finance import *  # noqa: F403
from dashboard.texts.operations import *  # noqa: F403
from dashboard.texts.public import *  # noqa: F403
from dashboard.texts.quarter import *  # noqa: F403
from dashboard.texts.raad import *  # noqa: F403
