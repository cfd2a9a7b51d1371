# LibraryGateway: `make run` serves the gateway on http://127.0.0.1:8080 (and the demo
# partner applications on :8090 and :8091), `make test` runs every test. Both install missing Debian packages first (idempotent).
SHELL := /bin/bash
export PATH := $(if $(wildcard /opt/swift/usr/bin),/opt/swift/usr/bin:,)$(PATH)
DEV_REDIS_PORT ?= 6390
DEV_CONFIG ?= var/gateway.json

.PHONY: deps run test bench build clean

deps:
	@scripts/install-deps.sh build

build: deps
	swift build -c release

# First run creates var/ (git-ignored: the dev config, the dev Redis data and the SQLite file)
# and dev signing keys in Keys/ (git-ignored, mode 0600).
run: deps
	@mkdir -p var
	@[ -f $(DEV_CONFIG) ] || { sed -e "s/@REDIS_PORT@/$(DEV_REDIS_PORT)/" \
	    -e "s/@THROTTLE_PEPPER@/$$(python3 -c 'import secrets; print(secrets.token_hex(24))')/" \
	    config/gateway.dev.json > $(DEV_CONFIG); chmod 600 $(DEV_CONFIG); echo "created $(DEV_CONFIG)"; }
	@scripts/dev-redis.sh $(DEV_REDIS_PORT)
	swift build -c release
	@for alg in ES256 RS256 EdDSA; do .build/release/gateway keys generate --alg $$alg --if-missing --keys-dir Keys; done
	.build/release/gateway policy import Policies --config $(DEV_CONFIG) --secrets-dir var/client-secrets
	@# A secret is generated only at a client's first import: if its file is gone, make a new one.
	@[ -f var/client-secrets/reading-tipper.secret ] || .build/release/gateway policy rotate-secret reading-tipper \
	    --config $(DEV_CONFIG) --secrets-dir var/client-secrets
	@# The two demo partner applications run next to the gateway and stop with it.
	@trap 'kill $$(jobs -p) 2>/dev/null' EXIT INT TERM; \
	  .build/release/gateway demo-app --policy Policies/reading-tipper.json --issuer http://127.0.0.1:8080 \
	    --client-secret-file var/client-secrets/reading-tipper.secret & \
	  .build/release/gateway demo-app --policy Policies/e-books.json --issuer http://127.0.0.1:8080 & \
	  .build/release/gateway serve --config $(DEV_CONFIG)

test:
	@scripts/install-deps.sh test
	@scripts/run-tests.sh

bench:
	@scripts/install-deps.sh bench
	@bench/run.sh

clean:
	swift package clean
