//! A tender.toml: parsed and validated with its scoring model (the shipped model it names,
//! else the reference model kk-minmax-8), and, if valid, scored with every shipped bid that
//! validates against it, every report rendered. Every diagnostic found is rendered too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tenderscore_fuzz::targets::tender(data);
});
