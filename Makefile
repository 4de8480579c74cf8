# The two commands of the README. Both install what is missing and are safe to re-run.
.PHONY: run test

run:
	@bash .ci/serve

test:
	@bash .ci/test
