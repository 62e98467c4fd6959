//! The one integration-test binary: runs `tenderscore` as a user would.

mod bad_input;
mod fixture;
mod models;
mod properties;
mod quality;
mod rescore;
mod score;
mod versions;
mod views;
