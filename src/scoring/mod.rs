//! The scoring stage: pure functions over validated domain values, no I/O and no clock.
//!
//! [`conformity`] decides which bids are set aside unread; [`price_rules`] turns a price as
//! written into the evaluated price; [`price_methods`] turns an evaluated price into
//! points; [`quality`] applies the minimum quality; [`tree`] sums the criteria tree;
//! [`score`] scores every bid of a tender; [`rank`] orders them; [`award`] fills the places of an award to several suppliers; [`reversal`] checks
//! relative models for rank reversals; [`tabulate`] shows a model over sample prices.

pub mod abnormal;
pub mod award;
pub mod conformity;
pub mod price_methods;
pub mod price_rules;
pub mod quality;
pub mod rank;
pub mod reversal;
pub mod score;
pub mod tabulate;
pub mod tree;

/// The fewest bids one parallel task of a scoring takes: a scoring is split only where both
/// halves keep at least this many, so one of fewer than twice as many runs on the thread
/// that asks for it. What-if searches score two or three bids at a time, thousands
/// of times, from tasks already running on every core; splitting those costs more than it
/// gains (10 000 bids, `whatif`: 20 % of the time went to handing tasks between threads).
pub(crate) const MIN_BIDS_PER_TASK: usize = 64;
