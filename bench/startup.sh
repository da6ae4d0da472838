#!/usr/bin/env bash
# Start-up of the replete command against a `dotnet new console` hello-world on the same machine, side by side in one
# hyperfine run (issues: at most 3x; foods search at most 2x). Needs hyperfine (Debian package) and the SR28 database, which it builds once in a
# temporary data directory. Run on demand: bench/startup.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is needed: sudo apt-get install hyperfine"; exit 2; }

dotnet new console -o "$work/hello" --force >/dev/null
dotnet publish "$work/hello" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/hello/out" --nologo -v quiet >/dev/null
"$root/replete" --version >/dev/null   # builds the command (ReadyToRun) when the sources changed
export REPLETE_DATA_DIR="$work/data"
"$root/replete" foods init >/dev/null 2>&1

cli="dotnet $root/.build/cli/Replete.Cli.dll"
# Each command cold (REPLETE_RESIDENT=off: its own process does everything) and as a person meets it after the first
# command of the day (the resident replete, started by the warm-up runs and stopped at the end).
trap '"$root/replete" resident stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
hyperfine -N --warmup 3 --runs 20 \
  -n hello-world "dotnet $work/hello/out/hello.dll" \
  -n targets "$cli targets --age 29 --sex female --pregnant --json" \
  -n assess "$cli assess $root/examples/runner-assessment.json --format json" \
  -n assess-table "$cli assess $root/examples/runner-assessment.json" \
  -n assess-no-plan "$cli assess $root/examples/runner-assessment.json --format json --no-plan" \
  -n foods-search "$cli foods search 'soy milk'"
REPLETE_RESIDENT=off hyperfine -N --warmup 2 --runs 10 \
  -n hello-world "dotnet $work/hello/out/hello.dll" \
  -n targets-cold "$cli targets --age 29 --sex female --pregnant --json" \
  -n assess-cold "$cli assess $root/examples/runner-assessment.json --format json" \
  -n assess-no-plan-cold "$cli assess $root/examples/runner-assessment.json --format json --no-plan" \
  -n foods-search-cold "$cli foods search 'soy milk'"
