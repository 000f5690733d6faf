"""SQLCipher engine, typed SQLAlchemy models, Alembic migrations, unit of work."""
