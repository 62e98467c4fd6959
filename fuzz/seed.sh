#!/usr/bin/env bash
# Seeds each target's corpus (fuzz/corpus/<target>/, ignored by git) with the shipped files.
# Run from anywhere; adds to an existing corpus, never removes from it.
set -euo pipefail
fuzz="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$fuzz")"
cd "$repo"

seed() { # seed TARGET FILE...: each file under a name made from its path
    local target="$1"
    shift
    mkdir -p "$fuzz/corpus/$target"
    for file in "$@"; do
        cp "$file" "$fuzz/corpus/$target/seed-$(echo "$file" | tr '/' '_')"
    done
}

shopt -s nullglob
# The bad inputs of tests/bad-input/*.in/, wherever they stand in their folder.
bad() { find tests/bad-input -path '*.in/*' -name '*.toml' -path "$1" | sort; }
mapfile -t bad_bids < <(bad '*/bids/*')
mapfile -t bad_tenders < <(bad '*/tender.toml')
mapfile -t bad_models < <(bad '*/scoring-models/*')
mapfile -t bad_rettelsesblade < <(bad '*/rettelsesblade/*')
seed bid tenders/*/bids/*.toml "${bad_bids[@]}"
seed tender tenders/*/tender.toml "${bad_tenders[@]}"
seed model scoring-models/*.toml "${bad_models[@]}"
seed rettelsesblad tenders/*/rettelsesblade/*.toml "${bad_rettelsesblade[@]}"
# The target adds its file to the reference tender's rettelsesblade 1 and 2, so a seed
# numbered 3 is one that can load; the shipped ones, numbered 1 and 2, are kept as well.
for file in tenders/*/rettelsesblade/*.toml; do
    sed 's/^number = .*/number = 3/' "$file" \
        >"$fuzz/corpus/rettelsesblad/seed-as-3-$(echo "$file" | tr '/' '_')"
done
# Hand-written seeds kept with the fuzz targets (fuzz/seeds/<target>/).
for dir in "$fuzz"/seeds/*/; do
    target="$(basename "$dir")"
    mkdir -p "$fuzz/corpus/$target"
    for file in "$dir"*.toml; do
        cp "$file" "$fuzz/corpus/$target/seed-own-$(basename "$file")"
    done
done
for target in bid tender model rettelsesblad; do
    echo "$target: $(ls "$fuzz/corpus/$target" | wc -l) files in fuzz/corpus/$target"
done
