//! Numbers as people read them in Danish documents: a decimal comma, and columns padded
//! to a common number of decimals without rounding.

use rust_decimal::Decimal;

/// Formats a decimal with a decimal comma, as Danish documents and Danish Excel expect.
pub fn decimal_comma(value: Decimal) -> String {
    with_decimal_commas(&value.to_string())
}

/// An exact decimal with a decimal comma and without trailing zeros ("8,165", "3").
pub fn exact_comma(value: Decimal) -> String {
    decimal_comma(value.normalize())
}

/// A text that writes its decimals with a decimal point (a formula, a value kept as text)
/// with decimal commas instead: every `.` becomes `,`.
pub fn with_decimal_commas(text: &str) -> String {
    text.replace('.', ",")
}

/// Pads every value to the largest number of decimals among them, without rounding, so a
/// column of exact values lines up (7.6335 and 7.6 become 7.6335 and 7.6000).
pub fn common_scale(values: &[Decimal]) -> Vec<Decimal> {
    let scale = values
        .iter()
        .map(|v| v.normalize().scale())
        .max()
        .unwrap_or(0);
    values
        .iter()
        .map(|v| {
            let mut padded = v.normalize();
            padded.rescale(scale);
            padded
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn common_scale_pads_without_rounding() {
        let padded = common_scale(&[dec("7.6335"), dec("7.6"), dec("8")]);
        let shown: Vec<String> = padded.iter().map(|v| v.to_string()).collect();
        assert_eq!(shown, ["7.6335", "7.6000", "8.0000"]);
        assert_eq!(decimal_comma(dec("4.095")), "4,095");
    }
}
