"""`python -m benchmarks [--only NAME] [--quick] [--list]`: run the bench modules and write bench-results/."""

from benchmarks.harness import main

raise SystemExit(main())
