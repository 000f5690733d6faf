"""The only package that imports PySide6 (DESIGN §4).

- `shell/`: the application around the areas — start-up (`main.run`), the main window, the left navigation
  (`navigation.AREAS`), lock and idle lock, sign-in, the first-run wizard, screenshots.
- `kit/`: what every area uses — background operations (`Operations`), errors and message boxes, the
  clipboard guard, the page context, empty state, password fields, tables, input fields, display formats.
- one folder per area: `debtors/`, `admin/` (users, audit log, settings, recovery sheet), and the areas still
  to be built get theirs from whoever builds them. An area holds the pages that `shell.navigation` builds
  lazily, and may ship `screenshot_views.py` with `register(views)`.

The shell may import areas and the kit; an area imports the kit, never the shell or another area; the kit
imports neither (import-linter, pyproject.toml: add a new area to the `ui` layers contract).
`i18n_build` (the translation tool) scans every module below this folder.
"""
