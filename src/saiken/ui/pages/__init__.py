"""The pages of the shell's own areas: users, audit log, settings."""
