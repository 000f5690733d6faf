"""The 相談 area: businesses and their consultation records, bookings, seminars, advisor dispatches and
reports (issue 10). `ConsultationsPage` is the navigation factory."""
