//! `models` and `models show`: the model catalogue, and one model's formula and table.

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::input::diag::nearest;
use crate::input::models::{load_models, models_dir};
use crate::legal::model_notes;
use crate::report::models::{list, show};
use crate::scoring::tabulate::{Band, tabulate};
use crate::values::Money;

use super::ModelsCommand;
use super::error::Error;

pub(super) fn run(
    command: Option<ModelsCommand>,
    models: Option<PathBuf>,
) -> Result<Vec<u8>, Error> {
    let all = load_models(models_dir(models.as_deref()).as_deref())?;
    let Some(ModelsCommand::Show { name, band, target }) = command else {
        return Ok(list(&all).into_bytes());
    };
    let model = all
        .iter()
        .find(|m| m.name == name)
        .ok_or_else(|| Error::UnknownModel {
            suggestion: nearest(&name, all.iter().map(|m| m.name.as_str())).map(str::to_string),
            known: all.iter().map(|m| m.name.clone()).collect(),
            name: name.clone(),
        })?;
    let band = Band {
        min: Money::new(band.0),
        max: Money::new(band.1),
        target: Money::new(target.unwrap_or((band.0 + band.1) / Decimal::TWO)),
    };
    Ok(show(model, &model_notes(model), &tabulate(model, band)).into_bytes())
}
