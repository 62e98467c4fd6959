//! tenderscore: scores the bids of a public tender exactly and explains every point.
//!
//! The pipeline, one module per stage: [`load`] reads a tender folder (files, spans,
//! hashes) using [`raw`] to parse and [`validate`] to turn raw input into the [`domain`]
//! types; [`conformity`] decides which bids are set aside; [`score`] scores each bid (pure); [`rank`] orders them; [`report`] renders the
//! result in each format; [`cli`] ties the stages to the command line.

pub mod amend;
pub mod cli;
pub mod conformity;
pub mod diag;
pub mod domain;
pub mod errata;
pub mod load;
pub mod model;
pub mod rank;
pub mod raw;
pub mod report;
pub mod rescore;
pub mod reversal;
pub mod score;
pub mod synthetic;
pub mod units;
pub mod validate;
