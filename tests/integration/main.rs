//! The one integration-test binary: runs `tenderscore` as a user would.

mod anywhere;
mod award;
mod bad_input;
mod bad_input_snapshots;
mod danish;
mod fixture;
mod limits;
mod lots;
mod memo;
mod models;
mod output;
mod payments;
mod properties;
mod quality;
mod readme;
mod rescore;
mod rounds;
mod score;
mod versions;
mod views;
mod whatif;
