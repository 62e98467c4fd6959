//! The tool works far from this repository: the standard scoring models are built in,
//! and a folder of models can be named by `--models` or `TENDERSCORE_MODELS`.

use assert_cmd::Command;
use tempfile::TempDir;

use crate::fixture::{REFERENCE, copy_dir, repo, stderr, stdout};

/// A copy of the reference tender alone in a temporary folder: no scoring-models beside it.
fn lone_tender() -> TempDir {
    let root = TempDir::new().unwrap();
    copy_dir(&repo().join(REFERENCE), &root.path().join("tender"));
    root
}

fn run_in(root: &TempDir, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(root.path())
        .env_remove("TENDERSCORE_MODELS")
        .args(args)
        .assert()
}

#[test]
fn a_tender_without_a_models_folder_is_scored_with_the_built_in_model() {
    let root = lone_tender();
    let out = run_in(&root, &["score", "tender", "--format", "json"]).success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let model = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["role"] == "model")
        .unwrap();
    assert_eq!(model["file"], "kk-minmax-8.toml (built-in library)");
    assert_eq!(model["sha256"].as_str().unwrap().len(), 64);
    // The same result as with the repository's folder of models.
    let beside: serde_json::Value = crate::fixture::json(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .args(["score", REFERENCE, "--format", "json"])
            .assert()
            .success(),
    );
    assert_eq!(report["bids"], beside["bids"]);
}

#[test]
fn models_lists_the_built_in_library_anywhere() {
    let root = lone_tender();
    let out = run_in(&root, &["models"]).success();
    for name in ["kk-minmax-8", "proportional-10", "money-5000-per-point"] {
        assert!(stdout(&out).contains(name), "{}", stdout(&out));
    }
    run_in(&root, &["models", "show", "kk-minmax-8"]).success();
}

#[test]
fn tenderscore_models_names_a_folder_whose_model_comes_first() {
    let root = lone_tender();
    // A folder with its own kk-minmax-8: 10 points at the minimum instead of 8.
    let models = root.path().join("my-models");
    std::fs::create_dir(&models).unwrap();
    let text = std::fs::read_to_string(repo().join("scoring-models/kk-minmax-8.toml")).unwrap();
    std::fs::write(
        models.join("kk-minmax-8.toml"),
        text.replace("points = 8", "points = 10"),
    )
    .unwrap();
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(root.path())
        .env("TENDERSCORE_MODELS", &models)
        .args(["score", "tender", "--format", "json", "--as-of", "0"])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["tender"]["model"]["anchors"][0]["points"], "10");
    assert!(stderr(&out).is_empty());
}

/// Conventions of a first use: the tender's tender.toml may be named instead of its
/// folder, a bid by its file path, `-f`/`-o` are short for `--format`/`--output`, and the
/// Danish words of the bid form (`ja`/`nej`) fill the reservation box.
#[test]
fn the_conventions_of_a_first_use() {
    let f = crate::fixture::Fixture::reference();
    let by_file = f
        .run_path("score", "tender/tender.toml", &["-f", "csv"])
        .success();
    let by_folder = f.run("score", &["--format", "csv"]).success();
    assert_eq!(stdout(&by_file), stdout(&by_folder));
    f.run_path("explain", "tender", &["tender/bids/kompas.toml"])
        .success();
    f.run_path("explain", "tender", &["KOMPAS BESKÆFTIGELSE APS"])
        .success();
    f.run("score", &["-f", "md", "-o", "report.md"]).success();
    assert!(f.root.path().join("report.md").is_file());
    // "ja" is JA ticked: a declared reservation, quoted as the file writes it.
    f.replace(
        "bids/kompas.toml",
        "reservation = \"no\"",
        "reservation = \"ja\"",
    );
    let report = crate::fixture::json(&f.run("score", &["--format", "json"]).success());
    let kompas = crate::fixture::bid(&report, "kompas");
    assert_eq!(kompas["findings"][0]["rule"], "declared-reservation");
    assert_eq!(
        kompas["findings"][0]["evidence"]["quote"],
        "reservation = \"ja\""
    );
    f.replace(
        "bids/kompas.toml",
        "reservation = \"ja\"",
        "reservation = \"nej\"",
    );
    let report = crate::fixture::json(&f.run("score", &["--format", "json"]).success());
    assert_eq!(crate::fixture::bid(&report, "kompas")["status"], "ranked");
}

#[test]
fn completions_and_the_manual_page_are_written() {
    let root = lone_tender();
    let bash = stdout(&run_in(&root, &["completions", "bash"]).success());
    assert!(bash.contains("_tenderscore()"), "{}", &bash[..200]);
    assert!(bash.contains("rescore"));
    let zsh = stdout(&run_in(&root, &["completions", "zsh"]).success());
    assert!(zsh.contains("#compdef tenderscore"));
    let man = stdout(&run_in(&root, &["man"]).success());
    assert!(man.contains(".TH tenderscore 1"), "{}", &man[..200]);
    assert!(man.contains("rejections"));
}

/// The model of kk-minmax-8, written inline in a tender.
const INLINE_MODEL: &str = "[model]\nname = \"kk-minmax-8\"\ntitle = \"Linear, minimum price 8 points, maximum price 0 points\"\nmethod = \"linear-anchors\"\n\n[model.points]\ndecimals = 2\nrounding = \"half-up\"\n\n[[model.anchors]]\nprice = \"min\"\npoints = 8\n\n[[model.anchors]]\nprice = \"max\"\npoints = 0\n";

/// A tender may define its model in tender.toml: the folder then holds everything that
/// decides the result. The same model inline gives the same evaluation; a rettelsesblad
/// changes it in tender.toml; naming a model as well, or none at all, is an error.
#[test]
fn a_model_defined_in_the_tender_itself() {
    let f = crate::fixture::Fixture::reference();
    let named = crate::fixture::json(&f.run("score", &["--format", "json"]).success());
    let text = f.read("tender.toml");
    let inline = text.replace(
        "model = \"kk-minmax-8\"   # scoring-models/kk-minmax-8.toml\n",
        "",
    ) + "\n"
        + INLINE_MODEL;
    f.write("tender.toml", &inline);
    std::fs::remove_dir_all(f.root.path().join("scoring-models")).unwrap();
    let report = crate::fixture::json(&f.run("score", &["--format", "json"]).success());
    assert_eq!(report["bids"], named["bids"]);
    // A rettelsesblad changes the inline model where it stands.
    f.write(
        "rettelsesblade/03-ti-point.toml",
        "number = 3\ndate = 2023-09-22\ntitle = \"10 point\"\nreference = \"RB 3\"\n\n[[changes]]\npath = \"model.anchors.1.points\"\nvalue = 10\n",
    );
    let report = crate::fixture::json(&f.run("score", &["--format", "json"]).success());
    assert_eq!(report["tender"]["model"]["anchors"][0]["points"], "10");
    // Named as well: one too many.
    f.write(
        "tender.toml",
        &inline.replace("[prices]\n", "[prices]\nmodel = \"kk-minmax-8\"\n"),
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("the tender names a scoring model and also defines one under [model]"),
        "{messages}"
    );
    // Neither: none at all.
    f.write(
        "tender.toml",
        &text.replace(
            "model = \"kk-minmax-8\"   # scoring-models/kk-minmax-8.toml\n",
            "",
        ),
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("the tender names no scoring model and defines none"),
        "{messages}"
    );
}

/// `init` writes a tender that passes `check` at once, with every built-in model;
/// `init --bid` lists every price line and quality criterion with a "?" that `check` names.
#[test]
fn init_writes_a_tender_that_passes_check_and_a_bid_to_fill_in() {
    let root = TempDir::new().unwrap();
    for (model, _) in tenderscore::input::library::BUILT_IN {
        let dir = format!("t-{model}");
        run_in(&root, &["init", &dir, "--model", model]).success();
        // Without a warning either (a price weight under a money model would be one).
        let check = run_in(&root, &["check", &dir, "--strict"]).success();
        assert!(
            stdout(&check).starts_with("ok: tender new-tender"),
            "{model}"
        );
        run_in(&root, &["score", &dir]).success();
    }
    let out = run_in(&root, &["init", "--bid", "t-kk-minmax-8", "Tredje Bud ApS"]).success();
    assert!(stdout(&out).contains("tredje-bud-aps.toml"));
    let messages = stderr(&run_in(&root, &["check", "t-kk-minmax-8"]).code(1));
    for open in [
        "prices.pris` must be a number",
        "points.indsats` must be a number",
        "`reservation` cannot be \"?\"",
    ] {
        assert!(messages.contains(open), "{open}: {messages}");
    }
    // Never over anything: a folder that is not empty, a bid that exists.
    let again = run_in(&root, &["init", "t-kk-minmax-8"]).code(3);
    assert!(
        stderr(&again).contains("it is not empty"),
        "{}",
        stderr(&again)
    );
    run_in(&root, &["init", "--bid", "t-kk-minmax-8", "Tredje Bud ApS"]).code(3);
    run_in(&root, &["init", "x", "--model", "kk-minmax-9"]).code(2);
}

/// `-q` keeps warnings and legal flags off standard error; errors are always printed.
#[test]
fn quiet_silences_warnings_but_not_errors() {
    let f = crate::fixture::Fixture::reference();
    f.write("bids/notes.txt", "evaluators' notes");
    assert!(stderr(&f.run("check", &[])).contains("warning[W001]"));
    assert!(stderr(&f.run("check", &["-q"]).success()).is_empty());
    assert!(stderr(&f.run("score", &["--quiet"]).success()).is_empty());
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = 11");
    assert!(stderr(&f.run("check", &["-q"]).code(1)).contains("error[E203]"));
}

/// Problems are coloured on request (`--color always`), never with `--color never`, and
/// not when standard error is no terminal (a pipe, here) unless asked.
#[test]
fn problems_are_coloured_only_when_asked_or_on_a_terminal() {
    let f = crate::fixture::Fixture::reference();
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = 11");
    let plain = stderr(&f.run("check", &[]).code(1));
    assert!(!plain.contains('\u{1b}'), "no escape codes through a pipe");
    let coloured = stderr(&f.run("check", &["--color", "always"]).code(1));
    assert!(coloured.contains("\u{1b}["), "ANSI colour when asked");
    let never = stderr(&f.run("check", &["--color", "never"]).code(1));
    assert_eq!(never, plain);
    // On a terminal (a pseudo-terminal by script(1)): colour, unless NO_COLOR is set.
    let bin = assert_cmd::cargo::cargo_bin("tenderscore");
    let on_terminal = |env: &str| {
        let shell = format!("{env} {} check {}", bin.display(), f.tender_dir().display());
        let out = std::process::Command::new("script")
            .args(["-qec", &shell, "/dev/null"])
            .output()
            .expect("script (util-linux) runs a command on a pseudo-terminal");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(on_terminal("true &&").contains("\u{1b}["));
    assert!(!on_terminal("NO_COLOR=1").contains("\u{1b}["));
}

/// A bidder's name with quotes is written as valid TOML; an empty name is refused.
#[test]
fn init_bid_writes_any_name_as_valid_toml() {
    let root = TempDir::new().unwrap();
    run_in(&root, &["init", "t"]).success();
    run_in(&root, &["init", "--bid", "t", "Byg \"Nord\" ApS"]).success();
    let messages = stderr(&run_in(&root, &["check", "t"]).code(1));
    assert!(!messages.contains("E002"), "{messages}");
    assert!(
        messages.contains("`reservation` cannot be \"?\""),
        "{messages}"
    );
    run_in(&root, &["init", "--bid", "t", " "]).code(1);
}
