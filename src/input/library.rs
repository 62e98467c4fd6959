//! The standard library of scoring models, compiled into the binary: the files of
//! `scoring-models/`, so an installed tool needs no folder beside it. A test checks that
//! this list and the folder hold the same models.

/// Every built-in model: its name (the file name without `.toml`) and its file's text.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "kk-minmax-8",
        include_str!("../../scoring-models/kk-minmax-8.toml"),
    ),
    (
        "lowest-to-highest-10",
        include_str!("../../scoring-models/lowest-to-highest-10.toml"),
    ),
    (
        "money-5000-per-point",
        include_str!("../../scoring-models/money-5000-per-point.toml"),
    ),
    (
        "percent-surcharge-20",
        include_str!("../../scoring-models/percent-surcharge-20.toml"),
    ),
    (
        "proportional-10",
        include_str!("../../scoring-models/proportional-10.toml"),
    ),
    (
        "relative-lowest-100",
        include_str!("../../scoring-models/relative-lowest-100.toml"),
    ),
    (
        "relative-lowest-75",
        include_str!("../../scoring-models/relative-lowest-75.toml"),
    ),
    (
        "target-10-8-0",
        include_str!("../../scoring-models/target-10-8-0.toml"),
    ),
];

/// The text of the built-in model with this name.
pub fn built_in(name: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_library_is_the_scoring_models_folder() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scoring-models");
        let mut on_disk: Vec<(String, String)> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| {
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        on_disk.sort();
        let built_in: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        assert_eq!(built_in, on_disk);
    }
}
