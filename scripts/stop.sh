#!/usr/bin/env bash
# npm stop: stops the five services (gracefully), the development OpenID provider and trace receiver, then the
# infrastructure this project started.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/stack.sh"
bash "$root/scripts/services.sh" stop
bash "$root/scripts/oidc.sh" stop
bash "$root/scripts/otlp.sh" stop
bash "$root/infra/down.sh"
