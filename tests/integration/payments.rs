//! `payments` and `index` through the binary: the seed's worked examples (Bilag B pkt.
//! 1.4.1–1.4.2), months with Danish public holidays, indexation (pkt. 1.5) including a fall
//! that would go below the bid and an order spanning an adjustment, and bad orders.
//! Every expected amount is computed by hand in the comment beside it.

use serde_json::Value;

use super::fixture::{Fixture, json, line_of, stderr, stdout};

const INDEX: &str = "kontrakt/indeks.toml";

/// The reference tender, with Kompas bidding the seed's example prices (390 per weekday,
/// 1 100 per hour) and the contract period moved to 2023, the year of the seed's example
/// (7 August to 27 October 2023 is 60 weekdays: 12 whole weeks, no holiday).
fn seed_example() -> Fixture {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "spor1 = 372.50", "spor1 = 390");
    f.replace("bids/kompas.toml", "spor2 = 1350", "spor2 = 1100");
    f.replace("tender.toml", "start = 2024-01-01", "start = 2023-01-01");
    f
}

fn order<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("order {id} in {report}"))
}

/// `payments` of the shipped orders with the shipped index, as JSON.
fn settle_shipped(f: &Fixture, extra: &[&str]) -> Value {
    let mut args = vec![
        "tender/kontrakt/ordrer.csv",
        "--index",
        "tender/kontrakt/indeks.toml",
        "-f",
        "json",
    ];
    args.extend(extra);
    json(&f.run("payments", &args).success())
}

fn months(order: &Value) -> Vec<(String, String)> {
    order["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["amount"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_seeds_worked_examples() {
    let f = seed_example();
    // Four orders of Kompas over the seed's period, placed on 1 August 2023.
    let orders: String = [
        ("a", "spor1", ""),
        ("b", "spor1", "completed_days = 30\n"),
        ("c", "spor2", "hours = 6\n"),
        ("d", "spor2", "hours = 6\ncompleted_days = 30\n"),
    ]
    .iter()
    .map(|(id, line, extra)| {
        format!(
            "[[orders]]\nid = \"{id}\"\nsupplier = \"kompas\"\nline = \"{line}\"\n\
             ordered = 2023-08-01\nstart = 2023-08-07\nend = 2023-10-27\n{extra}\n"
        )
    })
    .collect();
    f.write("ordrer.toml", &orders);
    f.replace(
        "tender.toml",
        "suppliers = [\"kompas\", \"job-og-trivsel\"]",
        "suppliers = [\"kompas\"]",
    );
    let out = f
        .run("payments", &["tender/ordrer.toml", "-f", "json"])
        .success();
    let report = json(&out);
    // Bilag B pkt. 1.4.1: 60 weekdays × 390 = 23 400; stopped after 30 weekdays: 11 700.
    assert_eq!(order(&report, "a")["ordered_days"], 60);
    assert_eq!(order(&report, "a")["amount"], "23400.00");
    assert_eq!(order(&report, "b")["amount"], "11700.00");
    // The 30th weekday from Monday 7 August is Friday 15 September (6 whole weeks).
    assert_eq!(order(&report, "b")["paid_through"], "2023-09-15");
    // Bilag B pkt. 1.4.2: (6 hours / 60 weekdays) × 60 × 1 100 = 6 600; after 30: 3 300.
    assert_eq!(order(&report, "c")["amount"], "6600.00");
    assert_eq!(order(&report, "d")["amount"], "3300.00");
    // By month: August 7–31 is 19 weekdays (7–11, 14–18, 21–25, 28–31), September 21
    // (1, 4–8, 11–15, 18–22, 25–29), October 1–27 20: 19 × 390 = 7 410, 21 × 390 = 8 190,
    // 20 × 390 = 7 800 (together 23 400).
    assert_eq!(
        months(order(&report, "a")),
        vec![
            ("2023-08".into(), "7410.00".into()),
            ("2023-09".into(), "8190.00".into()),
            ("2023-10".into(), "7800.00".into())
        ]
    );
    // Hours: through August 6 600 × 19/60 = 2 090; through September 6 600 × 40/60 =
    // 4 400, so September 2 310; October 6 600 − 4 400 = 2 200.
    assert_eq!(
        months(order(&report, "c")),
        vec![
            ("2023-08".into(), "2090.00".into()),
            ("2023-09".into(), "2310.00".into()),
            ("2023-10".into(), "2200.00".into())
        ]
    );
    // 23 400 + 11 700 + 6 600 + 3 300 = 45 000.
    assert_eq!(report["total"], "45000.00");
    // The table shows the arithmetic in Danish.
    let table = stdout(&f.run("payments", &["tender/ordrer.toml"]).success());
    assert!(table.contains("19 hverdage × 390,00 kr."), "{table}");
    assert!(
        table.contains("6 timer × 1.100,00 kr. × 19 / 60 hverdage"),
        "{table}"
    );
    assert!(table.contains("I alt: 45.000,00 kr."), "{table}");
}

#[test]
fn months_with_danish_public_holidays() {
    let f = Fixture::reference();
    let report = settle_shipped(&f, &[]);
    // Order 2024-001, 1 May – 28 June 2024 at Kompas's 373 (372,50 rounded up). May 2024
    // has 23 days Monday–Friday, less Kristi himmelfartsdag (9 May) and 2. pinsedag
    // (20 May): 21 × 373 = 7 833. June: 20 days Monday–Friday to the 28th, less
    // grundlovsdag (5 June): 19 × 373 = 7 087.
    assert_eq!(
        months(order(&report, "2024-001")),
        vec![
            ("2024-05".into(), "7833.00".into()),
            ("2024-06".into(), "7087.00".into())
        ]
    );
    // Order 2024-004, 2 December 2024 – 28 February 2025 at Job & Trivsel's 449. December:
    // 22 days Monday–Friday less 24, 25, 26 and 31 December = 18 → 8 082. January 2025:
    // 23 less nytårsdag = 22 → 9 878. February: 20 → 8 980. Ordered on 15 November 2024,
    // before the adjustment of 1 January 2025, so the whole order keeps the bid price.
    assert_eq!(
        months(order(&report, "2024-004")),
        vec![
            ("2024-12".into(), "8082.00".into()),
            ("2025-01".into(), "9878.00".into()),
            ("2025-02".into(), "8980.00".into())
        ]
    );
    // Order 2025-001, ordered 6 January 2025: Kompas's price from 1 January 2025,
    // 373 × 101,5 % = 378,595 → 378,60; 13–31 January is 15 weekdays: 5 679.
    assert_eq!(
        months(order(&report, "2025-001"))[0],
        ("2025-01".into(), "5679.00".into())
    );
    // Cancelled on 10 October for a start on 14 October: nothing.
    let cancelled = order(&report, "2024-006");
    assert_eq!(cancelled["course"], "cancelled");
    assert_eq!(cancelled["amount"], "0.00");
    // One month for one supplier: September 2024 at Kompas: order 2024-002 (6 hours over
    // 65 weekdays at 1 300: 7 800 × 20/65 = 2 400) and 2024-003 (stopped 13 September:
    // 10 weekdays × 373 = 3 730): 6 130.
    let report = settle_shipped(&f, &["--month", "2024-09"]);
    let kompas = report["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["supplier"] == "kompas")
        .expect("kompas total");
    assert_eq!(kompas["amount"], "6130.00");
    assert_eq!(kompas["orders"], 2);
}

#[test]
fn a_settlement_date_pays_only_the_days_before_it() {
    let f = Fixture::reference();
    // Order 2024-001 through 15 May 2024: 1–3, 6–8, 10, 13–15 May = 10 weekdays (9 May is
    // Kristi himmelfartsdag): 10 × 373 = 3 730.
    let report = settle_shipped(&f, &["--through", "2024-05-15"]);
    assert_eq!(order(&report, "2024-001")["amount"], "3730.00");
    assert_eq!(order(&report, "2024-001")["completed_days"], 10);
}

#[test]
fn indexation_rises_above_the_threshold_and_falls_no_lower_than_the_bid() {
    let f = Fixture::reference();
    // 2023K3 → 2024K3: +1 %, within the 2 % threshold: no change (373,00).
    // 2024K3 → 2025K3: 95 / 101 − 1 = −5,9406 %, rounded −5,9 %: 373 × 94,1 % = 350,993
    // → 350,99, below the bid 373: the bid price stays.
    f.write(
        INDEX,
        "index = \"Danmarks Statistik, producentprisindeks for tjenester, 78 Arbejdsformidling\"\n[values]\n2023K3 = 100\n2024K3 = 101\n2025K3 = 95\n2026K3 = 99.75\n",
    );
    let report = json(
        &f.run("index", &["tender/kontrakt/indeks.toml", "-f", "json"])
            .success(),
    );
    let kompas_spor1 = report["prices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["supplier"] == "kompas" && p["line"] == "spor1")
        .expect("kompas spor1");
    let steps = kompas_spor1["steps"].as_array().unwrap();
    assert_eq!(steps[0]["change"], "1");
    assert_eq!(steps[0]["passed_on"], "0");
    assert_eq!(steps[0]["price"], "373.00");
    assert_eq!(steps[1]["change_used"], "-5.9");
    assert_eq!(steps[1]["computed"], "350.993");
    assert_eq!(steps[1]["floored"], true);
    assert_eq!(steps[1]["price"], "373");
    // 2025K3 → 2026K3: 99,75 / 95 = +5 %: +3 % on the price in force (the bid, 373):
    // 373 × 103 % = 384,19.
    assert_eq!(steps[2]["change_used"], "5.0");
    assert_eq!(steps[2]["price"], "384.19");
    // The table says so in Danish.
    let table = stdout(&f.run("index", &["tender/kontrakt/indeks.toml"]).success());
    assert!(
        table.contains("under den tilbudte pris: 373,00 kr."),
        "{table}"
    );
}

#[test]
fn an_order_spanning_an_adjustment_is_paid_by_delivery_date_where_the_contract_says_so() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "applies_to = \"order-date\"",
        "applies_to = \"delivery-date\"",
    );
    let report = settle_shipped(&f, &[]);
    // Order 2024-004 at Job & Trivsel: December 2024 at 449 (18 × 449 = 8 082); from
    // 1 January 2025 at 449 × 101,5 % = 455,735 → 455,74: January 22 × 455,74 =
    // 10 026,28, February 20 × 455,74 = 9 114,80.
    assert_eq!(
        months(order(&report, "2024-004")),
        vec![
            ("2024-12".into(), "8082.00".into()),
            ("2025-01".into(), "10026.28".into()),
            ("2025-02".into(), "9114.80".into())
        ]
    );
}

#[test]
fn every_bad_order_is_reported_in_one_run_with_its_place_and_fix() {
    let f = Fixture::reference();
    let orders = "id;supplier;line;ordered;start;end;hours;completed_days\n\
        x1;kompass;spor1;2024-03-01;2024-03-04;2024-03-29;;\n\
        x2;kompas;spor3;2024-03-01;2024-03-04;2024-03-29;;\n\
        x3;kompas;spor1;2023-12-31;2024-01-02;2024-01-31;;\n\
        x4;kompas;spor1;2027-03-01;2027-03-01;2027-03-31;;\n\
        x5;kompas;spor1;2024-03-01;2024-03-04;2024-03-08;;6\n\
        x5;kompas;spor2;2024-03-01;2024-03-04;2024-03-29;;\n";
    f.write("ordrer.csv", orders);
    let out = f.run(
        "payments",
        &[
            "tender/ordrer.csv",
            "--index",
            "tender/kontrakt/indeks.toml",
        ],
    );
    let out = out.code(1);
    let err = stderr(&out);
    assert!(stdout(&out).is_empty());
    // Unknown supplier, with the nearest id.
    assert!(
        err.contains("error[E501]: `kompass` is not a supplier"),
        "{err}"
    );
    assert!(err.contains("did you mean `kompas`?"), "{err}");
    assert!(err.contains("ordrer.csv:2:4"), "{err}");
    // Unknown price line.
    assert!(
        err.contains("error[E502]: `spor3` is no price line"),
        "{err}"
    );
    // Before the contract period; in the extension that has not been exercised.
    assert!(
        err.contains("error[E503]: order placed on 2023-12-31"),
        "{err}"
    );
    assert!(
        err.contains("`contract.extension.exercised` is false"),
        "{err}"
    );
    // 6 weekdays completed of the 5 in 4–8 March.
    assert!(
        err.contains("6 weekdays completed, but the order holds only 5 weekdays"),
        "{err}"
    );
    // The second x5, and the hour line without hours.
    assert!(
        err.contains("error[E505]: order `x5` is listed twice (also on line 6)"),
        "{err}"
    );
    assert!(err.contains("gives no `hours`"), "{err}");
    // The hour line without hours is pointed at in its row: the header is line 1.
    let row = line_of(orders, "x5;kompas;spor2");
    assert_eq!(row, 7);
    assert!(err.contains("ordrer.csv:7:"), "{err}");
    assert!(err.contains("nothing was settled"), "{err}");
}

#[test]
fn cancellations_prices_not_known_and_protected_files() {
    let f = Fixture::reference();
    // Cancelled on the day of the start: too late (Kontrakt pkt. 2.7: until 1 day before).
    f.write(
        "sen.csv",
        "id,supplier,line,ordered,start,end,cancelled\nc1,kompas,spor1,2024-03-01,2024-03-04,2024-03-29,04-03-2024\n",
    );
    let err = stderr(&f.run("payments", &["tender/sen.csv"]).code(1));
    assert!(
        err.contains("error[E504]: cancelled on 2024-03-04"),
        "{err}"
    );
    assert!(err.contains("so by 2024-03-03 (Kontrakt pkt. 2.7"), "{err}");
    // Placed in 2025 without an index file: the price in force is not known.
    f.write(
        "2025.csv",
        "id;supplier;line;ordered;start;end\nk1;kompas;spor1;2025-02-03;2025-02-03;2025-02-28\n",
    );
    let err = stderr(&f.run("payments", &["tender/2025.csv"]).code(1));
    assert!(err.contains("error[E506]"), "{err}");
    assert!(err.contains("no index file was given"), "{err}");
    // The report never overwrites an input.
    f.run(
        "payments",
        &[
            "tender/kontrakt/ordrer.csv",
            "--index",
            "tender/kontrakt/indeks.toml",
            "-o",
            "tender/kontrakt/ordrer.csv",
        ],
    )
    .code(3);
    f.run(
        "index",
        &[
            "tender/kontrakt/indeks.toml",
            "-o",
            "tender/kontrakt/indeks.toml",
        ],
    )
    .code(3);
    // An index of another series is refused.
    f.replace(INDEX, "78 Arbejdsformidling", "77 Udlejning");
    let err = stderr(&f.run("index", &["tender/kontrakt/indeks.toml"]).code(1));
    assert!(err.contains("but the contract names"), "{err}");
}

#[test]
fn a_tender_without_a_contract_says_what_to_add() {
    let f = Fixture::copy_of("tenders/money-per-point");
    f.write("o.csv", "id;supplier;line;ordered;start;end\n");
    let err = stderr(&f.run("payments", &["tender/o.csv"]).code(1));
    assert!(err.contains("has no `[contract]` section"), "{err}");
}

#[test]
fn a_month_or_a_settlement_date_needs_only_the_prices_it_pays() {
    let f = Fixture::reference();
    // Without the index file, order 2025-001 (placed in 2025) has no known price; a
    // settlement of September 2024, or through 31 October 2024, does not need it.
    let month = json(
        &f.run(
            "payments",
            &[
                "tender/kontrakt/ordrer.csv",
                "--month",
                "2024-09",
                "-f",
                "json",
            ],
        )
        .success(),
    );
    // As above: Kompas 6 130, Job & Trivsel 1 840 (order 2024-005: 6,5 × 1 150 × 16/65).
    assert_eq!(month["total"], "7970.00");
    f.run(
        "payments",
        &["tender/kontrakt/ordrer.csv", "--through", "2024-10-31"],
    )
    .success();
    // The whole file does need it.
    f.run("payments", &["tender/kontrakt/ordrer.csv"]).code(1);
}

#[test]
fn dates_out_of_order_and_orders_running_for_years_are_refused() {
    let f = Fixture::reference();
    // Headers in any case; a tab between fields.
    let orders = "ID\tSupplier\tLine\tOrdered\tStart\tEnd\tCancelled\n\
        s1\tkompas\tspor1\t2024-10-01\t2024-09-16\t2024-10-31\t\n\
        s2\tkompas\tspor1\t2024-01-02\t2023-12-01\t2024-01-31\t\n\
        s3\tkompas\tspor1\t2024-02-01\t2024-03-01\t9999-12-31\t\n\
        s4\tkompas\tspor1\t2024-09-02\t2024-10-01\t2024-10-31\t2024-08-01\n";
    f.write("o.csv", orders);
    let err = stderr(&f.run("payments", &["tender/o.csv"]).code(1));
    assert!(
        err.contains("starts on 2024-09-16, before it was placed (2024-10-01)"),
        "{err}"
    );
    assert!(
        err.contains("starts on 2023-12-01, before the contract (2024-01-01)"),
        "{err}"
    );
    // The last day orders may be placed is 31 December 2026; two years on is 2028.
    assert!(
        err.contains("runs until 9999-12-31, more than 2 years after"),
        "{err}"
    );
    assert!(
        err.contains("cancelled on 2024-08-01, before the order was placed"),
        "{err}"
    );
    assert!(!err.contains("E003"), "{err}");
}

#[test]
fn completed_days_are_reported_as_completed() {
    let f = Fixture::reference();
    // Order 2024-005: 30 weekdays from 9 September 2024 end on Friday 18 October (16 in
    // September, then 1–4, 7–11 and 14–18 October).
    let table = stdout(
        &f.run(
            "payments",
            &[
                "tender/kontrakt/ordrer.csv",
                "--index",
                "tender/kontrakt/indeks.toml",
            ],
        )
        .success(),
    );
    assert!(
        table.contains("Ordre 2024-005: 30 hverdage gennemført, til og med 18. oktober 2024."),
        "{table}"
    );
    assert!(
        table.contains("I alt for Kompas Beskæftigelse ApS: "),
        "{table}"
    );
}

#[test]
fn snapshots_of_the_reports() {
    // Reviewed by hand: the amounts are those computed in the tests above.
    let f = Fixture::reference();
    let args = |extra: &[&'static str]| {
        let mut args = vec![
            "tender/kontrakt/ordrer.csv",
            "--index",
            "tender/kontrakt/indeks.toml",
        ];
        args.extend(extra);
        args
    };
    let md = stdout(&f.run("payments", &args(&["-f", "md"])).success());
    insta::assert_snapshot!("payments_md_da", md);
    let csv = stdout(
        &f.run("payments", &args(&["-f", "csv", "--month", "2024-12"]))
            .success(),
    );
    insta::assert_snapshot!("payments_csv_december", csv);
    let index = stdout(
        &f.run("index", &["tender/kontrakt/indeks.toml", "--lang", "en"])
            .success(),
    );
    insta::assert_snapshot!("index_table_en", index);
}

#[test]
fn a_toml_order_with_unreadable_values_gets_one_error_for_each() {
    let f = Fixture::reference();
    f.write(
        "o.toml",
        "[[orders]]\nid = \"t1\"\nsupplier = \"kompas\"\nline = \"spor2\"\nordered = 2024-03-01\n\
         start = 2024-03-04\nend = 2024-03-29\nhours = 1e30\ncompleted_days = 30.5\n\n\
         [[orders]]\nid = \"t2\"\nsupplier = \"kompas\"\nline = \"spor1\"\n\
         ordered = 2024-03-01T10:00:00\nstart = 2024-03-04\nend = 2024-03-29\n",
    );
    let err = stderr(&f.run("payments", &["tender/o.toml"]).code(1));
    assert!(err.contains("o.toml:8:9"), "{err}");
    assert!(
        err.contains("`completed_days` = 30.5 is not a whole number"),
        "{err}"
    );
    assert!(
        err.contains("`orders[2].ordered` = 2024-03-01T10:00:00 is not a date"),
        "{err}"
    );
    // The hours that could not be read are not reported again as missing.
    assert!(!err.contains("gives no `hours`"), "{err}");
    assert!(
        err.contains("3 problem(s) found; nothing was settled"),
        "{err}"
    );
}
