# The two commands of the README. Everything they need is installed by scripts/setup.
.PHONY: serve test size bench

serve:
	scripts/serve

test:
	scripts/test

bench:
	node bench/run.mjs

size:
	scripts/size-report --build
