"""The application shell: windows, navigation, lock, sign-in, first-run wizard, start-up and screenshots."""
