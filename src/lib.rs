//! tenderscore: scores the bids of a public tender exactly and explains every point.
//!
//! The pipeline, one module per stage, each depending only on the ones above it:
//!
//! - [`values`]: typed decimals (money, points, weights) and the one rounding policy.
//! - [`domain`]: the validated tender, its criteria tree, scoring model, bids and
//!   rettelsesblade; values of these types are only built by [`input`].
//! - [`input`]: reads a tender folder, parses the raw TOML with spans, validates it into
//!   the domain (every problem a diagnostic with a stable code), and builds every version
//!   of the tender by setting each rettelsesblad's changes. Never scores.
//! - [`scoring`]: pure functions over the domain: price rules, price methods, conformity,
//!   quality, totals, ranking and the rank-reversal check.
//! - [`legal`]: legal notes on the price evaluation and the deadline check of
//!   rettelsesblade.
//! - [`evaluate`]: one function from a loaded version to an [`evaluate::Evaluation`], used
//!   by every command; `rescore` compares the versions of many tenders.
//! - [`payments`]: after the award: what the contract pays for orders, month by month,
//!   and how the index moves the suppliers' prices.
//! - [`whatif`]: break-even prices, the points needed, weight ranges, what each criterion
//!   decided in fact, and scenarios: edited copies of bids and weights, scored again.
//! - [`report`]: renderers only: an evaluation in, bytes out, one module per format; the
//!   Danish and English documents (memo, letters, model text) with their message files,
//!   templates and charts.
//! - [`cli`]: arguments, one small module per command, output files and exit codes.
//! - [`synthetic`]: generated tenders for benchmarks.

pub mod cli;
pub mod domain;
pub mod evaluate;
pub mod input;
pub mod legal;
pub mod payments;
pub mod report;
pub mod scoring;
pub mod synthetic;
pub mod values;
pub mod whatif;
