//! A rettelsesblad file, the third of the reference tender: the whole pipeline as the
//! binary runs it. The reference tender folder is copied once per process into a temporary
//! folder; each input is written there as `rettelsesblade/99-fuzz.toml` (the one file
//! rewritten per input), then `evaluate::load`, `evaluate::evaluate` on every version, every
//! report of every version (`score` and `rejections` in each format, `explain` for each
//! bid), and `rescore`'s comparison of the versions in each format; or, when loading finds
//! problems, every diagnostic rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tenderscore_fuzz::targets::rettelsesblad(data);
});
