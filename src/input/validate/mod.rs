//! Validation: raw input structures → domain types, collecting every problem.
//!
//! Contract: each function reads one raw file and returns the domain value only when that
//! file had no problem; every problem found is pushed to the caller's list as a
//! [`Diagnostic`](crate::input::diag::Diagnostic) with its code, span, field and fix.
//! Nothing here stops at the first problem, reads a file, scores a bid or touches anything
//! outside its arguments. One module per document; [`checker`] holds what they share.

mod bid;
mod checker;
mod contract;
mod criteria;
mod decisions;
mod model;
mod orders;
mod procedure;
mod rettelsesblad;
mod tender;

pub use bid::{BidTerms, bid};
pub use contract::DEFAULT_AMOUNT_ROUNDING;
pub use decisions::decisions;
pub use model::model;
pub use orders::{OrderRules, index, orders};
pub use rettelsesblad::rettelsesblad;
pub use tender::{ModelSite, tender};

#[cfg(test)]
mod tests {
    use super::checker::exact_decimal;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn exact_decimal_reads_the_digits_as_written() {
        assert_eq!(exact_decimal("448.05"), Decimal::from_str("448.05").ok());
        assert_eq!(exact_decimal("1_150"), Decimal::from_str("1150").ok());
        assert_eq!(exact_decimal("+3.5"), Decimal::from_str("3.5").ok());
        assert_eq!(exact_decimal("4.4805e2"), Decimal::from_str("448.05").ok());
        assert_eq!(exact_decimal("nan"), None);
        assert_eq!(exact_decimal("inf"), None);
    }
}
