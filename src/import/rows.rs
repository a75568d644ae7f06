//! Turns the rows of a list into candidates, or says every problem with
//! its row, column and value.

use std::collections::BTreeSet;

use super::table::Table;

/// A candidate read from a row, every value checked.
pub struct NewCandidate {
    pub id: String,
    pub civilite: &'static str,
    pub nom: String,
    pub nom_usage: Option<String>,
    pub prenom: String,
    pub identifiant: String,
    pub date_naissance: Option<String>,
    pub voie: &'static str,
    pub adresse: Vec<String>,
    pub formateur: Option<String>,
    pub amenagement: Option<String>,
    pub jury: Vec<String>,
}

/// A problem of one cell.
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub what: String,
}

/// The candidates of the table, their ids made unique against `taken`
/// (the ids already in the session file), or every problem found.
pub fn candidates(
    table: &Table,
    fields: &[Option<&'static str>],
    taken: &BTreeSet<String>,
) -> Result<Vec<NewCandidate>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut ids = taken.clone();
    for (row, cells) in &table.rows {
        let get = |field: &str| -> (String, String) {
            fields
                .iter()
                .position(|f| *f == Some(field))
                .map(|i| {
                    (
                        table.headers[i].clone(),
                        cells
                            .get(i)
                            .map(|c| c.trim().to_owned())
                            .unwrap_or_default(),
                    )
                })
                .unwrap_or_else(|| (field.to_owned(), String::new()))
        };
        let mut problem = |(column, value): (String, String), what: &str| {
            problems.push(Problem {
                row: *row,
                column,
                value,
                what: what.to_owned(),
            });
        };
        let optional = |(_, v): (String, String)| (!v.is_empty()).then_some(v);

        let nom = get("nom");
        let prenom = get("prenom");
        if nom.1.is_empty() {
            problem(nom.clone(), "le nom manque");
        }
        if prenom.1.is_empty() {
            problem(prenom.clone(), "le prénom manque");
        }
        let civilite = match super::columns::normalise(&get("civilite").1).as_str() {
            "m" | "mr" | "monsieur" => "M.",
            "mme" | "madame" | "mlle" | "mademoiselle" => "Mme",
            _ => {
                problem(get("civilite"), "civilité attendue : M. ou Mme");
                "M."
            }
        };
        let voie = match super::columns::normalise(&get("voie").1).as_str() {
            "" | "formation" | "parcours de formation" => "formation",
            "vae" | "validation des acquis de l experience" => "vae",
            "equivalence" | "par equivalence" | "correspondance" => "equivalence",
            _ => {
                problem(
                    get("voie"),
                    "voie d'accès inconnue : formation, VAE ou équivalence",
                );
                "formation"
            }
        };
        let date_naissance = match optional(get("date_naissance")) {
            None => None,
            Some(text) => match date(&text) {
                Some(d) => Some(d),
                None => {
                    problem(
                        get("date_naissance"),
                        "date inexistante ou illisible (JJ/MM/AAAA)",
                    );
                    None
                }
            },
        };
        let identifiant = get("identifiant");
        if identifiant.1.is_empty() {
            problem(identifiant.clone(), "le numéro du candidat manque");
        }
        let mut adresse: Vec<String> = get("adresse")
            .1
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        let town = [get("code_postal").1, get("ville").1]
            .join(" ")
            .trim()
            .to_owned();
        if !town.is_empty() {
            adresse.push(town);
        }
        if adresse.is_empty() {
            problem(get("adresse"), "l'adresse manque (pour la convocation)");
        }
        let jury: Vec<String> = get("jury")
            .1
            .split([',', ';', ' '])
            .filter(|j| !j.is_empty())
            .map(str::to_owned)
            .collect();
        let given = get("id");
        let id = if given.1.is_empty() {
            unique(&slug(nom_usage_or(&get("nom_usage").1, &nom.1)), &ids)
        } else if !is_slug(&given.1) {
            problem(
                given.clone(),
                "identifiant invalide\u{a0}: lettres minuscules sans accent, chiffres, - ou _",
            );
            given.1.clone()
        } else if ids.contains(&given.1) {
            problem(
                given.clone(),
                "cet identifiant est déjà pris (dans le fichier ou la liste)",
            );
            given.1.clone()
        } else {
            given.1.clone()
        };
        ids.insert(id.clone());
        out.push(NewCandidate {
            id,
            civilite,
            nom: nom.1,
            nom_usage: optional(get("nom_usage")),
            prenom: prenom.1,
            identifiant: identifiant.1,
            date_naissance,
            voie,
            adresse,
            formateur: optional(get("formateur")),
            amenagement: optional(get("amenagement")),
            jury,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn nom_usage_or<'a>(usage: &'a str, nom: &'a str) -> &'a str {
    if usage.is_empty() { nom } else { usage }
}

/// An id as the session file wants it: `[a-z0-9_-]+`.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// `JJ/MM/AAAA` (or `AAAA-MM-JJ`, as a workbook's date cell) as
/// `AAAA-MM-JJ`, when the date exists.
fn date(text: &str) -> Option<String> {
    let parsed = chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()?;
    Some(parsed.format("%Y-%m-%d").to_string())
}

/// An id from a name: its first word, lowercase, without accents or
/// apostrophes ("O'BRIEN" gives `obrien`).
fn slug(name: &str) -> String {
    let first = name
        .split([' ', '-'])
        .find(|w| !w.is_empty())
        .unwrap_or("candidat");
    let plain = super::columns::normalise(first).replace(' ', "");
    if plain.is_empty() {
        "candidat".to_owned()
    } else {
        plain
    }
}

/// `base`, or `base-2`, `base-3`… when taken.
fn unique(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| base.to_owned())
}
