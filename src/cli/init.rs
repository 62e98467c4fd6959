//! `init`: a new tender folder from a commented template that passes `check` at once, or
//! (`--bid`) a new bid file listing every price line and quality criterion of a tender.
//! Never writes over a file or into a folder that is not empty.

use std::fs;
use std::path::Path;

use crate::input::diag::nearest;
use crate::input::library;

use super::error::Error;

const TENDER: &str = include_str!("templates/tender.toml");
const BID_A: &str = include_str!("templates/bid-a.toml");
const BID_B: &str = include_str!("templates/bid-b.toml");

/// Writes a new tender folder at `dir` with the named built-in model inside tender.toml.
pub(super) fn tender(dir: &Path, model: &str) -> Result<Vec<u8>, Error> {
    let text = library::built_in(model).ok_or_else(|| Error::UnknownModel {
        name: model.to_string(),
        suggestion: nearest(model, library::BUILT_IN.iter().map(|(n, _)| *n)).map(str::to_string),
        known: library::BUILT_IN
            .iter()
            .map(|(n, _)| n.to_string())
            .collect(),
    })?;
    if dir.exists() && fs::read_dir(dir).map_or(true, |mut e| e.next().is_some()) {
        return Err(Error::NotEmpty(dir.to_path_buf()));
    }
    let write = |relative: &str, contents: &str| {
        let path = dir.join(relative);
        fs::create_dir_all(path.parent().unwrap_or(dir))
            .and_then(|()| fs::write(&path, contents))
            .map_err(|source| Error::Write { path, source })
    };
    write("tender.toml", &for_method(&with_model(text), text))?;
    write("bids/eksempel-a.toml", BID_A)?;
    write("bids/eksempel-b.toml", BID_B)?;
    write("rettelsesblade/.gitkeep", "")?;
    Ok(format!(
        "wrote a new tender to {} with model {model} inside tender.toml, two example bids and an empty rettelsesblade/; next: tenderscore check {}\n",
        dir.display(),
        dir.display()
    )
    .into_bytes())
}

/// Under a money model price is not weighted against quality (the model's amount is the
/// trade-off): the template's price line loses its weight and quality weighs 100 %.
fn for_method(tender: &str, model: &str) -> String {
    let money = model.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("method")
            && (l.contains("money-per-point") || l.contains("percent-surcharge"))
    });
    if !money {
        return tender.to_string();
    }
    tender
        .replacen(
            "id = \"kvalitet\"\nname = \"Kvalitet\"\nweight = 60",
            "id = \"kvalitet\"\nname = \"Kvalitet\"\nweight = 100",
            1,
        )
        .replacen(
            "weight = 40\nkind = \"price\"",
            "kind = \"price\"          # no weight: under a money model the amount per point sets the trade-off",
            1,
        )
}

/// The template with the model's file set in as its `[model]` table: the file's keys
/// under `[model]`, its tables as `[model.points]` and `[[model.anchors]]`. Its comments,
/// which speak of this program's own library, are left out; its values keep their notes.
fn with_model(model: &str) -> String {
    let mut out = format!("{TENDER}[model]\n");
    for line in model.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        if let Some(table) = trimmed.strip_prefix("[[") {
            out.push_str(&format!("[[model.{table}\n"));
        } else if let Some(table) = trimmed.strip_prefix('[') {
            out.push_str(&format!("[model.{table}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Writes `bids/<name>.toml` in the tender folder `dir`: every price line and quality
/// criterion listed with a "?" the user replaces, so `check` names each one still open.
pub(super) fn bid(dir: &Path, name: &str) -> Result<Vec<u8>, Error> {
    if name.trim().is_empty() {
        return Err(Error::Invalid {
            report: "error: give the bidder's name, e.g. tenderscore init --bid my-tender \"Bygherre ApS\"\n".into(),
            count: 1,
        });
    }
    let tender_file = dir.join("tender.toml");
    let text = fs::read_to_string(&tender_file).map_err(|error| Error::Invalid {
        report: format!(
            "error[E001]: cannot read {}: {error}; name the tender folder\n",
            tender_file.display()
        ),
        count: 1,
    })?;
    let tender: toml::Table = text.parse().map_err(|_| Error::Invalid {
        report: format!(
            "error[E002]: {} is not valid TOML; run `tenderscore check {}`\n",
            tender_file.display(),
            dir.display()
        ),
        count: 1,
    })?;
    let id: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let path = dir.join("bids").join(format!("{id}.toml"));
    let (prices, quality) = leaves(&tender);
    let deadline = tender
        .get("deadline")
        .map_or("2030-01-01T12:00:00+01:00".to_string(), ToString::to_string);
    let mut out = format!(
        "# The bid of {}. Replace every \"?\" with the bid's own value.\n\
         bidder = {}\n\
         cvr = \"?\"              # the bidder's CVR number, 8 digits\n\
         submitted = {deadline}   # change to the time the bid was submitted\n\
         reservation = \"?\"      # the box \"Har Tilbudsgiver forbehold?\": \"nej\" or \"ja\"\n\n[prices]\n",
        name.replace(['\n', '\r'], " "),
        // Quoted and escaped as TOML, whatever the name holds.
        toml::Value::String(name.to_string())
    );
    for (line, unit) in &prices {
        out.push_str(&format!("{line} = \"?\"   # the price per {unit}\n"));
    }
    out.push_str("\n[points]          # the evaluators' consensus, on the scale\n");
    for criterion in &quality {
        out.push_str(&format!("{criterion} = \"?\"\n"));
    }
    // Never over a file, nor through a link: the file must be new.
    let written = fs::create_dir_all(dir.join("bids")).and_then(|()| {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, out.as_bytes()))
    });
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::WouldOverwriteInput(path));
        }
        Err(source) => return Err(Error::Write { path, source }),
    }
    Ok(format!("wrote {}\n", path.display()).into_bytes())
}

/// The tender's price lines (id, unit) and quality criteria (ids), in file order: the
/// criteria no other criterion names as its parent.
fn leaves(tender: &toml::Table) -> (Vec<(String, String)>, Vec<String>) {
    let criteria: Vec<&toml::Table> = tender
        .get("criteria")
        .and_then(toml::Value::as_array)
        .map(|all| all.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default();
    let text =
        |c: &toml::Table, key: &str| c.get(key).and_then(toml::Value::as_str).map(str::to_string);
    let parents: Vec<String> = criteria.iter().filter_map(|c| text(c, "parent")).collect();
    let (mut prices, mut quality) = (Vec::new(), Vec::new());
    for c in criteria {
        let Some(id) = text(c, "id") else { continue };
        if parents.contains(&id) {
            continue;
        }
        if text(c, "kind").as_deref() == Some("price") {
            prices.push((id, text(c, "unit").unwrap_or_else(|| "unit".into())));
        } else {
            quality.push(id);
        }
    }
    (prices, quality)
}
