//! A scoring-model file: parsed and validated; if valid, shown as `models show` shows it,
//! and used as the model of each shipped tender (the reference tender first), whose own
//! bids are then validated, scored and every report rendered. Every diagnostic found is
//! rendered too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tenderscore_fuzz::targets::model(data);
});
