# The two commands of the README. Everything they need is installed by scripts/setup.
.PHONY: serve test size bench

serve:
	scripts/serve

test:
	scripts/test

size:
	scripts/size-report --build
