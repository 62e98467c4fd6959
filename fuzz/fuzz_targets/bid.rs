//! A bid file: parsed, validated on its own and against every version of the reference
//! tender, and, where a version accepts it, scored with that version's bids and every
//! report rendered. Every diagnostic found is rendered too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tenderscore_fuzz::targets::bid(data);
});
