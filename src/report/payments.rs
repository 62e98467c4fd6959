//! The reports of `payments` (a settlement of orders) and `index` (the prices year by
//! year): a terminal table, Markdown, CSV for Danish Excel and JSON, in the tender's
//! language. Renderers only: values in, bytes out.
//!
//! Every amount is shown with its arithmetic: "21 hverdage × 390,00 kr." for a day price,
//! "6 timer × 1.100,00 kr. × 30 / 60 hverdage" for an hour price; a month of an order
//! that began earlier shows its amount as the amount through the month less the amount
//! paid before.

use rust_decimal::Decimal;
use serde::Serialize;

use std::io::Write;

use super::blocks::{Block, Grid, render_blocks};
use super::csv::{BOM, excel, text_cell};
use super::i18n::{Arg, Texts};
use super::memo::{adjustment_rule, with_source};
use super::number::decimal_comma;
use super::{Format, adjustment_text};
use crate::domain::contract::{Basis, Contract, Course, DayOff, Indexation};
use crate::domain::{Language, Tender};
use crate::payments::index::Unknown;
use crate::payments::{
    ContractPrice, MonthPayment, OrderPayment, PassedOn, Prices, Settlement, Step, exact_amount,
};
use crate::values::{Money, RoundingMode};

/// The JSON format of `payments` and `index`; raised on any change that is not a pure
/// addition.
pub const PAYMENTS_FORMAT_VERSION: u32 = 1;

/// "september 2024".
fn month_name(texts: &Texts, (year, month): (i16, i8)) -> String {
    format!("{} {year}", texts.get(&format!("month-{month}")))
}

/// "2024-09", for CSV and JSON.
fn month_key((year, month): (i16, i8)) -> String {
    format!("{year:04}-{month:02}")
}

fn mode_word(texts: &Texts, mode: RoundingMode) -> String {
    texts.get(match mode {
        RoundingMode::HalfUp => "mode-half-up",
        RoundingMode::HalfEven => "mode-half-even",
        RoundingMode::Up => "mode-up",
        RoundingMode::Down => "mode-down",
    })
}

fn source_text(source: Option<&str>) -> String {
    source.map(|s| format!(" ({s})")).unwrap_or_default()
}

/// The rules every settlement rests on, in words.
fn rule_notes(texts: &Texts, contract: &Contract) -> Vec<String> {
    let excluded: Vec<String> = contract
        .weekdays
        .excluded
        .iter()
        .map(|d| texts.get(&format!("dayoff-{}", d.name())))
        .collect();
    let excluded = if excluded.is_empty() {
        texts.get("pay-no-days-off")
    } else {
        excluded.join(", ")
    };
    let mut notes = vec![texts.with(
        "pay-rule-weekdays",
        &[
            ("excluded", excluded.into()),
            (
                "source",
                source_text(contract.weekdays.source.as_deref()).into(),
            ),
        ],
    )];
    for payment in &contract.payment {
        let id = match payment.basis {
            Basis::Weekday => "pay-rule-basis-weekday",
            Basis::Hour => "pay-rule-basis-hour",
        };
        notes.push(texts.with(
            id,
            &[
                ("line", payment.line.as_str().into()),
                ("source", source_text(payment.source.as_deref()).into()),
            ],
        ));
    }
    let rounding = contract.amount_rounding;
    notes.push(if rounding.stated {
        texts.with(
            "pay-rule-rounding",
            &[
                ("mode", mode_word(texts, rounding.rule.mode).into()),
                ("decimals", rounding.rule.decimals.to_string().into()),
            ],
        )
    } else {
        texts.get("pay-rule-rounding-default")
    });
    notes.push(texts.get("pay-rule-month"));
    notes
}

/// A supplier's price on a line, with how the evaluation bound it and how the index
/// moved it.
fn price_note(texts: &Texts, tender: &Tender, price: &ContractPrice) -> String {
    let line = line_name(tender, &price.line.0);
    let mut text = texts.with(
        "pay-price",
        &[
            ("bidder", price.bidder.as_str().into()),
            ("line", line.as_str().into()),
            (
                "price",
                texts
                    .money(price.schedule.bid.value(), &tender.currency)
                    .into(),
            ),
        ],
    );
    for a in &price.adjustments {
        let from = a.from.map_or_else(
            || texts.get("pay-no-price"),
            |m| texts.money(m.value(), &tender.currency),
        );
        let bound = texts.with(
            "pay-price-bound",
            &[
                ("from", from.into()),
                ("to", texts.money(a.to.value(), &tender.currency).into()),
                ("rule", adjustment_rule(texts, a.rule).into()),
            ],
        );
        text.push_str(&with_source(bound, texts, a.source.as_deref()));
    }
    for known in price.schedule.changes() {
        text.push_str(&texts.with(
            "pay-price-from",
            &[
                ("date", texts.date(known.effective).into()),
                (
                    "price",
                    texts.money(known.price.value(), &tender.currency).into(),
                ),
            ],
        ));
    }
    text
}

/// A price line's name ("Spor 1 dagspris"), or its id where it has none.
fn line_name(tender: &Tender, id: &str) -> String {
    tender
        .criterion(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// The arithmetic of one month of an order.
fn calculation(
    texts: &Texts,
    tender: &Tender,
    order: &OrderPayment,
    month: &MonthPayment,
    before: Money,
) -> String {
    let money = |m: Money| texts.money(m.value(), &tender.currency);
    let parts: Vec<String> = month
        .stretches
        .iter()
        .map(|s| match (order.basis, order.order.hours) {
            (Basis::Hour, Some(hours)) => texts.with(
                "pay-calc-hours",
                &[
                    ("hours", texts.number(hours).into()),
                    ("price", money(s.price).into()),
                    ("days", Arg::Count(i64::from(s.days))),
                    ("ordered", Arg::Count(i64::from(order.ordered_days))),
                ],
            ),
            _ => texts.with(
                "pay-calc-days",
                &[
                    ("days", Arg::Count(i64::from(s.days))),
                    ("price", money(s.price).into()),
                ],
            ),
        })
        .collect();
    let sum = parts.join(" + ");
    // Rounding or an earlier month can make the month's amount differ from its own
    // arithmetic: then show the amount through the month less what was paid before.
    let own = exact_amount(
        order.basis,
        order.order.hours,
        order.ordered_days,
        &month.stretches,
    );
    if own == month.amount.value() {
        return sum;
    }
    texts.with(
        "pay-calc-through",
        &[
            ("days", Arg::Count(i64::from(month.days_through))),
            ("exact", texts.number(month.through_exact).into()),
            ("through", money(month.through).into()),
            ("before", money(before).into()),
        ],
    )
}

fn course_text(texts: &Texts, order: &OrderPayment) -> String {
    match order.order.course {
        Course::Full => String::new(),
        Course::Completed(0) => texts.get("pay-course-none"),
        Course::Completed(days) => texts.with(
            "pay-course-completed",
            &[
                ("days", Arg::Count(i64::from(days))),
                (
                    "date",
                    order
                        .paid_through
                        .map(|d| texts.date(d))
                        .unwrap_or_default()
                        .into(),
                ),
            ],
        ),
        Course::Stopped(day) => {
            texts.with("pay-course-stopped", &[("date", texts.date(day).into())])
        }
        Course::Cancelled(day) => {
            texts.with("pay-course-cancelled", &[("date", texts.date(day).into())])
        }
    }
}

/// The settlement as text or Markdown.
fn settlement_blocks(
    tender: &Tender,
    contract: &Contract,
    prices: &Prices,
    settlement: &Settlement,
    texts: &Texts,
) -> Vec<Block> {
    let mut blocks = vec![
        Block::Title(texts.with("pay-title", &[("tender", tender.title.as_str().into())])),
        Block::Line(
            texts.with(
                "pay-scope",
                &[(
                    "month",
                    settlement
                        .month
                        .map_or_else(|| texts.get("pay-all-months"), |m| month_name(texts, m))
                        .into(),
                )],
            ),
        ),
    ];
    if let Some(through) = settlement.through {
        blocks.push(Block::Line(
            texts.with("pay-through", &[("date", texts.date(through).into())]),
        ));
    }
    let money = |m: Money| texts.money(m.value(), &tender.currency);
    let mut suppliers: Vec<(&str, &str)> = settlement
        .orders
        .iter()
        .map(|o| (o.order.supplier.0.as_str(), o.bidder.as_str()))
        .collect();
    suppliers.sort();
    suppliers.dedup();
    let mut notes = Vec::new();
    for (id, bidder) in suppliers {
        blocks.push(Block::Heading(texts.with(
            "pay-supplier",
            &[("bidder", bidder.into()), ("id", id.into())],
        )));
        let mut rows = Vec::new();
        for order in settlement
            .orders
            .iter()
            .filter(|o| o.order.supplier.0 == id)
        {
            let mut before = Money::new(Decimal::ZERO);
            for month in &order.months {
                if settlement.month.is_none_or(|m| m == month.month) {
                    rows.push(vec![
                        order.order.id.clone(),
                        order.order.citizen.clone(),
                        line_name(tender, &order.order.line.0),
                        month_name(texts, month.month),
                        month.weekdays().to_string(),
                        calculation(texts, tender, order, month, before),
                        money(month.amount),
                    ]);
                }
                before = month.through;
            }
            let course = course_text(texts, order);
            if !course.is_empty() {
                notes.push((
                    order.order.file_line,
                    texts.with(
                        "pay-order-note",
                        &[
                            ("order", order.order.id.as_str().into()),
                            ("course", course.into()),
                        ],
                    ),
                ));
            }
        }
        // A supplier whose orders pay nothing in the period (all cancelled) has no rows.
        if rows.is_empty() {
            continue;
        }
        let mut header: Vec<String> = [
            "col-order",
            "col-citizen",
            "col-line",
            "col-month",
            "col-weekdays",
            "col-calculation",
            "col-amount",
        ]
        .iter()
        .map(|k| texts.get(k))
        .collect();
        let mut right = vec![4, 6];
        // One month asked for: it stands in the heading, not in every row.
        if settlement.month.is_some() {
            header.remove(3);
            for row in &mut rows {
                row.remove(3);
            }
            right = vec![3, 5];
        }
        blocks.push(Block::Table(Grid {
            header,
            rows,
            right,
        }));
        let supplier_totals: Vec<&crate::payments::MonthTotal> = settlement
            .totals
            .iter()
            .filter(|t| t.supplier.0 == id)
            .collect();
        let mut totals: Vec<String> = supplier_totals
            .iter()
            .map(|t| {
                texts.with(
                    "pay-month-total",
                    &[
                        ("month", month_name(texts, t.month).into()),
                        ("amount", money(t.amount).into()),
                        ("orders", Arg::Count(t.orders as i64)),
                    ],
                )
            })
            .collect();
        let sum = supplier_totals
            .iter()
            .fold(Money::new(Decimal::ZERO), |sum, t| sum + t.amount);
        totals.push(texts.with(
            "pay-supplier-total",
            &[("bidder", bidder.into()), ("amount", money(sum).into())],
        ));
        blocks.push(Block::Notes(totals));
    }
    blocks.push(Block::Line(String::new()));
    blocks.push(Block::Line(
        texts.with("pay-total", &[("amount", money(settlement.total).into())]),
    ));
    blocks.push(Block::Heading(texts.get("pay-prices")));
    blocks.push(Block::Notes(
        prices
            .lines
            .iter()
            .map(|p| price_note(texts, tender, p))
            .collect(),
    ));
    blocks.push(Block::Heading(texts.get("pay-rules")));
    let mut rules = rule_notes(texts, contract);
    if let Some(rule) = &contract.cancellation {
        rules.push(texts.with(
            "pay-rule-cancellation",
            &[
                ("days", Arg::Count(i64::from(rule.days_before_start))),
                ("source", source_text(rule.source.as_deref()).into()),
            ],
        ));
    }
    if let Some(indexation) = &contract.indexation {
        rules.push(indexation_rule(texts, indexation));
    }
    // In the order of the orders file.
    notes.sort_by_key(|(line, _)| *line);
    rules.extend(notes.into_iter().map(|(_, note)| note));
    blocks.push(Block::Notes(rules));
    blocks
}

fn indexation_rule(texts: &Texts, indexation: &Indexation) -> String {
    texts.with(
        match indexation.applies_to {
            crate::domain::contract::AppliesTo::OrderDate => "pay-rule-index-order-date",
            crate::domain::contract::AppliesTo::DeliveryDate => "pay-rule-index-delivery-date",
        },
        &[
            ("index", indexation.index.as_str().into()),
            ("threshold", texts.number(indexation.threshold).into()),
            ("source", source_text(indexation.source.as_deref()).into()),
        ],
    )
}

/// What a settlement report is made of.
pub struct SettlementReport<'a> {
    pub tender: &'a Tender,
    pub contract: &'a Contract,
    pub prices: &'a Prices,
    pub settlement: &'a Settlement,
}

/// Writes the settlement in a format (not xlsx) as it is produced: CSV and JSON row by row
/// and order by order, so a file of 100 000 orders is never held whole in memory.
pub fn write_settlement(
    report: &SettlementReport<'_>,
    format: Format,
    language: Language,
    width: Option<u16>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let texts = Texts::new(language);
    let SettlementReport {
        tender,
        contract,
        prices,
        settlement,
    } = *report;
    match format {
        Format::Table | Format::Xlsx | Format::Md => {
            let markdown = format == Format::Md;
            let blocks = settlement_blocks(tender, contract, prices, settlement, &texts);
            out.write_all(
                render_blocks(&blocks, markdown, width.filter(|_| !markdown), &texts).as_bytes(),
            )
        }
        Format::Csv => settlement_csv(tender, settlement, &texts, out),
        Format::Json => settlement_json(tender, contract, prices, settlement, out),
    }
}

fn settlement_csv(
    tender: &Tender,
    settlement: &Settlement,
    texts: &Texts,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    out.write_all(BOM)?;
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(out);
    let header: Vec<String> = [
        "tender",
        "supplier",
        "bidder",
        "month",
        "order",
        "citizen",
        "line",
        "basis",
        "ordered",
        "start",
        "end",
        "ordered_days",
        "hours",
        "course",
        "course_date",
        "weekdays",
        "weekdays_through",
        "prices",
        "calculation",
        "amount_through",
        "amount",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    writer.write_record(&header)?;
    for order in &settlement.orders {
        let o = &order.order;
        let (course, course_date) = match o.course {
            Course::Full => ("full", String::new()),
            Course::Stopped(d) => ("stopped", d.to_string()),
            Course::Completed(_) => ("completed", String::new()),
            Course::Cancelled(d) => ("cancelled", d.to_string()),
        };
        let common = |month: String| {
            vec![
                tender.id.clone(),
                text_cell(&o.supplier.0),
                text_cell(&order.bidder),
                month,
                text_cell(&o.id),
                text_cell(&o.citizen),
                text_cell(&o.line.0),
                basis_name(order.basis).to_string(),
                o.ordered.to_string(),
                o.start.to_string(),
                o.end.to_string(),
                order.ordered_days.to_string(),
                o.hours.map(decimal_comma).unwrap_or_default(),
                course.to_string(),
                course_date.clone(),
            ]
        };
        if order.months.is_empty() {
            let mut row = common(String::new());
            row.extend([
                "0".into(),
                "0".into(),
                String::new(),
                String::new(),
                "0".into(),
                "0".into(),
            ]);
            writer.write_record(&row)?;
        }
        let mut before = Money::new(Decimal::ZERO);
        for month in &order.months {
            if settlement.month.is_none_or(|m| m == month.month) {
                let mut row = common(month_key(month.month));
                let prices: Vec<String> = month
                    .stretches
                    .iter()
                    .map(|s| decimal_comma(s.price.value()))
                    .collect();
                row.extend([
                    month.weekdays().to_string(),
                    month.days_through.to_string(),
                    prices.join(" + "),
                    calculation(texts, tender, order, month, before),
                    decimal_comma(month.through.value()),
                    decimal_comma(month.amount.value()),
                ]);
                writer.write_record(&row)?;
            }
            before = month.through;
        }
    }
    writer.flush()
}

fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Weekday => "weekday",
        Basis::Hour => "hour",
    }
}

/// An exact decimal as a JSON string.
fn exact(value: Decimal) -> String {
    value.to_string()
}

#[derive(Serialize)]
struct SettlementJson<'a> {
    format_version: u32,
    tender: &'a str,
    currency: &'a str,
    month: Option<String>,
    through: Option<String>,
    rules: RulesJson,
    prices: Vec<PriceJson>,
    orders: OrdersJson<'a>,
    totals: Vec<TotalJson<'a>>,
    total: String,
}

#[derive(Serialize)]
struct RulesJson {
    weekdays_excluded: Vec<DayOff>,
    weekdays_source: Option<String>,
    amount_rounding: AmountRoundingJson,
}

#[derive(Serialize)]
struct AmountRoundingJson {
    decimals: u32,
    mode: RoundingMode,
    /// Whether the tender states it (else the default, whole øre half up).
    stated: bool,
}

#[derive(Serialize)]
struct PriceJson {
    supplier: String,
    bidder: String,
    line: String,
    submitted: Option<String>,
    bid: String,
    adjustments: Vec<String>,
    steps: Vec<StepJson>,
}

#[derive(Serialize)]
struct StepJson {
    effective: String,
    known: bool,
    /// Why it is not known.
    unknown: Option<String>,
    from: Option<String>,
    to: Option<String>,
    from_value: Option<String>,
    to_value: Option<String>,
    change: Option<String>,
    change_used: Option<String>,
    passed_on: Option<String>,
    before: Option<String>,
    computed: Option<String>,
    rounded: Option<String>,
    floored: Option<bool>,
    price: Option<String>,
}

fn steps_json(price: &ContractPrice) -> Vec<StepJson> {
    price
        .schedule
        .steps
        .iter()
        .map(|step| match step {
            Step::Known(k) => StepJson {
                effective: k.effective.to_string(),
                known: true,
                unknown: None,
                from: Some(k.from.to_string()),
                to: Some(k.to.to_string()),
                from_value: Some(exact(k.from_value)),
                to_value: Some(exact(k.to_value)),
                change: Some(exact(k.change.normalize())),
                change_used: Some(exact(k.change_used)),
                passed_on: Some(exact(k.passed_on.normalize())),
                before: Some(exact(k.before.value())),
                computed: Some(exact(k.computed.value().normalize())),
                rounded: Some(exact(k.rounded.value())),
                floored: Some(k.floored),
                price: Some(exact(k.price.value())),
            },
            Step::Unknown { effective, why } => StepJson {
                effective: effective.to_string(),
                known: false,
                unknown: Some(why.to_string()),
                from: None,
                to: None,
                from_value: None,
                to_value: None,
                change: None,
                change_used: None,
                passed_on: None,
                before: None,
                computed: None,
                rounded: None,
                floored: None,
                price: None,
            },
        })
        .collect()
}

fn prices_json(prices: &Prices) -> Vec<PriceJson> {
    prices
        .lines
        .iter()
        .map(|p| PriceJson {
            supplier: p.supplier.0.clone(),
            bidder: p.bidder.clone(),
            line: p.line.0.to_string(),
            submitted: p.submitted.map(|m| exact(m.value())),
            bid: exact(p.schedule.bid.value()),
            adjustments: p.adjustments.iter().map(adjustment_text).collect(),
            steps: steps_json(p),
        })
        .collect()
}

#[derive(Serialize)]
struct OrderJson<'a> {
    id: &'a str,
    citizen: &'a str,
    supplier: &'a str,
    line: &'a str,
    basis: &'static str,
    ordered: String,
    start: String,
    end: String,
    hours: Option<String>,
    course: &'static str,
    course_date: Option<String>,
    ordered_days: u32,
    completed_days: u32,
    paid_through: Option<String>,
    months: Vec<MonthJson>,
    amount: String,
    /// The line of the order in its file.
    file_line: usize,
}

#[derive(Serialize)]
struct MonthJson {
    month: String,
    weekdays: u32,
    weekdays_through: u32,
    stretches: Vec<StretchJson>,
    amount_through_exact: String,
    amount_through: String,
    amount: String,
}

#[derive(Serialize)]
struct StretchJson {
    first: String,
    last: String,
    weekdays: u32,
    price: String,
    adjusted: Option<String>,
}

#[derive(Serialize)]
struct TotalJson<'a> {
    supplier: &'a str,
    bidder: &'a str,
    month: String,
    orders: usize,
    amount: String,
}

/// The orders of a settlement, serialized one by one as they are written.
struct OrdersJson<'a>(&'a Settlement);

impl Serialize for OrdersJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let settlement = self.0;
        serializer.collect_seq(settlement.orders.iter().map(|o| order_json(settlement, o)))
    }
}

fn order_json<'a>(settlement: &Settlement, order: &'a OrderPayment) -> OrderJson<'a> {
    let o = &order.order;
    let (course, course_date) = match o.course {
        Course::Full => ("full", None),
        Course::Stopped(d) => ("stopped", Some(d.to_string())),
        Course::Completed(_) => ("completed", None),
        Course::Cancelled(d) => ("cancelled", Some(d.to_string())),
    };
    OrderJson {
        id: &o.id,
        citizen: &o.citizen,
        supplier: &o.supplier.0,
        line: &o.line.0,
        basis: basis_name(order.basis),
        ordered: o.ordered.to_string(),
        start: o.start.to_string(),
        end: o.end.to_string(),
        hours: o.hours.map(exact),
        course,
        course_date,
        ordered_days: order.ordered_days,
        completed_days: order.completed_days,
        paid_through: order.paid_through.map(|d| d.to_string()),
        months: order
            .months
            .iter()
            .filter(|m| settlement.month.is_none_or(|asked| asked == m.month))
            .map(|m| MonthJson {
                month: month_key(m.month),
                weekdays: m.weekdays(),
                weekdays_through: m.days_through,
                stretches: m
                    .stretches
                    .iter()
                    .map(|s| StretchJson {
                        first: s.first.to_string(),
                        last: s.last.to_string(),
                        weekdays: s.days,
                        price: exact(s.price.value()),
                        adjusted: s.adjusted.map(|d| d.to_string()),
                    })
                    .collect(),
                amount_through_exact: exact(m.through_exact.normalize()),
                amount_through: exact(m.through.value()),
                amount: exact(m.amount.value()),
            })
            .collect(),
        amount: exact(order.amount.value()),
        file_line: o.file_line,
    }
}

fn settlement_json(
    tender: &Tender,
    contract: &Contract,
    prices: &Prices,
    settlement: &Settlement,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let report = SettlementJson {
        format_version: PAYMENTS_FORMAT_VERSION,
        tender: &tender.id,
        currency: &tender.currency,
        month: settlement.month.map(month_key),
        through: settlement.through.map(|d| d.to_string()),
        rules: RulesJson {
            weekdays_excluded: contract.weekdays.excluded.clone(),
            weekdays_source: contract.weekdays.source.clone(),
            amount_rounding: AmountRoundingJson {
                decimals: contract.amount_rounding.rule.decimals,
                mode: contract.amount_rounding.rule.mode,
                stated: contract.amount_rounding.stated,
            },
        },
        prices: prices_json(prices),
        orders: OrdersJson(settlement),
        totals: settlement
            .totals
            .iter()
            .map(|t| TotalJson {
                supplier: &t.supplier.0,
                bidder: &t.bidder,
                month: month_key(t.month),
                orders: t.orders,
                amount: exact(t.amount.value()),
            })
            .collect(),
        total: exact(settlement.total.value()),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

/// The prices year by year (`index`), in a format (not xlsx).
pub fn index(
    tender: &Tender,
    indexation: &Indexation,
    prices: &Prices,
    format: Format,
    language: Language,
    width: Option<u16>,
) -> Vec<u8> {
    let texts = Texts::new(language);
    match format {
        Format::Json => {
            #[derive(Serialize)]
            struct IndexJson<'a> {
                format_version: u32,
                tender: &'a str,
                index: &'a str,
                threshold: String,
                prices: Vec<PriceJson>,
            }
            let mut out = serde_json::to_vec_pretty(&IndexJson {
                format_version: PAYMENTS_FORMAT_VERSION,
                tender: &tender.id,
                index: &indexation.index,
                threshold: exact(indexation.threshold),
                prices: prices_json(prices),
            })
            .unwrap_or_default();
            out.push(b'\n');
            out
        }
        Format::Csv => {
            let mut rows = vec![
                [
                    "tender",
                    "supplier",
                    "bidder",
                    "line",
                    "effective",
                    "from",
                    "to",
                    "from_value",
                    "to_value",
                    "change",
                    "change_used",
                    "passed_on",
                    "before",
                    "computed",
                    "rounded",
                    "floored",
                    "price",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
            ];
            for p in &prices.lines {
                for step in &p.schedule.steps {
                    let mut row = vec![
                        tender.id.clone(),
                        text_cell(&p.supplier.0),
                        text_cell(&p.bidder),
                        text_cell(&p.line.0),
                    ];
                    match step {
                        Step::Known(k) => row.extend([
                            k.effective.to_string(),
                            k.from.to_string(),
                            k.to.to_string(),
                            decimal_comma(k.from_value),
                            decimal_comma(k.to_value),
                            decimal_comma(k.change.normalize()),
                            decimal_comma(k.change_used),
                            decimal_comma(k.passed_on.normalize()),
                            decimal_comma(k.before.value()),
                            decimal_comma(k.computed.value().normalize()),
                            decimal_comma(k.rounded.value()),
                            if k.floored { "yes" } else { "no" }.to_string(),
                            decimal_comma(k.price.value()),
                        ]),
                        Step::Unknown { effective, why } => {
                            row.push(effective.to_string());
                            row.extend(std::iter::repeat_n(String::new(), 11));
                            row.push(text_cell(&why.to_string()));
                        }
                    }
                    rows.push(row);
                }
            }
            excel(rows)
        }
        Format::Table | Format::Md | Format::Xlsx => {
            let markdown = format == Format::Md;
            render_blocks(
                &index_blocks(tender, indexation, prices, &texts),
                markdown,
                width.filter(|_| !markdown),
                &texts,
            )
            .into_bytes()
        }
    }
}

/// Why an adjustment is not known, in words.
fn unknown_text(texts: &Texts, why: &Unknown) -> String {
    match why {
        Unknown::NoIndex { from, to } => texts.with(
            "index-unknown-no-file",
            &[
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
            ],
        ),
        Unknown::Missing(p) => {
            texts.with("index-unknown-missing", &[("period", p.to_string().into())])
        }
        Unknown::Earlier(d) => {
            texts.with("index-unknown-earlier", &[("date", texts.date(*d).into())])
        }
        Unknown::TooLarge => texts.get("index-unknown-too-large"),
    }
}

/// A percentage as shown: exact, or to six decimals with "≈" where it has more (a
/// non-terminating quotient); CSV and JSON hold every digit.
fn percent_shown(texts: &Texts, value: Decimal) -> String {
    let value = value.normalize();
    if value.scale() <= 6 {
        texts.number(value)
    } else {
        format!("≈ {}", texts.number(value.round_dp(6)))
    }
}

fn index_blocks(
    tender: &Tender,
    indexation: &Indexation,
    prices: &Prices,
    texts: &Texts,
) -> Vec<Block> {
    let money = |m: Money| texts.money(m.value(), &tender.currency);
    let mut blocks = vec![
        Block::Title(texts.with("index-title", &[("tender", tender.title.as_str().into())])),
        Block::Line(indexation_rule(texts, indexation)),
    ];
    let rounding = indexation.change_rounding.map_or_else(
        || texts.get("index-change-exact"),
        |r| {
            texts.with(
                "index-change-rounded",
                &[
                    ("mode", mode_word(texts, r.mode).into()),
                    ("decimals", Arg::Count(i64::from(r.decimals))),
                ],
            )
        },
    );
    blocks.push(Block::Line(rounding));
    blocks.push(Block::Line(texts.with(
        "index-price-rounded",
        &[
            (
                "mode",
                mode_word(texts, indexation.price_rounding.mode).into(),
            ),
            (
                "decimals",
                Arg::Count(i64::from(indexation.price_rounding.decimals)),
            ),
        ],
    )));
    // The adjustments, once: the same index change applies to every price.
    blocks.push(Block::Heading(texts.get("index-adjustments")));
    let first = prices.lines.first();
    let rows = first.map_or_else(Vec::new, |p| {
        p.schedule
            .steps
            .iter()
            .map(|step| match step {
                Step::Known(k) => {
                    let reason = match k.reason {
                        PassedOn::RiseAboveThreshold => "index-rise-above",
                        PassedOn::RiseWithinThreshold => "index-rise-within",
                        PassedOn::Fall => "index-fall",
                    };
                    let change = if k.change == k.change_used {
                        texts.with(
                            "index-change",
                            &[("change", percent_shown(texts, k.change).into())],
                        )
                    } else {
                        texts.with(
                            "index-change-used",
                            &[
                                ("change", percent_shown(texts, k.change).into()),
                                ("used", texts.number(k.change_used).into()),
                            ],
                        )
                    };
                    vec![
                        texts.date(k.effective),
                        format!("{} → {}", k.from, k.to),
                        format!(
                            "{} → {}",
                            texts.number(k.from_value),
                            texts.number(k.to_value)
                        ),
                        change,
                        texts.with(reason, &[("passed", texts.number(k.passed_on).into())]),
                    ]
                }
                Step::Unknown { effective, why } => vec![
                    texts.date(*effective),
                    String::new(),
                    String::new(),
                    String::new(),
                    unknown_text(texts, why),
                ],
            })
            .collect()
    });
    blocks.push(Block::Table(Grid {
        header: [
            "col-effective",
            "col-periods",
            "col-index",
            "col-change",
            "col-passed-on",
        ]
        .iter()
        .map(|k| texts.get(k))
        .collect(),
        rows,
        right: vec![],
    }));
    blocks.push(Block::Heading(texts.get("index-prices")));
    let mut rows = Vec::new();
    for p in &prices.lines {
        let line = line_name(tender, &p.line.0);
        rows.push(vec![
            p.bidder.clone(),
            line.clone(),
            texts.get("index-as-bid"),
            String::new(),
            money(p.schedule.bid),
        ]);
        for step in &p.schedule.steps {
            let Step::Known(k) = step else { continue };
            let mut calculation = texts.with(
                "index-price-calc",
                &[
                    ("before", money(k.before).into()),
                    (
                        "factor",
                        texts.number(Decimal::ONE_HUNDRED + k.passed_on).into(),
                    ),
                    ("computed", texts.number(k.computed.value()).into()),
                    ("rounded", money(k.rounded).into()),
                ],
            );
            if k.floored {
                calculation
                    .push_str(&texts.with("index-floored", &[("price", money(k.price).into())]));
            }
            rows.push(vec![
                p.bidder.clone(),
                line.clone(),
                texts.date(k.effective),
                calculation,
                money(k.price),
            ]);
        }
    }
    blocks.push(Block::Table(Grid {
        header: [
            "col-bidder",
            "col-line",
            "col-effective",
            "col-calculation",
            "col-price",
        ]
        .iter()
        .map(|k| texts.get(k))
        .collect(),
        rows,
        right: vec![4],
    }));
    blocks
}
