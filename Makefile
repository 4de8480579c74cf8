# The two commands of the README. Both install what is missing and are safe to re-run.
.PHONY: run test bench test-server

run:
	@bash .ci/serve

test:
	@bash .ci/test

# The benchmark suite at tier M (about 25 minutes once built); writes .ci/bench/results/.
bench:
	@bash .ci/bench/run

# The Rust tests against a real SurrealDB server, with two app servers sharing it.
test-server:
	@bash .ci/test-on-server
