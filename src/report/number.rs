//! Numbers as people read them in Danish documents: a decimal comma, and columns padded
//! to a common number of decimals without rounding.

use rust_decimal::Decimal;

/// Formats a decimal as Danish documents and Danish Excel write it: a decimal comma and
/// a point between thousands ("1.350,00", "56.940", "-1.300").
pub fn decimal_comma(value: Decimal) -> String {
    with_decimal_commas(&value.to_string())
}

/// One number written with a decimal point ("1350.5") in the Danish way ("1.350,5").
fn danish(number: &str) -> String {
    grouped(number, '.', ',')
}

/// A number written with a decimal point ("-1350.5"), its whole part in groups of three
/// digits joined by `thousands`, and `decimal` as its decimal mark.
pub fn grouped(number: &str, thousands: char, decimal: char) -> String {
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut out = sign.to_string();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// An exact decimal with a decimal comma and without trailing zeros ("8,165", "3").
pub fn exact_comma(value: Decimal) -> String {
    decimal_comma(value.normalize())
}

/// A text that writes its numbers with a decimal point (a formula, a value kept as text)
/// with every number in the Danish way: a decimal comma, a point between thousands. Only
/// numbers standing on their own are changed: a point that is not a decimal point, or
/// digits joined to letters or hyphens ("pkt. 1.2.1", "2023-09-15", "lot1000"), stay.
pub fn with_decimal_commas(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let joined =
        |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '-' || *c == '.');
    // Joined to what stands before: a letter, digit or point, or a hyphen between words
    // (2023-09); a minus sign before a number (-1300, (−8) is a sign, not a join.
    let joined_before = |i: usize| match i.checked_sub(1).map(|p| chars[p]) {
        Some('-') => i.checked_sub(2).is_some_and(|p| chars[p].is_alphanumeric()),
        Some(c) => c.is_alphanumeric() || c == '.',
        None => false,
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || joined_before(i) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A number: digits, and at most one point followed by digits.
        let mut end = i;
        while end < chars.len() && chars[end].is_ascii_digit() {
            end += 1;
        }
        if end + 1 < chars.len() && chars[end] == '.' && chars[end + 1].is_ascii_digit() {
            end += 1;
            while end < chars.len() && chars[end].is_ascii_digit() {
                end += 1;
            }
        }
        let number: String = chars[i..end].iter().collect();
        if joined(chars.get(end)) {
            out.push_str(&number);
        } else {
            out.push_str(&danish(&number));
        }
        i = end;
    }
    out
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
        assert_eq!(decimal_comma(dec("1350.00")), "1.350,00");
        assert_eq!(decimal_comma(dec("56940")), "56.940");
        assert_eq!(decimal_comma(dec("-1300")), "-1.300");
        assert_eq!(decimal_comma(dec("999")), "999");
        assert_eq!(decimal_comma(dec("1000000.5")), "1.000.000,5");
        assert_eq!(
            with_decimal_commas("56940 + (10 − 8.65) × 5000"),
            "56.940 + (10 − 8,65) × 5.000"
        );
        // Text that is no number stays as written.
        assert_eq!(
            with_decimal_commas("pkt. 1.2.1 of 2023-09-15, lot1000."),
            "pkt. 1.2.1 of 2023-09-15, lot1000."
        );
        assert_eq!(with_decimal_commas("-1300.5"), "-1.300,5");
    }
}
